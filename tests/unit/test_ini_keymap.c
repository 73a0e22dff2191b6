/* INI line layer (line numbers, validation, continuations), keys.ini,
 * and the --dump-state JSON. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "ini_lines.h"
#include "keymap.h"
#include "state_json.h"
#include "test_support.h"

struct seen {
    char log[1024];
};

static bool record(void *user, const char *section, const char *key,
                   const char *value, int line, bool continuation)
{
    struct seen *s = user;
    size_t n = strlen(s->log);
    snprintf(s->log + n, sizeof s->log - n, "%d%s[%s]%s=%s|", line,
             continuation ? "+" : " ", section, key, value);
    return strcmp(value, "reject") != 0;
}

static int parse(const char *text, struct seen *s, struct diag_list *d)
{
    memset(s, 0, sizeof *s);
    diag_init(d);
    return ini_lines_parse(text, strlen(text), "f.ini", record, s, d);
}

static void lines_and_continuations(void **state)
{
    (void)state;
    struct seen s;
    struct diag_list d;
    int errors = parse("# comment\n[a]\nx = 1\n  more words\n\n; c\n"
                       "  after blank\n[b]\ny: 2\n", &s, &d);
    assert_int_equal(errors, 0);
    assert_string_equal(s.log, "3 [a]x=1|4+[a]x=more words|"
                               "7+[a]x=after blank|9 [b]y=2|");
}

static void errors_name_their_lines(void **state)
{
    (void)state;
    struct seen s;
    struct diag_list d;
    char long_line[260];
    memset(long_line, 'a', sizeof long_line);
    memcpy(long_line, "k = ", 4);
    long_line[sizeof long_line - 1] = '\0';
    char text[600];
    snprintf(text, sizeof text,
             "[a]\nno equals here\nk = ok\n[broken\n%s\nv = \xff\xfe\n"
             "w = reject\nz = fine\n", long_line);
    int errors = parse(text, &s, &d);
    assert_int_equal(errors, 5);
    assert_int_equal(d.count, 4); /* the rejected value is the callback's */
    assert_non_null(strstr(d.text[0], "f.ini:2: expected"));
    assert_non_null(strstr(d.text[1], "f.ini:4: expected"));
    assert_non_null(strstr(d.text[2], "f.ini:5: line is too long"));
    assert_non_null(strstr(d.text[3], "f.ini:6: is not valid UTF-8"));
    /* Good lines around the bad ones still arrive, with their numbers. */
    assert_non_null(strstr(s.log, "3 [a]k=ok|"));
    assert_non_null(strstr(s.log, "8 [a]z=fine|"));
}

static void binary_stops_cleanly(void **state)
{
    (void)state;
    struct seen s;
    struct diag_list d;
    memset(&s, 0, sizeof s);
    diag_init(&d);
    const char text[] = "[a]\nk = 1\n\x00\x01\x02garbage\nj = 2\n";
    int errors = ini_lines_parse(text, sizeof text - 1, "bin", record, &s,
                                 &d);
    assert_int_equal(errors, 1);
    assert_non_null(strstr(d.text[0], "bin:3: contains a NUL byte"));
    assert_string_equal(s.log, "2 [a]k=1|");
}

static void shipped_keys_load(void **state)
{
    (void)state;
    size_t len;
    char *text = test_read_source_file("assets/keys.ini", &len);
    struct keymap km;
    struct diag_list d;
    diag_init(&d);
    bool ok = keymap_parse(&km, text, len, "keys.ini", &d);
    for (int i = 0; i < d.count; i++)
        print_error("%s\n", d.text[i]);
    assert_true(ok);
    assert_string_equal(keymap_lookup(&km, "F11"), "fullscreen");
    assert_string_equal(keymap_lookup(&km, "ctrl+s"), "preset save");
    assert_string_equal(keymap_lookup(&km, "Up"), "nudge +1");
    assert_string_equal(keymap_lookup(&km, "Ctrl+9"), "preset store 9");
    assert_null(keymap_lookup(&km, "F12"));
    /* The keys: help and questions overlays, fine/coarse steps. */
    assert_string_equal(keymap_lookup(&km, "H"), "overlay help");
    assert_string_equal(keymap_lookup(&km, "Q"), "overlay questions");
    assert_string_equal(keymap_lookup(&km, "Page Up"), "nudge +10");
    keymap_free(&km);
    free(text);
}

static void broken_keys_reported(void **state)
{
    (void)state;
    const char *text = "[Up]\ncommand = nudge +1\nhelp = up\n"
                       "[Down]\ncommand = fly away\n"
                       "[Up]\ncommand = nudge +2\n"
                       "[X]\ncolour = red\ncommand = quit\n"
                       "[Y]\nhelp = nothing to do\n";
    struct keymap km;
    struct diag_list d;
    diag_init(&d);
    assert_false(keymap_parse(&km, text, strlen(text), "k.ini", &d));
    assert_int_equal(km.count, 2); /* Up (first), X */
    assert_string_equal(keymap_lookup(&km, "Up"), "nudge +1");
    assert_string_equal(keymap_lookup(&km, "X"), "quit");
    assert_null(keymap_lookup(&km, "Down"));
    assert_null(keymap_lookup(&km, "Y"));
    assert_non_null(strstr(d.text[0], "k.ini:5: [Down]: unknown"));
    assert_non_null(strstr(d.text[1], "k.ini:7: key [Up] is bound twice"));
    assert_non_null(strstr(d.text[2], "k.ini:9: unknown setting 'colour'"));
    keymap_free(&km);
}

static void dump_state_json(void **state)
{
    (void)state;
    struct board b;
    board_init(&b);
    board_set(&b, 0, 80);
    board_set(&b, 3, 50);
    b.focus = 3;
    struct state_extra extra = {.theme = 1, .preset = NULL};
    char *text = state_json(&b, NULL, &extra);
    cJSON *root = cJSON_Parse(text);
    assert_non_null(root);
    cJSON *els = cJSON_GetObjectItem(root, "elements");
    assert_int_equal(cJSON_GetArraySize(els), 7);
    cJSON *g = cJSON_GetArrayItem(els, 0);
    assert_string_equal(cJSON_GetObjectItem(g, "id")->valuestring, "goals");
    assert_int_equal(cJSON_GetObjectItem(g, "value")->valueint, 80);
    assert_string_equal(cJSON_GetObjectItem(g, "zone")->valuestring,
                        "student-generated");
    cJSON *e = cJSON_GetArrayItem(els, 3);
    assert_string_equal(cJSON_GetObjectItem(e, "zone")->valuestring,
                        "co-created");
    assert_string_equal(
        cJSON_GetObjectItem(cJSON_GetArrayItem(els, 6), "id")->valuestring,
        "demonstration");
    assert_string_equal(cJSON_GetObjectItem(root, "focus")->valuestring,
                        "evaluation");
    assert_string_equal(cJSON_GetObjectItem(root, "theme")->valuestring,
                        "light");
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(root, "preset")));
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(root, "modified")));
    cJSON_Delete(root);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lines_and_continuations),
        cmocka_unit_test(errors_name_their_lines),
        cmocka_unit_test(binary_stops_cleanly),
        cmocka_unit_test(shipped_keys_load),
        cmocka_unit_test(broken_keys_reported),
        cmocka_unit_test(dump_state_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
