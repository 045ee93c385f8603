# shellcheck shell=bash
# Keycloak 26.7.3 from Maven Central's keycloak-quarkus-dist zip, built once for the dev-file (H2) database and
# then started with --optimized in production mode, with the webcare realm imported from keycloak/webcare-realm.json.

KEYCLOAK_VERSION=26.7.3
KC_DIR="$STATE/keycloak"
KC_HOME="$KC_DIR/keycloak-$KEYCLOAK_VERSION"
KC_LOG="$LOGS/keycloak.log"
KC_REALM_FILE="$LOCAL_DIR/keycloak/webcare-realm.json"
# Build-time options; changing them triggers a new `kc.sh build`.
KC_BUILD_OPTS=(--db=dev-file --health-enabled=true)
KC_CACHED="$CACHE/keycloak-$KEYCLOAK_VERSION" # a built distribution without data, copied into new state dirs
KC_MARKER=.webcare-built                      # holds the build options the distribution was built with

# True when the distribution in $1 was built with the current build options.
kc_built() { [[ "$(cat "$1/$KC_MARKER" 2>/dev/null)" == "${KC_BUILD_OPTS[*]}" ]]; }
KEYCLOAK_URL="http://127.0.0.1:$KEYCLOAK_PORT"
KEYCLOAK_REALM_URL="$KEYCLOAK_URL/realms/webcare"

keycloak_pid() {
    local pid
    pid=$(read_pid keycloak)
    pid_is "$pid" "$KC_HOME/bin/kc.sh" && echo "$pid"
    return 0
}

# True when neither the state dir nor the cache has the distribution, so it must come from Maven.
keycloak_needs_fetch() {
    [[ ! -x "$KC_HOME/bin/kc.sh" && ! -f "$KC_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" ]] && ! kc_built "$KC_CACHED"
}

# Downloads the distribution through Maven (cached in ~/.m2 afterwards). Runs in the foreground, before Kafka's
# classpath is resolved, so the two Maven runs never share ~/.m2 at the same time.
keycloak_fetch() {
    keycloak_needs_fetch || return 0
    local t0
    t0=$(now)
    mkdir -p "$KC_DIR"
    mvnw -B -q -f "$LOCAL_DIR/kafka/pom.xml" dependency:copy \
        -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$KC_DIR"
    log "keycloak: distribution fetched in $(elapsed "$t0")"
}

# Unzips, builds (once per set of build options) and launches; safe to run in the background.
keycloak_launch() {
    local t0 zip sum tmp
    t0=$(now)
    zip="$KC_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    if [[ ! -x "$KC_HOME/bin/kc.sh" ]]; then
        rm -rf "$KC_HOME"
        mkdir -p "$KC_DIR"
        if kc_built "$KC_CACHED"; then
            # The built distribution is relocatable (kc.sh finds its home from its own path).
            cp -a "$KC_CACHED" "$KC_HOME" || die "copying $KC_CACHED failed"
            log "keycloak: built distribution copied from $CACHE in $(elapsed "$t0")"
        else
            unzip -q "$zip" -d "$KC_DIR" || die "unzipping $zip failed"
        fi
    fi
    rm -f "$zip" # ~/.m2 keeps a copy; 169 MB less in the state dir
    if ! kc_built "$KC_HOME"; then
        log "keycloak: building the optimized server (once, 20 s on an idle machine)"
        JAVA_HOME=$JDK "$KC_HOME/bin/kc.sh" build "${KC_BUILD_OPTS[@]}" >>"$KC_LOG" 2>&1 ||
            die "kc.sh build failed (see $KC_LOG)"
        echo "${KC_BUILD_OPTS[*]}" >"$KC_HOME/$KC_MARKER"
        log "keycloak: built in $(elapsed "$t0")"
    fi
    if ! kc_built "$KC_CACHED"; then
        # Before the first start, so no database comes along; copied aside and renamed, so a concurrent
        # launcher never sees half a distribution.
        mkdir -p "$CACHE"
        tmp=$(mktemp -d "$CACHE/.keycloak.XXXXXX")
        if cp -a "$KC_HOME/." "$tmp/" && rm -rf "$tmp/data" "$KC_CACHED" && mv "$tmp" "$KC_CACHED"; then
            log "keycloak: built distribution cached in $KC_CACHED"
        else
            warn "could not cache the built Keycloak in $KC_CACHED"
            rm -rf "$tmp"
        fi
    fi
    # --import-realm skips a realm that exists, so a changed realm file resets the local H2 database (it holds
    # nothing but the imported realm); an unchanged one keeps it and the start is ~2x faster.
    mkdir -p "$KC_HOME/data/import"
    sum=$(sha256sum "$KC_REALM_FILE" | cut -d' ' -f1)
    if [[ -d "$KC_HOME/data/h2" && "$(cat "$KC_DIR/realm.sha256" 2>/dev/null)" != "$sum" ]]; then
        log "keycloak: webcare-realm.json changed since the last import; resetting Keycloak's local database"
        rm -rf "$KC_HOME/data/h2"
    fi
    cp "$KC_REALM_FILE" "$KC_HOME/data/import/webcare-realm.json"
    echo "$sum" >"$KC_DIR/realm.sha256"

    # --cache=local keeps it on loopback (the default ispn cache starts JGroups on the external interface);
    # --hostname pins the token issuer to what the services are configured with, however a token was requested.
    # kc.sh runs java as a child; `stop` sends TERM to kc.sh, which forwards it.
    spawn keycloak "$KC_LOG" env JAVA_HOME="$JDK" JAVA_OPTS_KC_HEAP="$(heap_opts "$KEYCLOAK_HEAP")" \
        KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
        "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --http-host=127.0.0.1 \
        --http-port="$KEYCLOAK_PORT" --http-management-port="$KEYCLOAK_MGMT_PORT" \
        --hostname="$KEYCLOAK_URL" --hostname-strict=false --cache=local --import-realm
    log "keycloak: started (pid $(read_pid keycloak))"
}

# Starts Keycloak without waiting for it: the slow part (build, realm import) overlaps Kafka's start.
# keycloak_wait finishes the job.
KC_SETUP_PID=''
keycloak_start_async() {
    local pid p
    mkdir -p "$LOGS"
    pid=$(keycloak_pid)
    if [[ -n "$pid" ]]; then
        log "keycloak: already running (pid $pid, port $KEYCLOAK_PORT)"
        return 0
    fi
    for p in "$KEYCLOAK_PORT" "$KEYCLOAK_MGMT_PORT"; do
        port_open "$p" && die "Keycloak port $p is already in use by $(port_owner "$p"); set KEYCLOAK_PORT / KEYCLOAK_MGMT_PORT."
    done
    keycloak_fetch
    keycloak_launch &
    KC_SETUP_PID=$!
}

# Ready = the realm's discovery document answers 200 ("started in" is logged before the realm import ends).
keycloak_wait() {
    local t0 deadline pid
    t0=$(now)
    if [[ -n "$KC_SETUP_PID" ]]; then
        wait "$KC_SETUP_PID" || die "Keycloak could not be set up (see $KC_LOG)"
        KC_SETUP_PID=''
    fi
    deadline=$((SECONDS + KEYCLOAK_READY_TIMEOUT))
    until [[ "$(http_status "$KEYCLOAK_REALM_URL/.well-known/openid-configuration")" == 200 ]]; do
        pid=$(keycloak_pid)
        [[ -n "$pid" ]] || die "Keycloak exited during start-up; last lines of $KC_LOG:
$(tail -n 15 "$KC_LOG")"
        ((SECONDS < deadline)) || die "Keycloak was not ready within ${KEYCLOAK_READY_TIMEOUT}s (see $KC_LOG)"
        sleep 0.5
    done
    log "keycloak: realm webcare ready at $KEYCLOAK_REALM_URL (waited $(elapsed "$t0"))"
}

keycloak_stop() {
    local pid
    pid=$(keycloak_pid)
    if [[ -z "$pid" ]]; then
        log "keycloak: not running"
    else
        stop_pid "$pid" 40
        # kc.sh waits for its java child, but make sure nothing of the group outlives it.
        if kill -0 -- "-$pid" 2>/dev/null; then
            sleep 2
            kill -KILL -- "-$pid" 2>/dev/null || true
        fi
        log "keycloak: stopped"
    fi
    rm -f "$PIDS/keycloak.pid"
}

keycloak_status() {
    local pid
    pid=$(keycloak_pid)
    if [[ -n "$pid" && "$(http_status "$KEYCLOAK_REALM_URL/.well-known/openid-configuration")" == 200 ]]; then
        status_line keycloak up "$pid" "$KEYCLOAK_PORT" "$KEYCLOAK_REALM_URL (admin console $KEYCLOAK_URL/admin, admin/admin)"
    elif [[ -n "$pid" ]]; then
        status_line keycloak starting "$pid" "$KEYCLOAK_PORT" "$KEYCLOAK_REALM_URL"
    else
        status_line keycloak down - "$KEYCLOAK_PORT" "$KEYCLOAK_REALM_URL"
    fi
}
