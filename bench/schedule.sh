#!/usr/bin/env bash
# Builds the server and the bench (tests skipped), then runs org.wayfarer.bench.engine.ScheduleBench in its own JVM:
# a schedule fire over a segment of N contacts (default 1,000,000) on a fresh H2 file database, timed, with the heap
# peak (docs/adr/0011). Usage: bench/schedule.sh [--skip-build] [--contacts N] [--mariadb] [--heap 1g] [--profile]
#   --mariadb  a fresh schema on the MariaDB at 127.0.0.1:3306 (root, no password) instead of H2, dropped afterwards
#   --profile  also record a Java Flight Recording (target/schedule-bench.jfr)
# Extra Maven flags go in MAVEN_ARGS (e.g. MAVEN_ARGS=-o for an offline build).
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
contacts=1000000
mariadb=0
heap=1g
jfr=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --skip-build) build=0 ;;
    --contacts) contacts="$2"; shift ;;
    --mariadb) mariadb=1 ;;
    --heap) heap="$2"; shift ;;
    --profile) jfr=("-XX:StartFlightRecording=filename=bench/target/schedule-bench.jfr,settings=profile") ;;
    --help|-h) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "unknown flag $1 (--help for the flags)" >&2; exit 2 ;;
  esac
  shift
done

if [[ $build == 1 ]]; then
  echo "building (./mvnw -q -B -pl bench -am -DskipTests package) ..."
  ./mvnw -q -B ${MAVEN_ARGS:-} -pl bench -am -DskipTests package
fi
if [[ ! -f bench/target/bench.classpath ]]; then
  echo "bench/target/bench.classpath is missing: run without --skip-build first" >&2
  exit 1
fi

data=$(mktemp -d)
spring=("--wayfarer.data-dir=$data" "--logging.level.root=WARN" "--logging.level.org.wayfarer=INFO")
schema=""
if [[ $mariadb == 1 ]]; then
  schema="wf_bench_$(date +%s)"
  mysql -h127.0.0.1 -uroot -e "CREATE DATABASE $schema"
  spring+=("--spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/$schema" "--spring.datasource.username=root"
           "--spring.datasource.password=")
fi
cleanup() {
  rm -rf "$data"
  if [[ -n $schema ]]; then mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $schema"; fi
}
trap cleanup EXIT

java "-Xmx$heap" -XX:+ExitOnOutOfMemoryError ${jfr[@]+"${jfr[@]}"} \
  -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  org.wayfarer.bench.engine.ScheduleBench "contacts=$contacts" "${spring[@]}"
