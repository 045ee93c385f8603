# shellcheck shell=bash
# PostgreSQL for the local stack, chosen by WEBCARE_PG:
#   auto (default): PG_URL if set; else a server already answering on 127.0.0.1:$PG_PORT; else a private one
#   private: always a private server started from the machine's binaries under $STATE/postgres (isolated stacks)
#   external: the server PG_URL points at
: "${WEBCARE_PG:=auto}"
case $WEBCARE_PG in
    auto | private | external) ;;
    *) die "WEBCARE_PG must be auto, private or external (got '$WEBCARE_PG')" ;;
esac

PG_DATABASES=(webcare_ingest webcare_routing webcare_case webcare_sla webcare_feedback)
PG_DATA="$STATE/postgres/data"
PG_RUN="$STATE/postgres/run"
PG_LOG="$LOGS/postgres.log"
# Superuser of the private server (password auth on 127.0.0.1); also tried on a server that is already running.
: "${PG_ADMIN_USER:=postgres}" "${PG_ADMIN_PASSWORD:=postgres}"
PG_HOST=127.0.0.1

# External mode: PG_URL is a libpq URI for an admin connection, e.g. postgresql://postgres:secret@db:5432/postgres.
# The services get its host and port; the databases and the webcare role are created through it when allowed.
pg_external() { [[ "$WEBCARE_PG" == external || ("$WEBCARE_PG" == auto && -n "${PG_URL:-}") ]]; }
if pg_external; then
    : "${PG_URL:=postgresql://$PG_ADMIN_USER:$PG_ADMIN_PASSWORD@127.0.0.1:$PG_PORT/postgres}"
    if [[ "$PG_URL" =~ ^postgres(ql)?://([^@/]*@)?([^:/?]+)(:([0-9]+))? ]]; then
        PG_HOST=${BASH_REMATCH[3]}
        PG_PORT=${BASH_REMATCH[5]:-5432}
    else
        die "PG_URL must look like postgresql://user:password@host:port/postgres (got '$PG_URL')"
    fi
fi

# Runs a PostgreSQL server binary as the postgres OS user: initdb and postgres refuse to run as root.
pg_as_owner() {
    if ((EUID == 0)); then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# pid of the private server when it runs (postmaster.pid's first line, checked against the data dir).
pg_private_pid() {
    local pid
    [[ -r "$PG_DATA/postmaster.pid" ]] || return 0
    pid=$(head -n 1 "$PG_DATA/postmaster.pid" | tr -dc '0-9')
    pid_is "$pid" "$PG_DATA" && echo "$pid"
    return 0
}

# bin dir of the server binaries: the version of an existing data dir, else the newest installed.
pg_bin_dir() {
    local want='' dir
    [[ -r "$PG_DATA/PG_VERSION" ]] && want=$(<"$PG_DATA/PG_VERSION")
    if [[ -n "$want" ]]; then
        dir="/usr/lib/postgresql/$want/bin"
        [[ -x "$dir/postgres" ]] && { echo "$dir"; return 0; }
        die "the data in $PG_DATA is PostgreSQL $want, but /usr/lib/postgresql/$want/bin is not installed.
    Install postgresql-$want, or remove $STATE/postgres to start over with the installed version."
    fi
    dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 3 -path '*/bin/initdb' 2>/dev/null | sort -V | tail -n 1)
    [[ -n "$dir" ]] && dirname "$dir"
    return 0
}

# psql as admin over TCP (the same path for the private, an already running and an external server).
pg_admin_psql() {
    if pg_external; then
        psql "$PG_URL" -X -q -v ON_ERROR_STOP=1 "$@"
    else
        PGPASSWORD=$PG_ADMIN_PASSWORD psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" \
            -U "$PG_ADMIN_USER" -d postgres "$@"
    fi
}

# Creates role webcare/webcare and the five databases owned by it; idempotent. Without admin rights it settles
# for checking that webcare can already log in to every database.
pg_ensure_databases() {
    local db dbs missing=()
    if pg_admin_psql -c 'select 1' >/dev/null 2>&1; then
        dbs=$(printf "'%s'," "${PG_DATABASES[@]}")
        pg_admin_psql <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'webcare') THEN
    CREATE ROLE webcare LOGIN PASSWORD 'webcare';
  END IF;
END \$\$;
SELECT format('CREATE DATABASE %I OWNER webcare', d) FROM unnest(ARRAY[${dbs%,}]) AS d
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d) \gexec
SQL
        return 0
    fi
    for db in "${PG_DATABASES[@]}"; do
        PGPASSWORD=webcare psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U webcare -d "$db" -c 'select 1' \
            >/dev/null 2>&1 || missing+=("$db")
    done
    ((${#missing[@]} == 0)) && return 0
    die "the PostgreSQL server on $PG_HOST:$PG_PORT accepts neither the admin user $PG_ADMIN_USER (PG_ADMIN_USER /
    PG_ADMIN_PASSWORD, or PG_URL) nor user webcare/webcare on: ${missing[*]}.
    Create them there (CREATE ROLE webcare LOGIN PASSWORD 'webcare'; CREATE DATABASE <db> OWNER webcare;),
    or pick a free PG_PORT so the launcher starts its own server."
}

# Installs the server from Debian's packages when there are no binaries at all (the machine is root and
# reaches Debian's archive); anywhere else it stops with what to install.
pg_install() {
    if ((EUID == 0)) && command -v apt-get >/dev/null; then
        log "no PostgreSQL server binaries under /usr/lib/postgresql; installing Debian's postgresql package"
        { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; } \
            >>"$LOGS/apt.log" 2>&1 || die "apt-get install postgresql failed (see $LOGS/apt.log)"
        # The package starts the distro cluster on 5432; it is left as it is (stop it with pg_ctlcluster if it
        # is in the way of PG_PORT).
    else
        die "no PostgreSQL server binaries under /usr/lib/postgresql. Install the server (Debian/Ubuntu:
    apt-get install postgresql), or point WEBCARE_PG=external PG_URL=postgresql://user:pw@host:port/postgres at one."
    fi
}

pg_start_private() {
    local bin t0 pwfile
    t0=$(now)
    bin=$(pg_bin_dir)
    if [[ -z "$bin" ]]; then
        pg_install
        bin=$(pg_bin_dir)
        [[ -n "$bin" ]] || die "PostgreSQL was installed but no server binaries appeared under /usr/lib/postgresql"
        # Where a service manager runs, the package starts its own cluster, on 5432.
        port_open "$PG_PORT" && die "the freshly installed distro cluster took port $PG_PORT. Run again to use it
    (WEBCARE_PG=auto), or stop it (pg_ctlcluster <version> main stop), or set PG_PORT to a free port."
    fi
    mkdir -p "$STATE/postgres" "$PG_DATA" "$PG_RUN" "$LOGS"
    touch "$PG_LOG"
    if ((EUID == 0)); then
        # The server runs as postgres: it must own the data dir (mode 700), its socket dir and its log file.
        chmod 755 "$STATE" "$STATE/postgres" "$LOGS"
        chown postgres: "$PG_DATA" "$PG_RUN" "$PG_LOG"
        runuser -u postgres -- test -x "$PG_DATA" ||
            die "user postgres cannot reach $PG_DATA (a parent directory is not searchable by others).
    Set WEBCARE_STATE_DIR to a directory under a world-searchable path, e.g. /var/tmp/webcare."
    fi
    chmod 700 "$PG_DATA"
    if [[ ! -s "$PG_DATA/PG_VERSION" ]]; then
        # Password auth on TCP for every user (so a wrong service password shows up here as it would in
        # production); the superuser password comes from a file readable by postgres, removed right after.
        pwfile=$(mktemp "$PG_RUN/pw.XXXXXX")
        printf '%s\n' "$PG_ADMIN_PASSWORD" >"$pwfile"
        ((EUID == 0)) && chown postgres: "$pwfile"
        if ! pg_as_owner "$bin/initdb" -D "$PG_DATA" -U "$PG_ADMIN_USER" --pwfile="$pwfile" \
            --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync \
            >>"$PG_LOG" 2>&1; then
            rm -f "$pwfile"
            die "initdb failed (see $PG_LOG)"
        fi
        rm -f "$pwfile"
        log "postgres: initialised $PG_DATA ($("$bin/postgres" --version))"
    fi
    # Port, addresses and socket dir are given on each start, so the same data works on another PG_PORT.
    pg_as_owner "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
        -o "-p $PG_PORT -k $PG_RUN -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null ||
        die "PostgreSQL did not start on 127.0.0.1:$PG_PORT (see $PG_LOG)"
    log "postgres: private server up on 127.0.0.1:$PG_PORT in $(elapsed "$t0")"
}

postgres_start() {
    local pid rc=0
    mkdir -p "$LOGS"
    if pg_external; then
        log "postgres: using the external server at $PG_HOST:$PG_PORT (PG_URL)"
    elif pid=$(pg_private_pid) && [[ -n "$pid" ]]; then
        log "postgres: private server already running (pid $pid, port $PG_PORT)"
    else
        pg_isready -q -h 127.0.0.1 -p "$PG_PORT" -t 3 || rc=$?
        if [[ "$WEBCARE_PG" == private ]] && port_open "$PG_PORT"; then
            die "WEBCARE_PG=private, but port $PG_PORT is already taken by $(port_owner "$PG_PORT"). Set PG_PORT to a free port."
        elif ((rc == 0)); then
            log "postgres: a server already answers on 127.0.0.1:$PG_PORT; using it"
        elif port_open "$PG_PORT"; then
            die "port $PG_PORT is taken by something that is not a ready PostgreSQL ($(port_owner "$PG_PORT")).
    Set PG_PORT to a free port."
        else
            pg_start_private
        fi
    fi
    pg_ensure_databases
}

postgres_stop() {
    local pid bin
    pid=$(pg_private_pid)
    if [[ -z "$pid" ]]; then
        log "postgres: no private server running (an external or shared server is left alone)"
        return 0
    fi
    bin=$(pg_bin_dir)
    # -m fast: roll back open transactions and shut down cleanly; committed data stays in $PG_DATA.
    pg_as_owner "$bin/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null || stop_pid "$pid" 30
    log "postgres: stopped"
}

postgres_status() {
    local pid
    pid=$(pg_private_pid)
    if [[ -n "$pid" ]]; then
        status_line postgres up "$pid" "$PG_PORT" "postgresql://127.0.0.1:$PG_PORT (private, data $PG_DATA)"
    elif pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 2; then
        status_line postgres up - "$PG_PORT" "postgresql://$PG_HOST:$PG_PORT (not started by this launcher)"
    else
        status_line postgres down - "$PG_PORT" "postgresql://$PG_HOST:$PG_PORT"
    fi
}
