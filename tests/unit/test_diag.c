/* test_diag: collecting "file:line: message" lines, the cap, and printing
 * them as the program and --check do. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

/* What diag_print writes, as a malloc'd string. */
static char *printed(const struct diag_list *d, const char *prefix,
                     const char *file, int *lines)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    *lines = diag_print(d, f, prefix, file);
    fclose(f);
    return text;
}

static void collects(void **state)
{
    (void)state;
    static struct diag_list d;
    diag_init(&d);
    diag_add(&d, "keys.ini", 12, "unknown command '%s'", "jump");
    diag_add(&d, "keys.ini", 0, "is empty");
    diag_add(NULL, "x", 1, "ignored");
    assert_int_equal(d.count, 2);
    assert_string_equal(d.text[0], "keys.ini:12: unknown command 'jump'");
    assert_string_equal(d.text[1], "keys.ini: is empty");
    assert_int_equal(diag_total(&d), 2);
    assert_int_equal(diag_total(NULL), 0);
    for (int i = 0; i < DIAG_MAX + 3; i++)
        diag_add(&d, "f", i + 1, "m");
    assert_int_equal(d.count, DIAG_MAX);
    assert_int_equal(d.dropped, 5);
    assert_int_equal(diag_total(&d), DIAG_MAX + 5);
}

static void prints(void **state)
{
    (void)state;
    static struct diag_list d;
    int lines;
    diag_init(&d);
    char *s = printed(&d, "soundboard: ", NULL, &lines);
    assert_string_equal(s, "");
    assert_int_equal(lines, 0);
    free(s);
    s = printed(NULL, NULL, NULL, &lines);
    assert_string_equal(s, "");
    free(s);

    diag_add(&d, "a.ini", 3, "bad");
    diag_add(&d, "a.ini", 4, "worse");
    s = printed(&d, "soundboard: ", NULL, &lines);
    assert_string_equal(s, "soundboard: a.ini:3: bad\n"
                           "soundboard: a.ini:4: worse\n");
    assert_int_equal(lines, 2);
    free(s);
    s = printed(&d, NULL, "a.ini", &lines);
    assert_string_equal(s, "a.ini:3: bad\na.ini:4: worse\n");
    free(s);
}

static void prints_the_dropped_count(void **state)
{
    (void)state;
    static struct diag_list d;
    int lines;
    diag_init(&d);
    for (int i = 0; i < DIAG_MAX + 2; i++)
        diag_add(&d, "p.ini", i + 1, "m");
    /* As the program logs bundled data (src/store/data_load.c). */
    char *s = printed(&d, "soundboard: ", NULL, &lines);
    assert_int_equal(lines, DIAG_MAX + 1);
    assert_non_null(strstr(s, "soundboard: p.ini:64: m\n"
                              "soundboard: ... and 2 more problems\n"));
    free(s);
    /* As --check names the file (profile_store_check). */
    s = printed(&d, "", "p.ini", &lines);
    assert_non_null(strstr(s, "p.ini:64: m\np.ini: ... and 2 more problems\n"));
    assert_int_equal(strlen(strstr(s, "p.ini: ...")),
                     strlen("p.ini: ... and 2 more problems\n"));
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(collects),
        cmocka_unit_test(prints),
        cmocka_unit_test(prints_the_dropped_count),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
