# shellcheck shell=bash disable=SC2034 # the settings here are used by webcare and the other libs
# Shared settings and helpers of the local-stack launcher; sourced by deploy/local/webcare.

# --- Settings: every port and the state dir can be overridden, so a second, isolated stack can run beside the first.
: "${INGEST_PORT:=8081}" "${ROUTING_PORT:=8082}" "${CASE_PORT:=8083}" "${SLA_PORT:=8084}" "${FEEDBACK_PORT:=8085}"
: "${KEYCLOAK_PORT:=8180}" "${KEYCLOAK_MGMT_PORT:=9180}"
: "${KAFKA_PORT:=9092}" "${KAFKA_CONTROLLER_PORT:=9093}"
: "${PG_PORT:=5432}"
: "${KAFKA_HEAP:=512m}" "${KEYCLOAK_HEAP:=512m}" "${SERVICE_HEAP:=256m}"
# Seconds to wait for readiness; Keycloak's first start imports the realm into a fresh database.
: "${SERVICE_READY_TIMEOUT:=120}" "${KEYCLOAK_READY_TIMEOUT:=180}" "${KAFKA_READY_TIMEOUT:=60}"

STATE="${WEBCARE_STATE_DIR:-$LOCAL_DIR/.state}"
mkdir -p "$STATE" 2>/dev/null || true
STATE="$(cd "$STATE" 2>/dev/null && pwd)" || { echo "webcare: cannot create state dir ${WEBCARE_STATE_DIR:-}" >&2; exit 1; }
LOGS="$STATE/logs"
PIDS="$STATE/pids"
# Things every state dir would otherwise rebuild identically: the built Keycloak distribution (its `kc.sh build`
# takes 20-100 s) and Kafka's classpath. Shared, so a fresh isolated stack (the end-to-end tests) starts faster.
CACHE="${WEBCARE_CACHE_DIR:-$LOCAL_DIR/.state/cache}"

# The five services: the module is <name>-service, the database webcare_<name>, the port <NAME>_PORT.
SERVICES=(ingest routing case sla feedback)

# Topics of the contract; each also gets a `.dlq` twin.
TOPICS=(webcare.messages.inbound webcare.messages.routed webcare.cases webcare.sla webcare.feedback
    webcare.replies.outbound webcare.replies.delivery)

# --- Output
# Coloured only on a terminal, so CI logs stay clean.
if [[ -t 1 ]]; then
    C_BOLD=$'\e[1m' C_RED=$'\e[31m' C_DIM=$'\e[2m' C_OFF=$'\e[0m'
else
    C_BOLD='' C_RED='' C_DIM='' C_OFF=''
fi

log() { printf '%s[webcare]%s %s\n' "$C_DIM" "$C_OFF" "$*"; }
warn() { printf '%s[webcare] warning:%s %s\n' "$C_RED" "$C_OFF" "$*" >&2; }
# Set by `start`: a failed start leaves what it already started running, and says how to see and stop it.
STARTING=0
die() {
    printf '%s[webcare] error:%s %s\n' "$C_RED" "$C_OFF" "$*" >&2
    if ((STARTING)); then
        printf '[webcare] what did start keeps running: deploy/local/webcare status | stop (same environment)\n' >&2
    fi
    exit 1
}

# Current time in tenths of a second precision, for the timings printed after each step.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

# --- Ports and processes
# True when something accepts TCP connections on 127.0.0.1:$1 (bash's /dev/tcp: no client tool needed, instant on loopback).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Who listens on a port, for error messages (ss needs root for the process column; fine without it).
port_owner() { ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\1 (pid \2)/p' | head -n 1; }

# pid recorded for a component, or nothing.
read_pid() { [[ -r "$PIDS/$1.pid" ]] && tr -dc '0-9' <"$PIDS/$1.pid"; }

# True when pid $1 is alive and its command line contains every further argument: a pid file left by a crash or
# reboot may name a pid that now belongs to some unrelated process (or to the same program of another stack).
pid_is() {
    local pid=$1 cmdline marker
    shift
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
    for marker in "$@"; do
        [[ "$cmdline" == *"$marker"* ]] || return 1
    done
}

# Waits until pid $1 has exited, up to $2 seconds. Returns 1 on timeout.
wait_exit() {
    local pid=$1 deadline=$((SECONDS + $2))
    while kill -0 "$pid" 2>/dev/null; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

# Stops a process group leader: TERM (or the signal in $3), then KILL after $2 seconds.
stop_pid() {
    local pid=$1 grace=$2 sig=${3:-TERM}
    kill -"$sig" "$pid" 2>/dev/null || return 0
    if ! wait_exit "$pid" "$grace"; then
        warn "pid $pid did not stop within ${grace}s; sending KILL"
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
        wait_exit "$pid" 10 || true
    fi
}

# Starts a long-running process detached in its own session (setsid), so Ctrl-C on the launcher or closing the
# terminal does not take the stack down, and records its pid. $1 = component, $2 = log file, rest = command.
# In a non-interactive bash a background child is never a process-group leader, so setsid execs in place and
# $! is the pid of the command itself (java, or kc.sh), which is also its process group id.
spawn() {
    local name=$1 logfile=$2
    shift 2
    mkdir -p "$PIDS" "$LOGS"
    printf '\n===== %s: starting %s =====\n' "$(date -Is)" "$name" >>"$logfile"
    setsid "$@" >>"$logfile" 2>&1 </dev/null &
    echo $! >"$PIDS/$name.pid"
}

# GET $1 and print the HTTP status (000 when nothing answers).
http_status() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true; }

# Runs the Maven wrapper from the repo root with the JDK found by find_jdk; output goes to a log that is shown
# only when Maven fails (the JDK 24+ "sun.misc.Unsafe" warnings of Maven's guice are harmless noise).
mvnw() {
    mkdir -p "$LOGS"
    local mlog="$LOGS/maven.log"
    printf '\n===== %s: mvnw %s =====\n' "$(date -Is)" "$*" >>"$mlog"
    if ! (cd "$REPO" && JAVA_HOME="$JDK" ./mvnw "$@") >>"$mlog" 2>&1; then
        tail -n 40 "$mlog" | grep -v 'sun.misc.Unsafe\|HiddenClassDefiner\|terminally deprecated' >&2 || true
        die "Maven failed: ./mvnw $* (full output: $mlog)"
    fi
}

# The URL of a component, for status lines and the summary table.
service_port() {
    case $1 in
        ingest) echo "$INGEST_PORT" ;;
        routing) echo "$ROUTING_PORT" ;;
        case) echo "$CASE_PORT" ;;
        sla) echo "$SLA_PORT" ;;
        feedback) echo "$FEEDBACK_PORT" ;;
        *) return 1 ;;
    esac
}
