/* draw_timeline: the unit's arc under the faders. A row of step labels
 * with the current step marked, seven lanes (one per element) showing each
 * step's zone by its tint and by a pattern (solid, stripes, dots: it reads
 * without colour too), the play state, and the current step's note. A
 * click on a column goes to that step (the app hit-tests the layout). */
#include <stdio.h>
#include <string.h>

#include "parts.h"
#include "str.h"
#include "zone_pattern.h"

/* The zone's tint, then its pattern's marks (core/zone_pattern.h: plain,
 * stripes, dots; the printed arc draws the same) in the zone's text
 * colour, so the pattern has the contrast of text on that tint. */
void draw_zone_pattern(struct ui *ui, int zone, struct layout_rect r)
{
    draw_fill(ui, draw_zone_role(zone), r);
    int u = ui->layout.line > 1 ? ui->layout.line : 2; /* stroke, pixels */
    struct zone_pattern p;
    struct layout_rect mark;
    zone_pattern_start(&p, (enum zone)zone, r, u);
    while (zone_pattern_next(&p, &mark))
        draw_fill(ui, THEME_ZONE_TEXT, mark);
}

/* The step's label if it fits, else its number, else nothing. */
static void step_label(struct ui *ui, int k, struct layout_rect cell,
                       bool current)
{
    const struct layout *l = &ui->layout;
    const struct arc *arc = ui->v->arc;
    enum text_style style = current ? TEXT_BOLD : TEXT_REGULAR;
    enum theme_pair pair = current ? PAIR_ACCENT_ON_PANEL
                                   : PAIR_MUTED_ON_PANEL;
    struct layout_rect in = draw_inset(cell, l->line);
    const char *label = arc->step[k].label;
    /* The current label may drop its bold before it drops to a number
     * (its colour and the outline still mark it): "Week 10", not "10". */
    for (int pass = 0; pass < (current ? 2 : 1); pass++) {
        enum text_style st = pass ? TEXT_REGULAR : style;
        if (draw_text_width(ui, label, l->font_small, st) <= in.w) {
            draw_text_line(ui, label, l->font_small, st, pair, in,
                           TEXT_CENTER);
            return;
        }
    }
    char num[16];
    snprintf(num, sizeof num, "%d", k + 1);
    int nw = draw_text_width(ui, num, l->font_small, style);
    /* Too narrow even for numbers: every few steps, and the current. */
    int every = 1;
    while (nw > in.w * every && every < 52)
        every++;
    if (current || (k + 1) % every == 0 || k == 0)
        draw_text_line(ui, num, l->font_small, style, pair,
                       (struct layout_rect){cell.x + cell.w / 2 - nw, cell.y,
                                            2 * nw, cell.h}, TEXT_CENTER);
}

void draw_timeline(struct ui *ui)
{
    const struct layout *l = &ui->layout;
    const struct view *v = ui->v;
    const struct content *c = v->content;
    const struct arc *arc = v->arc;
    if (!arc || l->timeline_steps <= 0)
        return;
    int n = l->timeline_steps < arc->count ? l->timeline_steps : arc->count;
    int cur = v->arc_step;
    draw_fill(ui, THEME_PANEL, l->timeline);

    /* The play state, where the lane names' column starts. */
    char state[64];
    snprintf(state, sizeof state, "%s%s%s",
             content_string(c, v->arc_playing ? "timeline.playing"
                                              : "timeline.paused"),
             v->arc_recording ? " " : "",
             v->arc_recording ? content_string(c, "timeline.recording") : "");
    draw_text_line(ui, state, l->font_small, TEXT_BOLD,
                   v->arc_recording || v->arc_playing ? PAIR_ACCENT_ON_PANEL
                                                      : PAIR_MUTED_ON_PANEL,
                   draw_inset(l->timeline_state, l->line), TEXT_RIGHT);
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        draw_text_line(ui, c->element[e].label, l->font_small, TEXT_BOLD,
                       PAIR_TEXT_ON_PANEL,
                       draw_inset(l->timeline_lane_label[e], l->line),
                       TEXT_RIGHT);

    /* Step columns: label, then one cell per lane. */
    int gap = l->line > 1 ? l->line / 2 : 1;
    for (int k = 0; k < n; k++) {
        struct layout_rect col = layout_timeline_step(l, k);
        struct layout_rect lab = {col.x, l->timeline_labels.y, col.w,
                                  l->timeline_labels.h};
        step_label(ui, k, lab, k == cur);
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            struct layout_rect cell = {
                col.x + gap, l->timeline_lanes.y + e * l->timeline_lane_h + gap,
                col.w - 2 * gap, l->timeline_lane_h - 2 * gap};
            draw_zone_pattern(ui, zone_for_value(arc->step[k].value[e]),
                              cell);
        }
    }
    /* The current step: a thick frame around its whole column. */
    if (cur >= 0 && cur < n)
        draw_outline(ui, THEME_ACCENT, layout_timeline_step(l, cur),
                     l->line * 2);

    /* The current step's label and note. */
    if (cur >= 0 && cur < n) {
        const struct arc_step *s = &arc->step[cur];
        char pos[32], head[96];
        snprintf(pos, sizeof pos, "%d / %d", cur + 1, arc->count);
        str_fill_hole(head, sizeof head, content_string(c, "timeline.step"),
                      pos);
        struct layout_rect r = draw_inset(l->timeline_note, l->line);
        int hw = draw_text_line(ui, head, l->font_small, TEXT_BOLD,
                                PAIR_ACCENT_ON_PANEL,
                                (struct layout_rect){r.x, r.y,
                                                     l->timeline_state.w,
                                                     r.h}, TEXT_RIGHT);
        (void)hw;
        int tx = l->timeline_lanes.x;
        struct layout_rect body = {tx, r.y, r.x + r.w - tx, r.h};
        char text[ARC_LABEL_MAX + ARC_NOTE_MAX + 8];
        snprintf(text, sizeof text, "%s%s%s", s->label,
                 s->note[0] ? ": " : "", s->note);
        draw_text_fit(ui, text, l->font_body, l->font_small, TEXT_REGULAR,
                      PAIR_TEXT_ON_PANEL, body, TEXT_LEFT, DRAW_TOP);
    }
}
