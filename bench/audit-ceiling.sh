#!/usr/bin/env bash
# Audited writes across two instances (issue #19): the ceiling the audit chain's single lock puts on them.
#
#   bench/audit-ceiling.sh [seconds per measurement, default 10]
#
# Starts two instances of the app packaged for PostgreSQL on one new database (oprisk_audit_ceiling at 127.0.0.1:5432,
# user postgres), then bench/Ratio.java's "ceiling" mode measures, at 1 to 32 concurrent writers released together:
# the chain's own transaction in plain JDBC (lock the head row, insert the entry with its SHA-256, update the head,
# commit: the ceiling, whatever runs around it), the same insert and commit without the lock (what the database
# commits when writers do not take turns), and ledger lines added through the JSON API of both instances (each writer
# on an incident of its own, so that the audit chain is all they share). Writes target/bench-ceiling/ceiling.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-10}"
OUT=target/bench-ceiling
DB=oprisk_audit_ceiling
JDBC="jdbc:postgresql://127.0.0.1:5432/$DB"
rm -rf "$OUT" && mkdir -p "$OUT"
DB_KIND=postgresql ./mvnw -B -q package -DskipTests
cp -r target/quarkus-app "$OUT/app"
psql -X -q -h 127.0.0.1 -p 5432 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" \
  -c "CREATE DATABASE $DB"

PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT
start() {   # start <port>: an instance on the shared database, ready
  mkdir -p "$OUT/data-$1"
  DB_KIND=postgresql DB_URL="$JDBC" DB_USER=postgres DB_PASSWORD= OPRISK_DATA_DIR="$OUT/data-$1" \
    OPRISK_SESSION_KEY=bench-session-key-0123456789 QUARKUS_HTTP_PORT=$1 \
    java -Xmx256m -jar "$OUT/app/quarkus-run.jar" > "$OUT/app-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$1/q/health/ready" >/dev/null && return
    sleep 1
  done
  echo "instance on port $1 did not start"; tail -50 "$OUT/app-$1.log"; exit 1
}
start 18211   # the first migrates the database and seeds the example case
start 18212
java -cp "$(ls "$OUT"/app/lib/main/org.postgresql.postgresql-*.jar):$(ls "$OUT"/app/lib/main/com.h2database.h2-*.jar)" bench/Ratio.java ceiling --jdbc "$JDBC" \
  --user postgres --apps http://127.0.0.1:18211,http://127.0.0.1:18212 --seconds "$SECONDS_EACH" \
  --out "$OUT/ceiling.md"
