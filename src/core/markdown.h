/* markdown: the small pieces of Markdown both handouts (handout.h for a
 * mix, arc_handout.h for an arc) write the same way. */
#ifndef SOUNDBOARD_MARKDOWN_H
#define SOUNDBOARD_MARKDOWN_H

#include "str.h"

/* Appends text s as a quote ("> " before each of its lines; an empty
 * line stays in the quote), then a blank line. */
void markdown_quote(struct str_buf *m, const char *s);

#endif
