#!/usr/bin/env bash
# Backend load benchmark: builds the bench module (tests skipped) and runs dev.vocadent.bench.BackendLoad.
# Options: --rates 100,250,500,750  --seconds 10  --out bench/results/backend.md
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$root"
./mvnw -B -q -ntp -pl bench -am package -DskipTests
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -XX:+UseZGC -Xmx1g \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dlogback.configurationFile=bench/backend-load-logback.xml \
  -cp "bench/target/vocadent-bench.jar:bench/target/lib/*" dev.vocadent.bench.BackendLoad "$@"
