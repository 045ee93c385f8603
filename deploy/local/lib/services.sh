# shellcheck shell=bash
# The five Quarkus services (fast-jars), built with the Maven wrapper and started with the environment of the spec.

service_jar() { echo "$REPO/$1-service/target/quarkus-app/quarkus-run.jar"; }

# ingest answers the platforms' webhooks with a p99 target: the parallel collector's young pauses on its small heap
# measured 2-11 ms on these 2 cores under load, G1's 40-70 ms. The consumers keep the default (G1).
service_gc_opts() { [[ "$1" == ingest ]] && echo "-XX:+UseParallelGC"; return 0; }

service_pid() {
    local pid
    pid=$(read_pid "$1")
    if pid_is "$pid" "$(service_jar "$1")" "-Dwebcare.stack=$STATE "; then
        echo "$pid"
    elif pid_is "$pid" "$(service_jar "$1")" && ! pid_is "$pid" "-Dwebcare.stack="; then
        echo "$pid" # started by an earlier launcher version, without the marker
    fi
    return 0
}

# Builds the services when a fast-jar is missing, or always with --rebuild. Runs before any infrastructure starts,
# so a broken build fails fast.
services_build() {
    local force=$1 svc missing_jar=0 missing_module=() modules t0
    for svc in "${SERVICES[@]}"; do
        [[ -f "$REPO/$svc-service/pom.xml" ]] || missing_module+=("$svc-service")
        [[ -f "$(service_jar "$svc")" ]] || missing_jar=1
    done
    ((force || missing_jar)) || return 0
    ((${#missing_module[@]} == 0)) || die "cannot build the services: module(s) ${missing_module[*]} not found in $REPO.
    Use 'start --infra-only' to start only PostgreSQL, Kafka and Keycloak."
    modules=$(printf '%s-service,' "${SERVICES[@]}")
    log "building the services (./mvnw -B -q -DskipTests package -pl ${modules%,} -am; a cold ~/.m2 takes minutes)"
    t0=$(now)
    mvnw -B -q -DskipTests package -pl "${modules%,}" -am
    for svc in "${SERVICES[@]}"; do
        [[ -f "$(service_jar "$svc")" ]] || die "the build finished but $(service_jar "$svc") is missing"
    done
    log "services built in $(elapsed "$t0")"
}

# Launches one service (not waiting for it). Configuration is only environment variables: standard Quarkus names.
# -Dwebcare.stack names the state dir in the command line, so `status` and `stop` of one stack never take another
# stack's process (same jar) for theirs.
service_launch() {
    local svc=$1 port jar pid
    port=$(service_port "$svc")
    jar=$(service_jar "$svc")
    pid=$(service_pid "$svc")
    if [[ -n "$pid" ]]; then
        log "$svc: already running (pid $pid, port $port)"
        return 0
    fi
    [[ -f "$jar" ]] || die "$jar is missing; run 'start --rebuild' (or ./mvnw package) first"
    port_open "$port" && die "$svc port $port is already in use by $(port_owner "$port"); set ${svc^^}_PORT."
    # shellcheck disable=SC2046,SC2086 # heap_opts, service_gc_opts and SERVICE_JAVA_OPTS are lists of JVM options on purpose
    spawn "$svc" "$LOGS/$svc.log" env \
        QUARKUS_HTTP_PORT="$port" \
        QUARKUS_HTTP_HOST=127.0.0.1 \
        KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/webcare_$svc" \
        QUARKUS_DATASOURCE_USERNAME=webcare \
        QUARKUS_DATASOURCE_PASSWORD=webcare \
        QUARKUS_OIDC_AUTH_SERVER_URL="$KEYCLOAK_REALM_URL" \
        WEBCARE_CHANNELS_META_APP_SECRET="${WEBCARE_CHANNELS_META_APP_SECRET:-local-meta-app-secret}" \
        WEBCARE_CHANNELS_META_VERIFY_TOKEN="${WEBCARE_CHANNELS_META_VERIFY_TOKEN:-local-meta-verify-token}" \
        WEBCARE_CHANNELS_X_CONSUMER_SECRET="${WEBCARE_CHANNELS_X_CONSUMER_SECRET:-local-x-consumer-secret}" \
        WEBCARE_SIMULATOR_ENABLED="${WEBCARE_SIMULATOR_ENABLED:-true}" \
        WEBCARE_REPLIES_META_BASE_URL="${WEBCARE_REPLIES_META_BASE_URL:-http://127.0.0.1:$INGEST_PORT/simulator/graph}" \
        WEBCARE_REPLIES_X_BASE_URL="${WEBCARE_REPLIES_X_BASE_URL:-http://127.0.0.1:$INGEST_PORT/simulator/x}" \
        WEBCARE_REPLIES_META_ACCESS_TOKEN="${WEBCARE_REPLIES_META_ACCESS_TOKEN:-local-simulator-token}" \
        WEBCARE_REPLIES_X_ACCESS_TOKEN="${WEBCARE_REPLIES_X_ACCESS_TOKEN:-local-simulator-token}" \
        "$JAVA" $(heap_opts "-Xmx$SERVICE_HEAP") $(service_gc_opts "$svc") ${SERVICE_JAVA_OPTS:-} "-Dwebcare.stack=$STATE" -jar "$jar"
    log "$svc: started (pid $(read_pid "$svc"), port $port)"
}

# Waits until GET /q/health/ready answers 200; stops early, with the log's tail, if the process dies.
service_wait() {
    local svc=$1 port deadline code pid
    port=$(service_port "$svc")
    deadline=$((SECONDS + SERVICE_READY_TIMEOUT))
    while :; do
        code=$(http_status "http://127.0.0.1:$port/q/health/ready")
        [[ "$code" == 200 ]] && return 0
        pid=$(service_pid "$svc")
        [[ -n "$pid" ]] || die "$svc exited during start-up; last lines of $LOGS/$svc.log:
$(tail -n 20 "$LOGS/$svc.log")"
        ((SECONDS < deadline)) || die "$svc was not ready within ${SERVICE_READY_TIMEOUT}s (last answer of
    http://127.0.0.1:$port/q/health/ready: $code). See its log: $LOGS/$svc.log"
        sleep 0.5
    done
}

# All five start at once (their boots overlap on the two cores), then each is awaited.
services_start() {
    local svc t0
    t0=$(now)
    for svc in "${SERVICES[@]}"; do service_launch "$svc"; done
    for svc in "${SERVICES[@]}"; do
        service_wait "$svc"
        log "$svc: ready on http://127.0.0.1:$(service_port "$svc")"
    done
    log "services ready in $(elapsed "$t0")"
}

# Stops one service: TERM for a graceful Quarkus shutdown, or KILL (the crash test of `restart --kill`).
service_stop() {
    local svc=$1 sig=${2:-TERM} pid
    pid=$(service_pid "$svc")
    if [[ -z "$pid" ]]; then
        log "$svc: not running"
    else
        stop_pid "$pid" 30 "$sig"
        log "$svc: stopped ($sig)"
    fi
    rm -f "$PIDS/$svc.pid"
}

# TERM to all at once, then wait: stopping five JVMs one after the other would take five times as long.
services_stop() {
    local svc pid running=()
    for svc in "${SERVICES[@]}"; do
        pid=$(service_pid "$svc")
        [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null && running+=("$svc:$pid")
    done
    for pid in "${running[@]}"; do
        stop_pid "${pid#*:}" 30
        log "${pid%%:*}: stopped"
    done
    for svc in "${SERVICES[@]}"; do rm -f "$PIDS/$svc.pid"; done
}

service_status() {
    local svc=$1 port pid code
    port=$(service_port "$svc")
    pid=$(service_pid "$svc")
    if [[ -z "$pid" ]]; then
        status_line "$svc" down - "$port" "http://127.0.0.1:$port"
        return 0
    fi
    code=$(http_status "http://127.0.0.1:$port/q/health/ready")
    if [[ "$code" == 200 ]]; then
        status_line "$svc" up "$pid" "$port" "http://127.0.0.1:$port"
    else
        status_line "$svc" "not-ready($code)" "$pid" "$port" "http://127.0.0.1:$port"
    fi
}
