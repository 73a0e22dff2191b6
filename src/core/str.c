/* str: shared string helpers: copies, the builder, the hole filler. */
#include "str.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"

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
    return (int)utf8_count(s, strlen(s));
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

/* ------------------------------------------------------------ builder */

void str_buf_init(struct str_buf *b)
{
    *b = (struct str_buf){0};
}

void str_buf_fixed(struct str_buf *b, char *out, size_t cap)
{
    *b = (struct str_buf){.buf = out, .cap = cap, .fixed = true};
    if (cap)
        out[0] = '\0';
    else
        b->failed = true; /* nowhere to put even the NUL */
}

/* Room for n more bytes and the NUL, growing a growing builder; false if
 * there is none (a growing builder then fails). */
static bool reserve(struct str_buf *b, size_t n)
{
    if (b->cap > b->len && n < b->cap - b->len)
        return true;
    if (b->fixed)
        return false;
    if (n > SIZE_MAX / 4 - b->len) {
        b->failed = true;
        return false;
    }
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1)
        cap *= 2;
    char *grown = realloc(b->buf, cap);
    if (!grown) {
        b->failed = true;
        return false;
    }
    if (!b->buf)
        grown[0] = '\0';
    b->buf = grown;
    b->cap = cap;
    return true;
}

void str_buf_addn(struct str_buf *b, const char *s, size_t n)
{
    if (b->failed) {
        if (b->fixed)
            b->len += n;
        return;
    }
    if (reserve(b, n)) {
        memcpy(b->buf + b->len, s, n);
        b->len += n;
        b->buf[b->len] = '\0';
        return;
    }
    if (b->fixed) {
        size_t k = utf8_cut(s, n, b->cap - 1 - b->len);
        memcpy(b->buf + b->len, s, k);
        b->buf[b->len + k] = '\0';
        b->len += n;
        b->failed = true;
    }
}

void str_buf_add(struct str_buf *b, const char *s)
{
    str_buf_addn(b, s, strlen(s));
}

void str_buf_addf(struct str_buf *b, const char *fmt, ...)
{
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = true;
    } else if (!b->failed && reserve(b, (size_t)n)) {
        vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, again);
        b->len += (size_t)n;
    } else if (b->fixed) {
        /* Too long: format it whole, then let addn cut it. */
        char small[256];
        char *tmp = (size_t)n < sizeof small ? small : malloc((size_t)n + 1);
        if (tmp) {
            vsnprintf(tmp, (size_t)n + 1, fmt, again);
            str_buf_addn(b, tmp, (size_t)n);
        } else {
            b->len += (size_t)n;
            b->failed = true;
        }
        if (tmp != small)
            free(tmp);
    }
    va_end(again);
}

const char *str_buf_text(const struct str_buf *b)
{
    return b->buf && b->cap ? b->buf : "";
}

bool str_buf_ok(const struct str_buf *b)
{
    return !b->failed;
}

char *str_buf_take(struct str_buf *b, size_t *len)
{
    if (b->fixed)
        return NULL;
    if (b->failed || !reserve(b, 0)) {
        str_buf_free(b);
        return NULL;
    }
    char *text = b->buf;
    if (len)
        *len = b->len;
    str_buf_init(b);
    return text;
}

void str_buf_free(struct str_buf *b)
{
    if (b->fixed)
        return;
    free(b->buf);
    str_buf_init(b);
}

/* ---------------------------------------------------- the one hole */

size_t str_fill_hole(char *out, size_t outlen, const char *text,
                     const char *arg)
{
    const char *hole = strstr(text, "%s");
    if (!arg)
        arg = "";
    size_t before = hole ? (size_t)(hole - text) : strlen(text);
    if (outlen == 0)
        return before + (hole ? strlen(arg) + strlen(hole + 2) : 0);
    struct str_buf b;
    str_buf_fixed(&b, out, outlen);
    str_buf_addn(&b, text, before);
    if (hole) {
        str_buf_add(&b, arg);
        str_buf_add(&b, hole + 2);
    }
    return b.len;
}

size_t str_copy(char *dst, size_t cap, const char *src)
{
    if (cap == 0)
        return 0;
    size_t n = utf8_cut(src, strlen(src), cap - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
    return n;
}

bool str_ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && strcmp(s + n - t, tail) == 0;
}

bool str_holds_any_case(const char *text, const char *part)
{
    size_t n = strlen(part);
    for (const char *t = text; *t; t++)
        if (strncasecmp(t, part, n) == 0)
            return true;
    return false;
}

bool str_names_stem(const char *path, const char *arg)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t bn = strlen(base), an = strlen(arg);
    if (str_ends_with(base, ".ini"))
        bn -= 4;
    if (str_ends_with(arg, ".ini"))
        an -= 4;
    return bn == an && strncmp(base, arg, bn) == 0;
}
