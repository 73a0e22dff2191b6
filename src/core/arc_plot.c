/* arc_plot: the geometry of the printed lanes (arc_plot.h). */
#include "arc_plot.h"

static struct layout_rect rect(int x, int y, int w, int h)
{
    return (struct layout_rect){x, y, w, h};
}

static int bottom(struct layout_rect r)
{
    return r.y + r.h;
}

static const struct layout_rect none = {0, 0, 0, 0};

void arc_plot_compute(struct arc_plot *p, int width, int steps)
{
    *p = (struct arc_plot){0};
    int w = width < 200 ? 200 : width;
    int n = steps < 1 ? 1 : steps > ARC_STEPS_MAX ? ARC_STEPS_MAX : steps;
    /* 36 px in a picture 1920 px wide: printed across an A4 or Letter
     * page, about the size of the handout's body text. */
    int font = w * 3 / 160;
    int lh = layout_line_height(font);
    p->w = w;
    p->font = font;
    p->unit = font / 9 > 1 ? font / 9 : 1;
    p->margin = lh;
    p->pad = lh / 2;
    p->lane_h = ARC_PLOT_LABEL_LINES * lh;
    p->steps = n;

    int inner = w - 2 * p->margin;
    p->key = rect(p->margin, p->margin, inner, lh);
    for (int z = 0; z < ZONE_COUNT; z++) {
        int x = p->key.x + inner * z / ZONE_COUNT;
        p->key_swatch[z] = rect(x, p->key.y, 2 * lh, lh);
        int tx = x + 2 * lh + p->pad;
        p->key_text[z] =
            rect(tx, p->key.y,
                 p->key.x + inner * (z + 1) / ZONE_COUNT - tx - p->pad, lh);
    }

    /* Bands of equal columns: 14 steps are two bands of 7, not 13 + 1. */
    p->bands = (n + ARC_PLOT_BAND_STEPS - 1) / ARC_PLOT_BAND_STEPS;
    p->per_band = (n + p->bands - 1) / p->bands;
    /* The lane names take under a third: two lines hold the longest
     * ("Cumulative Demonstration / of Learning") in bold. */
    int name_w = inner * 30 / 100;
    int lanes_x = p->margin + name_w + p->pad;
    int lanes_w = w - p->margin - lanes_x;
    p->col_w = lanes_w / p->per_band;
    int labels_h = ARC_PLOT_LABEL_LINES * lh + p->pad;
    int band_h = BOARD_ELEMENTS * p->lane_h + labels_h;
    int y = bottom(p->key) + 2 * p->pad;
    for (int b = 0; b < p->bands; b++) {
        struct arc_plot_band *band = &p->band[b];
        band->first = b * p->per_band;
        band->count =
            n - band->first < p->per_band ? n - band->first : p->per_band;
        band->area = rect(p->margin, y, inner, band_h);
        band->lanes = rect(lanes_x, y, p->col_w * band->count,
                           BOARD_ELEMENTS * p->lane_h);
        band->labels = rect(lanes_x, bottom(band->lanes),
                            p->col_w * band->count, labels_h);
        y += band_h + (b + 1 < p->bands ? 2 * lh : 0);
    }
    p->h = y + p->margin;
}

int arc_plot_band_of(const struct arc_plot *p, int k)
{
    if (k < 0 || k >= p->steps || p->per_band <= 0)
        return -1;
    return k / p->per_band;
}

struct layout_rect arc_plot_column(const struct arc_plot *p, int k)
{
    int b = arc_plot_band_of(p, k);
    if (b < 0)
        return none;
    const struct arc_plot_band *band = &p->band[b];
    return rect(band->lanes.x + (k - band->first) * p->col_w, band->lanes.y,
                p->col_w, bottom(band->labels) - band->lanes.y);
}

struct layout_rect arc_plot_cell(const struct arc_plot *p, int k, int e)
{
    struct layout_rect col = arc_plot_column(p, k);
    if (col.w == 0 || e < 0 || e >= BOARD_ELEMENTS)
        return none;
    /* The gap between cells shows the paper, as the screen's shows the
     * panel: neighbouring cells of one zone stay two cells. */
    int gap = p->unit;
    return rect(col.x + gap, col.y + e * p->lane_h + gap, col.w - 2 * gap,
                p->lane_h - 2 * gap);
}

struct layout_rect arc_plot_label(const struct arc_plot *p, int k)
{
    struct layout_rect col = arc_plot_column(p, k);
    if (col.w == 0)
        return none;
    const struct arc_plot_band *band = &p->band[arc_plot_band_of(p, k)];
    /* Clear of the current step's frame (two strokes inside the column). */
    int gap = 2 * p->unit + (p->unit + 1) / 2;
    return rect(col.x + gap, band->labels.y + p->pad, col.w - 2 * gap,
                band->labels.h - p->pad);
}

struct layout_rect arc_plot_lane_name(const struct arc_plot *p, int b, int e)
{
    if (b < 0 || b >= p->bands || e < 0 || e >= BOARD_ELEMENTS)
        return none;
    const struct arc_plot_band *band = &p->band[b];
    return rect(band->area.x, band->lanes.y + e * p->lane_h,
                band->lanes.x - p->pad - band->area.x, p->lane_h);
}
