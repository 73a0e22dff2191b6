/* test_theme: WCAG contrast maths on known values, and every text pair the
 * renderer draws holds at least 4.5:1 in every theme. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include <cmocka.h>

#include "command.h"
#include "theme.h"

static struct theme_color rgb(unsigned hex)
{
    struct theme_color c = {hex >> 16 & 0xff, hex >> 8 & 0xff, hex & 0xff,
                            255};
    return c;
}

static void test_contrast_known_values(void **state)
{
    (void)state;
    assert_float_equal(theme_luminance(rgb(0x000000)), 0.0, 1e-9);
    assert_float_equal(theme_luminance(rgb(0xffffff)), 1.0, 1e-9);
    assert_float_equal(theme_contrast(rgb(0x000000), rgb(0xffffff)), 21.0,
                       1e-9);
    assert_float_equal(theme_contrast(rgb(0xffffff), rgb(0x000000)), 21.0,
                       1e-9);
    assert_float_equal(theme_contrast(rgb(0x777777), rgb(0x777777)), 1.0,
                       1e-9);
    /* Published reference values (WebAIM contrast checker). */
    assert_float_equal(theme_contrast(rgb(0x767676), rgb(0xffffff)), 4.54,
                       0.01);
    assert_float_equal(theme_contrast(rgb(0x777777), rgb(0xffffff)), 4.48,
                       0.01);
    assert_float_equal(theme_contrast(rgb(0x0000ff), rgb(0xffffff)), 8.59,
                       0.01);
    assert_float_equal(theme_contrast(rgb(0xff0000), rgb(0xffffff)), 4.0,
                       0.01);
    /* The linear segment of the sRGB curve: 10/255 is below 0.04045. */
    assert_float_equal(theme_luminance(rgb(0x0a0a0a)), 10 / 255.0 / 12.92,
                       1e-9);
    /* Green weighs most, blue least. */
    assert_true(theme_luminance(rgb(0x00ff00)) >
                theme_luminance(rgb(0xff0000)));
    assert_true(theme_luminance(rgb(0xff0000)) >
                theme_luminance(rgb(0x0000ff)));
}

static void test_every_drawn_pair_is_readable(void **state)
{
    (void)state;
    int bad = 0;
    for (int t = 0; t < THEME_COUNT; t++) {
        for (int p = 0; p < THEME_PAIRS; p++) {
            struct theme_pair_roles pr = theme_pairs[p];
            double c = theme_contrast(theme_color(t, pr.fg),
                                      theme_color(t, pr.bg));
            if (c < 4.5) {
                print_error("theme %s: %s on %s is %.2f:1 (< 4.5)\n",
                            command_theme_name(t), theme_role_name(pr.fg),
                            theme_role_name(pr.bg), c);
                bad++;
            }
        }
    }
    assert_int_equal(bad, 0);
}

static void test_pairs_and_roles_are_filled(void **state)
{
    (void)state;
    /* A pair left out of the table would be {0, 0}: background on
     * background, which the contrast test would not catch on its own. */
    for (int p = 0; p < THEME_PAIRS; p++)
        assert_int_not_equal(theme_pairs[p].fg, theme_pairs[p].bg);
    /* Every role of every theme is set (an unset one is all zero,
     * including alpha). */
    for (int t = 0; t < THEME_COUNT; t++)
        for (int r = 0; r < THEME_ROLES; r++)
            assert_int_not_equal(theme_color(t, r).a, 0);
    assert_string_equal(theme_role_name(THEME_TEXT_MUTED), "text-muted");
    assert_string_equal(theme_role_name(THEME_BANNER_TEXT), "banner-text");
    /* Out of range: dark theme, black role. */
    struct theme_color a = theme_color(9, THEME_TEXT);
    struct theme_color b = theme_color(0, THEME_TEXT);
    assert_memory_equal(&a, &b, sizeof a);
}

static void test_themes_differ_and_zones_are_distinct(void **state)
{
    (void)state;
    for (int t = 0; t < THEME_COUNT; t++) {
        struct theme_color z[3] = {
            theme_color(t, THEME_ZONE_TEACHER),
            theme_color(t, THEME_ZONE_COCREATED),
            theme_color(t, THEME_ZONE_STUDENT),
        };
        for (int i = 0; i < 3; i++)
            for (int j = i + 1; j < 3; j++)
                assert_memory_not_equal(&z[i], &z[j], sizeof z[i]);
        /* The cap stands out from the track it rides on. */
        assert_true(theme_contrast(theme_color(t, THEME_CAP),
                                   theme_color(t, THEME_PANEL)) >= 3.0);
        /* Lit and unlit meter segments are told apart. */
        assert_true(theme_contrast(theme_color(t, THEME_BRIDGE_LIT),
                                   theme_color(t, THEME_BRIDGE_UNLIT)) >=
                    3.0);
    }
    struct theme_color d = theme_color(0, THEME_BACKGROUND);
    struct theme_color l = theme_color(1, THEME_BACKGROUND);
    assert_true(theme_luminance(l) > theme_luminance(d));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contrast_known_values),
        cmocka_unit_test(test_every_drawn_pair_is_readable),
        cmocka_unit_test(test_pairs_and_roles_are_filled),
        cmocka_unit_test(test_themes_differ_and_zones_are_distinct),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
