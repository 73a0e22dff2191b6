#!/usr/bin/env bash
# The Debian package end to end. Builds the .deb from the source tree in a
# private build folder (scripts/package: Release, dpkg-buildflags), checks
# what it declares and holds and what lintian says (no error); installs
# the same build with DESTDIR, moves the tree elsewhere and runs it from
# another folder (relocatable, data and the print module found beside the
# executable; --export FILE.pdf loads the module). Then,
# as root only, on this machine: dpkg -i, runs /usr/bin/soundboard from
# another folder (--version, --screenshot, --export FILE.pdf, --list-presets, man page,
# completion), dpkg -P, and checks that nothing of the package is left.
# Not root, or a soundboard already on this machine: prints skip, exit 77.
set -euo pipefail
src="${SOUNDBOARD_SOURCE_DIR:?set by ctest}"
work="$(mktemp -d)"
installed_by_us=0
cleanup() {
  if [ "$installed_by_us" = 1 ]; then dpkg -P soundboard >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
mkdir -p "$HOME" "$work/elsewhere"
unset DISPLAY
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy
fails=0
check() { # description, then a command that must succeed
  local what="$1"; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fails=$((fails + 1)); fi
}
for tool in cmake cpack dpkg-deb dpkg-shlibdeps dpkg-parsechangelog lintian identify \
            appstreamcli desktop-file-validate file readelf; do
  command -v "$tool" >/dev/null || {
    echo "e2e: '$tool' is missing: run scripts/setup-debian --test"; exit 1; }
done

# ---- Build the .deb in our own folder ----
if ! deb="$(bash "$src/scripts/package" "$work/build" 2>"$work/package.log" | tail -n1)" \
   || [ ! -f "$deb" ]; then
  tail -n 30 "$work/package.log"
  echo "FAIL scripts/package built no .deb"; exit 1
fi
echo "ok   scripts/package built $(basename "$deb")"
version="$(sed -n 's/^project(soundboard VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")"
field() { dpkg-deb -f "$deb" "$1"; }
check "the package is soundboard $version-N for this machine" \
  test "$(field Package) $(field Version | sed 's/-[0-9]*$//') $(field Architecture)" = \
       "soundboard $version $(dpkg --print-architecture)"
check "the changelog's newest entry is the package's version" \
  test "$(dpkg-parsechangelog -l "$src/docs/debian/changelog" -S Version)" = "$(field Version)"
depends="$(field Depends)"
# libcairo2, libpango* and libglib2.0-0 are the print module's
# (soundboard-print.so, loaded by --export): shlibdeps reads it too.
for dep in fonts-dejavu-core libsdl2-2.0-0 libsdl2-ttf-2.0-0 libpng16-16 \
           libportmidi0 libinih1 libcjson1 libfontconfig1 libasound2 libc6 \
           libcairo2 libpango-1.0-0 libpangocairo-1.0-0 libglib2.0-0; do
  check "Depends names $dep" grep -qE "(^|, )$dep( |,|$)" <<<"$depends"
done
# PNGs are written with libpng (loaded with FreeType anyway), not
# SDL2_image and its TIFF, WebP and JPEG libraries.
check "Depends does not name libsdl2-image" \
  bash -c '! grep -q libsdl2-image <<<"$1"' _ "$depends"
check "Section education, Priority optional" \
  test "$(field Section) $(field Priority)" = "education optional"
dpkg-deb -c "$deb" | awk '{print $1, $2, $6}' >"$work/contents"
files="$(awk '$1 !~ /^d/ {sub(/^\./, "", $3); print $3}' "$work/contents")"
has() { grep -qx "$1" <<<"$files"; }
id=org.soundboard.Soundboard
for f in /usr/bin/soundboard /usr/share/man/man1/soundboard.1.gz \
         /usr/share/doc/soundboard/copyright /usr/share/doc/soundboard/changelog.Debian.gz \
         /usr/share/applications/$id.desktop /usr/share/metainfo/$id.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/$id.svg \
         /usr/share/icons/hicolor/16x16/apps/$id.png \
         /usr/share/icons/hicolor/256x256/apps/$id.png \
         /usr/share/bash-completion/completions/soundboard \
         /usr/share/soundboard/assets/keys.ini \
         /usr/share/soundboard/controllers/generic.ini \
         /usr/share/soundboard/assets/presets/1-extreme-weather-goals.ini; do
  check "the package holds $f" has "$f"
done
# The print module, in the multiarch library folder's private soundboard/.
module="$(grep -E '^/usr/lib/([^/]+/)?soundboard/soundboard-print\.so$' <<<"$files" || true)"
check "the package holds the print module, /usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null)/soundboard/soundboard-print.so" \
  test "$module" = "/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null)/soundboard/soundboard-print.so"
dpkg-deb -e "$deb" "$work/control"
check "no postinst or postrm (no ldconfig: the module is no public library)" \
  test ! -e "$work/control/postinst" -a ! -e "$work/control/postrm"
check "every file and folder belongs to root:root" \
  test -z "$(awk '$2 != "root/root"' "$work/contents")"
check "no file outside /usr" test -z "$(grep -v '^/usr/' <<<"$files")"
check "nothing of the build or the tests is packaged" \
  test -z "$(grep -E '/(tests?|build|CMakeFiles)/|\.a$|\.o$' <<<"$files")"
mkdir -p "$work/deb"
dpkg-deb -x "$deb" "$work/deb"
doc="$work/deb/usr/share/doc/soundboard"
gzip_9n() { # max compression, no file name, no time stamp
  local what; what="$(file "$1")"
  grep -q "max compression" <<<"$what" && ! grep -qE 'was "|last modified' <<<"$what"
}
not() { ! "$@"; }
not_stripped() { file "$1" | grep -q "not stripped"; }
check "changelog.Debian.gz is gzip -9n (max compression, no name, no time)" \
  gzip_9n "$doc/changelog.Debian.gz"
check "the man page is gzip -9n too" \
  gzip_9n "$work/deb/usr/share/man/man1/soundboard.1.gz"
check "the copyright file is machine-readable (DEP-5)" \
  grep -qx 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' "$doc/copyright"
check "the copyright file carries LICENSE's terms" \
  grep -q 'Permission is hereby granted, free of charge' "$doc/copyright"
check "the binary is stripped" not not_stripped "$work/deb/usr/bin/soundboard"
check "the print module is stripped" \
  not not_stripped "$work/deb$module"
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
check "the packaged binary links no cairo, Pango or GLib (the module does)" \
  bash -c '! grep -qE "^lib(cairo|pango|gobject|glib)" <<<"$1" && grep -q "^libcairo\." <<<"$2"' _ \
  "$(needed "$work/deb/usr/bin/soundboard")" \
  "$(needed "$work/deb$module")"

check "appstreamcli validate-tree passes on the unpacked package" \
  appstreamcli validate-tree --no-net "$work/deb" >/dev/null
check "desktop-file-validate passes on the packaged entry" \
  desktop-file-validate "$work/deb/usr/share/applications/$id.desktop"

lintian --pedantic --display-info "$deb" >"$work/lintian" 2>"$work/lintian.err" || true
sed 's/^/lintian: /' "$work/lintian"
check "lintian reports no error" test -z "$(grep '^E:' "$work/lintian")"

# ---- Relocated and DESTDIR installs, run from another folder ----
DESTDIR="$work/destdir" cmake --install "$work/build" >/dev/null
check "a DESTDIR install puts the binary under DESTDIR/usr/bin" \
  test -x "$work/destdir/usr/bin/soundboard"
check "a plain install leaves the Debian changelog out" \
  test ! -e "$work/destdir/usr/share/doc/soundboard/changelog.Debian.gz"
# As many factory presets as the source tree ships.
factory_presets=$(find "$src/assets/presets" -name '*.ini' | wc -l)
mv "$work/destdir/usr" "$work/moved"       # relocated after installing
moved="$work/moved/bin/soundboard"
cd "$work/elsewhere"
check "the moved program runs from another folder" \
  test "$("$moved" --version | head -n1)" = "soundboard $version"
check "the moved program finds its presets beside itself" \
  test "$("$moved" --list-presets | awk -F'\t' '$2 == "factory"' | cut -f4 |
          grep -c "^$work/moved/bin/../share/soundboard/assets/presets/")" = "$factory_presets"
check "the moved program draws a screenshot" \
  "$moved" --size 640x360 --screenshot "$work/moved.png"
mkdir "$work/handouts"
check "the moved program loads its print module for --export FILE.pdf" \
  bash -c '"$1" --export "$2" && test "$(head -c4 "$2")" = %PDF' _ \
  "$moved" "$work/handouts/moved.pdf"
check "SOUNDBOARD_DATA_DIR points it at other data" \
  test "$(SOUNDBOARD_DATA_DIR="$src" "$moved" --list-presets | awk -F'\t' '$2 == "factory"' |
          cut -f4 | grep -c "^$src/assets/presets/")" = "$factory_presets"
cd "$src"

# ---- The package on this machine (root only) ----
if [ "$(id -u)" -ne 0 ]; then
  echo "skip dpkg -i: needs root"
  echo "package: $fails failure(s) before the skip"
  [ "$fails" -eq 0 ] || exit 1
  exit 77
fi
if dpkg-query -W -f='${Status}' soundboard 2>/dev/null | grep -q 'installed'; then
  echo "skip dpkg -i: a soundboard package is already installed here (left alone)"
  [ "$fails" -eq 0 ] || exit 1
  exit 77
fi
if [ -e /usr/bin/soundboard ] || [ -e /usr/share/soundboard ]; then
  echo "skip dpkg -i: /usr/bin/soundboard or /usr/share/soundboard exists (not ours)"
  [ "$fails" -eq 0 ] || exit 1
  exit 77
fi
installed_by_us=1
if ! dpkg -i "$deb" >"$work/dpkg-i.log" 2>&1; then
  cat "$work/dpkg-i.log"
  echo "FAIL dpkg -i $(basename "$deb")"; exit 1
fi
echo "ok   dpkg -i $(basename "$deb")"
cd "$work/elsewhere"
check "/usr/bin/soundboard --version from another folder" \
  test "$(/usr/bin/soundboard --version | head -n1)" = "soundboard $version"
check "/usr/bin/soundboard --screenshot with no display" \
  /usr/bin/soundboard --screenshot "$work/x.png"
check "the screenshot is a 1280x720 PNG" \
  test "$(identify -format '%wx%h' "$work/x.png")" = 1280x720
check "/usr/bin/soundboard --export FILE.pdf (the print module in $module)" \
  bash -c '/usr/bin/soundboard --export "$1" && test "$(head -c4 "$1")" = %PDF' _ \
  "$work/installed.pdf"
/usr/bin/soundboard --list-presets >"$work/presets"
check "--list-presets lists the 7 factory presets from /usr/share/soundboard" \
  test "$(awk -F'\t' '$2 == "factory"' "$work/presets" | cut -f4 |
          grep -c '^/usr/bin/../share/soundboard/assets/presets/')" = "$factory_presets"
if command -v man >/dev/null; then
  check "man finds the installed page" \
    test "$(man -w soundboard)" = /usr/share/man/man1/soundboard.1.gz
fi
if [ -f /usr/share/bash-completion/bash_completion ]; then
  check "bash loads the installed completion on demand" \
    bash -c 'source /usr/share/bash-completion/bash_completion
             __load_completion soundboard && complete -p soundboard >/dev/null'
fi
dpkg -L soundboard | sort >"$work/dpkg-L"
check "dpkg -L lists the package's files" grep -qx /usr/bin/soundboard "$work/dpkg-L"
cd "$src"

if ! dpkg -P soundboard >"$work/dpkg-P.log" 2>&1; then
  cat "$work/dpkg-P.log"; echo "FAIL dpkg -P soundboard"; exit 1
fi
installed_by_us=0
echo "ok   dpkg -P soundboard"
check "dpkg -L no longer knows soundboard" bash -c '! dpkg -L soundboard >/dev/null 2>&1'
installed() { dpkg-query -W -f='${Status}' soundboard 2>/dev/null | grep -q installed; }
check "dpkg-query has no record of it" not installed
left=""
while read -r f; do
  [ -n "$f" ] && { [ -e "$f" ] || [ -L "$f" ]; } && left+="$f "
done <<<"$files"
check "no file of the package is left${left:+ (left: $left)}" test -z "$left"
for d in /usr/share/soundboard /usr/share/doc/soundboard; do
  check "$d is gone" test ! -e "$d"
done

echo "package: $fails failure(s)"
[ "$fails" -eq 0 ]
