/* content: the shipped words under assets/content/ (complete, within their
 * length limits, faithful habit choices, the two overlays, not copied from
 * the seed texts: every file under assets/, presets included) and the
 * parser's handling of broken input. The bridge rules are in
 * test_bridge.c, the factory presets' notes in test_factory_presets.c. */
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

#include "content.h"
#include "preset.h"
#include "shipped.h"
#include "str.h"
#include "test_support.h"

static const char *const habit_ids[CONTENT_HABITS] = {
    "persisting", "managing-impulsivity", "listening-with-empathy",
    "thinking-flexibly", "metacognition", "striving-for-accuracy",
    "questioning", "applying-past-knowledge", "communicating-with-clarity",
    "gathering-data-through-senses", "creating-imagining-innovating",
    "wonderment-and-awe", "responsible-risks", "finding-humor",
    "thinking-interdependently", "continuous-learning",
};

static void print_diag(const struct diag_list *d)
{
    for (int i = 0; i < d->count; i++)
        print_error("  %s\n", d->text[i]);
}

static void shipped_content_is_clean_and_complete(void **state)
{
    (void)state;
    struct shipped s;
    load_shipped(&s);
    print_diag(&s.d);
    assert_true(s.parsed);
    assert_int_equal(diag_total(&s.d), 0);
    assert_true(content_check_complete(&s.c, "assets/content", &s.d));
    print_diag(&s.d);
    assert_int_equal(diag_total(&s.d), 0);
    assert_int_equal(s.c.question_count, CONTENT_QUESTIONS);
    assert_string_equal(s.c.element[0].name, "Goals");
    assert_string_equal(s.c.element[1].name, "Inquiry and Idea Generation");
    assert_string_equal(s.c.element[6].name,
                        "Cumulative Demonstration of Learning");
    free_shipped(&s);
}

static void sixteen_habits_with_the_agreed_ids(void **state)
{
    (void)state;
    struct shipped s;
    load_shipped(&s);
    assert_int_equal(s.c.habit_count, CONTENT_HABITS);
    for (int i = 0; i < CONTENT_HABITS; i++) {
        int h = content_habit_index(&s.c, habit_ids[i]);
        if (h < 0)
            print_error("habit '%s' is missing\n", habit_ids[i]);
        assert_true(h >= 0);
        assert_string_equal(s.c.habit[h].id, habit_ids[i]);
    }
    assert_int_equal(content_habit_index(&s.c, "flying"), -1);
    assert_int_equal(content_habit_index(&s.c, NULL), -1);
    free_shipped(&s);
}

static int utf8_chars(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void lengths_fit_strips_and_cells(void **state)
{
    (void)state;
    struct shipped s;
    load_shipped(&s);
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        const struct element_text *et = &s.c.element[e];
        assert_non_null(et->label);
        assert_in_range(strlen(et->label), 1, CONTENT_LABEL_MAX);
        for (const char *p = et->label; *p; p++)
            assert_true(isupper((unsigned char)*p) || *p == ' ');
        for (int z = 0; z < ZONE_COUNT; z++) {
            const struct zone_text *zt = &et->zone[z];
            assert_in_range(utf8_chars(zt->teacher_brief), 2,
                            CONTENT_BRIEF_MAX);
            assert_in_range(utf8_chars(zt->students_brief), 2,
                            CONTENT_BRIEF_MAX);
            assert_non_null(zt->example);
            assert_true(strlen(zt->example) > 40); /* a real example */
            assert_true(strlen(zt->teacher) > 20);
            assert_true(strlen(zt->students) > 20);
            assert_int_equal(zt->habit_count, CONTENT_POSITION_HABITS);
            for (int k = 0; k < zt->habit_count; k++)
                assert_in_range(zt->habit[k], 0, s.c.habit_count - 1);
        }
    }
    for (int h = 0; h < s.c.habit_count; h++) {
        assert_in_range(utf8_chars(s.c.habit[h].short_name), 1,
                        CONTENT_SHORT_MAX);
        assert_in_range(utf8_chars(s.c.habit[h].description), 10,
                        CONTENT_DESCRIPTION_MAX);
    }
    free_shipped(&s);
}

static void ui_strings_found_by_key(void **state)
{
    (void)state;
    struct shipped s;
    load_shipped(&s);
    static const char *const required[] = {
        "app.title", "app.tagline", "bridge.title", "readout.teacher",
        "readout.students", "readout.example", "readout.habits",
        "status.no-controller", "status.connected", "questions.title",
        "questions.intro",
    };
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
        const char *v = content_string(&s.c, required[i]);
        if (v == required[i])
            print_error("ui string %s is missing\n", required[i]);
        assert_ptr_not_equal(v, required[i]);
        assert_true(strlen(v) > 0);
    }
    for (int z = 0; z < ZONE_COUNT; z++) {
        char key[64];
        snprintf(key, sizeof key, "zone.%s", zone_id((enum zone)z));
        assert_ptr_not_equal(content_string(&s.c, key), key);
    }
    assert_string_equal(content_string(&s.c, "zone.teacher-generated"),
                        "Teacher-generated");
    assert_string_equal(content_string(&s.c, "zone.co-created"),
                        "Co-created");
    assert_string_equal(content_string(&s.c, "zone.student-generated"),
                        "Student-generated");
    assert_string_equal(content_string(&s.c, "status.no-controller"),
                        "No controller: mouse, keys and touch work");
    /* status.connected is a format: exactly one %s and no other %. */
    const char *conn = content_string(&s.c, "status.connected");
    const char *pct = strchr(conn, '%');
    assert_non_null(pct);
    assert_int_equal(pct[1], 's');
    assert_null(strchr(pct + 1, '%'));
    /* A missing key comes back as itself. */
    const char *missing = "no.such-key";
    assert_ptr_equal(content_string(&s.c, missing), missing);
    assert_ptr_equal(content_string(NULL, missing), missing);
    /* Sorted, so the lookup can bisect. */
    for (int i = 1; i < s.c.string_count; i++)
        assert_true(strcmp(s.c.string[i - 1].key, s.c.string[i].key) < 0);
    free_shipped(&s);
}

/* Every content_string(..., "literal") in the UI and app sources names a
 * string ui.ini has. */
static void ui_keys_used_in_code_exist(void **state)
{
    (void)state;
    struct shipped s;
    load_shipped(&s);
    static const char *const dirs[] = {"src/ui", "src/app", "src/core"};
    int checked = 0, missing = 0;
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", SOUNDBOARD_SOURCE_DIR, dirs[i]);
        DIR *dir = opendir(path);
        if (!dir)
            continue;
        struct dirent *de;
        while ((de = readdir(dir))) {
            size_t n = strlen(de->d_name);
            if (n < 3 || strcmp(de->d_name + n - 2, ".c") != 0
                || strcmp(de->d_name, "content.c") == 0)
                continue;
            char rel[512];
            snprintf(rel, sizeof rel, "%s/%s", dirs[i], de->d_name);
            char *text = test_read_source_file(rel, NULL);
            for (char *p = strstr(text, "content_string("); p;
                 p = strstr(p + 1, "content_string(")) {
                char *close = strchr(p, ')');
                char *q = strchr(p, '"');
                if (!q || !close || q > close)
                    continue; /* key computed at run time */
                char key[128];
                size_t k = 0;
                for (q++; *q && *q != '"' && k + 1 < sizeof key; q++)
                    key[k++] = *q;
                key[k] = '\0';
                if (content_string(&s.c, key) == key) {
                    print_error("%s uses ui string '%s', missing from "
                                "ui.ini\n", rel, key);
                    missing++;
                }
                checked++;
            }
            free(text);
        }
        closedir(dir);
    }
    print_message("checked %d ui string keys used in code\n", checked);
    free_shipped(&s);
    assert_int_equal(missing, 0);
}

static const char habits_one[] =
    "[persisting]\nname = Persisting\nshort = Persisting\n"
    "description = Keeps going\n";

/* One broken input: the file it is in, its text and length (0: strlen),
 * and the message expected. */
struct broken {
    const char *file;
    const char *text;
    size_t len;
    const char *expect;
};

#define WITH_LEN(s) s, sizeof s - 1

static const struct broken broken_inputs[] = {
    {"elements.ini", "[goals.co-created]\nteacher = T\n"
     "habits = persisting, flying\n", 0,
     "elements.ini:3: unknown habit 'flying' in [goals.co-created]"},
    {"elements.ini", "[goals]\nname = Goals\nlabel = GOALSETTING\n", 0,
     "elements.ini:3: 'label' in [goals] is 11 characters long"},
    {"elements.ini", "[goals]\nlabel = Goals\n", 0,
     "elements.ini:2: label 'Goals' in [goals] must be upper-case"},
    {"habits.ini", "[persisting]\nname = A\nname = B\n", 0,
     "habits.ini:3: 'name' is given twice in [persisting]"},
    {"habits.ini", "\n[persisting]\nname = P\nshort = P\n", 0,
     "habits.ini:3: [persisting] has no 'description'"},
    {"ui.ini", "[app]\ntitle = x\nthis is not ini\n", 0,
     "ui.ini:3: expected [section], key = value or a comment"},
    {"questions.ini", WITH_LEN("[questions]\n1 = a\0b\n"),
     "questions.ini:2: contains a NUL byte"},
    {"ui.ini", "[app]\ntitle =\n", 0, "ui.ini:2: 'title' in [app] is empty"},
    {"elements.ini", "[colour]\nname = x\n", 0,
     "elements.ini:2: unknown element 'colour'"},
    {"elements.ini", "[goals.middle]\nteacher = x\n", 0,
     "elements.ini:2: unknown zone 'middle'"},
    {"elements.ini", "[goals]\n\ncolour = red\n", 0,
     "elements.ini:3: unknown setting 'colour' in [goals]"},
    {"elements.ini", "[task.co-created]\nteacher-brief = A brief that is "
     "far too long for a strip\n", 0,
     "elements.ini:2: 'teacher-brief' in [task.co-created] is 40 "
     "characters long: at most 28 fit"},
    {"elements.ini", "[task.co-created]\nstudents-brief = Short\n"
     "    but then it goes on and on\n", 0,
     "elements.ini:3: 'students-brief' in [task.co-created] is 32"},
    {"elements.ini", "[plan.co-created]\nhabits = persisting, "
     "persisting\n", 0,
     "elements.ini:2: habit 'persisting' is listed twice"},
    {"elements.ini", "[plan.co-created]\nhabits = persisting,, \n", 0,
     "elements.ini:2: an empty name in the habits of [plan.co-created]"},
    {"habits.ini", "[Thinking]\nname = T\n", 0,
     "habits.ini:2: habit id [Thinking] must be lower-case"},
    {"habits.ini", "[persisting]\ncolour = red\n", 0,
     "habits.ini:2: unknown setting 'colour' in [persisting]"},
    {"habits.ini", "[persisting]\nshort = Persistently persisting\n", 0,
     "habits.ini:2: 'short' in [persisting] is 23 characters long"},
    {"questions.ini", "[questions]\n5 = Why?\n", 0,
     "questions.ini:2: unknown setting '5' in [questions]"},
    {"questions.ini", "[faq]\n1 = Why?\n", 0,
     "questions.ini:2: unknown section [faq]"},
    {"questions.ini", "[questions]\n1 = One\n3 = Three\n", 0,
     "questions.ini:2: [questions] has no '2'"},
    {"ui.ini", "title = top\n", 0,
     "ui.ini:1: 'title' must be inside a [section]"},
    {"ui.ini", "[app]\ntitle = A\n[app]\ntitle = B\n", 0,
     "ui.ini:4: 'title' is given twice in [app]"},
    {"notes.ini", "[app]\ntitle = A\n", 0, "notes.ini: not a content file"},
    {"elements.ini", "[goals]\npurpose = Who decides what the unit sets out "
     "to achieve, and who checks that it was achieved.\n", 0,
     "elements.ini:2: 'purpose' in [goals] is 83 characters long: at most "
     "72 fit"},
    {"elements.ini", "[plan.co-created]\nhabits = persisting\n", 0,
     "elements.ini:2: [plan.co-created] names 1 habit: every position "
     "names exactly 3"},
    {"elements.ini", "[plan.co-created]\nhabits = persisting, persisting,"
     " flying, persisting\n", 0,
     "elements.ini:2: [plan.co-created] names 4 habits"},
    {"ui.ini", "[app]\ntagline = Mix for these students, now: a balance "
     "that fits them, not every fader at the top.\n", 0,
     "ui.ini:2: 'tagline' in [app] is 82 characters long: at most 56 fit"},
    {"ui.ini", "[about]\ntitle = T\ncolour = red\n", 0,
     "ui.ini:3: unknown setting 'colour' in [about] (expected title, 1 to "
     "8, credit, sources or source-1 to source-4)"},
    {"ui.ini", "[about]\ntitle = T\n2 = Second\n", 0,
     "ui.ini:2: [about] has '2' but no '1'"},
    {"ui.ini", "[about]\nsource-5 = x\n", 0,
     "ui.ini:2: unknown setting 'source-5' in [about]"},
    {"ui.ini", "[misunderstandings]\ntitle = T\n1 = One\n", 0,
     "ui.ini:2: [misunderstandings] has '1' but no '1-instead'"},
    {"ui.ini", "[misunderstandings]\n2-instead = Do this\n", 0,
     "ui.ini:2: [misunderstandings] has '2-instead' but no '2'"},
    {"ui.ini", "[misunderstandings]\n4 = Four\n", 0,
     "ui.ini:2: unknown setting '4' in [misunderstandings]"},
};

static void broken_inputs_name_file_and_line(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof broken_inputs / sizeof broken_inputs[0];
         i++) {
        const struct broken *b = &broken_inputs[i];
        struct content_file files[2] = {
            {b->file, b->text, b->len ? b->len : strlen(b->text)},
            {"habits.ini", habits_one, sizeof habits_one - 1},
        };
        /* The broken text is the habits file itself in some cases. */
        int n = strcmp(b->file, "habits.ini") == 0 ? 1 : 2;
        struct content c;
        struct diag_list d;
        diag_init(&d);
        bool ok = content_parse(&c, files, n, &d);
        bool found = false;
        for (int k = 0; k < d.count; k++)
            found |= strstr(d.text[k], b->expect) != NULL;
        if (ok || !found) {
            print_error("case %zu: expected \"%s\", got:\n", i, b->expect);
            print_diag(&d);
        }
        assert_false(ok);
        assert_true(found);
        content_free(&c);
    }
}

/* Bad lines are reported and skipped; everything around them still loads,
 * and a continuation joins with one blank. */
static void parsing_goes_on_after_errors(void **state)
{
    (void)state;
    static const char elements[] =
        "[goals]\nname = Goals\nlabel = TOOLONGLABEL\nnonsense line\n"
        "[goals.co-created]\nteacher = Works with\n    the class\n"
        "habits = persisting, flying, questioning\n"
        "example = x\nexample = y\n    continued\nstudents = Help\n";
    static const char habits[] =
        "[questioning]\nname = Q\nshort = Q\ndescription = Asks\n";
    struct content_file files[] = {
        {"elements.ini", elements, sizeof elements - 1},
        {"habits.ini", habits_one, sizeof habits_one - 1},
        {"habits.ini", habits, sizeof habits - 1},
    };
    struct content c;
    struct diag_list d;
    diag_init(&d);
    assert_false(content_parse(&c, files, 3, &d));
    print_diag(&d);
    const struct element_text *g = &c.element[0];
    assert_string_equal(g->name, "Goals");
    assert_null(g->label);
    const struct zone_text *zt = &g->zone[ZONE_COCREATED];
    assert_string_equal(zt->teacher, "Works with the class");
    assert_string_equal(zt->example, "x"); /* the repeat is dropped whole */
    assert_string_equal(zt->students, "Help");
    /* Habits resolve across files in any order; the unknown one is left
     * out. */
    assert_int_equal(zt->habit_count, 2);
    assert_int_equal(zt->habit[0], content_habit_index(&c, "persisting"));
    assert_int_equal(zt->habit[1], content_habit_index(&c, "questioning"));
    assert_int_equal(c.habit_count, 2);
    bool long_label = false, bad_line = false, twice = false;
    for (int k = 0; k < d.count; k++) {
        long_label |= strstr(d.text[k], "elements.ini:3:") != NULL;
        bad_line |= strstr(d.text[k], "elements.ini:4:") != NULL;
        twice |= strstr(d.text[k], "elements.ini:10:") != NULL;
    }
    assert_true(long_label && bad_line && twice);
    /* The gaps show up in the completeness check too. */
    struct diag_list gaps;
    diag_init(&gaps);
    assert_false(content_check_complete(&c, "assets/content", &gaps));
    assert_true(diag_total(&gaps) > 10);
    assert_non_null(strstr(gaps.text[0], "assets/content: "));
    content_free(&c);
    assert_int_equal(c.habit_count, 0);
    assert_null(c.string);
}

/* The two overlays and the balance message, as the UI will read them. */
static void overlays_say_what_the_authors_mean(void **state)
{
    (void)state;
    struct shipped s;
    load_shipped(&s);
    assert_true(s.parsed);
    const struct content_about *a = &s.c.about;
    assert_string_equal(a->title, "What this is");
    assert_ptr_equal(a->title, content_string(&s.c, "about.title"));
    assert_in_range(a->paragraph_count, 4, CONTENT_ABOUT_PARAGRAPHS);
    assert_ptr_equal(a->paragraph[0], content_string(&s.c, "about.1"));
    /* The ideas the overlay must carry, each somewhere in it. */
    static const char *const ideas[] = {
        "progressively student-driven", "gradual release",
        "these students need now", "valid and valuable",
        "role changes rather than disappears", "Habits of Mind",
    };
    for (size_t i = 0; i < sizeof ideas / sizeof ideas[0]; i++) {
        bool found = false;
        for (int k = 0; k < a->paragraph_count; k++)
            found |= strstr(a->paragraph[k], ideas[i]) != NULL;
        if (!found)
            print_error("[about] does not say '%s'\n", ideas[i]);
        assert_true(found);
    }
    assert_non_null(strstr(a->credit, "Bena Kallick and Allison Zmuda"));
    assert_non_null(strstr(a->credit, "Arthur L. Costa and Bena Kallick"));
    assert_non_null(a->sources_heading);
    assert_int_equal(a->source_count, CONTENT_SOURCES);
    bool article = false, post = false, habits = false;
    for (int k = 0; k < a->source_count; k++) {
        article |= strstr(a->source[k], "Orchestrating the Move") != NULL;
        post |= strstr(a->source[k], "What Progressively Student") != NULL;
        habits |= strstr(a->source[k], "Habits of Mind: 16") != NULL;
    }
    assert_true(article && post && habits);

    const struct content_misunderstandings *m = &s.c.misunderstandings;
    assert_string_equal(m->title, "Three misunderstandings");
    assert_non_null(m->intro);
    assert_non_null(m->instead_label);
    assert_int_equal(m->count, CONTENT_MISUNDERSTANDINGS);
    for (int k = 0; k < m->count; k++) {
        assert_true(strlen(m->item[k].claim) > 20);
        assert_true(strlen(m->item[k].instead) > 40);
    }
    /* In order: not every fader up, not a continuum or a rubric; the
     * teacher is no less important; teacher-generated is powerful. */
    assert_non_null(strstr(m->item[0].claim, "every fader"));
    assert_non_null(strstr(m->item[0].instead, "continuum"));
    assert_non_null(strstr(m->item[0].instead, "rubric"));
    assert_non_null(strstr(m->item[1].instead, "coaching"));
    assert_non_null(strstr(m->item[1].instead, "provocative questions"));
    assert_non_null(strstr(m->item[2].instead, "Teacher-generated"));
    assert_non_null(strstr(m->item[2].instead, "powerful"));

    const char *tagline = content_string(&s.c, "app.tagline");
    assert_in_range(str_chars(tagline), 10, CONTENT_TAGLINE_MAX);
    assert_null(strchr(tagline, '%'));
    free_shipped(&s);
}

static void empty_content_is_incomplete(void **state)
{
    (void)state;
    struct content c;
    struct diag_list d;
    diag_init(&d);
    assert_true(content_parse(&c, NULL, 0, &d));
    assert_false(content_check_complete(&c, "where", &d));
    bool name = false, habits = false, questions = false;
    for (int k = 0; k < d.count; k++) {
        name |= strcmp(d.text[k], "where: elements.ini [goals] has no "
                                  "'name'") == 0;
        habits |= strcmp(d.text[k], "where: habits.ini has 0 habits, "
                                    "not 16") == 0;
        questions |= strstr(d.text[k], "questions.ini has 0") != NULL;
    }
    assert_true(name);
    assert_true(habits || d.dropped > 0);
    assert_true(questions || d.dropped > 0);
    assert_string_equal(content_string(&c, "app.title"), "app.title");
    content_free(&c);
}

/* ---- No-copy guard: no run of RUN words from a seed text. ----
 *
 * Every file under assets/ (content, key bindings, presets, READMEs) and
 * every parsed string the program shows or writes (element and habit
 * texts, the questions, every ui.ini string including the handout's
 * export.* template, each factory preset's name and notes) is compared
 * with every run of RUN words in the seed texts. The one exception is
 * ui.ini's [about] source-N lines: they quote the sources' titles, which
 * must be exact. */

enum { RUN = 7 };

struct words {
    char **w;
    int count, cap;
};

static void words_push(struct words *ws, const char *s, size_t n)
{
    if (ws->count == ws->cap) {
        ws->cap = ws->cap ? 2 * ws->cap : 1024;
        ws->w = realloc(ws->w, sizeof *ws->w * (size_t)ws->cap);
        assert_non_null(ws->w);
    }
    char *copy = malloc(n + 1);
    assert_non_null(copy);
    memcpy(copy, s, n);
    copy[n] = '\0';
    ws->w[ws->count++] = copy;
}

/* Splits text at blank space into lower-case words of letters and digits
 * only; a hyphen at a line's end joins the two halves (the seeds are
 * hyphenated print). */
static void words_of(struct words *ws, const char *text)
{
    char buf[256];
    size_t n = 0;
    for (const char *p = text;; p++) {
        if (*p == '-') {
            const char *q = p + 1;
            while (*q == ' ' || *q == '\t' || *q == '\r')
                q++;
            if (*q == '\n') {
                p = q;
                continue;
            }
        }
        if (!*p || isspace((unsigned char)*p)) {
            if (n)
                words_push(ws, buf, n);
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
    free(ws->w);
    memset(ws, 0, sizeof *ws);
}

/* The RUN words from w[i], joined with blanks, into out. */
static void run_at(const struct words *ws, int i, char *out, size_t size)
{
    size_t n = 0;
    out[0] = '\0';
    for (int k = 0; k < RUN && n < size; k++)
        n += (size_t)snprintf(out + n, size - n, k ? " %s" : "%s",
                              ws->w[i + k]);
}

static int compare_runs(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *read_whole(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* The seed texts: $SOUNDBOARD_SEEDS_DIR, else shared/seeds beside the
 * source tree or beside its parent (a git worktree one level down). */
static DIR *open_seeds(char *path, size_t size)
{
    const char *env = getenv("SOUNDBOARD_SEEDS_DIR");
    const char *src = getenv("SOUNDBOARD_SOURCE_DIR");
    if (!src || !*src)
        src = SOUNDBOARD_SOURCE_DIR;
    if (env && *env) {
        snprintf(path, size, "%s", env);
        return opendir(path);
    }
    static const char *const up[] = {"/..", "/../.."};
    for (size_t i = 0; i < sizeof up / sizeof up[0]; i++) {
        snprintf(path, size, "%s%s/shared/seeds", src, up[i]);
        DIR *d = opendir(path);
        if (d)
            return d;
    }
    snprintf(path, size, "%s/../shared/seeds", src);
    return NULL;
}

struct seed_runs {
    char **run;
    int count;
};

static void seed_runs_load(struct seed_runs *sr, DIR *dir, const char *seeds)
{
    int seed_files = 0;
    struct dirent *de;
    sr->run = NULL;
    sr->count = 0;
    while ((de = readdir(dir))) {
        if (de->d_name[0] == '.')
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", seeds, de->d_name);
        char *text = read_whole(path);
        if (!text)
            continue;
        seed_files++;
        struct words ws = {0};
        words_of(&ws, text);
        free(text);
        if (ws.count >= RUN) {
            sr->run = realloc(sr->run, sizeof *sr->run
                                           * (size_t)(sr->count + ws.count));
            assert_non_null(sr->run);
            for (int i = 0; i + RUN <= ws.count; i++) {
                char buf[1024];
                run_at(&ws, i, buf, sizeof buf);
                sr->run[sr->count] = malloc(strlen(buf) + 1);
                assert_non_null(sr->run[sr->count]);
                strcpy(sr->run[sr->count++], buf);
            }
        }
        words_free(&ws);
    }
    assert_true(seed_files >= 2);
    qsort(sr->run, (size_t)sr->count, sizeof *sr->run, compare_runs);
}

static void seed_runs_free(struct seed_runs *sr)
{
    for (int i = 0; i < sr->count; i++)
        free(sr->run[i]);
    free(sr->run);
}

/* Runs of `text` found in a seed, each reported as coming from `what`. */
static int copied_runs(const struct seed_runs *sr, const char *what,
                       const char *text)
{
    int copied = 0;
    struct words ws = {0};
    words_of(&ws, text);
    for (int i = 0; i + RUN <= ws.count; i++) {
        char buf[1024];
        run_at(&ws, i, buf, sizeof buf);
        char *key = buf;
        if (bsearch(&key, sr->run, (size_t)sr->count, sizeof *sr->run,
                    compare_runs)) {
            print_error("%s: \"%s\" is copied from a seed text\n", what,
                        buf);
            copied++;
        }
    }
    words_free(&ws);
    return copied;
}

/* ui.ini without its [about] source-N entries (and their continuation
 * lines): the quoted titles of the sources. */
static void drop_source_titles(char *text)
{
    bool about = false, dropping = false;
    char *out = text;
    for (char *line = text; *line;) {
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) + 1 : strlen(line);
        if (line[0] == '[') {
            about = strncmp(line, "[about]", 7) == 0;
            dropping = false;
        } else if (line[0] != ' ' && line[0] != '\t') {
            dropping = about && strncmp(line, "source-", 7) == 0;
        }
        if (!dropping) {
            memmove(out, line, n);
            out += n;
        }
        line += n;
    }
    *out = '\0';
}

/* Every regular file under dir (relative to the source tree), depth
 * first; returns the number of copied runs found. */
static int scan_tree(const struct seed_runs *sr, const char *rel, int *files)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", SOUNDBOARD_SOURCE_DIR, rel);
    struct dirent **list;
    int n = scandir(path, &list, NULL, alphasort);
    assert_true(n >= 0);
    int copied = 0;
    for (int i = 0; i < n; i++) {
        const char *name = list[i]->d_name;
        char child[2048];
        snprintf(child, sizeof child, "%s/%s", rel, name);
        if (name[0] == '.') {
            free(list[i]);
            continue;
        }
        char full[8192];
        snprintf(full, sizeof full, "%s/%s", SOUNDBOARD_SOURCE_DIR, child);
        DIR *sub = opendir(full);
        if (sub) {
            closedir(sub);
            copied += scan_tree(sr, child, files);
        } else {
            char *text = test_read_source_file(child, NULL);
            if (strcmp(child, "assets/content/ui.ini") == 0)
                drop_source_titles(text);
            copied += copied_runs(sr, child, text);
            free(text);
            (*files)++;
        }
        free(list[i]);
    }
    free(list);
    return copied;
}

/* The parsed strings: joined continuation lines, preset notes with their
 * escapes undone. */
static int scan_parsed(const struct seed_runs *sr)
{
    struct shipped s;
    load_shipped(&s);
    assert_true(s.parsed);
    int copied = 0;
    char what[256];
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        const struct element_text *et = &s.c.element[e];
        copied += copied_runs(sr, "elements.ini purpose", et->purpose);
        for (int z = 0; z < ZONE_COUNT; z++) {
            const struct zone_text *zt = &et->zone[z];
            const char *texts[] = {zt->teacher, zt->students, zt->example};
            snprintf(what, sizeof what, "elements.ini [%s.%s]",
                     board_element_id(e), zone_id((enum zone)z));
            for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
                copied += copied_runs(sr, what, texts[k]);
        }
    }
    for (int h = 0; h < s.c.habit_count; h++)
        copied += copied_runs(sr, "habits.ini", s.c.habit[h].description);
    for (int q = 0; q < s.c.question_count; q++)
        copied += copied_runs(sr, "questions.ini", s.c.question[q]);
    int export_keys = 0;
    for (int i = 0; i < s.c.string_count; i++) {
        const char *key = s.c.string[i].key;
        if (strncmp(key, "about.source-", 13) == 0)
            continue;
        export_keys += strncmp(key, "export.", 7) == 0;
        snprintf(what, sizeof what, "ui.ini %s", key);
        copied += copied_runs(sr, what, s.c.string[i].value);
    }
    assert_true(export_keys >= 3); /* the handout template is scanned */
    free_shipped(&s);

    struct factory f;
    load_factory(&f);
    assert_int_equal(f.broken, 0);
    assert_true(f.count >= 5);
    for (int i = 0; i < f.count; i++) {
        snprintf(what, sizeof what, "assets/presets/%.200s", f.file[i]);
        copied += copied_runs(sr, what, f.p[i].name);
        copied += copied_runs(sr, what, f.p[i].notes);
    }
    return copied;
}

static void nothing_under_assets_copies_a_seed(void **state)
{
    (void)state;
    char seeds[4096];
    DIR *dir = open_seeds(seeds, sizeof seeds);
    if (!dir) {
        print_message("no seed texts at %s (set SOUNDBOARD_SEEDS_DIR, or "
                      "put shared/seeds beside the source tree): skipping "
                      "the no-copy guard\n", seeds);
        skip();
    }
    struct seed_runs sr;
    seed_runs_load(&sr, dir, seeds);
    closedir(dir);
    int files = 0;
    int copied = scan_tree(&sr, "assets", &files);
    print_message("no-copy guard: %d files under assets/ against %d runs of "
                  "%d words from %s\n", files, sr.count, RUN, seeds);
    assert_true(files >= 15);
    copied += scan_parsed(&sr);
    /* The guard itself: a run copied from a seed is caught. */
    assert_int_equal(copied_runs(&sr, "(the guard's self-test, expected)",
                                 "As we slide the control into the"), 1);
    seed_runs_free(&sr);
    assert_int_equal(copied, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_content_is_clean_and_complete),
        cmocka_unit_test(sixteen_habits_with_the_agreed_ids),
        cmocka_unit_test(lengths_fit_strips_and_cells),
        cmocka_unit_test(ui_strings_found_by_key),
        cmocka_unit_test(ui_keys_used_in_code_exist),
        cmocka_unit_test(broken_inputs_name_file_and_line),
        cmocka_unit_test(parsing_goes_on_after_errors),
        cmocka_unit_test(overlays_say_what_the_authors_mean),
        cmocka_unit_test(empty_content_is_incomplete),
        cmocka_unit_test(nothing_under_assets_copies_a_seed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
