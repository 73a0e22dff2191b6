/* markdown: shared Markdown pieces (markdown.h). */
#include "markdown.h"

#include <string.h>

void markdown_quote(struct str_buf *m, const char *s)
{
    while (*s) {
        size_t n = strcspn(s, "\n");
        str_buf_add(m, n ? "> " : ">");
        str_buf_addn(m, s, n);
        str_buf_add(m, "\n");
        s += n + (s[n] == '\n');
    }
    str_buf_add(m, "\n");
}
