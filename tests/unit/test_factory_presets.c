/* factory presets: presets that teach. Over assets/presets/: every zone a
 * note names agrees with the preset's values; no two presets are nearly
 * the same shape; at least two show the teacher pulling an element back on
 * purpose and at least one is a spiky profile; US spelling.
 *
 * The convention a note uses to name a zone (docs/presets.md, "Notes that
 * name a zone"): one element's id, or several joined by commas and "and",
 * then at most four other words, then a zone name, all in one clause (no
 * period, colon, semicolon, parenthesis or comma in between):
 *   "Goals and inquiry sit in co-created"
 *   "Evaluation comes back to teacher-generated"
 *   "Feedback, plan and demonstration stay student-generated"
 * "not", "never" or "no" among those words turns it into "is not in that
 * zone"; "back" among them marks a pull-back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "shipped.h"

enum { TOKENS_MAX = 1024, WINDOW = 4, CLAIMS_MAX = 64 };

/* A token: a lower-case word (letters, digits, hyphens, apostrophes), ","
 * or "|" (the end of a clause). */
struct tokens {
    char t[TOKENS_MAX][48];
    int count;
};

static void tokenize(const char *text, struct tokens *tk)
{
    tk->count = 0;
    const char *p = text;
    while (*p && tk->count < TOKENS_MAX) {
        unsigned char ch = (unsigned char)*p;
        if (isalnum(ch) || ch >= 0x80) {
            size_t n = 0;
            while (*p && (isalnum((unsigned char)*p) || *p == '-'
                          || *p == '\'' || (unsigned char)*p >= 0x80)) {
                if (n + 1 < sizeof tk->t[0])
                    tk->t[tk->count][n++] = (char)tolower((unsigned char)*p);
                p++;
            }
            tk->t[tk->count][n] = '\0';
            tk->count++;
            continue;
        }
        if (ch == ',')
            snprintf(tk->t[tk->count++], sizeof tk->t[0], ",");
        else if (strchr(".:;!?()\"\n", ch))
            snprintf(tk->t[tk->count++], sizeof tk->t[0], "|");
        p++;
    }
}

struct claim {
    int element[BOARD_ELEMENTS];
    int elements;
    enum zone zone;
    bool negated;
    bool back;
};

static int element_of(const char *word)
{
    return board_element_index(word);
}

/* Every zone claim in a note, by the convention above. */
static int claims_of(const char *note, struct claim *out, int max)
{
    static struct tokens tk;
    tokenize(note, &tk);
    int n = 0;
    for (int i = 0; i < tk.count && n < max;) {
        if (element_of(tk.t[i]) < 0) {
            i++;
            continue;
        }
        struct claim c = {.elements = 0};
        c.element[c.elements++] = element_of(tk.t[i]);
        int j = i + 1;
        for (;;) {
            int k = j;
            while (k < tk.count
                   && (strcmp(tk.t[k], ",") == 0
                       || strcmp(tk.t[k], "and") == 0))
                k++;
            if (k > j && k < tk.count && element_of(tk.t[k]) >= 0
                && c.elements < BOARD_ELEMENTS) {
                c.element[c.elements++] = element_of(tk.t[k]);
                j = k + 1;
            } else {
                break;
            }
        }
        int words = 0;
        bool found = false;
        for (int k = j; k < tk.count && words <= WINDOW; k++) {
            const char *w = tk.t[k];
            if (strcmp(w, "|") == 0 || strcmp(w, ",") == 0
                || element_of(w) >= 0)
                break;
            int z = zone_from_id(w);
            if (z >= 0) {
                c.zone = (enum zone)z;
                found = true;
                j = k + 1;
                break;
            }
            c.negated |= strcmp(w, "not") == 0 || strcmp(w, "never") == 0
                         || strcmp(w, "no") == 0;
            c.back |= strcmp(w, "back") == 0;
            words++;
        }
        if (found)
            out[n++] = c;
        else
            c = (struct claim){0};
        i = j;
    }
    return n;
}

/* The convention parser itself, on sentences whose claims are known. */
static void the_note_convention_parses(void **state)
{
    (void)state;
    struct claim c[CLAIMS_MAX];
    int n = claims_of("Goals and inquiry sit in co-created: the class picks."
                      " Task, evaluation, feedback, plan and demonstration "
                      "stay teacher-generated.", c, CLAIMS_MAX);
    assert_int_equal(n, 2);
    assert_int_equal(c[0].elements, 2);
    assert_int_equal(c[0].element[1], board_element_index("inquiry"));
    assert_int_equal(c[0].zone, ZONE_COCREATED);
    assert_int_equal(c[1].elements, 5);
    assert_int_equal(c[1].zone, ZONE_TEACHER);
    assert_false(c[1].back);

    n = claims_of("So inquiry comes back to teacher-generated for now.", c,
                  CLAIMS_MAX);
    assert_int_equal(n, 1);
    assert_true(c[0].back);
    assert_int_equal(c[0].zone, ZONE_TEACHER);

    n = claims_of("Feedback is not student-generated yet.", c, CLAIMS_MAX);
    assert_int_equal(n, 1);
    assert_true(c[0].negated);

    /* Too far, across a clause, or no zone: no claim. */
    assert_int_equal(claims_of("The plan fader moves up first.", c,
                               CLAIMS_MAX), 0);
    assert_int_equal(claims_of("Goals matter. Co-created work is good.", c,
                               CLAIMS_MAX), 0);
    assert_int_equal(claims_of("Goals were set long ago by the class, "
                               "co-created", c, CLAIMS_MAX), 0);
    assert_int_equal(claims_of("Goals were set long ago by co-created", c,
                               CLAIMS_MAX), 0);
    /* Each element of a list is claimed, however it is joined. */
    n = claims_of("Goals, task, and evaluation stay co-created", c,
                  CLAIMS_MAX);
    assert_int_equal(n, 1);
    assert_int_equal(c[0].elements, 3);
}

/* Every zone a factory note names is where the preset puts that fader,
 * and every note names at least two. */
static void every_note_agrees_with_its_mix(void **state)
{
    (void)state;
    struct factory f;
    load_factory(&f);
    assert_int_equal(f.broken, 0);
    assert_true(f.count >= 5);
    int wrong = 0;
    for (int i = 0; i < f.count; i++) {
        const struct preset *p = &f.p[i];
        struct claim c[CLAIMS_MAX];
        int n = claims_of(p->notes, c, CLAIMS_MAX);
        if (n < 2) {
            print_error("%s: the note names %d zones: name at least two "
                        "(docs/presets.md)\n", f.file[i], n);
            wrong++;
        }
        for (int k = 0; k < n; k++)
            for (int e = 0; e < c[k].elements; e++) {
                int el = c[k].element[e];
                enum zone z = zone_for_value(p->value[el]);
                bool agrees = c[k].negated ? z != c[k].zone
                                           : z == c[k].zone;
                if (!agrees) {
                    print_error("%s: the note says %s is %s%s, but %s = %d "
                                "is %s\n", f.file[i], board_element_id(el),
                                c[k].negated ? "not " : "",
                                zone_id(c[k].zone), board_element_id(el),
                                p->value[el], zone_id(z));
                    wrong++;
                }
            }
    }
    assert_int_equal(wrong, 0);
}

/* A note that contradicts its mix fails: the renewable-energy note of
 * before (evaluation and plan co-created) with its convention claims. */
static void a_contradicting_note_is_caught(void **state)
{
    (void)state;
    int value[BOARD_ELEMENTS] = {45, 55, 40, 40, 60, 35, 45};
    struct claim c[CLAIMS_MAX];
    int n = claims_of("Evaluation and plan stay teacher-generated, so the "
                      "feedback has a clear place to land.", c, CLAIMS_MAX);
    assert_int_equal(n, 1);
    int wrong = 0;
    for (int e = 0; e < c[0].elements; e++)
        wrong += zone_for_value(value[c[0].element[e]]) != c[0].zone;
    assert_int_equal(wrong, 2);
}

static int l1(const int *a, const int *b)
{
    int d = 0;
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        d += abs(a[e] - b[e]);
    return d;
}

/* The distance between the two profiles once each is centered on its own
 * mean (times BOARD_ELEMENTS, to stay in whole numbers): a mix merely
 * lifted or lowered as a whole has the same shape. */
static int shape_distance(const int *a, const int *b)
{
    int sa = 0, sb = 0;
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        sa += a[e];
        sb += b[e];
    }
    int d = 0;
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        d += abs((BOARD_ELEMENTS * a[e] - sa) - (BOARD_ELEMENTS * b[e] - sb));
    return d;
}

/* No two factory presets are nearly the same: their values differ by at
 * least 70 in all (10 a fader on average), and their shapes by at least
 * 50 (so one is not the other lifted or lowered). */
enum { MIN_DISTANCE = 70, MIN_SHAPE_DISTANCE = 50 };

static void no_two_presets_nearly_the_same_shape(void **state)
{
    (void)state;
    struct factory f;
    load_factory(&f);
    int close = 0;
    for (int i = 0; i < f.count; i++)
        for (int k = i + 1; k < f.count; k++) {
            int d = l1(f.p[i].value, f.p[k].value);
            int s = shape_distance(f.p[i].value, f.p[k].value);
            if (d < MIN_DISTANCE || s < MIN_SHAPE_DISTANCE * BOARD_ELEMENTS) {
                print_error("%s and %s are nearly the same mix (distance %d, "
                            "shape distance %.1f)\n", f.file[i], f.file[k],
                            d, s / (double)BOARD_ELEMENTS);
                close++;
            }
        }
    assert_int_equal(close, 0);
    /* The measure itself: the old energy and novels presets were close. */
    int energy[BOARD_ELEMENTS] = {45, 55, 40, 40, 60, 35, 45};
    int novels[BOARD_ELEMENTS] = {40, 50, 45, 35, 50, 60, 40};
    assert_true(l1(energy, novels) < MIN_DISTANCE);
    int lifted[BOARD_ELEMENTS];
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        lifted[e] = energy[e] + 30 > 100 ? 100 : energy[e] + 30;
    assert_true(shape_distance(energy, lifted)
                < MIN_SHAPE_DISTANCE * BOARD_ELEMENTS);
}

/* The set teaches: at least two presets where the teacher pulls an
 * element back on purpose (the note says so and that fader sits in
 * teacher-generated while others sit higher), at least one spiky profile
 * (one fader at least 40 above every other), at least one all
 * teacher-generated mix, and none with more than two faders at the student
 * end (as tests/adapters/test_preset_store.c also requires). */
static void presets_that_teach(void **state)
{
    (void)state;
    struct factory f;
    load_factory(&f);
    int pullbacks = 0, spiky = 0, all_teacher = 0;
    for (int i = 0; i < f.count; i++) {
        const struct preset *p = &f.p[i];
        struct claim c[CLAIMS_MAX];
        int n = claims_of(p->notes, c, CLAIMS_MAX);
        int top = 0, teacher = 0, student = 0;
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            top = p->value[e] > p->value[top] ? e : top;
            teacher += zone_for_value(p->value[e]) == ZONE_TEACHER;
            student += zone_for_value(p->value[e]) == ZONE_STUDENT;
        }
        bool pulled = false;
        for (int k = 0; k < n; k++)
            pulled |= c[k].back && !c[k].negated
                      && c[k].zone == ZONE_TEACHER && teacher < 5;
        pullbacks += pulled;
        bool spike = true;
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            spike &= e == top || p->value[top] - p->value[e] >= 40;
        spiky += spike;
        all_teacher += teacher == BOARD_ELEMENTS;
        if (student >= BOARD_ELEMENTS / 2)
            print_error("%s: %d faders student-generated: the factory set "
                        "keeps to at most %d\n", f.file[i], student,
                        BOARD_ELEMENTS / 2 - 1);
        assert_true(student < BOARD_ELEMENTS / 2);
        assert_non_null(strstr(p->notes, "\n\n")); /* who, then why */
        print_message("%-34s %s%s\n", f.file[i], pulled ? "pull-back " : "",
                      spike ? "spiky" : "");
    }
    assert_true(pullbacks >= 2);
    assert_true(spiky >= 1);
    assert_true(all_teacher >= 1);
}

/* US spelling, the articles' own, in the words we ship. */
static void us_spelling(void **state)
{
    (void)state;
    static const char *const uk[] = {
        "colour", "behaviour", "practise", "neighbour", "modelling",
        "organis", "recognis", "centre", "favour", "judgement", "programme",
        "analyse", "licence", "travelled", "labelled", "cancelled",
        "whilst", "amongst", "learnt", "enrol", "second-hand", "fulfil ",
        "catalogue", "honour", "labour", "summaris", "prioritis",
    };
    static const char *const files[] = {
        "assets/content/elements.ini", "assets/content/habits.ini",
        "assets/content/questions.ini", "assets/content/ui.ini",
        "assets/content/README.md",
    };
    int found = 0;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char *text = test_read_source_file(files[i], NULL);
        for (char *p = text; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        for (size_t k = 0; k < sizeof uk / sizeof uk[0]; k++)
            if (strstr(text, uk[k])) {
                print_error("%s: UK spelling '%s'\n", files[i], uk[k]);
                found++;
            }
        free(text);
    }
    struct factory f;
    load_factory(&f);
    for (int i = 0; i < f.count; i++) {
        char text[PRESET_NAME_MAX + PRESET_NOTES_MAX + 4];
        snprintf(text, sizeof text, "%s\n%s", f.p[i].name, f.p[i].notes);
        for (char *p = text; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        for (size_t k = 0; k < sizeof uk / sizeof uk[0]; k++)
            if (strstr(text, uk[k])) {
                print_error("%s: UK spelling '%s'\n", f.file[i], uk[k]);
                found++;
            }
    }
    assert_int_equal(found, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_note_convention_parses),
        cmocka_unit_test(every_note_agrees_with_its_mix),
        cmocka_unit_test(a_contradicting_note_is_caught),
        cmocka_unit_test(no_two_presets_nearly_the_same_shape),
        cmocka_unit_test(presets_that_teach),
        cmocka_unit_test(us_spelling),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
