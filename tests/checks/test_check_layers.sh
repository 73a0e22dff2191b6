#!/usr/bin/env bash
# scripts/check-layers passes on the tree and fails, naming file and line,
# on each kind of break it guards: an upward include, a sibling include, a
# circle between two modules of a folder, SDL below the ui, PortMidi
# outside midi.
set -euo pipefail
src_dir="${SOUNDBOARD_SOURCE_DIR:?}"
check="$src_dir/scripts/check-layers"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$check" "$src_dir/src" >/dev/null

expect_fail() { # NAME PATTERN: the check must fail and print PATTERN
    local name="$1" pattern="$2" out
    if out=$("$check" "$work/src" 2>&1); then
        echo "FAIL: $name passed the layer check"; exit 1
    fi
    if ! grep -q -- "$pattern" <<<"$out"; then
        echo "FAIL: $name: expected '$pattern' in:"; echo "$out"; exit 1
    fi
    echo "ok: $name -> $(grep -m1 -- "$pattern" <<<"$out")"
}

fresh() { rm -rf "$work/src"; cp -r "$src_dir/src" "$work/src"; }

fresh; echo '#include "app.h"' >> "$work/src/core/board.c"
expect_fail "core includes app" "core/board.c:[0-9]*: includes app/app.h"
fresh; echo '#include "render.h"' >> "$work/src/store/files.c"
expect_fail "store includes ui (a sibling)" "store/files.c:[0-9]*: includes ui/render.h"
fresh; echo '#include "app.h"' >> "$work/src/app/controllers.c"
expect_fail "app.c and controllers.c in a circle" "app/controllers"
fresh; echo '#include <SDL.h>' >> "$work/src/store/paths.c"
expect_fail "SDL in store" "store/paths.c:[0-9]*: includes SDL"
fresh; echo '#include <portmidi.h>' >> "$work/src/app/app.c"
expect_fail "PortMidi in app" "app/app.c:[0-9]*: includes portmidi"
echo "check-layers: all breaks caught"
