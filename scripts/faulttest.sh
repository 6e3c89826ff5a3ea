#!/usr/bin/env bash
# Loopback fault test of `dispersal serve` (issue #18, finding 1): stopping the server with SIGTERM
# while a long run executes and several progress streams are open. Starts the service as its own
# JVM on 127.0.0.1 with a fresh embedded store (the same stop path as `dispersal serve`: a shutdown
# hook that calls DispersalServer.close), submits a forecast, opens STREAMS event streams with curl,
# sends SIGTERM, and reports how long the process took to exit, the last event of every stream,
# the run's error and the lines written to stderr after the signal. Bounded in time; talks only to
# loopback. Exit status 0 when the stop was clean (exit within 10 s, every stream ended with the
# interrupted event, at most 2 log lines).
#
# With --oom instead: the out-of-memory case (issue #18, finding 2). The server queues, through its
# test seam (ServeForFaultTest's third argument), a run whose execution throws OutOfMemoryError;
# the script checks over HTTP that the run ends failed naming the error, that its event stream ends
# with the failed event, that cancelling it answers 409, and that a small forecast submitted next
# still succeeds (the server keeps serving). Exit status 0 when all four hold.
# Usage: scripts/faulttest.sh [STREAMS=8] [REPLICATIONS=3000]
#        scripts/faulttest.sh --oom
# For throughput of summary reads (requests/s, p50/p99, errors) see scripts/loadtest.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
oom=no
if [ "${1:-}" = --oom ]; then
  oom=yes
  shift
fi
streams=${1:-8}
replications=${2:-3000}
. scripts/server-test-classpath.sh
work=$(mktemp -d)
trap 'kill -9 "${server:-0}" 2>/dev/null || true; kill $(jobs -p) 2>/dev/null || true' EXIT
extra=()
[ $oom = yes ] && extra=("$work/oom-run")
timeout 600 java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$server_classpath" \
  org.dispersal.server.ServeForFaultTest "$work/port" "jdbc:duckdb:$work/store.duckdb" \
  "${extra[@]}" 2>"$work/stderr" &
server=$!
for _ in $(seq 1 120); do [ -s "$work/port" ] && break; sleep 1; done
port=$(cat "$work/port")
base="http://127.0.0.1:$port"
echo "server pid $server on $base"
csrf=$(curl -sf -c "$work/jar" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"admin-password-for-tests"}' "$base/api/session" | jq -r .csrfToken)
scenario=$(curl -sf -b "$work/jar" "$base/api/scenarios" | jq '[.[] | select(.name=="isis-2017")][0].id')

if [ $oom = yes ]; then
  ok=yes
  run=$(cat "$work/oom-run")
  status=""
  for _ in $(seq 1 150); do
    status=$(curl -sf -b "$work/jar" "$base/api/runs/$run" | jq -r .status)
    [ "$status" = failed ] || [ "$status" = succeeded ] || [ "$status" = cancelled ] && break
    sleep 0.2
  done
  error=$(curl -sf -b "$work/jar" "$base/api/runs/$run" | jq -r .error)
  echo "run $run (execution throws OutOfMemoryError): status $status, error: $error"
  [ "$status" = failed ] && [[ "$error" == *OutOfMemoryError* ]] || ok=no
  last=$(timeout 20 curl -sN -b "$work/jar" -H 'Accept: text/event-stream' \
    "$base/api/runs/$run/events" 2>/dev/null | grep '^data:' | tail -1 | cut -c6-) || true
  echo "its event stream ended; last event: ${last:-nothing}"
  echo "$last" | jq -e '.status=="failed"' >/dev/null 2>&1 || ok=no
  cancel=$(curl -s -o "$work/cancel" -w '%{http_code}' -b "$work/jar" -H "X-CSRF-Token: $csrf" \
    -X POST "$base/api/runs/$run/cancel")
  echo "cancel answered $cancel: $(jq -r .detail "$work/cancel" 2>/dev/null)"
  [ "$cancel" = 409 ] || ok=no
  next=$(curl -sf -b "$work/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d "{\"scenarioId\":$scenario,\"replications\":20,\"seed\":7,\"months\":6}" \
    "$base/api/runs" | jq .id)
  status=""
  for _ in $(seq 1 300); do
    status=$(curl -sf -b "$work/jar" "$base/api/runs/$next" | jq -r .status)
    [ "$status" = failed ] || [ "$status" = succeeded ] || [ "$status" = cancelled ] && break
    sleep 0.2
  done
  echo "next run $next (20 replications, 6 months): $status"
  [ "$status" = succeeded ] || ok=no
  kill -TERM "$server"
  wait "$server" 2>/dev/null || true
  echo "stderr of the server:"
  cut -c1-200 "$work/stderr"
  [ $ok = yes ] && echo "clean: the out-of-memory run ended failed and the server kept serving" && exit 0
  echo "FAIL"
  exit 1
fi
run=$(curl -sf -b "$work/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d "{\"scenarioId\":$scenario,\"replications\":$replications,\"seed\":7,\"months\":36}" \
  "$base/api/runs" | jq .id)
echo "run $run: $replications replications of isis-2017; opening $streams progress streams"
for i in $(seq 1 "$streams"); do
  timeout 120 curl -sN -b "$work/jar" -H 'Accept: text/event-stream' \
    "$base/api/runs/$run/events" >"$work/stream-$i" 2>/dev/null &
done
for _ in $(seq 1 600); do
  done_now=$(curl -sf -b "$work/jar" "$base/api/runs/$run" | jq .done)
  [ "$done_now" -gt 0 ] && break
  sleep 0.2
done
before=$(wc -l <"$work/stderr")
echo "run $run has $done_now replications done; sending SIGTERM"
start=$(date +%s%N)
kill -TERM "$server"
exited=no
for _ in $(seq 1 150); do
  if ! kill -0 "$server" 2>/dev/null; then exited=yes; break; fi
  sleep 0.1
done
took=$((($(date +%s%N) - start) / 1000000))
if [ $exited = no ]; then
  echo "FAIL: the server still runs ${took} ms after SIGTERM"
  exit 1
fi
wait "$server" 2>/dev/null || true
sleep 1
logged=$(($(wc -l <"$work/stderr") - before))
ok=yes
ended=0
for i in $(seq 1 "$streams"); do
  last=$(grep '^data:' "$work/stream-$i" | tail -1 | cut -c6-)
  if echo "$last" | jq -e '.status=="failed" and .error=="interrupted: the server stopped"' >/dev/null; then
    ended=$((ended + 1))
  else
    echo "stream $i ended with: ${last:-nothing}"
    ok=no
  fi
done
echo "exited ${took} ms after SIGTERM; $ended of $streams streams ended with the interrupted event;" \
  "$logged lines on stderr after the signal:"
tail -n "$logged" "$work/stderr" | cut -c1-200
[ "$took" -lt 10000 ] && [ "$logged" -le 2 ] && [ $ok = yes ] && echo "clean stop" && exit 0
echo "FAIL"
exit 1
