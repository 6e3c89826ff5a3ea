#!/usr/bin/env bash
# Measures the five figures of issue #19 for two builds side by side (docs/PERFORMANCE.md):
#   1-2. ./dispersal forecast end to end (1,000 replications, store on): wall time and peak RSS,
#        ROUNDS interleaved runs of each build, each in a fresh DISPERSAL_HOME and --out;
#   3.   the agent engine on the reference model, 1 thread, as a ratio to the floor
#        (dispersal bench --quick --json, agent_ratio_to_floor_1t);
#   4.   a cached summary read through the API, 8 connections (SummaryLoad with one query);
#   5.   the results page of a stored run, first chart and all drawn (this checkout's
#        ResultsPageBench on both sources; from source, so only with BASE_REV).
# Usage: scripts/perf-table.sh BASE_JAR NEW_JAR [ROUNDS=3]
#   (a jar built since session 14 needs libduckdb_java.so_linux_amd64 beside it: copy both)
#   BASE_OPTS   JVM options of the base build's launcher (default -Xmx4g, the launcher before #19)
#   BASE_LAUNCHER  the base build's own launcher (e.g. main's ./dispersal copied to /tmp): when set,
#               the base forecast runs through it with DISPERSAL_JAR=BASE_JAR, as the new one does,
#               and BASE_OPTS is not used (session 10 compared two launchers on the same jar code)
#   NEW_LAUNCHER  the new build's launcher (default ./dispersal, which sizes the heap itself)
#   BASE_REV    a git revision: also run ResultsPageBench there (in a temporary worktree) and here
#   SKIP        space-separated figures to leave out, e.g. "bench page"
#   FORECAST_ARGS extra arguments of both forecasts, for a dry run only (e.g. "--runs 20")
#   SEED_STORE  a DuckDB run store (e.g. a copy of ~/.dispersal/dispersal.duckdb after a few
#               forecasts) copied into each round's DISPERSAL_HOME before the forecast, to measure a
#               store that already holds runs as a user's does (default: every round starts empty)
#   PAGE_LOADS  page loads of ResultsPageBench (default 20; a dry run: 3)
#   LOAD_ARGS   the load test's clients, seconds and replications (default "8 20 200"; a dry run:
#               "2 3 20")
#   LOAD_OPTIONS  SummaryLoad's options: empty (default) sends Accept-Encoding: gzip as a browser
#               does; "identity" asks for uncompressed answers; "jdk" uses the java.net.http
#               clients of sessions 7-8 instead of one keep-alive connection per client
#               (docs/SERVICE.md, "Load test")
# Base jar and launcher of the commit before #19: /tmp/perf-base (docs/PERFORMANCE.md says how to
# build them); the base launcher ran java -Xmx4g -jar, which is what BASE_OPTS gives.
# Run it on the idle machine: every figure moves with other people's load. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
base_jar=$(realpath "${1:?usage: scripts/perf-table.sh BASE_JAR NEW_JAR [ROUNDS]}")
new_jar=$(realpath "${2:?usage: scripts/perf-table.sh BASE_JAR NEW_JAR [ROUNDS]}")
rounds=${3:-3}
base_opts=${BASE_OPTS:--Xmx4g}
base_launcher=${BASE_LAUNCHER:-}
new_launcher=${NEW_LAUNCHER:-$PWD/dispersal}
skip=" ${SKIP:-} "
# shellcheck disable=SC2206
forecast_args=(${FORECAST_ARGS:-})
# shellcheck disable=SC2206
load_args=(${LOAD_ARGS:-8 20 200})
load_options=${LOAD_OPTIONS:-}
page_loads=${PAGE_LOADS:-20}
tmp=$(mktemp -d /tmp/dispersal-perf.XXXXXX)
trap 'rm -rf "$tmp"; git worktree prune' EXIT

# Runs a command, prints "seconds peak_rss_mb": wall time, and the peak of VmHWM read every 20 ms.
measure() {
  local log="$1"
  shift
  local start end pid peak=0 hwm
  start=$(date +%s.%N)
  "$@" >"$log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    if [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ]; then peak=$hwm; fi
    sleep 0.02
  done
  wait "$pid" || { echo "failed: $* (see $log)" >&2; tail -5 "$log" >&2; return 1; }
  end=$(date +%s.%N)
  printf "%.2f %d\n" "$(echo "$end - $start" | bc)" $((peak / 1024))
}

seed_store=${SEED_STORE:-}
# The round's DISPERSAL_HOME: empty, or holding a copy of SEED_STORE.
home_in() {
  mkdir -p "$1/home"
  if [ -n "$seed_store" ]; then cp "$seed_store" "$1/home/dispersal.duckdb"; fi
}

forecast_base() {
  home_in "$1"
  if [ -n "$base_launcher" ]; then
    DISPERSAL_HOME="$1/home" DISPERSAL_JAR="$base_jar" measure "$1/log" bash "$base_launcher" forecast \
      --out "$1/out" ${forecast_args[@]+"${forecast_args[@]}"}
  else
    DISPERSAL_HOME="$1/home" measure "$1/log" java $base_opts -jar "$base_jar" forecast --out "$1/out" \
      ${forecast_args[@]+"${forecast_args[@]}"}
  fi
}
forecast_new() {
  home_in "$1"
  DISPERSAL_HOME="$1/home" DISPERSAL_JAR="$new_jar" measure "$1/log" bash "$new_launcher" forecast \
    --out "$1/out" ${forecast_args[@]+"${forecast_args[@]}"}
}

declare -a bw=() br=() nw=() nr=()
if [[ "$skip" != *" forecast "* ]]; then
  # The launcher writes its class-data sharing archive on a command's first run after a build
  # (README, DISPERSAL_CACHE) and uses it from the next: one short run first, not measured, so the
  # rounds measure what every later run costs.
  d=$(mktemp -d "$tmp/warm.XXXX")
  DISPERSAL_HOME="$d/home" DISPERSAL_JAR="$new_jar" bash "$new_launcher" forecast --runs 20 \
    --out "$d/out" >"$d/log" 2>&1
  for i in $(seq 1 "$rounds"); do
    read -r w r < <(forecast_base "$(mktemp -d "$tmp/base.XXXX")")
    bw+=("$w"); br+=("$r")
    read -r w r < <(forecast_new "$(mktemp -d "$tmp/new.XXXX")")
    nw+=("$w"); nr+=("$r")
    echo "round $i: base ${bw[-1]} s ${br[-1]} MB, new ${nw[-1]} s ${nr[-1]} MB" >&2
  done
fi
median() { [ $# -gt 0 ] || { echo -; return; }; printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR==0) print "-"; else print a[int((NR+1)/2)]}'; }
range() { [ $# -gt 0 ] || { echo -; return; }; printf '%s\n' "$@" | sort -g | awk 'NR==1{lo=$1} {hi=$1} END {if (NR==0) print "-"; else printf "%s-%s", lo, hi}'; }

ratio() {
  java -Xmx4g -jar "$1" bench --quick --json 2>/dev/null | tail -1 |
    grep -o '"agent_ratio_to_floor_1t": [0-9.e+-]*' | awk '{print $2}'
}
b_ratio=- n_ratio=-
if [[ "$skip" != *" bench "* ]]; then
  b_ratio=$(ratio "$base_jar")
  n_ratio=$(ratio "$new_jar")
fi

# The load test's classes are compiled from this checkout; the jar named comes first on the class
# path, so the server under test is that build's (SummaryLoad uses only the service's public start,
# so it runs against a jar from before #19 too). The last line is the figures.
load() {
  java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$1:dispersal-server/target-loadtest/test-classes:$(cat dispersal-server/target-loadtest/load.classpath)" \
    org.dispersal.server.SummaryLoad "${load_args[@]}" '?scope=world&demographic=all' "$load_options" |
    grep '^requests ' | tail -1
}
b_load=- n_load=-
if [[ "$skip" != *" load "* ]]; then
  . scripts/server-test-classpath.sh
  b_load=$(load "$base_jar")
  n_load=$(load "$new_jar")
fi

# The results page: this checkout's ResultsPageBench (first chart and all drawn) on both sources.
# The base source's own bench times only "all drawn", so this checkout's bench and its Browser
# helper are copied over it in the temporary worktree: the same measurement of the base's dashboard.
# Built offline (-o) and without -Pfast, whose excluded tiers include the bench's "browser" tag.
# Prints "FIRST | ALL" (each "min .., median .., p90 .., max .."), or "- | -" when the bench failed.
page() {
  local log="$2" stats='min [0-9]* ms, median [0-9]* ms, p90 [0-9]* ms, max [0-9]* ms' first all
  if ! (cd "$1" && ./mvnw -o -B -pl dispersal-e2e -am verify -Dspotless.skip=true \
    -Dtest=ResultsPageBench -Dsurefire.failIfNoSpecifiedTests=false -Ddispersal.bench.loads="$page_loads" \
    >"$log" 2>&1); then
    echo "failed: the results page bench in $1 (see $log)" >&2
    grep -E 'ERROR|FAIL' "$log" | head -5 >&2 || true
  fi
  first=$(grep -o "first chart, [0-9]* loads: $stats" "$log" | tail -1 | grep -o "$stats" || true)
  all=$(grep -o "all drawn, [0-9]* loads: $stats" "$log" | tail -1 | grep -o "$stats" || true)
  echo "${first:--} | ${all:--}"
}
b_page="- | -" n_page="- | -"
if [ -n "${BASE_REV:-}" ] && [[ "$skip" != *" page "* ]]; then
  git worktree add -q --detach "$tmp/base-src" "$BASE_REV"
  e2e=dispersal-e2e/src/test/java/org/dispersal/e2e
  cp "$e2e/ResultsPageBench.java" "$e2e/Browser.java" "$tmp/base-src/$e2e/"
  b_page=$(page "$tmp/base-src" /tmp/perf-table-page-base.log)
  git worktree remove --force "$tmp/base-src"
  n_page=$(page "$PWD" /tmp/perf-table-page-new.log)
  echo "results page, base: ${b_page}; new: ${n_page}" >&2
fi

echo "| figure | base ($(basename "$(dirname "$base_jar")")) | new ($(basename "$(dirname "$new_jar")")) |"
echo "|---|---|---|"
echo "| \`./dispersal forecast\` end to end, s (median, range of $rounds) | $(median "${bw[@]}") ($(range "${bw[@]}")) | $(median "${nw[@]}") ($(range "${nw[@]}")) |"
echo "| its peak RSS, MB | $(median "${br[@]}") ($(range "${br[@]}")) | $(median "${nr[@]}") ($(range "${nr[@]}")) |"
echo "| agent engine / floor, reference, 1 thread | $b_ratio | $n_ratio |"
echo "| cached summary read, ${load_args[0]} connections$([ -z "$load_options" ] && echo ', Accept-Encoding: gzip' || echo ", $load_options") | $b_load | $n_load |"
echo "| results page, first chart | ${b_page%% | *} | ${n_page%% | *} |"
echo "| results page, all drawn (fan charts, flow, map) | ${b_page##* | } | ${n_page##* | } |"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
