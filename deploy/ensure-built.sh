# Sourced by deploy/*/run.sh, from the repository root: builds everything once (mvn install, no tests) when a
# service jar, Keycloak, or one of the launcher classpath folders named as arguments is missing, or when
# MCI_REBUILD=true.
missing=false
for module in entitlement-service regional-investigation-service aggregator-service; do
  [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || missing=true
done
for dir in "$@"; do
  [ -d "$dir" ] || missing=true
done
[ -x deploy/local/target/keycloak/keycloak-26.5.6/bin/kc.sh ] || missing=true
if [ "$missing" = true ] || [ "${MCI_REBUILD:-false}" = true ]; then
  echo "Building (first run, or MCI_REBUILD=true) ..."
  mvn -B -q install -DskipTests
fi
