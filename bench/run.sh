#!/usr/bin/env bash
# Benchmark of the register at 100,000 incidents (500,000 loss lines) and of the audit trail at 1,000,000 entries,
# on the embedded H2 database.
# Builds the app, loads generated data into a fresh data folder, then measures the register's pages, the API and
# the CSV exports with `hey` (installed from Debian if missing). Usage: bench/run.sh [incident count]
# BENCH_HEAP sets the server's heap limit (default 192m, the constrained case); BENCH_HEAP=default runs the server as
# the README starts it, with the JVM's default heap (a quarter of the machine's memory).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-100000}"
DATA="$(mktemp -d /tmp/oprisk-bench.XXXXXX)"
PORT=18080
BASE="http://127.0.0.1:$PORT"

command -v hey >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey; }
./mvnw -B -q package -DskipTests

HEAP="${BENCH_HEAP:-192m}"
HEAP_OPTION=()
[ "$HEAP" = default ] || HEAP_OPTION=("-Xmx$HEAP")
start() {
  OPRISK_DATA_DIR="$DATA" OPRISK_SESSION_KEY=bench-session-key-0123456789 QUARKUS_HTTP_PORT=$PORT \
    java "${HEAP_OPTION[@]}" -jar target/quarkus-app/quarkus-run.jar > "$DATA/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 60); do curl -sf "$BASE/q/health/ready" >/dev/null && return; sleep 1; done
  echo "app did not start"; cat "$DATA/app.log"; exit 1
}
stop() { kill "$APP"; wait "$APP" || true; }
trap 'kill $APP 2>/dev/null || true' EXIT

start; stop   # schema, demo users and the example case
# The app's own jar too: H2 runs the register's kept-totals trigger (incident.IncidentTotalsTrigger) on the load.
H2_JAR=$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar):$(ls target/quarkus-app/app/*.jar)
AUDIT_COUNT="${AUDIT_COUNT:-1000000}"
sed "s/\${count}/$COUNT/g" bench/generate-incidents.sql > "$DATA/generate.sql"
sed "s/\${count}/$AUDIT_COUNT/g" bench/generate-audit.sql > "$DATA/generate-audit.sql"
echo "Loading $COUNT incidents and $AUDIT_COUNT audit entries..."
time java -cp "$H2_JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$DATA/oprisk" -user sa -script "$DATA/generate.sql"
time java -cp "$H2_JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$DATA/oprisk" -user sa -script "$DATA/generate-audit.sql"
start

JAR_FILE="$DATA/cookies.txt"
curl -s -c "$JAR_FILE" -o /dev/null -d j_username=auditor -d j_password=demo "$BASE/j_security_check"
# The session cookie and the id of the open session, as one Cookie header value after "oprisk-session=".
SESSION=$(awk '/oprisk-session/ {print $7}' "$JAR_FILE")
SESSION_ID=$(awk '/oprisk-sid/ {print $7}' "$JAR_FILE")
COOKIE="$SESSION; oprisk-sid=$SESSION_ID"
measure() {
  local name="$1" path="$2"
  local out
  out=$(hey -n 200 -c 4 -H "Cookie: oprisk-session=$COOKIE" "$BASE$path")
  printf '%-34s p50 %6s ms  p95 %6s ms  max %6s ms  %s req/s\n' "$name" \
    "$(echo "$out" | awk '/ 50% in/ {printf "%.0f", $3*1000}')" \
    "$(echo "$out" | awk '/ 95% in/ {printf "%.0f", $3*1000}')" \
    "$(echo "$out" | awk '/Slowest:/ {printf "%.0f", $2*1000}')" \
    "$(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}')"
  echo "$out" | grep -q '\[200\]' || { echo "  non-200 answers:"; echo "$out" | sed -n '/Status code distribution/,$p'; }
}
# One request per period, each year from 2017 to 2025 twice, one after the other: every request reads other rows,
# so H2's result cache (which answers a repeated identical query) cannot flatter the figure as it does under hey.
measure_periods() {
  local name="$1" template="$2" times
  for year in 2017 2018 2019 2020 2021 2022 2023 2024 2025; do   # warm-up round, not counted
    curl -s -o /dev/null -H "Cookie: oprisk-session=$COOKIE" "$BASE${template//YEAR/$year}"
  done
  times=$(for year in 2017 2018 2019 2020 2021 2022 2023 2024 2025 2025 2024 2023 2022 2021 2020 2019 2018 2017; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Cookie: oprisk-session=$COOKIE" "$BASE${template//YEAR/$year}"
  done)
  echo "$times" | grep -qv '^200 ' && { echo "  $name: non-200 answers"; echo "$times" | grep -v '^200 '; }
  echo "$times" | awk '{print $2 * 1000}' | sort -n | awk -v name="$name" '{t[NR] = $1}
    END {p95 = int(NR * 0.95 + 0.999); printf "%-34s p50 %6.0f ms  p95 %6.0f ms  max %6.0f ms  (%d periods)\n",
      name, t[int((NR + 1) / 2)], t[p95], t[NR], NR}'
}

echo
echo "Single requests, one after the other (time to first byte to last byte):"
for path in "/incidents" "/incidents?q=vendor" "/incidents?sort=-netLoss&businessLine=RETAIL_BANKING"; do
  curl -s -o /dev/null -H "Cookie: oprisk-session=$COOKIE" "$BASE$path"   # warm-up
  printf '  %-60s %s s\n' "$path" "$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: oprisk-session=$COOKIE" "$BASE$path")"
done
echo
echo "Register with $COUNT incidents (hey: 200 requests, 4 concurrent, signed in)"
measure "list, default sort" "/incidents"
measure "list, sort by net loss" "/incidents?sort=-netLoss"
measure "list, page 2000" "/incidents?page=2000"
measure "list, status + event type + dates" "/incidents?status=OPEN&eventType=BUSINESS_DISRUPTION&from=2024-01-01&to=2024-12-31"
measure "list, free-text search" "/incidents?q=vendor"
measure "incident page" "/incidents/10000042"
measure "API list" "/api/incidents?size=100"
measure "dashboard" "/"
echo
echo "Loss analytics, one request per year (see measure_periods)"
measure_periods "losses page, one year, accounting" "/losses?dates=ACCOUNTING&from=YEAR-01-01&to=YEAR-12-31"
measure_periods "losses page, one year, occurrence" "/losses?dates=OCCURRENCE&from=YEAR-01-01&to=YEAR-12-31&grain=QUARTER"
measure_periods "losses matrix CSV, one year" "/losses/matrix.csv?from=YEAR-01-01&to=YEAR-12-31"
measure_periods "dashboard, loss panel on one year" "/?from=YEAR-01-01&to=YEAR-12-31"
measure "COREP C 17.01, year-end" "/reports/c17-01?referenceDate=2024-12-31"
measure "COREP C 17.02, year-end" "/reports/c17-02?referenceDate=2024-12-31"
measure "SMA calculator" "/reports/sma?year=2025"
measure "audit trail, newest page" "/audit"
measure "audit trail, page 10,000" "/audit?page=10000"
measure "audit trail, by user and action" "/audit?user=manager&action=UPDATE"
measure "audit trail, by user" "/audit?user=officer2"
measure "audit trail, by type and date" "/audit?type=Incident&from=2025-01-05&to=2025-01-06"
measure "audit trail, one record" "/audit?type=Incident&record=10000042"
measure "incident history" "/incidents/10000042/history"

for export in incidents/export.csv losses/export.csv; do
  start_ns=$(date +%s%N)
  bytes=$(curl -s -H "Cookie: oprisk-session=$COOKIE" "$BASE/$export" | wc -c)
  ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
  rss=$(ps -o rss= -p "$APP" | awk '{printf "%.0f", $1/1024}')
  printf '%-34s %6s ms  %s MB  (server RSS after: %s MB, heap limit %s)\n' "export $export" "$ms" "$((bytes / 1048576))" "$rss" "$HEAP"
done
stop
rm -rf "$DATA"
