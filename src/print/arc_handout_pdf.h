/* arc_handout_pdf: the handout of an arc (core/arc_handout.h) as PDF
 * pages, with cairo and Pango: the arc's name, how to read it, its notes
 * and the balance message across the top; the key and the lanes' picture
 * as vectors (arc_lanes.h), a band of up to 13 steps kept whole on a page;
 * then every step in two columns, each kept whole: its label, whether the
 * board is at it, its note and each element's zone. As many pages as that
 * takes, the credit at the foot of the last. */
#ifndef SOUNDBOARD_ARC_HANDOUT_PDF_H
#define SOUNDBOARD_ARC_HANDOUT_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "arc_handout.h"
#include "handout.h"

/* Lays out h on pages of `paper`. On success *out is the malloc'd PDF
 * (the caller frees it and writes it, e.g. atomically), *len its size and
 * *pages the page count. False with a reason in err. */
bool arc_handout_pdf(const struct arc_handout *h, enum handout_paper paper,
                     char **out, size_t *len, int *pages, char *err,
                     size_t errlen);

#endif
