/* draw_strips: the seven channel strips (scribble label, zone scale,
 * fader, ghost cap, zone word, short readout) and the scale's legend. */
#include <stdio.h>

#include "draw.h"

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
        draw_fill(ui, draw_zone_role(z), sw_r);
        struct layout_rect t = l->legend_label[z];
        t.w -= sw + gap;
        draw_text_fit(ui, draw_zone_name(ui, z), l->font_small,
                      l->font_small, TEXT_BOLD, PAIR_TEXT_ON_BACKGROUND, t,
                      TEXT_RIGHT, DRAW_MIDDLE);
    }
    /* Ends of the scale, where there is room. */
    struct layout_rect top = {l->legend.x, l->legend.y, l->legend.w - sw -
                              gap, st->scale.y - l->legend.y};
    const char *s = content_string(c, "scale.top");
    if (draw_text_fits(ui, s, l->font_small, TEXT_REGULAR, top))
        draw_text(ui, s, l->font_small, TEXT_REGULAR,
                  PAIR_MUTED_ON_BACKGROUND, top, TEXT_RIGHT, DRAW_BOTTOM);
    int by = st->scale.y + st->scale.h + gap;
    struct layout_rect bot = {l->legend.x, by, top.w,
                              l->legend.y + l->legend.h - by};
    s = content_string(c, "scale.bottom");
    if (draw_text_fits(ui, s, l->font_small, TEXT_REGULAR, bot))
        draw_text(ui, s, l->font_small, TEXT_REGULAR,
                  PAIR_MUTED_ON_BACKGROUND, bot, TEXT_RIGHT, DRAW_TOP);
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

/* The current zone as a word on its tint. */
static void zone_word(struct ui *ui, int e)
{
    const struct layout *l = &ui->layout;
    const struct layout_strip *st = &l->strip[e];
    int z = ui->v->board->zone[e];
    draw_fill(ui, draw_zone_role(z), st->zone_word);
    const char *s = draw_zone_name(ui, z);
    struct layout_rect in = draw_inset(st->zone_word, l->line);
    enum text_style style = TEXT_BOLD;
    if (!draw_text_fits(ui, s, l->font_small, TEXT_BOLD, in))
        style = TEXT_REGULAR;
    draw_text_fit(ui, s, l->font_zone, l->font_small, style,
                  draw_zone_pair(z), in, TEXT_CENTER, DRAW_MIDDLE);
}

/* Teacher and students in a few words: with headings when they fit. */
static void readout(struct ui *ui, int e, enum theme_pair text,
                    enum theme_pair muted)
{
    const struct layout *l = &ui->layout;
    const struct layout_rect r = l->strip[e].readout;
    const struct content *c = ui->v->content;
    const struct zone_text *zt =
        &c->element[e].zone[ui->v->board->zone[e]];
    const char *parts[4] = {
        content_string(c, "readout.teacher"), zt->teacher_brief,
        content_string(c, "readout.students"), zt->students_brief,
    };
    int size = l->font_small, h[4], total = 0;
    for (int i = 0; i < 4; i++) {
        text_measure(ui->text, parts[i] ? parts[i] : "", size,
                     i % 2 ? TEXT_REGULAR : TEXT_BOLD, r.w, NULL, &h[i],
                     NULL);
        total += h[i];
    }
    bool headings = total <= r.h;
    int gap = headings ? 0 : l->line * 2;
    struct layout_rect box = r;
    for (int i = 0; i < 4; i++) {
        if (i % 2 == 0 && !headings) {
            if (i > 0) {
                draw_hline(ui, THEME_TICK, box.x + box.w / 4,
                           box.y + gap / 2, box.w / 2, 1);
                box.y += gap;
                box.h -= gap;
            }
            continue;
        }
        int used = draw_text(ui, parts[i], size,
                             i % 2 ? TEXT_REGULAR : TEXT_BOLD,
                             i % 2 ? text : muted, box, TEXT_CENTER,
                             DRAW_TOP);
        box.y += used;
        box.h -= used;
    }
}

static void strip(struct ui *ui, int e, bool names)
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

    /* Scribble strip: paper tape with the short label. */
    struct layout_rect tape = st->label;
    draw_fill(ui, THEME_SCRIBBLE, tape);
    draw_text_fit(ui, c->element[e].label, l->font_label, l->font_small,
                  TEXT_BOLD, PAIR_SCRIBBLE, draw_inset(tape, l->line),
                  TEXT_CENTER, DRAW_MIDDLE);
    if (names)
        draw_text(ui, c->element[e].name, l->font_small, TEXT_REGULAR,
                  focus ? PAIR_TEXT_ON_FOCUS : PAIR_TEXT_ON_PANEL, st->name,
                  TEXT_CENTER, DRAW_MIDDLE);

    scale(ui, e);
    draw_fill(ui, THEME_TRACK, st->track);
    if (v->ghost_visible[e])
        ghost(ui, e, bg, focus ? PAIR_GHOST_ON_FOCUS : PAIR_GHOST_ON_PANEL);
    cap(ui, e, v->board->value[e]);
    zone_word(ui, e);
    readout(ui, e, focus ? PAIR_TEXT_ON_FOCUS : PAIR_TEXT_ON_PANEL,
            focus ? PAIR_MUTED_ON_FOCUS : PAIR_MUTED_ON_PANEL);
}

void draw_strips(struct ui *ui)
{
    const struct layout *l = &ui->layout;
    const struct content *c = ui->v->content;
    /* Full names under the labels only if every one fits: a row of
     * strips where some have names and some not reads as a mistake. */
    bool names = true;
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        if (l->strip[e].name.h <= 0 || !c->element[e].name ||
            !draw_text_fits(ui, c->element[e].name, l->font_small,
                            TEXT_REGULAR, l->strip[e].name))
            names = false;
    legend(ui);
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        strip(ui, e, names);
}
