#!/usr/bin/env bash
# Start a private OpenLink Virtuoso for tests and benchmarks: its own database directory and
# configuration, bound to 127.0.0.1 on non-default ports, so it never meets a system instance.
#
#   scripts/virtuoso-start.sh DIR [SQL_PORT] [HTTP_PORT]
#
# Writes DIR/virtuoso.ini, starts virtuoso-t in the foreground mode (as a background job), writes
# its PID to DIR/virtuoso.pid and waits until the SPARQL endpoint answers. Stop it with
# scripts/virtuoso-stop.sh DIR. Prints the endpoint URL on success; exits 1 with the log tail if
# Virtuoso did not come up, 3 if virtuoso-t is not installed.
set -euo pipefail

dir=${1:?usage: virtuoso-start.sh DIR [SQL_PORT] [HTTP_PORT]}
sql_port=${2:-11111}
http_port=${3:-18890}
bin=$(command -v virtuoso-t || true)
if [[ -z "$bin" ]]; then
  echo "virtuoso-t not found (Debian package virtuoso-opensource; see .ci/system-deps.sh)" >&2
  exit 3
fi
mkdir -p "$dir/db"
dir=$(cd "$dir" && pwd)
vad=$(ls -d /usr/share/virtuoso-opensource-*/vad 2>/dev/null | head -1 || true)
cat > "$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile    = $dir/db/virtuoso.db
ErrorLogFile    = $dir/db/virtuoso.log
LockFile        = $dir/db/virtuoso.lck
TransactionFile = $dir/db/virtuoso.trx
xa_persistent_file = $dir/db/virtuoso.pxa
ErrorLogLevel   = 7
FileExtend      = 200
Striping        = 0
TempStorage     = TempDatabase

[TempDatabase]
DatabaseFile    = $dir/db/virtuoso-temp.db
TransactionFile = $dir/db/virtuoso-temp.trx
Striping        = 0

[Parameters]
ServerPort           = 127.0.0.1:$sql_port
DisableUnixSocket    = 1
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = ., $dir${vad:+, $vad}
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000
ThreadsPerQuery      = 2

[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = $dir
MaxClientConnections = 10
ServerThreads        = 10
Charset              = UTF-8
EnabledGzipContent   = 0

[SPARQL]
; Large enough that no named query of the corpus is cut short (Virtuoso truncates silently).
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 60
INI

cd "$dir"
virtuoso-t +configfile "$dir/virtuoso.ini" +foreground > "$dir/stdout.log" 2>&1 &
pid=$!
echo "$pid" > "$dir/virtuoso.pid"
url="http://127.0.0.1:$http_port/sparql"
for _ in $(seq 1 240); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "virtuoso-t exited during start-up; log tail:" >&2
    tail -20 "$dir/db/virtuoso.log" "$dir/stdout.log" >&2 || true
    exit 1
  fi
  if curl -fsS -o /dev/null "$url?query=ASK%7B%7D" 2>/dev/null; then
    echo "$url"
    exit 0
  fi
  sleep 0.5
done
echo "Virtuoso did not answer on $url within 120 s; stopping it" >&2
kill "$pid" 2>/dev/null || true
exit 1
