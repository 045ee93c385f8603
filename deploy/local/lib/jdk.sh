# shellcheck shell=bash disable=SC2034 # JDK and JAVA are used by webcare and the other libs
# Finds a JDK 21+: the build's enforcer and the services need it, while the machine's default `java` may be 17.

# Major version that "$1/bin/java -version" reports (1.8 -> 8), or nothing when it is no working JDK.
jdk_major() {
    local v
    [[ -x "$1/bin/java" && -x "$1/bin/javac" ]] || return 0
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
    v=${v#1.}
    echo "${v%%[.+-]*}"
}

# Sets JDK (a java home) and JAVA (its java binary): JAVA_HOME when it is 21+, else the newest JDK 21+ under
# /usr/lib/jvm. A JDK (with javac) is needed, not only a JRE, because the same JDK runs Maven.
find_jdk() {
    [[ -n "${JDK:-}" ]] && return 0
    local major best='' best_major=0 dir
    if [[ -n "${JAVA_HOME:-}" ]]; then
        major=$(jdk_major "$JAVA_HOME")
        if [[ -n "$major" ]] && ((major >= 21)); then
            best=$JAVA_HOME
        else
            log "JAVA_HOME=$JAVA_HOME is not a JDK 21+ (found '${major:-none}'); looking under /usr/lib/jvm"
        fi
    fi
    if [[ -z "$best" ]]; then
        for dir in /usr/lib/jvm/*/; do
            dir=${dir%/}
            [[ -L "$dir" ]] && continue # Debian's java-N-openjdk-amd64 aliases: the real dir is listed too
            major=$(jdk_major "$dir")
            if [[ -n "$major" ]] && ((major >= 21 && major > best_major)); then
                best=$dir best_major=$major
            fi
        done
    fi
    [[ -n "$best" ]] || die "no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, nothing suitable under /usr/lib/jvm).
    Install a JDK 21+ (for example Eclipse Temurin 21 or 25, or Debian's openjdk-21-jdk where available)
    and set JAVA_HOME to it."
    JDK=$best
    JAVA="$JDK/bin/java"
    export JAVA_HOME=$JDK
}
