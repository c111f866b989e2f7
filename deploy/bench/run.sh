#!/usr/bin/env bash
# The benchmark of the federated view (docs/benchmarks.md): loads 3 regions with 1,000 customers and 1,000,000
# investigations (then grows to 10,000 customers), starts the system with real tokens and a centralized store for
# comparison, measures on loopback and writes deploy/bench/target/results/report.md plus raw latencies beside it.
# About 35 minutes on 2 cores. `--quick` runs the same steps on a small dataset in a few minutes (a smoke run).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

. deploy/ensure-built.sh deploy/bench/target/lib

exec java -Xmx1g -Dmci.root="$root" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "deploy/bench/target/classes:deploy/bench/target/lib/*" io.mci.bench.Benchmark "$@"
