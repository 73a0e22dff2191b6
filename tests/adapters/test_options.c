/* Command-line parsing: the exact options, their checks and messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "options.h"

static bool parse(struct options *o, char *err, size_t errlen, ...)
{
    char *argv[32] = {"soundboard"};
    int argc = 1;
    va_list ap;
    va_start(ap, errlen);
    for (char *s; (s = va_arg(ap, char *)) != NULL;)
        argv[argc++] = s;
    va_end(ap);
    err[0] = '\0';
    return options_parse(o, argc, argv, err, errlen);
}

static void defaults(void **state)
{
    (void)state;
    struct options o;
    char err[256];
    assert_true(parse(&o, err, sizeof err, NULL));
    assert_int_equal(o.width, 1280);
    assert_int_equal(o.height, 720);
    assert_int_equal(o.theme, 0);
    assert_int_equal(o.focus, -1);
    assert_int_equal(o.set_count, 0);
    assert_null(o.screenshot);
}

static void every_option(void **state)
{
    (void)state;
    struct options o;
    char err[256];
    assert_true(parse(&o, err, sizeof err, "--size", "1920x1080",
                      "--fullscreen", "--theme", "high-contrast", "--set",
                      "goals=80", "--set", "demonstration=0", "--focus",
                      "plan", "--screenshot", "x.png", "--dump-state",
                      "--controller", "akai-midimix", "--midi-in", "in.mid",
                      "--midi-out", "out.mid", "--preset", "Weather",
                      "--save-preset", "Mine", "--export", "h.md", NULL));
    assert_int_equal(o.width, 1920);
    assert_int_equal(o.height, 1080);
    assert_true(o.fullscreen);
    assert_int_equal(o.theme, 2);
    assert_int_equal(o.set_count, 2);
    assert_int_equal(o.set[0].element, 0);
    assert_int_equal(o.set[0].value, 80);
    assert_int_equal(o.set[1].element, 6);
    assert_int_equal(o.set[1].value, 0);
    assert_int_equal(o.focus, 5);
    assert_string_equal(o.screenshot, "x.png");
    assert_true(o.dump_state);
    assert_string_equal(o.controller, "akai-midimix");
    assert_string_equal(o.midi_in, "in.mid");
    assert_string_equal(o.midi_out, "out.mid");
    assert_string_equal(o.preset, "Weather");
    assert_string_equal(o.save_preset, "Mine");
    assert_string_equal(o.export_md, "h.md");
    assert_true(parse(&o, err, sizeof err, "--list-midi", "--list-presets",
                      "--check", "f.ini", "--help", "--version", NULL));
    assert_true(o.list_midi && o.list_presets && o.help && o.version);
    assert_string_equal(o.check, "f.ini");
}

static void errors_are_one_line(void **state)
{
    (void)state;
    static const struct {
        const char *arg, *value, *expect;
    } bad[] = {
        {"--set", "goals=101", "0..100"},
        {"--set", "goals=-1", "0..100"},
        {"--set", "goals=abc", "0..100"},
        {"--set", "happiness=5", "unknown element 'happiness'"},
        {"--set", "goals", "expected ID=VALUE"},
        {"--size", "big", "expected WxH"},
        {"--size", "10x10", "expected WxH"},
        {"--theme", "purple", "dark, light or high-contrast"},
        {"--focus", "nothing", "unknown element"},
        {"--bogus", NULL, "unknown option"},
        {"--set", NULL, "needs a value"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct options o;
        char err[256];
        bool ok = bad[i].value
                      ? parse(&o, err, sizeof err, bad[i].arg, bad[i].value,
                              NULL)
                      : parse(&o, err, sizeof err, bad[i].arg, NULL);
        assert_false(ok);
        if (!strstr(err, bad[i].expect))
            fail_msg("%s %s: got '%s'", bad[i].arg,
                     bad[i].value ? bad[i].value : "", err);
        assert_null(strchr(err, '\n'));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults),
        cmocka_unit_test(every_option),
        cmocka_unit_test(errors_are_one_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
