#!/usr/bin/env bash
# Durability check on the embedded H2 database: records incidents through the API, kills the server with
# SIGKILL straight after the last commit, restarts it and counts what survived. Every committed incident must.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="$(mktemp -d /tmp/oprisk-crash.XXXXXX)"
PORT=18081
BASE="http://127.0.0.1:$PORT"
./mvnw -B -q package -DskipTests

start() {
  OPRISK_DATA_DIR="$DATA" QUARKUS_HTTP_PORT=$PORT java -jar target/quarkus-app/quarkus-run.jar >> "$DATA/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 60); do curl -sf "$BASE/q/health/ready" >/dev/null && return; sleep 1; done
  echo "app did not start"; exit 1
}
start
created=0
for i in $(seq 1 20); do
  status=$(curl -s -o /dev/null -w '%{http_code}' -u officer:demo -H 'Content-Type: application/json' \
    -d "{\"title\":\"crash test $i\",\"severity\":\"LOW\",\"eventCategory\":\"BUSINESS_DISRUPTION\",\"eventType\":\"SYSTEMS\",\"businessLine\":\"RETAIL_BANKING\",\"orgUnit\":\"IT\",\"owner\":\"Ops\",\"occurrenceDate\":\"2025-01-01\",\"discoveryDate\":\"2025-01-01\"}" \
    "$BASE/api/incidents")
  [ "$status" = 201 ] && created=$((created + 1))
done
kill -9 "$APP"; wait "$APP" 2>/dev/null || true
start
survived=$(curl -s -u auditor:demo "$BASE/api/incidents?q=crash+test" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
kill "$APP"; wait "$APP" 2>/dev/null || true
rm -rf "$DATA"
echo "committed: $created, after SIGKILL and restart: $survived"
[ "$created" = "$survived" ]
