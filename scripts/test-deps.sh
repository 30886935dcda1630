#!/usr/bin/env bash
# Installs what the tests need beyond Go: the official DingTalk Node SDK (pinned by
# test/sdk/package-lock.json) and, when missing, Debian's Chromium for the dashboard test.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v npm >/dev/null 2>&1; then
  if [ ! -d test/sdk/node_modules/@alicloud/dingtalk ]; then
    echo "test-deps: installing the DingTalk Node SDK (npm ci)"
    (cd test/sdk && npm ci --no-audit --no-fund --loglevel=error)
  fi
else
  echo "test-deps: npm not found; the SDK end-to-end tests will skip (and fail under CI=true)" >&2
fi

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test-deps: installing chromium and chromium-driver"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 ||
      { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null; }
  else
    echo "test-deps: chromium not installed and cannot install it here; the dashboard browser test will skip" >&2
  fi
fi
