/* test_arc: a unit's arc without a window: steps, insert, delete, record,
 * touch-mode record, play with dwell and glide, the value at any time, the
 * file format's round trip and its bad-file messages (FILE:LINE), and the
 * factory arcs (they parse, each pulls an element back toward the teacher
 * with a note saying why, and none copies seven words from a seed text). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arc.h"
#include "ini_lines.h"
#include "test_support.h"

static const int mix_a[BOARD_ELEMENTS] = {10, 20, 30, 40, 50, 60, 70};
static const int mix_b[BOARD_ELEMENTS] = {90, 80, 70, 60, 50, 40, 30};

/* An arc of n steps: step k holds k*10 + element. */
static void make_arc(struct arc *a, int n)
{
    arc_make(a, "Test arc", n, mix_a, "Week %s");
    for (int k = 0; k < a->count; k++)
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            a->step[k].value[e] = k * 10 + e;
}

static char *serialize_ok(const struct arc *a, size_t *len)
{
    char *text = arc_serialize(a, len);
    assert_non_null(text);
    return text;
}

/* ---- Building and editing ---- */

static void make_labels_and_clamps(void **state)
{
    (void)state;
    struct arc a;
    arc_make(&a, "A", 1, mix_a, "Week %s");
    assert_int_equal(a.count, ARC_STEPS_MIN);
    assert_string_equal(a.step[1].label, "Week 2");
    assert_memory_equal(a.step[0].value, mix_a, sizeof mix_a);
    arc_make(&a, "A", 999, mix_a, "Step %s");
    assert_int_equal(a.count, ARC_STEPS_MAX);
    assert_string_equal(a.step[51].label, "Step 52");
    char err[128];
    assert_true(arc_validate(&a, err, sizeof err));
    assert_int_equal(a.dwell, ARC_DWELL_DEFAULT);
}

static void insert_delete_keep_two_to_fifty_two(void **state)
{
    (void)state;
    struct arc a;
    make_arc(&a, 3);
    assert_true(arc_insert(&a, 1, "Between", mix_b));
    assert_int_equal(a.count, 4);
    assert_string_equal(a.step[0].label, "Week 1");
    assert_string_equal(a.step[1].label, "Between");
    assert_memory_equal(a.step[1].value, mix_b, sizeof mix_b);
    assert_string_equal(a.step[2].label, "Week 2");
    assert_true(arc_insert(&a, a.count, "End", mix_a)); /* append */
    assert_string_equal(a.step[4].label, "End");
    assert_false(arc_insert(&a, 99, "x", mix_a));
    assert_false(arc_insert(&a, -1, "x", mix_a));

    assert_true(arc_delete(&a, 1));
    assert_string_equal(a.step[1].label, "Week 2");
    assert_int_equal(a.count, 4);
    assert_true(arc_delete(&a, 3));
    assert_true(arc_delete(&a, 0));
    assert_int_equal(a.count, 2);
    assert_false(arc_delete(&a, 0)); /* never below two steps */
    assert_int_equal(a.count, 2);

    make_arc(&a, ARC_STEPS_MAX);
    assert_false(arc_insert(&a, 0, "one too many", mix_a));
    assert_int_equal(a.count, ARC_STEPS_MAX);
}

static void record_and_touch(void **state)
{
    (void)state;
    struct arc a;
    make_arc(&a, 3);
    assert_true(arc_record(&a, 2, mix_b));
    assert_memory_equal(a.step[2].value, mix_b, sizeof mix_b);
    assert_string_equal(a.step[2].label, "Week 3"); /* label stays */
    assert_false(arc_record(&a, 3, mix_b));
    int before[BOARD_ELEMENTS];
    memcpy(before, a.step[1].value, sizeof before);
    assert_true(arc_touch(&a, 1, 3, 99));
    assert_false(arc_touch(&a, 1, 3, 99)); /* no change the second time */
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        assert_int_equal(a.step[1].value[e], e == 3 ? 99 : before[e]);
    assert_true(arc_touch(&a, 1, 0, 500));
    assert_int_equal(a.step[1].value[0], 100); /* clamped */
    assert_false(arc_touch(&a, 1, 7, 1));
}

/* ---- Playing ---- */

static void play_dwells_then_glides_then_stops(void **state)
{
    (void)state;
    struct arc a;
    make_arc(&a, 3);
    struct arc_play p;
    arc_play_init(&p);
    struct arc_position pos;
    /* The faders already sit on step 1: no lead glide. */
    arc_play_start(&p, &a, 0, a.step[0].value, 1000, 4000, 2000);
    arc_play_at(&p, &a, 1000, &pos);
    assert_int_equal(pos.step, 0);
    assert_false(pos.gliding);
    assert_memory_equal(pos.value, a.step[0].value, sizeof pos.value);
    arc_play_at(&p, &a, 4999, &pos); /* still dwelling */
    assert_int_equal(pos.step, 0);
    assert_false(pos.gliding);
    arc_play_at(&p, &a, 6000, &pos); /* half way to step 2 */
    assert_int_equal(pos.step, 1);
    assert_true(pos.gliding);
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        assert_int_equal(pos.value[e], 5 + e); /* eased midpoint */
    arc_play_at(&p, &a, 5500, &pos); /* a quarter: eased, below linear */
    assert_true(pos.value[0] < 3);
    arc_play_at(&p, &a, 7000, &pos); /* arrived, dwelling on step 2 */
    assert_int_equal(pos.step, 1);
    assert_false(pos.gliding);
    assert_memory_equal(pos.value, a.step[1].value, sizeof pos.value);
    /* The same time always gives the same answer: a pure function. */
    struct arc_position again;
    arc_play_at(&p, &a, 6000, &again);
    arc_play_at(&p, &a, 6000, &pos);
    assert_memory_equal(&again, &pos, sizeof pos);
    /* 1000 + 2 * (4000 + 2000) = 13000: arrival at the last step. */
    arc_play_at(&p, &a, 12999, &pos);
    assert_false(pos.done);
    assert_true(arc_play_advance(&p, &a, 13000, &pos));
    assert_true(pos.done);
    assert_int_equal(pos.step, 2);
    assert_false(p.playing);
    assert_false(arc_play_advance(&p, &a, 14000, &pos));
}

static void play_glides_from_the_faders_first(void **state)
{
    (void)state;
    struct arc a;
    make_arc(&a, 4);
    struct arc_play p;
    arc_play_init(&p);
    struct arc_position pos;
    int board[BOARD_ELEMENTS] = {100, 100, 100, 100, 100, 100, 100};
    arc_play_start(&p, &a, 2, board, 0, 1000, 500);
    arc_play_at(&p, &a, 0, &pos);
    assert_int_equal(pos.step, 2);
    assert_true(pos.gliding);
    assert_int_equal(pos.value[0], 100);
    arc_play_at(&p, &a, 500, &pos); /* arrived at step 3 */
    assert_memory_equal(pos.value, a.step[2].value, sizeof pos.value);
    assert_false(pos.gliding);
    arc_play_at(&p, &a, -50, &pos); /* before the start: the start */
    assert_int_equal(pos.value[0], 100);
    /* Zero dwell and glide: straight to the last step. */
    arc_play_start(&p, &a, 0, a.step[0].value, 0, 0, 0);
    assert_true(arc_play_advance(&p, &a, 0, &pos));
    assert_true(pos.done);
    assert_int_equal(pos.step, 3);
    /* Out-of-range starts are clamped. */
    arc_play_start(&p, &a, 77, a.step[3].value, 0, 10, 10);
    arc_play_at(&p, &a, 0, &pos);
    assert_int_equal(pos.step, 3);
}

/* The loop sleeps through a dwell: the rest is the dwell left, and the
 * playhead does not move until it is over. */
static void play_rests_for_the_dwell_left(void **state)
{
    (void)state;
    struct arc a;
    make_arc(&a, 3);
    struct arc_play p;
    arc_play_init(&p);
    assert_int_equal(arc_play_rest_ms(&p, &a, 0), -1); /* not playing */
    int board[BOARD_ELEMENTS] = {100, 100, 100, 100, 100, 100, 100};
    /* Lead glide of 2000 ms, then 4000 dwell, 2000 glide per step. */
    arc_play_start(&p, &a, 0, board, 1000, 4000, 2000);
    assert_int_equal(arc_play_rest_ms(&p, &a, 1500), 0); /* lead glide */
    assert_int_equal(arc_play_rest_ms(&p, &a, 3000), 4000); /* arrived */
    assert_int_equal(arc_play_rest_ms(&p, &a, 4500), 2500);
    struct arc_position at, later;
    arc_play_at(&p, &a, 4500, &at);
    arc_play_at(&p, &a, 4500 + 2500 - 1, &later);
    assert_memory_equal(&at, &later, sizeof at); /* nothing moved */
    assert_int_equal(arc_play_rest_ms(&p, &a, 7000), 0); /* gliding */
    arc_play_at(&p, &a, 7001, &later);
    assert_true(later.gliding);
    assert_int_equal(arc_play_rest_ms(&p, &a, 9000), 4000); /* step 2 */
    assert_int_equal(arc_play_rest_ms(&p, &a, 15000), 0); /* done */
    arc_play_start(&p, &a, 0, a.step[0].value, 0, 0, 0);
    assert_int_equal(arc_play_rest_ms(&p, &a, 0), 0);
}

static void touch_record_overwrites_only_touched_lanes(void **state)
{
    (void)state;
    struct arc a, before;
    make_arc(&a, 3);
    before = a;
    struct arc_play p;
    arc_play_init(&p);
    p.recording = true;
    struct arc_position pos;
    arc_play_start(&p, &a, 0, a.step[0].value, 0, 1000, 1000);
    /* Dwelling on step 1: a hand moves "task" to 77. */
    assert_true(arc_play_touch(&p, &a, 2, 77, 100));
    assert_true(arc_play_advance(&p, &a, 200, &pos));
    assert_false(pos.drive[2]); /* held: the playhead leaves it alone */
    assert_true(pos.drive[0]);
    assert_int_equal(a.step[0].value[2], 77);
    /* During the glide toward step 2, step 2 is current: a touch of
     * "plan" writes there, and "task" is free again. */
    assert_true(arc_play_advance(&p, &a, 1500, &pos));
    assert_int_equal(pos.step, 1);
    assert_true(pos.drive[2]);
    assert_true(arc_play_touch(&p, &a, 5, 3, 1500));
    assert_int_equal(a.step[1].value[5], 3);
    /* Everything else kept its lane. */
    for (int k = 0; k < a.count; k++)
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            if ((k == 0 && e == 2) || (k == 1 && e == 5))
                continue;
            assert_int_equal(a.step[k].value[e], before.step[k].value[e]);
        }
    /* Not recording: a touch holds the element but writes nothing. */
    p.recording = false;
    assert_false(arc_play_touch(&p, &a, 0, 55, 1600));
    assert_int_equal(a.step[1].value[0], before.step[1].value[0]);
    assert_true(arc_play_advance(&p, &a, 1600, &pos));
    assert_false(pos.drive[0]);
    /* Not playing: nothing is held or written. */
    arc_play_stop(&p);
    p.recording = true;
    assert_false(arc_play_touch(&p, &a, 1, 1, 1700));
    assert_false(p.held[1]);
}

/* ---- Text ---- */

static void round_trip_keeps_every_field(void **state)
{
    (void)state;
    struct arc a;
    make_arc(&a, 5);
    snprintf(a.notes, sizeof a.notes, "About the arc;\n# not a comment\n"
             "  leading blanks, a \\ backslash, a\ttab");
    a.dwell = 0;
    snprintf(a.step[3].note, sizeof a.step[3].note, "%s",
             "A long note that will need several continuation lines to "
             "fit under the line limit of the INI reader, which is 199 "
             "bytes, so it wraps at about seventy-two bytes; a semicolon "
             "after a blank ; stays too.");
    snprintf(a.step[4].label, sizeof a.step[4].label, "Après le test");
    size_t len;
    char *text = serialize_ok(&a, &len);
    for (const char *s = text; *s;) {
        const char *nl = strchr(s, '\n');
        assert_non_null(nl);
        assert_true(nl - s <= INI_LINES_MAX);
        s = nl + 1;
    }
    struct arc back;
    struct diag_list d;
    diag_init(&d);
    assert_true(arc_parse(text, len, "rt.ini", &back, &d));
    assert_int_equal(d.count, 0);
    assert_string_equal(back.name, a.name);
    assert_string_equal(back.notes, a.notes);
    assert_int_equal(back.dwell, 0);
    assert_int_equal(back.count, a.count);
    for (int k = 0; k < a.count; k++) {
        assert_string_equal(back.step[k].label, a.step[k].label);
        assert_string_equal(back.step[k].note, a.step[k].note);
        assert_memory_equal(back.step[k].value, a.step[k].value,
                            sizeof a.step[k].value);
    }
    size_t len2;
    char *text2 = serialize_ok(&back, &len2);
    assert_string_equal(text, text2); /* same arc, same bytes */
    free(text);
    free(text2);
    /* Invalid arcs do not serialize. */
    a.count = 1;
    assert_null(arc_serialize(&a, &len));
}

/* A valid two-step file, with a hole to break. */
static const char good_head[] =
    "[arc]\nversion = 1\nname = Two weeks\n";
static const char good_step[] =
    "[step]\nlabel = Week\ngoals = 1\ninquiry = 2\ntask = 3\n"
    "evaluation = 4\nfeedback = 5\nplan = 6\ndemonstration = 7\n";

struct bad {
    const char *text;
    const char *expect; /* the first message, exactly */
};

static void bad_files_name_file_and_line(void **state)
{
    (void)state;
    char two[1024], three[1024];
    snprintf(two, sizeof two, "%s%s%s", good_head, good_step, good_step);
    struct arc a;
    struct diag_list d;
    diag_init(&d);
    assert_true(arc_parse(two, strlen(two), "ok.ini", &a, &d));
    assert_int_equal(a.count, 2);
    assert_int_equal(a.step[1].value[6], 7);
    snprintf(three, sizeof three, "%s%s", good_head, good_step);

    static const struct bad cases[] = {
        {"", "f.ini:1: the file is empty: not an arc"},
        {"[arc]\nversion = 2\nname = x\n",
         "f.ini:2: unknown version 2: this soundboard reads version 1"},
        {"[arc]\nversion = 1\n[step]\nlabel = a\ngoals = 10.5\n",
         "f.ini:5: goals = '10.5' is not a whole number"},
        {"[arc]\nversion = 1\nname = x\ndwell = 601\n",
         "f.ini:4: dwell = 601 is out of range 0..600"},
        {"[arc]\nversion = 1\nname = x\nname = y\n",
         "f.ini:4: duplicate key 'name' (first on line 3)"},
        {"[arc]\nversion = 1\nname = x\n[steps]\n",
         "f.ini:4: unknown section [steps] (expected [arc] or [step])"},
        {"[arc]\nversion = 1\nname = x\ncolour = red\n",
         "f.ini:4: unknown key 'colour' in [arc]"},
        {"goals = 1\n[arc]\n",
         "f.ini:1: 'goals' comes before any [arc] or [step] section"},
        {"[arc]\nversion = 1\nname = x\n[step]\nlabel = a\ngoals = 1\n",
         "f.ini:4: [step] 1 has no 'inquiry'"},
        {"[step]\nlabel = a\n",
         "f.ini:2: the file ends without an [arc] section"},
        {"[arc]\nname = x\n", "f.ini:1: [arc] has no 'version'"},
        {"[arc]\nversion = 1\nname = x\n[step]\nlabel = a\ngoals = 1\n"
         "goals = 2\n",
         "f.ini:7: duplicate key 'goals' (first on line 6)"},
        {"[arc]\nversion = 1\nname = \\q\n",
         "f.ini:3: name: unknown escape '\\q' (write \\\\ for a backslash)"},
        {"[arc]\nversion = 1\nname = x\n[arc]\n",
         "f.ini:4: section [arc] appears twice (first on line 1)"},
        {"[arc]\nversion = 1\nname = x\n[step]\nlabel = a\n"
         "goals = 1\n    2\n",
         "f.ini:7: goals cannot go on over several lines"},
        {"[arc]\nversion = 1\nname = x\n\x01\n",
         "f.ini:4: expected [section], key = value or a comment"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        diag_init(&d);
        bool ok = arc_parse(cases[i].text, strlen(cases[i].text), "f.ini",
                            &a, &d);
        if (ok || d.count == 0 || strcmp(d.text[0], cases[i].expect) != 0)
            fprintf(stderr, "case %zu: got '%s'\n", i,
                    d.count ? d.text[0] : "(nothing)");
        assert_false(ok);
        assert_true(d.count > 0);
        assert_string_equal(d.text[0], cases[i].expect);
    }
    /* One step only: reported at the last line. */
    diag_init(&d);
    assert_false(arc_parse(three, strlen(three), "f.ini", &a, &d));
    assert_string_equal(d.text[0], "f.ini:12: the file ends after 1 [step] "
                                   "section: an arc has at least 2");
    /* 53 steps: the 53rd header is named. */
    size_t cap = 64 * 1024;
    char *many = malloc(cap);
    assert_non_null(many);
    size_t n = (size_t)snprintf(many, cap, "%s", good_head);
    for (int k = 0; k < 53; k++)
        n += (size_t)snprintf(many + n, cap - n, "%s", good_step);
    diag_init(&d);
    assert_false(arc_parse(many, n, "f.ini", &a, &d));
    int line53 = 3 + 52 * 9 + 1;
    char want[160];
    snprintf(want, sizeof want, "f.ini:%d: more than 52 steps: an arc "
             "covers at most a year of weeks", line53);
    assert_string_equal(d.text[0], want);
    free(many);
    /* Every problem is reported, not only the first. */
    const char *several = "[arc]\nversion = 1\nname = x\n[step]\n"
                          "label = a\ngoals = 200\ntask = x\n";
    diag_init(&d);
    assert_false(arc_parse(several, strlen(several), "f.ini", &a, &d));
    assert_true(d.count >= 3);
}

/* ---- The factory arcs ---- */

static int factory_arcs(char names[][256], int max)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/assets/arcs", SOUNDBOARD_SOURCE_DIR);
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) && n < max) {
        size_t len = strlen(de->d_name);
        if (de->d_name[0] == '.' || len < 5
            || strcmp(de->d_name + len - 4, ".ini") != 0)
            continue;
        /* d_name is up to 255 bytes: cut, never overflow. */
        snprintf(names[n++], 256, "assets/arcs/%.200s", de->d_name);
    }
    closedir(d);
    return n;
}

static void factory_arcs_parse_and_pull_back_on_purpose(void **state)
{
    (void)state;
    char names[32][256];
    int n = factory_arcs(names, 32);
    assert_true(n >= 3);
    static struct arc a;
    for (int i = 0; i < n; i++) {
        size_t len;
        char *text = test_read_source_file(names[i], &len);
        struct diag_list d;
        diag_init(&d);
        bool ok = arc_parse(text, len, names[i], &a, &d);
        for (int k = 0; k < d.count; k++)
            fprintf(stderr, "%s\n", d.text[k]);
        assert_true(ok);
        /* A step where an element goes back toward the teacher, with a
         * note that says why. */
        bool pulled_back = false;
        for (int k = 1; k < a.count; k++)
            for (int e = 0; e < BOARD_ELEMENTS; e++)
                if (a.step[k].value[e] + 10 <= a.step[k - 1].value[e]
                    && a.step[k].note[0])
                    pulled_back = true;
        if (!pulled_back)
            fprintf(stderr, "%s: no step pulls an element back toward "
                    "the teacher with a note\n", names[i]);
        assert_true(pulled_back);
        /* Not every fader at the top at the end: a balance, not a race. */
        int top = 0;
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            top += a.step[a.count - 1].value[e] > 90;
        assert_true(top < BOARD_ELEMENTS);
        free(text);
    }
}

/* No run of seven words copied from the seed texts (the content test
 * guards assets/content with runs of eight). */
enum { RUN = 7, MAX_WORDS = 20000 };

struct words {
    char *w[MAX_WORDS];
    int count;
};

static void words_of(struct words *ws, const char *text)
{
    char buf[128];
    size_t n = 0;
    for (const char *p = text;; p++) {
        if (*p == '-') { /* a hyphen at a line's end joins the halves */
            const char *q = p + 1;
            while (*q == ' ' || *q == '\t' || *q == '\r')
                q++;
            if (*q == '\n') {
                p = q;
                continue;
            }
        }
        if (!*p || isspace((unsigned char)*p)) {
            if (n && ws->count < MAX_WORDS) {
                buf[n] = '\0';
                ws->w[ws->count++] = strdup(buf);
            }
            n = 0;
            if (!*p)
                break;
        } else if (isalnum((unsigned char)*p) && n + 1 < sizeof buf) {
            buf[n++] = (char)tolower((unsigned char)*p);
        }
    }
}

static void words_free(struct words *ws)
{
    for (int i = 0; i < ws->count; i++)
        free(ws->w[i]);
    ws->count = 0;
}

static bool same_run(const struct words *a, int i, const struct words *b,
                     int j)
{
    for (int k = 0; k < RUN; k++)
        if (strcmp(a->w[i + k], b->w[j + k]) != 0)
            return false;
    return true;
}

static char *read_path(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(1 << 20);
    assert_non_null(buf);
    size_t n = fread(buf, 1, (1 << 20) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void factory_arcs_are_our_own_words(void **state)
{
    (void)state;
    /* Beside the source tree, or beside the worktrees' folder. */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/../shared/seeds", SOUNDBOARD_SOURCE_DIR);
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(dir, sizeof dir, "%s/../../shared/seeds",
                 SOUNDBOARD_SOURCE_DIR);
        d = opendir(dir);
    }
    if (!d) {
        print_message("no seed texts at %s: skipping\n", dir);
        skip();
    }
    static struct words seeds[4], ours;
    int ns = 0;
    struct dirent *de;
    while ((de = readdir(d)) && ns < 4) {
        if (de->d_name[0] == '.')
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        char *text = read_path(path);
        if (!text)
            continue;
        words_of(&seeds[ns++], text);
        free(text);
    }
    closedir(d);
    assert_true(ns >= 2);
    char names[32][256];
    int n = factory_arcs(names, 32);
    int copied = 0;
    for (int f = 0; f < n + 1; f++) {
        char *text = test_read_source_file(f < n ? names[f]
                                                 : "docs/arcs.md", NULL);
        words_of(&ours, text);
        free(text);
        for (int i = 0; i + RUN <= ours.count; i++)
            for (int s = 0; s < ns; s++)
                for (int j = 0; j + RUN <= seeds[s].count; j++)
                    if (same_run(&ours, i, &seeds[s], j)) {
                        fprintf(stderr, "%s: copied from a seed: %s %s %s "
                                "%s %s %s %s\n", f < n ? names[f]
                                                       : "docs/arcs.md",
                                ours.w[i], ours.w[i + 1], ours.w[i + 2],
                                ours.w[i + 3], ours.w[i + 4], ours.w[i + 5],
                                ours.w[i + 6]);
                        copied++;
                        s = ns;
                        break;
                    }
        words_free(&ours);
    }
    for (int s = 0; s < ns; s++)
        words_free(&seeds[s]);
    assert_int_equal(copied, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(make_labels_and_clamps),
        cmocka_unit_test(insert_delete_keep_two_to_fifty_two),
        cmocka_unit_test(record_and_touch),
        cmocka_unit_test(play_dwells_then_glides_then_stops),
        cmocka_unit_test(play_glides_from_the_faders_first),
        cmocka_unit_test(play_rests_for_the_dwell_left),
        cmocka_unit_test(touch_record_overwrites_only_touched_lanes),
        cmocka_unit_test(round_trip_keeps_every_field),
        cmocka_unit_test(bad_files_name_file_and_line),
        cmocka_unit_test(factory_arcs_parse_and_pull_back_on_purpose),
        cmocka_unit_test(factory_arcs_are_our_own_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
