# Helpers for the .ci scripts that run the packaged app on PostgreSQL (sourced, not run on its own).
# Everything stays on 127.0.0.1; the app is target/quarkus-app as built by
#   DB_KIND=postgresql ./mvnw -B -q package -DskipTests        (.ci/run does this before calling the scripts)

APP_JAR=target/quarkus-app/quarkus-run.jar
PSQL=(env PGOPTIONS=--client-min-messages=warning psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -X -q -v ON_ERROR_STOP=1)

require_jar() {
  if [ ! -f "$APP_JAR" ]; then
    echo "$APP_JAR is missing: build it first with DB_KIND=postgresql ./mvnw -B -q package -DskipTests" >&2
    exit 2
  fi
}

# fresh_database NAME: an empty database of that name (dropped first if it exists)
fresh_database() {
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" -c "CREATE DATABASE \"$1\""
}

drop_database() {
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null 2>&1 || true
}

# port_free PORT: nothing answers on 127.0.0.1:PORT
port_free() {
  ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/"
}

# start_app LOG PORT DATABASE [VAR=value...]: the packaged app in the background (its pid in $!), with a clean
# OPRISK_SESSION_KEY / OPRISK_DEMO_DATA (unset unless given) so the caller's environment cannot change the outcome.
start_app() {
  local log=$1 port=$2 db=$3
  shift 3
  env -u OPRISK_SESSION_KEY -u OPRISK_DEMO_DATA \
    DB_KIND=postgresql DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres DB_PASSWORD= \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" "$@" \
    java -Xmx384m -jar "$APP_JAR" >"$log" 2>&1 &
}

# ready PORT: /q/health/ready answers UP
ready() {
  curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$1/q/health/ready"
}

# fail MESSAGE: records a failed check (in the caller's failures array) and says so
fail() {
  failures+=("$1")
  echo "  FAILED: $1"
}

now_ms() {
  date +%s%3N
}
