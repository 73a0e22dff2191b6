/* test_new_profiles: for each profile added for issue 11, a byte stream
 * written from its public reference (not from the profile) moves the
 * right elements, and the feedback bytes it sends back (motors, rings,
 * LCD) are the ones the reference describes. The reference for each case
 * is named next to it; the profile's own `source` line names it too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "surface.h"
#include "test_support.h"

static struct profile prof;
static struct surface surf;
static struct board board;
static struct surface_result res;
static uint8_t out[4096];

static const char *const labels[BOARD_ELEMENTS] = {
    "Goals", "Inquiry", "Task", "Evaluation", "Feedbk", "Plan", "Demo"};
static const char *const zones[ZONE_COUNT] = {"Teacher", "Co-cre.",
                                              "Student"};

static void use(const char *id)
{
    char rel[256];
    snprintf(rel, sizeof rel, "controllers/%s.ini", id);
    size_t len;
    char *text = test_read_source_file(rel, &len);
    struct diag_list d;
    diag_init(&d);
    if (!profile_parse(text, len, rel, id, &prof, &d))
        fail_msg("%s", d.count ? d.text[0] : "?");
    free(text);
    surface_init(&surf, &prof);
    board_init(&board);
}

static void feed(const uint8_t *b, size_t n)
{
    surface_feed(&surf, b, n, 0, &board, &res);
}

#define FEED(...)                                                          \
    do {                                                                   \
        const uint8_t b_[] = {__VA_ARGS__};                                \
        feed(b_, sizeof b_);                                               \
    } while (0)

static size_t fb(bool full)
{
    return surface_feedback(&surf, &board, labels, zones, full, out,
                            sizeof out);
}

/* Each element's value after the stream: want[e], or -1 for "untouched" */
static void expect(const int want[BOARD_ELEMENTS])
{
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        if (board.value[e] != want[e])
            fail_msg("%s: %s is %d, want %d", prof.id, board_element_id(e),
                     board.value[e], want[e]);
}

/* true if the n bytes of `want` are somewhere in out[0..len) */
static bool sent(size_t len, const uint8_t *want, size_t n)
{
    for (size_t i = 0; i + n <= len; i++)
        if (!memcmp(out + i, want, n))
            return true;
    return false;
}

#define SENT(len, ...)                                                     \
    do {                                                                   \
        const uint8_t w_[] = {__VA_ARGS__};                                \
        if (!sent(len, w_, sizeof w_))                                     \
            fail_msg("%s: expected bytes not sent", prof.id);              \
    } while (0)

/* QLC+ Behringer-BCF2000.qxi: sliders CC 81-88 ch 1. */
static void test_bcf2000(void **state)
{
    (void)state;
    use("behringer-bcf2000");
    FEED(0xB0, 81, 127, 0xB0, 84, 64, 0xB0, 88, 127); /* 8th: no element */
    expect((int[]){100, 0, 0, 50, 0, 0, 0});
    board_set(&board, 6, 100);
    size_t n = fb(false);
    SENT(n, 0xB0, 87, 127);                    /* motor 7 to the top */
    /* Mackie mode (QLC+ ...inMackieControlMode.qxi): pitch bend ch 1-8 */
    use("behringer-bcf2000-mackie");
    FEED(0xE0, 0x7F, 0x7F, 0xE6, 0x00, 0x40);
    expect((int[]){100, 0, 0, 0, 0, 0, 50});
    n = fb(false);
    SENT(n, 0xE0, 0x7F, 0x7F);                 /* echoed as received */
    SENT(n, 0xE6, 0x00, 0x40);
}

/* QLC+ Behringer-BCR2000.qxi: top group knobs CC 1-8 ch 1. */
static void test_bcr2000(void **state)
{
    (void)state;
    use("behringer-bcr2000");
    FEED(0xB0, 1, 127, 0xB0, 7, 32);
    expect((int[]){100, 0, 0, 0, 0, 0, 25});
    board_set(&board, 2, 50);
    SENT(fb(false), 0xB0, 3, 64);              /* ring of knob 3 */
}

/* Ardour mackie surface.cc (XT header 66 15); Mackie strip messages. */
static void test_x_touch_extender(void **state)
{
    (void)state;
    use("behringer-x-touch-extender");
    size_t n = fb(true);
    SENT(n, 0xF0, 0x00, 0x00, 0x66, 0x15, 0x00, 0xF7); /* device query */
    SENT(n, 0xF0, 0x00, 0x00, 0x66, 0x15, 0x12, 0x00, 'G', 'o', 'a', 'l',
         's', ' ', ' ', 0xF7);                 /* 7 characters a strip */
    FEED(0x90, 0x68, 0x7F, 0xE0, 0x00, 0x60);  /* touch 1, move it */
    expect((int[]){75, 0, 0, 0, 0, 0, 0});
    SENT(fb(false), 0xE0, 0x00, 0x60);         /* echoed while touched */
    FEED(0x90, 0x18, 0x7F);                    /* SELECT 1 */
    assert_string_equal(res.command[0], "preset recall 1");
}

/* Ardour x-touch-one.device: one fader that follows the selection. */
static void test_x_touch_one(void **state)
{
    (void)state;
    use("behringer-x-touch-one");
    fb(true);
    FEED(0xE0, 0x7F, 0x7F);
    expect((int[]){100, 0, 0, 0, 0, 0, 0});
    FEED(0x90, 49, 0x7F);                      /* Channel > */
    FEED(0xE0, 0x00, 0x40);
    expect((int[]){100, 50, 0, 0, 0, 0, 0});
    FEED(0xB0, 60, 0x01);                      /* jog clockwise */
    assert_int_equal(board.focus, 2);
    size_t n = fb(false);
    SENT(n, 0xE0, 0x00, 0x00);                 /* motor to task's 0 */
    SENT(n, 0xF0, 0x00, 0x00, 0x66, 0x14, 0x12, 0x00, 'T', 'a', 's', 'k');
}

/* QLC+ M-Wave-SMCMixer.qxi, no motors (mixxxdj/manual). */
static void test_smc_mixer(void **state)
{
    (void)state;
    use("m-vave-smc-mixer");
    assert_false(prof.motorized);
    FEED(0xE1, 0x7F, 0x7F);
    expect((int[]){0, 100, 0, 0, 0, 0, 0});
    board_set(&board, 1, 20);                  /* a preset */
    surface_board_moved(&surf, &board);
    FEED(0xE1, 0x7F, 0x7F);                    /* no jump: takeover */
    expect((int[]){0, 20, 0, 0, 0, 0, 0});
    assert_int_equal(fb(true), 0);             /* nothing to drive */
    FEED(0x90, 2, 0x7F);                       /* REC 3 */
    assert_string_equal(res.command[0], "preset store 3");
}

/* QLC+ Akai-APC40.qxi / Akai-APC40-mkII.qxi: CC 7 on ch 1-8. */
static void test_apc40(void **state)
{
    (void)state;
    static const char *const ids[] = {"akai-apc40", "akai-apc40-mk2"};
    for (int i = 0; i < 2; i++) {
        use(ids[i]);
        FEED(0xB0, 7, 127, 0xB3, 7, 64, 0xB6, 7, 32, 0xB7, 7, 127);
        expect((int[]){100, 0, 0, 50, 0, 0, 25});
        FEED(0x92, 51, 0x7F);                  /* Track Selection 3 */
        assert_string_equal(res.command[0], "preset recall 3");
        FEED(0x90, 98, 0x7F);                  /* Shift */
        assert_string_equal(res.command[0], "learn");
    }
}

/* QLC+ KORG-nanoKONTROL.qxi / Ardour Korg_nanoKONTROL.map, scene 1. */
static void test_nanokontrol(void **state)
{
    (void)state;
    use("korg-nanokontrol");
    FEED(0xB0, 2, 127, 0xB0, 6, 64, 0xB0, 9, 127, 0xB0, 7, 127);
    expect((int[]){100, 0, 0, 0, 50, 0, 100}); /* CC 7 is no slider */
    FEED(0xB0, 0x2F, 0x7F);                    /* << as Ardour binds it */
    assert_string_equal(res.command[0], "preset prev");
}

/* Ardour LAudio_EASYCONTROL9.map, preset 0: faders CC 3-11. */
static void test_easycontrol(void **state)
{
    (void)state;
    use("worlde-easycontrol-9");
    FEED(0xB0, 3, 127, 0xB0, 7, 64, 0xB0, 9, 127, 0xB0, 10, 127);
    expect((int[]){100, 0, 0, 0, 50, 0, 100});
}

/* Ardour Novation_LaunchKey49.map: faders CC 41-48, master CC 7. */
static void test_launchkey(void **state)
{
    (void)state;
    use("novation-launchkey");
    FEED(0xB0, 41, 127, 0xB0, 47, 64, 0xB0, 7, 127, 0xB0, 1, 127);
    expect((int[]){100, 0, 0, 0, 0, 0, 50});   /* master, mod wheel: no */
    FEED(0xB0, 102, 127);
    assert_string_equal(res.command[0], "preset next");
}

/* Ardour Arturia_KeyLab_49-61-88_mk2.map: faders CC 73,75,79,72,80-83. */
static void test_keylab_mk2(void **state)
{
    (void)state;
    use("arturia-keylab-mk2");
    FEED(0xB0, 73, 127, 0xB0, 72, 64, 0xB0, 82, 127);
    expect((int[]){100, 0, 0, 50, 0, 0, 100});
}

/* Ardour Arturia_MiniLab_3.map: four faders CC 14, 15, 30, 31. */
static void test_minilab3(void **state)
{
    (void)state;
    use("arturia-minilab-3");
    FEED(0xB0, 14, 127, 0xB0, 31, 64);
    expect((int[]){100, 0, 0, 50, 0, 0, 0});
    board.focus = 5;                           /* focus moved on screen */
    FEED(0xB0, 30, 0);                         /* 0 = demonstration's 0 */
    FEED(0xB0, 30, 127);
    expect((int[]){100, 0, 0, 50, 0, 0, 100});
}

/* Mixxx DJ TechTools MIDI Fighter Twister.midi.xml: CC 0-15 on ch 1. */
static void test_twister(void **state)
{
    (void)state;
    use("djtt-midi-fighter-twister");
    FEED(0xB0, 0, 127, 0xB0, 6, 64, 0xB1, 1, 127); /* a push: ch 2 */
    expect((int[]){100, 0, 0, 0, 0, 0, 50});
    board_set(&board, 3, 100);
    SENT(fb(false), 0xB0, 3, 127);             /* ring 4 full */
}

/* Ardour faderport.cc: fader CC 0/32, motor 0..1023, buttons poly. */
static void test_faderport(void **state)
{
    (void)state;
    use("presonus-faderport");
    size_t n = fb(true);
    SENT(n, 0x91, 0x00, 0x64);                 /* native mode */
    FEED(0xB0, 0x00, 0x7F, 0xB0, 0x20, 0x7F);  /* fader at the top */
    expect((int[]){100, 0, 0, 0, 0, 0, 0});
    n = fb(false);
    SENT(n, 0xB0, 0x00, 0x07, 0xB0, 0x20, 0x7F); /* echo: 1023 */
    FEED(0xA0, 21, 0x7F);                      /* Right: next element */
    assert_int_equal(board.focus, 1);
    board_set(&board, 1, 50);
    n = fb(false);
    SENT(n, 0xB0, 0x00, 0x04, 0xB0, 0x20, 0x00); /* 512 of 1023 */
    FEED(0xA0, 19, 0x7F);                      /* Left */
    assert_int_equal(board.focus, 0);
}

/* Ardour faderport8: faders 0xE0 + n, touch 0x68 + n, select 0x18 + n,
 * notes 0x00-0x05 are global buttons (no REC row). */
static void test_faderport8(void **state)
{
    (void)state;
    use("presonus-faderport8");
    FEED(0xE2, 0x7F, 0x7F);
    expect((int[]){0, 0, 100, 0, 0, 0, 0});
    FEED(0x90, 0x00, 0x7F);                    /* Arm: nothing */
    assert_int_equal(res.command_count, 0);
    FEED(0x90, 0x1A, 0x7F);                    /* select 3 */
    assert_string_equal(res.command[0], "preset recall 3");
    assert_false(prof.mackie_lcd);             /* PreSonus text: not ours */
}

/* Mackie: jetsonhacks (X-Touch Compact) PC 0; device query. */
static void test_connect_messages(void **state)
{
    (void)state;
    use("behringer-x-touch-compact");
    size_t n = fb(true);
    assert_true(n >= 2);
    assert_int_equal(out[0], 0xC0);
    assert_int_equal(out[1], 0x00);
    use("mackie-control");
    n = fb(true);
    const uint8_t query[] = {0xF0, 0x00, 0x00, 0x66, 0x14, 0x00, 0xF7};
    assert_memory_equal(out, query, sizeof query);
    /* the MCU answers with its serial and challenge (libMackieControl
     * doc): ID 0x14 kept; an XT answering 0x15 gets 0x15 */
    FEED(0xF0, 0x00, 0x00, 0x66, 0x15, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3,
         4, 0xF7);
    n = fb(false);
    SENT(n, 0xF0, 0x00, 0x00, 0x66, 0x15, 0x12, 0x00);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bcf2000),
        cmocka_unit_test(test_bcr2000),
        cmocka_unit_test(test_x_touch_extender),
        cmocka_unit_test(test_x_touch_one),
        cmocka_unit_test(test_smc_mixer),
        cmocka_unit_test(test_apc40),
        cmocka_unit_test(test_nanokontrol),
        cmocka_unit_test(test_easycontrol),
        cmocka_unit_test(test_launchkey),
        cmocka_unit_test(test_keylab_mk2),
        cmocka_unit_test(test_minilab3),
        cmocka_unit_test(test_twister),
        cmocka_unit_test(test_faderport),
        cmocka_unit_test(test_faderport8),
        cmocka_unit_test(test_connect_messages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
