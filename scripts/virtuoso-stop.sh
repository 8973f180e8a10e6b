#!/usr/bin/env bash
# Stop a Virtuoso started by scripts/virtuoso-start.sh DIR, by the PID it recorded.
set -euo pipefail
dir=${1:?usage: virtuoso-stop.sh DIR}
pidfile="$dir/virtuoso.pid"
[[ -f "$pidfile" ]] || { echo "no $pidfile: nothing to stop" >&2; exit 0; }
pid=$(cat "$pidfile")
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "Virtuoso $pid did not stop on TERM within 30 s; killing it" >&2
    kill -9 "$pid" 2>/dev/null || true
  fi
fi
rm -f "$pidfile"
