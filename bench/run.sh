#!/usr/bin/env bash
# Builds the server and the bench (tests skipped), then runs org.wayfarer.bench.FollowBench in its own JVM.
# Usage: bench/run.sh [--skip-build] [bench flags, e.g. --smoke, --follows 5000]; bench/run.sh --help for the flags.
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
  -Dwayfarer.bench.flowable-classpath-file=bench/target/flowable.classpath \
  -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  org.wayfarer.bench.FollowBench ${args[@]+"${args[@]}"}
