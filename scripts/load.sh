#!/usr/bin/env bash
# Loopback load test: requests per second of a succeeding endpoint (/ok) and two failing ones on Kestrel: /fail
# throws four synchronous frames deep (the cheapest stack a logger will ever render), /fail-deep at the end of an
# async chain through a mediator, service, repository, data access and driver layers (18 frames, as a real app's
# failure has).
# Servers: no handler, the framework's UseExceptionHandler() + AddProblemDetails(), UseGlobalErrorHandler(),
# UseGlobalErrorHandler() with ErrorStormWindow (ours-storm: a repeat keeps its own event), with ErrorStormWindow
# and ErrorStormEventsPerWindow = 1 (ours-summary: a repeat is counted into the window's summary event), and a
# floor (the least a handler that logs every failure can do: catch, one event with a constant message and no
# properties or exception, a fixed body), and floor-repeat (the floor writing, instead, the event an error-storm repeat
# carries: its template and nine properties, without the fingerprint or anything else a real handler does); logging
# off, through the framework's JSON console logger, and through Serilog's compact JSON formatter (stdout to
# /dev/null in both). Around each measured run the script also reads the server's allocation counter and GC
# pause time, for the bytes allocated per request and the share of the run spent paused.
#
# One server runs at a time, pinned to one core (SERVER_CPU) while wrk is pinned to the other (WRK_CPU),
# so the server owns its core while it is measured. Each round starts every server once, in an order that
# rotates from round to round so drift in the machine's speed hits every mode alike: start, warm up every
# endpoint, measure each, stop. The summary is the median requests/s of each mode and the medians of the
# per-round (paired) ratios.
#
# Writes, under OUT_DIR (docs/performance):
#   load-raw.csv      every measured wrk run
#   load-results.csv  the summary: per logging, endpoint and mode, median/min/max requests/s, ratios, and
#                     the median bytes allocated per request and GC pause share
#   load.png          the chart
# and prints the summary as markdown tables. The script only measures and appends raw rows; the summary, the
# tables and the chart come from tests/ErrorHandling.AspNetCore.LoadChart, which regenerates them from a raw
# CSV alone without a load:
#   dotnet run --project tests/ErrorHandling.AspNetCore.LoadChart -- --from-raw docs/performance/load-raw.csv --out docs/performance
#
#   scripts/load.sh                          # 5 rounds of 5 s runs, about 71 minutes
#   ROUNDS=7 DURATION=10 scripts/load.sh     # longer
#   ROUNDS=1 DURATION=2 WARMUP=1 OUT_DIR=/tmp/load scripts/load.sh   # smoke run
#   scripts/load.sh --chart-only             # tables and chart again from OUT_DIR/load-results.csv
#
# Knobs (environment): ROUNDS (5), DURATION (5, seconds per measured wrk run), WARMUP (10, seconds per
# endpoint before measuring), CONNECTIONS (32), PORT (5310), SERVER_CPU (1), WRK_CPU (0),
# OUT_DIR (docs/performance), TIERING (steady),
# ENDPOINTS (the endpoints each server is measured on, space-separated: "ok fail fail-deep"),
# SERVERS (the servers as mode:logging, space-separated; every mode under every logging it applies to).
#
#   ENDPOINTS="ok fail-deep" SERVERS="framework:json ours-summary:json" OUT_DIR=/tmp/load scripts/load.sh
#
# TIERING=steady (the default) measures every server in the steady state a long-running process reaches: the
# runtime's tiered compilation starts counting calls at once (DOTNET_TC_CallCountingDelayMs=0) instead of
# waiting for 100 ms without new tier-0 code, a wait that a cold server saturated on one core keeps
# restarting for 20-30 s, so a short warm-up would measure every mode half-compiled. The final code is the
# same; only the time to reach it changes. Even so, a server failing on /fail-deep keeps getting faster for
# 6-12 s of load (its exception path runs through tens of methods to compile, on the core it serves from), hence
# the 10 s warm-up per endpoint. TIERING=default leaves the runtime's defaults, to measure that warm-up phase
# instead.
#
# Only 127.0.0.1 is used. The script stops the server it started when it exits, however it exits.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
}

chart_only=false
case "${1:-}" in
    "") ;;
    --chart-only) chart_only=true ;;
    -h | --help)
        usage
        exit 0
        ;;
    *)
        usage >&2
        exit 2
        ;;
esac

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-5}
WARMUP=${WARMUP:-10}
TIERING=${TIERING:-steady}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-5310}
SERVER_CPU=${SERVER_CPU:-1}
WRK_CPU=${WRK_CPU:-0}
OUT_DIR=${OUT_DIR:-docs/performance}

RAW=$OUT_DIR/load-raw.csv
RESULTS=$OUT_DIR/load-results.csv

# mode:logging of each server; the error-storm modes and floor-repeat only change what is logged, so they run with
# logging on only.
read -r -a SERVERS <<< "${SERVERS:-\
none:off framework:off ours:off floor:off \
none:json framework:json ours:json ours-storm:json ours-summary:json floor:json floor-repeat:json \
none:serilog framework:serilog ours:serilog ours-storm:serilog ours-summary:serilog floor:serilog floor-repeat:serilog}"
read -r -a ENDPOINTS <<< "${ENDPOINTS:-ok fail fail-deep}"

die() {
    echo "load.sh: $*" >&2
    exit 1
}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DEBIAN_FRONTEND=noninteractive

apt_install() {
    echo "Installing $*..."
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@" > /dev/null; } \
        || die "apt-get could not install $*"
}

# Builds one project quietly, without leaving build servers behind (they would share the cores measured);
# shows the build's output only when it fails.
build() {
    local log
    log=$(mktemp)
    if ! dotnet build -c Release "$1" -v quiet -nologo --disable-build-servers > "$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        die "building $1 failed"
    fi
    rm -f "$log"
}

# Builds the tool that turns raw runs into the summary, its tables and the chart; the chart needs a font for its
# text.
build_summary_tool() {
    if [[ -z $(find /usr/share/fonts \( -name '*.ttf' -o -name '*.otf' \) -print -quit 2> /dev/null) ]]; then
        apt_install fonts-dejavu-core
    fi
    build tests/ErrorHandling.AspNetCore.LoadChart
}

# Runs it on --from-raw FILE (writes the summary, prints the tables, draws the chart) or --from-results FILE
# (prints the tables and draws the chart), into OUT_DIR.
summarise() {
    dotnet tests/ErrorHandling.AspNetCore.LoadChart/bin/Release/net10.0/ErrorHandling.AspNetCore.LoadChart.dll \
        "$@" --out "$OUT_DIR" || die "summarising the results failed"
}

if $chart_only; then
    [[ -f $RESULTS ]] || die "$RESULTS does not exist; run scripts/load.sh without --chart-only first"
    build_summary_tool
    summarise --from-results "$RESULTS"
    exit 0
fi

for knob in ROUNDS DURATION WARMUP CONNECTIONS PORT SERVER_CPU WRK_CPU; do
    [[ ${!knob} =~ ^[0-9]+$ ]] || die "$knob must be a whole number, not '${!knob}'"
done
((ROUNDS >= 1 && ROUNDS <= 100)) || die "ROUNDS must be between 1 and 100"
((DURATION >= 1 && DURATION <= 600)) || die "DURATION must be between 1 and 600 seconds"
((WARMUP <= 600)) || die "WARMUP must be at most 600 seconds"
((CONNECTIONS >= 1)) || die "CONNECTIONS must be at least 1"
((SERVER_CPU != WRK_CPU)) || die "SERVER_CPU and WRK_CPU must be different cores"
((${#ENDPOINTS[@]} >= 1)) || die "ENDPOINTS must name at least one of ok, fail, fail-deep"
for endpoint in "${ENDPOINTS[@]}"; do
    [[ $endpoint =~ ^(ok|fail|fail-deep)$ ]] || die "ENDPOINTS must name ok, fail or fail-deep, not '$endpoint'"
done
((${#SERVERS[@]} >= 1)) || die "SERVERS must name at least one mode:logging"
for server in "${SERVERS[@]}"; do
    [[ $server =~ ^(none|framework|ours|ours-storm|ours-summary|floor|floor-repeat):(off|json|serilog)$ ]] \
        || die "SERVERS must be mode:logging (mode none, framework, ours, ours-storm, ours-summary, floor or floor-repeat; logging off, json or serilog), not '$server'"
done
case $TIERING in
    steady) tiering_env=(DOTNET_TC_CallCountingDelayMs=0) ;;
    default) tiering_env=() ;;
    *) die "TIERING must be steady or default, not '$TIERING'" ;;
esac

command -v taskset > /dev/null || die "taskset is missing (Debian: apt-get install util-linux)"
command -v wrk > /dev/null || apt_install wrk
command -v wrk > /dev/null || die "wrk is missing and could not be installed"
command -v curl > /dev/null || apt_install curl
command -v ps > /dev/null || apt_install procps
for cpu in "$SERVER_CPU" "$WRK_CPU"; do
    taskset -c "$cpu" true 2> /dev/null || die "cannot pin to CPU $cpu (this process may use: $(taskset -pc $$ | sed 's/.*: //'))"
done

build tests/ErrorHandling.AspNetCore.LoadApp
build_summary_tool
app=tests/ErrorHandling.AspNetCore.LoadApp/bin/Release/net10.0/ErrorHandling.AspNetCore.LoadApp.dll
# The app uses the library as its package gives it, without the library's PDB beside the DLL (the project says
# so); one left there by an older build would make every logged stack look up the handler's file and line.
rm -f tests/ErrorHandling.AspNetCore.LoadApp/bin/Release/net10.0/ErrorHandling.AspNetCore.pdb
url=http://127.0.0.1:$PORT

server_pid=""
server_log=$(mktemp)
raw_partial=$(mktemp)
finished=false

alive() {
    local state
    state=$(ps -o stat= -p "$1" 2> /dev/null) || return 1
    [[ $state != Z* ]]
}

stop_server() {
    [[ -n $server_pid ]] || return 0
    kill -TERM "$server_pid" 2> /dev/null || true
    for _ in $(seq 1 100); do
        alive "$server_pid" || break
        sleep 0.1
    done
    kill -KILL "$server_pid" 2> /dev/null || true
    wait "$server_pid" 2> /dev/null || true
    server_pid=""
}

on_exit() {
    stop_server
    rm -f "$server_log"
    if ! $finished && (($(wc -l < "$raw_partial") > 1)); then
        echo "load.sh: stopped early; the runs measured so far are in $raw_partial" >&2
    else
        rm -f "$raw_partial"
    fi
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_server() {
    local mode=$1 logging=$2 status
    if curl -s -o /dev/null --max-time 1 "$url/"; then
        die "something already listens on 127.0.0.1:$PORT; set PORT to a free port"
    fi
    env ASPNETCORE_ENVIRONMENT=Production "${tiering_env[@]}" taskset -c "$SERVER_CPU" \
        dotnet "$app" --mode "$mode" --logging "$logging" --port "$PORT" > /dev/null 2> "$server_log" &
    server_pid=$!
    for _ in $(seq 1 300); do
        curl -fs -o /dev/null --max-time 1 "$url/ok" && break
        alive "$server_pid" || die "the $mode/$logging server exited: $(cat "$server_log")"
        sleep 0.1
    done
    status="$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$url/ok" || true) $(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$url/fail" || true) $(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$url/fail-deep" || true)"
    [[ $status == "200 500 500" ]] || die "the $mode/$logging server answered /ok, /fail and /fail-deep with $status, expected 200 500 500"
    [[ $(taskset -pc "$server_pid" | sed 's/.*: //') == "$SERVER_CPU" ]] || die "the server is not pinned to CPU $SERVER_CPU"
}

# The server's bytes allocated and milliseconds paused for garbage collection since it started.
gc_stats() {
    curl -fs --max-time 2 "$url/gc" || die "the server did not answer /gc"
}

# One wrk run on the other core; prints requests/s and the request count. Socket errors, or responses other
# than the endpoint's (200 for /ok, 500 for every request to a failing one), would make the numbers meaningless, so they
# stop the script.
run_wrk() {
    local seconds=$1 endpoint=$2 out requests non2xx
    out=$(taskset -c "$WRK_CPU" wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" "$url/$endpoint") || die "wrk failed on /$endpoint"
    requests=$(awk '/ requests in / { print $1 }' <<< "$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<< "$out")
    if grep -q 'Socket errors' <<< "$out" \
        || [[ -z $requests ]] \
        || [[ $endpoint == ok && -n $non2xx ]] \
        || [[ $endpoint == fail* && $non2xx != "$requests" ]]; then
        printf 'load.sh: unexpected wrk result on /%s:\n%s\n' "$endpoint" "$out" >&2
        exit 1
    fi
    echo "$(awk '/^Requests\/sec:/ { print $2 }' <<< "$out") $requests"
}

count=${#SERVERS[@]}
minutes=$(((ROUNDS * count * (${#ENDPOINTS[@]} * (WARMUP + DURATION) + 2) + 59) / 60))
echo "$ROUNDS rounds of $count servers (server on CPU $SERVER_CPU, wrk on CPU $WRK_CPU, tiering $TIERING): about $minutes minutes"
echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) (quiet is well below 1)"

echo "round,position,mode,logging,endpoint,requests_per_second,duration_s,connections,allocated_bytes_per_request,gc_pause_percent" > "$raw_partial"
for round in $(seq 1 "$ROUNDS"); do
    echo "Round $round of $ROUNDS..."
    # The endpoints swap order each round too, so neither always runs on a server that has just warmed up.
    endpoints=("${ENDPOINTS[@]}")
    if ((round % 2 == 0)); then
        for ((i = 0; i < ${#ENDPOINTS[@]}; i++)); do endpoints[i]=${ENDPOINTS[${#ENDPOINTS[@]} - 1 - i]}; done
    fi
    for position in $(seq 1 "$count"); do
        IFS=: read -r mode logging <<< "${SERVERS[$(((position - 1 + round - 1) % count))]}"
        start_server "$mode" "$logging"
        if ((WARMUP > 0)); then
            for endpoint in "${ENDPOINTS[@]}"; do
                run_wrk "$WARMUP" "$endpoint" > /dev/null
            done
        fi
        for endpoint in "${endpoints[@]}"; do
            before=$(gc_stats)
            read -r rps requests <<< "$(run_wrk "$DURATION" "$endpoint")"
            after=$(gc_stats)
            read -r allocated paused <<< "$(awk -v before="$before" -v after="$after" -v n="$requests" -v seconds="$DURATION" \
                'BEGIN { split(before, b, " "); split(after, a, " "); printf "%.0f %.2f\n", (a[1] - b[1]) / n, (a[2] - b[2]) / (seconds * 10) }')"
            echo "$round,$position,$mode,$logging,$endpoint,$rps,$DURATION,$CONNECTIONS,$allocated,$paused" >> "$raw_partial"
            printf '  %-10s %-8s /%-5s %10s requests/s %8s B/request %6s%% GC pause\n' "$mode" "$logging" "$endpoint" "$rps" "$allocated" "$paused"
        done
        stop_server
    done
done
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$OUT_DIR"
cp "$raw_partial" "$RAW"
finished=true

echo
summarise --from-raw "$RAW"
