/* handout_pdf: the handout laid out with Pango on a cairo PDF surface. */
#include "handout_pdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "pdf_flow.h"
#include "str.h"

enum { MARGIN = PDF_MARGIN, GAP = PDF_GAP, MIN_PT = 7, MAX_PT = 10 };

static void labelled(struct pdf_flow *f, const char *label, const char *text)
{
    char line[2048];
    snprintf(line, sizeof line, "%s: %s", label, text);
    pdf_flow_block(f, line, f->pt, false, f->pt * 0.3);
}

/* The picture across the page at y; its height in points. */
static double picture(struct pdf_flow *f, cairo_surface_t *png, double y)
{
    if (!png)
        return 0;
    double iw = cairo_image_surface_get_width(png);
    double ih = cairo_image_surface_get_height(png);
    /* The page's width, but no more than a quarter of its height: the words
     * are the handout, the picture shows where the faders stand. */
    double w = f->page_w - 2 * MARGIN, s = w / iw;
    if (ih * s > f->page_h * 0.25)
        s = f->page_h * 0.25 / ih;
    double x = (f->page_w - iw * s) / 2;
    if (f->cr) {
        cairo_save(f->cr);
        cairo_translate(f->cr, x, y);
        cairo_scale(f->cr, s, s);
        cairo_set_source_surface(f->cr, png, 0, 0);
        cairo_paint(f->cr);
        cairo_restore(f->cr);
    }
    return ih * s;
}

static void lay_out(struct pdf_flow *f, const struct handout *h,
                    cairo_surface_t *png)
{
    f->pages = 1;
    f->col = 0;
    f->col_w = (f->page_w - 2 * MARGIN - GAP) / 2;
    f->top = MARGIN;
    f->y = f->top;
    /* Title, picture and balance message span the page. */
    double full = f->col_w;
    f->col_w = f->page_w - 2 * MARGIN;
    pdf_flow_block(f, h->title, f->pt * 1.6, true, 0);
    f->top = f->y + 6;
    f->y = f->top + picture(f, png, f->top) + 8;
    f->top = f->y;
    pdf_flow_block(f, h->balance, f->pt * 1.1, true, 8);
    if (h->notes)
        pdf_flow_block(f, h->notes, f->pt, false, 4);
    if (h->modified)
        pdf_flow_block(f, h->modified, f->pt * 0.9, false, 2);
    f->top = f->y + 8;
    f->y = f->top;
    f->col_w = full;
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        const struct handout_element *he = &h->element[e];
        char head[512];
        snprintf(head, sizeof head, "%s: %s", he->name, he->zone);
        pdf_flow_block(f, head, f->pt * 1.15, true, f->pt * 0.9);
        labelled(f, h->teacher, he->teacher);
        labelled(f, h->students, he->students);
        labelled(f, h->example, he->example);
        struct str_buf list;
        str_buf_init(&list);
        /* A list on one run of lines, each habit after a bullet: their
         * names hold commas, so commas cannot separate them. */
        str_buf_addf(&list, "%s:", h->habits);
        for (int i = 0; i < he->habit_count; i++)
            str_buf_addf(&list, "  \xe2\x80\xa2 %s", he->habit[i]);
        pdf_flow_block(f, str_buf_text(&list), f->pt, false, f->pt * 0.3);
        str_buf_free(&list);
    }
    pdf_flow_block(f, h->questions_title, f->pt * 1.15, true, f->pt * 1.2);
    for (int q = 0; q < h->question_count; q++) {
        char line[1024];
        snprintf(line, sizeof line, "%d. %s", q + 1, h->question[q]);
        pdf_flow_block(f, line, f->pt, false, f->pt * 0.3);
    }
    /* The credit as the last page's footer, in the bottom margin. */
    f->col = 0;
    f->col_w = f->page_w - 2 * MARGIN;
    f->top = f->y = f->page_h - MARGIN + 4;
    double bottom = f->page_h;
    f->page_h += MARGIN; /* the footer may use the margin */
    pdf_flow_block(f, h->credit, 6.5, false, 0);
    f->page_h = bottom;
}

bool handout_pdf(const struct handout *h, const char *png_path,
                 enum handout_paper paper, char **out, size_t *len,
                 int *pages, char *err, size_t errlen)
{
    cairo_surface_t *png = NULL;
    if (png_path) {
        png = cairo_image_surface_create_from_png(png_path);
        if (cairo_surface_status(png) != CAIRO_STATUS_SUCCESS) {
            snprintf(err, errlen, "%s: cannot read the board picture: %s",
                     png_path,
                     cairo_status_to_string(cairo_surface_status(png)));
            cairo_surface_destroy(png);
            return false;
        }
    }
    struct pdf_flow f = {.page_w = pdf_paper_size[paper][0],
                     .page_h = pdf_paper_size[paper][1]};
    /* The largest type that fits one page, measured without drawing. */
    for (f.pt = MAX_PT; f.pt > MIN_PT; f.pt -= 0.5) {
        lay_out(&f, h, png);
        if (f.pages == 1)
            break;
    }
    struct str_buf bytes;
    cairo_surface_t *pdf = pdf_flow_begin(&f, &bytes);
    lay_out(&f, h, png);
    bool ok = pdf_flow_end(&f, pdf, &bytes, true, out, len, pages, err,
                           errlen);
    if (png)
        cairo_surface_destroy(png);
    return ok;
}
