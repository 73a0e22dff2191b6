/* Board values, zones and their boundaries, hysteresis, commands. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "board.h"
#include "command.h"

static void element_ids_in_order(void **state)
{
    (void)state;
    const char *ids[] = {"goals", "inquiry", "task", "evaluation",
                         "feedback", "plan", "demonstration"};
    for (int i = 0; i < BOARD_ELEMENTS; i++) {
        assert_string_equal(board_element_id(i), ids[i]);
        assert_int_equal(board_element_index(ids[i]), i);
    }
    assert_null(board_element_id(7));
    assert_null(board_element_id(-1));
    assert_int_equal(board_element_index("Goals"), -1);
    assert_int_equal(board_element_index(NULL), -1);
}

static void zone_boundaries(void **state)
{
    (void)state;
    /* teacher-generated below 100/3, student-generated above 200/3 */
    for (int v = 0; v <= 100; v++) {
        enum zone expect = v * 3 < 100   ? ZONE_TEACHER
                           : v * 3 > 200 ? ZONE_STUDENT
                                         : ZONE_COCREATED;
        assert_int_equal(zone_for_value(v), expect);
    }
    assert_int_equal(zone_for_value(33), ZONE_TEACHER);
    assert_int_equal(zone_for_value(34), ZONE_COCREATED);
    assert_int_equal(zone_for_value(66), ZONE_COCREATED);
    assert_int_equal(zone_for_value(67), ZONE_STUDENT);
    assert_int_equal(zone_for_value(-5), ZONE_TEACHER);
    assert_int_equal(zone_for_value(500), ZONE_STUDENT);
    assert_string_equal(zone_id(ZONE_TEACHER), "teacher-generated");
    assert_string_equal(zone_id(ZONE_COCREATED), "co-created");
    assert_string_equal(zone_id(ZONE_STUDENT), "student-generated");
    assert_int_equal(zone_from_id("co-created"), ZONE_COCREATED);
    assert_int_equal(zone_from_id("middle"), -1);
    for (int z = 0; z < ZONE_COUNT; z++)
        assert_int_equal(zone_for_value(zone_centre(z)), z);
}

static void exact_set_shows_exact_zone(void **state)
{
    (void)state;
    struct board b;
    board_init(&b);
    assert_true(board_set(&b, 0, 34));
    assert_int_equal(b.zone[0], ZONE_COCREATED);
    assert_false(board_set(&b, 0, 34));
    assert_true(board_set(&b, 0, 33));
    assert_int_equal(b.zone[0], ZONE_TEACHER);
    assert_true(board_set(&b, 6, 250));
    assert_int_equal(b.value[6], 100);
    assert_false(board_set(&b, 7, 10));
}

static void live_input_has_hysteresis(void **state)
{
    (void)state;
    struct board b;
    board_init(&b);
    board_set(&b, 1, 30);
    /* Jitter around the 33/34 boundary keeps the zone... */
    board_set_live(&b, 1, 34);
    assert_int_equal(b.zone[1], ZONE_TEACHER);
    board_set_live(&b, 1, 35);
    assert_int_equal(b.zone[1], ZONE_TEACHER);
    board_set_live(&b, 1, 33);
    assert_int_equal(b.zone[1], ZONE_TEACHER);
    /* ...a clear move changes it... */
    board_set_live(&b, 1, 36);
    assert_int_equal(b.zone[1], ZONE_COCREATED);
    /* ...and coming back needs a clear move too. */
    board_set_live(&b, 1, 32);
    assert_int_equal(b.zone[1], ZONE_COCREATED);
    board_set_live(&b, 1, 31);
    assert_int_equal(b.zone[1], ZONE_TEACHER);
    /* A jump across a whole zone lands exactly. */
    board_set_live(&b, 1, 90);
    assert_int_equal(b.zone[1], ZONE_STUDENT);
    assert_int_equal(b.value[1], 90);
    /* An exact set always shows the exact zone. */
    board_set(&b, 1, 66);
    assert_int_equal(b.zone[1], ZONE_COCREATED);
}

static void parse_ok(const char *text, enum command_kind kind, int element,
                     int value)
{
    struct command c;
    char err[128] = "";
    assert_true(command_parse(text, &c, err, sizeof err));
    assert_int_equal(c.kind, kind);
    assert_int_equal(c.element, element);
    assert_int_equal(c.value, value);
}

static void commands_parse(void **state)
{
    (void)state;
    parse_ok("select next", CMD_SELECT, -1, 1);
    parse_ok("select prev", CMD_SELECT, -1, -1);
    parse_ok("select plan", CMD_SELECT, 5, 0);
    parse_ok("nudge +10", CMD_NUDGE, -1, 10);
    parse_ok("  nudge   -1 ", CMD_NUDGE, -1, -1);
    parse_ok("set task 40", CMD_SET, 2, 40);
    parse_ok("zone student-generated", CMD_ZONE, -1, ZONE_STUDENT);
    parse_ok("theme high-contrast", CMD_THEME, -1, 2);
    parse_ok("theme next", CMD_THEME, -1, -1);
    parse_ok("overlay questions", CMD_OVERLAY, -1, OVERLAY_QUESTIONS);
    parse_ok("preset recall 9", CMD_PRESET_RECALL, -1, 9);
    parse_ok("preset store 1", CMD_PRESET_STORE, -1, 1);
    parse_ok("preset next", CMD_PRESET_NEXT, -1, 0);
    parse_ok("preset save", CMD_PRESET_SAVE, -1, 0);
    parse_ok("learn", CMD_LEARN, -1, 0);
    parse_ok("glide next", CMD_GLIDE, -1, -1);
    parse_ok("glide 1500", CMD_GLIDE, -1, 1500);
    parse_ok("quit", CMD_QUIT, -1, 0);
}

static void commands_reject(void **state)
{
    (void)state;
    const char *bad[] = {"", "   ", "jump", "select", "select nothing",
                         "nudge 0", "nudge +101", "nudge x", "set goals",
                         "set goals 101", "set goals -1", "set goal 5",
                         "zone middle", "theme purple", "preset recall 0",
                         "preset recall 10", "preset fly", "quit now",
                         "overlay everything", "a b c d e",
                         "glide 60001", "glide slow"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct command c;
        char err[128] = "";
        if (command_parse(bad[i], &c, err, sizeof err))
            fail_msg("'%s' should not parse", bad[i]);
        assert_true(strlen(err) > 0);
    }
}

static void commands_apply(void **state)
{
    (void)state;
    struct board b;
    board_init(&b);
    struct command c;
    char err[64];
    command_parse("select prev", &c, err, sizeof err);
    assert_true(command_apply_to_board(&c, &b));
    assert_int_equal(b.focus, 6); /* wraps around */
    command_parse("nudge +10", &c, err, sizeof err);
    command_apply_to_board(&c, &b);
    command_apply_to_board(&c, &b);
    assert_int_equal(b.value[6], 20);
    command_parse("nudge -100", &c, err, sizeof err);
    command_apply_to_board(&c, &b);
    assert_int_equal(b.value[6], 0);
    assert_false(command_apply_to_board(&c, &b)); /* already at 0 */
    command_parse("zone co-created", &c, err, sizeof err);
    command_apply_to_board(&c, &b);
    assert_int_equal(b.zone[6], ZONE_COCREATED);
    command_parse("set goals 80", &c, err, sizeof err);
    command_apply_to_board(&c, &b);
    assert_int_equal(b.value[0], 80);
    assert_int_equal(b.focus, 0);
    command_parse("quit", &c, err, sizeof err);
    assert_false(command_apply_to_board(&c, &b));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(element_ids_in_order),
        cmocka_unit_test(zone_boundaries),
        cmocka_unit_test(exact_set_shows_exact_zone),
        cmocka_unit_test(live_input_has_hysteresis),
        cmocka_unit_test(commands_parse),
        cmocka_unit_test(commands_reject),
        cmocka_unit_test(commands_apply),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
