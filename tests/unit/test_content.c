/* content: the shipped words under assets/content/ (complete, within their
 * length limits, faithful habit choices, not copied from the seed texts)
 * and the parser's handling of broken input. */
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
#include "test_support.h"

static const char *const file_names[] = {"elements.ini", "habits.ini",
                                         "questions.ini", "ui.ini"};
enum { FILES = 4 };

static const char *const habit_ids[CONTENT_HABITS] = {
    "persisting", "managing-impulsivity", "listening-with-empathy",
    "thinking-flexibly", "metacognition", "striving-for-accuracy",
    "questioning", "applying-past-knowledge", "communicating-with-clarity",
    "gathering-data-through-senses", "creating-imagining-innovating",
    "wonderment-and-awe", "responsible-risks", "finding-humor",
    "thinking-interdependently", "continuous-learning",
};

/* The shipped content, parsed; texts kept for the no-copy guard. */
struct shipped {
    char *text[FILES];
    size_t len[FILES];
    struct content c;
    struct diag_list d;
    bool parsed;
};

static void load_shipped(struct shipped *s)
{
    struct content_file files[FILES];
    for (int i = 0; i < FILES; i++) {
        char rel[64];
        snprintf(rel, sizeof rel, "assets/content/%s", file_names[i]);
        s->text[i] = test_read_source_file(rel, &s->len[i]);
        files[i] = (struct content_file){file_names[i], s->text[i],
                                         s->len[i]};
    }
    diag_init(&s->d);
    s->parsed = content_parse(&s->c, files, FILES, &s->d);
}

static void free_shipped(struct shipped *s)
{
    content_free(&s->c);
    for (int i = 0; i < FILES; i++)
        free(s->text[i]);
}

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
            assert_in_range(utf8_chars(zt->teacher_brief), 2, 28);
            assert_in_range(utf8_chars(zt->students_brief), 2, 28);
            assert_non_null(zt->example);
            assert_true(strlen(zt->example) > 40); /* a real example */
            assert_true(strlen(zt->teacher) > 20);
            assert_true(strlen(zt->students) > 20);
            assert_in_range(zt->habit_count, 1, CONTENT_ZONE_HABITS);
            for (int k = 0; k < zt->habit_count; k++)
                assert_in_range(zt->habit[k], 0, s.c.habit_count - 1);
        }
    }
    for (int h = 0; h < s.c.habit_count; h++) {
        assert_in_range(utf8_chars(s.c.habit[h].short_name), 1, 14);
        assert_in_range(utf8_chars(s.c.habit[h].description), 10, 90);
    }
    free_shipped(&s);
}

static bool zone_has_habit(const struct content *c, const char *element,
                           enum zone z, const char *habit)
{
    const struct zone_text *zt = &c->element[board_element_index(element)]
                                      .zone[z];
    int h = content_habit_index(c, habit);
    for (int k = 0; h >= 0 && k < zt->habit_count; k++)
        if (zt->habit[k] == h)
            return true;
    print_error("%s.student-generated lacks %s\n", element, habit);
    return false;
}

/* Where the seed names dispositions for an element, the student-generated
 * end calls on them. */
static void seed_named_habits_are_used(void **state)
{
    (void)state;
    struct shipped s;
    load_shipped(&s);
    static const char *const named[][2] = {
        {"inquiry", "questioning"},
        {"inquiry", "thinking-flexibly"},
        {"task", "creating-imagining-innovating"},
        {"task", "responsible-risks"},
        {"task", "communicating-with-clarity"},
        {"feedback", "listening-with-empathy"},
        {"feedback", "thinking-flexibly"},
        {"feedback", "persisting"},
    };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        assert_true(zone_has_habit(&s.c, named[i][0], ZONE_STUDENT,
                                   named[i][1]));
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

/* ---- No-copy guard: no run of 8 words from a seed text. ---- */

enum { RUN = 8 };

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

static void content_is_not_copied_from_seeds(void **state)
{
    (void)state;
    const char *src = getenv("SOUNDBOARD_SOURCE_DIR");
    char seeds[4096];
    snprintf(seeds, sizeof seeds, "%s/../shared/seeds",
             src && *src ? src : SOUNDBOARD_SOURCE_DIR);
    DIR *dir = opendir(seeds);
    if (!dir) {
        print_message("no seed texts at %s (the shared/ folder is not "
                      "beside the source tree): skipping the no-copy "
                      "guard\n", seeds);
        skip();
    }
    /* Every run of RUN words in each seed, sorted for bisection. */
    char **runs = NULL;
    int run_count = 0, seed_files = 0;
    struct dirent *de;
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
            runs = realloc(runs, sizeof *runs
                                     * (size_t)(run_count + ws.count));
            assert_non_null(runs);
            for (int i = 0; i + RUN <= ws.count; i++) {
                char buf[1024];
                run_at(&ws, i, buf, sizeof buf);
                runs[run_count] = malloc(strlen(buf) + 1);
                assert_non_null(runs[run_count]);
                strcpy(runs[run_count++], buf);
            }
        }
        words_free(&ws);
    }
    closedir(dir);
    assert_true(seed_files >= 2);
    qsort(runs, (size_t)run_count, sizeof *runs, compare_runs);

    static const char *const ours[] = {
        "assets/content/elements.ini", "assets/content/habits.ini",
        "assets/content/questions.ini", "assets/content/ui.ini",
        "assets/content/README.md",
    };
    int copied = 0;
    for (size_t f = 0; f < sizeof ours / sizeof ours[0]; f++) {
        char *text = test_read_source_file(ours[f], NULL);
        struct words ws = {0};
        words_of(&ws, text);
        free(text);
        for (int i = 0; i + RUN <= ws.count; i++) {
            char buf[1024];
            run_at(&ws, i, buf, sizeof buf);
            char *key = buf;
            if (bsearch(&key, runs, (size_t)run_count, sizeof *runs,
                        compare_runs)) {
                print_error("%s: \"%s\" is copied from a seed text\n",
                            ours[f], buf);
                copied++;
            }
        }
        words_free(&ws);
    }
    for (int i = 0; i < run_count; i++)
        free(runs[i]);
    free(runs);
    assert_int_equal(copied, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_content_is_clean_and_complete),
        cmocka_unit_test(sixteen_habits_with_the_agreed_ids),
        cmocka_unit_test(lengths_fit_strips_and_cells),
        cmocka_unit_test(seed_named_habits_are_used),
        cmocka_unit_test(ui_strings_found_by_key),
        cmocka_unit_test(ui_keys_used_in_code_exist),
        cmocka_unit_test(broken_inputs_name_file_and_line),
        cmocka_unit_test(parsing_goes_on_after_errors),
        cmocka_unit_test(empty_content_is_incomplete),
        cmocka_unit_test(content_is_not_copied_from_seeds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
