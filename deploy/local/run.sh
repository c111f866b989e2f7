#!/usr/bin/env bash
# Starts the whole MCI system on this machine: embedded PostgreSQL per region (us, eu, ap) and for the
# entitlement service, Keycloak, the entitlement service, three regional services and the aggregator.
# Builds what is missing first. Data survives restarts under deploy/local/.run/data; logs go to
# deploy/local/.run/logs. Ctrl-C stops every process it started.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

. deploy/ensure-built.sh deploy/local/target/lib

exec java -Xmx512m -Dmci.root="$root" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "deploy/local/target/classes:deploy/local/target/lib/*" io.mci.local.Main "$@"
