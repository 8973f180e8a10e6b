#!/usr/bin/env bash
# One command on a fresh machine: set up .venv, install pledgegraph, run the main job.
# Writes the graph, ledger, validation report and accountability network into ./out/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
exec .venv/bin/pledgegraph build "$@"
