#!/usr/bin/env bash
# Start-up time and memory (issue #19: ready within 5 s on an idle machine, RSS after start at most 300 MB).
#
#   bench/startup.sh [starts, default 5]
#
# Packages the app (H2), starts it once on a new data directory (migrations and the example case: not counted), then
# starts it again the number of times given on that database and prints for each start: the time from launching java
# to the readiness check answering, what Quarkus logs as its start-up time, and the process's resident memory (RSS)
# once ready. BENCH_HEAP sets -Xmx (default: the JVM's own, as the README starts the app).
set -euo pipefail
cd "$(dirname "$0")/.."
STARTS="${1:-5}"
PORT="${PORT:-18221}"
OUT="$PWD/target/bench-startup"
rm -rf "$OUT" && mkdir -p "$OUT"
./mvnw -B -q package -DskipTests
HEAP=()
[ -n "${BENCH_HEAP:-}" ] && HEAP=("-Xmx$BENCH_HEAP")
APP=""
trap '[ -z "$APP" ] || kill "$APP" 2>/dev/null || true' EXIT
launch() {   # launch <log>: starts the app, waits until ready; prints the milliseconds it took
  local began now
  began=$(date +%s%N)
  OPRISK_DATA_DIR="$OUT/data" QUARKUS_HTTP_PORT=$PORT java "${HEAP[@]}" -jar target/quarkus-app/quarkus-run.jar \
    > "$1" 2>&1 &
  APP=$!
  until curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null; do
    kill -0 "$APP" 2>/dev/null || { echo "the app stopped"; tail -30 "$1"; return 1; }
    sleep 0.05
  done
  now=$(date +%s%N)
  echo $(( (now - began) / 1000000 ))
}
stop() { kill "$APP"; wait "$APP" 2>/dev/null || true; APP=""; }
launch "$OUT/first.log" > "$OUT/first.ms" || { cat "$OUT/first.ms"; exit 1; }
stop
echo "| start | ready after (ms) | Quarkus start-up | RSS when ready (MB) |"
echo "|---:|---:|---:|---:|"
for i in $(seq 1 "$STARTS"); do
  launch "$OUT/start-$i.log" > "$OUT/ms" || { cat "$OUT/ms"; exit 1; }
  ms=$(cat "$OUT/ms")
  rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$APP/status")
  quarkus=$(grep -o "started in [0-9.]*s" "$OUT/start-$i.log" | head -1 | sed 's/started in //')
  echo "| $i | $ms | $quarkus | $rss |"
  stop
done
