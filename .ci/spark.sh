#!/usr/bin/env bash
# Spark smoke test of the launcher, after `./mvnw verify` (which already runs dispersal-spark's
# local-mode tests and the standalone-cluster test): the same forecast through ./dispersal with
# and without --spark local[2] must write the same summary.csv. Spark runs one scenario, so the
# local run is the single-scenario forecast (--single), not the default mixture of hypotheses.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${DISPERSAL_TARGET:-target}/ci-spark"
rm -rf "$out"
./dispersal forecast --single --runs 40 --months 12 --out "$out/local"
./dispersal forecast --runs 40 --months 12 --spark 'local[2]' --out "$out/spark"
local_hash="$(sha256sum < "$out/local/summary.csv")"
spark_hash="$(sha256sum < "$out/spark/summary.csv")"
if [ "$local_hash" != "$spark_hash" ]; then
  echo "CI: summary.csv differs between the local runner and --spark local[2]" >&2
  exit 1
fi
echo "CI: forecast --spark local[2] wrote the local summary.csv (sha256 ${local_hash%% *})"
