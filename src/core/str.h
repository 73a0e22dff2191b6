/* str: the string helpers every layer shares: copies, a string builder,
 * the one-"%s" filler for content strings, whole-number parsing.
 * Allocation failure in str_dup and str_append_word aborts (one place to
 * decide it, as mpv does: out-of-memory paths that are never exercised are
 * worse than a clear stop); the builder reports it instead, for callers
 * whose contract is to return NULL. UTF-8 walking is in utf8.h. */
#ifndef SOUNDBOARD_STR_H
#define SOUNDBOARD_STR_H

#include <stdbool.h>
#include <stddef.h>

/* A malloc'd copy of s. */
char *str_dup(const char *s);
/* Appends " " and more to the malloc'd string old (which it may move);
 * continuation lines of INI values are joined this way. */
char *str_append_word(char *old, const char *more);
/* Parses a whole-string base-10 integer in [lo, hi] (a leading '+' or '-'
 * is allowed); false for anything else, never a silent 0. */
bool str_parse_int(const char *s, int lo, int hi, int *out);
/* Characters (UTF-8 code points) in the valid UTF-8 string s. Kept for
 * callers not yet moved to utf8_count(s, strlen(s)), which it calls. */
int str_chars(const char *s);

/* ---- a string builder -------------------------------------------------
 * Text built piece by piece, always NUL-terminated, in one of two kinds of
 * storage:
 *   - growing (str_buf_init): malloc'd, grows as needed; take the text
 *     with str_buf_take or drop it with str_buf_free. If memory runs out
 *     the builder fails: later pieces are ignored and str_buf_take
 *     returns NULL.
 *   - fixed (str_buf_fixed): the caller's array of cap bytes, never grown.
 *     A piece that does not fit is cut at a UTF-8 code point boundary and
 *     the builder fails; len still counts every byte asked for, so the
 *     caller can say how much was needed.
 * A failed builder stays failed; str_buf_ok tells. */
struct str_buf {
    char *buf;      /* the text so far, NUL-terminated (NULL: growing, empty) */
    size_t len;     /* bytes added, without the NUL (fixed: asked for) */
    size_t cap;     /* bytes of buf, NUL included */
    bool fixed;     /* the caller's array */
    bool failed;    /* a piece was cut or memory ran out */
};

/* An empty growing builder (allocates nothing yet). */
void str_buf_init(struct str_buf *b);
/* An empty builder over the caller's out[cap] (cap >= 1; out[0] becomes
 * NUL). */
void str_buf_fixed(struct str_buf *b, char *out, size_t cap);
/* Appends the NUL-terminated s / the n bytes at s. */
void str_buf_add(struct str_buf *b, const char *s);
void str_buf_addn(struct str_buf *b, const char *s, size_t n);
/* Appends printf-formatted text (for numbers and fixed formats only:
 * content strings are data, use str_fill_hole for those). */
void str_buf_addf(struct str_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The text so far: "" before anything was added, never NULL. */
const char *str_buf_text(const struct str_buf *b);
/* True if every piece went in whole. */
bool str_buf_ok(const struct str_buf *b);
/* Growing builder: hands the malloc'd text to the caller (to free; "" if
 * nothing was added) and *len its length (len may be NULL); NULL if the
 * builder failed. The builder is empty again afterwards. Not for fixed
 * builders (returns NULL). */
char *str_buf_take(struct str_buf *b, size_t *len);
/* Frees a growing builder's text; the builder is empty again. Does nothing
 * to a fixed builder's array. */
void str_buf_free(struct str_buf *b);

/* Copies src into dst[cap] (cap > 0), cut at a code point when it does not
 * fit; returns the length copied. */
size_t str_copy(char *dst, size_t cap, const char *src);

/* True if s ends with tail. */
bool str_ends_with(const char *s, const char *tail);
/* True if part occurs in text, ASCII letters compared in any case (other
 * UTF-8 bytes exactly). */
bool str_holds_any_case(const char *text, const char *part);
/* True if arg names the file at path by its stem: the file name without
 * its folder and ".ini", which arg may give or leave out
 * ("6-novels-book-groups" for ".../presets/6-novels-book-groups.ini"). */
bool str_names_stem(const char *path, const char *arg);

/* ---- content strings with one hole -------------------------------------
 * Writes text into out[outlen] with its first "%s" replaced by arg (NULL:
 * ""). Nothing else in text is special: a second "%s", "%d" or "%%" is
 * copied as it is, because content strings come from files and are never
 * printf formats. Output that does not fit is cut at a UTF-8 code point
 * boundary; always NUL-terminated if outlen > 0. Returns the length the
 * whole result has (>= outlen: it was cut), as snprintf does. */
size_t str_fill_hole(char *out, size_t outlen, const char *text,
                     const char *arg);

#endif
