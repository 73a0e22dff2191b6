/* pdf_flow: blocks of text down columns and pages (pdf_flow.h). */
#include "pdf_flow.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#include "str.h"

const double pdf_paper_size[2][2] = {{595.28, 841.89}, {612.0, 792.0}};

cairo_status_t pdf_flow_collect(void *closure, const unsigned char *data,
                                unsigned int n)
{
    struct str_buf *b = closure;
    str_buf_addn(b, (const char *)data, n);
    return str_buf_ok(b) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

cairo_surface_t *pdf_flow_begin(struct pdf_flow *f, struct str_buf *bytes)
{
    str_buf_init(bytes);
    cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream(
        pdf_flow_collect, bytes, f->page_w, f->page_h);
    f->cr = cairo_create(pdf);
    return pdf;
}

bool pdf_flow_end(struct pdf_flow *f, cairo_surface_t *pdf,
                  struct str_buf *bytes, bool laid, char **out, size_t *len,
                  int *pages, char *err, size_t errlen)
{
    cairo_show_page(f->cr);
    cairo_destroy(f->cr);
    f->cr = NULL;
    cairo_surface_finish(pdf);
    cairo_status_t st = cairo_surface_status(pdf);
    cairo_surface_destroy(pdf);
    if (!laid || st != CAIRO_STATUS_SUCCESS || !str_buf_ok(bytes)) {
        snprintf(err, errlen, "cannot make the PDF: %s",
                 st != CAIRO_STATUS_SUCCESS ? cairo_status_to_string(st)
                                            : "out of memory");
        str_buf_free(bytes);
        return false;
    }
    *out = str_buf_take(bytes, len);
    *pages = f->pages;
    return *out != NULL;
}

void pdf_flow_next_column(struct pdf_flow *f)
{
    if (f->col == 0) {
        f->col = 1;
    } else {
        f->col = 0;
        f->pages++;
        f->top = PDF_MARGIN;
        if (f->cr)
            cairo_show_page(f->cr);
    }
    f->y = f->top;
}

/* A layout of text (or markup) at size pt, wrapped to the column. The
 * caller unrefs the layout and the context. */
static PangoLayout *layout_for(const struct pdf_flow *f, PangoContext **ctx,
                               const char *text, bool markup, double pt,
                               bool bold)
{
    PangoFontMap *map = pango_cairo_font_map_get_default();
    *ctx = pango_font_map_create_context(map);
    /* Metrics as the PDF surface lays text out (unhinted), so a block
     * measured without drawing is as tall as the block drawn. */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(*ctx, fo);
    cairo_font_options_destroy(fo);
    PangoLayout *l = pango_layout_new(*ctx);
    PangoFontDescription *fd =
        pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_absolute_size(fd, pt * PANGO_SCALE);
    pango_font_description_set_weight(
        fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, (int)(f->col_w * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    if (markup)
        pango_layout_set_markup(l, text ? text : "", -1);
    else
        pango_layout_set_text(l, text ? text : "", -1);
    return l;
}

static double height_of(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return (double)h / PANGO_SCALE;
}

static void place(struct pdf_flow *f, const char *text, bool markup, double pt,
                  bool bold, double space)
{
    PangoContext *ctx;
    PangoLayout *l = layout_for(f, &ctx, text, markup, pt, bold);
    double height = height_of(l);
    if (f->y > f->top)
        f->y += space;
    if (f->y + height > f->page_h - PDF_MARGIN && f->y > f->top)
        pdf_flow_next_column(f);
    if (f->cr) {
        double x = PDF_MARGIN + f->col * (f->col_w + PDF_GAP);
        cairo_move_to(f->cr, x, f->y);
        cairo_set_source_rgb(f->cr, 0.1, 0.1, 0.1);
        pango_cairo_update_context(f->cr, ctx);
        pango_cairo_show_layout(f->cr, l);
    }
    f->y += height;
    g_object_unref(l);
    g_object_unref(ctx);
}

void pdf_flow_block(struct pdf_flow *f, const char *text, double pt, bool bold,
                    double space)
{
    place(f, text, false, pt, bold, space);
}

void pdf_flow_markup(struct pdf_flow *f, const char *markup, double pt,
                     double space)
{
    place(f, markup, true, pt, false, space);
}

double pdf_flow_measure(const struct pdf_flow *f, const char *text,
                        bool markup, double pt, bool bold)
{
    PangoContext *ctx;
    PangoLayout *l = layout_for(f, &ctx, text, markup, pt, bold);
    double height = height_of(l);
    g_object_unref(l);
    g_object_unref(ctx);
    return height;
}
