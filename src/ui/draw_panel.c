/* draw_panel: the large readout of the focused element: its name, what
 * its fader decides, its zone, what the teacher does, what students do, the example and the
 * habits of mind, in one column (right of the strips) or, below the
 * strips, the habits on a row and the rest in three columns.
 *
 * The panel is laid out twice at most sizes: a measuring pass picks the
 * largest title and body sizes at which everything fits, then a drawing
 * pass draws at those sizes. */
#include <stdio.h>
#include <string.h>

#include "parts.h"

enum { SECTIONS = 4, HABITS_TEXT = 1024 };

struct section {
    const char *heading;
    const char *text;
    int column;        /* -1: the full-width habits row */
};

struct panel {
    struct ui *ui;
    bool draw;         /* false: only measure */
    int title_size, body_size;
    int z;
    const char *name, *zone_name;
    const char *purpose;  /* what this fader decides, or NULL */
    struct section s[SECTIONS];
    const char *habits;
};

/* "Persisting · Questioning · ..." from the zone's habit indexes. */
static void habit_list(const struct content *c, const struct zone_text *zt,
                       char *out, size_t outlen)
{
    out[0] = '\0';
    size_t n = 0;
    for (int i = 0; i < zt->habit_count; i++) {
        int h = zt->habit[i];
        if (h < 0 || h >= c->habit_count || !c->habit[h].name)
            continue;
        int k = snprintf(out + n, outlen - n, "%s%s", n ? "  \xc2\xb7  " : "",
                         c->habit[h].name);
        if (k < 0 || (size_t)k >= outlen - n)
            break;
        n += (size_t)k;
    }
}

/* Height of s wrapped to width at size (measuring), or drawn in box. */
static int block(struct panel *p, const char *s, int size,
                 enum text_style style, enum theme_pair pair,
                 struct layout_rect box)
{
    if (p->draw)
        return draw_text(p->ui, s, size, style, pair, box, TEXT_LEFT,
                         DRAW_TOP);
    int h = 0;
    text_measure(p->ui->text, s, size, style, box.w, NULL, &h, NULL);
    return h;
}

/* Name and zone chip; returns the y below them. */
static int title(struct panel *p, struct layout_rect in, int pad)
{
    struct ui *ui = p->ui;
    const struct layout *l = &ui->layout;
    int chip_h = text_line_height(ui->text, l->font_body, TEXT_BOLD) +
                 l->line * 2;
    int chip_w = draw_text_width(ui, p->zone_name, l->font_body, TEXT_BOLD) +
                 2 * pad;
    if (chip_w > in.w)
        chip_w = in.w;
    int name_w = draw_text_width(ui, p->name, p->title_size, TEXT_BOLD);
    int th = text_line_height(ui->text, p->title_size, TEXT_BOLD);
    struct layout_rect chip;
    int y;
    if (name_w + pad + chip_w <= in.w) {
        /* One row: name left, chip right. */
        int row = th > chip_h ? th : chip_h;
        struct layout_rect t = {in.x, in.y, in.w - chip_w - pad, row};
        if (p->draw)
            draw_text(ui, p->name, p->title_size, TEXT_BOLD,
                      PAIR_TEXT_ON_PANEL, t, TEXT_LEFT, DRAW_MIDDLE);
        chip = (struct layout_rect){in.x + in.w - chip_w,
                                    in.y + (row - chip_h) / 2, chip_w,
                                    chip_h};
        y = in.y + row;
    } else {
        struct layout_rect t = {in.x, in.y, in.w, in.h};
        int h = block(p, p->name, p->title_size, TEXT_BOLD,
                      PAIR_TEXT_ON_PANEL, t);
        chip = (struct layout_rect){in.x, in.y + h + l->line * 2, chip_w,
                                    chip_h};
        y = chip.y + chip_h;
    }
    if (p->draw) {
        draw_fill(ui, draw_zone_role(p->z), chip);
        draw_text(ui, p->zone_name, l->font_body, TEXT_BOLD,
                  draw_zone_pair(p->z), chip, TEXT_CENTER, DRAW_MIDDLE);
    }
    return y + pad;
}

/* Lays out (and, in the drawing pass, draws) the panel body; returns the
 * height it needs. */
static int layout_panel(struct panel *p, struct layout_rect in, int pad)
{
    struct ui *ui = p->ui;
    const struct layout *l = &ui->layout;
    int top = title(p, in, pad);
    int cols = l->panel_columns > 1 ? 3 : 1;
    int gap = l->font_small * 2 / 5;
    if (p->purpose) {
        struct layout_rect pr = {in.x, top + gap, in.w, in.y + in.h - top};
        top += 2 * gap + block(p, p->purpose, l->font_small, TEXT_REGULAR,
                               PAIR_MUTED_ON_PANEL, pr);
    }
    if (cols == 3) {
        /* Habits on one row: heading, then the list beside it. */
        int hw = draw_text_width(ui, p->s[3].heading, l->font_small,
                                 TEXT_BOLD);
        struct layout_rect hr = {in.x, top, hw, in.y + in.h - top};
        struct layout_rect lr = {in.x + hw + pad, top, in.w - hw - pad,
                                 hr.h};
        if (p->draw)
            draw_text(ui, p->s[3].heading, l->font_small, TEXT_BOLD,
                      PAIR_ACCENT_ON_PANEL, hr, TEXT_LEFT, DRAW_TOP);
        top += block(p, p->habits, l->font_small, TEXT_REGULAR,
                     PAIR_TEXT_ON_PANEL, lr) + pad;
    }
    int col_gap = pad * 2;
    int inner = in.w - (cols - 1) * col_gap;
    /* Columns share the width by how much text each holds, so the
     * longest (usually the example) does not set the panel's height. */
    int weight[3] = {1, 1, 1}, total = 0;
    for (int i = 0; i < SECTIONS && cols > 1; i++)
        if (p->s[i].column >= 0 && p->s[i].text)
            weight[p->s[i].column] = (int)strlen(p->s[i].text) + 40;
    for (int k = 0; k < cols; k++)
        total += weight[k];
    int x = in.x, tallest = 0;
    for (int k = 0; k < cols; k++) {
        int col_w = k == cols - 1 ? in.x + in.w - x
                                  : inner * weight[k] / total;
        struct layout_rect box = {x, top, col_w, in.y + in.h - top};
        x += col_w + col_gap;
        int y0 = box.y;
        for (int i = 0; i < SECTIONS; i++) {
            if (p->s[i].column != k)
                continue;
            int used = block(p, p->s[i].heading, l->font_small, TEXT_BOLD,
                             PAIR_ACCENT_ON_PANEL, box);
            box.y += used;
            box.h -= used;
            used = block(p, p->s[i].text, p->body_size, TEXT_REGULAR,
                         PAIR_TEXT_ON_PANEL, box);
            box.y += used + gap;
            box.h -= used + gap;
        }
        if (box.y - gap - y0 > tallest)
            tallest = box.y - gap - y0;
    }
    return top + tallest - in.y;
}

void draw_panel(struct ui *ui)
{
    const struct layout *l = &ui->layout;
    const struct view *v = ui->v;
    const struct content *c = v->content;
    int e = v->board->focus;
    if (e < 0 || e >= BOARD_ELEMENTS)
        e = 0;
    int z = v->board->zone[e];
    const struct zone_text *zt = &c->element[e].zone[z];

    draw_fill(ui, THEME_PANEL, l->panel);
    struct layout_rect bar = {l->panel.x, l->panel.y, l->panel.w,
                              l->line * 2};
    draw_fill(ui, THEME_ACCENT, bar);
    int pad = l->panel_columns > 1 ? l->margin : l->margin * 3 / 2;
    struct layout_rect in = draw_inset(l->panel, pad);
    in.y += l->line * 2;
    in.h -= l->line * 2;

    char habits[HABITS_TEXT];
    habit_list(c, zt, habits, sizeof habits);
    struct panel p = {
        .ui = ui,
        .z = z,
        .name = c->element[e].name,
        .zone_name = draw_zone_name(ui, z),
        .purpose = c->element[e].purpose,
        .habits = habits,
        .s = {
            {content_string(c, "readout.teacher"), zt->teacher, 0},
            {content_string(c, "readout.students"), zt->students, 0},
            {content_string(c, "readout.example"), zt->example, 0},
            {content_string(c, "readout.habits"), habits, 0},
        },
    };
    if (l->panel_columns > 1) {
        p.s[1].column = 1;
        p.s[2].column = 2;
        p.s[3].column = -1;
    }
    /* Largest sizes that fit: body first, then the title; if even the
     * smallest do not, the purpose line gives way to the readout. */
    for (;;) {
        p.title_size = l->font_heading;
        p.body_size = l->font_body;
        bool fits;
        while (!(fits = layout_panel(&p, in, pad) <= in.h)) {
            if (p.body_size > l->font_small)
                p.body_size--;
            else if (p.title_size > l->font_small)
                p.title_size--;
            else
                break;
        }
        if (fits || !p.purpose)
            break;
        p.purpose = NULL;
    }
    p.draw = true;
    layout_panel(&p, in, pad);
}
