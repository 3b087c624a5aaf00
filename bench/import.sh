#!/usr/bin/env bash
# Bulk-import benchmark (issue #18): generates N incidents (default 100,000) with 5 loss lines each as the
# exports' CSV, starts the packaged application with a 256 MB heap on an empty H2 file database, signs in as the
# demo manager, uploads the files (dry run), imports them, and prints the time of each step and the largest heap a
# collection left. BENCH_DB=postgresql runs it on a new database oprisk_import_bench of the PostgreSQL at
# 127.0.0.1:5432 (user postgres) instead, with the application packaged for PostgreSQL.
#   bench/import.sh [incidents]      e.g. bench/import.sh 2000
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
PORT="${PORT:-18096}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/oprisk-import-bench.XXXXXX)"
if [ "${BENCH_DB:-h2}" = postgresql ]; then
  DB_KIND=postgresql ./mvnw -B -q package -DskipTests
  psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -X -q -c "DROP DATABASE IF EXISTS oprisk_import_bench WITH (FORCE)" \
    -c "CREATE DATABASE oprisk_import_bench"
  export DB_KIND=postgresql DB_URL=jdbc:postgresql://127.0.0.1:5432/oprisk_import_bench DB_USER=postgres DB_PASSWORD=
else
  ./mvnw -B -q package -DskipTests
fi

awk -v n="$N" 'BEGIN {
  print "reference,title,status,severity,event_category,event_type,business_line,org_unit,owner,occurrence_date,discovery_date,reporting_date,closure_date,near_miss,gain_event,causes,description";
  for (i = 1; i <= n; i++) {
    y = 2015 + (i % 10); m = 1 + (i % 12); d = 1 + (i % 27);
    date = sprintf("%d-%02d-%02d", y, m, d);
    closed = (i % 3 == 0) ? sprintf("%d-12-31", y) : "";
    status = (i % 3 == 0) ? "CLOSED" : "OPEN";
    printf "BANK-%07d,Historical event %d,%s,MEDIUM,EXECUTION_DELIVERY_PROCESS,TRANSACTION_CAPTURE_EXECUTION,RETAIL_BANKING,Operations,Head of Operations,%s,%s,%s,%s,false,false,PROCESS,Imported from the former system\n", i, i, status, date, date, date, closed;
  }
}' > "$WORK/incidents.csv"
awk -v n="$N" 'BEGIN {
  print "incident_reference,loss_id,entry_type,recovery_status,amount,currency,accounting_date,description";
  for (i = 1; i <= n; i++) {
    y = 2015 + (i % 10); m = 1 + (i % 12); d = 1 + (i % 27);
    for (k = 1; k <= 5; k++) {
      type = (k == 5) ? "INSURANCE_RECOVERY" : "DIRECT_CHARGE"; status = (k == 5) ? "RECEIVED" : "";
      amount = (k == 5) ? "100.00" : sprintf("%d.%02d", 1000 + (i * k) % 9000, k);
      printf "BANK-%07d,%d,%s,%s,%s,EUR,%d-%02d-%02d,Line %d\n", i, k, type, status, amount, y, m, 28, k;
    }
  }
}' > "$WORK/losses.csv"
echo "files: $(wc -l < "$WORK/incidents.csv") incident rows, $(wc -l < "$WORK/losses.csv") line rows (headers included)"

OPRISK_DATA_DIR="$WORK/data" QUARKUS_HTTP_PORT=$PORT java -Xmx256m -Xlog:gc:file="$WORK/gc.log" ${BENCH_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar \
  > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "$BASE/q/health/ready" >/dev/null && break; sleep 1; done

JAR="$WORK/cookies"
curl -s -c "$JAR" -b "$JAR" -o /dev/null -d 'j_username=manager&j_password=demo' "$BASE/j_security_check"
token() { curl -s -c "$JAR" -b "$JAR" "$BASE/imports" | sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -1; }
wait_for() {
  local id=$1 status=""
  while true; do
    status=$(curl -s -b "$JAR" "$BASE/imports/$id" | sed -n 's/.*data-status="\([A-Z]*\)".*/\1/p' | head -1)
    case "$status" in DONE|REJECTED|FAILED) echo "$status"; return;; esac
    sleep 2
  done
}
start=$(date +%s)
location=$(curl -s -c "$JAR" -b "$JAR" -o /dev/null -w '%{redirect_url}' -F "csrf-token=$(token)" \
  -F "incidents=@$WORK/incidents.csv;type=text/csv" -F "losses=@$WORK/losses.csv;type=text/csv" "$BASE/imports")
dry=${location##*/}
result=$(wait_for "$dry")
echo "dry run $dry: $result in $(( $(date +%s) - start )) s"
start=$(date +%s)
location=$(curl -s -c "$JAR" -b "$JAR" -o /dev/null -w '%{redirect_url}' -d "csrf-token=$(token)" \
  "$BASE/imports/$dry/run")
run=${location##*/}
result=$(wait_for "$run")
echo "import $run: $result in $(( $(date +%s) - start )) s (heap -Xmx256m, $N incidents, $((N * 5)) lines)"
echo "OutOfMemoryError lines in the log: $(grep -c "OutOfMemoryError" "$WORK/app.log" || true)"
# The heap each collection left (the live data, roughly): flat means it does not grow with the file.
awk -F'->' '/Pause/ { split($2, a, "M"); if (a[1] + 0 > max) max = a[1] + 0 } END { print "largest heap left after a collection: " max " MB of 256" }' "$WORK/gc.log"
# A full collection leaves only what is live: the data the import holds, without garbage not yet collected.
awk -F'->' '/Pause Full/ { n++; split($2, a, "M"); if (a[1] + 0 > max) max = a[1] + 0 } END { print "full collections: " n + 0 ", largest live heap after one: " max + 0 " MB" }' "$WORK/gc.log"
