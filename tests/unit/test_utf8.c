/* test_utf8: decoding, validity (overlongs, surrogates, truncation, range),
 * counting, cutting at a code point and dropping the last one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "utf8.h"

/* "café — 🎚": 1-, 2-, 3- and 4-byte code points. */
static const char mixed[] = "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x8e\x9a";

static void next_decodes_each_length(void **state)
{
    (void)state;
    int32_t cp;
    assert_int_equal(utf8_next("A", 1, &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(utf8_next("\xc3\xa9", 2, &cp), 2);
    assert_int_equal(cp, 0xE9);
    assert_int_equal(utf8_next("\xe2\x80\x94", 3, &cp), 3);
    assert_int_equal(cp, 0x2014);
    assert_int_equal(utf8_next("\xf0\x9f\x8e\x9a", 4, &cp), 4);
    assert_int_equal(cp, 0x1F39A);
    assert_int_equal(utf8_next("\xf4\x8f\xbf\xbf", 4, &cp), 4);
    assert_int_equal(cp, 0x10FFFF);
    assert_int_equal(utf8_next("", 0, &cp), 0);
    assert_int_equal(cp, -1);
    assert_int_equal(utf8_next("\xc3\xa9", 2, NULL), 2); /* cp optional */
}

static void next_steps_over_bad_bytes(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "\x80", "\xbf", "\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf",
        "\xed\xa0\x80", "\xf0\x80\x80\xaf", "\xf4\x90\x80\x80",
        "\xf8\x88\x80\x80\x80", "\xff", "\xc3" "A", "\xe2\x80" "A",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int32_t cp = 0;
        assert_int_equal(utf8_next(bad[i], strlen(bad[i]), &cp), 1);
        assert_int_equal(cp, -1);
    }
    /* Truncated by the length, not by a NUL: never reads past len. */
    int32_t cp = 0;
    assert_int_equal(utf8_next("\xe2\x80\x94", 2, &cp), 1);
    assert_int_equal(cp, -1);
}

static void validity(void **state)
{
    (void)state;
    assert_true(utf8_valid("", 0));
    assert_true(utf8_valid("plain", 5));
    assert_true(utf8_valid(mixed, strlen(mixed)));
    assert_false(utf8_valid("\xc3", 1));              /* truncated */
    assert_false(utf8_valid("\xc0\xaf", 2));          /* overlong */
    assert_false(utf8_valid("\xe0\x9f\xbf", 3));      /* overlong */
    assert_false(utf8_valid("\xed\xa0\x80", 3));      /* surrogate */
    assert_false(utf8_valid("\xed\xbf\xbf", 3));      /* surrogate */
    assert_true(utf8_valid("\xed\x9f\xbf", 3));       /* U+D7FF */
    assert_true(utf8_valid("\xee\x80\x80", 3));       /* U+E000 */
    assert_false(utf8_valid("\xf4\x90\x80\x80", 4));  /* > U+10FFFF */
    assert_false(utf8_valid("\x80", 1));
    assert_false(utf8_valid("ok\xff", 3));
    /* Only len bytes count: a cut inside a character is invalid. */
    assert_false(utf8_valid(mixed, 4));
    assert_true(utf8_valid(mixed, 5));
    /* A NUL byte is a valid code point; callers reject it themselves. */
    assert_true(utf8_valid("a\0b", 3));
}

static void counting(void **state)
{
    (void)state;
    assert_int_equal(utf8_count("", 0), 0);
    assert_int_equal(utf8_count("abc", 3), 3);
    assert_int_equal(utf8_count(mixed, strlen(mixed)), 8);
    assert_int_equal(utf8_count(mixed, 5), 4);
}

static void cutting(void **state)
{
    (void)state;
    size_t n = strlen(mixed); /* c a f é(2) ' ' —(3) ' ' 🎚(4) = 14 */
    assert_int_equal(n, 14);
    assert_int_equal(utf8_cut(mixed, n, 100), n);
    assert_int_equal(utf8_cut(mixed, n, n), n);
    assert_int_equal(utf8_cut(mixed, n, 13), 10); /* not inside 🎚 */
    assert_int_equal(utf8_cut(mixed, n, 10), 10);
    assert_int_equal(utf8_cut(mixed, n, 8), 6);   /* not inside — */
    assert_int_equal(utf8_cut(mixed, n, 4), 3);   /* not inside é */
    assert_int_equal(utf8_cut(mixed, n, 3), 3);
    assert_int_equal(utf8_cut(mixed, n, 0), 0);
    assert_int_equal(utf8_cut("", 0, 0), 0);
    /* Every cut is valid text. */
    for (size_t max = 0; max <= n; max++)
        assert_true(utf8_valid(mixed, utf8_cut(mixed, n, max)));
}

static void dropping_the_last(void **state)
{
    (void)state;
    size_t n = strlen(mixed);
    assert_int_equal(utf8_drop_last(mixed, n), 10);  /* 🎚 */
    assert_int_equal(utf8_drop_last(mixed, 10), 9);  /* ' ' */
    assert_int_equal(utf8_drop_last(mixed, 9), 6);   /* — */
    assert_int_equal(utf8_drop_last(mixed, 5), 3);   /* é */
    assert_int_equal(utf8_drop_last("a", 1), 0);
    assert_int_equal(utf8_drop_last("\xc3\xa9", 2), 0);
    assert_int_equal(utf8_drop_last("", 0), 0);
    /* Stray continuation bytes go with what stands before them. */
    assert_int_equal(utf8_drop_last("a\x80\x80", 3), 0);
    /* Backspacing to nothing visits each code point once. */
    int steps = 0;
    while (n > 0) {
        n = utf8_drop_last(mixed, n);
        assert_true(utf8_valid(mixed, n));
        steps++;
    }
    assert_int_equal(steps, 8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(next_decodes_each_length),
        cmocka_unit_test(next_steps_over_bad_bytes),
        cmocka_unit_test(validity),
        cmocka_unit_test(counting),
        cmocka_unit_test(cutting),
        cmocka_unit_test(dropping_the_last),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
