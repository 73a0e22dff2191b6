/* data_load: read the bundled data files (content, keys) through files.h
 * and hand their text to the core parsers. Problems are printed to the
 * log stream as "FILE:LINE: what"; whatever parsed is kept, so the program
 * starts with what it can. */
#ifndef SOUNDBOARD_DATA_LOAD_H
#define SOUNDBOARD_DATA_LOAD_H

#include <stdbool.h>
#include <stdio.h>

#include "content.h"
#include "keymap.h"
#include "paths.h"

/* Loads assets/content/{habits,elements,questions,ui}.ini. Returns true if
 * all parsed cleanly and the content is complete. */
bool data_load_content(const struct paths *p, struct content *c, FILE *log);

/* Loads assets/keys.ini. Returns true if it parsed cleanly. */
bool data_load_keys(const struct paths *p, struct keymap *km, FILE *log);

#endif
