# Starts a throw-away PostgreSQL 15 cluster on 127.0.0.1:54329 for the run store's tests and sets
# DISPERSAL_TEST_PG_URL. Meant to be sourced (". .ci/postgres.sh") so the variable reaches the build;
# it never calls exit. Installs PostgreSQL with apt-get when it is missing. Idempotent: a cluster
# already answering on the port is reused. Stop it with: pg_ctl -D "$DISPERSAL_PG_DIR/data" stop
# (as user postgres).
dispersal_pg_start() {
  local port=54329 db=dispersal_test
  local dir="${DISPERSAL_PG_DIR:-/tmp/dispersal-pg-$port}"
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$bin" ]; then
    echo "postgres.sh: installing PostgreSQL with apt-get" >&2
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql || return 1
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  # initdb refuses to run as root: run the server as user postgres when we are root.
  local as=()
  if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
  if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; fi
    "${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 >/dev/null || return 1
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null || {
      cat "$dir/server.log" >&2
      return 1
    }
  fi
  if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE $db" || return 1
  fi
  export DISPERSAL_PG_DIR="$dir"
  export DISPERSAL_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/$db?user=postgres"
  echo "DISPERSAL_TEST_PG_URL=$DISPERSAL_TEST_PG_URL"
}
dispersal_pg_start
