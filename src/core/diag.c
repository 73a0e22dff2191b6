/* diag: collects "file:line: message" lines for the caller to show, and
 * prints them where the caller says. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void diag_init(struct diag_list *d)
{
    memset(d, 0, sizeof *d);
}

void diag_addv(struct diag_list *d, const char *file, int line,
               const char *fmt, va_list ap)
{
    if (!d)
        return;
    if (d->count >= DIAG_MAX) {
        d->dropped++;
        return;
    }
    char *out = d->text[d->count++];
    int n = line > 0 ? snprintf(out, DIAG_TEXT, "%s:%d: ", file, line)
                     : snprintf(out, DIAG_TEXT, "%s: ", file);
    if (n < 0 || n >= DIAG_TEXT)
        return;
    vsnprintf(out + n, (size_t)(DIAG_TEXT - n), fmt, ap);
}

void diag_add(struct diag_list *d, const char *file, int line,
              const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(d, file, line, fmt, ap);
    va_end(ap);
}

int diag_total(const struct diag_list *d)
{
    return d ? d->count + d->dropped : 0;
}

int diag_print(const struct diag_list *d, FILE *out, const char *prefix,
               const char *file)
{
    if (!d)
        return 0;
    if (!prefix)
        prefix = "";
    for (int i = 0; i < d->count; i++)
        fprintf(out, "%s%s\n", prefix, d->text[i]);
    if (!d->dropped)
        return d->count;
    fprintf(out, "%s%s%s... and %d more problems\n", prefix, file ? file : "",
            file ? ": " : "", d->dropped);
    return d->count + 1;
}
