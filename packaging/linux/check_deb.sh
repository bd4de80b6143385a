#!/usr/bin/env bash
# CI for the Debian package (root, on a Debian/Ubuntu machine): install it with dpkg -i, run the
# installed `emotion-kiosk --self-test` headless, set up autostart for root and check the unit with
# `systemd-analyze verify`, then dpkg -r and check that only the data folder is left.
#     packaging/linux/check_deb.sh dist/emotion-kiosk_<version>_<arch>.deb
set -euo pipefail
deb=${1:?usage: check_deb.sh PACKAGE.deb}
work=$(mktemp -d)
data="$work/data"
watched=(/opt /usr/bin /usr/share/applications /usr/share/icons/hicolor /usr/share/doc "$HOME/.config")
installed=0
cleanup() {  # a failed check leaves neither the package nor its autostart behind
    if [ "$installed" = 1 ]; then dpkg -P emotion-kiosk >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
snapshot() { find "${watched[@]}" 2>/dev/null | grep -v '/icon-theme.cache$' | sort; }

command -v systemd-analyze >/dev/null || {
    echo "Installing systemd (for systemd-analyze)"
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q systemd
}
if dpkg-query -W -f='${Status}' emotion-kiosk 2>/dev/null | grep -q "ok installed"; then
    echo "emotion-kiosk is installed already: remove it first"; exit 1
fi
snapshot >"$work/before"

dpkg -i "$deb"
installed=1
test -x /usr/bin/emotion-kiosk && test -x /opt/emotion-kiosk/EmotionKiosk
QT_QPA_PLATFORM=offscreen emotion-kiosk --self-test --data-dir "$data"
test -d "$data"

emotion-kiosk install-autostart --method systemd --data-dir "$data"
unit="$HOME/.config/systemd/user/emotion-kiosk.service"
grep -q '^ExecStart=/usr/bin/emotion-kiosk' "$unit"
grep -q '^Type=notify' "$unit" && grep -q '^RestartPreventExitStatus=1 2 3' "$unit"
XDG_RUNTIME_DIR="$work" systemd-analyze --user verify "$unit"
echo "systemd-analyze verify: $unit is valid"

dpkg -r emotion-kiosk
installed=0
snapshot >"$work/after"
if ! diff -u "$work/before" "$work/after"; then
    echo "dpkg -r left files behind (above)"; exit 1
fi
test -d "$data" || { echo "the data folder $data was removed: it must be kept"; exit 1; }
dpkg -P emotion-kiosk  # dpkg keeps the removal scripts until a purge; nothing else is left
echo "$deb: installed, self-tested, autostart verified, removed; only the data folder was left"
