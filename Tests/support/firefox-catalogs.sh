#!/usr/bin/env bash
# Puts Firefox's own Italian, Albanian and English (en-US) Fluent catalogs in DIR (default
# .build/firefox-l10n/{it,sq,en-US}), taken from Debian's firefox-esr packages: real-world
# catalogs for `mentore i18n parse` to read exactly as Python's fluent.syntax does.
# Nothing is vendored into the repository; the packages come from the Debian mirror.
set -euo pipefail
dest=${1:-.build/firefox-l10n}
[ -f "$dest/.complete" ] && exit 0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
packages=(firefox-esr firefox-esr-l10n-it firefox-esr-l10n-sq)
if ! (cd "$work" && apt-get download -q "${packages[@]}" >/dev/null 2>&1); then
  [ "$(id -u)" = 0 ] && apt-get update -qq
  (cd "$work" && apt-get download -q "${packages[@]}" >/dev/null)
fi
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/root"; done
lib="$work/root/usr/lib/firefox-esr"
rm -rf "$dest" && mkdir -p "$dest/it" "$dest/sq" "$dest/en-US"
# unzip exits 1 on warnings (omni.ja's archive layout) and 11 when no file matched.
extract() { unzip -qo "$1" '*.ftl' -d "$2" 2>/dev/null || [ $? -eq 1 ]; }
extract "$lib/browser/extensions/langpack-it@firefox-esr.mozilla.org.xpi" "$dest/it"
extract "$lib/browser/extensions/langpack-sq@firefox-esr.mozilla.org.xpi" "$dest/sq"
extract "$lib/omni.ja" "$dest/en-US/toolkit"
extract "$lib/browser/omni.ja" "$dest/en-US/browser"
dpkg-deb -f "$work"/firefox-esr_*.deb Version > "$dest/.complete"
