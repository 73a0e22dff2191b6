/* test_arc_handout: the handout of a unit's arc without a window
 * (core/arc_handout.h, core/arc_plot.h), from the shipped content. Every
 * step's label and note, in the arc's order; each element named by the
 * zone its value falls in (boundaries included); not one digit in the
 * Markdown, so no fader value, total, rank or step number can leak; the
 * picture referenced by its file name, with the key of the patterns in
 * words; the current step marked only when asked. And the picture's
 * geometry: every cell inside its band and the picture, columns side by
 * side, long arcs cut into even bands. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arc_handout.h"
#include "arc_plot.h"
#include "shipped.h"

/* Values chosen to sit on both sides of each zone boundary (100/3 and
 * 200/3) and to be easy to spot if they leaked: 37 is co-created. */
static const int mix[3][BOARD_ELEMENTS] = {
    {37, 12, 33, 34, 66, 67, 94},
    {58, 71, 45, 83, 21, 0, 100},
    {5, 37, 88, 49, 62, 30, 77},
};
static const char *const labels[3] = {"Opening week", "The middle stretch",
                                      "Before the show"};
static const char *const notes[3] = {
    "Everyone starts from the same brief.",
    "", /* no note: nothing printed for it */
    "The teacher takes evaluation back for the public show.\nOn purpose.",
};

static void make_arc(struct arc *a)
{
    arc_make(a, "A test unit, three steps", 3, mix[0], "Step %s");
    snprintf(a->notes, sizeof a->notes, "%s",
             "Why this arc: a class new to choosing.");
    for (int k = 0; k < 3; k++) {
        snprintf(a->step[k].label, sizeof a->step[k].label, "%s", labels[k]);
        snprintf(a->step[k].note, sizeof a->step[k].note, "%s", notes[k]);
        memcpy(a->step[k].value, mix[k], sizeof mix[k]);
    }
}

static const char *zone_name(const struct content *c, int value)
{
    char key[64];
    snprintf(key, sizeof key, "zone.%s", zone_id(zone_for_value(value)));
    const char *s = content_string(c, key);
    assert_ptr_not_equal(s, key); /* the shipped content names it */
    return s;
}

static char *markdown_of(const struct content *c, const struct arc *a,
                         int current, struct arc_handout *h)
{
    arc_handout_build(c, a, current, h);
    size_t len = 0;
    char *md = arc_handout_markdown(h, "unit.png", &len);
    assert_non_null(md);
    assert_int_equal(strlen(md), len);
    return md;
}

static void every_step_in_order_with_its_zones(void **state)
{
    (void)state;
    struct shipped s;
    load_shipped(&s);
    assert_true(s.parsed);
    struct arc a;
    make_arc(&a);
    struct arc_handout h;
    char *md = markdown_of(&s.c, &a, -1, &h);
    assert_int_equal(h.count, 3);
    assert_string_equal(h.title, a.name);
    assert_non_null(strstr(md, a.name));
    assert_non_null(strstr(md, a.notes));
    const char *at = md;
    for (int k = 0; k < 3; k++) {
        char head[96];
        snprintf(head, sizeof head, "\n### %s\n", labels[k]);
        const char *sec = strstr(at, head);
        if (!sec)
            print_error("step %d (%s) missing or out of order\n", k,
                        labels[k]);
        assert_non_null(sec);
        const char *next = strstr(sec + 1, "\n### ");
        if (!next)
            next = strstr(sec, "\n---\n");
        assert_non_null(next);
        char *body = strndup(sec, (size_t)(next - sec));
        if (notes[k][0])
            assert_non_null(strstr(body, notes[k]));
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            char line[256];
            snprintf(line, sizeof line, "\n- **%s:** %s\n",
                     s.c.element[e].name, zone_name(&s.c, mix[k][e]));
            if (!strstr(body, line))
                print_error("step %d lacks '%s'\n", k, line + 1);
            assert_non_null(strstr(body, line));
            assert_string_equal(arc_handout_zone(&h, k, e),
                                zone_name(&s.c, mix[k][e]));
        }
        free(body);
        at = next;
    }
    free(md);
    free_shipped(&s);
}

static void no_number_leaks_into_the_markdown(void **state)
{
    (void)state;
    struct shipped s;
    load_shipped(&s);
    struct arc a;
    make_arc(&a);
    struct arc_handout h;
    char *md = markdown_of(&s.c, &a, 1, &h);
    /* The arc's own texts hold no digit, so none may appear at all: not a
     * value (37), a total, a rank, a score or a step number. */
    for (const char *p = md; *p; p++)
        if (isdigit((unsigned char)*p)) {
            print_error("a digit in the handout: ...%.40s\n", p);
            fail();
        }
    assert_null(strstr(md, "%"));
    free(md);
    free_shipped(&s);
}

static void picture_and_its_key_in_words(void **state)
{
    (void)state;
    struct shipped s;
    load_shipped(&s);
    struct arc a;
    make_arc(&a);
    struct arc_handout h;
    char *md = markdown_of(&s.c, &a, -1, &h);
    char ref[256];
    snprintf(ref, sizeof ref, "![%s](unit.png)",
             content_string(&s.c, "arc-handout.picture"));
    assert_non_null(strstr(md, ref));
    /* The picture comes before the steps. */
    assert_true(strstr(md, ref) < strstr(md, labels[0]));
    for (int z = 0; z < ZONE_COUNT; z++) {
        char key[64], item[128];
        snprintf(key, sizeof key, "arc-handout.pattern-%s",
                 zone_id((enum zone)z));
        const char *pattern = content_string(&s.c, key);
        assert_ptr_not_equal(pattern, key);
        snprintf(item, sizeof item, "\n- %s: %s\n", h.zone[z], pattern);
        assert_non_null(strstr(md, item));
    }
    assert_non_null(strstr(md, content_string(&s.c, "app.tagline")));
    assert_non_null(strstr(md, content_string(&s.c, "arc-handout.intro")));
    free(md);
    /* Without a picture: no reference. */
    md = arc_handout_markdown(&h, NULL, NULL);
    assert_null(strstr(md, "!["));
    free(md);
    free_shipped(&s);
}

static void the_current_step_is_marked_only_when_asked(void **state)
{
    (void)state;
    struct shipped s;
    load_shipped(&s);
    struct arc a;
    make_arc(&a);
    struct arc_handout h;
    const char *mark = content_string(&s.c, "arc-handout.current");
    assert_ptr_not_equal(mark, "arc-handout.current");
    char *md = markdown_of(&s.c, &a, -1, &h);
    assert_null(strstr(md, mark));
    free(md);
    md = markdown_of(&s.c, &a, 2, &h);
    const char *at = strstr(md, mark);
    assert_non_null(at);
    assert_null(strstr(at + 1, mark));       /* once */
    assert_true(at > strstr(md, labels[2])); /* in the third step */
    assert_true(h.step[2].current && !h.step[0].current && !h.step[1].current);
    free(md);
    free_shipped(&s);
}

static bool inside(struct layout_rect in, struct layout_rect out)
{
    return in.w > 0 && in.h > 0 && in.x >= out.x && in.y >= out.y
        && in.x + in.w <= out.x + out.w && in.y + in.h <= out.y + out.h;
}

static void the_picture_holds_every_cell_in_even_bands(void **state)
{
    (void)state;
    for (int n = ARC_STEPS_MIN; n <= ARC_STEPS_MAX; n++) {
        struct arc_plot p;
        arc_plot_compute(&p, 1920, n);
        struct layout_rect pic = {0, 0, p.w, p.h};
        assert_int_equal(p.w, 1920);
        assert_int_equal(p.bands, (n + 12) / 13);
        assert_true(p.per_band <= ARC_PLOT_BAND_STEPS);
        int total = 0;
        for (int b = 0; b < p.bands; b++) {
            /* Even bands: no band is more than one step shorter. */
            assert_true(p.band[b].count >= p.per_band - 1 || b == p.bands - 1);
            assert_true(p.band[b].count > 0);
            assert_true(inside(p.band[b].area, pic));
            total += p.band[b].count;
            for (int e = 0; e < BOARD_ELEMENTS; e++) {
                struct layout_rect name = arc_plot_lane_name(&p, b, e);
                assert_true(inside(name, p.band[b].area));
                assert_true(name.x + name.w <= p.band[b].lanes.x);
            }
            if (b > 0)
                assert_true(p.band[b].area.y
                            >= p.band[b - 1].area.y + p.band[b - 1].area.h);
        }
        assert_int_equal(total, n);
        for (int k = 0; k < n; k++) {
            int b = arc_plot_band_of(&p, k);
            assert_in_range(b, 0, p.bands - 1);
            struct layout_rect col = arc_plot_column(&p, k);
            assert_true(inside(col, p.band[b].area));
            struct layout_rect label = arc_plot_label(&p, k);
            assert_true(inside(label, col));
            assert_true(label.y >= p.band[b].lanes.y + p.band[b].lanes.h);
            for (int e = 0; e < BOARD_ELEMENTS; e++) {
                struct layout_rect cell = arc_plot_cell(&p, k, e);
                assert_true(inside(cell, p.band[b].lanes));
                assert_true(inside(cell, col));
            }
            if (k > 0 && arc_plot_band_of(&p, k - 1) == b) {
                struct layout_rect prev = arc_plot_column(&p, k - 1);
                assert_int_equal(prev.x + prev.w, col.x); /* side by side */
                assert_int_equal(prev.w, col.w);
            }
        }
        assert_int_equal(arc_plot_column(&p, n).w, 0);
        assert_int_equal(arc_plot_band_of(&p, -1), -1);
    }
    /* 14 steps: two bands of seven, not thirteen and one. */
    struct arc_plot p;
    arc_plot_compute(&p, 1920, 14);
    assert_int_equal(p.band[0].count, 7);
    assert_int_equal(p.band[1].count, 7);
    /* The height docs/arcs.md gives for the handout's PNG. */
    arc_plot_compute(&p, 1920, 10);
    assert_int_equal(p.h, 902);
    arc_plot_compute(&p, 1920, 27);
    assert_int_equal(p.h, 902 + 2 * 814);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_step_in_order_with_its_zones),
        cmocka_unit_test(no_number_leaks_into_the_markdown),
        cmocka_unit_test(picture_and_its_key_in_words),
        cmocka_unit_test(the_current_step_is_marked_only_when_asked),
        cmocka_unit_test(the_picture_holds_every_cell_in_even_bands),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
