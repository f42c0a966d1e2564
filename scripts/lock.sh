#!/usr/bin/env bash
# Write the constraints files from the two virtual environments, after a tested change of versions:
#   bash scripts/lock.sh && git diff constraints/
# scripts/setup.sh installs with `-c` these files, so a fresh machine gets the versions tested here.
set -euo pipefail
cd "$(dirname "$0")/.."
header() { printf '# %s: pip freeze of %s (written by scripts/lock.sh; do not edit by hand).\n' "$1" "$2"; }
# A local version label (torch 2.13.0+cpu) is dropped: "==2.13.0" matches the CPU build where one is
# offered and PyPI's build elsewhere.
{ header py311 .venv; .venv/bin/pip freeze --all --exclude pip --exclude-editable | sed -E 's/\+[A-Za-z0-9.]+$//'; } > constraints/py311.txt
{ header rasa .venv-rasa; .venv-rasa/bin/pip freeze --all --exclude pip --exclude-editable | sed -E 's/\+[A-Za-z0-9.]+$//'; } > constraints/rasa.txt
echo "constraints/py311.txt: $(grep -vc '^#' constraints/py311.txt) packages; constraints/rasa.txt: $(grep -vc '^#' constraints/rasa.txt) packages"
