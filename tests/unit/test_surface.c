/* test_surface: mapping (14-bit, pitch bend, relative kinds, NRPN),
 * buttons, soft takeover (table), ghost, feedback bytes (motor pitch
 * bend, CC echo, zone LEDs, Mackie LCD layout, full vs incremental). */
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

static void load(const char *elements, const char *rest, bool motorized)
{
    char text[2048];
    snprintf(text, sizeof text,
             "[controller]\nname = T\nmotorized = %s\n[elements]\n%s%s",
             motorized ? "yes" : "no", elements, rest);
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

static void test_cc7_rounding(void **state)
{
    (void)state;
    load("goals = cc 7\n", "", false);
    static const int raw[] = {0, 1, 63, 64, 126, 127};
    static const int want[] = {0, 1, 50, 50, 99, 100};
    for (int i = 0; i < 6; i++) {
        FEED(0xB3, 7, (uint8_t)raw[i]);
        assert_int_equal(board.value[0], want[i]);
        assert_int_equal(res.touched, 0);
    }
    assert_int_equal(res.messages, 1);
}

static void test_cc14(void **state)
{
    (void)state;
    load("task = cc14 1 ch 1\n", "", false);
    FEED(0xB0, 1, 0x40, 0xB0, 33, 0x00);   /* 8192 */
    assert_int_equal(board.value[2], 50);
    FEED(0xB0, 1, 0x7F, 33, 0x7F);         /* 16383, running status */
    assert_int_equal(board.value[2], 100);
    FEED(0xB1, 1, 0, 33, 0);               /* other channel: ignored */
    assert_int_equal(board.value[2], 100);
    FEED(0xB0, 1, 0, 33, 0);
    assert_int_equal(board.value[2], 0);
    assert_int_equal(board.focus, 2);
}

static void test_pitch_bend(void **state)
{
    (void)state;
    load("goals = pitchbend ch 1\ninquiry = pitchbend ch 2\n", "", true);
    FEED(0xE1, 0x7F, 0x7F, 0xE0, 0x00, 0x40);
    assert_int_equal(board.value[1], 100);
    assert_int_equal(board.value[0], 50);
    assert_true(res.board_changed);
    FEED(0xE0, 0x00, 0x40);
    assert_false(res.board_changed);
}

static void test_relative(void **state)
{
    (void)state;
    load("goals = relative-twos cc 16\ninquiry = relative-offset cc 17\n"
         "task = relative-signed cc 18\n", "", false);
    for (int e = 0; e < 3; e++)
        board_set(&board, e, 50);
    FEED(0xB0, 16, 3, 16, 125);          /* +3 -3 */
    assert_int_equal(board.value[0], 50);
    FEED(0xB0, 16, 5);
    assert_int_equal(board.value[0], 55);
    FEED(0xB0, 16, 0x7F);                /* -1 */
    assert_int_equal(board.value[0], 54);
    FEED(0xB0, 17, 70, 17, 64);          /* +6, 0 */
    assert_int_equal(board.value[1], 56);
    FEED(0xB0, 17, 60);                  /* -4 */
    assert_int_equal(board.value[1], 52);
    FEED(0xB0, 18, 0x42);                /* sign set: -2 */
    assert_int_equal(board.value[2], 48);
    FEED(0xB0, 18, 0x07);
    assert_int_equal(board.value[2], 55);
    for (int i = 0; i < 80; i++)
        FEED(0xB0, 18, 0x3F);            /* clamps at 100 */
    assert_int_equal(board.value[2], 100);
    /* after a board move relative controls still act at once */
    board_set(&board, 0, 10);
    surface_board_moved(&surf, &board);
    FEED(0xB0, 16, 1);
    assert_int_equal(board.value[0], 11);
    int g;
    assert_false(surface_ghost(&surf, 0, &g));
}

static void test_nrpn(void **state)
{
    (void)state;
    load("plan = nrpn 300 ch 1\n", "", false);
    /* param 300 = MSB 2, LSB 44; value 16383 */
    FEED(0xB0, 99, 2, 98, 44, 6, 0x7F, 38, 0x7F);
    assert_int_equal(board.value[5], 100);
    FEED(0xB0, 6, 0x40, 38, 0);
    assert_int_equal(board.value[5], 50);
    /* another parameter does not move it */
    FEED(0xB0, 99, 2, 98, 45, 6, 0, 38, 0);
    assert_int_equal(board.value[5], 50);
    /* RPN selection stops data entry from reaching it */
    FEED(0xB0, 101, 0, 100, 0, 6, 0, 38, 0);
    assert_int_equal(board.value[5], 50);
}

static void test_buttons(void **state)
{
    (void)state;
    load("goals = cc 0\n",
         "[buttons]\ncc 58 = preset prev\nnote 25 ch 1 = learn\n"
         "note 26 = preset recall 3\n", false);
    FEED(0xB0, 58, 127, 58, 0, 0x90, 25, 100, 0x80, 25, 0, 0x91, 25, 100,
         0x95, 26, 1, 0x95, 26, 0);
    assert_int_equal(res.command_count, 3);
    assert_string_equal(res.command[0], "preset prev");
    assert_string_equal(res.command[1], "learn");   /* ch 2 note 25: no */
    assert_string_equal(res.command[2], "preset recall 3");
    assert_int_equal(board.value[0], 0);
}

/* Soft takeover: the board moves to `screen` by other means while the
 * fader sits at `before`; then the fader sends `moves`; `want` is the
 * value after each, `ghost` whether a ghost shows after each. */
static void test_takeover_table(void **state)
{
    (void)state;
    static const struct {
        int before, screen, moves[4], want[4];
        bool ghost[4];
    } cases[] = {
        /* moving toward the screen value from below: catches on reach */
        {20, 60, {30, 50, 60, 70}, {60, 60, 60, 70}, {1, 1, 0, 0}},
        /* crossing it in one jump catches (fast fader) */
        {20, 60, {40, 80, 75, -1}, {60, 80, 75, 0}, {1, 0, 0, 0}},
        /* moving away never catches */
        {50, 60, {40, 30, 20, -1}, {60, 60, 60, 0}, {1, 1, 1, 0}},
        /* from above, down through it */
        {90, 40, {80, 50, 35, 30}, {40, 40, 35, 30}, {1, 1, 0, 0}},
        /* within 2 of the screen value counts as reached */
        {10, 50, {48, 47, -1, -1}, {48, 47, 0, 0}, {0, 0, 0, 0}},
        /* screen moved to where the fader is: still caught */
        {30, 31, {40, -1, -1, -1}, {40, 0, 0, 0}, {0, 0, 0, 0}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        load("goals = cc 7\n", "", false);
        FEED(0xB0, 7, (uint8_t)(cases[i].before * 127 / 100 + 1));
        int before = board.value[0];
        assert_true(before >= cases[i].before &&
                    before <= cases[i].before + 1);
        board_set(&board, 0, cases[i].screen);
        surface_board_moved(&surf, &board);
        for (int k = 0; k < 4 && cases[i].moves[k] >= 0; k++) {
            int m = cases[i].moves[k];
            int raw = (m * 127 + 50) / 100;
            FEED(0xB0, 7, (uint8_t)raw);
            int g = -1;
            bool gh = surface_ghost(&surf, 0, &g);
            if (board.value[0] != cases[i].want[k] ||
                gh != cases[i].ghost[k])
                fail_msg("case %zu move %d: value %d ghost %d, want %d %d",
                         i, k, board.value[0], gh, cases[i].want[k],
                         cases[i].ghost[k]);
            if (gh)
                assert_int_equal(g, m);
        }
    }
}

static void test_takeover_unknown_and_motorized(void **state)
{
    (void)state;
    /* never heard from: at connect the first move takes the value */
    load("goals = cc 7\n", "", false);
    board_set(&board, 0, 80);
    FEED(0xB0, 7, 0);
    assert_int_equal(board.value[0], 0);
    /* unknown position after a board move: a far first value is a ghost */
    load("goals = cc 7\n", "", false);
    board_set(&board, 0, 80);
    surface_board_moved(&surf, &board);
    int g;
    assert_false(surface_ghost(&surf, 0, &g)); /* not known yet */
    FEED(0xB0, 7, 0);
    assert_int_equal(board.value[0], 80);
    assert_true(surface_ghost(&surf, 0, &g));
    assert_int_equal(g, 0);
    /* motorized: no takeover, the value follows at once */
    load("goals = pitchbend ch 1\n", "", true);
    FEED(0xE0, 0, 0x20);
    board_set(&board, 0, 90);
    surface_board_moved(&surf, &board);
    FEED(0xE0, 0, 0x10);
    assert_int_equal(board.value[0], 13);
    assert_false(surface_ghost(&surf, 0, &g));
}

static const char *const labels[BOARD_ELEMENTS] = {
    "Goals", "Inquiry", "Task", "Evaluation", "Feedbk", "Plan", "Demo"};
static const char *const zones[ZONE_COUNT] = {"Teacher", "Co-cr", "Student"};

static void test_mackie_feedback(void **state)
{
    (void)state;
    load("goals = pitchbend ch 1\ninquiry = pitchbend ch 2\n",
         "[feedback]\nfaders = echo\ntouch = 104, 105\nlcd = mackie\n", true);
    board_set(&board, 0, 100);
    board_set(&board, 1, 50);
    uint8_t out[1024];
    size_t n = surface_feedback(&surf, &board, labels, zones, true, out,
                                sizeof out);
    /* 7 label cells, then per mapped element: pitch bend + zone cell;
     * unmapped elements get their zone cell only */
    size_t cell = 15;
    assert_int_equal(n, 7 * cell + 2 * 3 + 7 * cell);
    const uint8_t head[] = {0xF0, 0x00, 0x00, 0x66, 0x14, 0x12};
    assert_memory_equal(out, head, 6);
    assert_int_equal(out[6], 0);
    assert_memory_equal(out + 7, "Goals  ", 7);
    assert_int_equal(out[14], 0xF7);
    assert_int_equal(out[3 * cell + 6], 21);
    /* 6 characters and a blank per 7-wide cell (one continuous LCD) */
    assert_memory_equal(out + 3 * cell + 7, "Evalua ", 7);
    const uint8_t *p = out + 7 * cell;
    const uint8_t pb0[] = {0xE0, 0x7F, 0x7F};
    assert_memory_equal(p, pb0, 3);
    assert_memory_equal(p + 3, head, 6);
    assert_int_equal(p[9], 56);
    assert_memory_equal(p + 10, "Studen ", 7);
    p += 3 + cell;
    const uint8_t pb1[] = {0xE1, 0x00, 0x40}; /* 8192 */
    assert_memory_equal(p, pb1, 3);
    assert_int_equal(p[9], 63);
    assert_memory_equal(p + 10, "Co-cr  ", 7);
    /* nothing changed: nothing sent */
    assert_int_equal(surface_feedback(&surf, &board, labels, zones, false,
                                      out, sizeof out), 0);
    /* a change sends that element only */
    board_set(&board, 1, 0);
    n = surface_feedback(&surf, &board, labels, zones, false, out,
                         sizeof out);
    assert_int_equal(n, 3 + cell);
    assert_int_equal(out[0], 0xE1);
    assert_memory_equal(out + 3 + 7, "Teache ", 7);
    /* a touched fader is left alone until released */
    FEED(0x90, 104, 127);
    board_set(&board, 0, 10);
    n = surface_feedback(&surf, &board, labels, zones, false, out,
                         sizeof out);
    assert_int_equal(n, cell); /* zone text only, no motor */
    FEED(0x90, 104, 0);
    n = surface_feedback(&surf, &board, labels, zones, false, out,
                         sizeof out);
    assert_int_equal(n, 3);
    assert_int_equal(out[0], 0xE0);
}

static void test_cc_echo_leds_and_small_buffer(void **state)
{
    (void)state;
    load("goals = cc 1\ninquiry = cc14 2\n",
         "[feedback]\nfaders = echo\nchannel = 11\nled-on = 1\n"
         "zone-leds.goals = note 0, note 8, note 16 ch 2\n", false);
    board_set(&board, 0, 100);
    board_set(&board, 1, 50);
    uint8_t out[64];
    size_t n = surface_feedback(&surf, &board, NULL, NULL, true, out,
                                sizeof out);
    const uint8_t want[] = {
        0xBA, 1, 127,                       /* goals on channel 11 */
        0x9A, 0, 0, 0x9A, 8, 0, 0x91, 16, 1, /* student zone lit */
        0xBA, 2, 0x40, 0xBA, 34, 0x00,      /* 14-bit 8192 */
    };
    assert_int_equal(n, sizeof want);
    assert_memory_equal(out, want, sizeof want);
    /* a buffer too small for a whole message sends nothing yet ... */
    surface_init(&surf, &prof);
    n = surface_feedback(&surf, &board, NULL, NULL, true, out, 2);
    assert_int_equal(n, 0);
    /* ... and the rest goes with the next call */
    n = surface_feedback(&surf, &board, NULL, NULL, false, out, 3);
    assert_int_equal(n, 3);
    n = surface_feedback(&surf, &board, NULL, NULL, false, out, sizeof out);
    assert_int_equal(n, sizeof want - 3);
    /* no echo asked: nothing */
    load("goals = cc 1\n", "", false);
    assert_int_equal(surface_feedback(&surf, &board, NULL, NULL, true, out,
                                      sizeof out), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cc7_rounding),
        cmocka_unit_test(test_cc14),
        cmocka_unit_test(test_pitch_bend),
        cmocka_unit_test(test_relative),
        cmocka_unit_test(test_nrpn),
        cmocka_unit_test(test_buttons),
        cmocka_unit_test(test_takeover_table),
        cmocka_unit_test(test_takeover_unknown_and_motorized),
        cmocka_unit_test(test_mackie_feedback),
        cmocka_unit_test(test_cc_echo_leds_and_small_buffer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
