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

static void sweep_one(const struct profile *p, int e)
{
    static uint8_t bytes[4096];
    const struct profile_ctl *c = &p->element[e];
    struct surface s;
    struct board b;
    struct surface_result r;
    surface_init(&s, p);
    board_init(&b);
    for (int o = 0; o < BOARD_ELEMENTS; o++)
        board_set(&b, o, OTHERS);
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
        uint8_t press[3] = {(c->kind == PROFILE_CTL_NOTE ? 0x90 : 0xB0) | ch,
                            c->number, 127};
        uint8_t release[3] = {press[0], c->number, 0};
        struct surface s;
        struct board b;
        struct surface_result r;
        surface_init(&s, p);
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
        /* every shipped profile drives all seven elements */
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            assert_int_not_equal(p.element[e].kind, PROFILE_CTL_NONE);
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
    assert_true(shipped_count >= 11);
}

/* The profile each ALSA port name seen in midi-controllers.md picks: the
 * longest matching pattern wins: profile_match_score. */
static void test_port_names(void **state)
{
    (void)state;
    static const struct {
        const char *port, *id;
    } cases[] = {
        {"nanoKONTROL2 MIDI 1", "korg-nanokontrol2"},
        {"nanoKONTROL2 _ CTRL", "korg-nanokontrol2"},
        {"nanoKONTROL Studio MIDI 1", "korg-nanokontrol-studio"},
        {"MIDI Mix MIDI 1", "akai-midimix"},
        {"APC MINI MIDI 1", "akai-apc-mini"},
        {"APC mini mk2 Control", "akai-apc-mini-mk2"},
        {"Launch Control XL MIDI 1", "novation-launch-control-xl"},
        {"X-TOUCH MINI MIDI 1", "behringer-x-touch-mini"},
        {"X-TOUCH COMPACT MIDI 1", "behringer-x-touch-compact"},
        {"X-Touch INT", "mackie-control"},
        {"Arturia BeatStep MIDI 1", "arturia-beatstep"},
        {"Some Box MIDI 1", "generic"},
    };
    static const char *const ids[] = {
        "korg-nanokontrol2", "korg-nanokontrol-studio", "akai-midimix",
        "akai-apc-mini", "akai-apc-mini-mk2", "novation-launch-control-xl",
        "behringer-x-touch-mini", "behringer-x-touch-compact",
        "mackie-control", "arturia-beatstep", "generic"};
    enum { N = sizeof ids / sizeof ids[0] };
    static struct profile p[N];
    for (int i = 0; i < N; i++) {
        char rel[256];
        snprintf(rel, sizeof rel, "controllers/%s.ini", ids[i]);
        size_t len;
        char *text = test_read_source_file(rel, &len);
        assert_true(profile_parse(text, len, rel, ids[i], &p[i], NULL));
        free(text);
    }
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const char *best = "generic";
        size_t best_len = 0;
        for (int i = 0; i < N; i++) {
            size_t l = profile_match_score(&p[i], cases[c].port);
            assert_int_equal(l > 0,
                             profile_matches_port(&p[i], cases[c].port));
            if (l > best_len)
                best = ids[i], best_len = l;
        }
        if (strcmp(best, cases[c].id) != 0)
            fail_msg("port '%s' picked %s, expected %s", cases[c].port, best,
                     cases[c].id);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_shipped_profile),
        cmocka_unit_test(test_port_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
