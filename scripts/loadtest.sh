#!/usr/bin/env bash
# Loopback load test of the results endpoint GET /api/runs/{id}/summary, bounded in time.
# Starts the service in-process on 127.0.0.1 with a fresh embedded store, runs one forecast, then
# CLIENTS concurrent clients ask for summaries for SECONDS seconds; prints req/s, p50/p99 latency
# and errors. Usage: scripts/loadtest.sh [CLIENTS=8] [SECONDS=20] [REPLICATIONS=200] [QUERY] [OPTIONS]
# QUERY (e.g. '?scope=world&demographic=all') makes every client repeat one query, the cached read
# of issue #19 (default, or '': a mix of six dashboard queries). The clients send
# Accept-Encoding: gzip as a browser does; OPTIONS is a comma-separated list: "identity" sends no
# Accept-Encoding (uncompressed answers), "etag" sends If-None-Match and expects 304.
# The server under test is this checkout's; scripts/perf-table.sh runs the same class against a jar.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-8}
seconds=${2:-20}
replications=${3:-200}
query=${4:-}
options=${5:-}
. scripts/server-test-classpath.sh
exec timeout $((seconds + 300)) java -Xmx1g \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$server_classpath" \
  org.dispersal.server.SummaryLoad "$clients" "$seconds" "$replications" "$query" "$options"
