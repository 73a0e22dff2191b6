/* test_surface_modes: what issue 11 added to the surface. Motor faders
 * echo their own moves while touched (Mackie: a fader returns to the last
 * position it was sent) and hold back values from elsewhere; the Mackie
 * SysEx device ID (0x15 for an extender, or the one the device names in
 * its own SysEx); 6 or 7 characters per LCD cell; the profile's connect
 * bytes; strips (one fader following the focus, four banking over seven);
 * a guessed profile that moves nothing until accepted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "surface.h"

static struct profile prof;
static struct surface surf;
static struct board board;
static struct surface_result res;
static uint8_t out[2048];

static void load(const char *text)
{
    struct diag_list d;
    diag_init(&d);
    if (!profile_parse(text, strlen(text), "t.ini", "t", &prof, &d))
        fail_msg("%s", d.count ? d.text[0] : "?");
    surface_init(&surf, &prof);
    board_init(&board);
}

#define FEED(...)                                                          \
    do {                                                                   \
        const uint8_t b_[] = {__VA_ARGS__};                                \
        surface_feed(&surf, b_, sizeof b_, 0, &board, &res);               \
    } while (0)

static const char *const labels[BOARD_ELEMENTS] = {
    "Goals", "Inquiry", "Task", "Evaluation", "Feedbk", "Plan", "Demo"};
static const char *const zones[ZONE_COUNT] = {"Teacher", "Co-cre.",
                                              "Student"};

static size_t fb(bool full)
{
    return surface_feedback(&surf, &board, labels, zones, full, out,
                            sizeof out);
}

#define MACKIE                                                             \
    "[controller]\nmotorized = yes\n[elements]\n"                          \
    "goals = pitchbend ch 1\ninquiry = pitchbend ch 2\n"                   \
    "[feedback]\nfaders = echo\ntouch = 104, 105\n"

/* Issue 11: "a touched fader's moves are echoed". */
static void test_touched_fader_echoes_its_own_moves(void **state)
{
    (void)state;
    load(MACKIE);
    fb(true);
    FEED(0x90, 104, 127);              /* touch fader 1 */
    FEED(0xE0, 0x15, 0x2A);            /* to 0x2A<<7 | 0x15 = 5397 */
    assert_int_equal(board.value[0], 33);
    size_t n = fb(false);
    const uint8_t echo[] = {0xE0, 0x15, 0x2A}; /* exactly as received */
    assert_int_equal(n, 3);
    assert_memory_equal(out, echo, 3);
    /* a position within the same board value is echoed too */
    FEED(0xE0, 0x16, 0x2A);
    assert_int_equal(board.value[0], 33);
    assert_int_equal(fb(false), 3);
    assert_int_equal(out[1], 0x16);
    /* a value from elsewhere (a preset) waits while the hand is on it */
    board_set(&board, 0, 80);
    surface_board_moved(&surf, &board);
    assert_int_equal(fb(false), 0);
    FEED(0x90, 104, 0);                /* release: now the motor moves */
    assert_int_equal(fb(false), 3);
    const uint8_t to80[] = {0xE0, 0x32, 0x66}; /* 13106 */
    assert_memory_equal(out, to80, 3);
    /* untouched: every change is sent, nothing twice */
    board_set(&board, 1, 100);
    assert_int_equal(fb(false), 3);
    assert_int_equal(out[0], 0xE1);
    assert_int_equal(fb(false), 0);
    /* X-Touch Compact style: CC faders with CC touch sensors */
    load("[controller]\nmotorized = yes\n[elements]\ngoals = cc 1\n"
         "[feedback]\nfaders = echo\nchannel = 1\ntouch = cc 101\n");
    fb(true);
    FEED(0xB0, 101, 127, 0xB0, 1, 90);
    assert_int_equal(fb(false), 3);
    const uint8_t cc_echo[] = {0xB0, 1, 90};
    assert_memory_equal(out, cc_echo, 3);
}

static void test_extender_and_device_id(void **state)
{
    (void)state;
    load(MACKIE "lcd = mackie-xt\n");
    size_t n = fb(true);
    assert_true(n > 7);
    const uint8_t xt[] = {0xF0, 0x00, 0x00, 0x66, 0x15, 0x12, 0x00};
    assert_memory_equal(out, xt, sizeof xt);
    /* the main unit, as a profile says it: 0x14 */
    load(MACKIE "lcd = mackie\n");
    fb(true);
    assert_int_equal(out[4], 0x14);
    /* the device's reply to the device query names it 0x15: the strips
     * are written again with that ID, top row and bottom row */
    FEED(0xF0, 0x00, 0x00, 0x66, 0x15, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
         11, 0xF7);
    assert_int_equal(surf.lcd_id, 0x15);
    n = fb(false);
    assert_int_equal(n, 14 * 15);
    for (size_t i = 0; i < n; i += 15) {
        assert_int_equal(out[i], 0xF0);
        assert_int_equal(out[i + 4], 0x15);
    }
    assert_int_equal(fb(false), 0);
    /* other SysEx leaves it alone: another maker, an unknown ID, short */
    FEED(0xF0, 0x00, 0x20, 0x32, 0x14, 0x01, 0xF7);
    FEED(0xF0, 0x00, 0x00, 0x66, 0x58, 0x01, 0xF7);
    FEED(0xF0, 0x00, 0x00, 0x66, 0xF7);
    assert_int_equal(surf.lcd_id, 0x15);
    assert_int_equal(fb(false), 0);
    /* Logic Control IDs are taken too (Ardour does) */
    FEED(0xF0, 0x00, 0x00, 0x66, 0x10, 0x01, 0xF7);
    assert_int_equal(surf.lcd_id, 0x10);
}

static void test_lcd_cells(void **state)
{
    (void)state;
    load(MACKIE "lcd = mackie\n");
    fb(true);
    /* label cell of element 4 ("Evaluation"), 6 characters and a gap */
    assert_memory_equal(out + 3 * 15 + 7, "Evalua ", 7);
    load(MACKIE "lcd = mackie\nlcd-chars = 7\n");
    fb(true);
    assert_memory_equal(out + 3 * 15 + 7, "Evaluat", 7);
    assert_memory_equal(out + 1 * 15 + 7, "Inquiry", 7);
}

static void test_connect_bytes(void **state)
{
    (void)state;
    load("[elements]\ngoals = cc 1\n[feedback]\nfaders = echo\n"
         "connect = C0 00 F0 00 00 66 14 00 F7\n");
    size_t n = fb(true);
    const uint8_t want[] = {0xC0, 0x00, 0xF0, 0x00, 0x00, 0x66, 0x14, 0x00,
                            0xF7, 0xB0, 1, 0};
    assert_int_equal(n, sizeof want);
    assert_memory_equal(out, want, sizeof want);
    assert_int_equal(fb(false), 0); /* once per connect */
    /* too small a buffer: whole or nothing, then the next call */
    surface_init(&surf, &prof);
    assert_int_equal(surface_feedback(&surf, &board, NULL, NULL, true, out,
                                      4), 0);
    assert_int_equal(surface_feedback(&surf, &board, NULL, NULL, false, out,
                                      sizeof out), sizeof want);
}

/* X-Touch One / original FaderPort: one motor fader follows the focus. */
static void test_one_strip_follows_focus(void **state)
{
    (void)state;
    load("[controller]\nmotorized = yes\n[strips]\n1 = pitchbend ch 1\n"
         "next = note 47\nprev = note 46\nselect = relative-signed cc 60\n"
         "[feedback]\nfaders = echo\ntouch = 104\nlcd = mackie\n"
         "lcd-chars = 7\n");
    board_set(&board, 2, 50);
    board.focus = 0;
    size_t n = fb(true);
    /* one label cell (Goals), the motor at 0, one zone cell */
    assert_int_equal(n, 15 + 3 + 15);
    assert_memory_equal(out + 7, "Goals  ", 7);
    FEED(0xE0, 0x7F, 0x7F);
    assert_int_equal(board.value[0], 100);
    assert_int_equal(board.value[1], 0);
    fb(false);
    /* next: the fader now drives inquiry; motor and LCD follow */
    FEED(0x90, 47, 127);
    assert_true(res.focus_changed);
    assert_int_equal(board.focus, 1);
    assert_int_equal(res.command_count, 0);
    n = fb(false);
    assert_int_equal(n, 15 + 3 + 15);
    assert_memory_equal(out + 7, "Inquiry", 7);
    const uint8_t motor0[] = {0xE0, 0, 0};
    assert_memory_equal(out + 15, motor0, 3);
    FEED(0xE0, 0x00, 0x40);
    assert_int_equal(board.value[1], 50);
    assert_int_equal(board.value[0], 100);
    /* the encoder moves the focus by one per message, either way */
    FEED(0xB0, 60, 0x01);
    assert_int_equal(board.focus, 2);
    FEED(0xB0, 60, 0x41);
    FEED(0xB0, 60, 0x41);
    assert_int_equal(board.focus, 0);
    FEED(0x90, 46, 127); /* prev at the first element: stays */
    assert_int_equal(board.focus, 0);
    /* the focus moved on screen (keys, mouse): the motor follows too */
    fb(false);
    board.focus = 6;
    n = fb(false);
    assert_memory_equal(out + 7, "Demo   ", 7);
    FEED(0x90, 47, 127); /* next at the last element: stays */
    assert_int_equal(board.focus, 6);
}

/* A non-motorized single fader: after the focus moves, takeover. */
static void test_one_strip_takeover(void **state)
{
    (void)state;
    load("[strips]\n1 = cc 7\nnext = cc 20\n");
    board_set(&board, 1, 80);
    FEED(0xB0, 7, 0);                  /* goals to 0 */
    assert_int_equal(board.value[0], 0);
    FEED(0xB0, 20, 127);               /* next: inquiry, at 80 */
    assert_int_equal(board.focus, 1);
    int g;
    assert_true(surface_ghost(&surf, 1, &g));
    assert_int_equal(g, 0);
    assert_false(surface_ghost(&surf, 0, &g));
    FEED(0xB0, 7, 40);
    assert_int_equal(board.value[1], 80); /* no jump */
    assert_int_equal(board.value[0], 0);
    FEED(0xB0, 7, 110);                /* crossed 80: caught */
    assert_int_equal(board.value[1], 87);
    assert_false(surface_ghost(&surf, 1, &g));
}

/* A strip on CC 0 with no select encoder: CC 0 moves the strip only (an
 * unset select once matched CC 0 and moved the focus). */
static void test_strip_on_cc0(void **state)
{
    (void)state;
    load("[strips]\n1 = cc14 0\n");
    board.focus = 3;
    FEED(0xB0, 0, 127, 0xB0, 32, 127);
    assert_int_equal(board.focus, 3);
    assert_int_equal(board.value[3], 100);
    assert_false(res.focus_changed);
}

/* MiniLab 3: four faders bank over the seven elements (1-4, 5-7). */
static void test_four_strips_bank(void **state)
{
    (void)state;
    load("[strips]\n1 = cc 14\n2 = cc 15\n3 = cc 30\n4 = cc 31\n"
         "next = cc 50\nprev = cc 51\n");
    FEED(0xB0, 14, 127, 0xB0, 31, 127);
    assert_int_equal(board.value[0], 100);
    assert_int_equal(board.value[3], 100);
    assert_int_equal(surface_slot_element(&surf, 3), 3);
    FEED(0xB0, 50, 127);               /* next bank: 5-7 */
    assert_int_equal(board.focus, 4);
    assert_int_equal(surface_slot_element(&surf, 0), 4);
    assert_int_equal(surface_slot_element(&surf, 3), -1);
    /* the faders sit at 127 (from bank 1): far from 0, no jump */
    FEED(0xB0, 14, 126);
    assert_int_equal(board.value[4], 0);
    FEED(0xB0, 15, 0);                 /* near inquiry's 0: caught */
    assert_int_equal(board.value[5], 0);
    FEED(0xB0, 15, 64);
    assert_int_equal(board.value[5], 50);
    FEED(0xB0, 31, 0);                 /* strip 4 has no element here */
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        assert_int_equal(board.value[e], e == 0 || e == 3 ? 100
                                         : e == 5 ? 50 : 0);
    FEED(0xB0, 50, 127);               /* no bank after 5-7 */
    assert_int_equal(board.focus, 5);
    FEED(0xB0, 51, 127);
    assert_int_equal(board.focus, 0);
    /* back on bank 1: fader 1 sits at 99, near goals' 100: caught; fader 2
     * sits at 50 (moved on bank 2), inquiry is 0: it waits (ghost) */
    int g;
    assert_false(surface_ghost(&surf, 0, &g));
    assert_true(surface_ghost(&surf, 1, &g));
    assert_int_equal(g, 50);
    FEED(0xB0, 14, 127);
    assert_int_equal(board.value[0], 100);
    FEED(0xB0, 15, 30);
    assert_int_equal(board.value[1], 0);
}

/* An unknown device through the generic guess (issue 11): a keyboard's
 * mod wheel (CC 1), data entry (CC 6), volume (CC 7) move nothing until
 * the room accepts; the result says what was heard. */
static void test_guess_held_until_accepted(void **state)
{
    (void)state;
    load("[controller]\nguess = yes\n[elements]\ngoals = cc 1\n"
         "plan = cc 6\ndemonstration = cc 7\n[buttons]\ncc 20 = learn\n");
    assert_true(surf.held);
    FEED(0xB0, 1, 127, 0xB0, 6, 100, 0xB0, 7, 90);
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        assert_int_equal(board.value[e], 0);
    assert_false(res.board_changed);
    assert_true(res.unknown_spoke);
    assert_string_equal(res.heard, "cc 7 ch 1");
    FEED(0xB2, 20, 127);               /* no command either */
    assert_int_equal(res.command_count, 0);
    FEED(0xE3, 0, 0x40);
    assert_true(res.unknown_spoke);
    assert_string_equal(res.heard, "pitchbend ch 4");
    FEED(0x90, 60, 100);               /* keys played: not a fader */
    assert_false(res.unknown_spoke);
    surface_accept_guess(&surf);
    FEED(0xB0, 1, 127);
    assert_int_equal(board.value[0], 100);
    assert_false(res.unknown_spoke);
    /* a profile that is no guess drives the board at once */
    load("[elements]\ngoals = cc 1\n");
    assert_false(surf.held);
    FEED(0xB0, 1, 127);
    assert_int_equal(board.value[0], 100);
}

/* APC40: the same CC 7 on channels 1-7 drives seven elements. */
static void test_same_cc_on_channels(void **state)
{
    (void)state;
    load("[elements]\ngoals = cc 7 ch 1\ninquiry = cc 7 ch 2\n"
         "task = cc 7 ch 3\nevaluation = cc 7 ch 4\nfeedback = cc 7 ch 5\n"
         "plan = cc 7 ch 6\ndemonstration = cc 7 ch 7\n");
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        FEED((uint8_t)(0xB0 | e), 7, (uint8_t)(10 + e * 10));
        assert_int_equal(res.touched, e);
    }
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        assert_int_equal(board.value[e], (2 * (10 + e * 10) * 100 + 127) /
                                             254);
    FEED(0xB7, 7, 127); /* channel 8 (the APC40's eighth fader): nothing */
    assert_int_equal(res.touched, -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_touched_fader_echoes_its_own_moves),
        cmocka_unit_test(test_extender_and_device_id),
        cmocka_unit_test(test_lcd_cells),
        cmocka_unit_test(test_connect_bytes),
        cmocka_unit_test(test_one_strip_follows_focus),
        cmocka_unit_test(test_one_strip_takeover),
        cmocka_unit_test(test_four_strips_bank),
        cmocka_unit_test(test_strip_on_cc0),
        cmocka_unit_test(test_guess_held_until_accepted),
        cmocka_unit_test(test_same_cc_on_channels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
