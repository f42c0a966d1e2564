#!/usr/bin/env bash
# Run the tests.
#   bash scripts/test.sh          set up if needed, lint code and content, then every test
#                                 (unit, slow, Rasa story tests, end-to-end)
#   bash scripts/test.sh --unit   only the unit tests, well under a minute: no set-up, lint or model
# Other arguments go to pytest, e.g. `bash scripts/test.sh --unit tests/lessons -k quiz`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--unit" ]; then
  shift
  if [ ! -x .venv/bin/python ]; then
    echo "No .venv yet: run 'bash scripts/setup.sh' (or the plain 'bash scripts/test.sh') once." >&2
    exit 1
  fi
  exec .venv/bin/python -m pytest -q -m "not slow and not e2e" "$@"
fi
bash scripts/setup.sh
# The web widget's browser test drives Debian's Chromium with Playwright (installed with the dev
# extras). Install Chromium when we may; without it that one test is skipped and says why.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[test] installing chromium for the widget's browser test (about a minute)"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } >/dev/null 2>&1 \
    || echo "[test] chromium could not be installed; the browser test will be skipped" >&2
fi
.venv/bin/python -m ruff check .
.venv/bin/python -m lessons.lint
exec .venv/bin/python -m pytest -q "$@"
