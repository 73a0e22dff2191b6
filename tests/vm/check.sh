#!/usr/bin/env bash
# check.sh CONSOLE-LOG: the verdict of scripts/vm-midi-test, from the
# guest's console (lines printed by vm_probe, fake_controller and /init).
# Prints one "ok:" or "FAIL:" line per check; exit 0 if all pass.
# "info:" lines are measurements, not checks.
#   NANO_PROFILE / MCU_PROFILE: profile names the fakes must be matched to.
set -uo pipefail
log="$1"
nano_profile="${NANO_PROFILE:-korg-nanokontrol2}"
mcu_profile="${MCU_PROFILE:-mackie-control}"
failed=0
ok() { echo "vm-midi-test: ok: $*"; }
fail() { echo "vm-midi-test: FAIL: $*"; failed=1; }
info() { echo "vm-midi-test: info: $*"; }

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
    [[ ${L[i]} =~ ^FAKE\ (nano|mcu)\ start ]] || continue
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

# arrival_check WHAT "BYTES HASH": between i_open and i_lost, either every
# byte the fake sent arrived (count and hash), or only whole messages of
# them did and the probe reported an overflow. Sets i_over (-1: none).
# The sequencer drops what does not fit in the probe's input pool and
# PortMidi 217 swallows the -ENOSPC that says so; the backend reads the
# loss from the pool's counters (src/midi/seq_pool.c) and must report it.
arrival_check() {
    local what="$1" sent="$2" got pb sb
    got="$(in_of "${L[i_lost]}")"
    pb="${got% *}" sb="${sent% *}"
    i_over="$(find_from "$i_open" "^PROBE overflow id=($id|-1) ")"
    [ "$i_over" -gt "$i_lost" ] && i_over=-1
    info "$what: the probe received $pb of the $sb bytes sent"
    if [ "$got" = "$sent" ]; then
        ok "$what: all $sb bytes arrived unchanged (count and hash)"
    elif [ "$pb" -gt "$sb" ] || [ $((pb % 3)) -ne 0 ]; then
        fail "$what: the probe received $pb bytes of $sb sent (more, or not whole messages)"
    elif [ "$i_over" -ge 0 ]; then
        ok "$what: $pb of $sb bytes arrived and the probe reported the overflow"
    else
        fail "$what: the probe received $pb of $sb bytes and reported no overflow"
    fi
}

# ---- A flood, a port vanishing mid-read, the port back renamed ---------
# flood_value K: the value fake_controller's flood gives message K (CC
# K%7, within 16*CC .. 16*CC+15); scale7 V: a 7-bit value on the board.
flood_value() {
    local c=$(($1 % 7)) p
    p=$(( ($1 / 7 + 3 * c) % 30 ))
    echo $(( 16 * c + (p < 16 ? p : 30 - p) ))
}
scale7() { echo $(( ($1 * 200 + 127) / 254 )); }
# the board as the last "PROBE board" line before index $1 left it
board_before() {
    local j
    for ((j = $1 - 1; j >= 0; j--)); do
        [[ ${L[j]} =~ ^PROBE\ board\ ([0-9\ ]+)\ t= ]] &&
            { echo "${BASH_REMATCH[1]}"; return; }
    done
}
# flood_board BEFORE AFTER [FINAL]: the faders of AFTER that hold neither
# their value in BEFORE, nor one from their own band of a flood, nor their
# value in FINAL (empty: none)
flood_board() {
    local c v lo hi bad="" A B F
    read -ra A <<<"$2"
    read -ra B <<<"$1"
    read -ra F <<<"${3:-}"
    [ ${#A[@]} -eq 7 ] || { echo " (not 7 values)"; return; }
    for c in 0 1 2 3 4 5 6; do
        v="${A[c]}" lo="$(scale7 $((16 * c)))" hi="$(scale7 $((16 * c + 15)))"
        [ "$v" = "${B[c]:-}" ] || [ "$v" = "${F[c]:-}" ] && continue
        [[ $v =~ ^[0-9]+$ ]] && [ "$v" -ge "$lo" ] && [ "$v" -le "$hi" ] && continue
        bad="$bad fader $((c + 1))=$v"
    done
    echo "$bad"
}
# opened_check WHAT I-START PORT PROFILE: sets i_open and id (-1 if not)
opened_check() {
    local what="$1" i="$2" port="$3" profile="$4" dt got_profile
    id=-1
    i_open="$(find_from "$i" "^PROBE opened id=[0-9]+ profile=[^ ]+ .*name=\"$port\"")"
    if [ "$i_open" -lt 0 ]; then
        fail "$what: '$port' was never opened"
        return
    fi
    [[ ${L[i_open]} =~ id=([0-9]+)\ profile=([^ ]+) ]]
    id="${BASH_REMATCH[1]}" got_profile="${BASH_REMATCH[2]}"
    dt=$(( $(tval "${L[i_open]}") - $(tval "${L[i]}") ))
    if [ "$dt" -ge 0 ] && [ "$dt" -le 2000 ]; then
        ok "$what: '$port' opened $dt ms after it appeared"
    else
        fail "$what: '$port' opened $dt ms after it appeared (> 2000)"
    fi
    [ "$got_profile" = "$profile" ] &&
        ok "$what: matched profile $profile by the name '$port'" ||
        fail "$what: '$port' matched profile '$got_profile', expected '$profile'"
}
# lost_check WHAT I-LEFT: the port of id $id reported gone within 2 s of
# line I-LEFT, then "none connected" before the next phase; sets i_lost
lost_check() {
    local what="$1" i_left="$2" dt i_none i_next
    i_lost="$(find_from "$i_left" "^PROBE lost id=$id ")"
    if [ "$i_lost" -lt 0 ]; then
        fail "$what: its disappearance was never reported"
        return
    fi
    dt=$(( $(tval "${L[i_lost]}") - $(tval "${L[i_left]}") ))
    [ "$dt" -ge 0 ] && [ "$dt" -le 2000 ] &&
        ok "$what: reported gone $dt ms after it left" ||
        fail "$what: reported gone $dt ms after it left (> 2000)"
    i_none="$(find_from "$i_lost" '^PROBE none')"
    i_next="$(find_from "$i_lost" '^(INIT phase|FAKE [a-z]+ start)')"
    [ "$i_none" -ge 0 ] && { [ "$i_next" -lt 0 ] || [ "$i_none" -lt "$i_next" ]; } &&
        ok "$what: then the probe said no controller is connected" ||
        fail "$what: no 'none connected' report after it left"
}
# in_of LINE: "BYTES HASH" of a "FAKE .. sent/killing" or "PROBE lost" line
in_of() {
    [[ $1 =~ (sent|after|in=)\ ?([0-9]+)\ hash=([0-9A-F]+) ]] &&
        echo "${BASH_REMATCH[2]} ${BASH_REMATCH[3]}"
}

# 4. Flood: 100,000 control changes in one burst, ending on these values.
want_flood="10 80 20 100 0 50 25"
i_fs="$(find_from 0 '^FAKE flood start')"
if [ "$i_fs" -lt 0 ]; then
    fail "flood: the flooding controller never started"
else
    opened_check "flood" "$i_fs" "nanoKONTROL2 MIDI 1" "$nano_profile"
    i_burst="$(find_from "$i_fs" '^FAKE flood burst')"
    i_fsent="$(find_from "$i_fs" '^FAKE flood sent ')"
    i_fexit="$(find_from "$i_fs" '^FAKE flood exit')"
    if [ "$id" -lt 0 ] || [ "$i_burst" -lt 0 ] || [ "$i_fsent" -lt 0 ] ||
       [ "$i_fexit" -lt 0 ]; then
        fail "flood: the burst was never sent or the fake never left"
    else
        t_burst="$(tval "${L[i_burst]}")"
        [[ ${L[i_fsent]} =~ messages=([0-9]+)\ eagain=([0-9]+)\ errors=([0-9]+) ]]
        f_msgs="${BASH_REMATCH[1]}" f_eagain="${BASH_REMATCH[2]}"
        f_errors="${BASH_REMATCH[3]}"
        fake_in="$(in_of "${L[i_fsent]}")"
        [ "$f_msgs" = 100000 ] && [ "$f_errors" = 0 ] &&
            ok "flood: the fake sent 100000 messages (${fake_in% *} bytes) in one burst" ||
            fail "flood: the fake sent $f_msgs messages, $f_errors sends failed"
        info "flood: the burst took $(( $(tval "${L[i_fsent]}") - t_burst )) ms; the sequencer answered -EAGAIN $f_eagain times"
        # The sequencer's counters, printed while the fake lingered after
        # its burst: the input pool of the probe's client (the user client
        # that is not the fake) counts the events it could not take.
        i_cnt="$(find_from "$i_fs" '^INIT phase flood-counters')"
        k_fail="" k_ok="" k_size="" cl="" pool=""
        if [ "$i_cnt" -gt "$i_fsent" ] && [ "$i_cnt" -lt "$i_fexit" ]; then
            for ((j = i_cnt + 1; j < ${#L[@]}; j++)); do
                line="${L[j]}"
                [[ $line == "INIT seq"* ]] || break
                [[ $line =~ ^INIT\ seq\ Client\ +[0-9]+\ :\ \"([^\"]*)\"\ \[User ]] &&
                    { cl="${BASH_REMATCH[1]}"; pool=""; continue; }
                [[ $line =~ ^INIT\ seq\ Client ]] && { cl=""; continue; }
                [[ $line =~ Input\ pool ]] && { pool=in; continue; }
                [[ $line =~ Output\ pool ]] && { pool=out; continue; }
                [ -n "$cl" ] && [ "$cl" != nanoKONTROL2 ] && [ "$pool" = in ] || continue
                [[ $line =~ Pool\ size\ +:\ ([0-9]+) ]] && k_size="${BASH_REMATCH[1]}"
                [[ $line =~ Alloc\ success\ +:\ ([0-9]+) ]] && k_ok="${BASH_REMATCH[1]}"
                [[ $line =~ Alloc\ failures\ +:\ ([0-9]+) ]] && k_fail="${BASH_REMATCH[1]}"
            done
        fi
        if [ -n "$k_fail" ]; then
            info "flood: the probe's sequencer input (a pool of $k_size events) took $k_ok events and refused $k_fail"
        else
            info "flood: the sequencer's counters were not printed after the burst"
        fi
        lost_check "flood" "$i_fexit"
        if [ "$i_lost" -ge 0 ]; then
            arrival_check flood "$fake_in"
            # The board when the port was gone: its last change before the
            # next phase.
            i_next="$(find_from "$i_lost" '^INIT phase')"
            [ "$i_next" -lt 0 ] && i_next=${#L[@]}
            before="$(board_before "$i_fs")"
            b="$(board_before "$i_next")" t_b=-1
            for ((j = i_next - 1; j > i_open; j--)); do
                [[ ${L[j]} =~ ^PROBE\ board ]] && { t_b="$(tval "${L[j]}")"; break; }
            done
            if [ "$b" = "$want_flood" ] && [ "$t_b" -ge 0 ]; then
                dt=$((t_b - t_burst))
                [ "$dt" -le 20000 ] &&
                    ok "flood: the board ended on $want_flood, $dt ms after the burst began" ||
                    fail "flood: the board reached $want_flood only $dt ms after the burst began (> 20000)"
            elif [ -n "$(flood_board "$before" "$b" "$want_flood")" ]; then
                fail "flood: the board ended on '$b', with values the fake never sent on those faders:$(flood_board "$before" "$b" "$want_flood")"
            elif [ "$i_over" -ge 0 ]; then
                # What the kernel dropped cannot be read back from a
                # controller; the app asks the room to move each fader.
                ok "flood: the board ended on '$b' (each value one sent on that fader), not the last values '$want_flood', which the sequencer dropped; the overflow was reported"
            else
                fail "flood: the board ended on '$b', not on '$want_flood', and no overflow was reported"
            fi
        fi
    fi
fi

# 5. Vanish: a burst of 200,000 cut off by SIGKILL after 100,000.
i_vs="$(find_from 0 '^FAKE vanish start')"
if [ "$i_vs" -lt 0 ]; then
    fail "vanish: the vanishing controller never started"
else
    opened_check "vanish" "$i_vs" "nanoKONTROL2 MIDI 1" "$nano_profile"
    i_kill="$(find_from "$i_vs" '^FAKE vanish killing after ')"
    if [ "$id" -lt 0 ] || [ "$i_kill" -lt 0 ]; then
        fail "vanish: the fake never began its burst or never vanished"
    elif [ "$(find_from "$i_vs" '^FAKE vanish (sent|exit)')" -ge 0 ]; then
        fail "vanish: the fake finished its burst instead of vanishing"
    else
        sent_in="$(in_of "${L[i_kill]}")"
        ok "vanish: the fake was killed in the middle of its burst, after ${sent_in% *} bytes"
        before="$(board_before "$i_vs")"
        lost_check "vanish" "$i_kill"
        if [ "$i_lost" -ge 0 ]; then
            arrival_check vanish "$sent_in"
            # The board after the port was gone: each fader holds its value
            # from before, or one from its own band of the flood.
            i_next="$(find_from "$i_lost" '^(INIT phase|FAKE [a-z]+ start)')"
            [ "$i_next" -lt 0 ] && i_next=${#L[@]}
            after="$(board_before "$i_next")"
            bad="$(flood_board "$before" "$after")"
            [ -z "$bad" ] &&
                ok "vanish: the board is consistent ('$after'; each value from before or sent on that fader)" ||
                fail "vanish: the board '$after' holds values the fake never sent on those faders:$bad"
            # Nothing lost: the board is exactly the state after the last
            # message sent before the kill.
            if [ "$probe_in" = "$sent_in" ]; then
                m=$((sb / 3)) exp=""
                for c in 0 1 2 3 4 5 6; do
                    exp="$exp $(scale7 "$(flood_value $((c + 7 * ((m - 1 - c) / 7))))")"
                done
                [ "${exp# }" = "$after" ] &&
                    ok "vanish: the board is exactly the state after the $m messages sent" ||
                    fail "vanish: after $m messages the board should be '${exp# }', it is '$after'"
            fi
        fi
    fi
fi

# Asleep between events: the probe sleeps on the backend's descriptors
# (midi_backend_wait); the announce port must be what watches hot-plug
# once the sequencer is up, and PortMidi's own descriptor what wakes it
# for input. A sleep may end on a timer the backend asked for only while
# the sequencer's node exists but cannot be opened yet (a few, around the
# modules loading) and once per burst of port news (the scan waits for a
# burst to settle): never periodically.
if grep -aq "^PROBE log midi: hot-plug: watching the sequencer's announce port" "$log"; then
    ok "hot-plug is watched on the sequencer's announce port"
else
    fail "the backend never watched the announce port: $(grep -a '^PROBE log midi: hot-plug' "$log" | head -3 | tr '\n' ' ')"
fi
if grep -aq '^PROBE log midi: input wakes the program' "$log"; then
    ok "open inputs wake the probe through PortMidi's own descriptor (no polling while a controller is open)"
else
    fail "open inputs were polled: $(grep -a '^PROBE log midi: input' "$log" | head -2 | tr '\n' ' ')"
fi
wl="$(grep -a '^PROBE wakes ' "$log" | head -1)"
if [[ $wl =~ total=([0-9]+)\ timed=([0-9]+) ]]; then
    # Each fake's coming and going is at most two bursts of port news.
    plugs=$(grep -ac '^FAKE [a-z]* start' "$log")
    allowed=$((5 + 2 * plugs))
    info "probe sleeps: ${BASH_REMATCH[1]} ended, ${BASH_REMATCH[2]} on a timer the backend asked for, over the whole scenario ($plugs controllers came and went)"
    [ "${BASH_REMATCH[2]}" -le "$allowed" ] &&
        ok "no periodic polling: ${BASH_REMATCH[2]} timer wake-ups in the whole run (<= $allowed)" ||
        fail "the backend asked to be polled on a timer ${BASH_REMATCH[2]} times (> $allowed)"
else
    fail "the probe never said how often it woke"
fi

# 6. The nanoKONTROL2 back as "nanoKONTROL2 _ CTRL", a paced sweep.
want_renamed="40 70 91 5 61 30 15"
i_rs="$(find_from 0 '^FAKE renamed start')"
if [ "$i_rs" -lt 0 ]; then
    fail "renamed: the renamed controller never started"
else
    opened_check "renamed" "$i_rs" "nanoKONTROL2 _ CTRL" "$nano_profile"
    i_rsent="$(find_from "$i_rs" '^FAKE renamed sent ')"
    i_rexit="$(find_from "$i_rs" '^FAKE renamed exit')"
    if [ "$id" -lt 0 ] || [ "$i_rsent" -lt 0 ] || [ "$i_rexit" -lt 0 ]; then
        fail "renamed: the sweep was never sent or the fake never left"
    else
        b="$(board_before "$i_rexit")"
        [ "$b" = "$want_renamed" ] &&
            ok "renamed: its faders landed on $want_renamed" ||
            fail "renamed: after its sweep the board is '$b', expected '$want_renamed'"
        lost_check "renamed" "$i_rexit"
        if [ "$i_lost" -ge 0 ]; then
            fake_in="$(in_of "${L[i_rsent]}")" probe_in="$(in_of "${L[i_lost]}")"
            [ "$fake_in" = "$probe_in" ] &&
                ok "renamed: all ${fake_in% *} bytes it sent arrived unchanged" ||
                fail "renamed: it sent [bytes hash] $fake_in, the probe got $probe_in"
        fi
    fi
fi
exit $failed
