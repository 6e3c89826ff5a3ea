#!/usr/bin/env bash
# Smoke test of `dispersal update` from the launcher, as an analyst runs it: the built-in
# hypotheses of isis-2017 against the invented fixture events, with a small mixture forecast.
# Nothing to install. Call from .ci/run after `./mvnw verify` (the launcher's jar must exist).
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/ci-update
./dispersal update --events dispersal-cli/src/test/resources/org/dispersal/cli/events-2017.csv \
  --as-of 2017-09-30 --forecast --runs 20 --out "$out"
for f in weights.csv update.csv events.csv indicators.csv update.html mixture.csv summary.csv \
  manifest.json report.html; do
  test -s "$out/$f"
done
grep -q '^relocation,' "$out/weights.csv"
echo "CI: update smoke test wrote the audit trail, the watch list and the mixture forecast"
