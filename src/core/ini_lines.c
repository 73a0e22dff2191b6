/* ini_lines: line-numbered, validated INI parsing on top of inih. */
#include "ini_lines.h"

#include <ini.h>
#include <string.h>

#include "utf8.h"

struct reader {
    const char *text;
    size_t len, pos;
    int line;                 /* number of the line last handed to inih */
    bool last_indented;       /* that line began with blank space */
    bool have_key;            /* a key = value line came before it */
    const char *file;
    struct diag_list *diag;
    int errors;
    ini_lines_fn fn;
    void *user;
};

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Mirrors inih's grammar closely enough to name every bad line (inih only
 * returns the first). `s` is one line without its newline. */
static bool line_is_valid(const char *s, size_t n, bool have_key)
{
    size_t i = 0;
    while (i < n && (is_blank(s[i]) || s[i] == '\r'))
        i++;
    if (i == n || s[i] == ';' || s[i] == '#')
        return true;
    if (i > 0 && have_key)
        return true; /* continuation of the previous value */
    if (s[i] == '[')
        return memchr(s + i, ']', n - i) != NULL;
    return memchr(s + i, '=', n - i) || memchr(s + i, ':', n - i);
}

static void add_error(struct reader *r, const char *msg)
{
    diag_add(r->diag, r->file, r->line, "%s", msg);
    r->errors++;
}

/* inih's reader: hands over one line at a time, with its number. */
static char *read_line(char *buf, int size, void *stream)
{
    struct reader *r = stream;
    while (r->pos < r->len) {
        const char *start = r->text + r->pos;
        size_t rest = r->len - r->pos;
        const char *nl = memchr(start, '\n', rest);
        size_t n = nl ? (size_t)(nl - start) : rest;
        r->pos += n + (nl ? 1 : 0);
        r->line++;
        if (memchr(start, '\0', n)) {
            add_error(r, "contains a NUL byte: this is not a text file");
            r->pos = r->len; /* binary data: stop reading */
            return NULL;
        }
        if (!utf8_valid(start, n)) {
            add_error(r, "is not valid UTF-8 text");
            continue;
        }
        if (n > (size_t)(size - 1) || n > INI_LINES_MAX) {
            add_error(r, "line is too long (over 199 bytes): "
                         "continue it on an indented next line");
            continue;
        }
        if (!line_is_valid(start, n, r->have_key)) {
            add_error(r, "expected [section], key = value or a comment");
            continue;
        }
        /* Mirror inih: an indented line continues the last value as long as
         * a key came since the last [section]; comments and blank lines do
         * not break that. */
        size_t i = 0;
        while (i < n && is_blank(start[i]))
            i++;
        bool content = i < n && start[i] != ';' && start[i] != '#'
                       && start[i] != '\r';
        r->last_indented = content && i > 0 && r->have_key;
        if (content && start[i] == '[' && i == 0)
            r->have_key = false;
        else if (content)
            r->have_key = true;
        memcpy(buf, start, n);
        buf[n] = '\0';
        return buf;
    }
    return NULL;
}

static int on_value(void *user, const char *section, const char *key,
                    const char *value)
{
    struct reader *r = user;
    if (!r->fn(r->user, section, key, value, r->line, r->last_indented))
        r->errors++;
    return 1; /* keep going: report every problem, not only the first */
}

int ini_lines_parse(const char *text, size_t len, const char *file,
                    ini_lines_fn fn, void *user, struct diag_list *diag)
{
    struct reader r = {
        .text = text, .len = len, .file = file, .diag = diag,
        .fn = fn, .user = user,
    };
    /* A UTF-8 byte order mark is accepted (inih skips it too). */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        r.pos = 3;
    ini_parse_stream(read_line, &r, on_value, &r);
    return r.errors;
}
