/* utf8: walking UTF-8 text by code points, for every layer that cuts,
 * counts or checks text (parsers, the preset dialog, the text drawing).
 *
 * All functions take a pointer and a length in bytes (the text need not be
 * NUL-terminated) and never read past it. Lengths and positions are bytes.
 * "Valid" means RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF. */
#ifndef SOUNDBOARD_UTF8_H
#define SOUNDBOARD_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at the start of the len bytes at s into *cp and
 * returns its length in bytes (1..4). For an invalid or truncated sequence
 * returns 1 and sets *cp to -1, so a caller can step over a bad byte;
 * for len == 0 returns 0 and sets *cp to -1. cp may be NULL. */
size_t utf8_next(const char *s, size_t len, int32_t *cp);

/* True if all len bytes at s are valid UTF-8 (an empty text is). */
bool utf8_valid(const char *s, size_t len);

/* Code points in the len bytes at s: the bytes that are not continuation
 * bytes (10xxxxxx), which on valid text is exactly the code points. */
size_t utf8_count(const char *s, size_t len);

/* The longest prefix of the len bytes at s that is at most max bytes and
 * does not split a code point: where to cut a text to fit max bytes.
 * Returns len if len <= max. */
size_t utf8_cut(const char *s, size_t len, size_t max);

/* The length of the len bytes at s without their last code point (a
 * backspace; dropping characters until a text fits). 0 if len is 0 or the
 * text is one code point. Continuation bytes with no lead byte before them
 * go together with it. */
size_t utf8_drop_last(const char *s, size_t len);

#endif
