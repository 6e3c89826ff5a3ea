#!/usr/bin/env bash
# Installs Debian's Chromium and its chromedriver for the dashboard's browser tests (dispersal-e2e),
# when they are missing. Needs root (CI runs as root). Nothing else is downloaded: Selenium is given
# these paths and never fetches a driver or a browser of its own.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
/usr/bin/chromedriver --version
