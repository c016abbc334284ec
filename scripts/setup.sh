#!/usr/bin/env bash
# Set up the project on a fresh Debian machine: a virtual environment with the pinned packages and the
# map's JS/CSS copied from installed packages into static/ (served by Streamlit; no CDN needed).
#   bash scripts/setup.sh         runtime only (to run the dashboard)
#   bash scripts/setup.sh --dev   also test tools, Chromium for the browser test, boundary build tools
set -euo pipefail
cd "$(dirname "$0")/.."
dev=false
[ "${1:-}" = "--dev" ] && dev=true

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_packages=()
python3 -c 'import ensurepip' 2>/dev/null || apt_packages+=(python3-venv)
if $dev && [ ! -x /usr/bin/chromium ]; then apt_packages+=(chromium); fi
# CJK fonts so the browser test's screenshots show Chinese text rather than empty boxes
if $dev && [ ! -d /usr/share/fonts/opentype/noto ]; then apt_packages+=(fonts-noto-cjk); fi
if [ ${#apt_packages[@]} -gt 0 ]; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${apt_packages[@]}"
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
if $dev; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
else
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
fi
if $dev; then
  # cffconvert (validates CITATION.cff) pins jsonschema<4, which frictionless cannot share: its own venv
  [ -x .venv-tools/bin/python ] || python3 -m venv .venv-tools
  printf '*\n' > .venv-tools/.gitignore
  .venv-tools/bin/python -m pip install -q --disable-pip-version-check -r requirements-tools.txt
fi
.venv/bin/python -m dashboard.assets
