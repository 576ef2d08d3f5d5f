#!/usr/bin/env bash
# Loopback load test: requests per second of a succeeding and a failing endpoint with no handler,
# the framework's UseExceptionHandler() + AddProblemDetails(), and UseGlobalErrorHandler() (plus
# error-storm mode with logging on), logging off and on (JSON console logger to /dev/null).
#
# Every server runs at once on 127.0.0.1, each mode on its own port; the wrk runs are interleaved,
# round after round, in a rotating order, so drift in the machine's speed hits every mode alike.
# Prints the median requests/s of each mode and the medians of the per-round (paired) ratios.
#
#   scripts/load.sh                      # 5 rounds of 3 s runs, about 6 minutes on 2 cores
#   ROUNDS=7 DURATION=5 scripts/load.sh  # longer
#
# Only loopback addresses are used. The script stops the servers it started when it exits.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-3}
CONNECTIONS=${CONNECTIONS:-32}
BASE_PORT=${BASE_PORT:-5310}
RAW=${RAW:-$(mktemp)}

# mode:logging for each server; ours-storm only matters when something is logged.
SERVERS=(none:off framework:off ours:off none:on framework:on ours:on ours-storm:on)
ENDPOINTS=(ok fail)

if ! command -v wrk > /dev/null; then
    echo "Installing wrk..."
    apt-get update -qq && apt-get install -y -qq wrk > /dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release tests/ErrorHandling.AspNetCore.LoadApp -v quiet -nologo > /dev/null
app=tests/ErrorHandling.AspNetCore.LoadApp/bin/Release/net10.0/ErrorHandling.AspNetCore.LoadApp.dll

pids=()
stop_servers() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2> /dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2> /dev/null || true
    done
}
trap stop_servers EXIT

port_of() { echo $((BASE_PORT + $1)); }

for i in "${!SERVERS[@]}"; do
    IFS=: read -r mode logging <<< "${SERVERS[$i]}"
    ASPNETCORE_ENVIRONMENT=Production dotnet "$app" --mode "$mode" --logging "$logging" --port "$(port_of "$i")" \
        > /dev/null 2>&1 &
    pids+=($!)
done

for i in "${!SERVERS[@]}"; do
    url="http://127.0.0.1:$(port_of "$i")"
    for _ in $(seq 1 100); do
        curl -fs -o /dev/null "$url/ok" && break
        sleep 0.2
    done
    ok=$(curl -s -o /dev/null -w '%{http_code}' "$url/ok")
    fail=$(curl -s -o /dev/null -w '%{http_code}' "$url/fail")
    if [[ $ok != 200 || $fail != 500 ]]; then
        echo "${SERVERS[$i]} on $url answered /ok $ok and /fail $fail, expected 200 and 500" >&2
        exit 1
    fi
done

# One wrk run; prints requests/s, and fails on socket errors (they would make the numbers meaningless).
run_wrk() {
    local out
    out=$(wrk -t1 -c"$CONNECTIONS" -d"$1s" "$2")
    if grep -q 'Socket errors' <<< "$out"; then
        echo "wrk reported socket errors for $2:" >&2
        echo "$out" >&2
        exit 1
    fi
    awk '/^Requests\/sec:/ { print $2 }' <<< "$out"
}

echo "Warming up ${#SERVERS[@]} servers..."
for i in "${!SERVERS[@]}"; do
    for endpoint in "${ENDPOINTS[@]}"; do
        run_wrk 2 "http://127.0.0.1:$(port_of "$i")/$endpoint" > /dev/null
    done
done

: > "$RAW"
count=${#SERVERS[@]}
for round in $(seq 1 "$ROUNDS"); do
    echo "Round $round of $ROUNDS..."
    for endpoint in "${ENDPOINTS[@]}"; do
        for k in $(seq 0 $((count - 1))); do
            i=$(((k + round) % count))
            IFS=: read -r mode logging <<< "${SERVERS[$i]}"
            rps=$(run_wrk "$DURATION" "http://127.0.0.1:$(port_of "$i")/$endpoint")
            echo "$round $logging $endpoint $mode $rps" >> "$RAW"
        done
    done
done

echo
echo "wrk -t1 -c$CONNECTIONS -d${DURATION}s, $ROUNDS rounds; requests/s are medians, ratios are medians of per-round ratios"
echo "(raw: $RAW)"
awk '
    function median(list,   n, a, i, j, t) {
        n = split(list, a, " ")
        for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    {
        rps[$2, $3, $4] = rps[$2, $3, $4] " " $5
        value[$1, $2, $3, $4] = $5
        rounds[$1] = 1
    }
    END {
        split("none framework ours ours-storm", modes, " ")
        split("off on", loggings, " ")
        split("ok fail", endpoints, " ")
        split("ours/framework ours/none ours-storm/framework", pairs, " ")
        printf "%-8s %-8s %10s %10s %10s %10s %15s %10s %21s\n", "logging", "endpoint", "none", "framework", "ours", "ours-storm", "ours/framework", "ours/none", "ours-storm/framework"
        for (l = 1; l <= 2; l++) for (e = 1; e <= 2; e++) {
            line = sprintf("%-8s %-8s", loggings[l], endpoints[e])
            for (m = 1; m <= 4; m++) {
                key = loggings[l] SUBSEP endpoints[e] SUBSEP modes[m]
                line = line sprintf(" %10s", (key in rps) ? sprintf("%.0f", median(rps[key])) : "-")
            }
            for (p = 1; p <= 3; p++) {
                split(pairs[p], nd, "/")
                list = ""
                for (r in rounds) {
                    num = r SUBSEP loggings[l] SUBSEP endpoints[e] SUBSEP nd[1]
                    den = r SUBSEP loggings[l] SUBSEP endpoints[e] SUBSEP nd[2]
                    if ((num in value) && (den in value) && value[den] > 0) list = list " " value[num] / value[den]
                }
                line = line sprintf(p == 1 ? " %15s" : (p == 2 ? " %10s" : " %21s"), list == "" ? "-" : sprintf("%.2f", median(list)))
            }
            print line
        }
    }
' "$RAW"
