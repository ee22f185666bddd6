#!/usr/bin/env bash
# Startup to readiness and idle RSS of each packaged service (./mvnw package first): plain JVM, JVM
# with the JDK 25 AOT cache (target/app.aot; recorded here by one training run when
# missing or older than the build, as ./rtcsuite up does) and, where one was built, the native
# executable (target/*-runner). Results go to BENCHMARKS.md "Startup and memory" by hand.
#
#   scripts/startup-memory.sh [runs per mode, default 5] [services, default all four]
#
# Each run starts the service as production does (TLS, tokens; local credentials from
# ./rtcsuite credentials) on a free port against its test database rtcsuite_<area>_<suffix>, and
# measures wall time from exec to the first 200 of /q/health/ready (polled every 10 ms), the CPU
# time the process used until then (user + system: on a shared, loaded machine the steadier figure),
# and the resident set size (VmRSS) after 10 s idle. The modes take turns run by run, so that each
# sees the same load. Needs PostgreSQL with the test databases (./rtcsuite db).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"
shift || true
SERVICES=("${@:-recording mixing rating package}")
read -r -a SERVICES <<<"${SERVICES[*]}"
CREDENTIALS="$ROOT/target/startup-credentials"
SUFFIX="${RTCSUITE_TEST_DB_SUFFIX:-test}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mkdir -p "$ROOT/target"
bash "$ROOT/rtcsuite" credentials "$CREDENTIALS" >/dev/null

runner_jar() { compgen -G "$ROOT/$1-service/target/*-runner.jar" | head -1; }
database_of() { [ "$1" = package ] && echo packages || echo "$1"; }
now_ms() { date +%s%3N; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# run_once SERVICE MODE → prints "<ms to ready> <idle RSS MiB> <CPU ms to ready>"
run_once() {
    local service="$1" mode="$2" app="$ROOT/$1-service/target" port pid start ready rss cpu jar
    jar="$(basename "$(runner_jar "$service")")"
    local -a command
    case "$mode" in
        jvm) command=("$JAVA" -jar "$jar") ;;
        jvm-aot) command=("$JAVA" -XX:AOTCache=app.aot -jar "$jar") ;;
        train) command=("$JAVA" -XX:AOTCacheOutput=app.aot -jar "$jar") ;;
        native) command=("$(ls "$ROOT/$service-service/target/"*-runner)") ;;
    esac
    port="$(free_port)"
    start="$(now_ms)"
    (cd "$app" && exec env "RTCSUITE_${service^^}_PORT=$port" \
        RTCSUITE_DB_NAME="rtcsuite_$(database_of "$service")_$SUFFIX" \
        RTCSUITE_TLS_CERT="$CREDENTIALS/$service.pem" RTCSUITE_TLS_KEY="$CREDENTIALS/$service.key" \
        RTCSUITE_TLS_CA="$CREDENTIALS/ca.pem" RTCSUITE_TOKEN_KEY="$CREDENTIALS/issuer.pub" \
        RTCSUITE_SERVICE_TOKEN="$CREDENTIALS/$service.token" \
        "${command[@]}" >"$ROOT/target/startup-$service-$mode.log" 2>&1) &
    pid=$!
    until curl -fs -o /dev/null --cacert "$CREDENTIALS/ca.pem" "https://127.0.0.1:$port/q/health/ready"; do
        kill -0 "$pid" 2>/dev/null || { echo "$service ($mode) exited; see target/startup-$service-$mode.log" >&2; exit 1; }
        [ $(( $(now_ms) - start )) -lt 60000 ] || { kill "$pid"; echo "$service ($mode) not ready in 60 s" >&2; exit 1; }
        sleep 0.01
    done
    ready="$(( $(now_ms) - start ))"
    cpu="$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat")"
    # The training run also answers a health call over gRPC-ready HTTP, then stops and writes the cache.
    [ "$mode" = train ] || sleep 10
    rss="$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")"
    kill "$pid"; wait "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    echo "$ready $rss $cpu"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '| service | mode | ready, median of %s (ms) | ready, best (ms) | CPU to ready, median (ms) | idle RSS, median (MiB) |\n|---|---|---|---|---|---|\n' "$RUNS"
for service in "${SERVICES[@]}"; do
    app="$ROOT/$service-service/target"
    if [ ! -f "$app/app.aot" ] || [ "$app/app.aot" -ot "$(runner_jar "$service")" ]; then
        run_once "$service" train >/dev/null
    fi
    modes=(jvm)
    [ -f "$app/app.aot" ] && modes+=(jvm-aot)
    compgen -G "$ROOT/$service-service/target/*-runner" >/dev/null && modes+=(native)
    declare -A results=()
    for _ in $(seq 1 "$RUNS"); do
        for mode in "${modes[@]}"; do results[$mode]+="$(run_once "$service" "$mode")"$'\n'; done
    done
    for mode in "${modes[@]}"; do
        rows="$(sed '/^$/d' <<<"${results[$mode]}")"
        printf '| %s-service | %s | %s | %s | %s | %s |\n' "$service" "$mode" \
            "$(cut -d' ' -f1 <<<"$rows" | median)" "$(cut -d' ' -f1 <<<"$rows" | sort -n | head -1)" \
            "$(cut -d' ' -f3 <<<"$rows" | median)" "$(cut -d' ' -f2 <<<"$rows" | median)"
    done
    unset results
done
