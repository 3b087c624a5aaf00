#!/usr/bin/env bash
# The session cookie key at start, on the packaged app (production profile) and PostgreSQL:
#   1. demo data off and no OPRISK_SESSION_KEY: the start fails with one clear line and the app never listens;
#   2. a key shorter than 16 characters: the same, and the key is not printed;
#   3. demo data on and no key: the app starts on a random key of its own that appears nowhere in its log
#      (Quarkus used to log "... using temporary key <key>" on the first request).
# Needs target/quarkus-app built with DB_KIND=postgresql (see .ci/app-process.sh) and PostgreSQL on 127.0.0.1:5432.
# Uses its own database (SESSION_KEY_DB, dropped at the end) and port (SESSION_KEY_PORT).
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/app-process.sh

DB=${SESSION_KEY_DB:-oprisk_session_key}
PORT=${SESSION_KEY_PORT:-18090}
WORK=$(mktemp -d)
PID=
failures=()

cleanup() {
  if [ -n "$PID" ]; then kill -KILL "$PID" 2>/dev/null || true; fi
  drop_database "$DB"
  rm -rf "$WORK"
}
trap cleanup EXIT

# expect_refused CASE LINE [VAR=value...]: the app must stop by itself with a non-zero exit, print LINE exactly once
# and no stack trace, and never answer HTTP.
expect_refused() {
  local name=$1 line=$2 log="$WORK/$1.log" rc=0 deadline=$((SECONDS + 90))
  shift 2
  start_app "$log" "$PORT" "$DB" OPRISK_DATA_DIR="$WORK/data" "$@"
  PID=$!
  while kill -0 "$PID" 2>/dev/null && [ $SECONDS -lt $deadline ]; do
    if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/q/health/ready"; then
      fail "$name: the app started and answered HTTP"
      break
    fi
    sleep 0.3
  done
  if kill -0 "$PID" 2>/dev/null; then
    [ $SECONDS -ge $deadline ] && fail "$name: still running after 90 s"
    kill -KILL "$PID"
  fi
  wait "$PID" 2>/dev/null || rc=$?
  PID=
  [ "$rc" -ne 0 ] || fail "$name: exit code 0"
  [ "$(grep -cxF "$line" "$log" || true)" -eq 1 ] || fail "$name: the line '$line' is not printed exactly once"
  if grep -qE '^[[:space:]]+at [a-zA-Z]' "$log"; then fail "$name: a stack trace is printed"; fi
  echo "  $name: exit code $rc, says: $(grep -m1 -F "$line" "$log" || echo '(nothing)')"
}

require_jar
port_free "$PORT" || { echo "port $PORT is taken" >&2; exit 2; }
fresh_database "$DB"

echo "-- 1. production profile, demo data off, no OPRISK_SESSION_KEY"
expect_refused no-key "OPRISK_SESSION_KEY is not set: set it to a random secret of at least 16 characters, the same on every instance (it encrypts the session cookies). Only a start with demo data (OPRISK_DEMO_DATA=true) may do without it." \
  OPRISK_DEMO_DATA=false

echo "-- 2. a key of 15 characters"
short_key=15charsOfSecret
expect_refused short-key "OPRISK_SESSION_KEY is too short: set it to a random secret of at least 16 characters, the same on every instance." \
  OPRISK_SESSION_KEY="$short_key"
if grep -qF "$short_key" "$WORK/short-key.log"; then fail "short-key: the key is printed"; fi

echo "-- 3. demo data on, no OPRISK_SESSION_KEY: starts, and its log holds no key"
log="$WORK/demo.log"
start_app "$log" "$PORT" "$DB" OPRISK_DATA_DIR="$WORK/data" OPRISK_SHUTDOWN_DELAY=PT0S
PID=$!
deadline=$((SECONDS + 120))
until ready "$PORT"; do
  if ! kill -0 "$PID" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
    fail "demo: the app did not become ready; its log:"
    tail -n 40 "$log"
    break
  fi
  sleep 0.3
done
# The first requests are when Quarkus sets up form sign-in (and used to log the temporary key); a signed-in API call
# also shows the sessions' key machinery is in place.
curl -s -o /dev/null "http://127.0.0.1:$PORT/login" || true
api=$(curl -s -o /dev/null -w '%{http_code}' -u officer:demo "http://127.0.0.1:$PORT/api/incidents" || true)
[ "$api" = 200 ] || fail "demo: GET /api/incidents as officer answered $api"
kill -TERM "$PID" 2>/dev/null || true
wait "$PID" || true
PID=
grep -q 'No OPRISK_SESSION_KEY set' "$log" || fail "demo: no notice that a random session key is in use"
if grep -qi 'temporary key' "$log"; then fail "demo: the log mentions a temporary key"; fi
# The generated key (and the key Quarkus used to make) is 32 random bytes in Base64: 43 characters and '='.
if grep -qE '[A-Za-z0-9+/]{43}=' "$log"; then fail "demo: the log holds a Base64 key"; fi
echo "  demo: started, API answered $api, log checked for keys"

if [ ${#failures[@]} -eq 0 ]; then
  echo "session-key: OK (no key without demo data and a short key are refused at start with one line; a demo start logs no key)"
else
  echo "session-key: FAILED (${#failures[@]}): $(printf '%s; ' "${failures[@]}")"
  exit 1
fi
