/* draw_panel: the large readout of the focused element: its name, its
 * zone, what the teacher does, what students do, the example and the
 * habits of mind, in one column (right of the strips) or three (below). */
#include <stdio.h>
#include <string.h>

#include "draw.h"

enum { SECTIONS = 4, HABITS_TEXT = 1024 };

struct section {
    const char *heading;
    const char *text;
    int column;
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

/* Height of the sections of one column at body size `size`. */
static int column_height(struct ui *ui, const struct section *s, int col,
                         int size, int width, int gap)
{
    const struct layout *l = &ui->layout;
    int total = 0;
    for (int i = 0; i < SECTIONS; i++) {
        if (s[i].column != col)
            continue;
        int hh = 0, th = 0;
        text_measure(ui->text, s[i].heading, l->font_small, TEXT_BOLD, width,
                     NULL, &hh, NULL);
        text_measure(ui->text, s[i].text, size, TEXT_REGULAR, width, NULL,
                     &th, NULL);
        total += hh + th + gap;
    }
    return total;
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
    int pad = l->margin * 3 / 2;
    struct layout_rect in = draw_inset(l->panel, pad);
    in.y += l->line * 2;
    in.h -= l->line * 2;

    /* Title and zone chip. */
    int title_h = 2 * text_line_height(ui->text, l->font_heading, TEXT_BOLD);
    struct layout_rect title = {in.x, in.y, in.w, title_h};
    const char *name = c->element[e].name;
    int chip_h = text_line_height(ui->text, l->font_body, TEXT_BOLD) +
                 l->line * 2;
    const char *zname = draw_zone_name(ui, z);
    int chip_w = draw_text_width(ui, zname, l->font_body, TEXT_BOLD) +
                 2 * pad;
    if (chip_w > in.w)
        chip_w = in.w;
    if (l->panel_columns > 1) {
        /* Name and chip share one row. */
        title.h = text_line_height(ui->text, l->font_heading, TEXT_BOLD);
        title.w = in.w - chip_w - pad;
    }
    int size = draw_text_fit(ui, name, l->font_heading, l->font_body,
                             TEXT_BOLD, PAIR_TEXT_ON_PANEL, title, TEXT_LEFT,
                             DRAW_TOP);
    int name_h = 0;
    text_measure(ui->text, name, size, TEXT_BOLD, title.w, NULL, &name_h,
                 NULL);
    if (name_h > title.h)
        name_h = title.h;
    struct layout_rect chip = {in.x, in.y + name_h + l->line * 2, chip_w,
                               chip_h};
    if (l->panel_columns > 1) {
        chip.x = in.x + in.w - chip_w;
        chip.y = in.y + (title.h - chip_h) / 2;
    }
    draw_fill(ui, draw_zone_role(z), chip);
    draw_text(ui, zname, l->font_body, TEXT_BOLD, draw_zone_pair(z), chip,
              TEXT_CENTER, DRAW_MIDDLE);

    /* Sections. */
    char habits[HABITS_TEXT];
    habit_list(c, zt, habits, sizeof habits);
    struct section s[SECTIONS] = {
        {content_string(c, "readout.teacher"), zt->teacher, 0},
        {content_string(c, "readout.students"), zt->students, 0},
        {content_string(c, "readout.example"), zt->example, 0},
        {content_string(c, "readout.habits"), habits, 0},
    };
    int cols = l->panel_columns > 1 ? 3 : 1;
    if (cols == 3) {
        s[1].column = 1;
        s[2].column = 2;
        s[3].column = 2;
    }
    int top = (cols == 3 ? in.y + title.h : chip.y + chip.h) + pad;
    int gap = l->font_small * 2 / 3;
    int col_gap = pad * 2;
    int col_w = (in.w - (cols - 1) * col_gap) / cols;
    int avail = in.y + in.h - top;
    size = l->font_body;
    for (;;) {
        int tallest = 0;
        for (int k = 0; k < cols; k++) {
            int h = column_height(ui, s, k, size, col_w, gap);
            if (h > tallest)
                tallest = h;
        }
        if (tallest <= avail || size <= l->font_small)
            break;
        size--;
    }
    for (int k = 0; k < cols; k++) {
        struct layout_rect box = {in.x + k * (col_w + col_gap), top, col_w,
                                  avail};
        for (int i = 0; i < SECTIONS; i++) {
            if (s[i].column != k)
                continue;
            int used = draw_text(ui, s[i].heading, l->font_small, TEXT_BOLD,
                                 PAIR_ACCENT_ON_PANEL, box, TEXT_LEFT,
                                 DRAW_TOP);
            box.y += used;
            box.h -= used;
            used = draw_text(ui, s[i].text, size, TEXT_REGULAR,
                             PAIR_TEXT_ON_PANEL, box, TEXT_LEFT, DRAW_TOP);
            box.y += used + gap;
            box.h -= used + gap;
        }
    }
}
