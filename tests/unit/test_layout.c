/* test_layout: the console geometry at projector sizes: everything inside
 * the window, nothing overlapping, text at least h/40, caps monotonic with
 * the value, and hit tests that find what the layout put there. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "layout.h"

struct size {
    int w, h;
};

static const struct size sizes[] = {
    {1024, 768}, {1280, 720}, {1920, 1080}, {3840, 2160},
    /* odd ones: laptop panels, 16:10, 5:4, ultrawide, minimum */
    {1366, 768}, {1440, 900}, {1280, 1024}, {2560, 1080}, {1600, 1200},
    {800, 600}, {1920, 1200}, {640, 480},
    /* portrait: must still fit together, text sized from the width */
    {1080, 1920},
};
enum { SIZE_COUNT = sizeof sizes / sizeof sizes[0] };

static void check_inside(struct layout_rect r, struct layout_rect outer,
                         const char *what, const struct size *s)
{
    if (r.w == 0 || r.h == 0)
        return;
    if (r.x < outer.x || r.y < outer.y || r.x + r.w > outer.x + outer.w ||
        r.y + r.h > outer.y + outer.h) {
        print_error("%dx%d: %s (%d,%d %dx%d) outside (%d,%d %dx%d)\n",
                    s->w, s->h, what, r.x, r.y, r.w, r.h, outer.x, outer.y,
                    outer.w, outer.h);
        fail();
    }
}

static void check_apart(struct layout_rect a, struct layout_rect b,
                        const char *what, const struct size *s)
{
    if (layout_rect_overlaps(a, b)) {
        print_error("%dx%d: %s overlap: (%d,%d %dx%d) (%d,%d %dx%d)\n",
                    s->w, s->h, what, a.x, a.y, a.w, a.h, b.x, b.y, b.w,
                    b.h);
        fail();
    }
}

static void check_min(struct layout_rect r, int w, int h, const char *what,
                      const struct size *s)
{
    if (r.w < w || r.h < h) {
        print_error("%dx%d: %s is %dx%d, needs at least %dx%d\n", s->w,
                    s->h, what, r.w, r.h, w, h);
        fail();
    }
}

static void test_everything_inside_the_window(void **state)
{
    (void)state;
    for (int i = 0; i < SIZE_COUNT; i++) {
        const struct size *s = &sizes[i];
        struct layout l;
        bool ok = layout_compute(&l, s->w, s->h);
        assert_true(ok);
        struct layout_rect win = {0, 0, s->w, s->h};
        check_inside(l.status, win, "status", s);
        check_inside(l.bridge, win, "bridge", s);
        check_inside(l.panel, win, "panel", s);
        check_inside(l.strips, win, "strips", s);
        check_inside(l.overlay, win, "overlay", s);
        check_inside(l.legend, l.strips, "legend", s);
        for (int z = 0; z < ZONE_COUNT; z++)
            check_inside(l.legend_label[z], l.legend, "legend label", s);
        for (int k = 0; k < 2; k++) {
            check_inside(l.legend_brief[k], l.legend, "legend brief", s);
            for (int z = 0; z < ZONE_COUNT; z++)
                check_apart(l.legend_brief[k], l.legend_label[z],
                            "legend rows", s);
        }
        for (int h = 0; h < CONTENT_HABITS; h++)
            check_inside(l.bridge_cell[h], l.bridge, "bridge cell", s);
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            const struct layout_strip *st = &l.strip[e];
            check_inside(st->strip, l.strips, "strip", s);
            check_inside(st->label, st->strip, "label", s);
            check_inside(st->name, st->strip, "name", s);
            check_inside(st->scale, st->strip, "scale", s);
            check_inside(st->travel, st->strip, "travel", s);
            check_inside(st->track, st->travel, "track", s);
            check_inside(st->zone_word, st->strip, "zone word", s);
            check_inside(st->readout, st->strip, "readout", s);
            for (int z = 0; z < ZONE_COUNT; z++)
                check_inside(st->zone_band[z], st->scale, "zone band", s);
            for (int k = 0; k < 2; k++)
                check_inside(st->brief[k], st->readout, "brief", s);
            check_apart(st->brief[0], st->brief[1], "briefs", s);
            for (int v = 0; v <= 100; v++)
                check_inside(layout_cap_rect(&l, e, v), st->travel, "cap",
                             s);
        }
    }
}

static void test_nothing_overlaps(void **state)
{
    (void)state;
    for (int i = 0; i < SIZE_COUNT; i++) {
        const struct size *s = &sizes[i];
        struct layout l;
        layout_compute(&l, s->w, s->h);
        const struct layout_rect top[] = {l.status, l.bridge, l.panel,
                                          l.strips};
        for (int a = 0; a < 4; a++)
            for (int b = a + 1; b < 4; b++)
                check_apart(top[a], top[b], "regions", s);
        for (int a = 0; a < CONTENT_HABITS; a++)
            for (int b = a + 1; b < CONTENT_HABITS; b++)
                check_apart(l.bridge_cell[a], l.bridge_cell[b],
                            "bridge cells", s);
        for (int a = 0; a < ZONE_COUNT; a++)
            for (int b = a + 1; b < ZONE_COUNT; b++)
                check_apart(l.legend_label[a], l.legend_label[b],
                            "legend labels", s);
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            const struct layout_strip *st = &l.strip[e];
            check_apart(st->strip, l.legend, "strip and legend", s);
            for (int f = e + 1; f < BOARD_ELEMENTS; f++)
                check_apart(st->strip, l.strip[f].strip, "strips", s);
            const struct layout_rect parts[] = {
                st->label, st->name, st->scale, st->travel, st->zone_word,
                st->readout,
            };
            for (int a = 0; a < 6; a++)
                for (int b = a + 1; b < 6; b++)
                    check_apart(parts[a], parts[b], "strip parts", s);
            for (int a = 0; a < ZONE_COUNT; a++)
                for (int b = a + 1; b < ZONE_COUNT; b++)
                    check_apart(st->zone_band[a], st->zone_band[b],
                                "zone bands", s);
        }
    }
}

static void test_text_at_least_a_fortieth(void **state)
{
    (void)state;
    for (int i = 0; i < SIZE_COUNT; i++) {
        const struct size *s = &sizes[i];
        if (s->w < s->h)
            continue; /* portrait: h/40 text would not fit the width */
        struct layout l;
        layout_compute(&l, s->w, s->h);
        const int fonts[] = {l.font_small, l.font_body, l.font_label,
                             l.font_heading, l.font_zone};
        for (int f = 0; f < 5; f++) {
            if (fonts[f] * 40 < s->h) {
                print_error("%dx%d: font %d is %d px\n", s->w, s->h, f,
                            fonts[f]);
                fail();
            }
        }
        int line = l.font_small * 6 / 5;
        int zline = l.font_zone * 6 / 5;
        /* Rects meant to hold text hold at least that text. */
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            const struct layout_strip *st = &l.strip[e];
            check_min(st->label, 5 * l.font_small, line, "label", s);
            check_min(st->zone_word, 5 * l.font_small, 2 * zline,
                      "zone word", s);
            if (l.wide) {
                check_min(st->readout, 5 * l.font_small, 4 * line,
                          "readout", s);
                check_min(st->brief[0], 5 * l.font_small, 2 * line,
                          "brief", s);
            }
            check_min(st->travel, 2 * l.font_small, 6 * line, "travel",
                      s);
            check_min(st->scale, 6, 0, "scale", s);
        }
        for (int z = 0; z < ZONE_COUNT; z++)
            check_min(l.legend_label[z], 5 * l.font_small, line,
                      "legend label", s);
        /* A bridge cell holds a 14-character name (8 em) and its
         * segments. */
        int need = 8 * l.font_small + 2 * l.bridge_pad;
        if (l.bridge_inline)
            need += 2 * l.font_small + l.bridge_pad;
        for (int h = 0; h < CONTENT_HABITS && s->w >= 800; h++)
            check_min(l.bridge_cell[h], need, line, "bridge cell", s);
        check_min(l.status, l.wide ? s->w / 2 : s->w, line, "status", s);
        check_min(l.panel, 15 * l.font_body, 7 * line, "panel", s);
    }
}

static void test_cap_follows_value(void **state)
{
    (void)state;
    for (int i = 0; i < SIZE_COUNT; i++) {
        struct layout l;
        layout_compute(&l, sizes[i].w, sizes[i].h);
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            struct layout_rect prev = layout_cap_rect(&l, e, 0);
            for (int v = 1; v <= 100; v++) {
                struct layout_rect c = layout_cap_rect(&l, e, v);
                assert_true(c.y <= prev.y);
                assert_int_equal(c.x, prev.x);
                prev = c;
            }
            /* Ten steps are always visibly apart. */
            for (int v = 0; v <= 90; v += 10)
                assert_true(layout_cap_rect(&l, e, v + 10).y <
                            layout_cap_rect(&l, e, v).y);
            /* Clamped outside the range. */
            assert_int_equal(layout_cap_rect(&l, e, -5).y,
                             layout_cap_rect(&l, e, 0).y);
            assert_int_equal(layout_cap_rect(&l, e, 140).y,
                             layout_cap_rect(&l, e, 100).y);
        }
        assert_int_equal(layout_cap_rect(&l, 7, 50).w, 0);
    }
}

static void test_hit_round_trips(void **state)
{
    (void)state;
    for (int i = 0; i < SIZE_COUNT; i++) {
        struct layout l;
        layout_compute(&l, sizes[i].w, sizes[i].h);
        int values[BOARD_ELEMENTS] = {0, 17, 33, 50, 67, 83, 100};
        struct layout_hit hit;
        /* At least a pixel per value step on real screens. */
        bool exact = l.strip[0].track.h >= 100;
        if (sizes[i].h >= 720)
            assert_true(exact);
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            /* The centre of the cap of value v hits that cap, and reads
             * back as v. */
            for (int v = 0; v <= 100 && exact; v += 5) {
                values[e] = v;
                struct layout_rect c = layout_cap_rect(&l, e, v);
                int cx = c.x + c.w / 2, cy = c.y + c.h / 2;
                assert_int_equal(layout_hit(&l, values, cx, cy, &hit),
                                 LAYOUT_HIT_CAP);
                assert_int_equal(hit.element, e);
                assert_int_equal(layout_value_at(&l, e, cy), v);
            }
            /* Without values the same point is the track. */
            struct layout_rect c = layout_cap_rect(&l, e, values[e]);
            assert_int_equal(layout_hit(&l, NULL, c.x + c.w / 2,
                                        c.y + c.h / 2, &hit),
                             LAYOUT_HIT_TRACK);
            assert_int_equal(hit.element, e);
            /* Zone bands of this strip. */
            for (int z = 0; z < ZONE_COUNT; z++) {
                struct layout_rect b = l.strip[e].zone_band[z];
                assert_int_equal(layout_hit(&l, values, b.x + b.w / 2,
                                            b.y + b.h / 2, &hit),
                                 LAYOUT_HIT_ZONE);
                assert_int_equal(hit.element, e);
                assert_int_equal(hit.zone, z);
                /* The band is where that zone's values are. */
                int v = layout_value_at(&l, e, b.y + b.h / 2);
                assert_int_equal(zone_for_value(v), z);
            }
            struct layout_rect lab = l.strip[e].label;
            assert_int_equal(layout_hit(&l, values, lab.x + 1, lab.y + 1,
                                        &hit),
                             LAYOUT_HIT_STRIP);
            assert_int_equal(hit.element, e);
        }
        for (int z = 0; z < ZONE_COUNT; z++) {
            struct layout_rect r = l.legend_label[z];
            assert_int_equal(layout_hit(&l, values, r.x + r.w / 2,
                                        r.y + r.h / 2, &hit),
                             LAYOUT_HIT_ZONE);
            assert_int_equal(hit.zone, z);
            assert_int_equal(hit.element, -1);
        }
        for (int b = 0; b < CONTENT_HABITS; b++) {
            struct layout_rect r = l.bridge_cell[b];
            assert_int_equal(layout_hit(&l, values, r.x + 2, r.y + 2, &hit),
                             LAYOUT_HIT_BRIDGE);
            assert_int_equal(hit.habit, b);
        }
        assert_int_equal(layout_hit(&l, values, l.status.x + 2,
                                    l.status.y + 2, &hit),
                         LAYOUT_HIT_NONE);
        /* Dragging past the ends clamps. */
        assert_int_equal(layout_value_at(&l, 0, -1000), 100);
        assert_int_equal(layout_value_at(&l, 0, sizes[i].h + 1000), 0);
    }
}

static void test_aspect_decides_arrangement(void **state)
{
    (void)state;
    struct layout l;
    layout_compute(&l, 1920, 1080);
    assert_true(l.wide);
    assert_true(l.panel.x > l.strips.x + l.strips.w);
    layout_compute(&l, 1024, 768);
    assert_false(l.wide);
    assert_true(l.panel.y > l.strips.y + l.strips.h);
    /* Scale invariance: 4K is 1080p doubled, give or take rounding. */
    struct layout k;
    layout_compute(&l, 1920, 1080);
    layout_compute(&k, 3840, 2160);
    assert_true(k.font_body >= 2 * l.font_body - 1);
    assert_true(abs(k.strip[3].track.h - 2 * l.strip[3].track.h) <=
                l.strip[3].track.h / 12);
    /* Too small still computes but says so. */
    assert_false(layout_compute(&l, 320, 200));
    assert_true(l.font_small > 0);
}

/* The arc's timeline: without an arc the geometry is exactly as before;
 * with one, the strip sits under the faders, apart from everything else,
 * inside the window, its columns cover the lanes edge to edge, a click in
 * a column finds that step, and faders keep a usable travel. */
static void test_timeline(void **state)
{
    (void)state;
    static const int counts[] = {2, 10, 52};
    for (int i = 0; i < SIZE_COUNT; i++) {
        const struct size *s = &sizes[i];
        struct layout plain, zero, l;
        layout_compute(&plain, s->w, s->h);
        layout_compute_arc(&zero, s->w, s->h, 0);
        assert_memory_equal(&plain, &zero, sizeof plain);
        assert_int_equal(plain.timeline_steps, 0);
        for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
            layout_compute_arc(&l, s->w, s->h, counts[c]);
            struct layout_rect win = {0, 0, s->w, s->h};
            assert_int_equal(l.timeline_steps, counts[c]);
            check_inside(l.timeline, win, "timeline", s);
            check_apart(l.timeline, l.status, "timeline/status", s);
            check_apart(l.timeline, l.panel, "timeline/panel", s);
            check_apart(l.timeline, l.bridge, "timeline/bridge", s);
            for (int e = 0; e < BOARD_ELEMENTS; e++) {
                check_apart(l.timeline, l.strip[e].strip, "timeline/strip",
                            s);
                check_inside(l.timeline_lane_label[e], l.timeline,
                             "lane label", s);
                if (l.strip[e].track.h < l.font_small * 3)
                    fail_msg("%dx%d, %d steps: fader travel %d under %d", s->w, s->h, counts[c], l.strip[e].track.h, l.font_small * 3);
            }
            check_inside(l.timeline_note, l.timeline, "note", s);
            assert_true(l.timeline_lane_h >= l.font_small);
            int x = l.timeline_lanes.x;
            for (int k = 0; k < counts[c]; k++) {
                struct layout_rect col = layout_timeline_step(&l, k);
                assert_int_equal(col.x, x); /* no gaps, no overlaps */
                x = col.x + col.w;
                struct layout_hit hit;
                assert_int_equal(layout_hit(&l, NULL, col.x + col.w / 2,
                                            col.y + col.h / 2, &hit),
                                 LAYOUT_HIT_STEP);
                assert_int_equal(hit.step, k);
            }
            assert_int_equal(x, l.timeline_lanes.x + l.timeline_lanes.w);
            struct layout_rect none = layout_timeline_step(&l, counts[c]);
            assert_int_equal(none.w, 0);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_everything_inside_the_window),
        cmocka_unit_test(test_nothing_overlaps),
        cmocka_unit_test(test_text_at_least_a_fortieth),
        cmocka_unit_test(test_cap_follows_value),
        cmocka_unit_test(test_hit_round_trips),
        cmocka_unit_test(test_aspect_decides_arrangement),
        cmocka_unit_test(test_timeline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
