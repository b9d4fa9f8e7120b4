#!/usr/bin/env bash
# Reading speed of an article page, measured with wrk in one run against:
#   1. Scriptorium answering from its page cache,
#   2. nginx serving the identical bytes as a static file,
#   3. Scriptorium rendering the page every time (cache bypassed with the loopback-only request header
#      "X-Scriptorium-Cache: bypass").
# Prints req/s and p99 latency of each, the seconds the JIT compiler worked during each measured run, and
# the ratio cached/nginx. Targets on the 2-core machines: cached >= 0.5 x nginx; uncached >= 1,000 req/s.
#
# The figures are those of a server that has been running: the rendering path is warmed up first, in rounds
# of 30 s, until the JIT compiler spends less than BENCH_JIT_SETTLED seconds of a round compiling (read with
# jstat), or for at most BENCH_RENDER_WARMUP_MAX seconds. On a 2-core machine C2 takes several minutes to
# compile the Faces, EL and Weld code a page runs through, and until it has, the page renders at half speed
# or less. Each round's figures are printed. Then the cached page and nginx get BENCH_WARMUP each.
#
# Usage: bench/read.sh   (env: BENCH_DURATION=15s BENCH_THREADS=2 BENCH_CONNECTIONS=32 BENCH_WARMUP=60s
#                         BENCH_RENDER_WARMUP_MAX=600 BENCH_JIT_SETTLED=3)
# Builds target/scriptorium.war when it is missing, installs wrk and nginx with apt-get when missing, boots
# the WAR on plain Payara Micro with an empty temporary data directory on a free loopback port, and starts its
# own nginx (foreground, temporary prefix, minimal config) on another; both are stopped at the end. All
# traffic goes to 127.0.0.1; every wrk run is bounded by its duration and a timeout.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${BENCH_DURATION:-15s}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
WARMUP="${BENCH_WARMUP:-60s}"
RENDER_WARMUP_MAX="${BENCH_RENDER_WARMUP_MAX:-600}"
JIT_SETTLED="${BENCH_JIT_SETTLED:-3}"
RENDER_ROUND=30
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"

if ! command -v wrk >/dev/null 2>&1 || ! command -v nginx >/dev/null 2>&1; then
    echo "Installing wrk and nginx with apt-get..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq wrk nginx-light >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
PORT=$(free_port)
NGINX_PORT=$(free_port)
while [ "$NGINX_PORT" = "$PORT" ]; do NGINX_PORT=$(free_port); done

PAYARA_VERSION=$(sed -n "s:.*<payara.version>\(.*\)</payara.version>.*:\1:p" pom.xml)
PAYARA_JAR="$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar"
[ -f target/scriptorium.war ] || mvn -q -B package -DskipTests
[ -f "$PAYARA_JAR" ] || mvn -q -B dependency:get -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" -Dtransitive=false
WAR="$PWD/target/scriptorium.war"

WORK=$(mktemp -d)
PAYARA_PID=""
NGINX_PID=""
cleanup() {
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
    [ -n "$PAYARA_PID" ] && kill "$PAYARA_PID" 2>/dev/null && wait "$PAYARA_PID" 2>/dev/null || true
    cp "$WORK/payara.log" /tmp/bench-read-payara.log 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "Starting Scriptorium on 127.0.0.1:$PORT (log: /tmp/bench-read-payara.log)..."
(cd "$WORK" && SCRIPTORIUM_DATA_DIR="$WORK/data" SCRIPTORIUM_BASE_URL="http://127.0.0.1:$PORT" \
    exec java $JAVA_OPTS -jar "$PAYARA_JAR" --deploy "$WAR" --contextroot / --port "$PORT" \
    --nocluster --disablephonehome > "$WORK/payara.log" 2>&1) &
PAYARA_PID=$!
BASE="http://127.0.0.1:$PORT"
deadline=$((SECONDS + 240))
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/it/" || true)" = "200" ]; do
    if ! kill -0 "$PAYARA_PID" 2>/dev/null; then echo "Payara exited:"; tail -40 "$WORK/payara.log"; exit 1; fi
    if [ "$SECONDS" -gt "$deadline" ]; then echo "No 200 from $BASE/it/ after 240 s"; exit 1; fi
    sleep 0.5
done

ARTICLE=$(curl -s "$BASE/it/" | grep -o 'article-card__title"><a href="/it/[a-z0-9-]*"' | head -1 | sed 's/.*href="//; s/"$//')
[ -n "$ARTICLE" ] || { echo "No article link on /it/"; exit 1; }
URL="$BASE$ARTICLE"
mkdir -p "$WORK/www" "$WORK/nginx/logs" "$WORK/nginx/tmp"
curl -s -o "$WORK/www/article.html" "$URL"
chmod 755 "$WORK" "$WORK/www" && chmod 644 "$WORK/www/article.html"   # nginx workers run unprivileged
state=$(curl -s -D - -o "$WORK/second.html" "$URL" | tr -d '\r' | sed -n 's/^X-Scriptorium-Cache: //Ip')
bypass=$(curl -s -D - -o /dev/null -H 'X-Scriptorium-Cache: bypass' "$URL" | tr -d '\r' | sed -n 's/^X-Scriptorium-Cache: //Ip')
cmp -s "$WORK/www/article.html" "$WORK/second.html" || { echo "The page changed between two requests"; exit 1; }
[ "$state" = "HIT" ] || { echo "Expected a cache HIT on the second request, got '$state'"; exit 1; }
[ "$bypass" = "BYPASS" ] || { echo "Expected the bypass header to be honoured, got '$bypass'"; exit 1; }

cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    default_type text/html;
    charset utf-8;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
        location / { try_files /article.html =404; }
    }
}
EOF
"$NGINX" -p "$WORK/nginx" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
NGINX_URL="http://127.0.0.1:$NGINX_PORT$ARTICLE"
for _ in $(seq 1 50); do curl -s -o /dev/null "$NGINX_URL" && break; sleep 0.1; done
curl -s -o "$WORK/nginx.html" "$NGINX_URL"
cmp -s "$WORK/www/article.html" "$WORK/nginx.html" || { echo "nginx does not serve the same bytes:"; head -c 300 "$WORK/nginx.html"; cat "$WORK/nginx/logs/error.log"; exit 1; }

# Runs wrk; prints "req/s p99_ms".
measure() {
    local duration=$1; shift
    local seconds=${duration%s}
    timeout $((seconds + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency "$@" > "$WORK/wrk.txt"
    if grep -q "Non-2xx" "$WORK/wrk.txt"; then echo "wrk saw errors:" >&2; cat "$WORK/wrk.txt" >&2; exit 1; fi
    local rps p99
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk.txt")
    p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/, "", v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v=v*1000}; print v}' "$WORK/wrk.txt")
    echo "$rps $p99"
}

# Seconds the JVM's JIT compilers have worked so far (jstat's "Time" column); "0" when jstat is missing.
JSTAT=$(command -v jstat || echo "$(dirname "$(readlink -f "$(command -v java)")")/jstat")
jit_seconds() {
    if [ -x "$JSTAT" ]; then "$JSTAT" -compiler "$PAYARA_PID" | awk 'NR == 2 {print $4}'; else echo 0; fi
}
# Runs measure and appends the JIT compiler's seconds during the run: "req/s p99_ms jit_s".
measure_jit() {
    local before after result
    before=$(jit_seconds)
    result=$(measure "$@")
    after=$(jit_seconds)
    echo "$result $(awk -v a="$after" -v b="$before" 'BEGIN {printf "%.1f", a - b}')"
}

echo "Page: $ARTICLE ($(wc -c < "$WORK/www/article.html") bytes); wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
[ -x "$JSTAT" ] || echo "jstat not found: the rendering path gets ${RENDER_WARMUP_MAX}s of warm-up"
echo "Warming up the rendering path until the JIT compiler settles (< ${JIT_SETTLED}s of ${RENDER_ROUND}s; at most ${RENDER_WARMUP_MAX}s):"
elapsed=0
while :; do
    read -r round_rps _ round_jit <<< "$(measure_jit "${RENDER_ROUND}s" -H 'X-Scriptorium-Cache: bypass' "$URL")"
    elapsed=$((elapsed + RENDER_ROUND))
    printf '  %4d s   uncached %6.0f req/s   JIT compiler %5.1f s\n' "$elapsed" "$round_rps" "$round_jit"
    if [ -x "$JSTAT" ] && awk -v j="$round_jit" -v t="$JIT_SETTLED" 'BEGIN {exit !(j < t)}'; then
        break
    fi
    if [ "$elapsed" -ge "$RENDER_WARMUP_MAX" ]; then
        [ -x "$JSTAT" ] && echo "  (the JIT compiler had not settled after ${RENDER_WARMUP_MAX}s)"
        break
    fi
done
echo "Warming up the cached page and nginx ($WARMUP each)..."
measure "$WARMUP" "$URL" > /dev/null
measure "$WARMUP" "$NGINX_URL" > /dev/null

read -r cached_rps cached_p99 cached_jit <<< "$(measure_jit "$DURATION" "$URL")"
read -r nginx_rps nginx_p99 _ <<< "$(measure_jit "$DURATION" "$NGINX_URL")"
read -r uncached_rps uncached_p99 uncached_jit <<< "$(measure_jit "$DURATION" -H 'X-Scriptorium-Cache: bypass' "$URL")"

ratio=$(awk -v a="$cached_rps" -v b="$nginx_rps" 'BEGIN {printf "%.2f", a / b}')
verdict() { awk -v v="$1" -v t="$2" 'BEGIN {print (v >= t ? "met" : "NOT met")}'; }
printf '%-32s %12s %10s %8s\n' "target" "req/s" "p99 ms" "jit s"
printf '%-32s %12.0f %10.2f %8s\n' "scriptorium_cached" "$cached_rps" "$cached_p99" "$cached_jit"
printf '%-32s %12.0f %10.2f %8s\n' "nginx_static" "$nginx_rps" "$nginx_p99" "-"
printf '%-32s %12.0f %10.2f %8s\n' "scriptorium_uncached" "$uncached_rps" "$uncached_p99" "$uncached_jit"
echo "cached_over_nginx $ratio (target >= 0.5: $(verdict "$ratio" 0.5))"
echo "uncached_req_s $(printf '%.0f' "$uncached_rps") (target >= 1000: $(verdict "$uncached_rps" 1000))"
echo "load_average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews every figure)"
