#!/usr/bin/env bash
# Each page, export and write of the register next to the bare SQL the app runs for it (issue #19, item 1).
#
#   bench/ratio.sh [--smoke] [--db h2|postgresql|both] [incident counts...]     (default: both databases, 10000 100000)
#   bench/ratio.sh --smoke        1,000 incidents, 10,000 audit entries, H2 only, few rounds: a check that it all works
#
# For each database and size: a fresh database (H2 file under target/ratio, or PostgreSQL database oprisk_ratio_<n> at
# 127.0.0.1:5432, user postgres), the app's schema and demo data (one start of the packaged app), then the generated
# data (bench/generate-*.sql on H2, bench/generate-*-postgresql.sql on PostgreSQL: the same rows; 5 loss lines per
# incident, AUDIT_COUNT audit entries, default 1,000,000).
#
# How the statements the app runs are known: they are captured, not written by hand. The app is started once with
# statement logging on (H2: SET TRACE_LEVEL_FILE 2 while it runs, which writes every statement with its parameters
# to <db>.trace.db, then 0 again; PostgreSQL: ALTER DATABASE ... SET log_min_duration_statement = 0, whose server log shows every
# execute with "DETAIL: parameters"), and bench/Ratio.java requests each case twice, keeping what the log gained
# during the second request. Then the app is restarted without logging, warmed up (the pages requested in turn for
# WARMUP_SECONDS, not counted) and Ratio.java measures: for each case, after one uncounted round, rounds
# alternating one HTTP request and one plain-JDBC replay of the captured statements with the same parameters (one
# transaction, rolled back, so what a request writes - a new row, an export's audit entry - is written again each
# round with fresh keys; every row and column read; an export's rows written to a file as CSV). On PostgreSQL the
# exports are also timed against `COPY (<the export's main select>) TO STDOUT` written to a file (psql's \copy,
# through the driver's CopyManager). On H2 the bench reaches the app's embedded database through H2's AUTO_SERVER (a loopback TCP connection into the app's process), so the bare SQL pays a small network cost the app
# does not: ratios on H2 are, if anything, flattering to the app.
#
# Prints and writes (target/ratio/ratio-<db>-<n>.md) one table per database and size: app p50/p95, SQL p50/p95, the
# ratio of the p95s, COPY (PostgreSQL exports), and which of issue #19's targets each figure misses.
# Environment: ROUNDS (20), EXPORT_ROUNDS (5), WARMUP_SECONDS (90: the pages requested in turn, not counted, before
# any is measured, so the app is as warm as a running one), AUDIT_COUNT, BENCH_HEAP (192m), PORT (18097), PG_LOG (the server log),
# CASES (a regular expression: only the cases whose name it finds, e.g. CASES='^(incident list|list, )'), KEEP (set:
# keep the data directory and database after the run). The app's log is copied to target/ratio/app-<db>-<n>.log.
set -euo pipefail
cd "$(dirname "$0")/.."

SMOKE=false
DBS=both
SIZES=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) SMOKE=true ;;
    --db) DBS="$2"; shift ;;
    *) SIZES+=("$1") ;;
  esac
  shift
done
if $SMOKE; then
  [ ${#SIZES[@]} -gt 0 ] || SIZES=(1000)
  [ "$DBS" != both ] || DBS=h2
  AUDIT_COUNT="${AUDIT_COUNT:-10000}"
  ROUNDS="${ROUNDS:-3}"
  EXPORT_ROUNDS="${EXPORT_ROUNDS:-1}"
  WARMUP_SECONDS="${WARMUP_SECONDS:-5}"
fi
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000)
[ "$DBS" != both ] || DBS="h2 postgresql"
AUDIT_COUNT="${AUDIT_COUNT:-1000000}"
ROUNDS="${ROUNDS:-20}"
EXPORT_ROUNDS="${EXPORT_ROUNDS:-5}"
WARMUP_SECONDS="${WARMUP_SECONDS:-90}"
PORT="${PORT:-18097}"
BASE="http://127.0.0.1:$PORT"
HEAP="${BENCH_HEAP:-192m}"
PGHOST=127.0.0.1
PGPORT=5432
OUT="$PWD/target/ratio"
mkdir -p "$OUT"

# The packaged app, once per database kind (the JDBC driver is chosen at build time); rebuilt when sources changed.
build() {
  local kind=$1 dir="$OUT/app-$1"
  if [ ! -f "$dir/quarkus-run.jar" ] || [ -n "$(find src pom.xml -newer "$dir/quarkus-run.jar" -print -quit)" ]; then
    echo "Building the app for $kind..."
    DB_KIND=$kind ./mvnw -B -q package -DskipTests
    rm -rf "$dir" && cp -r target/quarkus-app "$dir"
  fi
}

APP=""
start() {   # start <kind> <jdbc url>
  DB_KIND=$1 DB_URL=$2 DB_USER=$DB_USER DB_PASSWORD= OPRISK_DATA_DIR="$DATA" \
    OPRISK_SESSION_KEY=bench-session-key-0123456789 QUARKUS_HTTP_PORT=$PORT \
    java "-Xmx$HEAP" -jar "$OUT/app-$1/quarkus-run.jar" >> "$DATA/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do
    curl -sf "$BASE/q/health/ready" >/dev/null && return
    kill -0 "$APP" 2>/dev/null || break
    sleep 1
  done
  echo "app did not start"; tail -50 "$DATA/app.log"; exit 1
}
stop() { [ -z "$APP" ] || { kill "$APP" 2>/dev/null; wait "$APP" || true; APP=""; }; }
trap 'stop' EXIT
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h $PGHOST -p $PGPORT -U postgres "$@"; }

run_one() {   # run_one <kind> <incidents>
  local kind=$1 count=$2 url jdbc db="oprisk_ratio_$2" log
  local lib="$OUT/app-$kind/lib/main"
  local cp
  # The app's own jar too: H2 runs the register's kept-totals trigger (incident.IncidentTotalsTrigger) on the load.
  cp="$(ls "$lib"/com.h2database.h2-*.jar):$(ls "$lib"/org.postgresql.postgresql-*.jar):$(ls "$OUT/app-$kind"/app/*.jar)"
  DATA="$OUT/data-$kind-$count"
  rm -rf "$DATA" && mkdir -p "$DATA"
  echo
  echo "== $kind, $count incidents, $AUDIT_COUNT audit entries"
  if [ "$kind" = h2 ]; then
    DB_USER=sa
    local file="$DATA/oprisk"
    url="jdbc:h2:file:$file;WRITE_DELAY=0;AUTO_SERVER=TRUE"   # AUTO_SERVER refuses DB_CLOSE_ON_EXIT=FALSE
    jdbc="jdbc:h2:file:$file;AUTO_SERVER=TRUE"
    log="$file.trace.db"
    start h2 "$url"; stop
    sed "s/\${count}/$count/g" bench/generate-incidents.sql > "$DATA/generate.sql"
    sed "s/\${count}/$AUDIT_COUNT/g" bench/generate-audit.sql > "$DATA/generate-audit.sql"
    local t0=$SECONDS
    java -cp "$cp" org.h2.tools.RunScript -url "jdbc:h2:file:$file" -user sa -script "$DATA/generate.sql"
    java -cp "$cp" org.h2.tools.RunScript -url "jdbc:h2:file:$file" -user sa -script "$DATA/generate-audit.sql"
    echo "loaded in $((SECONDS - t0)) s"
    : > "$log"
  else
    DB_USER=postgres
    psql_ -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
    url="jdbc:postgresql://$PGHOST:$PGPORT/$db"
    jdbc="$url"
    log="${PG_LOG:-$(ls -t /var/log/postgresql/postgresql-*-main.log | head -1)}"
    start postgresql "$url"; stop
    local t0=$SECONDS
    sed "s/\${count}/$count/g" bench/generate-incidents-postgresql.sql | psql_ -d "$db"
    sed "s/\${count}/$AUDIT_COUNT/g" bench/generate-audit-postgresql.sql | psql_ -d "$db"
    echo "loaded in $((SECONDS - t0)) s"
    psql_ -d postgres -c "ALTER DATABASE $db SET log_min_duration_statement = 0"
  fi

  start "$kind" "$url"
  echo "capture ($((SECONDS)) s)"
  java -cp "$cp" bench/Ratio.java capture --base "$BASE" --kind "$kind" --db "$db" --log "$log" --jdbc "$jdbc" \
    --user "$DB_USER" --out "$DATA/capture.bin" --sql-dump "$OUT/captured-$kind-$count.sql"
  if [ "$kind" = postgresql ]; then   # the pool's sessions keep the setting they started with: restart
    stop
    psql_ -d postgres -c "ALTER DATABASE $db RESET log_min_duration_statement"
    start "$kind" "$url"
  fi
  echo "measure ($((SECONDS)) s)"
  java -cp "$cp" bench/Ratio.java measure --base "$BASE" --kind "$kind" --jdbc "$jdbc" --user "$DB_USER" \
    --capture "$DATA/capture.bin" --rounds "$ROUNDS" --export-rounds "$EXPORT_ROUNDS" --warmup-seconds "$WARMUP_SECONDS" --work "$DATA" \
    --out "$OUT/ratio-$kind-$count.md"
  stop
  cp "$DATA/app.log" "$OUT/app-$kind-$count.log"
  if [ -n "${KEEP:-}" ]; then
    echo "kept: $DATA$([ "$kind" = h2 ] || echo " and database $db")"
    return
  fi
  rm -rf "$DATA"
  [ "$kind" = h2 ] || psql_ -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
}

for kind in $DBS; do build "$kind"; done
for count in "${SIZES[@]}"; do
  for kind in $DBS; do run_one "$kind" "$count"; done
done
echo
echo "Tables: $OUT/ratio-*.md; the statements captured per case: $OUT/captured-*.sql"
