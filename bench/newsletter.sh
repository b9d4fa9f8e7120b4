#!/usr/bin/env bash
# Newsletter sending benchmark: N subscribers (default 100000) imported through the back office, an edition
# sent by the WAR on plain Payara Micro to a local SMTP sink (bench/NewsletterBench.java), then:
#   - messages per second while sending (rate setting at its maximum, so the server and the sink are the limit)
#   - kill -9 of Payara at about 40 %, restart on the same data directory, and after the send finished:
#     duplicates (recipients with more than one copy) and missed recipients.
# Target: >= 200 messages/s, 0 duplicates, 0 missed.
# Usage: bench/newsletter.sh [subscribers] [port]   (builds target/scriptorium.war first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
PORT="${2:-18590}"
PAYARA_VERSION=$(sed -n "s:.*<payara.version>\(.*\)</payara.version>.*:\1:p" pom.xml)
PAYARA_JAR="$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar"
[ -f target/scriptorium.war ] || mvn -q -B package -DskipTests
[ -f "$PAYARA_JAR" ] || mvn -q -B dependency:get -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" -Dtransitive=false
WORK=$(mktemp -d)
echo "work directory: $WORK (Payara log: $WORK/payara.log)"
exec java -Xmx1g bench/NewsletterBench.java "$PAYARA_JAR" "$PWD/target/scriptorium.war" "$WORK" "$N" "$PORT"
