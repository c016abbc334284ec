"""`python -m dashboard.publish COMMAND ...`: see `dashboard.publish.cli`."""

import sys

from dashboard.publish.cli import run

sys.exit(run())
