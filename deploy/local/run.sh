#!/usr/bin/env bash
# Starts the whole MCI system on this machine: embedded PostgreSQL per region (us, eu, ap) and for the
# entitlement service, Keycloak, the entitlement service, three regional services and the aggregator.
# Builds what is missing first. Data survives restarts under deploy/local/.run/data; logs go to
# deploy/local/.run/logs. Ctrl-C stops every process it started.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

missing=false
for jar in entitlement-service regional-investigation-service aggregator-service; do
  [ -f "$jar/target/quarkus-app/quarkus-run.jar" ] || missing=true
done
[ -d deploy/local/target/lib ] && [ -x deploy/local/target/keycloak/keycloak-26.5.6/bin/kc.sh ] || missing=true
if [ "$missing" = true ] || [ "${MCI_REBUILD:-false}" = true ]; then
  echo "Building (first run, or MCI_REBUILD=true) ..."
  mvn -B -q install -DskipTests
fi

exec java -Xmx512m -Dmci.root="$root" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "deploy/local/target/classes:deploy/local/target/lib/*" io.mci.local.Main "$@"
