/* draw_overlay: the shared overlay frame (dim the board, draw a panel and
 * its title) and the help and four-questions overlays. To add an overlay:
 * a function that calls draw_overlay_frame and fills the rect it returns,
 * declared in draw.h and called from ui_draw's switch. */
#include <stdio.h>

#include "parts.h"

struct layout_rect draw_overlay_frame(struct ui *ui, const char *title)
{
    const struct layout *l = &ui->layout;
    struct layout_rect all = {0, 0, l->w, l->h};
    draw_fill(ui, THEME_DIM, all);
    draw_fill(ui, THEME_OVERLAY, l->overlay);
    draw_outline(ui, THEME_ACCENT, l->overlay, l->line * 2);
    struct layout_rect in = draw_inset(l->overlay, l->margin * 3);
    int th = text_line_height(ui->text, l->font_heading, TEXT_BOLD);
    struct layout_rect t = {in.x, in.y, in.w, th};
    draw_text_fit(ui, title, l->font_heading, l->font_body, TEXT_BOLD,
                  PAIR_ACCENT_ON_OVERLAY, t, TEXT_LEFT, DRAW_TOP);
    struct layout_rect body = {in.x, in.y + th + l->margin * 2, in.w,
                               in.h - th - l->margin * 2};
    return body;
}

/* ------------------------------------------------------------- help */

enum { HELP_ROWS = 128 };

struct help_grid {
    int rows[HELP_ROWS];  /* indexes into the view's help arrays */
    int count;
    int cols, size, key_w, row_gap, col_gap;
};

static int row_height(struct ui *ui, const struct view *v,
                      const struct help_grid *g, int i, int col_w)
{
    int pad = ui->layout.line * 2;
    int kh = text_line_height(ui->text, g->size, TEXT_BOLD) + pad;
    int th = 0;
    text_measure(ui->text, v->help_texts[g->rows[i]], g->size, TEXT_REGULAR,
                 col_w - g->key_w - g->col_gap / 2, NULL, &th, NULL);
    return (th > kh ? th : kh) + g->row_gap;
}

/* Tallest column when rows fill columns in order. */
static int grid_height(struct ui *ui, const struct view *v,
                       const struct help_grid *g, int width)
{
    int per = (g->count + g->cols - 1) / g->cols;
    int col_w = (width - (g->cols - 1) * g->col_gap) / g->cols;
    int tallest = 0, h = 0;
    for (int i = 0; i < g->count; i++) {
        if (i % per == 0)
            h = 0;
        h += row_height(ui, v, g, i, col_w);
        if (h > tallest)
            tallest = h;
    }
    return tallest;
}

static int widest_key(struct ui *ui, const struct view *v,
                      const struct help_grid *g, int size)
{
    int w = 0;
    for (int i = 0; i < g->count; i++) {
        int k = draw_text_width(ui, v->help_keys[g->rows[i]], size,
                                TEXT_BOLD);
        if (k > w)
            w = k;
    }
    return w + 2 * ui->layout.margin;
}

void draw_overlay_help(struct ui *ui)
{
    const struct layout *l = &ui->layout;
    const struct view *v = ui->v;
    struct layout_rect body =
        draw_overlay_frame(ui, content_string(v->content, "help.title"));
    struct help_grid g = {.count = 0};
    for (int i = 0; i < v->help_count && g.count < HELP_ROWS; i++)
        if (v->help_keys && v->help_texts && v->help_keys[i] &&
            v->help_texts[i] && v->help_texts[i][0])
            g.rows[g.count++] = i;
    if (g.count == 0)
        return;
    g.col_gap = l->margin * 4;
    g.row_gap = l->line * 2;
    /* Fewest columns, then largest size, that fit. */
    bool fit = false;
    for (g.cols = 1; g.cols <= 3 && !fit; g.cols++) {
        for (g.size = l->font_body; g.size >= l->font_small; g.size--) {
            g.key_w = widest_key(ui, v, &g, g.size);
            if (grid_height(ui, v, &g, body.w) <= body.h) {
                fit = true;
                break;
            }
        }
        if (fit)
            break;
    }
    if (!fit) {
        g.cols = 3;
        g.size = l->font_small;
        g.key_w = widest_key(ui, v, &g, g.size);
    }
    int per = (g.count + g.cols - 1) / g.cols;
    int col_w = (body.w - (g.cols - 1) * g.col_gap) / g.cols;
    int y = body.y, pad = l->line * 2;
    for (int i = 0; i < g.count; i++) {
        int col = i / per;
        if (i % per == 0)
            y = body.y;
        int x = body.x + col * (col_w + g.col_gap);
        int rh = row_height(ui, v, &g, i, col_w) - g.row_gap;
        if (y + rh > body.y + body.h)
            continue;
        int kh = text_line_height(ui->text, g.size, TEXT_BOLD) + pad;
        struct layout_rect key = {x, y, g.key_w - g.col_gap / 4, kh};
        draw_fill(ui, THEME_KEY, key);
        draw_text(ui, v->help_keys[g.rows[i]], g.size, TEXT_BOLD, PAIR_KEY,
                  key, TEXT_CENTER, DRAW_MIDDLE);
        struct layout_rect t = {x + g.key_w + g.col_gap / 4, y + pad / 2,
                                col_w - g.key_w - g.col_gap / 2, rh};
        draw_text(ui, v->help_texts[g.rows[i]], g.size, TEXT_REGULAR,
                  PAIR_TEXT_ON_OVERLAY, t, TEXT_LEFT, DRAW_TOP);
        y += rh + g.row_gap;
    }
}

/* -------------------------------------------------------- questions */

void draw_overlay_questions(struct ui *ui)
{
    const struct layout *l = &ui->layout;
    const struct content *c = ui->v->content;
    struct layout_rect body =
        draw_overlay_frame(ui, content_string(c, "questions.title"));
    const char *intro = content_string(c, "questions.intro");
    int gap = l->margin * 2;
    int num_w = l->font_heading * 2;
    int text_w = body.w - num_w;
    /* Largest question size at which intro and questions fit. */
    int size = l->font_heading;
    for (; size > l->font_small; size--) {
        int h = 0, ih = 0;
        text_measure(ui->text, intro, l->font_body, TEXT_REGULAR, body.w,
                     NULL, &ih, NULL);
        h = ih + gap;
        for (int q = 0; q < c->question_count; q++) {
            int qh = 0;
            text_measure(ui->text, c->question[q], size, TEXT_REGULAR,
                         text_w, NULL, &qh, NULL);
            h += qh + gap;
        }
        if (h <= body.h)
            break;
    }
    int used = draw_text(ui, intro, l->font_body, TEXT_REGULAR,
                         PAIR_MUTED_ON_OVERLAY, body, TEXT_LEFT, DRAW_TOP);
    int y = body.y + used + gap;
    for (int q = 0; q < c->question_count && q < CONTENT_QUESTIONS; q++) {
        char num[8];
        snprintf(num, sizeof num, "%d", q + 1);
        struct layout_rect nr = {body.x, y, num_w, body.y + body.h - y};
        struct layout_rect tr = {body.x + num_w, y, text_w, nr.h};
        draw_text(ui, num, size, TEXT_BOLD, PAIR_ACCENT_ON_OVERLAY, nr,
                  TEXT_LEFT, DRAW_TOP);
        used = draw_text(ui, c->question[q], size, TEXT_REGULAR,
                         PAIR_TEXT_ON_OVERLAY, tr, TEXT_LEFT, DRAW_TOP);
        y += used + gap;
    }
}
