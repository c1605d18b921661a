#!/usr/bin/env bash
# Debian packages the chart rendering check needs: headless Chromium, and Node.js with npm for `npm ci`
# (the test runs `npm ci` itself, from package-lock.json, the first time node_modules is missing).
# Usage (as root, e.g. from .ci/run): bash tests/ChartRendering.Tests/install-prerequisites.sh
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || [ -n "${CHROMIUM:-}" ] || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
# Optional here (the test does it too), but it keeps the first test run quick and shows npm errors early.
cd "$(dirname "$0")" && npm ci --no-audit --no-fund
