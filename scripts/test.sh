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
.venv/bin/python -m ruff check .
.venv/bin/python -m lessons.lint
exec .venv/bin/python -m pytest -q "$@"
