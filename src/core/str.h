/* str: the few string helpers the parsers share. Allocation failure aborts
 * (one place to decide it, as mpv does: out-of-memory paths that are never
 * exercised are worse than a clear stop). */
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
/* Characters (UTF-8 code points) in the valid UTF-8 string s. */
int str_chars(const char *s);

/* The largest length <= n at which s can be cut without splitting a UTF-8
 * code point (s[n] is not a continuation byte). s must hold n bytes. */
size_t str_cut_utf8(const char *s, size_t n);
/* Copies src into dst[cap] (cap > 0), cut at a code point when it does not
 * fit; returns the length copied. */
size_t str_copy(char *dst, size_t cap, const char *src);
/* Copies fmt into out[cap] with its first "%s" replaced by arg (NULL: "").
 * Content strings are data, never printf formats: this is how a ui.ini
 * string takes its argument. */
void str_fill_hole(char *out, size_t cap, const char *fmt, const char *arg);

#endif
