/* test_str: the string builder (growing and fixed), the one-hole filler
 * for content strings, and the small helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "str.h"
#include "utf8.h"

static void growing_builder(void **state)
{
    (void)state;
    struct str_buf b;
    str_buf_init(&b);
    assert_string_equal(str_buf_text(&b), "");
    str_buf_add(&b, "[preset]\n");
    str_buf_addf(&b, "version = %d\n", 1);
    str_buf_addn(&b, "name = Mixxx", 10);
    assert_string_equal(str_buf_text(&b), "[preset]\nversion = 1\nname = Mix");
    /* Grows well past its first allocation, byte for byte. */
    for (int i = 0; i < 1000; i++)
        str_buf_addf(&b, "%03d,", i);
    assert_true(str_buf_ok(&b));
    size_t len = 0;
    char *text = str_buf_take(&b, &len);
    assert_non_null(text);
    assert_int_equal(len, 31 + 4000);
    assert_int_equal(strlen(text), len);
    assert_memory_equal(text + 31, "000,001,002,", 12);
    assert_memory_equal(text + len - 4, "999,", 4);
    free(text);
    /* Empty again after take; an empty take is "", to free. */
    assert_string_equal(str_buf_text(&b), "");
    text = str_buf_take(&b, NULL);
    assert_string_equal(text, "");
    free(text);
    /* Free drops the text. */
    str_buf_add(&b, "x");
    str_buf_free(&b);
    assert_string_equal(str_buf_text(&b), "");
    str_buf_free(&b);
}

static void fixed_builder_fits(void **state)
{
    (void)state;
    char out[16];
    struct str_buf b;
    str_buf_fixed(&b, out, sizeof out);
    assert_string_equal(out, "");
    str_buf_add(&b, "led-on = ");
    str_buf_addf(&b, "%d", 127);
    assert_true(str_buf_ok(&b));
    assert_string_equal(out, "led-on = 127");
    assert_ptr_equal(str_buf_text(&b), out);
    assert_int_equal(b.len, 12);
    assert_null(str_buf_take(&b, NULL)); /* not for fixed storage */
    str_buf_free(&b);                    /* does nothing to out */
    assert_string_equal(out, "led-on = 127");
    /* Exactly full: 15 bytes and the NUL. */
    str_buf_fixed(&b, out, sizeof out);
    str_buf_add(&b, "123456789012345");
    assert_true(str_buf_ok(&b));
    assert_string_equal(out, "123456789012345");
}

static void fixed_builder_cuts_at_a_code_point(void **state)
{
    (void)state;
    char out[8];
    struct str_buf b;
    str_buf_fixed(&b, out, sizeof out);
    str_buf_add(&b, "caf");
    str_buf_add(&b, "\xc3\xa9 \xe2\x80\x94"); /* "é —": 6 bytes, 4 fit */
    assert_false(str_buf_ok(&b));
    assert_string_equal(out, "caf\xc3\xa9 "); /* not half of — */
    assert_int_equal(b.len, 9);               /* bytes asked for */
    /* Failed stays failed: nothing more is added, len still counts. */
    str_buf_add(&b, "!");
    assert_string_equal(out, "caf\xc3\xa9 ");
    assert_int_equal(b.len, 10);
    str_buf_addf(&b, "%d", 42);
    assert_int_equal(b.len, 12);
    assert_false(str_buf_ok(&b));

    /* A formatted piece too long for the room is cut the same way. */
    str_buf_fixed(&b, out, sizeof out);
    str_buf_addf(&b, "%s%s", "ab", "\xe2\x80\x94\xe2\x80\x94");
    assert_false(str_buf_ok(&b));
    assert_string_equal(out, "ab\xe2\x80\x94");
    assert_int_equal(b.len, 8);
    /* ... also one longer than the formatter's own small buffer. */
    char big[600];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    str_buf_fixed(&b, out, sizeof out);
    str_buf_addf(&b, "%s", big);
    assert_string_equal(out, "xxxxxxx");
    assert_int_equal(b.len, 599);

    /* One byte: room for the NUL only. */
    char one[1];
    str_buf_fixed(&b, one, 1);
    str_buf_add(&b, "");
    assert_true(str_buf_ok(&b));
    str_buf_add(&b, "a");
    assert_false(str_buf_ok(&b));
    assert_string_equal(one, "");
    /* Zero bytes: failed from the start, text is "". */
    str_buf_fixed(&b, one, 0);
    assert_false(str_buf_ok(&b));
    assert_string_equal(str_buf_text(&b), "");
}

static void fill_hole(void **state)
{
    (void)state;
    char out[64];
    assert_int_equal(str_fill_hole(out, sizeof out, "Connected: %s.",
                                   "nanoKONTROL2"), 24);
    assert_string_equal(out, "Connected: nanoKONTROL2.");
    /* No hole: the text as it is; the argument is not used. */
    str_fill_hole(out, sizeof out, "No controller", "x");
    assert_string_equal(out, "No controller");
    /* NULL argument: an empty hole. */
    str_fill_hole(out, sizeof out, "[%s]", NULL);
    assert_string_equal(out, "[]");
    /* Only the first %s; nothing else is a format. */
    str_fill_hole(out, sizeof out, "%s and %s, 100%% %d %", "A");
    assert_string_equal(out, "A and %s, 100%% %d %");
    /* The argument is data too: its % signs are copied. */
    str_fill_hole(out, sizeof out, "<%s>", "%s%n%d");
    assert_string_equal(out, "<%s%n%d>");
    str_fill_hole(out, sizeof out, "%s", "");
    assert_string_equal(out, "");
    str_fill_hole(out, sizeof out, "", "unused");
    assert_string_equal(out, "");
}

static void fill_hole_cuts(void **state)
{
    (void)state;
    char out[8];
    /* Returns the whole length, as snprintf does, and cuts whole code
     * points: "Gr\xc3\xbc\xc3\x9f" is "Grüß". */
    size_t n = str_fill_hole(out, sizeof out, "%s dich", "Gr\xc3\xbc\xc3\x9f");
    assert_int_equal(n, 11);
    assert_string_equal(out, "Gr\xc3\xbc\xc3\x9f ");
    n = str_fill_hole(out, 6, "%s", "Gr\xc3\xbc\xc3\x9f");
    assert_int_equal(n, 6);
    assert_string_equal(out, "Gr\xc3\xbc");
    assert_true(utf8_valid(out, strlen(out)));
    /* Cut inside the text before the hole. */
    n = str_fill_hole(out, 4, "\xe2\x80\x94\xe2\x80\x94 %s", "x");
    assert_int_equal(n, 8);
    assert_string_equal(out, "\xe2\x80\x94");
    /* Zero room: nothing written, the length still told. */
    out[0] = 'Z';
    assert_int_equal(str_fill_hole(out, 0, "ab %s cd", "ef"), 8);
    assert_int_equal(out[0], 'Z');
    assert_int_equal(str_fill_hole(out, 0, "abc", NULL), 3);
}

static void helpers(void **state)
{
    (void)state;
    assert_int_equal(str_chars(""), 0);
    assert_int_equal(str_chars("Gr\xc3\xbc\xc3\x9f"), 4);
    char *s = str_dup("fader");
    s = str_append_word(s, "one");
    assert_string_equal(s, "fader one");
    free(s);
    int v = 0;
    assert_true(str_parse_int("+12", 0, 100, &v));
    assert_int_equal(v, 12);
    assert_false(str_parse_int("12x", 0, 100, &v));
    assert_false(str_parse_int("", 0, 100, &v));
    assert_false(str_parse_int("101", 0, 100, &v));
}

static void names_and_stems(void **state)
{
    (void)state;
    assert_true(str_ends_with("a.ini", ".ini"));
    assert_false(str_ends_with("ini", ".ini"));
    assert_true(str_holds_any_case("Extreme Weather", "weATHer"));
    assert_true(str_holds_any_case("x", ""));
    assert_false(str_holds_any_case("Weather", "weathers"));
    assert_true(str_names_stem("/d/arcs/2-weather.ini", "2-weather"));
    assert_true(str_names_stem("/d/arcs/2-weather.ini", "2-weather.ini"));
    assert_true(str_names_stem("2-weather.ini", "2-weather"));
    assert_false(str_names_stem("/d/arcs/2-weather.ini", "2-weath"));
    assert_false(str_names_stem("/d/arcs/2-weather.ini", "arcs/2-weather"));
    assert_false(str_names_stem("/d/arcs/2-weather.ini", "2-WEATHER"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_and_stems),
        cmocka_unit_test(growing_builder),
        cmocka_unit_test(fixed_builder_fits),
        cmocka_unit_test(fixed_builder_cuts_at_a_code_point),
        cmocka_unit_test(fill_hole),
        cmocka_unit_test(fill_hole_cuts),
        cmocka_unit_test(helpers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
