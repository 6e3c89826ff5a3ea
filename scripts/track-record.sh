#!/usr/bin/env bash
# Regenerates the shipped track record: runs the documented hindcast of isis-2017 from 13 February
# 2017 (docs/VALIDATION.md) and copies its scorecard.json, with the command inside it, to the
# resource that the brief's track record and the report's "How good is this forecast?" box read
# (dispersal-output/src/main/resources/org/dispersal/output/track-record/isis-2017.json).
# Run it after any change to the model, the data or the observations, and commit the file.
# Usage: scripts/track-record.sh [OUT=out/hindcast]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/hindcast}"
./dispersal hindcast --as-of 2017-02-13 \
    --observations data/observations/known-2017-02.csv data/observations/validation-2017.csv \
    --out "$out" --no-store
target=dispersal-output/src/main/resources/org/dispersal/output/track-record
mkdir -p "$target"
cp "$out/scorecard.json" "$target/isis-2017.json"
echo "Wrote $target/isis-2017.json"
