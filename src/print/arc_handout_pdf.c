/* arc_handout_pdf: the arc's handout laid out on PDF pages. */
#include "arc_handout_pdf.h"

#include <stdio.h>
#include <stdlib.h>

#include <pango/pangocairo.h>

#include "arc_lanes.h"
#include "pdf_flow.h"
#include "str.h"

/* Body type in points; the picture is drawn in tenths of a point. */
enum { BODY_PT = 9 };
static const double plot_scale = 0.1;

static void new_page(struct pdf_flow *f)
{
    cairo_show_page(f->cr);
    f->pages++;
    f->col = 0;
    f->top = f->y = PDF_MARGIN;
}

/* The plot's own margin sits in the page's: the picture is laid out a
 * little wider than the text, so its key and lanes line up with it. */
static void plot_for_page(struct arc_plot *p, double text_w, int steps)
{
    int target = (int)(text_w / plot_scale);
    int w = target;
    for (int i = 0; i < 4; i++) {
        arc_plot_compute(p, w, steps);
        w += target - (p->w - 2 * p->margin);
    }
    arc_plot_compute(p, w, steps);
}

/* Saves cr and moves the plot's origin so that its unit y0 is at page
 * point y, in the plot's units (the caller restores). */
static void plot_origin(struct pdf_flow *f, const struct arc_plot *p, int y0,
                        double y)
{
    cairo_save(f->cr);
    cairo_translate(f->cr, PDF_MARGIN - p->margin * plot_scale,
                    y - y0 * plot_scale);
    cairo_scale(f->cr, plot_scale, plot_scale);
}

/* The key, then each band where it fits whole (else on a new page). */
static void plot(struct pdf_flow *f, const struct arc_handout *h)
{
    struct arc_plot p;
    plot_for_page(&p, f->page_w - 2 * PDF_MARGIN, h->count);
    double bottom = f->page_h - PDF_MARGIN;
    double key_h = (p.band[0].area.y - p.key.y) * plot_scale;
    double band0_h = p.band[0].area.h * plot_scale;
    if (f->y + key_h + band0_h > bottom && f->y > f->top)
        new_page(f);
    plot_origin(f, &p, p.key.y, f->y);
    arc_lanes_draw_key(f->cr, &p, h);
    cairo_restore(f->cr);
    f->y += key_h;
    for (int b = 0; b < p.bands; b++) {
        double need = p.band[b].area.h * plot_scale;
        if (f->y + need > bottom && f->y > f->top)
            new_page(f);
        plot_origin(f, &p, p.band[b].area.y, f->y);
        arc_lanes_draw_band(f->cr, &p, h, b);
        cairo_restore(f->cr);
        f->y += need + 2 * p.pad * plot_scale;
    }
}

/* One step as Pango markup: label, the board's mark, note, the mix. */
static char *step_markup(const struct arc_handout *h, int k)
{
    const struct arc_handout_step *s = &h->step[k];
    struct str_buf m;
    str_buf_init(&m);
    gchar *t = g_markup_escape_text(s->label, -1);
    str_buf_addf(&m, "<big><b>%s</b></big>", t);
    g_free(t);
    if (s->current) {
        t = g_markup_escape_text(h->current, -1);
        str_buf_addf(&m, "\n<i>%s</i>", t);
        g_free(t);
    }
    if (s->note) {
        t = g_markup_escape_text(s->note, -1);
        str_buf_addf(&m, "\n%s", t);
        g_free(t);
    }
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        gchar *name = g_markup_escape_text(h->element[e], -1);
        gchar *zone = g_markup_escape_text(arc_handout_zone(h, k, e), -1);
        /* A zone name is never cut at its hyphen ("Teacher-" / "generated"). */
        str_buf_addf(
            &m,
            "\n\xe2\x80\xa2 %s: <span allow_breaks=\"false\"><b>%s</b></span>",
            name, zone);
        g_free(name);
        g_free(zone);
    }
    return str_buf_take(&m, NULL);
}

static bool lay_out(struct pdf_flow *f, const struct arc_handout *h)
{
    f->pages = 1;
    f->col = 0;
    f->pt = BODY_PT;
    f->top = f->y = PDF_MARGIN;
    f->col_w = f->page_w - 2 * PDF_MARGIN;
    pdf_flow_block(f, h->title, BODY_PT * 1.8, true, 0);
    pdf_flow_block(f, h->intro, BODY_PT, false, 6);
    if (h->notes)
        pdf_flow_block(f, h->notes, BODY_PT, false, 4);
    pdf_flow_block(f, h->balance, BODY_PT * 1.1, true, 6);
    f->y += 10;
    plot(f, h);

    /* The steps, two columns; the heading stays with the first step. */
    char *first = step_markup(h, 0);
    if (!first)
        return false;
    double full = f->col_w;
    f->col_w = (f->page_w - 2 * PDF_MARGIN - PDF_GAP) / 2;
    double need = pdf_flow_measure(f, first, true, BODY_PT, false);
    f->col_w = full;
    need += pdf_flow_measure(f, h->steps_title, false, BODY_PT * 1.3, true);
    if (f->y + need > f->page_h - PDF_MARGIN)
        new_page(f);
    pdf_flow_block(f, h->steps_title, BODY_PT * 1.3, true, 4);
    f->top = f->y + 4;
    f->y = f->top;
    f->col_w = (f->page_w - 2 * PDF_MARGIN - PDF_GAP) / 2;
    pdf_flow_markup(f, first, BODY_PT, 0);
    free(first);
    for (int k = 1; k < h->count; k++) {
        char *m = step_markup(h, k);
        if (!m)
            return false;
        pdf_flow_markup(f, m, BODY_PT, BODY_PT * 1.2);
        free(m);
    }
    /* The credit as the last page's footer, in the bottom margin. */
    f->col = 0;
    f->col_w = f->page_w - 2 * PDF_MARGIN;
    f->top = f->y = f->page_h - PDF_MARGIN + 4;
    double page_h = f->page_h;
    f->page_h += PDF_MARGIN; /* the footer may use the margin */
    pdf_flow_block(f, h->credit, 6.5, false, 0);
    f->page_h = page_h;
    return true;
}

bool arc_handout_pdf(const struct arc_handout *h, enum handout_paper paper,
                     char **out, size_t *len, int *pages, char *err,
                     size_t errlen)
{
    struct pdf_flow f = {.page_w = pdf_paper_size[paper][0],
                         .page_h = pdf_paper_size[paper][1]};
    struct str_buf bytes;
    cairo_surface_t *pdf = pdf_flow_begin(&f, &bytes);
    bool laid = lay_out(&f, h);
    return pdf_flow_end(&f, pdf, &bytes, laid, out, len, pages, err, errlen);
}
