#!/usr/bin/env bash
# Boots the WAR on plain Payara Micro with an empty data directory, as it comes and with a class-data archive of
# the JVM (AppCDS, see README "Starting faster"), RUNS times each (default 3) taken in turns, and prints for each
# start, then the medians:
#   - seconds from launch to the first 200 of /it/
#   - the JVM's resident memory after 100 requests
# Targets on the 2-core machines: <= 15 s and <= 700 MB.
# The archive is made by a training start (a separate data directory, thrown away) whenever it is missing or
# older than the WAR or Payara; set CDS_ARCHIVE to keep it elsewhere, CDS=off to skip that half.
# Usage: bench/startup.sh [port]   (builds target/scriptorium.war first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-18580}"
PAYARA_OPTS="${PAYARA_OPTS:-}"
# MetaspaceSize: a start loads ~128 MB of class metadata; with the default threshold (21 MB) the JVM ran four
# full collections on the way ("Metadata GC Threshold", 0.9 s of pauses out of 1.8 s of GC in a JFR recording).
JAVA_OPTS="${JAVA_OPTS:--Xmx512m -XX:MetaspaceSize=160m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
# Hazelcast (inside Payara) otherwise reports to phonehome.hazelcast.com at every start, on a core the start needs.
export HZ_PHONE_HOME_ENABLED="${HZ_PHONE_HOME_ENABLED:-false}"
CDS_ARCHIVE=$(realpath -m "${CDS_ARCHIVE:-target/scriptorium-cds.jsa}")
PAYARA_VERSION=$(sed -n "s:.*<payara.version>\(.*\)</payara.version>.*:\1:p" pom.xml)
PAYARA_JAR="$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar"
[ -f target/scriptorium.war ] || mvn -q -B package -DskipTests
[ -f "$PAYARA_JAR" ] || mvn -q -B dependency:get -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" -Dtransitive=false
WAR="$PWD/target/scriptorium.war"

PID=""
WORK=""
cleanup() {
    if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
    if [ -n "$WORK" ]; then cp "$WORK/payara.log" /tmp/bench-payara.log 2>/dev/null || true; rm -rf "$WORK"; fi
}
trap cleanup EXIT

# boot EXTRA_JAVA_OPTS: starts Payara on a new empty data directory; sets PID, WORK and START.
boot() {
    WORK=$(mktemp -d)
    START=$(date +%s.%N)
    (cd "$WORK" && SCRIPTORIUM_DATA_DIR="$WORK/data" exec java $JAVA_OPTS $1 -jar "$PAYARA_JAR" \
        --deploy "$WAR" --contextroot / --port "$PORT" --nocluster --disablephonehome $PAYARA_OPTS \
        > "$WORK/payara.log" 2>&1) &
    PID=$!
}

await_first_200() {
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/it/" || true)" = "200" ]; do
        if ! kill -0 "$PID" 2>/dev/null; then echo "Payara exited; see log:"; tail -40 "$WORK/payara.log"; exit 1; fi
        if (( $(echo "$(date +%s.%N) - $START > 240" | bc) )); then echo "no 200 after 240 s"; exit 1; fi
        sleep 0.1
    done
}

hundred_requests() {
    local article
    article=$(curl -s "http://localhost:$PORT/it/" | grep -o 'href="/it/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
    for _ in $(seq 1 50); do
        curl -s -o /dev/null "http://localhost:$PORT/it/"
        curl -s -o /dev/null "http://localhost:$PORT$article"
    done
}

stop() {
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    PID=""
    cp "$WORK/payara.log" /tmp/bench-payara.log 2>/dev/null || true
    rm -rf "$WORK"
    WORK=""
}

median() {
    printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'
}

measure_once() {
    boot "$2"
    await_first_200
    local ready jpid cpu_ready rss_kb
    ready=$(echo "$(date +%s.%N) - $START" | bc)
    READY=$(printf '%.1f' "$ready")
    jpid=$(pgrep -P "$PID" java || echo "$PID")
    # CPU seconds the JVM used until the first 200 (user + system): steadier than wall-clock on a busy machine.
    cpu_ready=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$jpid/stat")
    hundred_requests
    rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$jpid/status" 2>/dev/null || awk '/VmRSS/ {print $2}' "/proc/$PID/status")
    stop
    printf '%s startup_to_first_200_s %.1f (target <= 15)\n' "$1" "$ready"
    printf '%s startup_cpu_s %s (user + system of the JVM until the first 200)\n' "$1" "$cpu_ready"
    printf '%s rss_after_100_requests_mb %d (target <= 700)\n' "$1" "$((rss_kb / 1024))"
}

if [ "${CDS:-on}" != "off" ]; then
    if [ ! -f "$CDS_ARCHIVE" ] || [ "$WAR" -nt "$CDS_ARCHIVE" ] || [ "$PAYARA_JAR" -nt "$CDS_ARCHIVE" ]; then
        mkdir -p "$(dirname "$CDS_ARCHIVE")"
        rm -f "$CDS_ARCHIVE"
        # Training start: the JVM writes the classes it loaded, parsed and verified, when it exits.
        boot "-XX:ArchiveClassesAtExit=$CDS_ARCHIVE"
        await_first_200
        hundred_requests
        stop
        [ -f "$CDS_ARCHIVE" ] || { echo "the training start wrote no archive"; exit 1; }
    fi
fi

# The starts of both kinds are taken in turns (plain, archive, plain, ...): the wall clock of these machines
# drifts by a second or two over minutes, and taking all of one kind first would credit the drift to it.
plain_times=()
cds_times=()
for _ in $(seq 1 "${RUNS:-3}"); do
    measure_once plain ""
    plain_times+=("$READY")
    if [ "${CDS:-on}" != "off" ]; then
        measure_once with_cds "-XX:SharedArchiveFile=$CDS_ARCHIVE"
        cds_times+=("$READY")
    fi
done
printf 'plain median_startup_to_first_200_s %s of %d runs (target <= 15)\n' "$(median "${plain_times[@]}")" "${#plain_times[@]}"
if [ "${#cds_times[@]}" -gt 0 ]; then
    printf 'with_cds median_startup_to_first_200_s %s of %d runs (target <= 15)\n' "$(median "${cds_times[@]}")" "${#cds_times[@]}"
fi
echo "load_average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the wall-clock figure)"
