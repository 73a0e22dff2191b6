/* ini_lines: INI text in memory -> (section, key, value, line) callbacks.
 *
 * A thin layer over inih that every soundboard file format shares
 * (content, keys, controller profiles, presets). inih itself reports only
 * the first error and has no line numbers in its callback; this layer feeds
 * it line by line, so every callback and every error names its line, and it
 * reports what inih would silently mangle:
 *   - a line longer than INI_LINES_MAX (inih would split it),
 *   - a NUL byte or text that is not UTF-8,
 *   - a line that is neither [section], key = value, comment nor
 *     continuation.
 * Long values are written as indented continuation lines; the callback gets
 * each piece with `continuation` set and appends it. */
#ifndef SOUNDBOARD_INI_LINES_H
#define SOUNDBOARD_INI_LINES_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* Longest line accepted, in bytes, without its newline (inih's 200-byte
 * buffer less the terminating NUL). */
enum { INI_LINES_MAX = 199 };

/* Called for each value. Return false if the entry is wrong; the callback
 * adds its own diag naming `line` (ini_lines only counts the failure). */
typedef bool (*ini_lines_fn)(void *user, const char *section, const char *key,
                             const char *value, int line, bool continuation);

/* Parses `len` bytes of `text` (need not be NUL-terminated). `file` is the
 * name used in messages. Returns the number of errors found (syntax errors
 * added to `diag` plus callbacks that returned false); 0 means clean. */
int ini_lines_parse(const char *text, size_t len, const char *file,
                    ini_lines_fn fn, void *user, struct diag_list *diag);

#endif
