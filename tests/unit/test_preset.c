/* test_preset: preset text round trips, escapes and wrapping, the broken
 * file corpus, file-name stems, times, morph maths and A/B compare. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ini_lines.h"
#include "morph.h"
#include "preset.h"
#include "test_support.h"
#include "utf8.h"

static void make(struct preset *p, const char *name, const char *notes)
{
    preset_init(p);
    snprintf(p->name, sizeof p->name, "%s", name);
    snprintf(p->notes, sizeof p->notes, "%s", notes);
    for (int i = 0; i < BOARD_ELEMENTS; i++)
        p->value[i] = i * 15 + 3;
}

/* Serializes, checks every line length, parses back and compares every
 * field. */
static void round_trip(const struct preset *p)
{
    size_t len = 0;
    char *text = preset_serialize(p, &len);
    assert_non_null(text);
    assert_int_equal(strlen(text), len);
    for (const char *s = text; *s;) {
        const char *nl = strchr(s, '\n');
        assert_non_null(nl);
        assert_true(nl - s <= INI_LINES_MAX);
        s = nl + 1;
    }
    struct preset back;
    struct diag_list d;
    diag_init(&d);
    bool ok = preset_parse(text, len, "rt.ini", &back, &d);
    if (!ok || d.count) {
        fprintf(stderr, "--- text ---\n%s--- diags ---\n", text);
        for (int i = 0; i < d.count; i++)
            fprintf(stderr, "%s\n", d.text[i]);
    }
    assert_true(ok);
    assert_int_equal(d.count, 0);
    assert_string_equal(back.name, p->name);
    assert_string_equal(back.notes, p->notes);
    assert_memory_equal(back.value, p->value, sizeof p->value);
    assert_int_equal(back.slot, p->slot);
    assert_true(back.created == p->created);
    assert_true(back.changed == p->changed);
    /* Deterministic: the same preset gives the same bytes. */
    char *again = preset_serialize(&back, NULL);
    assert_string_equal(again, text);
    free(again);
    free(text);
}

static void test_round_trip_every_field(void **state)
{
    (void)state;
    struct preset p;
    make(&p, "Extreme weather, grade 4: co-created goals",
         "Week two of the unit.\nThey picked the places; we agreed.");
    p.slot = 3;
    p.created = 1764000000;
    p.changed = 1764003600;
    round_trip(&p);
    p.slot = 0;
    p.created = 0;
    p.notes[0] = '\0';
    round_trip(&p);
}

static void test_round_trip_utf8_and_awkward_notes(void **state)
{
    (void)state;
    struct preset p;
    make(&p, "Météo extrême — 4ᵉ année 🌪 ; #1 \\ back", "");
    round_trip(&p);
    static const char *const notes[] = {
        "  leading blanks\n\ttab first\ntrailing blanks   ",
        "\n\nblank lines first\n\n\nand in the middle\n\n",
        "# not a comment\n; nor this\n[not a section]\nkey = not a key",
        "semi ; colon and a # hash and a \\ backslash \\n not a newline",
        "ends with a line break\n",
        "two  spaces  between   words and    more     ",
        "\\",
        " ",
        "日本語のメモ。とても長い行を折り返す必要があります。"
        "日本語のメモ。とても長い行を折り返す必要があります。"
        "日本語のメモ。とても長い行を折り返す必要があります。",
    };
    for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
        snprintf(p.notes, sizeof p.notes, "%s", notes[i]);
        round_trip(&p);
    }
}

static void test_round_trip_long_notes_wrap(void **state)
{
    (void)state;
    struct preset p;
    make(&p, "Long", "");
    /* Words, a very long word, and many spaces: all must wrap and come
     * back byte for byte. */
    char *s = p.notes;
    size_t n = 0;
    while (n + 40 < PRESET_NOTES_MAX) {
        const char *w = n % 7 == 0 ? "a-very-long-word-without-any-space-"
                                     "to-break-at-anywhere-at-all-really "
                    : n % 5 == 0 ? "    " : "word ";
        size_t wl = strlen(w);
        memcpy(s + n, w, wl);
        n += wl;
    }
    s[n] = '\0';
    round_trip(&p);
    /* A name at the limit made only of characters that need escapes. */
    memset(p.name, ';', PRESET_NAME_MAX);
    for (int i = 0; i < PRESET_NAME_MAX; i += 2)
        p.name[i] = ' ';
    p.name[0] = 'x';
    p.name[PRESET_NAME_MAX] = '\0';
    round_trip(&p);
}

static void test_hand_written_notes(void **state)
{
    (void)state;
    const char *text =
        "[preset]\nversion = 1\nname = Hand made\nnotes =\n"
        "    First paragraph goes\n    on here.\\n\n    \\n\n"
        "    Second; para\n"
        "[values]\ngoals = 1\ninquiry = 2\ntask = 3\nevaluation = 4\n"
        "feedback = 5\nplan = 6\ndemonstration = 7\n";
    struct preset p;
    struct diag_list d;
    diag_init(&d);
    assert_true(preset_parse(text, strlen(text), "h.ini", &p, &d));
    assert_string_equal(p.notes,
                        "First paragraph goes on here.\n\nSecond; para");
    assert_int_equal(p.value[6], 7);
    assert_int_equal(p.created, 0);
}

static void test_serialize_refuses_invalid(void **state)
{
    (void)state;
    struct preset p;
    make(&p, "", "");
    assert_null(preset_serialize(&p, NULL));
    make(&p, "tab\there", "");
    assert_null(preset_serialize(&p, NULL));
    make(&p, "ok", "");
    p.value[2] = 101;
    assert_null(preset_serialize(&p, NULL));
    p.value[2] = 5;
    p.slot = 10;
    assert_null(preset_serialize(&p, NULL));
    p.slot = 9;
    char *t = preset_serialize(&p, NULL);
    assert_non_null(t);
    free(t);
}

static void test_broken_corpus(void **state)
{
    (void)state;
    size_t len;
    char *expected = test_read_source_file(
        "tests/fixtures/presets/broken/EXPECTED", &len);
    int checked = 0;
    for (char *line = strtok(expected, "\n"); line;
         line = strtok(NULL, "\n")) {
        if (line[0] == '#')
            continue;
        char file[128];
        const char *colon = strchr(line, ':');
        assert_non_null(colon);
        snprintf(file, sizeof file, "%.*s", (int)(colon - line), line);
        char rel[256];
        snprintf(rel, sizeof rel, "tests/fixtures/presets/broken/%s", file);
        size_t n;
        char *text = test_read_source_file(rel, &n);
        struct preset p;
        struct diag_list d;
        diag_init(&d);
        bool ok = preset_parse(text, n, file, &p, &d);
        if (ok || d.count == 0 || strcmp(d.text[0], line) != 0)
            fprintf(stderr, "%s: got '%s'\n", file,
                    d.count ? d.text[0] : "(nothing)");
        assert_false(ok);
        assert_true(d.count > 0);
        assert_string_equal(d.text[0], line);
        free(text);
        checked++;
    }
    free(expected);
    /* Every file in the folder is in the list. */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/tests/fixtures/presets/broken",
             SOUNDBOARD_SOURCE_DIR);
    DIR *dp = opendir(dir);
    assert_non_null(dp);
    int files = 0;
    for (struct dirent *e; (e = readdir(dp));) {
        size_t l = strlen(e->d_name);
        if (l > 4 && strcmp(e->d_name + l - 4, ".ini") == 0)
            files++;
    }
    closedir(dp);
    assert_int_equal(files, checked);
    assert_true(checked >= 20);
}

static void test_good_fixture_and_factory_presets(void **state)
{
    (void)state;
    size_t n;
    char *text = test_read_source_file("tests/fixtures/presets/good.ini", &n);
    struct preset p;
    struct diag_list d;
    diag_init(&d);
    assert_true(preset_parse(text, n, "good.ini", &p, &d));
    assert_string_equal(p.name, "Good");
    for (int i = 0; i < BOARD_ELEMENTS; i++)
        assert_int_equal(p.value[i], (i + 1) * 10);
    free(text);
}

static void test_file_stems(void **state)
{
    (void)state;
    static const char *const table[][2] = {
        {"Extreme weather, grade 4: co-created goals",
         "Extreme weather, grade 4_ co-created goals"},
        {"../../etc/passwd", "etc_passwd"},
        {"..", "preset"},
        {".hidden", "hidden"},
        {"a/b\\c", "a_b_c"},
        {"tab\there\nnewline", "tab_here_newline"},
        {"", "preset"},
        {"///", "preset"},
        {"-rf", "rf"},
        {"a...b", "a.b"},
        {"ends with dots...", "ends with dots"},
        {"Météo 🌪", "Météo 🌪"},
        {"bad \xff byte", "bad _ byte"},
        {"quote\"star*pipe|", "quote_star_pipe"},
    };
    char out[PRESET_STEM_MAX + 1];
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        assert_true(preset_file_stem(table[i][0], out, sizeof out));
        assert_string_equal(out, table[i][1]);
    }
    /* Bounded, cut at a character boundary, still valid UTF-8. */
    char longname[400] = "";
    for (int i = 0; i < 60; i++)
        strcat(longname, "é");
    strcat(longname, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    assert_true(preset_file_stem(longname, out, sizeof out));
    assert_true(strlen(out) <= PRESET_STEM_MAX);
    assert_true(utf8_valid(out, strlen(out)));
    assert_false(preset_file_stem("x", out, 10));
}

static void test_times(void **state)
{
    (void)state;
    char t[PRESET_TIME_TEXT];
    preset_time_format(0, t);
    assert_string_equal(t, "1970-01-01T00:00:00Z");
    preset_time_format(951782400, t); /* a leap day */
    assert_string_equal(t, "2000-02-29T00:00:00Z");
    int64_t v;
    assert_true(preset_time_parse("2000-02-29T00:00:00Z", &v));
    assert_true(v == 951782400);
    assert_true(preset_time_parse("2026-11-24T08:53:11Z", &v));
    preset_time_format(v, t);
    assert_string_equal(t, "2026-11-24T08:53:11Z");
    assert_false(preset_time_parse("1900-02-29T00:00:00Z", &v));
    assert_false(preset_time_parse("2026-13-01T00:00:00Z", &v));
    assert_false(preset_time_parse("2026-11-24 08:53:11Z", &v));
    assert_false(preset_time_parse("2026-11-24T08:53:60Z", &v));
    assert_false(preset_time_parse("2026-11-24T08:53:11", &v));
    assert_false(preset_time_parse("2026-11-24T08:53:11+01:00", &v));
}

/* Edge dates: the epoch and the second before it, leap days (and the
 * century years that are not), the 32-bit time_t limit and beyond, the
 * clamped ends of four-digit years; bad dates rejected. */
static void test_times_edges(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int64_t t;
    } good[] = {
        {"1970-01-01T00:00:00Z", 0},
        {"1969-12-31T23:59:59Z", -1},
        {"1969-12-31T00:00:00Z", -86400},
        {"1900-03-01T00:00:00Z", -2203891200LL},
        {"2000-02-29T23:59:59Z", 951868799},
        {"2024-02-29T12:00:00Z", 1709208000},
        {"2038-01-19T03:14:07Z", 2147483647LL},
        {"2038-01-19T03:14:08Z", 2147483648LL},
        {"2106-02-07T06:28:16Z", 4294967296LL},
        {"2400-02-29T00:00:00Z", 13574563200LL},
        {"0000-01-01T00:00:00Z", -62167219200LL},
        {"0000-02-29T00:00:00Z", -62162121600LL}, /* year 0 is a leap year */
        {"9999-12-31T23:59:59Z", 253402300799LL},
    };
    char t[PRESET_TIME_TEXT];
    int64_t v;
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        v = 12345;
        assert_true(preset_time_parse(good[i].text, &v));
        assert_true(v == good[i].t);
        preset_time_format(good[i].t, t);
        assert_string_equal(t, good[i].text);
    }
    /* Outside four-digit years the text is clamped. */
    preset_time_format(-62167219201LL, t);
    assert_string_equal(t, "0000-01-01T00:00:00Z");
    preset_time_format(INT64_MIN, t);
    assert_string_equal(t, "0000-01-01T00:00:00Z");
    preset_time_format(253402300800LL, t);
    assert_string_equal(t, "9999-12-31T23:59:59Z");
    preset_time_format(INT64_MAX, t);
    assert_string_equal(t, "9999-12-31T23:59:59Z");

    static const char *const bad[] = {
        "2100-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2026-02-30T00:00:00Z",
        "2026-04-31T00:00:00Z", "2026-06-31T00:00:00Z", "2026-09-31T00:00:00Z",
        "2026-11-31T00:00:00Z", "2026-01-32T00:00:00Z", "2026-00-10T00:00:00Z",
        "2026-01-00T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z",
        "2026-12-31T23:59:60Z", "+026-01-01T00:00:00Z", "2026-1-01T00:00:00Z",
        "2026-01-01T00:00:00z", "2026-01-01T00:00:00Z ", "",
        "10000-01-01T00:00:00Z", "2026-01-01T-1:00:00Z", "2026-01-01T00:00:0 Z",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        v = 12345;
        assert_false(preset_time_parse(bad[i], &v));
        assert_true(v == 12345); /* untouched on failure */
    }
    /* A time about every year (an odd step: the time of day varies too)
     * over four-digit years round-trips. */
    for (int64_t s = -62167219200LL; s <= 253402300799LL; s += 997003 * 31) {
        preset_time_format(s, t);
        assert_true(preset_time_parse(t, &v));
        assert_true(v == s);
    }
}

static void test_modified(void **state)
{
    (void)state;
    struct preset p;
    make(&p, "m", "");
    int v[BOARD_ELEMENTS];
    memcpy(v, p.value, sizeof v);
    assert_false(preset_modified(&p, v));
    v[6]++;
    assert_true(preset_modified(&p, v));
}

static void test_morph_start_end(void **state)
{
    (void)state;
    int from[BOARD_ELEMENTS] = {0, 100, 50, 50, 10, 0, 100};
    int to[BOARD_ELEMENTS] = {100, 0, 50, 60, 90, 0, 100};
    int out[BOARD_ELEMENTS];
    struct morph m;
    morph_start(&m, from, to, 1000, 2000);
    morph_values_at(&m, 1000, out);
    assert_memory_equal(out, from, sizeof out);
    morph_values_at(&m, 500, out); /* a clock before start: the start */
    assert_memory_equal(out, from, sizeof out);
    assert_false(morph_done(&m, 2999));
    morph_values_at(&m, 2000, out); /* half way: eased, symmetric */
    assert_int_equal(out[0], 50);
    assert_int_equal(out[1], 50);
    assert_int_equal(out[2], 50);
    assert_int_equal(out[3], 55);
    /* Eased: a quarter of the time covers less than a quarter. */
    morph_values_at(&m, 1500, out);
    assert_true(out[0] > 0 && out[0] < 25);
    /* Monotonic along the way. */
    int prev = -1;
    for (int64_t t = 1000; t <= 3000; t += 50) {
        morph_values_at(&m, t, out);
        assert_true(out[0] >= prev);
        prev = out[0];
    }
    assert_true(morph_done(&m, 3000));
    morph_values_at(&m, 3000, out);
    assert_memory_equal(out, to, sizeof out);
    morph_values_at(&m, 99999, out);
    assert_memory_equal(out, to, sizeof out);
    /* Zero duration: the target at once. */
    morph_start(&m, from, to, 0, 0);
    assert_true(morph_done(&m, 0));
    morph_values_at(&m, 0, out);
    assert_memory_equal(out, to, sizeof out);
    morph_stop(&m);
    int untouched[BOARD_ELEMENTS] = {7, 7, 7, 7, 7, 7, 7};
    memcpy(out, untouched, sizeof out);
    morph_values_at(&m, 5, out);
    assert_memory_equal(out, untouched, sizeof out);
}

static void test_compare(void **state)
{
    (void)state;
    struct preset_compare c;
    int board[BOARD_ELEMENTS] = {1, 2, 3, 4, 5, 6, 7};
    int preset[BOARD_ELEMENTS] = {10, 20, 30, 40, 50, 60, 70};
    int out[BOARD_ELEMENTS] = {0};
    preset_compare_init(&c);
    assert_false(preset_compare_flip(&c, board, out));
    preset_compare_recalled(&c, preset);
    assert_false(c.showing_preset);
    /* The mix moves away from the preset, then A/B/A. */
    int mix[BOARD_ELEMENTS] = {10, 90, 30, 40, 50, 60, 0};
    assert_true(preset_compare_flip(&c, mix, out));
    assert_true(c.showing_preset);
    assert_memory_equal(out, preset, sizeof out);
    assert_true(preset_compare_flip(&c, out, out));
    assert_false(c.showing_preset);
    assert_memory_equal(out, mix, sizeof out);
    assert_true(preset_compare_flip(&c, out, out));
    assert_memory_equal(out, preset, sizeof out);
    /* A new recall resets to the live mix. */
    preset_compare_recalled(&c, board);
    assert_false(c.showing_preset);
    assert_true(preset_compare_flip(&c, mix, out));
    assert_memory_equal(out, board, sizeof out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip_every_field),
        cmocka_unit_test(test_round_trip_utf8_and_awkward_notes),
        cmocka_unit_test(test_round_trip_long_notes_wrap),
        cmocka_unit_test(test_hand_written_notes),
        cmocka_unit_test(test_serialize_refuses_invalid),
        cmocka_unit_test(test_broken_corpus),
        cmocka_unit_test(test_good_fixture_and_factory_presets),
        cmocka_unit_test(test_file_stems),
        cmocka_unit_test(test_times),
        cmocka_unit_test(test_times_edges),
        cmocka_unit_test(test_modified),
        cmocka_unit_test(test_morph_start_end),
        cmocka_unit_test(test_compare),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
