#!/usr/bin/env bash
# Smoke test of `dispersal serve` as a user starts it: the launcher, a fresh embedded store, the
# first admin from DISPERSAL_ADMIN_PASSWORD, then health, login, the scenario list, the dashboard
# page and the security headers over loopback. Call it from .ci/run after `./mvnw verify` (the
# server's own tests run there, against PostgreSQL too when .ci/postgres.sh was sourced).
# Usage: bash .ci/server.sh [JDBC-URL]   (default: a fresh embedded DuckDB file)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
log="$dir/serve.log"
db="${1:-jdbc:duckdb:$dir/store.duckdb}"
DISPERSAL_ADMIN_PASSWORD=ci-admin-password \
  ./dispersal serve --port 0 --db "$db" >"$log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
for _ in $(seq 1 600); do
  grep -q "is serving" "$log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "CI: dispersal serve stopped" >&2; exit 1; }
  sleep 1
done
url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$log" | head -1)
test -n "$url" || { cat "$log"; echo "CI: dispersal serve did not start" >&2; exit 1; }
curl -fsS --max-time 10 "${url}api/health" | grep -q '"status":"ok"'
session=$(curl -fsS --max-time 30 -c "$dir/jar" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"ci-admin-password"}' "${url}api/session")
echo "$session" | grep -q '"role":"admin"'
curl -fsS --max-time 10 -b "$dir/jar" "${url}api/scenarios" | grep -q '"name":"isis-2017"'
headers=$(curl -fsS --max-time 10 -D - -o /dev/null "$url")
echo "$headers" | grep -qi "^content-security-policy: default-src 'self'"
echo "$headers" | grep -qi '^x-frame-options: DENY'
echo "$headers" | grep -qi '^x-content-type-options: nosniff'
curl -fsS --max-time 10 -o /dev/null "${url}api/openapi.yaml"
echo "CI: dispersal serve on ${db%%\?*} answered health, login, scenarios, dashboard and OpenAPI at $url"
