#!/usr/bin/env bash
# One command on a fresh machine: set up .venv with the test extras, lint, run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
.venv/bin/python -m ruff check graph_builder visualise tests bench
exec .venv/bin/python -m pytest "$@"
