#!/usr/bin/env bash
# Two instances of the packaged app on one empty PostgreSQL database, as behind a load balancer:
#   1. both start at the same moment (same OPRISK_SESSION_KEY, demo data on) and both become ready;
#   2. the example case exists once, and both instances see the same register;
#   3. 100 creates sent in parallel, spread over both, all answer 2xx with 100 distinct references;
#   4. SIGTERM under load: readiness answers 503 before the instance stops, and no request in flight fails.
# Needs target/quarkus-app built with DB_KIND=postgresql (see .ci/app-process.sh) and PostgreSQL on 127.0.0.1:5432.
# Uses its own database (TWO_INSTANCES_DB, dropped at the end) and two ports (TWO_INSTANCES_PORTS).
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/app-process.sh

DB=${TWO_INSTANCES_DB:-oprisk_two_instances}
read -r PORT_A PORT_B <<<"${TWO_INSTANCES_PORTS:-18081 18082}"
A="http://127.0.0.1:$PORT_A"
B="http://127.0.0.1:$PORT_B"
KEY="two-instances-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
DELAY_MS=3000                  # OPRISK_SHUTDOWN_DELAY given to the instances
EXAMPLE=INC-2024-0719-01       # the worked example's reference (seed/ExampleCase.java)
WORK=$(mktemp -d)
PID_A=
PID_B=
BACKGROUND=()
failures=()
notes=()

cleanup() {
  touch "$WORK/stop"
  local pid
  for pid in "${BACKGROUND[@]}" $PID_A $PID_B; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  drop_database "$DB"
  rm -rf "$WORK"
}
trap cleanup EXIT

show_log() {
  echo "---- log of instance $1: its errors, then its last 40 lines"
  grep -m 5 -E ' ERROR | FATAL ' "$WORK/$1.log" | cut -c 1-400 || true
  echo "----"
  tail -n 40 "$WORK/$1.log"
}

summary() {
  if [ ${#failures[@]} -eq 0 ]; then
    echo "two-instances: OK ($(printf '%s; ' "${notes[@]}"))"
  else
    echo "two-instances: FAILED (${#failures[@]}): $(printf '%s; ' "${failures[@]}")"
    exit 1
  fi
}

incident_json() {
  printf '{"title":"%s","severity":"LOW","eventCategory":"EXTERNAL_FRAUD","eventType":"SYSTEMS_SECURITY",' "$1"
  printf '"businessLine":"RETAIL_BANKING","orgUnit":"Operations","owner":"Head of Operations",'
  printf '"occurrenceDate":"2025-02-01","discoveryDate":"2025-02-02","causes":["EXTERNAL"],"nearMiss":true}'
}

# api URL: GET as the demo officer, the body on stdout
api() {
  curl -s --max-time 30 -u officer:demo "$1"
}

require_jar
port_free "$PORT_A" && port_free "$PORT_B" || { echo "port $PORT_A or $PORT_B is taken" >&2; exit 2; }
fresh_database "$DB"

echo "-- 1. two instances start at the same moment on the empty database $DB"
for name in a b; do mkdir -p "$WORK/$name"; done
start_app "$WORK/a.log" "$PORT_A" "$DB" OPRISK_DATA_DIR="$WORK/a" OPRISK_SESSION_KEY="$KEY" OPRISK_DEMO_DATA=true \
  OPRISK_SHUTDOWN_DELAY="PT$((DELAY_MS / 1000))S" OPRISK_SHUTDOWN_GRACE=PT20S
PID_A=$!
start_app "$WORK/b.log" "$PORT_B" "$DB" OPRISK_DATA_DIR="$WORK/b" OPRISK_SESSION_KEY="$KEY" OPRISK_DEMO_DATA=true \
  OPRISK_SHUTDOWN_DELAY="PT$((DELAY_MS / 1000))S" OPRISK_SHUTDOWN_GRACE=PT20S
PID_B=$!
started=$SECONDS
ready_a=
ready_b=
while [ -z "$ready_a" ] || [ -z "$ready_b" ]; do
  [ -z "$ready_a" ] && ready "$PORT_A" && ready_a=$((SECONDS - started))
  [ -z "$ready_b" ] && ready "$PORT_B" && ready_b=$((SECONDS - started))
  for name in a b; do
    pid_var=PID_${name^^}
    ready_var=ready_$name
    if [ -z "${!ready_var}" ] && ! kill -0 "${!pid_var}" 2>/dev/null; then
      fail "instance $name stopped during its start"
      show_log $name
    fi
  done
  [ ${#failures[@]} -eq 0 ] || summary
  if [ $((SECONDS - started)) -ge 150 ]; then
    fail "not both ready within 150 s (a: ${ready_a:-no}, b: ${ready_b:-no})"
    show_log a
    show_log b
    summary
  fi
  sleep 0.3
done
echo "  both ready (a after ${ready_a} s, b after ${ready_b} s)"
notes+=("both instances ready")

echo "-- 2. the example case exists once"
for url in "$A" "$B"; do
  found=$(api "$url/api/incidents?q=CrowdStrike&size=100" | grep -o "\"reference\":\"$EXAMPLE\"" | wc -l || true)
  [ "$found" -eq 1 ] || fail "$url lists the example case $found times"
done
total_a=$(api "$A/api/incidents?size=1" | grep -o '"total":[0-9]*' || true)
total_b=$(api "$B/api/incidents?size=1" | grep -o '"total":[0-9]*' || true)
[ -n "$total_a" ] && [ "$total_a" = "$total_b" ] || fail "the instances list different registers ($total_a, $total_b)"
echo "  $EXAMPLE found once on each instance; both list ${total_a#*:} incidents"
notes+=("example case once")

echo "-- 3. 100 creates in parallel, alternately on each instance"
# One curl process starts all 100 transfers at once (--parallel-immediate opens every connection right away).
mkdir -p "$WORK/creates"
for i in $(seq 1 100); do
  port=$PORT_A
  [ $((i % 2)) -eq 0 ] && port=$PORT_B
  incident_json "Parallel create $i" >"$WORK/creates/$i.req"
  [ "$i" -gt 1 ] && echo next >>"$WORK/creates.curl"
  cat >>"$WORK/creates.curl" <<EOF
url = "http://127.0.0.1:$port/api/incidents"
user = "officer:demo"
header = "Content-Type: application/json"
data-binary = "@$WORK/creates/$i.req"
output = "$WORK/creates/$i.json"
max-time = 60
write-out = "%{http_code}\n"
EOF
done
curl -s --no-progress-meter --parallel --parallel-immediate --parallel-max 100 -K "$WORK/creates.curl" \
  >"$WORK/creates.status" 2>"$WORK/creates.err" || true
ok=$(grep -c '^2' "$WORK/creates.status" || true)
refs=$(cat "$WORK"/creates/*.json 2>/dev/null | grep -o '"reference":"[^"]*"' | sort | uniq | wc -l || true)
echo "  statuses: $(sort "$WORK/creates.status" | uniq -c | awk '{printf "%s x %s  ", $1, $2}')"
if [ "$ok" -ne 100 ]; then
  fail "$ok of 100 parallel creates answered 2xx"
  for i in a b; do
    echo "  errors of instance $i:"
    grep -A 3 -E ' ERROR ' "$WORK/$i.log" | grep -E 'ERROR|Caused by|Exception' | cut -c 1-300 | sort | uniq -c | sort -rn | head -8 || true
  done
fi
[ "$refs" -eq 100 ] || fail "$refs distinct references among the 100 parallel creates"
if [ "$ok" -ne 100 ]; then
  for f in "$WORK"/creates/*.json; do
    grep -q '"reference"' "$f" || { echo "  a failed create answered: $(head -c 300 "$f")"; break; }
  done
fi
stored=$(api "$B/api/incidents?q=Parallel+create&size=1" | grep -o '"total":[0-9]*' || true)
[ "${stored#*:}" = "$ok" ] || fail "the register holds ${stored#*:} parallel creates, $ok were acknowledged"
echo "  $ok answered 2xx, $refs distinct references, ${stored#*:} in the register"
notes+=("$ok/100 parallel creates 2xx with $refs distinct references")

echo "-- 4. SIGTERM to instance a under load"
# A stand-in for the load balancer: 4 workers send requests one after another (lists and creates) to a while a is in
# rotation, then to b. a leaves the rotation 1 s after its readiness was first seen DOWN, like a balancer probing
# every 500 ms that takes an instance out after two failed probes. So requests reach a after SIGTERM as well, during
# the delay (readiness down, a still serving). Each request is logged as "target start_ms end_ms curl_exit http_code".
# Two slow creates (body sent at 400 bytes/s, about 7 s) start 1 s before SIGTERM, so they are still in flight when
# the delay ends and a drains: they succeed only if the grace period keeps a up for them.
# Every request sent to a, before or after SIGTERM, must answer 2xx: a balancer that honours readiness never sends a
# request after a stopped, so a refused or cut connection here would be a request lost through the balancer.
incident_json "Under load" >"$WORK/body-load.json"
{ incident_json "Slow upload"; printf '%*s' 2500 ''; } >"$WORK/body-slow.json"

load_worker() {
  local n=$1 i target start code rc
  for i in $(seq 1 5000); do
    [ -e "$WORK/stop" ] && break
    target=a
    [ -e "$WORK/a-out" ] && target=b
    url=$A
    [ $target = b ] && url=$B
    start=$(now_ms)
    rc=0
    if [ $((i % 2)) -eq 1 ]; then
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -u officer:demo "$url/api/incidents?size=5") || rc=$?
    else
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -u officer:demo -H 'Content-Type: application/json' \
        --data-binary @"$WORK/body-load.json" "$url/api/incidents") || rc=$?
    fi
    echo "$target $start $(now_ms) $rc $code" >>"$WORK/load.$n"
  done
}

slow_create() {
  local start code rc=0
  start=$(now_ms)
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 --limit-rate 400 -u officer:demo \
    -H 'Content-Type: application/json' --data-binary @"$WORK/body-slow.json" "$A/api/incidents") || rc=$?
  echo "a $start $(now_ms) $rc $code" >"$WORK/slow.$1"
}

# Polls a's readiness every 100 ms ("start_ms end_ms http_code") and takes a out of the rotation 1 s after the first 503.
monitor_readiness() {
  local i start code down=
  for i in $(seq 1 1500); do
    [ -e "$WORK/stop" ] && break
    start=$(now_ms)
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$A/q/health/ready" || true)
    echo "$start $(now_ms) $code" >>"$WORK/ready.log"
    [ "$code" = 503 ] && [ -z "$down" ] && down=$start
    if [ -n "$down" ] && [ ! -e "$WORK/a-out" ] && [ "$(now_ms)" -ge $((down + 1000)) ]; then now_ms >"$WORK/a-out"; fi
    sleep 0.1
  done
}

monitor_readiness &
BACKGROUND+=($!)
for n in 1 2 3 4; do
  load_worker $n &
  BACKGROUND+=($!)
done
sleep 1.5
for n in 1 2; do
  slow_create $n &
  BACKGROUND+=($!)
done
sleep 1
term=$(now_ms)
kill -TERM "$PID_A"
(sleep 60 && kill -KILL "$PID_A") 2>/dev/null &
watchdog=$!
exit_code=0
wait "$PID_A" || exit_code=$?
stopped=$(now_ms)
kill "$watchdog" 2>/dev/null || true
PID_A=
sleep 1
touch "$WORK/stop"
wait "${BACKGROUND[@]}" 2>/dev/null || true
BACKGROUND=()
echo "  a stopped $((stopped - term)) ms after SIGTERM (exit code $exit_code)"
[ $((stopped - term)) -lt 45000 ] || fail "a took $((stopped - term)) ms to stop (killed by the watchdog?)"

# Readiness: UP in the last probe answered before SIGTERM, then 503 (asked after SIGTERM, answered by a running a).
last_before=$(awk -v t="$term" '$2 < t {code = $3} END {print code}' "$WORK/ready.log")
first_down=$(awk -v t="$term" '$1 >= t && $3 == 503 {print $1; exit}' "$WORK/ready.log")
[ "$last_before" = 200 ] || fail "readiness answered '$last_before' just before SIGTERM"
if [ -z "$first_down" ]; then
  fail "readiness never answered 503 between SIGTERM and the stop ($(awk '{print $3}' "$WORK/ready.log" | uniq -c | tr -s ' \n' ' '))"
else
  echo "  readiness 503 from $((first_down - term)) ms after SIGTERM ($(awk '$3 == 503' "$WORK/ready.log" | wc -l) probes), a out of rotation $(($(cat "$WORK/a-out" 2>/dev/null || echo "$term") - term)) ms after SIGTERM"
fi

cat "$WORK"/load.* "$WORK"/slow.* >"$WORK/requests"
read -r before before_ok in_flight after after_ok on_b on_b_ok <<<"$(awk -v t="$term" '
  $1 == "a" && $2 < t { before++; if ($4 == 0 && $5 ~ /^2/) before_ok++; if ($3 > t) in_flight++ }
  $1 == "a" && $2 >= t { after++; if ($4 == 0 && $5 ~ /^2/) after_ok++ }
  $1 == "b" { on_b++; if ($4 == 0 && $5 ~ /^2/) on_b_ok++ }
  END { print before + 0, before_ok + 0, in_flight + 0, after + 0, after_ok + 0, on_b + 0, on_b_ok + 0 }' "$WORK/requests")"
echo "  to a before SIGTERM: $before requests, $before_ok answered 2xx ($in_flight still in flight at SIGTERM)"
echo "  to a after SIGTERM, while in rotation: $after requests, $after_ok answered 2xx"
echo "  to b once a was out of rotation: $on_b requests, $on_b_ok answered 2xx"
[ "$before" -gt 0 ] && [ "$before_ok" -eq "$before" ] || fail "$((before - before_ok)) of $before requests to a started before SIGTERM failed"
[ "$after_ok" -eq "$after" ] || fail "$((after - after_ok)) of $after requests to a started after SIGTERM (a still in rotation) failed"
if [ "$on_b" -eq 0 ]; then
  fail "no request moved to b: a never left the rotation"
elif [ "$on_b_ok" -ne "$on_b" ]; then
  fail "$((on_b - on_b_ok)) of $on_b requests moved to b failed"
fi
awk -v t="$term" '!($4 == 0 && $5 ~ /^2/) {
  printf "  failed: to %s, started %+d ms from SIGTERM, ended %+d ms, curl exit %s, HTTP %s\n", $1, $2 - t, $3 - t, $4, $5 }' \
  "$WORK/requests" | head -n 10
for n in 1 2; do
  read -r _ start end rc code <"$WORK/slow.$n" || { start=0 end=0 rc=-1 code=none; }
  echo "  slow create $n: from $((start - term)) ms to $((end - term)) ms after SIGTERM, curl exit $rc, HTTP $code"
  if [ "$rc" -ne 0 ] || [[ $code != 2* ]]; then
    fail "slow create $n, in flight across the drain, failed (curl exit $rc, HTTP $code)"
  elif [ "$end" -le $((term + DELAY_MS)) ]; then
    fail "slow create $n ended before the drain began: the grace was not exercised"
  fi
done
notes+=("SIGTERM under load: readiness 503 before the stop, $before_ok/$before requests to a before and $after_ok/$after after SIGTERM 2xx, slow creates across the drain 2xx, stopped after $((stopped - term)) ms")

summary
