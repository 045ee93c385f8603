# shellcheck shell=bash
# Kafka 4.1.0, KRaft, one node (broker + controller), run from Maven Central jars: no download script, no Docker.

KAFKA_DIR="$STATE/kafka"
KAFKA_CP_FILE="$KAFKA_DIR/cp.txt"
KAFKA_PROPS="$KAFKA_DIR/server.properties"
KAFKA_DATA="$KAFKA_DIR/data"
KAFKA_LOG="$LOGS/kafka.log"
KAFKA_SRC="$LOCAL_DIR/kafka"

# "-Xmx1g" style values are taken as they are; a bare size sets both -Xms and -Xmx.
heap_opts() { if [[ "$1" == -* ]]; then echo "$1"; else echo "-Xms$1 -Xmx$1"; fi; }

# True when the classpath file $1 is newer than the pom and every jar in it is still in ~/.m2.
kafka_cp_valid() {
    local jar
    [[ -s "$1" && ! "$KAFKA_SRC/pom.xml" -nt "$1" ]] || return 1
    while IFS= read -r jar; do [[ -f "$jar" ]] || return 1; done < <(tr ':' '\n' <"$1")
}

# True when the state dir has a usable classpath file, taking the cached one if needed.
kafka_cp_ready() {
    mkdir -p "$KAFKA_DIR"
    kafka_cp_valid "$KAFKA_CP_FILE" && return 0
    kafka_cp_valid "$CACHE/kafka-cp.txt" && cp "$CACHE/kafka-cp.txt" "$KAFKA_CP_FILE"
}

# The broker classpath (92 jars from ~/.m2), resolved again only when the pom changed; shared through the cache.
kafka_classpath() {
    if ! kafka_cp_ready; then
        local t0
        t0=$(now)
        mvnw -B -q -f "$KAFKA_SRC/pom.xml" dependency:build-classpath -Dmdep.outputFile="$KAFKA_CP_FILE"
        log "kafka: classpath resolved in $(elapsed "$t0")"
    fi
    if ! kafka_cp_valid "$CACHE/kafka-cp.txt"; then
        mkdir -p "$CACHE" && cp "$KAFKA_CP_FILE" "$CACHE/kafka-cp.txt.$$" && mv "$CACHE/kafka-cp.txt.$$" "$CACHE/kafka-cp.txt"
    fi
    KAFKA_CP=$(<"$KAFKA_CP_FILE")
}

kafka_pid() {
    local pid
    pid=$(read_pid kafka)
    pid_is "$pid" "$KAFKA_PROPS" && echo "$pid"
    return 0
}

# Written on every start so the ports follow the environment; listeners on loopback only.
kafka_write_props() {
    cat >"$KAFKA_PROPS" <<EOF
# Written by deploy/local/webcare on each start; edits are overwritten.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=6
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# One node: no point waiting for more consumers to join before the first rebalance.
group.initial.rebalance.delay.ms=0
# Topics are created by the launcher; a typo in a service's topic name should fail, not create a topic.
auto.create.topics.enable=false
EOF
}

# Formats the storage once. The KRaft voter set (with the controller port) is stored in it, so a later start on
# another KAFKA_CONTROLLER_PORT needs a fresh state dir; remember the port to say so instead of failing obscurely.
kafka_format() {
    [[ -s "$KAFKA_DATA/meta.properties" ]] && {
        local formatted
        formatted=$(cat "$KAFKA_DIR/controller.port" 2>/dev/null || true)
        [[ -z "$formatted" || "$formatted" == "$KAFKA_CONTROLLER_PORT" ]] ||
            die "Kafka's data in $KAFKA_DATA was formatted for controller port $formatted, not $KAFKA_CONTROLLER_PORT.
    Use KAFKA_CONTROLLER_PORT=$formatted, or remove $KAFKA_DIR/data to start with empty topics."
        return 0
    }
    local t0 cluster_id
    t0=$(now)
    mkdir -p "$KAFKA_DATA"
    # A Kafka cluster id is 16 random bytes in URL-safe base64 without padding; made here to save a JVM start.
    # One in 64 starts with '-', which Kafka's argument parser takes for an option: draw again.
    cluster_id=-
    while [[ $cluster_id == -* ]]; do
        cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
    done
    "$JAVA" -XX:TieredStopAtLevel=1 -Xshare:auto -Dlog4j2.configurationFile="$KAFKA_SRC/log4j2.properties" \
        -Dwebcare.log.level=WARN -cp "$KAFKA_CP" kafka.tools.StorageTool format --standalone \
        -t "$cluster_id" -c "$KAFKA_PROPS" >>"$KAFKA_LOG" 2>&1 || die "formatting Kafka storage failed (see $KAFKA_LOG)"
    echo "$KAFKA_CONTROLLER_PORT" >"$KAFKA_DIR/controller.port"
    log "kafka: storage formatted in $(elapsed "$t0")"
}

# Creates the contract's topics and their .dlq twins (6 partitions, RF 1) in one JVM; see CreateTopics.java.
# Compiled once into the state dir: running the .java source directly would compile it on every start (~1 s).
kafka_topics() {
    local t0 topic all=() out classes="$KAFKA_DIR/classes"
    t0=$(now)
    for topic in "${TOPICS[@]}"; do all+=("$topic" "$topic.dlq"); done
    if [[ ! -f "$classes/CreateTopics.class" || "$KAFKA_SRC/CreateTopics.java" -nt "$classes/CreateTopics.class" ]]; then
        "$JDK/bin/javac" -nowarn -d "$classes" -cp "$KAFKA_CP" "$KAFKA_SRC/CreateTopics.java" ||
            die "compiling $KAFKA_SRC/CreateTopics.java failed"
    fi
    out=$("$JAVA" -XX:TieredStopAtLevel=1 -Xshare:auto -Dlog4j2.configurationFile="$KAFKA_SRC/log4j2.properties" \
        -Dwebcare.log.level=WARN -cp "$classes:$KAFKA_CP" CreateTopics \
        "127.0.0.1:$KAFKA_PORT" 6 1 "$KAFKA_READY_TIMEOUT" "${all[@]}" 2>&1) || {
        echo "$out" >&2
        die "Kafka did not become ready on 127.0.0.1:$KAFKA_PORT within ${KAFKA_READY_TIMEOUT}s (see $KAFKA_LOG)"
    }
    log "kafka: topics ready ($(echo "$out" | tail -n 1)) in $(elapsed "$t0")"
}

kafka_start() {
    local pid t0
    t0=$(now)
    mkdir -p "$KAFKA_DIR" "$LOGS"
    kafka_classpath
    pid=$(kafka_pid)
    if [[ -n "$pid" ]]; then
        log "kafka: already running (pid $pid, port $KAFKA_PORT)"
    else
        local p
        for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
            port_open "$p" && die "Kafka port $p is already in use by $(port_owner "$p"); set KAFKA_PORT / KAFKA_CONTROLLER_PORT."
        done
        kafka_write_props
        kafka_format
        # shellcheck disable=SC2046 # heap_opts yields separate JVM options on purpose
        spawn kafka "$KAFKA_LOG" "$JAVA" $(heap_opts "$KAFKA_HEAP") -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
            -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
            -Dkafka.logs.dir="$LOGS" -Dlog4j2.configurationFile="$KAFKA_SRC/log4j2.properties" \
            -cp "$KAFKA_CP" kafka.Kafka "$KAFKA_PROPS"
        log "kafka: started (pid $(read_pid kafka)), waiting for the broker"
    fi
    kafka_topics
    pid=$(kafka_pid)
    [[ -n "$pid" ]] || die "Kafka exited during start-up (see $KAFKA_LOG)"
    log "kafka: up on 127.0.0.1:$KAFKA_PORT in $(elapsed "$t0")"
}

kafka_stop() {
    local pid
    pid=$(kafka_pid)
    if [[ -z "$pid" ]]; then
        log "kafka: not running"
    else
        # TERM runs the broker's controlled shutdown: logs are flushed, so the next start needs no recovery.
        stop_pid "$pid" 60
        log "kafka: stopped"
    fi
    rm -f "$PIDS/kafka.pid"
}

kafka_status() {
    local pid
    pid=$(kafka_pid)
    if [[ -n "$pid" ]] && port_open "$KAFKA_PORT"; then
        status_line kafka up "$pid" "$KAFKA_PORT" "127.0.0.1:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT)"
    elif [[ -n "$pid" ]]; then
        status_line kafka starting "$pid" "$KAFKA_PORT" "127.0.0.1:$KAFKA_PORT"
    else
        status_line kafka down - "$KAFKA_PORT" "127.0.0.1:$KAFKA_PORT"
    fi
}
