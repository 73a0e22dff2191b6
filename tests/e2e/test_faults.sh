#!/usr/bin/env bash
# Startup with missing or broken pieces, through the real binary: a missing
# data folder is one line naming it and a non-zero exit; every broken preset
# fixture is refused by --check with its expected first line and never
# rewritten; broken controller profiles given with --controller are
# refused the same way; a missing or unreadable font; an unwritable data
# folder; a real full disk (a filled-up tmpfs).
set -euo pipefail
bin="${SOUNDBOARD_BINARY:?set by ctest}"
src="${SOUNDBOARD_SOURCE_DIR:?set by ctest}"
work="$(mktemp -d)"
trap 'umount "$work/full" 2>/dev/null || true; rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
unset DISPLAY
fails=0
ok()   { echo "ok   $1"; }
bad()  { echo "FAIL $1"; fails=$((fails + 1)); }

# Missing assets/: exit non-zero, one stderr line naming the folder.
set +e
SOUNDBOARD_DATA_DIR=/nonexistent "$bin" --dump-state >"$work/out" 2>"$work/err"
status=$?
set -e
if [ "$status" -ne 0 ] && [ "$(wc -l <"$work/err")" -eq 1 ] &&
   grep -q '/nonexistent' "$work/err" && [ ! -s "$work/out" ]; then
  ok "missing data folder: exit $status, '$(cat "$work/err")'"
else
  bad "missing data folder (exit $status): $(cat "$work/err")"
fi

# Broken presets: --check exits non-zero, names file and line, file intact.
while IFS= read -r want; do
  case "$want" in '#'*|'') continue ;; esac
  file="${want%%:*}"
  cp "$src/tests/fixtures/presets/broken/$file" "$work/$file"
  sum="$(sha256sum <"$work/$file")"
  set +e
  (cd "$work" && "$bin" --check "$file" >"$work/out" 2>"$work/err")
  status=$?
  set -e
  first="$(cat "$work/out" "$work/err" | grep -m1 "$file" || true)"
  if [ "$status" -ne 0 ] && [ -n "$first" ] &&
     [ "$sum" = "$(sha256sum <"$work/$file")" ] &&
     [[ "$first" == *"${want#*:}"* ]]; then
    ok "--check $file: $first"
  else
    bad "--check $file (exit $status): got '$first', want '$want'"
  fi
done <"$src/tests/fixtures/presets/broken/EXPECTED"

# Missing font: fontconfig sees no fonts and the font folder is empty; the
# screenshot fails with one line naming the font and the package.
export SDL_VIDEODRIVER=offscreen
printf '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n' >"$work/empty.conf"
mkdir -p "$work/nofont" "$work/badfont"
set +e
FONTCONFIG_FILE="$work/empty.conf" SOUNDBOARD_FONT_DIR="$work/nofont" \
  "$bin" --screenshot "$work/a.png" >"$work/out" 2>"$work/err"
status=$?
set -e
if [ "$status" -ne 0 ] && grep -q "no font file for 'DejaVu Sans'" "$work/err" &&
   grep -q 'fonts-dejavu-core' "$work/err" && [ ! -e "$work/a.png" ]; then
  ok "missing font: exit $status, '$(head -1 "$work/err")'"
else
  bad "missing font (exit $status): $(cat "$work/err")"
fi

# Unreadable font (not a font file): the message names the file.
head -c 5000 /dev/urandom >"$work/badfont/DejaVuSans.ttf"
cp "$work/badfont/DejaVuSans.ttf" "$work/badfont/DejaVuSans-Bold.ttf"
set +e
FONTCONFIG_FILE="$work/empty.conf" SOUNDBOARD_FONT_DIR="$work/badfont" \
  "$bin" --screenshot "$work/b.png" >"$work/out" 2>"$work/err"
status=$?
set -e
if [ "$status" -ne 0 ] && grep -q "$work/badfont/DejaVuSans.ttf" "$work/err" &&
   [ ! -e "$work/b.png" ]; then
  ok "unreadable font: exit $status, '$(head -1 "$work/err")'"
else
  bad "unreadable font (exit $status): $(cat "$work/err")"
fi
unset SDL_VIDEODRIVER

# Unwritable data folder (part of the path is a file: fails even as root):
# saving fails with a plain reason and exit 1; the board still works and
# the factory presets are still listed.
touch "$work/afile"
set +e
XDG_DATA_HOME="$work/afile" "$bin" --save-preset "Fault test" \
  >"$work/out" 2>"$work/err"
status=$?
set -e
if [ "$status" -ne 0 ] && grep -q "$work/afile/soundboard/presets" "$work/err" &&
   grep -q 'not a folder' "$work/err"; then
  ok "unwritable data folder: exit $status, '$(tail -1 "$work/err")'"
else
  bad "unwritable data folder (exit $status): $(cat "$work/err")"
fi
if XDG_DATA_HOME="$work/afile" "$bin" --dump-state 2>/dev/null |
     jq -e '.elements | length == 7' >/dev/null &&
   [ "$(XDG_DATA_HOME="$work/afile" "$bin" --list-presets 2>/dev/null |
        grep -c factory)" -ge 7 ]; then
  ok "unwritable data folder: board and factory presets still work"
else
  bad "unwritable data folder: board or factory presets lost"
fi

# Broken controller profiles given with --controller: exit 2, the first
# stderr line is the parser's FILE:LINE message (tests/fixtures/broken/
# profiles/EXPECTED), and the file is never rewritten.
while IFS= read -r want; do
  case "$want" in ''|'#'*) continue ;; esac
  file="${want%%:*}"
  cp "$src/tests/fixtures/broken/profiles/$file" "$work/$file"
  set +e
  (cd "$work" && "$bin" --controller "$file" --dump-state) \
    >"$work/out" 2>"$work/err"
  status=$?
  set -e
  first="$(head -n1 "$work/err")"
  if [ "$status" -eq 2 ] && [ "$first" = "soundboard: $want" ] &&
     [ ! -s "$work/out" ] &&
     cmp -s "$work/$file" "$src/tests/fixtures/broken/profiles/$file"; then
    ok "--controller $file: $first"
  else
    bad "--controller $file (exit $status): '$first', want 'soundboard: $want'"
  fi
  rm -f "$work/$file"
done <"$src/tests/fixtures/broken/profiles/EXPECTED"
head -c 1100000 /dev/zero | tr '\0' '#' >"$work/huge.ini"
set +e
(cd "$work" && "$bin" --controller huge.ini --dump-state) >"$work/out" 2>"$work/err"
status=$?
set -e
want="soundboard: huge.ini: too large (1100000 bytes; the limit is 1048576)"
[ "$status" -eq 2 ] && [ "$(head -n1 "$work/err")" = "$want" ] &&
  ok "--controller huge.ini (1.1 MB): $want" ||
  bad "--controller huge.ini (exit $status): $(head -n1 "$work/err")"

# A full disk for real: the data folder on a 64 KiB tmpfs, filled up.
# Overwriting a preset and saving a new one both fail with the file and
# "disk full"; the old preset is byte for byte intact and no temporary
# file is left behind. Mounting needs root (CAP_SYS_ADMIN).
mkdir -p "$work/full"
if mount -t tmpfs -o size=64k tmpfs "$work/full" 2>/dev/null; then
  full=(env XDG_DATA_HOME="$work/full/data" "$bin")
  "${full[@]}" --set goals=40 --save-preset "Kept" >/dev/null 2>&1
  kept="$work/full/data/soundboard/presets/Kept.ini"
  cp "$kept" "$work/kept.before"
  head -c 1048576 /dev/zero >"$work/full/filler" 2>/dev/null || true
  for name in "Kept" "New one"; do
    set +e
    "${full[@]}" --set goals=90 --save-preset "$name" >"$work/out" 2>"$work/err"
    status=$?
    set -e
    if [ "$status" -eq 1 ] && grep -q "presets/$name.ini: .*disk full" "$work/err"
    then
      ok "full disk, save '$name': exit 1, '$(tail -1 "$work/err")'"
    else
      bad "full disk, save '$name' (exit $status): $(cat "$work/err")"
    fi
  done
  cmp -s "$kept" "$work/kept.before" &&
    [ "$(ls -A "$work/full/data/soundboard/presets")" = "Kept.ini" ] &&
    ok "full disk: the old preset is intact, no new or temporary file" ||
    bad "full disk: presets folder holds $(ls -A "$work/full/data/soundboard/presets")"
  rm -f "$work/full/filler"
  "${full[@]}" --set goals=90 --save-preset "New one" >/dev/null 2>&1 &&
    ok "full disk: once space is freed, saving works again" ||
    bad "full disk: saving still fails after space was freed"
  umount "$work/full"
else
  echo "skip full disk: cannot mount a tmpfs here (needs root)"
fi

[ "$fails" -eq 0 ] || { echo "$fails failed"; exit 1; }
