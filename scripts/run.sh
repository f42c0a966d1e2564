#!/usr/bin/env bash
# Run the bot: set up if needed, then start Rasa, the action server and the gateway.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m bot run "$@"
