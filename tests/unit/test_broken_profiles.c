/* test_broken_profiles: every file in tests/fixtures/broken/profiles/ is
 * refused by profile_parse with the exact first message listed in its
 * EXPECTED file ("FILE:LINE: what"), and no file goes unlisted. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "profile.h"

#define DIR_REL "/tests/fixtures/broken/profiles"

static size_t slurp(const char *path, char *buf, size_t cap)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fprintf(stderr, "cannot open %s\n", path);
    assert_non_null(f);
    size_t n = fread(buf, 1, cap, f);
    fclose(f);
    return n;
}

static void test_each_expected_line(void **state)
{
    (void)state;
    static char expected[16384], text[65536], line[512];
    static struct profile p;
    static struct diag_list d;
    size_t n = slurp(SOUNDBOARD_SOURCE_DIR DIR_REL "/EXPECTED", expected,
                     sizeof expected - 1);
    expected[n] = '\0';
    int checked = 0;
    char *next = expected;
    while (*next) {
        char *l = next;
        char *nl = strchr(l, '\n');
        next = nl ? nl + 1 : l + strlen(l);
        if (nl)
            *nl = '\0';
        if (l[0] == '#' || l[0] == '\0')
            continue;
        char file[256];
        size_t fl = strcspn(l, ":");
        assert_true(fl > 0 && fl < sizeof file);
        memcpy(file, l, fl);
        file[fl] = '\0';
        snprintf(line, sizeof line, "%s%s/%s", SOUNDBOARD_SOURCE_DIR,
                 DIR_REL, file);
        size_t len = slurp(line, text, sizeof text);
        diag_init(&d);
        assert_false(profile_parse(text, len, file, "broken", &p, &d));
        assert_true(d.count > 0);
        if (strcmp(d.text[0], l) != 0)
            fprintf(stderr, "want: %s\ngot:  %s\n", l, d.text[0]);
        assert_string_equal(d.text[0], l);
        checked++;
    }
    /* Every .ini in the folder is listed. */
    DIR *dir = opendir(SOUNDBOARD_SOURCE_DIR DIR_REL);
    assert_non_null(dir);
    int files = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        size_t el = strlen(e->d_name);
        if (el > 4 && strcmp(e->d_name + el - 4, ".ini") == 0)
            files++;
    }
    closedir(dir);
    assert_int_equal(files, checked);
    assert_true(checked >= 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_expected_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
