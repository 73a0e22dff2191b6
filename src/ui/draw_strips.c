/* draw_strips: the seven channel strips (scribble label, zone scale,
 * fader, ghost cap, zone word, short readout) and the scale's legend. */
#include <stdio.h>

#include "parts.h"

/* The scale's legend: zone names at their band heights, with a swatch of
 * the band's tint, and which way is which at the ends. */
static void legend(struct ui *ui)
{
    const struct layout *l = &ui->layout;
    const struct content *c = ui->v->content;
    const struct layout_strip *st = &l->strip[0];
    int sw = st->scale.w, gap = l->margin / 2 + 2;
    for (int z = 0; z < ZONE_COUNT; z++) {
        struct layout_rect band = st->zone_band[z];
        struct layout_rect sw_r = {l->legend.x + l->legend.w - sw, band.y,
                                   sw, band.h};
        draw_zone_pattern(ui, z, sw_r); /* tint and pattern, as the timeline */
        struct layout_rect t = l->legend_label[z];
        t.w -= sw + gap;
        draw_text_best(ui, draw_zone_name(ui, z), l->font_small, true,
                       PAIR_TEXT_ON_BACKGROUND, t, TEXT_RIGHT, DRAW_MIDDLE);
    }
    /* Ends of the scale, if both fit. */
    struct layout_rect top = {l->legend.x, l->legend.y, l->legend.w - sw -
                              gap, l->legend_label[ZONE_STUDENT].y -
                                       l->legend.y - gap};
    struct layout_rect tl = l->legend_label[ZONE_TEACHER];
    int by = tl.y + tl.h + gap;
    struct layout_rect bot = {l->legend.x, by, top.w,
                              st->zone_word.y + st->zone_word.h - by};
    const char *up = content_string(c, "scale.top");
    const char *down = content_string(c, "scale.bottom");
    if (draw_text_fits(ui, up, l->font_small, TEXT_REGULAR, top) &&
        draw_text_fits(ui, down, l->font_small, TEXT_REGULAR, bot)) {
        draw_text(ui, up, l->font_small, TEXT_REGULAR,
                  PAIR_MUTED_ON_BACKGROUND, top, TEXT_RIGHT, DRAW_BOTTOM);
        draw_text(ui, down, l->font_small, TEXT_REGULAR,
                  PAIR_MUTED_ON_BACKGROUND, bot, TEXT_RIGHT, DRAW_TOP);
    }
    /* Row names of the readouts. */
    const char *rows[2] = {content_string(c, "readout.teacher"),
                           content_string(c, "readout.students")};
    for (int k = 0; k < 2 && l->legend_brief[k].h > 0; k++) {
        struct layout_rect r = l->legend_brief[k];
        r.w -= sw + gap;
        draw_text_best(ui, rows[k], l->font_small, true,
                       PAIR_MUTED_ON_BACKGROUND, r, TEXT_RIGHT, DRAW_TOP);
    }
}

/* Ticks every ten, long ones at the zone boundaries. */
static void scale(struct ui *ui, int e)
{
    const struct layout *l = &ui->layout;
    const struct layout_strip *st = &l->strip[e];
    for (int z = 0; z < ZONE_COUNT; z++)
        draw_fill(ui, draw_zone_role(z), st->zone_band[z]);
    int t = l->line / 2 > 0 ? l->line / 2 : 1;
    int len = st->travel.w / 7, gap = st->track.w;
    for (int v = 0; v <= 100; v += 10) {
        struct layout_rect cap = layout_cap_rect(l, e, v);
        int y = cap.y + cap.h / 2;
        int k = v % 50 == 0 ? len * 3 / 2 : len;
        draw_hline(ui, THEME_TICK, st->track.x - gap - k, y, k, t);
        draw_hline(ui, THEME_TICK, st->track.x + st->track.w + gap, y, k,
                   t);
    }
    int x0 = st->scale.x, x1 = st->travel.x + st->travel.w;
    draw_hline(ui, THEME_TICK, x0, st->zone_band[ZONE_COCREATED].y, x1 - x0,
               l->line);
    draw_hline(ui, THEME_TICK, x0, st->zone_band[ZONE_TEACHER].y, x1 - x0,
               l->line);
}

/* Where the hardware fader physically is, while it has not caught up. */
static void ghost(struct ui *ui, int e, enum theme_role bg,
                  enum theme_pair pair)
{
    const struct layout *l = &ui->layout;
    struct layout_rect g = layout_cap_rect(l, e, ui->v->ghost_value[e]);
    draw_fill(ui, bg, g);
    /* Dashed outline: short segments along each side. */
    int t = l->line, dash = l->cap_h / 3 > 4 ? l->cap_h / 3 : 4;
    for (int x = g.x; x < g.x + g.w; x += 2 * dash) {
        int w = x + dash <= g.x + g.w ? dash : g.x + g.w - x;
        draw_hline(ui, THEME_GHOST, x, g.y + t / 2, w, t);
        draw_hline(ui, THEME_GHOST, x, g.y + g.h - t + t / 2, w, t);
    }
    struct layout_rect side = {g.x, g.y, t, g.h};
    draw_fill(ui, THEME_GHOST, side);
    side.x = g.x + g.w - t;
    draw_fill(ui, THEME_GHOST, side);
    const char *s = content_string(ui->v->content, "console.ghost");
    struct layout_rect in = draw_inset(g, t);
    if (draw_text_fits(ui, s, l->font_small, TEXT_REGULAR, in))
        draw_text(ui, s, l->font_small, TEXT_REGULAR, pair, in, TEXT_CENTER,
                  DRAW_MIDDLE);
}

static void cap(struct ui *ui, int e, int value)
{
    const struct layout *l = &ui->layout;
    struct layout_rect c = layout_cap_rect(l, e, value);
    draw_fill(ui, THEME_CAP, c);
    draw_outline(ui, THEME_CAP_EDGE, c, l->line / 2 > 0 ? l->line / 2 : 1);
    /* The index line marks the exact value. */
    draw_hline(ui, THEME_CAP_LINE, c.x + l->line, c.y + c.h / 2,
               c.w - 2 * l->line, l->line);
}

/* Where the zone word goes in its chip: the full width (the word is
 * centred anyway), a little in from top and bottom. */
static struct layout_rect chip_text_box(const struct layout *l,
                                        const struct layout_strip *st)
{
    struct layout_rect r = st->zone_word;
    r.y += l->line;
    r.h -= 2 * l->line;
    return r;
}

/* One style and size for the zone words of all strips: bold if every
 * zone name fits the chip that way (wrapped at most at its hyphen), else
 * regular; the largest size at which all fit. */
static void zone_word_style(struct ui *ui, enum text_style *style,
                            int *size)
{
    const struct layout *l = &ui->layout;
    struct layout_rect in = chip_text_box(l, &l->strip[0]);
    for (int st = TEXT_BOLD; st >= TEXT_REGULAR; st--) {
        for (int sz = l->font_zone; sz >= l->font_small; sz--) {
            bool all = true;
            for (int z = 0; z < ZONE_COUNT && all; z++)
                all = draw_text_fits(ui, draw_zone_name(ui, z), sz, st, in);
            if (all) {
                *style = st;
                *size = sz;
                return;
            }
        }
    }
    *style = TEXT_REGULAR;
    *size = l->font_small;
}

/* The current zone as a word on its tint. */
static void zone_word(struct ui *ui, int e, enum text_style style, int size)
{
    const struct layout *l = &ui->layout;
    const struct layout_strip *st = &l->strip[e];
    int z = ui->v->board->zone[e];
    draw_fill(ui, draw_zone_role(z), st->zone_word);
    draw_text(ui, draw_zone_name(ui, z), size, style, draw_zone_pair(z),
              chip_text_box(l, st), TEXT_CENTER, DRAW_MIDDLE);
}

/* Teacher and students in a few words, in the two halves of the readout
 * (the legend names the rows). */
static void readout(struct ui *ui, int e, enum theme_pair text)
{
    const struct layout *l = &ui->layout;
    const struct layout_strip *st = &l->strip[e];
    const struct zone_text *zt =
        &ui->v->content->element[e].zone[ui->v->board->zone[e]];
    draw_text(ui, zt->teacher_brief, l->font_small, TEXT_REGULAR, text,
              st->brief[0], TEXT_CENTER, DRAW_TOP);
    draw_text(ui, zt->students_brief, l->font_small, TEXT_REGULAR, text,
              st->brief[1], TEXT_CENTER, DRAW_TOP);
}

struct strip_style {
    bool names;             /* full names under the labels */
    int label_size;         /* scribble labels */
    enum text_style zone_style;
    int zone_size;
};

static void strip(struct ui *ui, int e, const struct strip_style *ss)
{
    const struct layout *l = &ui->layout;
    const struct layout_strip *st = &l->strip[e];
    const struct view *v = ui->v;
    const struct content *c = v->content;
    bool focus = v->board->focus == e;
    enum theme_role bg = focus ? THEME_PANEL_FOCUS : THEME_PANEL;

    draw_fill(ui, bg, st->strip);
    if (focus)
        draw_outline(ui, THEME_ACCENT, st->strip, l->line * 2);
    if (v->learning && v->learn_element == e)
        draw_outline(ui, THEME_BANNER, draw_inset(st->strip, l->line * 2),
                     l->line * 2);

    /* Scribble strip: paper tape with the short label. */
    struct layout_rect tape = st->label;
    draw_fill(ui, THEME_SCRIBBLE, tape);
    draw_text(ui, c->element[e].label, ss->label_size, TEXT_BOLD,
              PAIR_SCRIBBLE,
              draw_inset(tape, l->line), TEXT_CENTER, DRAW_MIDDLE);
    if (ss->names)
        draw_text(ui, c->element[e].name, l->font_small, TEXT_REGULAR,
                  focus ? PAIR_TEXT_ON_FOCUS : PAIR_TEXT_ON_PANEL, st->name,
                  TEXT_CENTER, DRAW_MIDDLE);

    scale(ui, e);
    draw_fill(ui, THEME_TRACK, st->track);
    if (v->ghost_visible[e])
        ghost(ui, e, bg, focus ? PAIR_GHOST_ON_FOCUS : PAIR_GHOST_ON_PANEL);
    cap(ui, e, v->board->value[e]);
    zone_word(ui, e, ss->zone_style, ss->zone_size);
    if (st->readout.h > 0)
        readout(ui, e, focus ? PAIR_TEXT_ON_FOCUS : PAIR_TEXT_ON_PANEL);
}

void draw_strips(struct ui *ui)
{
    const struct layout *l = &ui->layout;
    const struct content *c = ui->v->content;
    struct strip_style ss;
    /* Full names under the labels only if every one fits: a row of
     * strips where some have names and some not reads as a mistake. */
    ss.names = true;
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        if (l->strip[e].name.h <= 0 || !c->element[e].name ||
            !draw_text_fits(ui, c->element[e].name, l->font_small,
                            TEXT_REGULAR, l->strip[e].name))
            ss.names = false;
    /* One size for all seven labels: the largest at which each fits on
     * one line. */
    ss.label_size = l->font_label;
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        struct layout_rect in = draw_inset(l->strip[e].label, l->line);
        const char *s = c->element[e].label ? c->element[e].label : "";
        while (ss.label_size > l->font_small &&
               draw_text_width(ui, s, ss.label_size, TEXT_BOLD) > in.w)
            ss.label_size--;
    }
    zone_word_style(ui, &ss.zone_style, &ss.zone_size);
    legend(ui);
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        strip(ui, e, &ss);
}
