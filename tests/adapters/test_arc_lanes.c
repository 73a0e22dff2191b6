/* test_arc_lanes: the picture of an arc's lanes (src/print/arc_lanes.h),
 * read back pixel by pixel. Each cell is its zone's tint from the light
 * theme and its pattern in the zone's text colour, as the timeline draws
 * them: teacher-generated plain, co-created a third covered by stripes,
 * student-generated a ninth by dots, so the three differ without colour;
 * the current step's column is framed in the accent colour and no other
 * is; the PNG has the size arc_plot gives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "arc_handout.h"
#include "arc_lanes.h"
#include "arc_plot.h"
#include "command.h"
#include "theme.h"

struct bytes {
    const unsigned char *p;
    size_t left;
};

static cairo_status_t read_bytes(void *closure, unsigned char *data,
                                 unsigned int n)
{
    struct bytes *b = closure;
    if (n > b->left)
        return CAIRO_STATUS_READ_ERROR;
    memcpy(data, b->p, n);
    b->p += n;
    b->left -= n;
    return CAIRO_STATUS_SUCCESS;
}

static uint32_t rgb(enum theme_role role)
{
    struct theme_color c = theme_color(command_theme_index("light"), role);
    return (uint32_t)c.r << 16 | (uint32_t)c.g << 8 | c.b;
}

static uint32_t pixel(cairo_surface_t *s, int x, int y)
{
    const unsigned char *row = cairo_image_surface_get_data(s)
        + (size_t)y * cairo_image_surface_get_stride(s);
    return ((const uint32_t *)row)[x] & 0xffffff;
}

/* Share of the cell's inside in each colour: `in` px from its edge, clear
 * of its own edge line and of a current step's frame over it. */
static void shares(cairo_surface_t *s, struct layout_rect r, int in,
                   uint32_t tint, uint32_t mark, double *tint_share,
                   double *mark_share)
{
    int n = 0, t = 0, m = 0;
    for (int y = r.y + in; y < r.y + r.h - in; y++)
        for (int x = r.x + in; x < r.x + r.w - in; x++, n++) {
            uint32_t p = pixel(s, x, y);
            t += p == tint;
            m += p == mark;
        }
    *tint_share = (double)t / n;
    *mark_share = (double)m / n;
}

static void cells_are_tint_and_pattern_and_the_current_step_framed(void **st)
{
    (void)st;
    /* Step k holds every element in zone k; the board is at step 1. */
    static const int value[ZONE_COUNT] = {0, 50, 100};
    struct arc a;
    arc_make(&a, "Three zones", ZONE_COUNT, (int[BOARD_ELEMENTS]){0},
             "Step %s");
    for (int k = 0; k < ZONE_COUNT; k++)
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            a.step[k].value[e] = value[k];
    struct content c;
    memset(&c, 0, sizeof c); /* no words needed: pixels are checked */
    struct arc_handout h;
    arc_handout_build(&c, &a, 1, &h);

    char *png = NULL, err[256];
    size_t len = 0;
    int w = 0, hgt = 0;
    assert_true(
        arc_lanes_png(&h, 1920, &png, &len, &w, &hgt, err, sizeof err));
    struct arc_plot p;
    arc_plot_compute(&p, 1920, ZONE_COUNT);
    assert_int_equal(w, p.w);
    assert_int_equal(hgt, p.h);
    struct bytes b = {(const unsigned char *)png, len};
    cairo_surface_t *s =
        cairo_image_surface_create_from_png_stream(read_bytes, &b);
    assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    assert_int_equal(cairo_image_surface_get_width(s), p.w);
    assert_int_equal(cairo_image_surface_get_height(s), p.h);
    cairo_surface_flush(s);

    uint32_t mark = rgb(THEME_ZONE_TEXT);
    /* Expected cover by marks: none, stripes one stroke in three, dots
     * one stroke square in three by three. */
    static const double lo[ZONE_COUNT] = {0, 0.25, 0.07};
    static const double hi[ZONE_COUNT] = {0, 0.42, 0.16};
    for (int k = 0; k < ZONE_COUNT; k++) {
        uint32_t tint = rgb(theme_zone_role(k));
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            double ts, ms;
            shares(s, arc_plot_cell(&p, k, e), 2 * p.unit, tint, mark, &ts,
                   &ms);
            if (ms < lo[k] || ms > hi[k] || ts + ms < 0.97)
                print_error("step %d element %d: tint %.2f marks %.2f\n", k, e,
                            ts, ms);
            assert_true(ms >= lo[k] && ms <= hi[k]);
            assert_true(ts + ms >= 0.97); /* nothing else in the cell */
        }
    }
    /* The frame: the column's edge, half way down, in the accent colour
     * at the current step only. */
    uint32_t accent = rgb(THEME_ACCENT);
    for (int k = 0; k < ZONE_COUNT; k++) {
        struct layout_rect col = arc_plot_column(&p, k);
        uint32_t edge = pixel(s, col.x + p.unit / 2, col.y + col.h / 2);
        if (k == 1)
            assert_int_equal(edge, accent);
        else
            assert_int_not_equal(edge, accent);
    }
    /* The key: each swatch drawn as the cells are. */
    for (int z = 0; z < ZONE_COUNT; z++) {
        double ts, ms;
        shares(s, p.key_swatch[z], 2, rgb(theme_zone_role(z)), mark, &ts, &ms);
        assert_true(ms >= lo[z] && ms <= hi[z]);
    }
    cairo_surface_destroy(s);
    free(png);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            cells_are_tint_and_pattern_and_the_current_step_framed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
