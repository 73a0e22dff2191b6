/* draw_chrome: around the strips: the meter bridge of the sixteen habits,
 * the status line, and the learn-mode banner. */
#include <stdio.h>
#include <string.h>

#include "parts.h"
#include "str.h"

enum { STATUS_TEXT = 512 };

void draw_bridge(struct ui *ui)
{
    const struct layout *l = &ui->layout;
    const struct content *c = ui->v->content;
    int counts[CONTENT_HABITS];
    content_habit_counts(c, ui->v->board->zone, counts);
    int pad = l->bridge_pad;
    int gap = l->line;
    for (int h = 0; h < CONTENT_HABITS && h < c->habit_count; h++) {
        struct layout_rect cell = l->bridge_cell[h];
        draw_fill(ui, THEME_PANEL, cell);
        struct layout_rect in = draw_inset(cell, pad);
        if (l->bridge_inline) {
            in.y = cell.y + 1;
            in.h = cell.h - 2;
        }
        int lh = text_line_height(ui->text, l->font_small, TEXT_REGULAR);
        struct layout_rect name = {in.x, in.y, in.w, lh};
        /* Seven segments, one per element that calls on the habit: below
         * the name, or beside it on the right. */
        struct layout_rect leds = {in.x, in.y + lh + gap, in.w,
                                   in.h - lh - gap};
        if (l->bridge_inline) {
            int lw = l->font_small * LAYOUT_LEDS_EM4 / 4;
            int room = in.w - 8 * l->font_small - pad;
            if (lw > room)
                lw = room > 2 * l->font_small ? room : 2 * l->font_small;
            int lh2 = l->font_small * 2 / 3;
            leds = (struct layout_rect){in.x + in.w - lw,
                                        in.y + (in.h - lh2) / 2, lw, lh2};
            name.w = in.w - lw - pad;
            name.h = in.h;
        }
        const char *s = c->habit[h].short_name ? c->habit[h].short_name
                                               : c->habit[h].name;
        bool lit = counts[h] > 0;
        enum text_style style =
            lit && draw_text_width(ui, s, l->font_small, TEXT_BOLD) <= name.w
                ? TEXT_BOLD : TEXT_REGULAR;
        draw_text(ui, s, l->font_small, style,
                  lit ? PAIR_TEXT_ON_PANEL : PAIR_MUTED_ON_PANEL, name,
                  TEXT_LEFT, l->bridge_inline ? DRAW_MIDDLE : DRAW_TOP);
        int sw = (leds.w - (BOARD_ELEMENTS - 1) * gap) / BOARD_ELEMENTS;
        for (int i = 0; i < BOARD_ELEMENTS; i++) {
            struct layout_rect seg = {leds.x + i * (sw + gap), leds.y, sw,
                                      leds.h};
            draw_fill(ui, i < counts[h] ? THEME_BRIDGE_LIT
                                        : THEME_BRIDGE_UNLIT, seg);
        }
    }
}

/* The title and the balance message, then the credit: on every frame, in
 * full screen too. The message takes the room it needs at the right; the
 * title is shortened only if both cannot fit. */
void draw_masthead(struct ui *ui)
{
    const struct layout *l = &ui->layout;
    const struct content *c = ui->v->content;
    draw_fill(ui, THEME_STATUS, l->masthead);
    if (!c)
        return;
    int size = l->font_small, m = l->margin * 2;
    struct layout_rect line = l->mast_line[0];
    const char *tagline = content_string(c, "app.tagline");
    int wt = draw_text_line(ui, tagline, size, TEXT_BOLD,
                            PAIR_TEXT_ON_STATUS, line, TEXT_RIGHT);
    line.w -= wt + m;
    if (line.w > 0) {
        int w = draw_text_line(ui, content_string(c, "app.title"), size,
                               TEXT_BOLD, PAIR_TEXT_ON_STATUS, line,
                               TEXT_LEFT);
        line.x += w + m;
        line.w -= w + m;
    }
    /* The credit: its own line, or what is left of the first one. */
    struct layout_rect cr = l->mast_line[1].h > 0 ? l->mast_line[1] : line;
    const char *credit = content_string(c, "app.credit");
    if (draw_text_width(ui, credit, size, TEXT_REGULAR) > cr.w)
        credit = content_string(c, "app.credit-short");
    if (draw_text_width(ui, credit, size, TEXT_REGULAR) <= cr.w)
        draw_text_line(ui, credit, size, TEXT_REGULAR, PAIR_MUTED_ON_STATUS,
                       cr, TEXT_LEFT);
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
    /* What to say, most important first: the controller, a notice, the
     * preset; the help hint only if all of that leaves room. */
    char ctrl[STATUS_TEXT], preset[STATUS_TEXT] = "";
    if (v->controller_connected)
        str_fill_hole(ctrl, sizeof ctrl, content_string(c, "status.connected"),
                    v->controller_name ? v->controller_name : "");
    else
        snprintf(ctrl, sizeof ctrl, "%s",
                 content_string(c, "status.no-controller"));
    if (v->preset_name) {
        str_fill_hole(preset, sizeof preset,
                    content_string(c, "console.preset"), v->preset_name);
        if (v->preset_modified) {
            size_t n = strlen(preset);
            snprintf(preset + n, sizeof preset - n, " %s",
                     content_string(c, "console.modified"));
        }
    }
    const char *notice = v->notice && *v->notice ? v->notice : NULL;
    const char *hint = content_string(c, "console.help-hint");
    int pad = l->margin;
    int wc = draw_text_width(ui, ctrl, size, TEXT_REGULAR);
    int wp = preset[0] ? draw_text_width(ui, preset, size, TEXT_BOLD) : 0;
    int wn = notice ? draw_text_width(ui, notice, size, TEXT_BOLD) + 2 * pad
                    : 0;
    int wh = draw_text_width(ui, hint, size, TEXT_REGULAR);
    if (wc + m + wp + m + wn + m + wh <= box.w) {
        draw_text_line(ui, hint, size, TEXT_REGULAR, PAIR_MUTED_ON_STATUS,
                       box, TEXT_RIGHT);
        box.w -= wh + m;
    }
    /* A notice lasts a few seconds and says what just happened: where it
     * does not fit beside the controller line (a narrow window), it takes
     * the whole line until it ends, rather than being cut. */
    bool notice_alone = notice && wc + m + wn > box.w;
    if (!notice_alone) {
        int w = draw_text_line(ui, ctrl, size, TEXT_REGULAR,
                               PAIR_TEXT_ON_STATUS, box, TEXT_LEFT);
        box.x += w + m;
        box.w -= w + m;
    }
    /* The notice goes at the right end of what is left, the preset
     * before it, shortened if need be. */
    if (notice && box.w > 4 * m) {
        int bw = wn < box.w ? wn : box.w;
        struct layout_rect badge = {box.x + box.w - bw,
                                    l->status.y + l->line, bw,
                                    l->status.h - 2 * l->line};
        draw_fill(ui, THEME_NOTICE, badge);
        struct layout_rect t = {badge.x + pad, badge.y, badge.w - 2 * pad,
                                badge.h};
        draw_text_line(ui, notice, size, TEXT_BOLD, PAIR_NOTICE, t,
                       TEXT_LEFT);
        box.w -= bw + m;
    }
    if (preset[0] && box.w > 2 * m && !notice_alone)
        draw_text_line(ui, preset, size, TEXT_BOLD, PAIR_TEXT_ON_STATUS, box,
                       TEXT_LEFT);
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
    str_fill_hole(buf, sizeof buf, content_string(c, "console.learn-prompt"),
                c->element[e].name);
    struct layout_rect top = in;
    top.h = in.h / 2 + l->line;
    draw_text_fit(ui, buf, l->font_heading, l->font_small, TEXT_BOLD,
                  PAIR_BANNER, top, TEXT_LEFT, DRAW_MIDDLE);
    if (v->learn_heard && *v->learn_heard)
        str_fill_hole(buf, sizeof buf, content_string(c, "console.learn-heard"),
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
