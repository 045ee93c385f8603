# shellcheck shell=bash
# Debian's Chromium and chromedriver, for the dashboard's browser test (WalkingSkeletonIT drives them through
# Selenium; nothing is downloaded by Selenium itself). `webcare test` installs them when they are missing.

CHROMIUM_BIN=${CHROMIUM_BIN:-/usr/bin/chromium}
CHROMEDRIVER_BIN=${CHROMEDRIVER_BIN:-/usr/bin/chromedriver}
CHROMIUM_PACKAGES=(chromium chromium-driver)

chromium_present() { [[ -x "$CHROMIUM_BIN" && -x "$CHROMEDRIVER_BIN" ]]; }

# Installs the Debian packages when the binaries are missing (root only; a fresh machine may need the package
# lists first). Fails with the command to run when it cannot.
chromium_ensure() {
    local t0
    chromium_present && return 0
    command -v apt-get >/dev/null ||
        die "$CHROMIUM_BIN or $CHROMEDRIVER_BIN is missing and this is no Debian system (no apt-get): install Chromium and its chromedriver, and set CHROMIUM_BIN / CHROMEDRIVER_BIN"
    ((EUID == 0)) ||
        die "$CHROMIUM_BIN or $CHROMEDRIVER_BIN is missing; the browser test needs them. As root: apt-get install -y --no-install-recommends ${CHROMIUM_PACKAGES[*]}"
    t0=$(now)
    log "installing ${CHROMIUM_PACKAGES[*]} (Debian packages) for the dashboard's browser test"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${CHROMIUM_PACKAGES[@]}"; then
        log "retrying after apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -q || die "apt-get update failed"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${CHROMIUM_PACKAGES[@]}" ||
            die "apt-get could not install ${CHROMIUM_PACKAGES[*]}"
    fi
    chromium_present || die "${CHROMIUM_PACKAGES[*]} are installed but $CHROMIUM_BIN or $CHROMEDRIVER_BIN is still missing"
    log "chromium: $("$CHROMIUM_BIN" --version 2>/dev/null | head -n 1) installed in $(elapsed "$t0")"
}
