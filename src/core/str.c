/* str: shared string helpers for the parsers. */
#include "str.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *str_dup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (!d)
        abort();
    return memcpy(d, s, n);
}

char *str_append_word(char *old, const char *more)
{
    size_t a = strlen(old), b = strlen(more);
    char *s = realloc(old, a + b + 2);
    if (!s)
        abort();
    s[a] = ' ';
    memcpy(s + a + 1, more, b + 1);
    return s;
}

int str_chars(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

bool str_parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end || errno || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

size_t str_cut_utf8(const char *s, size_t n)
{
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

size_t str_copy(char *dst, size_t cap, const char *src)
{
    if (cap == 0)
        return 0;
    size_t n = strlen(src);
    if (n >= cap)
        n = str_cut_utf8(src, cap - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
    return n;
}

void str_fill_hole(char *out, size_t cap, const char *fmt, const char *arg)
{
    const char *hole = strstr(fmt, "%s");
    if (!hole) {
        str_copy(out, cap, fmt);
        return;
    }
    snprintf(out, cap, "%.*s%s%s", (int)(hole - fmt), fmt, arg ? arg : "",
             hole + 2);
}
