/* draw_overlay: the shared overlay frame (dim the board, draw a panel and
 * its title) and the help and four-questions overlays. To add an overlay:
 * a function that calls draw_overlay_frame and fills the rect it returns,
 * declared in draw.h and called from ui_draw's switch. */
#include <stdio.h>

#include "parts.h"
#include "str.h"

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
    int text_w = col_w - g->key_w - g->col_gap / 2;
    for (int i = 0; i < g->count; i++) {
        /* A word wider than its column does not fit at any height. */
        struct layout_rect tall = {0, 0, text_w, 1 << 20};
        if (!draw_text_fits(ui, v->help_texts[g->rows[i]], g->size,
                            TEXT_REGULAR, tall))
            return 1 << 20;
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
    /* Fewest columns, then largest size, that fit; in three or four
     * columns down to two thirds of the small size, so no key goes
     * unlisted (a 5:4 screen has the least room for it). */
    bool fit = false;
    for (g.cols = 1; g.cols <= 4 && !fit; g.cols++) {
        int smallest = g.cols < 3 ? l->font_small : l->font_small * 2 / 3;
        for (g.size = l->font_body; g.size >= smallest; g.size--) {
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
        g.size = l->font_small * 2 / 3;
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
        if (y + rh > body.y + body.h) {
            /* Counted as clipped: the render test fails on it. */
            ui->clipped++;
            str_copy(ui->last_clipped, sizeof ui->last_clipped,
                     v->help_keys[g.rows[i]]);
            continue;
        }
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

/* ------------------------------------------------- text overlays */

/* A paragraph of a text overlay: bold or not, muted or not, with an
 * optional marker ("1", "Instead") in a column left of it. */
struct doc_block {
    const char *text;
    const char *marker;
    bool bold, muted;
    bool space_before;   /* a paragraph gap before it (else a line gap) */
};

enum { DOC_BLOCKS = 32 };

struct doc {
    struct doc_block b[DOC_BLOCKS];
    int count;
};

static void doc_add(struct doc *d, const char *text, const char *marker,
                    bool bold, bool muted, bool space)
{
    if (text && *text && d->count < DOC_BLOCKS)
        d->b[d->count++] = (struct doc_block){text, marker, bold, muted,
                                              space};
}

/* Lays out (draw false: measures) the document at size in body, in cols
 * columns: a block that would pass the bottom starts the next column.
 * Returns the tallest column's height, or more than body.h if the last
 * column overflows. */
static int doc_layout(struct ui *ui, const struct doc *d, int size,
                      struct layout_rect body, int marker_w, int cols,
                      bool draw)
{
    int para = size * 3 / 4, line = size / 4, gap = size * 2;
    int col_w = (body.w - (cols - 1) * gap) / cols;
    int col = 0, y = body.y, tallest = 0;
    for (int i = 0; i < d->count; i++) {
        const struct doc_block *b = &d->b[i];
        enum text_style st = b->bold ? TEXT_BOLD : TEXT_REGULAR;
        int left = body.x + col * (col_w + gap);
        int h = 0;
        text_measure(ui->text, b->text, size, st, col_w - marker_w, NULL, &h,
                     NULL);
        int space = y > body.y ? (b->space_before ? para : line) : 0;
        if (y + space + h > body.y + body.h && y > body.y
            && col + 1 < cols) {
            col++;
            left = body.x + col * (col_w + gap);
            y = body.y;
            space = 0;
        }
        y += space;
        if (draw) {
            struct layout_rect r = {left + marker_w, y, col_w - marker_w,
                                    body.y + body.h - y};
            if (b->marker) {
                struct layout_rect mr = {left, y, marker_w, r.h};
                draw_text(ui, b->marker, size, TEXT_BOLD,
                          PAIR_ACCENT_ON_OVERLAY, mr, TEXT_LEFT, DRAW_TOP);
            }
            draw_text(ui, b->text, size, st,
                      b->muted ? PAIR_MUTED_ON_OVERLAY : PAIR_TEXT_ON_OVERLAY,
                      r, TEXT_LEFT, DRAW_TOP);
        }
        y += h;
        if (y - body.y > tallest)
            tallest = y - body.y;
    }
    return tallest;
}

/* Draws d in body at the largest size, from the body font down to the
 * small one, at which it fits one column; else in two, down to a little
 * under the small size if it must (the sources' long titles). */
static void draw_doc(struct ui *ui, const struct doc *d,
                     struct layout_rect body)
{
    const struct layout *l = &ui->layout;
    int size = l->font_body, marker_w = 0, cols = 1;
    for (;;) {
        marker_w = 0;
        for (int i = 0; i < d->count; i++)
            if (d->b[i].marker) {
                int w = draw_text_width(ui, d->b[i].marker, size, TEXT_BOLD)
                        + size;
                marker_w = w > marker_w ? w : marker_w;
            }
        if (doc_layout(ui, d, size, body, marker_w, cols, false) <= body.h)
            break;
        if (size > (cols == 1 ? l->font_small : l->font_small * 5 / 6))
            size--;
        else if (cols == 1)
            cols = 2, size = l->font_body;
        else
            break;
    }
    doc_layout(ui, d, size, body, marker_w, cols, true);
}

void draw_overlay_intro(struct ui *ui)
{
    const struct content *c = ui->v->content;
    const struct content_about *ab = &c->about;
    struct layout_rect body = draw_overlay_frame(ui, ab->title);
    struct doc d = {0};
    for (int i = 0; i < ab->paragraph_count; i++)
        doc_add(&d, ab->paragraph[i], NULL, false, false, true);
    doc_add(&d, ab->credit, NULL, true, false, true);
    doc_add(&d, ab->sources_heading, NULL, true, true, true);
    for (int i = 0; i < ab->source_count; i++)
        doc_add(&d, ab->source[i], NULL, false, true, false);
    draw_doc(ui, &d, body);
}

void draw_overlay_misunderstandings(struct ui *ui)
{
    const struct content *c = ui->v->content;
    const struct content_misunderstandings *mu = &c->misunderstandings;
    struct layout_rect body = draw_overlay_frame(ui, mu->title);
    static const char *const numbers[] = {"1", "2", "3"};
    struct doc d = {0};
    doc_add(&d, mu->intro, NULL, false, true, true);
    for (int i = 0; i < mu->count && i < 3; i++) {
        doc_add(&d, mu->item[i].claim, numbers[i], true, false, true);
        doc_add(&d, mu->item[i].instead, NULL, false, false, false);
    }
    draw_doc(ui, &d, body);
}

/* The recalled preset's name and its whole note: why this mix. */
void draw_overlay_why(struct ui *ui)
{
    const struct view *v = ui->v;
    const struct content *c = v->content;
    struct layout_rect body =
        draw_overlay_frame(ui, content_string(c, "why.title"));
    struct doc d = {0};
    if (!v->preset_name) {
        doc_add(&d, content_string(c, "why.none"), NULL, false, true, true);
    } else {
        doc_add(&d, v->preset_name, NULL, true, false, true);
        if (v->preset_notes && *v->preset_notes)
            doc_add(&d, v->preset_notes, NULL, false, false, true);
        if (v->preset_modified)
            doc_add(&d, content_string(c, "export.modified"), NULL, false,
                    true, true);
    }
    draw_doc(ui, &d, body);
}
