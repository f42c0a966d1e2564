#!/usr/bin/env bash
# Run the tests: set up if needed, lint code and content, then pytest (unit + end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m ruff check .
.venv/bin/python -m lessons.lint
exec .venv/bin/python -m pytest -q "$@"
