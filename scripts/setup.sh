#!/usr/bin/env bash
# Set up the project on a fresh Debian machine: a virtual environment with the pinned packages and the
# map's JS/CSS copied from installed packages into static/ (served by Streamlit; no CDN needed).
#   bash scripts/setup.sh         runtime only (to run the dashboard)
#   bash scripts/setup.sh --dev   also test tools, Chromium for the browser test, nginx for the failover
#                                 test, boundary build tools
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
# nginx for the failover test, which runs its own nginx (own config, pid, logs, temp files, free ports)
if $dev && [ ! -x /usr/sbin/nginx ]; then apt_packages+=(nginx); fi
if [ ${#apt_packages[@]} -gt 0 ]; then
  # Debian's nginx package starts (and enables) the system-wide nginx on port 80 when installed; forbid
  # service starts while installing (policy-rc.d exit 101, honoured by invoke-rc.d and
  # deb-systemd-invoke) unless the machine already has a policy of its own
  deny_starts=false
  if [[ " ${apt_packages[*]} " == *" nginx "* ]] && [ ! -e /usr/sbin/policy-rc.d ]; then
    trap 'as_root rm -f /usr/sbin/policy-rc.d' EXIT
    printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
    as_root chmod 755 /usr/sbin/policy-rc.d
    deny_starts=true
  fi
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${apt_packages[@]}"
  if $deny_starts; then
    as_root rm -f /usr/sbin/policy-rc.d
    trap - EXIT
  fi
  if [[ " ${apt_packages[*]} " == *" nginx "* ]] && command -v systemctl >/dev/null; then
    as_root systemctl disable --quiet nginx.service || true  # nor at the next boot
  fi
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
.venv/bin/python -m dashboard.map.assets
