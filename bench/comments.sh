#!/usr/bin/env bash
# Comment posting under load: 50 readers comment on one article at the same time for 20 s while the Akismet
# test server takes 1 s to answer each check (the reader must never wait on it). Each poster does what a
# reader does: loads the article with its form, writes for 3 to 6 s (the site refuses a post quicker than its
# minimum fill time, 3 s, as a bot's), posts, and starts over as the next reader, from another address and
# e-mail. Prints the throughput, p50 and p99 of the POST, the page loads' p50 and p99, and comments accepted
# (303) against comments stored (they must be equal). The measured 20 s follow a warm-up of the same load
# (BENCH_WARMUP seconds, printed apart): on a 2-core machine the first seconds after a start are spent largely
# in the JIT compiler. A capacity run follows (BENCH_CAPACITY seconds, 0 to skip): every poster posts back to
# back with no writing time, which shows the most posts per second the site takes; its latencies are those of
# a queue 50 deep and are not what the target judges.
# Target on the 2-core machines: p99 of the POST at most 50 ms.
#
# Usage: bench/comments.sh   (env: BENCH_POSTERS=50 BENCH_SECONDS=20 BENCH_WARMUP=60 AKISMET_DELAY_MS=1000
#                             BENCH_WRITING_MS=3000-6000 BENCH_CAPACITY=20)
# Builds the WAR and the test classes when missing, starts the Akismet test server and the WAR on plain
# Payara Micro (empty temporary data directory, free loopback ports); both are stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

POSTERS="${BENCH_POSTERS:-50}"
SECONDS_RUN="${BENCH_SECONDS:-20}"
WARMUP="${BENCH_WARMUP:-60}"
DELAY="${AKISMET_DELAY_MS:-1000}"
WRITING="${BENCH_WRITING_MS:-3000-6000}"
CAPACITY="${BENCH_CAPACITY:-20}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
ADMIN_EMAIL="bench@scriptorium.test"
ADMIN_PASSWORD="bench password long enough"

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
PORT=$(free_port)
AKISMET_PORT=$(free_port)
while [ "$AKISMET_PORT" = "$PORT" ]; do AKISMET_PORT=$(free_port); done

PAYARA_VERSION=$(sed -n "s:.*<payara.version>\(.*\)</payara.version>.*:\1:p" pom.xml)
PAYARA_JAR="$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar"
[ -f target/scriptorium.war ] || mvn -q -B package -DskipTests
[ -f target/test-classes/org/scriptorium/testing/CommentLoad.class ] || mvn -q -B test-compile
[ -f "$PAYARA_JAR" ] || mvn -q -B dependency:get -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" -Dtransitive=false
[ -f target/test-classpath.txt ] || mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
WAR="$PWD/target/scriptorium.war"

WORK=$(mktemp -d)
PAYARA_PID=""
AKISMET_PID=""
cleanup() {
    [ -n "$PAYARA_PID" ] && kill "$PAYARA_PID" 2>/dev/null && wait "$PAYARA_PID" 2>/dev/null || true
    [ -n "$AKISMET_PID" ] && kill "$AKISMET_PID" 2>/dev/null && wait "$AKISMET_PID" 2>/dev/null || true
    cp "$WORK/payara.log" /tmp/bench-comments-payara.log 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "Akismet test server on 127.0.0.1:$AKISMET_PORT, answering after $DELAY ms"
java -cp "$CP" org.scriptorium.testing.AkismetTestServer "$AKISMET_PORT" "$DELAY" > "$WORK/akismet.log" 2>&1 &
AKISMET_PID=$!

echo "Starting Scriptorium on 127.0.0.1:$PORT (log: /tmp/bench-comments-payara.log)..."
(cd "$WORK" && SCRIPTORIUM_DATA_DIR="$WORK/data" SCRIPTORIUM_BASE_URL="http://127.0.0.1:$PORT" \
    SCRIPTORIUM_AKISMET_KEY="scriptorium-test-key" SCRIPTORIUM_AKISMET_ENDPOINT="http://127.0.0.1:$AKISMET_PORT" \
    SCRIPTORIUM_TRUSTED_PROXIES="127.0.0.1" SCRIPTORIUM_ADMIN_EMAIL="$ADMIN_EMAIL" SCRIPTORIUM_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    exec java $JAVA_OPTS -jar "$PAYARA_JAR" --deploy "$WAR" --contextroot / --port "$PORT" \
    --nocluster --disablephonehome > "$WORK/payara.log" 2>&1) &
PAYARA_PID=$!
BASE="http://127.0.0.1:$PORT"
deadline=$((SECONDS + 420))
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/it/" || true)" = "200" ]; do
    if ! kill -0 "$PAYARA_PID" 2>/dev/null; then echo "Payara exited:"; tail -40 "$WORK/payara.log"; exit 1; fi
    if [ "$SECONDS" -gt "$deadline" ]; then echo "No 200 from $BASE/it/ after 420 s"; exit 1; fi
    sleep 0.5
done

# CPU seconds (user + system) Payara has used so far.
payara_cpu() {
    awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$PAYARA_PID/stat"
}
echo "Load: $POSTERS posters writing $WRITING ms each, $WARMUP s warm-up, $SECONDS_RUN s measured, $CAPACITY s capacity run; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
cpu_before=$(payara_cpu)
timeout $((WARMUP + SECONDS_RUN + CAPACITY + 240)) java -cp "$CP" org.scriptorium.testing.CommentLoad "$BASE" it "$POSTERS" \
    "$SECONDS_RUN" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$WARMUP" "${WRITING%-*}" "${WRITING#*-}" "$CAPACITY" | tee "$WORK/load.txt"
cpu_after=$(payara_cpu)
accepted=$(sed -n 's/^accepted=\([0-9]*\).*/\1/p' "$WORK/load.txt")
# Steadier than the latencies on a shared machine: what each post cost Payara, its Akismet checks so far included.
awk -v b="$cpu_before" -v a="$cpu_after" -v n="$accepted" \
    'BEGIN {printf "payara_cpu_s=%.1f payara_cpu_ms_per_post=%.1f (all phases, page loads, stored count and the checks done by then)\n", a - b, (n > 0 ? (a - b) * 1000 / n : 0)}'
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
