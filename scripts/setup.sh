#!/usr/bin/env bash
# Set up everything the bot needs, idempotently: two virtualenvs, the Rasa model, the index.
# A second run only checks stamps and takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

find_python() {  # find_python 3.11 → a working interpreter of that version, or nothing
  local version=$1 candidate
  for candidate in "python$version" "$(command -v pyenv >/dev/null 2>&1 && pyenv root)/versions/$version"*/bin/"python$version" \
                   "$HOME"/.pyenv/versions/"$version"*/bin/"python$version" /usr/bin/"python$version" /usr/local/bin/"python$version"; do
    if [ -n "$candidate" ] && "$candidate" -c "import sys; assert sys.version_info[:2] == tuple(map(int, '$version'.split('.')))" >/dev/null 2>&1; then
      command -v "$candidate" 2>/dev/null || echo "$candidate"
      return 0
    fi
  done
  return 1
}

stamp_of() { cat "$@" 2>/dev/null | sha256sum | cut -c1-16; }

PY311=$(find_python 3.11) || { echo "Python 3.11 is required (gateway, actions). Install it (e.g. pyenv install 3.11)." >&2; exit 1; }
PY310=$(find_python 3.10) || { echo "Python 3.10 is required for Rasa 3.6 (e.g. pyenv install 3.10). None was found on PATH or under pyenv." >&2; exit 1; }

# Each venv installs the exact versions in its constraints file (constraints/*.txt, written by
# scripts/lock.sh), and its stamp hashes that file: a changed pin (torch, rasa, …) re-installs.

# 1. The project's venv (Python 3.11)
want=$(stamp_of pyproject.toml constraints/py311.txt)
if [ "$(cat .venv/.stamp 2>/dev/null)" != "$want" ]; then
  say "installing .venv with $PY311 (a few minutes the first time)"
  [ -x .venv/bin/python ] || "$PY311" -m venv .venv
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -c constraints/py311.txt torch   # first: the CPU build where offered
  .venv/bin/pip install -q -c constraints/py311.txt -e ".[dev]"
  echo "$want" > .venv/.stamp
fi

# 2. Rasa's own venv (Python 3.10; Rasa 3.6 pins old libraries)
want=$(stamp_of constraints/rasa.txt)
if [ "$(cat .venv-rasa/.stamp 2>/dev/null)" != "$want" ]; then
  say "installing .venv-rasa with $PY310 (about a minute)"
  [ -x .venv-rasa/bin/python ] || "$PY310" -m venv .venv-rasa
  .venv-rasa/bin/pip install -q --upgrade pip
  .venv-rasa/bin/pip install -q -c constraints/rasa.txt rasa   # the version is in the file
  echo "$want" > .venv-rasa/.stamp
fi

# 3. The Rasa model (retrained only when nlu/ changed), the knowledge index (only when content
# changed) and the situation head (only when knowledge/situations/ or its code changed)
say "checking the Rasa model"
.venv/bin/python -m bot train >/dev/null
say "checking the knowledge index"
.venv/bin/python -m knowledge build >/dev/null
say "checking the situation head (a few minutes the first time)"
.venv/bin/python -m knowledge.situation_train >/dev/null
say "ready"
