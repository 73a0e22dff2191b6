#!/usr/bin/env bash
# check.sh CONSOLE-LOG: the verdict of scripts/vm-midi-test, from the
# guest's console (lines printed by vm_probe, fake_controller and /init).
# Prints one "ok:" or "FAIL:" line per check; exit 0 if all pass.
#   NANO_PROFILE / MCU_PROFILE: profile names the fakes must be matched to.
set -uo pipefail
log="$1"
nano_profile="${NANO_PROFILE:-korg-nanokontrol2}"
mcu_profile="${MCU_PROFILE:-mackie-control}"
failed=0
ok() { echo "vm-midi-test: ok: $*"; }
fail() { echo "vm-midi-test: FAIL: $*"; failed=1; }

mapfile -t L < <(grep -aE '^(PROBE|FAKE|INIT) ' "$log")
tval() { local x="${1##* t=}"; echo "${x%% *}"; }
# index of the first line >= $1 matching regex $2, or -1
find_from() {
    local i
    for ((i = $1; i < ${#L[@]}; i++)); do
        [[ ${L[i]} =~ $2 ]] && { echo "$i"; return; }
    done
    echo -1
}
# the hex bytes of a "sent"/"got" line, without the "t=" part
hexes() { local x="${1% t=*}"; echo "${x#*$2}"; }

if [ ${#L[@]} -eq 0 ]; then
    fail "the guest printed nothing (did it boot?)"
    exit 1
fi
[ "$(find_from 0 '^PROBE start')" -ge 0 ] && ok "probe started" ||
    fail "probe never started"
i_done="$(find_from 0 '^INIT probe-status 0$')"
[ "$i_done" -ge 0 ] && ok "probe ran to the end and exited 0 (no crash)" ||
    fail "probe did not exit cleanly: $(grep -a 'INIT probe-status' "$log")"
if grep -aqE '^ALSA lib|portmidi handle_event' "$log"; then
    fail "ALSA or PortMidi chatter reached the terminal"
else
    ok "no ALSA chatter on the terminal"
fi
if grep -aq '^PROBE error' "$log"; then
    fail "the probe reported errors: $(grep -a '^PROBE error' "$log" | head -3)"
else
    ok "every shipped profile loaded, every send succeeded"
fi
i_first_fake="$(find_from 0 '^FAKE ')"
i_none="$(find_from 0 '^PROBE none')"
if [ "$i_none" -ge 0 ] && [ "$i_none" -lt "$i_first_fake" ]; then
    ok "with no sequencer yet, the probe said no controller is connected"
else
    fail "no 'none connected' report before the first controller"
fi

# One session per "FAKE tag start" line: opened in time with the right
# profile, bytes sent == bytes received, lost in time after exit.
declare -A board_at_exit got_in_session
session=0
for ((i = 0; i < ${#L[@]}; i++)); do
    [[ ${L[i]} =~ ^FAKE\ ([a-z]+)\ start ]] || continue
    tag="${BASH_REMATCH[1]}"
    session=$((session + 1))
    what="$tag session $session"
    t_start="$(tval "${L[i]}")"
    [ "$tag" = nano ] && port="nanoKONTROL2 MIDI 1" profile="$nano_profile"
    [ "$tag" = mcu ] && port="X-Touch INT" profile="$mcu_profile"
    i_open="$(find_from "$i" "^PROBE opened id=[0-9]+ profile=[^ ]+ .*name=\"$port\"")"
    i_exit="$(find_from "$i" "^FAKE $tag exit")"
    if [ "$i_open" -lt 0 ] || [ "$i_exit" -lt 0 ]; then
        fail "$what: never opened or never exited"
        continue
    fi
    [[ ${L[i_open]} =~ id=([0-9]+)\ profile=([^ ]+) ]]
    id="${BASH_REMATCH[1]}" got_profile="${BASH_REMATCH[2]}"
    dt=$(( $(tval "${L[i_open]}") - t_start ))
    if [ "$dt" -le 2000 ] && [ "$dt" -ge 0 ]; then
        ok "$what: '$port' opened $dt ms after it appeared"
    else
        fail "$what: '$port' opened $dt ms after it appeared (> 2000)"
    fi
    [ "$got_profile" = "$profile" ] && ok "$what: matched profile $profile" ||
        fail "$what: matched profile '$got_profile', expected '$profile'"

    # Bytes: what the probe sent to this id while the fake lived, and what
    # the fake got.
    sent="" got=""
    t_exit="$(tval "${L[i_exit]}")"
    for ((j = i_open; j < ${#L[@]}; j++)); do
        line="${L[j]}"
        [[ $line =~ ^PROBE\ lost\ id=$id\  ]] && break
        if [[ $line =~ ^PROBE\ sent\ id=$id\  ]] &&
           [ "$(tval "$line")" -le "$t_exit" ]; then
            sent="$sent $(hexes "$line" "id=$id ")"
        fi
    done
    for ((j = i; j <= i_exit; j++)); do
        [[ ${L[j]} =~ ^FAKE\ $tag\ got ]] &&
            got="$got $(hexes "${L[j]}" "got ")"
    done
    sent="$(echo $sent)" got="$(echo $got)"
    got_in_session[$session]="$got"
    if [ "$sent" = "$got" ]; then
        ok "$what: received exactly the $(wc -w <<<"$got") bytes sent"
    else
        fail "$what: sent [$sent] but the controller got [$got]"
    fi

    # The board as it stood when the fake left.
    b=""
    for ((j = i_exit; j >= 0; j--)); do
        [[ ${L[j]} =~ ^PROBE\ board\ ([0-9\ ]+)\ t= ]] &&
            { b="${BASH_REMATCH[1]}"; break; }
    done
    board_at_exit[$session]="$b"

    i_lost="$(find_from "$i_exit" "^PROBE lost id=$id ")"
    i_sent="$(find_from "$i" "^FAKE $tag sent ")"
    if [ "$i_lost" -lt 0 ]; then
        fail "$what: its disappearance was never reported"
    else
        [[ ${L[i_sent]} =~ sent\ ([0-9]+)\ hash=([0-9A-F]+) ]]
        fake_in="${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
        [[ ${L[i_lost]} =~ in=([0-9]+)\ hash=([0-9A-F]+) ]]
        probe_in="${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
        [ "$fake_in" = "$probe_in" ] &&
            ok "$what: all ${fake_in% *} bytes it sent arrived unchanged" ||
            fail "$what: it sent [bytes hash] $fake_in, the probe got $probe_in"
        dt=$(( $(tval "${L[i_lost]}") - t_exit ))
        [ "$dt" -le 2000 ] && ok "$what: reported gone $dt ms after it left" ||
            fail "$what: reported gone $dt ms after it left (> 2000)"
    fi
done
[ "$session" -eq 4 ] && ok "4 controller sessions seen" ||
    fail "$session controller sessions seen, expected 4"

# Values: session 1 (nano) swept to these, session 2 (Mackie) to those.
want1="100 0 50 25 10 20 80"
want2="0 100 80 20 10 25 50"
[ "${board_at_exit[1]:-}" = "$want1" ] &&
    ok "nanoKONTROL2 faders landed on the right elements: $want1" ||
    fail "after the nanoKONTROL2 sweep the board is '${board_at_exit[1]:-}', expected '$want1'"
[ "${board_at_exit[2]:-}" = "$want2" ] &&
    ok "Mackie pitch-bend faders landed on the right elements: $want2" ||
    fail "after the Mackie sweep the board is '${board_at_exit[2]:-}', expected '$want2'"

# Feedback: motors follow the board. On plugging in, the Mackie device
# gets goals at the top (E0 7F 7F) and inquiry at the bottom (E1 00 00)
# from session 1; when it comes back, the values of its own sweep.
has() { [[ " $1 " == *" $2 "* ]]; }
m1="${got_in_session[2]:-}" m2=""
for s in 3 4; do
    has "${got_in_session[$s]:-}" "E0" && m2="${got_in_session[$s]}"
done
if has "$m1" "E0 7F 7F" && has "$m1" "E1 00 00"; then
    ok "Mackie device got the board's state when plugged in (motors)"
else
    fail "Mackie device did not get goals=100/inquiry=0 as pitch bend: [$m1]"
fi
if has "$m2" "E0 00 00" && has "$m2" "E1 7F 7F"; then
    ok "Mackie device got the whole state again when plugged back in"
else
    fail "replugged Mackie device did not get goals=0/inquiry=100: [$m2]"
fi
# --list-midi on a real sequencer: both directions of each fake, with
# its profile; ALSA's Midi Through is listed but matches nothing.
tab=$'\t'
for want in "in${tab}nanoKONTROL2 MIDI 1${tab}$nano_profile" \
            "out${tab}nanoKONTROL2 MIDI 1${tab}$nano_profile" \
            "in${tab}X-Touch INT${tab}$mcu_profile" \
            "out${tab}X-Touch INT${tab}$mcu_profile" \
            "in${tab}Midi Through Port-0${tab}-"; do
    if grep -aqxF "LIST $want" "$log"; then
        ok "--list-midi printed '${want//$tab/ | }'"
    else
        fail "--list-midi did not print '${want//$tab/ | }'"
    fi
done
last_lost="$(grep -anE '^PROBE lost' "$log" | tail -1 | cut -d: -f1)"
last_none="$(grep -anE '^PROBE none' "$log" | tail -1 | cut -d: -f1)"
if [ -n "$last_lost" ] && [ -n "$last_none" ] && [ "$last_none" -gt "$last_lost" ]; then
    ok "after the last controller left, the probe said none is connected"
else
    fail "no 'none connected' report after the last controller left"
fi
exit $failed
