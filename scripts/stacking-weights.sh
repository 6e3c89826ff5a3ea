#!/usr/bin/env bash
# Regenerates the shipped stacking weights of isis-2017's competing hypotheses: hindcasts every
# hypothesis from each quarter-end from June 2015 to December 2016 (priors, no calibration), each
# forecast starting at its date with what was known then (--start-at-date, issue #14), and fits
# the stacking weights as of the scenario's start, 13 February 2017, on the figures those forecast
# dates scored and that were published by then (docs/VALIDATION.md, "Competing hypotheses"). The
# default forecast mixes the hypotheses by these weights and `dispersal update` starts from them
# (docs/ANALYST.md). The command that made the file is inside it.
# Run it after any change to the model, the data, the observations or the hypotheses, and commit
# dispersal-output/src/main/resources/org/dispersal/output/stacking/isis-2017.json.
# Usage: scripts/stacking-weights.sh [OUT=out/stacking]
# RUNS (default 1000) sets the replications of each hindcast; fewer are faster and noisier (the
# file records the command). DISPERSAL_JAR runs that jar instead of the checkout's build.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/stacking}"
./dispersal hindcast --origins 2015-06..2016-12 --every 3 --hypotheses --start-at-date \
    --stacking-as-of 2017-02-13 --simulations 0 --runs "${RUNS:-1000}" \
    --observations data/observations/known-2017-02.csv data/observations/validation-2017.csv \
    --out "$out" --no-store --quiet
target=dispersal-output/src/main/resources/org/dispersal/output/stacking
mkdir -p "$target"
cp "$out/stacking-as-of-2017-02-13.json" "$target/isis-2017.json"
echo "Wrote $target/isis-2017.json"
