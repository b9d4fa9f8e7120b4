#!/usr/bin/env bash
# Boots the WAR on plain Payara Micro with an empty data directory and prints:
#   - seconds from launch to the first 200 of /it/
#   - the JVM's resident memory after 100 requests
# Targets on the 2-core machines: <= 15 s and <= 700 MB.
# Usage: bench/startup.sh [port]   (builds target/scriptorium.war first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-18580}"
PAYARA_OPTS="${PAYARA_OPTS:-}"
# MetaspaceSize: a start loads ~128 MB of class metadata; with the default threshold (21 MB) the JVM ran four
# full collections on the way ("Metadata GC Threshold", 0.9 s of pauses out of 1.8 s of GC in a JFR recording).
JAVA_OPTS="${JAVA_OPTS:--Xmx512m -XX:MetaspaceSize=160m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
PAYARA_VERSION=$(sed -n "s:.*<payara.version>\(.*\)</payara.version>.*:\1:p" pom.xml)
PAYARA_JAR="$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar"
[ -f target/scriptorium.war ] || mvn -q -B package -DskipTests
[ -f "$PAYARA_JAR" ] || mvn -q -B dependency:get -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" -Dtransitive=false

WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; cp "$WORK/payara.log" /tmp/bench-payara.log 2>/dev/null; rm -rf "$WORK"' EXIT

start=$(date +%s.%N)
(cd "$WORK" && SCRIPTORIUM_DATA_DIR="$WORK/data" exec java $JAVA_OPTS -jar "$PAYARA_JAR" \
    --deploy "$OLDPWD/target/scriptorium.war" --contextroot / --port "$PORT" --nocluster --disablephonehome $PAYARA_OPTS \
    > "$WORK/payara.log" 2>&1) &
PID=$!

until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/it/" || true)" = "200" ]; do
    if ! kill -0 "$PID" 2>/dev/null; then echo "Payara exited; see log:"; tail -40 "$WORK/payara.log"; exit 1; fi
    if (( $(echo "$(date +%s.%N) - $start > 240" | bc) )); then echo "no 200 after 240 s"; exit 1; fi
    sleep 0.1
done
ready=$(echo "$(date +%s.%N) - $start" | bc)
JPID=$(pgrep -P "$PID" java || echo "$PID")
# CPU seconds the JVM used until the first 200 (user + system): steadier than wall-clock on a busy machine.
cpu_ready=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$JPID/stat")

article=$(curl -s "http://localhost:$PORT/it/" | grep -o 'href="/it/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
for i in $(seq 1 50); do
    curl -s -o /dev/null "http://localhost:$PORT/it/"
    curl -s -o /dev/null "http://localhost:$PORT$article"
done
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$JPID/status" 2>/dev/null || awk '/VmRSS/ {print $2}' "/proc/$PID/status")

printf 'startup_to_first_200_s %.1f (target <= 15)\n' "$ready"
printf 'startup_cpu_s %s (user + system of the JVM until the first 200)\n' "$cpu_ready"
printf 'rss_after_100_requests_mb %d (target <= 700)\n' "$((rss_kb / 1024))"
echo "load_average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the wall-clock figure)"
