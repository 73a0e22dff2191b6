/* test_command: the command table. Every command kind has exactly one row,
 * every row's usage (with its placeholders filled) parses back to that
 * row's kind, and wrong arguments give the messages keys.ini and profile
 * checks show. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "command.h"

/* A usage with its placeholders filled by valid words. */
static void example(const struct command_def *d, char *out, size_t cap)
{
    static const char *const fill[] = {
        [COMMAND_ARG_NONE] = "", [COMMAND_ARG_ELEMENT_OR_STEP] = " goals",
        [COMMAND_ARG_DELTA] = " +5", [COMMAND_ARG_ELEMENT_VALUE] = " plan 40",
        [COMMAND_ARG_ZONE] = " co-created", [COMMAND_ARG_THEME] = " light",
        [COMMAND_ARG_OVERLAY] = " help", [COMMAND_ARG_SLOT] = " 3",
        [COMMAND_ARG_MS] = " 2000", [COMMAND_ARG_STEP] = " 4",
    };
    snprintf(out, cap, "%s%s%s%s", d->verb, d->sub ? " " : "",
             d->sub ? d->sub : "", fill[d->arg]);
}

static void every_kind_once_and_every_row_parses(void **state)
{
    (void)state;
    int n;
    const struct command_def *d = command_defs(&n);
    int seen[CMD_QUIT + 1] = {0};
    for (int i = 0; i < n; i++) {
        char text[96], err[128];
        struct command c;
        example(&d[i], text, sizeof text);
        assert_true(command_parse(text, &c, err, sizeof err));
        assert_int_equal(c.kind, d[i].kind);
        assert_non_null(strstr(d[i].usage, d[i].verb));
        seen[d[i].kind]++;
    }
    for (int k = CMD_NONE + 1; k <= CMD_QUIT; k++)
        assert_int_equal(seen[k], 1);
}

static void wrong_arguments_are_named(void **state)
{
    (void)state;
    struct command c;
    char err[160];
    assert_false(command_parse("learn now", &c, err, sizeof err));
    assert_string_equal(err, "'learn' takes no arguments");
    assert_false(command_parse("preset recall 12", &c, err, sizeof err));
    assert_string_equal(err, "preset slot '12' is not 1..9");
    assert_false(command_parse("preset jump", &c, err, sizeof err));
    assert_non_null(strstr(err, "usage: preset recall N"));
    assert_false(command_parse("arc step 53", &c, err, sizeof err));
    assert_string_equal(err, "arc step '53' is not 1..52");
    assert_false(command_parse("arc rewind", &c, err, sizeof err));
    assert_non_null(strstr(err, "usage: arc play | arc stop"));
    assert_true(command_parse("arc step 52", &c, err, sizeof err));
    assert_int_equal(c.kind, CMD_ARC_STEP);
    assert_int_equal(c.value, 52);
    assert_false(command_parse("set goals", &c, err, sizeof err));
    assert_string_equal(err, "unknown or malformed command 'set'");
    assert_false(command_parse("teleport", &c, err, sizeof err));
    assert_string_equal(err, "unknown or malformed command 'teleport'");
    assert_true(command_parse("select prev", &c, err, sizeof err));
    assert_int_equal(c.value, -1);
    assert_int_equal(c.element, -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_kind_once_and_every_row_parses),
        cmocka_unit_test(wrong_arguments_are_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
