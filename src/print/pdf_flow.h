/* pdf_flow: text flowing down the columns and pages of a PDF (cairo and
 * Pango), shared by the handout of a mix (handout_pdf.h) and of an arc
 * (arc_handout_pdf.h): blocks of text, each kept whole, placed one under
 * the other; a block that does not fit goes to the next column, and after
 * the last column to a new page. With no cairo context it only measures,
 * so a caller can try a type size before drawing. */
#ifndef SOUNDBOARD_PDF_FLOW_H
#define SOUNDBOARD_PDF_FLOW_H

#include <stdbool.h>
#include <stddef.h>

#include <cairo.h>

struct str_buf;

/* Points (1/72 inch). */
enum { PDF_MARGIN = 32, PDF_GAP = 18 };

/* Page sizes in points, indexed by enum handout_paper. */
extern const double pdf_paper_size[2][2];

struct pdf_flow {
    cairo_t *cr; /* NULL: measure only */
    double page_w, page_h;
    double col_w, top, y; /* where the next block goes */
    int col, pages;       /* col 0 or 1: two columns a page */
    double pt;            /* body type size */
};

/* The next column, or the first of a new page (shown, when drawing). */
void pdf_flow_next_column(struct pdf_flow *f);

/* One block of plain text at size pt (bold or not), `space` points under
 * the block before it; kept whole. */
void pdf_flow_block(struct pdf_flow *f, const char *text, double pt, bool bold,
                    double space);

/* The same with Pango markup (<b>, <i>: the caller escapes its text with
 * g_markup_escape_text). */
void pdf_flow_markup(struct pdf_flow *f, const char *markup, double pt,
                     double space);

/* Height a block (plain text, or markup if `markup`) would take at the
 * flow's column width. */
double pdf_flow_measure(const struct pdf_flow *f, const char *text,
                        bool markup, double pt, bool bold);

/* Starts drawing f onto a PDF of f's page size: sets f->cr; the PDF's
 * bytes collect in *bytes (initialized here). Draw, then pdf_flow_end. */
cairo_surface_t *pdf_flow_begin(struct pdf_flow *f, struct str_buf *bytes);
/* Ends the PDF begun by pdf_flow_begin (`laid`: whether drawing went
 * well) and hands over its bytes: *out malloc'd, *len, *pages. False with
 * "cannot make the PDF: why" in err; *bytes is freed either way. */
bool pdf_flow_end(struct pdf_flow *f, cairo_surface_t *pdf,
                  struct str_buf *bytes, bool laid, char **out, size_t *len,
                  int *pages, char *err, size_t errlen);

/* A cairo write function collecting a PDF's (or PNG's) bytes into a
 * struct str_buf (closure): the caller then writes them (atomically). */
cairo_status_t pdf_flow_collect(void *closure, const unsigned char *data,
                                unsigned int n);

#endif
