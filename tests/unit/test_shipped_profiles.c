/* test_shipped_profiles: every controllers/<name>.ini parses cleanly, and a
 * synthetic sweep of each mapped control (bytes built from the profile's
 * own mapping, per control kind) moves exactly its element to 0 and 100;
 * every button yields its command once. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "command.h"
#include "profile.h"
#include "surface.h"
#include "test_support.h"

enum { OTHERS = 37 };

/* Bytes that put control c at position pos (0..100 of its range; for
 * relative encoders: `pos` steps, negative = down). Returns the count. */
static size_t control_bytes(const struct profile_ctl *c, int pos,
                            uint8_t *out)
{
    int ch = c->channel >= 0 ? c->channel : 5;
    int v7 = pos * 127 / 100, v14 = pos * 16383 / 100;
    size_t n = 0;
    switch (c->kind) {
    case PROFILE_CTL_CC:
        out[n++] = 0xB0 | ch, out[n++] = c->number, out[n++] = v7;
        break;
    case PROFILE_CTL_CC14:
        out[n++] = 0xB0 | ch, out[n++] = c->number, out[n++] = v14 >> 7;
        out[n++] = 0xB0 | ch, out[n++] = c->number + 32;
        out[n++] = v14 & 127;
        break;
    case PROFILE_CTL_PITCH_BEND:
        out[n++] = 0xE0 | ch, out[n++] = v14 & 127, out[n++] = v14 >> 7;
        break;
    case PROFILE_CTL_NRPN:
        out[n++] = 0xB0 | ch, out[n++] = 99, out[n++] = c->number >> 7;
        out[n++] = 0xB0 | ch, out[n++] = 98, out[n++] = c->number & 127;
        out[n++] = 0xB0 | ch, out[n++] = 6, out[n++] = v14 >> 7;
        out[n++] = 0xB0 | ch, out[n++] = 38, out[n++] = v14 & 127;
        break;
    default: { /* relative: one step per message */
        int up = pos > 0;
        int v = c->kind == PROFILE_CTL_REL_TWOS ? (up ? 1 : 127)
                : c->kind == PROFILE_CTL_REL_OFFSET ? (up ? 65 : 63)
                                                    : (up ? 1 : 65);
        for (int i = 0; i < abs(pos); i++)
            out[n++] = 0xB0 | ch, out[n++] = c->number, out[n++] = v;
    }
    }
    return n;
}

static bool relative(enum profile_ctl_kind k)
{
    return k == PROFILE_CTL_REL_TWOS || k == PROFILE_CTL_REL_OFFSET ||
           k == PROFILE_CTL_REL_SIGNED;
}

/* The control that drives element e: its own, or with [strips] the strip
 * that shows e once the focus is on e. */
static const struct profile_ctl *control_of(const struct profile *p, int e)
{
    return &p->element[p->strip_count ? e % p->strip_count : e];
}

static void sweep_one(const struct profile *p, int e)
{
    static uint8_t bytes[4096];
    const struct profile_ctl *c = control_of(p, e);
    struct surface s;
    struct board b;
    struct surface_result r;
    surface_init(&s, p);
    surface_accept_guess(&s); /* the generic guess, accepted */
    board_init(&b);
    for (int o = 0; o < BOARD_ELEMENTS; o++)
        board_set(&b, o, OTHERS);
    b.focus = e;
    if (p->strip_count) /* the strip is somewhere else: catch first */
        surface_feed(&s, bytes, control_bytes(c, OTHERS, bytes), 0, &b, &r);
    static const int ends[] = {100, 0, 50};
    for (int i = 0; i < 3; i++) {
        int target = ends[i];
        size_t n = relative(c->kind)
                       ? control_bytes(c, target - b.value[e], bytes)
                       : control_bytes(c, target, bytes);
        surface_feed(&s, bytes, n, 0, &b, &r);
        if (b.value[e] != target)
            fail_msg("%s: %s to %d gave %d", p->id, board_element_id(e),
                     target, b.value[e]);
        for (int o = 0; o < BOARD_ELEMENTS; o++)
            if (o != e && b.value[o] != OTHERS)
                fail_msg("%s: %s moved %s", p->id, board_element_id(e),
                         board_element_id(o));
        assert_int_equal(r.command_count, 0);
    }
}

static void buttons(const struct profile *p)
{
    for (int i = 0; i < p->button_count; i++) {
        const struct profile_ctl *c = &p->button[i].ctl;
        int ch = c->channel >= 0 ? c->channel : 3;
        uint8_t press[3] = {(c->kind == PROFILE_CTL_NOTE   ? 0x90
                             : c->kind == PROFILE_CTL_POLY ? 0xA0
                                                           : 0xB0) | ch,
                            c->number, 127};
        uint8_t release[3] = {press[0], c->number, 0};
        struct surface s;
        struct board b;
        struct surface_result r;
        surface_init(&s, p);
        surface_accept_guess(&s);
        board_init(&b);
        surface_feed(&s, press, 3, 0, &b, &r);
        assert_int_equal(r.command_count, 1);
        assert_string_equal(r.command[0], p->button[i].command);
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            assert_int_equal(b.value[e], 0);
        surface_feed(&s, release, 3, 0, &b, &r);
        assert_int_equal(r.command_count, 0);
        struct command cmd;
        char err[128];
        assert_true(command_parse(r.command[0][0] ? r.command[0]
                                                  : p->button[i].command,
                                  &cmd, err, sizeof err));
    }
}

static int shipped_count;

static void test_every_shipped_profile(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/controllers", SOUNDBOARD_SOURCE_DIR);
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *ent;
    static struct profile p;
    static struct diag_list diag;
    while ((ent = readdir(d))) {
        size_t nl = strlen(ent->d_name);
        if (nl < 5 || strcmp(ent->d_name + nl - 4, ".ini") != 0)
            continue;
        char rel[512], id[256];
        snprintf(rel, sizeof rel, "controllers/%s", ent->d_name);
        snprintf(id, sizeof id, "%.*s", (int)(nl - 4), ent->d_name);
        size_t len;
        char *text = test_read_source_file(rel, &len);
        diag_init(&diag);
        bool ok = profile_parse(text, len, rel, id, &p, &diag);
        for (int i = 0; i < diag.count; i++)
            print_error("%s\n", diag.text[i]);
        assert_int_equal(diag_total(&diag), 0);
        assert_true(ok);
        assert_string_equal(p.id, id);
        assert_true(p.name[0] != 0);
        assert_true(p.source[0] != 0);
        assert_true(p.verified[0] != 0);
        /* every shipped profile drives all seven elements (with
         * [strips], through the focus) */
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            assert_int_not_equal(control_of(&p, e)->kind, PROFILE_CTL_NONE);
            sweep_one(&p, e);
        }
        buttons(&p);
        /* its own port name pattern matches (generic has none) */
        for (int m = 0; m < p.match_count; m++)
            assert_true(profile_matches_port(&p, p.match[m]));
        free(text);
        shipped_count++;
    }
    closedir(d);
    assert_true(shipped_count >= 27);
}

/* Every shipped profile, by id. */
enum { SHIPPED_MAX = 64 };
static struct profile shipped[SHIPPED_MAX];
static int shipped_n, generic_index = -1;

static int load_shipped(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/controllers", SOUNDBOARD_SOURCE_DIR);
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *ent;
    while ((ent = readdir(d)) && shipped_n < SHIPPED_MAX) {
        size_t nl = strlen(ent->d_name);
        if (nl < 5 || strcmp(ent->d_name + nl - 4, ".ini") != 0)
            continue;
        char rel[512], id[256];
        snprintf(rel, sizeof rel, "controllers/%s", ent->d_name);
        snprintf(id, sizeof id, "%.*s", (int)(nl - 4), ent->d_name);
        size_t len;
        char *text = test_read_source_file(rel, &len);
        if (!profile_parse(text, len, rel, id, &shipped[shipped_n], NULL))
            return -1;
        if (!strcmp(id, "generic"))
            generic_index = shipped_n;
        shipped_n++;
        free(text);
    }
    closedir(d);
    return 0;
}

static const struct profile *find(const char *id)
{
    for (int i = 0; i < shipped_n; i++)
        if (!strcmp(shipped[i].id, id))
            return &shipped[i];
    fail_msg("no shipped profile %s", id);
    return NULL;
}

/* Real port names (as PortMidi shows an ALSA port: its port name) from
 * public references, and the profile each picks under the documented rule
 * (profile_pick: longest matching pattern, exclude = not opened). */
static void test_port_names(void **state)
{
    (void)state;
    static const struct {
        const char *port, *id, *source;
    } cases[] = {
        {"nanoKONTROL2 MIDI 1", "korg-nanokontrol2", "Mixxx, older kernels"},
        {"nanoKONTROL2 _ CTRL", "korg-nanokontrol2", "newer kernels"},
        {"nanoKONTROL Studio MIDI 1", "korg-nanokontrol-studio",
         "aconnect -l listing"},
        {"nanoKONTROL nanoKONTROL _ CTRL", "korg-nanokontrol",
         "riban-bw/nanoKONTROL-Config PR #8"},
        {"MIDI Mix MIDI 1", "akai-midimix", "Linux code"},
        {"APC MINI MIDI 1", "akai-apc-mini", "pygame.midi listing"},
        {"APC mini mk2 Control", "akai-apc-mini-mk2", "crosscheck"},
        {"APC mini mk2 MIDI 1", "akai-apc-mini-mk2", "a Linux test"},
        {"APC mini mk2 Notes", NULL, "second port: not opened"},
        {"APC mini mk2 MIDI 2", NULL, "second port: not opened"},
        {"APC40 mkII MIDI 1", "akai-apc40-mk2", "DrivenByMoss"},
        {"APC40 MIDI 1", "akai-apc40", "inferred Linux form [U]"},
        {"Launch Control XL MIDI 1", "novation-launch-control-xl",
         "launchpad.py"},
        {"Launch Control XL Launch Contro", "novation-launch-control-xl",
         "Bitwig LaunchControlXl definition"},
        {"LCXL3 1 MIDI Out", "generic", "Launch Control XL 3: not an XL"},
        {"LCXL3 1 DAW Out", "generic", "Bitwig Mk3 definition"},
        {"X-TOUCH MINI MIDI 1", "behringer-x-touch-mini", "Linux code"},
        {"X-TOUCH COMPACT MIDI 1", "behringer-x-touch-compact",
         "jetsonhacks"},
        {"X-Touch X-TOUCH_INT", "behringer-x-touch", "ALSA listings"},
        {"X-Touch-Ext X-TOUCH_INT", "behringer-x-touch-extender",
         "mido code"},
        {"X-Touch One", "behringer-x-touch-one", "DrivenByMoss, hs.midi"},
        {"X-Touch INT", "mackie-control", "the VM test's fake name"},
        {"Platform M+ V2.15", "mackie-control", "bjoluc configs"},
        {"SMC-Mixer", "m-vave-smc-mixer", "Windows endpoint listing"},
        {"FaderPort", "presonus-faderport", "Ardour faderport.cc"},
        {"PreSonus FP8 Port 1", "presonus-faderport8", "Ardour probe list"},
        {"PreSonus FP16 Port 1", "presonus-faderport8", "Ardour probe list"},
        {"BCF2000 MIDI 1", "behringer-bcf2000", "PortMidi code"},
        {"BCR2000 MIDI 1", "behringer-bcr2000", "ALSA listing"},
        {"WORLDE easy control MIDI 1", "worlde-easycontrol-9", "mido code"},
        {"Launchkey 61 MIDI 1", "novation-launchkey", "Bitwig pair, amidi"},
        {"Launchkey 61 MIDI 2", NULL, "InControl port: not opened"},
        {"KeyLab mkII 61 MIDI", "arturia-keylab-mk2", "mido code"},
        {"Minilab3 MIDI", "arturia-minilab-3", "amidi -l listing"},
        {"Minilab3 MCU/HUI", NULL, "its DAW port: not opened"},
        {"Minilab3 DIN THRU", NULL, "sends nothing: not opened"},
        {"Midi Fighter Twister MIDI 1", "djtt-midi-fighter-twister",
         "Bitwig, pygame"},
        {"Arturia BeatStep MIDI 1", "arturia-beatstep", "rakyll/portmidi"},
        {"Lexicon Alpha MIDI 1", "generic", "'icon' alone matches nothing"},
        {"Some Box MIDI 1", "generic", "nothing matches"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        int i = profile_pick(shipped, shipped_n, generic_index,
                             cases[c].port);
        const char *got = i == PROFILE_PICK_SKIP ? "(not opened)"
                          : i >= 0 ? shipped[i].id : "(none)";
        const char *want = cases[c].id ? cases[c].id : "(not opened)";
        if (strcmp(got, want) != 0)
            fail_msg("port '%s' (%s) picked %s, expected %s", cases[c].port,
                     cases[c].source, got, want);
        /* profile_match_score agrees for opened ports */
        if (i >= 0 && i != generic_index)
            assert_true(profile_matches_port(&shipped[i], cases[c].port));
    }
    /* same-port-name modes are never picked by name */
    assert_int_equal(find("behringer-bcf2000-mackie")->match_count, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_shipped_profile),
        cmocka_unit_test(test_port_names),
    };
    return cmocka_run_group_tests(tests, load_shipped, NULL);
}
