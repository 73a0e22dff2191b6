/* handout_pdf: the handout (core/handout.h) as a print-ready PDF, with
 * cairo and Pango: the board picture across the top, then the balance
 * message, the seven elements in two columns, the four questions and the
 * credit. The type size is the largest from 10 pt down to 7 pt at which
 * everything fits one page; what still does not fit flows onto more. */
#ifndef SOUNDBOARD_HANDOUT_PDF_H
#define SOUNDBOARD_HANDOUT_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "handout.h"

/* Lays out h on pages of `paper`, with the PNG at png_path (NULL: no
 * picture) scaled to the page's width. On success *out is the malloc'd
 * PDF (the caller frees it and writes it, e.g. atomically), *len its
 * size, and *pages the page count. False with a reason in err. */
bool handout_pdf(const struct handout *h, const char *png_path,
                 enum handout_paper paper, char **out, size_t *len,
                 int *pages, char *err, size_t errlen);

#endif
