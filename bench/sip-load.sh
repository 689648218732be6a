#!/usr/bin/env bash
# SIP load bench (issue #6), end to end: builds the bench module (tests skipped), then
#  1. load: sipp places --calls concurrent calls (each --seconds long, espeak-ng speech as G.711 RTP)
#     to the real SIP server answered by the voice agent (real Silero VAD, instant fake STT/brain/TTS);
#     the agent's RTP is captured on lo with tcpdump (needs root or CAP_NET_RAW) and its send jitter,
#     late and missing packets, the server's CPU and sipp's failed calls are reported;
#  2. soak: --soak-calls short calls, --soak-concurrent at a time; heap after GC, threads, open file
#     descriptors, NMT native memory and RSS, baseline vs after; non-zero exit on a leak.
# Prints markdown on stdout (and appends it to --out FILE if given). Needs sipp, tcpdump, espeak-ng.
# Extra JVM flags for the bench/server JVM: JAVA_OPTS (e.g. JAVA_OPTS='-Xlog:gc:file=gc.log').
# Usage: bench/sip-load.sh [--calls 100] [--seconds 60] [--rate 10] [--soak-calls 1000]
#                          [--soak-concurrent 50] [--soak-call-seconds 4] [--out FILE] [--no-build]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
calls=100 seconds=60 rate=10 soak_calls=1000 soak_concurrent=50 soak_call_seconds=4 out="" build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --calls) calls="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --soak-calls) soak_calls="$2"; shift 2 ;;
    --soak-concurrent) soak_concurrent="$2"; shift 2 ;;
    --soak-call-seconds) soak_call_seconds="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 64 ;;
  esac
done
for tool in sipp tcpdump espeak-ng; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 69; }
done
cd "$root"
if [[ $build == 1 ]]; then
  ./mvnw -B -q -ntp -pl bench -am package -DskipTests
fi
# GC and stack size as the `vocadent` launcher runs the server (ZGC: G1's 20+ ms young pauses showed up
# as stalls of every call's RTP clock); fixed, pre-touched heap so NMT and RSS growth are native memory.
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -XX:+UseZGC -Xss512k -Xms512m -Xmx512m -XX:+AlwaysPreTouch
  -XX:NativeMemoryTracking=summary ${JAVA_OPTS:-} -Dlogback.configurationFile=bench/backend-load-logback.xml
  -cp "bench/target/vocadent-bench.jar:bench/target/lib/*" dev.vocadent.bench.sip.SipLoadBench)
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
set +e
{
  status=0
  echo "uptime at start: $(uptime)"; echo
  "${java[@]}" load --calls "$calls" --seconds "$seconds" --rate "$rate" || status=$?
  "${java[@]}" soak --calls "$soak_calls" --concurrent "$soak_concurrent" --call-seconds "$soak_call_seconds" || status=$((status > 0 ? status : $?))
  echo "uptime at end: $(uptime)"
  exit "$status"
} | tee "$report"
status=${PIPESTATUS[0]}
set -e
if [[ -n "$out" ]]; then
  cat "$report" >> "$out"
fi
exit "$status"
