/* draw_chrome: around the strips: the meter bridge of the sixteen habits,
 * the status line, and the learn-mode banner. */
#include <stdio.h>
#include <string.h>

#include "draw.h"

enum { STATUS_TEXT = 512 };

/* How many elements' current zones call on each habit (0..7). */
static void habit_counts(const struct view *v, int counts[CONTENT_HABITS])
{
    const struct content *c = v->content;
    memset(counts, 0, CONTENT_HABITS * sizeof counts[0]);
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        const struct zone_text *zt = &c->element[e].zone[v->board->zone[e]];
        bool seen[CONTENT_HABITS] = {false};
        for (int i = 0; i < zt->habit_count && i < CONTENT_ZONE_HABITS;
             i++) {
            int h = zt->habit[i];
            if (h >= 0 && h < CONTENT_HABITS && !seen[h]) {
                seen[h] = true;
                counts[h]++;
            }
        }
    }
}

void draw_bridge(struct ui *ui)
{
    const struct layout *l = &ui->layout;
    const struct content *c = ui->v->content;
    int counts[CONTENT_HABITS];
    habit_counts(ui->v, counts);
    int pad = l->margin / 2 + 2;
    int gap = l->line;
    for (int h = 0; h < CONTENT_HABITS && h < c->habit_count; h++) {
        struct layout_rect cell = l->bridge_cell[h];
        draw_fill(ui, THEME_PANEL, cell);
        struct layout_rect in = draw_inset(cell, pad);
        int lh = text_line_height(ui->text, l->font_small, TEXT_REGULAR);
        struct layout_rect name = {in.x, in.y, in.w, lh};
        const char *s = c->habit[h].short_name ? c->habit[h].short_name
                                               : c->habit[h].name;
        bool lit = counts[h] > 0;
        enum text_style style =
            lit && draw_text_fits(ui, s, l->font_small, TEXT_BOLD, name)
                ? TEXT_BOLD : TEXT_REGULAR;
        draw_text(ui, s, l->font_small, style,
                  lit ? PAIR_TEXT_ON_PANEL : PAIR_MUTED_ON_PANEL, name,
                  TEXT_LEFT, DRAW_TOP);
        /* Seven segments, one per element that calls on the habit. */
        int y = in.y + lh + gap;
        int sh = in.y + in.h - y;
        int sw = (in.w - (BOARD_ELEMENTS - 1) * gap) / BOARD_ELEMENTS;
        for (int i = 0; i < BOARD_ELEMENTS; i++) {
            struct layout_rect seg = {in.x + i * (sw + gap), y, sw, sh};
            draw_fill(ui, i < counts[h] ? THEME_BRIDGE_LIT
                                        : THEME_BRIDGE_UNLIT, seg);
        }
    }
}

void draw_status(struct ui *ui)
{
    const struct layout *l = &ui->layout;
    const struct view *v = ui->v;
    const struct content *c = v->content;
    draw_fill(ui, THEME_STATUS, l->status);
    if (!c)
        return;
    int m = l->margin * 2, size = l->font_small;
    struct layout_rect box = {l->status.x + m, l->status.y,
                              l->status.w - 2 * m, l->status.h};
    char buf[STATUS_TEXT];

    /* Right: the help hint, if there is room for it. */
    const char *hint = content_string(c, "console.help-hint");
    int hint_w = draw_text_width(ui, hint, size, TEXT_REGULAR);
    if (hint_w < box.w / 3) {
        draw_text(ui, hint, size, TEXT_REGULAR, PAIR_MUTED_ON_STATUS, box,
                  TEXT_RIGHT, DRAW_MIDDLE);
        box.w -= hint_w + m;
    }

    /* Left: the controller. */
    if (v->controller_connected)
        draw_format(buf, sizeof buf, content_string(c, "status.connected"),
                    v->controller_name ? v->controller_name : "");
    else
        snprintf(buf, sizeof buf, "%s",
                 content_string(c, "status.no-controller"));
    int w = draw_text_width(ui, buf, size, TEXT_REGULAR);
    draw_text(ui, buf, size, TEXT_REGULAR, PAIR_TEXT_ON_STATUS, box,
              TEXT_LEFT, DRAW_MIDDLE);
    box.x += w + m;
    box.w -= w + m;

    /* Then the preset, with a mark when the mix has moved since. */
    if (v->preset_name && box.w > 0) {
        draw_format(buf, sizeof buf, content_string(c, "console.preset"),
                    v->preset_name);
        if (v->preset_modified) {
            size_t n = strlen(buf);
            snprintf(buf + n, sizeof buf - n, " %s",
                     content_string(c, "console.modified"));
        }
        w = draw_text_width(ui, buf, size, TEXT_BOLD);
        draw_text(ui, buf, size, TEXT_BOLD, PAIR_TEXT_ON_STATUS, box,
                  TEXT_LEFT, DRAW_MIDDLE);
        box.x += w + m;
        box.w -= w + m;
    }

    /* A notice as a badge in what is left. */
    if (v->notice && *v->notice && box.w > 2 * m) {
        int pad = l->margin;
        w = draw_text_width(ui, v->notice, size, TEXT_BOLD) + 2 * pad;
        struct layout_rect badge = {box.x, l->status.y + l->line,
                                    w < box.w ? w : box.w,
                                    l->status.h - 2 * l->line};
        draw_fill(ui, THEME_NOTICE, badge);
        struct layout_rect t = {badge.x + pad, badge.y, badge.w - 2 * pad,
                                badge.h};
        draw_text(ui, v->notice, size, TEXT_BOLD, PAIR_NOTICE, t,
                  TEXT_LEFT, DRAW_MIDDLE);
    }
}

/* Learn mode: a banner over the meter bridge. */
void draw_learn(struct ui *ui)
{
    const struct layout *l = &ui->layout;
    const struct view *v = ui->v;
    const struct content *c = v->content;
    int e = v->learn_element;
    if (e < 0 || e >= BOARD_ELEMENTS)
        e = 0;
    draw_fill(ui, THEME_BANNER, l->banner);
    struct layout_rect in = draw_inset(l->banner, l->margin);
    char buf[STATUS_TEXT];
    draw_format(buf, sizeof buf, content_string(c, "console.learn-prompt"),
                c->element[e].name);
    struct layout_rect top = in;
    top.h = in.h / 2 + l->line;
    draw_text_fit(ui, buf, l->font_heading, l->font_small, TEXT_BOLD,
                  PAIR_BANNER, top, TEXT_LEFT, DRAW_MIDDLE);
    if (v->learn_heard && *v->learn_heard)
        draw_format(buf, sizeof buf, content_string(c, "console.learn-heard"),
                    v->learn_heard);
    else
        snprintf(buf, sizeof buf, "%s",
                 content_string(c, "console.learn-waiting"));
    struct layout_rect bot = {in.x, top.y + top.h, in.w, in.h - top.h};
    const char *cancel = content_string(c, "console.learn-cancel");
    int cw = draw_text_width(ui, cancel, l->font_small, TEXT_REGULAR);
    if (cw < bot.w / 3) {
        draw_text(ui, cancel, l->font_small, TEXT_REGULAR, PAIR_BANNER, bot,
                  TEXT_RIGHT, DRAW_MIDDLE);
        bot.w -= cw + 2 * l->margin;
    }
    draw_text_fit(ui, buf, l->font_body, l->font_small, TEXT_REGULAR,
                  PAIR_BANNER, bot, TEXT_LEFT, DRAW_MIDDLE);
}
