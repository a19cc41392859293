#!/usr/bin/env bash
# Builds the server and the bench (tests skipped), then runs org.wayfarer.bench.H2GrowthBench in its own JVM: the
# embedded H2 file's size under real follows, against its live data (docs/adr/0007).
# Usage: bench/h2-growth.sh [--skip-build] [--follows N] [--first-version] ...; bench/h2-growth.sh --help for the flags.
# Extra Maven flags go in MAVEN_ARGS (e.g. MAVEN_ARGS=-o for an offline build).
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
args=()
for arg in "$@"; do
  case "$arg" in
    --skip-build) build=0 ;;
    --help|-h) build=0; args+=("--help") ;;
    *) args+=("$arg") ;;
  esac
done

if [[ $build == 1 ]]; then
  echo "building (./mvnw -q -B -pl bench -am -DskipTests package) ..."
  ./mvnw -q -B -pl bench -am -DskipTests package
fi
if [[ ! -f bench/target/bench.classpath ]]; then
  echo "bench/target/bench.classpath is missing: run without --skip-build first" >&2
  exit 1
fi

exec java -Xmx1g -XX:+ExitOnOutOfMemoryError \
  -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  org.wayfarer.bench.H2GrowthBench ${args[@]+"${args[@]}"}
