/* layout: the console's geometry from the window size (see layout.h).
 *
 * Everything scales with a base length (the height on landscape windows):
 * margins, font sizes, bridge rows. Widths decide the arrangement: on a
 * wide window the readout panel sits right of the strips; when the strips
 * would get too narrow for their words (4:3, 5:4) it moves below them. */
#include "layout.h"

#include <string.h>

/* ------------------------------------------------------------ helpers */

static struct layout_rect rect(int x, int y, int w, int h)
{
    struct layout_rect r = {x, y, w < 0 ? 0 : w, h < 0 ? 0 : h};
    return r;
}

static int bottom(struct layout_rect r)
{
    return r.y + r.h;
}

static int right(struct layout_rect r)
{
    return r.x + r.w;
}

static int max_int(int a, int b)
{
    return a > b ? a : b;
}

static int min_int(int a, int b)
{
    return a < b ? a : b;
}

/* DejaVu's line skip is about 1.17 em: round up generously. */
int layout_line_height(int px)
{
    return (px * 6 + 4) / 5;
}

static int line_h(int px)
{
    return layout_line_height(px);
}

bool layout_rect_contains(struct layout_rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

bool layout_rect_overlaps(struct layout_rect a, struct layout_rect b)
{
    if (a.w <= 0 || a.h <= 0 || b.w <= 0 || b.h <= 0)
        return false;
    return a.x < right(b) && b.x < right(a) && a.y < bottom(b) &&
           b.y < bottom(a);
}

/* ------------------------------------------------------------- sizing */

/* Font sizes: the smallest is h/40 rounded up (the projector rule), the
 * others step up from it. `base` is the height, or less on a portrait
 * window where the width is the limit. */
static void fonts(struct layout *l, int base)
{
    l->font_small = (base + 39) / 40;
    l->font_body = max_int(l->font_small, (base + 35) / 36);
    l->font_zone = max_int(l->font_small, (base + 37) / 38);
    l->font_label = max_int(l->font_small, base / 26);
    l->font_heading = max_int(l->font_body + 2, base / 24);
}

/* Meter bridge: sixteen cells in one row when they fit, else 2 x 8. */
static void bridge(struct layout *l, int top, int avail)
{
    int m = l->margin;
    int gap = max_int(2, m / 2);
    /* Short names are up to 14 characters, about 8 em. Cells hold the
     * name above the seven segments ("stacked") or beside them ("inline",
     * at least 2 em of segments); take the fewest rows that fit, else four
     * rows inline. */
    static const struct {
        int cols;
        bool inline_leds;
    } options[] = {{16, false}, {8, false}, {4, true}};
    int n = (int)(sizeof options / sizeof options[0]);
    l->bridge_pad = m / 2 + 2;
    int name_w = 8 * l->font_small;
    int k = 0;
    for (; k < n - 1; k++) {
        int cw = (avail - (options[k].cols - 1) * gap) / options[k].cols;
        int need = options[k].inline_leds
                       ? name_w + 2 * l->font_small + 3 * l->bridge_pad
                       : name_w + 2 * l->bridge_pad;
        if (cw >= need)
            break;
    }
    l->bridge_cols = options[k].cols;
    l->bridge_inline = options[k].inline_leds;
    l->bridge_rows = CONTENT_HABITS / l->bridge_cols;
    int cell_w = (avail - (l->bridge_cols - 1) * gap) / l->bridge_cols;
    int cell_h = line_h(l->font_small) + max_int(2, m / 4);
    if (!l->bridge_inline)
        cell_h += l->font_small * 2 / 3 + m;
    l->bridge = rect(m, top, avail,
                     l->bridge_rows * cell_h + (l->bridge_rows - 1) * gap);
    for (int i = 0; i < CONTENT_HABITS; i++) {
        int r = i / l->bridge_cols, c = i % l->bridge_cols;
        l->bridge_cell[i] = rect(m + c * (cell_w + gap),
                                 top + r * (cell_h + gap), cell_w, cell_h);
    }
    l->banner = l->bridge;
}

/* Value 0..100 (in hundredths of a percent for exact thirds) to a y in
 * the track. */
static int track_y(struct layout_rect track, int value_x100)
{
    long span = track.h;
    return track.y + track.h - (int)((span * value_x100 + 5000) / 10000);
}

/* One strip inside rect s. */
static void strip(struct layout *l, struct layout_strip *st,
                  struct layout_rect s, int readout_lines, bool names)
{
    int m = l->margin;
    int pad = max_int(3, m / 2);
    int gap = max_int(3, m * 2 / 3);
    int ix = s.x + pad, iw = s.w - 2 * pad;

    st->strip = s;
    st->label = rect(ix, s.y + pad, iw, line_h(l->font_label) + pad);
    /* The full name goes under the label only where its longest words
     * fit at the small size (about 7.6 em for "Demonstration"). */
    int name_h = names && iw >= l->font_small * 38 / 5
                     ? 3 * line_h(l->font_small) : 0;
    int rh = readout_lines * line_h(l->font_small);
    st->readout = rect(ix, bottom(s) - pad - rh, iw, rh);
    int zh = 2 * line_h(l->font_zone);
    st->zone_word = rect(ix, st->readout.y - (rh ? gap : 0) - zh, iw, zh);
    /* A fader too short to read from the back of the room costs more than
     * the full name (the label and the panel name it too): on a short,
     * wide window (an ultrawide, or an arc's timeline below) it goes. */
    if (st->zone_word.y - gap - (bottom(st->label) + name_h + gap)
        < l->font_small * 5)
        name_h = 0;
    st->name = rect(ix, bottom(st->label), iw, name_h);
    int half = (rh - gap) / 2;
    st->brief[0] = rect(ix, st->readout.y, iw, half);
    st->brief[1] = rect(ix, bottom(st->readout) - half, iw, half);

    int top = bottom(st->name) + gap;
    int region = st->zone_word.y - gap - top;
    int scale_w = max_int(6, l->font_small * 2 / 3);
    st->scale = rect(ix, top, scale_w, region);
    int tx = right(st->scale) + max_int(2, gap / 2);
    st->travel = rect(tx, top, right(st->label) - tx, region);

    int cap_h = region / 9;
    cap_h = max_int(cap_h, l->font_small * 4 / 3);
    cap_h = min_int(cap_h, l->font_small * 2);
    cap_h = min_int(cap_h, region / 3) & ~1; /* even: centre is exact */
    l->cap_h = cap_h;
    l->cap_w = st->travel.w * 7 / 8;
    int slot_w = max_int(4, l->line * 2 + 2);
    st->track = rect(st->travel.x + (st->travel.w - slot_w) / 2,
                     top + cap_h / 2, slot_w, region - cap_h);

    /* Bands by exact thirds; the outer bands run to the scale's ends. */
    int y13 = track_y(st->track, 10000 / 3);
    int y23 = track_y(st->track, 20000 / 3);
    st->zone_band[ZONE_TEACHER] = rect(ix, y13, scale_w, bottom(st->scale)
                                       - y13);
    st->zone_band[ZONE_COCREATED] = rect(ix, y23, scale_w, y13 - y23);
    st->zone_band[ZONE_STUDENT] = rect(ix, top, scale_w, y23 - top);
}

/* The legend column: zone names beside their bands. A two-line name
 * taller than its band grows away from the middle band (the outer bands
 * have room beyond the scale's ends), so the names never overlap. */
static void legend(struct layout *l, struct layout_rect col)
{
    const struct layout_strip *st = &l->strip[0];
    l->legend = col;
    int lh = l->legend_lines * line_h(l->font_small);
    for (int z = 0; z < ZONE_COUNT; z++) {
        struct layout_rect b = st->zone_band[z];
        struct layout_rect r = rect(col.x, b.y + (b.h - lh) / 2, col.w, lh);
        if (b.h < lh) {
            if (z == ZONE_STUDENT)
                r.y = max_int(col.y, bottom(b) - lh);
            else if (z == ZONE_TEACHER)
                r.h = min_int(lh, bottom(col) - b.y);
            else
                r = rect(col.x, b.y, col.w, b.h);
            if (z == ZONE_TEACHER)
                r.y = b.y;
        }
        l->legend_label[z] = r;
    }
    for (int k = 0; k < 2; k++)
        l->legend_brief[k] = rect(col.x, st->brief[k].y, col.w,
                                  st->brief[k].h);
}

/* ------------------------------------------------------------ compute */

/* The timeline's height for a font size: a row of step labels, seven
 * lanes and two lines of note. */
static int timeline_height(const struct layout *l, int pad)
{
    return line_h(l->font_small) + pad + BOARD_ELEMENTS * line_h(l->font_small)
           + pad + 3 * line_h(l->font_body);
}

/* The timeline in rect t: the state word and lane names in the legend's
 * column, step labels and lanes right of them, the note under it all. */
static void timeline(struct layout *l, struct layout_rect t, int legend_w,
                     int gap, int pad)
{
    int lh = line_h(l->font_small);
    l->timeline = t;
    l->timeline_lane_h = lh;
    int lx = t.x + legend_w + gap;
    int lw = right(t) - lx;
    l->timeline_state = rect(t.x, t.y, legend_w, lh + pad);
    l->timeline_labels = rect(lx, t.y, lw, lh + pad);
    int top = bottom(l->timeline_labels);
    l->timeline_lanes = rect(lx, top, lw, BOARD_ELEMENTS * lh);
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        l->timeline_lane_label[e] = rect(t.x, top + e * lh, legend_w, lh);
    int ny = bottom(l->timeline_lanes) + pad;
    l->timeline_note = rect(t.x, ny, t.w, bottom(t) - ny);
}

struct layout_rect layout_timeline_step(const struct layout *l, int k)
{
    int n = l->timeline_steps;
    if (n <= 0 || k < 0 || k >= n)
        return rect(0, 0, 0, 0);
    struct layout_rect lanes = l->timeline_lanes;
    int x0 = lanes.x + (int)((long)lanes.w * k / n);
    int x1 = lanes.x + (int)((long)lanes.w * (k + 1) / n);
    int y0 = l->timeline_labels.y;
    return rect(x0, y0, x1 - x0, bottom(lanes) - y0);
}

bool layout_compute(struct layout *l, int w, int h)
{
    return layout_compute_arc(l, w, h, 0);
}

bool layout_compute_arc(struct layout *l, int w, int h, int steps)
{
    memset(l, 0, sizeof *l);
    steps = steps < 0 ? 0 : steps > 52 ? 52 : steps;
    bool ok = w >= LAYOUT_MIN_W && h >= LAYOUT_MIN_H;
    w = max_int(w, 1);
    h = max_int(h, 1);
    l->w = w;
    l->h = h;
    /* On a portrait window the width limits everything. */
    int base = w >= h ? h : min_int(h, w * 3 / 4);
    fonts(l, base);
    int m = l->margin = max_int(4, base / 90);
    l->line = max_int(2, base / 360);
    int small = l->font_small;

    l->status = rect(0, h - line_h(small) - small * 2 / 3, w,
                     line_h(small) + small * 2 / 3);
    int avail_w = w - 2 * m;

    /* A strip needs room for a word of about 5.7 small em; the panel
     * for lines of about 28 characters. */
    int pad = max_int(3, m / 2);
    int sgap = max_int(2, m / 2);
    int strip_min = small * 23 / 4 + 2 * pad;
    int legend_w2 = small * 7;    /* two-line legend labels */
    int panel_min = small * 16;
    int min_rest = legend_w2 + sgap + 7 * strip_min + 6 * sgap;
    l->wide = avail_w >= min_rest + m + panel_min;

    /* Two lines beside the panel (title and message, then the credit);
     * one line across a narrow window, the credit on it if it fits. */
    int mast_lines = l->wide ? 2 : 1;
    int mast_pad = l->wide ? small / 4 : 0;
    l->masthead = rect(0, 0, w, mast_lines * line_h(small) + 2 * mast_pad);
    for (int i = 0; i < mast_lines; i++)
        l->mast_line[i] = rect(m * 2, mast_pad + i * line_h(small),
                               w - 4 * m, line_h(small));
    int head = bottom(l->masthead); /* everything else starts below it */

    int strips_w, strips_h, top;
    if (l->wide) {
        /* Panel right of the strips, from the top margin to the bottom
         * one; bridge and status line span the strips only. */
        int panel_w = max_int(panel_min, avail_w * 30 / 100);
        strips_w = avail_w - m - panel_w;
        if (strips_w < min_rest) {
            strips_w = min_rest;
            panel_w = avail_w - m - strips_w;
        }
        bridge(l, head + m, strips_w);
        top = bottom(l->bridge) + m;
        strips_h = l->status.y - m - top;
        /* The panel keeps the full height: it holds the most text. */
        if (steps)
            strips_h -= timeline_height(l, pad) + m;
        l->panel = rect(m + strips_w + m, m, panel_w, h - 2 * m);
        l->status.w = l->panel.x - m / 2;
        l->masthead.w = l->status.w;
        for (int i = 0; i < 2; i++)
            l->mast_line[i].w = l->masthead.w - 4 * m;
        l->panel_columns = 1;
    } else {
        bridge(l, head + m, avail_w);
        top = bottom(l->bridge) + m;
        /* Enough for the longest readouts in three columns; on a tall
         * (portrait) window no more than that, the faders take the rest. */
        int panel_h = max_int(h * 41 / 100, 10 * line_h(l->font_small));
        panel_h = min_int(panel_h, 16 * line_h(l->font_body));
        /* The masthead's room comes out of the panel (which fits its
         * text to what it gets), not out of the faders' travel. */
        panel_h = max_int(panel_h - head / 3, 8 * line_h(l->font_small));
        strips_w = avail_w;
        strips_h = l->status.y - m - top - m - panel_h;
        if (steps) { /* the timeline takes the panel's place */
            strips_h = l->status.y - m - top - m - timeline_height(l, pad);
            panel_h = 0;
        }
        l->panel = rect(m, top + strips_h + m, avail_w, panel_h);
        l->panel_columns = 3;
    }
    l->strips = rect(m, top, strips_w, strips_h);

    /* Legend: two-line labels ("Student-" / "generated") when the bands
     * are tall enough, one wider line otherwise. */
    /* On narrow windows the per-strip readout gives way to the fader:
     * the panel below shows the focused element in full. */
    int readout_lines = l->wide && !steps ? 8 : 0;
    int legend_w = legend_w2;
    l->legend_lines = 2;
    int pitch = (strips_w - legend_w) / BOARD_ELEMENTS;
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        int x = m + legend_w + sgap + e * pitch;
        strip(l, &l->strip[e], rect(x, top, pitch - sgap, strips_h),
              readout_lines, l->wide);
    }
    legend(l, rect(m, top, legend_w, strips_h));
    if (steps) {
        l->timeline_steps = steps;
        timeline(l, rect(m, top + strips_h + m, strips_w,
                         timeline_height(l, pad)), legend_w, sgap, pad);
    }

    /* Overlays cover the masthead too (they are open for a moment); the
     * status line stays visible below them. */
    int ow = w * 88 / 100, oh = (l->status.y - m) * 94 / 100;
    l->overlay = rect((w - ow) / 2, (l->status.y - oh) / 2, ow, oh);
    return ok;
}

/* ---------------------------------------------------------- fader maths */

struct layout_rect layout_cap_rect(const struct layout *l, int element,
                                   int value)
{
    if (element < 0 || element >= BOARD_ELEMENTS)
        return rect(0, 0, 0, 0);
    const struct layout_strip *st = &l->strip[element];
    int cy = track_y(st->track, board_clamp(value) * 100);
    int cw = l->cap_w;
    return rect(st->travel.x + (st->travel.w - cw) / 2, cy - l->cap_h / 2,
                cw, l->cap_h);
}

int layout_value_at(const struct layout *l, int element, int y)
{
    if (element < 0 || element >= BOARD_ELEMENTS)
        return 0;
    struct layout_rect t = l->strip[element].track;
    if (t.h <= 0)
        return 0;
    long from_bottom = (long)t.y + t.h - y;
    /* Round to nearest. */
    long v = (from_bottom * 200 + t.h) / (2L * t.h);
    if (from_bottom < 0)
        v = -((-from_bottom * 200 + t.h) / (2L * t.h));
    return board_clamp((int)v);
}

enum layout_hit_kind layout_hit(const struct layout *l, const int *values,
                                int x, int y, struct layout_hit *hit)
{
    hit->kind = LAYOUT_HIT_NONE;
    hit->element = -1;
    hit->zone = -1;
    hit->habit = -1;
    hit->step = -1;
    for (int k = 0; k < l->timeline_steps; k++) {
        if (layout_rect_contains(layout_timeline_step(l, k), x, y)) {
            hit->kind = LAYOUT_HIT_STEP;
            hit->step = k;
            return hit->kind;
        }
    }
    for (int z = 0; z < ZONE_COUNT; z++) {
        if (layout_rect_contains(l->legend_label[z], x, y)) {
            hit->kind = LAYOUT_HIT_ZONE;
            hit->zone = z;
            return hit->kind;
        }
    }
    for (int i = 0; i < CONTENT_HABITS; i++) {
        if (layout_rect_contains(l->bridge_cell[i], x, y)) {
            hit->kind = LAYOUT_HIT_BRIDGE;
            hit->habit = i;
            return hit->kind;
        }
    }
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        const struct layout_strip *st = &l->strip[e];
        if (!layout_rect_contains(st->strip, x, y))
            continue;
        hit->element = e;
        if (values &&
            layout_rect_contains(layout_cap_rect(l, e, values[e]), x, y))
            hit->kind = LAYOUT_HIT_CAP;
        else if (layout_rect_contains(st->travel, x, y))
            hit->kind = LAYOUT_HIT_TRACK;
        else
            hit->kind = LAYOUT_HIT_STRIP;
        for (int z = 0; z < ZONE_COUNT; z++) {
            if (hit->kind == LAYOUT_HIT_STRIP &&
                layout_rect_contains(st->zone_band[z], x, y)) {
                hit->kind = LAYOUT_HIT_ZONE;
                hit->zone = z;
            }
        }
        return hit->kind;
    }
    return hit->kind;
}
