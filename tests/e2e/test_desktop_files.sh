#!/usr/bin/env bash
# The desktop integration files in docs/desktop/ as menus, software
# centres and bash will read them: the .desktop entry passes
# desktop-file-validate (Education category), the AppStream metadata passes
# appstreamcli validate and agrees with the entry, the program and LICENSE
# (id, launchable, binary, version, license); the icon exists as SVG and as
# a PNG of each size it claims; bash completion offers the options, themes,
# element ids and preset names the program itself prints.
set -euo pipefail
bin="${SOUNDBOARD_BINARY:?set by ctest}"
src="${SOUNDBOARD_SOURCE_DIR:?set by ctest}"
dir="$src/docs/desktop"
id=org.soundboard.Soundboard
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
unset DISPLAY
fails=0
check() { # description, then a command that must succeed
  local what="$1"; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fails=$((fails + 1)); fi
}
for tool in desktop-file-validate appstreamcli identify xmllint; do
  command -v "$tool" >/dev/null || {
    echo "e2e: '$tool' is missing: run scripts/setup-debian --test"; exit 1; }
done
completion_lib=/usr/share/bash-completion/bash_completion
[ -f "$completion_lib" ] || {
  echo "e2e: bash-completion is missing: run scripts/setup-debian --test"; exit 1; }

desktop="$dir/$id.desktop"
metainfo="$dir/$id.metainfo.xml"
desktop-file-validate "$desktop" >"$work/dfv" 2>&1 || true
cat "$work/dfv"
check "desktop-file-validate: no error, no warning" test ! -s "$work/dfv"
check "the entry is in the Education category" \
  grep -qE '^Categories=(.*;)?Education;' "$desktop"
check "the entry starts the program by name" grep -qx 'Exec=soundboard' "$desktop"
check "the entry's icon is $id" grep -qx "Icon=$id" "$desktop"

appstreamcli validate --no-net "$metainfo" >"$work/asv" 2>&1 && asv=0 || asv=$?
cat "$work/asv"
check "appstreamcli validate --no-net passes" test "$asv" = 0
check "appstreamcli finds no error or warning" \
  test -z "$(grep -E '^(E|W):' "$work/asv")"
xpath() { xmllint --xpath "string($1)" "$metainfo"; }
check "metainfo id is $id" test "$(xpath /component/id)" = "$id"
check "metainfo launches $id.desktop" \
  test "$(xpath '/component/launchable[@type="desktop-id"]')" = "$id.desktop"
check "metainfo provides the binary soundboard" \
  test "$(xpath /component/provides/binary)" = soundboard
check "metainfo's newest release is the program's version" \
  test "soundboard $(xpath '/component/releases/release[1]/@version')" = \
       "$(head -n1 < <("$bin" --version))"
check "project_license MIT matches LICENSE" \
  test "$(xpath /component/project_license)" = MIT -a \
       "$(head -n1 "$src/LICENSE")" = "MIT License"
check "the description says a balanced mix, not every fader pushed up" \
  grep -q 'not every fader pushed up' "$metainfo"

check "the scalable icon is an SVG" xmllint --noout "$dir/$id.svg"
for size in 16 24 32 48 64 128 256; do
  png="$dir/icons/hicolor/${size}x${size}/apps/$id.png"
  check "the ${size}px icon is ${size}x${size}" \
    test "$(identify -format '%wx%h' "$png" 2>/dev/null)" = "${size}x${size}"
done

# Bash completion, driven as bash would: COMP_WORDS and the function.
cat >"$work/complete.sh" <<'EOS'
source "$1"; source "$2"
compopt() { :; }            # only meaningful inside real completion
bin="$3"; shift 3
COMP_WORDS=("$bin" "$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
COMPREPLY=()
_soundboard "$bin"
printf '%s\n' "${COMPREPLY[@]}"
EOS
complete() { bash "$work/complete.sh" "$completion_lib" \
  "$dir/soundboard.bash-completion" "$bin" "$@"; }
"$bin" --help | grep -o -- '--[a-z][a-z-]*' | sort -u >"$work/opts"
check "completes every option of --help" \
  diff <(complete '--' | sort -u) "$work/opts"
check "completes --th to --theme" test "$(complete '--th')" = "--theme"
check "completes the three themes" \
  test "$(complete --theme '' | tr '\n' ' ')" = "dark light high-contrast "
check "completes --theme=hi (one word) to high-contrast" \
  test "$(complete --theme=hi)" = "high-contrast"
check "completes element ids after --focus" \
  test "$(complete --focus '' | tr '\n' ' ')" = \
       "goals inquiry task evaluation feedback plan demonstration "
check "completes --set de to demonstration=" \
  test "$(complete --set de)" = "demonstration="
"$bin" --list-presets | cut -f1 >"$work/presets"
first="$(head -n1 "$work/presets")"
check "completes every preset name after --preset" \
  test "$(complete --preset '' | wc -l)" = "$(wc -l <"$work/presets")"
check "completes a preset name, quoted for the shell" \
  test "$(complete --preset "${first:0:5}")" = "$(printf '%q' "$first")"

echo "desktop files: $fails failure(s)"
[ "$fails" -eq 0 ]
