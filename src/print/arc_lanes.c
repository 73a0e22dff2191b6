/* arc_lanes: the arc's lanes drawn with cairo (arc_lanes.h). */
#include "arc_lanes.h"

#include <stdio.h>

#include <pango/pangocairo.h>

#include "command.h"
#include "pdf_flow.h"
#include "str.h"
#include "theme.h"
#include "zone_pattern.h"

/* Paper is white: the light theme, whose zone tints and marks are the
 * ones the screen shows in that theme. */
static int paper_theme(void)
{
    int t = command_theme_index("light");
    return t >= 0 ? t : 0;
}

static void set_role(cairo_t *cr, enum theme_role role)
{
    struct theme_color c = theme_color(paper_theme(), role);
    cairo_set_source_rgb(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0);
}

static void fill(cairo_t *cr, enum theme_role role, struct layout_rect r)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    set_role(cr, role);
    cairo_rectangle(cr, r.x, r.y, r.w, r.h);
    cairo_fill(cr);
}

/* The frame drawn inside r, t thick (the screen's draw_outline). */
static void frame(cairo_t *cr, enum theme_role role, struct layout_rect r,
                  int t)
{
    set_role(cr, role);
    cairo_rectangle(cr, r.x, r.y, r.w, r.h);
    cairo_rectangle(cr, r.x + t, r.y + t, r.w - 2 * t, r.h - 2 * t);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_fill(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
}

/* A cell: the zone's tint and marks, as on screen, and for paper a thin
 * edge: a printer that drops light tints (or a copier) still shows a
 * teacher-generated cell as a plain box, not as blank paper. */
static void zone_cell(cairo_t *cr, const struct arc_plot *p, enum zone z,
                      struct layout_rect r)
{
    fill(cr, theme_zone_role(z), r);
    struct zone_pattern it;
    struct layout_rect mark;
    set_role(cr, THEME_ZONE_TEXT);
    zone_pattern_start(&it, z, r, p->unit);
    while (zone_pattern_next(&it, &mark))
        cairo_rectangle(cr, mark.x, mark.y, mark.w, mark.h);
    cairo_fill(cr);
    frame(cr, THEME_TICK, r, p->unit > 3 ? p->unit / 3 : 1);
}

/* ---- Text in a box ---------------------------------------------------- */

enum valign { TOP, MIDDLE };

/* About 6 % smaller: few sizes to try. */
static int next_size(int pt)
{
    return pt * 15 / 16 < pt - 1 ? pt * 15 / 16 : pt - 1;
}

/* A layout of s in DejaVu Sans, bold or not, wrapped at blanks (once it
 * has a width). The caller frees both. */
static PangoLayout *layout_of(cairo_t *cr, const char *s, bool bold,
                              PangoFontDescription **fd)
{
    PangoLayout *l = pango_cairo_create_layout(cr);
    pango_layout_set_text(l, s, -1);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD);
    *fd = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_weight(
        *fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    return l;
}

/* Sets l to size pt, on one line or wrapped to box.w; true if it then
 * fits box. */
static bool fits_at(PangoLayout *l, PangoFontDescription *fd, int pt,
                    bool wrap, struct layout_rect box)
{
    pango_layout_set_width(l, wrap ? box.w * PANGO_SCALE : -1);
    pango_font_description_set_absolute_size(fd, pt * PANGO_SCALE);
    pango_layout_set_font_description(l, fd);
    PangoRectangle ink, logical;
    pango_layout_get_pixel_extents(l, &ink, &logical);
    return logical.x + logical.width <= box.w && logical.height <= box.h;
}

/* The largest size from `size` down to `min` at which l fits box, or 0. */
static int best_size(PangoLayout *l, PangoFontDescription *fd, int size,
                     int min, bool wrap, struct layout_rect box)
{
    for (int pt = size; pt >= min && pt > 0; pt = next_size(pt))
        if (fits_at(l, fd, pt, wrap, box))
            return pt;
    return 0;
}

/* Shows l (its size set) in box: aligned in box.w, at its top or in its
 * middle; whatever is still too tall ends in an ellipsis. */
static void show(cairo_t *cr, PangoLayout *l, enum theme_role role,
                 struct layout_rect box, PangoAlignment align,
                 enum valign valign)
{
    /* A one-line layout needs a width to be aligned in; it fits, so the
     * width wraps nothing. */
    pango_layout_set_width(l, box.w * PANGO_SCALE);
    pango_layout_set_alignment(l, align);
    PangoRectangle ink, logical;
    pango_layout_get_pixel_extents(l, &ink, &logical);
    int lines = pango_layout_get_line_count(l);
    if (logical.height > box.h && lines > 0) {
        /* As many lines as fit, the last ending in "...". Given as a
         * count: under the PDF's scaled matrix a height in units makes
         * Pango keep one line only. */
        int fit = box.h * lines / logical.height;
        pango_layout_set_height(l, -(fit > 1 ? fit : 1));
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        pango_layout_get_pixel_extents(l, &ink, &logical);
    }
    double y = box.y;
    if (valign == MIDDLE && logical.height < box.h)
        y += (box.h - logical.height) / 2.0;
    set_role(cr, role);
    cairo_save(cr);
    cairo_rectangle(cr, box.x, box.y, box.w, box.h);
    cairo_clip(cr);
    cairo_move_to(cr, box.x, y);
    pango_cairo_show_layout(cr, l);
    cairo_restore(cr);
}

/* Text in box: on one line if it fits at 80 % of `size` or more, else
 * wrapped at the largest size down to 60 % that fits, else at 60 % and
 * cut with an ellipsis. */
static void text_in(cairo_t *cr, const char *s, int size, bool bold,
                    enum theme_role role, struct layout_rect box,
                    PangoAlignment align, enum valign valign)
{
    if (!s || !*s || box.w <= 0 || box.h <= 0)
        return;
    PangoFontDescription *fd;
    PangoLayout *l = layout_of(cr, s, bold, &fd);
    if (!best_size(l, fd, size, size * 4 / 5, false, box)
        && !best_size(l, fd, size, size * 3 / 5, true, box))
        fits_at(l, fd, size * 3 / 5, true, box);
    show(cr, l, role, box, align, valign);
    pango_font_description_free(fd);
    g_object_unref(l);
}

/* Text in box at size pt, on one line or wrapped (cut with an ellipsis
 * if it does not fit). */
static void text_at(cairo_t *cr, const char *s, int pt, bool wrap, bool bold,
                    enum theme_role role, struct layout_rect box,
                    PangoAlignment align, enum valign valign)
{
    if (!s || !*s || box.w <= 0 || box.h <= 0)
        return;
    PangoFontDescription *fd;
    PangoLayout *l = layout_of(cr, s, bold, &fd);
    fits_at(l, fd, pt, wrap, box);
    show(cr, l, role, box, align, valign);
    pango_font_description_free(fd);
    g_object_unref(l);
}

/* One size (and whether to wrap) for every step label, so the row reads
 * evenly: the largest at which all fit on one line, down to 80 % of the
 * font; else the largest, down to 60 %, at which all fit wrapped. A label
 * too long for any of these does not shrink the others: it is cut with
 * an ellipsis. Measured in bold, as the current step's label is drawn. */
static void label_size(cairo_t *cr, const struct arc_plot *p,
                       const struct arc_handout *h, int *size, bool *wrap)
{
    struct layout_rect box = arc_plot_label(p, 0);
    for (int pass = 0; pass < 2; pass++) {
        *wrap = pass == 1;
        int min = p->font * (*wrap ? 3 : 4) / 5;
        *size = p->font;
        bool all = true;
        for (int k = 0; k < h->count; k++) {
            PangoFontDescription *fd;
            PangoLayout *l = layout_of(cr, h->step[k].label, true, &fd);
            int best = best_size(l, fd, *size, min, *wrap, box);
            pango_font_description_free(fd);
            g_object_unref(l);
            if (best)
                *size = best;
            else
                all = false;
        }
        if (all || *wrap)
            return;
    }
}

/* ---- The parts -------------------------------------------------------- */

void arc_lanes_draw_key(cairo_t *cr, const struct arc_plot *p,
                        const struct arc_handout *h)
{
    for (int z = 0; z < ZONE_COUNT; z++) {
        zone_cell(cr, p, (enum zone)z, p->key_swatch[z]);
        text_in(cr, h->zone[z], p->font, true, THEME_TEXT, p->key_text[z],
                PANGO_ALIGN_LEFT, MIDDLE);
    }
}

void arc_lanes_draw_band(cairo_t *cr, const struct arc_plot *p,
                         const struct arc_handout *h, int b)
{
    if (b < 0 || b >= p->bands)
        return;
    const struct arc_plot_band *band = &p->band[b];
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        text_in(cr, h->element[e], p->font, true, THEME_TEXT,
                arc_plot_lane_name(p, b, e), PANGO_ALIGN_RIGHT, MIDDLE);
    int current = -1, size;
    bool wrap;
    label_size(cr, p, h, &size, &wrap);
    for (int k = band->first; k < band->first + band->count; k++) {
        const struct arc_handout_step *s = &h->step[k];
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            zone_cell(cr, p, s->zone[e], arc_plot_cell(p, k, e));
        text_at(cr, s->label, size, wrap, s->current,
                s->current ? THEME_ACCENT : THEME_TEXT, arc_plot_label(p, k),
                PANGO_ALIGN_CENTER, TOP);
        if (s->current)
            current = k;
    }
    /* As on screen: a thick frame around the current step's column. */
    if (current >= 0)
        frame(cr, THEME_ACCENT, arc_plot_column(p, current), 2 * p->unit);
}

bool arc_lanes_png(const struct arc_handout *h, int width, char **out,
                   size_t *len, int *w, int *hgt, char *err, size_t errlen)
{
    struct arc_plot p;
    arc_plot_compute(&p, width, h->count);
    cairo_surface_t *s =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, p.w, p.h);
    cairo_t *cr = cairo_create(s);
    fill(cr, THEME_PANEL, (struct layout_rect){0, 0, p.w, p.h});
    arc_lanes_draw_key(cr, &p, h);
    for (int b = 0; b < p.bands; b++)
        arc_lanes_draw_band(cr, &p, h, b);
    cairo_destroy(cr);
    struct str_buf bytes;
    str_buf_init(&bytes);
    cairo_status_t st = cairo_surface_status(s);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_write_to_png_stream(s, pdf_flow_collect, &bytes);
    cairo_surface_destroy(s);
    if (st != CAIRO_STATUS_SUCCESS || !str_buf_ok(&bytes)) {
        snprintf(err, errlen, "cannot draw the lanes' picture: %s",
                 st != CAIRO_STATUS_SUCCESS ? cairo_status_to_string(st)
                                            : "out of memory");
        str_buf_free(&bytes);
        return false;
    }
    *out = str_buf_take(&bytes, len);
    if (w)
        *w = p.w;
    if (hgt)
        *hgt = p.h;
    return *out != NULL;
}
