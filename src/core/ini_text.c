/* ini_text: decode and encode text values (see ini_text.h). */
#include "ini_text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ini_lines.h"
#include "utf8.h"

void ini_text_start(struct ini_text *t, char *buf, size_t cap)
{
    *t = (struct ini_text){.buf = buf, .cap = cap};
    buf[0] = '\0';
}

static enum ini_text_result bad(char *err, size_t errlen,
                                enum ini_text_result r, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static enum ini_text_result bad(char *err, size_t errlen,
                                enum ini_text_result r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (err && errlen)
        vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return r;
}

enum ini_text_result ini_text_piece(struct ini_text *a, const char *key,
                                    const char *piece, bool first, char *err,
                                    size_t errlen)
{
    char tmp[INI_LINES_MAX + 2];
    size_t n = 0;
    bool join = false;
    for (const char *s = piece; *s; s++) {
        char c = *s;
        if (c == '\\') {
            switch (s[1]) {
            case '\\': c = '\\'; break;
            case 'n': c = '\n'; break;
            case 's': c = ' '; break;
            case 't': c = '\t'; break;
            case ';': c = ';'; break;
            case '#': c = '#'; break;
            case '\0': join = true; break;
            default:
                return bad(err, errlen, INI_TEXT_BAD,
                           "%s: unknown escape '\\%c' (write \\\\ for a "
                           "backslash)", key, s[1]);
            }
            if (join)
                break;
            s++;
        } else if ((unsigned char)c < 0x20 || c == 0x7F) {
            return bad(err, errlen, INI_TEXT_BAD,
                       "%s contains a control character", key);
        }
        if (n < sizeof tmp - 1)
            tmp[n++] = c;
    }
    /* Pieces meet with one space, unless the last one ended in a line
     * break or a lone backslash (a wrap inside a word). */
    bool space = !first && !a->join && a->len > 0
                 && a->buf[a->len - 1] != '\n';
    if (a->len + n + space > a->cap) {
        bool again = a->overflow_said;
        a->overflow_said = true;
        if (again)
            return INI_TEXT_TOO_LONG_AGAIN;
        return bad(err, errlen, INI_TEXT_TOO_LONG,
                   "%s is longer than %zu bytes", key, a->cap);
    }
    if (space)
        a->buf[a->len++] = ' ';
    memcpy(a->buf + a->len, tmp, n);
    a->len += n;
    a->buf[a->len] = '\0';
    a->join = join;
    return INI_TEXT_OK;
}

/* Encoded text of a piece is kept under this many bytes so that files
 * read comfortably in an 80-column editor; INI_LINES_MAX is far above. */
enum { PIECE_WIDTH = 72 };

/* Ends a piece: a trailing space would be stripped by the reader, so it
 * becomes \s. */
static void end_piece(struct str_buf *o, const char *piece, size_t n,
                      const char *tail)
{
    if (n > 0 && piece[n - 1] == ' ') {
        str_buf_addn(o, piece, n - 1);
        str_buf_add(o, "\\s");
    } else {
        str_buf_addn(o, piece, n);
    }
    str_buf_add(o, tail);
    str_buf_add(o, "\n");
}

/* Writes `key = value` with escapes, over indented continuation lines when
 * the value is long or has several lines. */
void ini_text_put(struct str_buf *o, const char *key, const char *text)
{
    char piece[PIECE_WIDTH + 8];
    size_t n = 0;
    size_t space_at = 0;   /* piece length at the last breakable space */
    size_t space_src = 0;  /* source index just after that space */
    bool have_space = false;
    str_buf_add(o, key);
    str_buf_add(o, " = ");
    size_t len = strlen(text);
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n') {
            end_piece(o, piece, n, "\\n");
            n = 0;
            have_space = false;
            i++;
            if (i < len)
                str_buf_add(o, "    ");
            continue;
        }
        char enc[5];
        size_t en = 0, cl = 1;
        if (c == '\\') {
            memcpy(enc, "\\\\", 2), en = 2;
        } else if (c == '\t') {
            memcpy(enc, "\\t", 2), en = 2;
        } else if (c == ' ' && n == 0) {
            memcpy(enc, "\\s", 2), en = 2;
        } else if ((c == '#' || c == ';') && n == 0) {
            enc[0] = '\\', enc[1] = (char)c, en = 2;
        } else if (c == ';' && piece[n - 1] == ' ') {
            memcpy(enc, "\\;", 2), en = 2;
        } else {
            cl = utf8_next(text + i, len - i, NULL);
            memcpy(enc, text + i, cl), en = cl;
        }
        if (n + en > PIECE_WIDTH) {
            if (have_space) {
                /* Break at the last space: it becomes the joining space. */
                end_piece(o, piece, space_at, "");
                i = space_src;
            } else {
                end_piece(o, piece, n, "\\"); /* wrap inside a word */
            }
            n = 0;
            have_space = false;
            str_buf_add(o, "    ");
            continue;
        }
        if (c == ' ' && n > 0 && en == 1) {
            space_at = n;
            space_src = i + 1;
            have_space = true;
        }
        memcpy(piece + n, enc, en);
        n += en;
        i += cl;
    }
    if (n > 0 || len == 0 || text[len - 1] != '\n')
        end_piece(o, piece, n, "");
}


bool ini_whole_number(const char *s, long long *out)
{
    const char *p = s;
    bool neg = *p == '-';
    if (neg)
        p++;
    if (!*p)
        return false;
    long long v = 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        if (v < 1000000000LL)
            v = v * 10 + (*p - '0');
    }
    *out = neg ? -v : v;
    return true;
}
