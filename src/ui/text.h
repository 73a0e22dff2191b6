/* text: fonts found with fontconfig, and rendered text cached as SDL
 * textures.
 *
 * A block of text is keyed by (text, size, style, colour, wrap width,
 * alignment). The first request rasterizes it (SDL_ttf) into a texture; the
 * same request later returns that texture, so an idle board rasterizes
 * nothing. Beyond TEXT_CACHE_MAX blocks the least recently used is freed.
 * Wrapping is our own: at blanks, else after a hyphen ("Student-" /
 * "generated"), never inside a word. */
#ifndef SOUNDBOARD_TEXT_H
#define SOUNDBOARD_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

enum { TEXT_CACHE_MAX = 512, TEXT_MAX_LINES = 48 };

enum text_style { TEXT_REGULAR, TEXT_BOLD, TEXT_STYLES };
enum text_align { TEXT_LEFT, TEXT_CENTER, TEXT_RIGHT };

struct text;

/* A cached block: borrowed, valid until the next text_* call that may
 * evict (any text_get). */
struct text_block {
    SDL_Texture *texture;  /* NULL for empty text */
    int w, h;              /* pixels */
    int lines;
};

/* Finds the DejaVu Sans regular and bold files with fontconfig and opens
 * nothing yet. Returns NULL with "what was looked for" in err if a font is
 * missing (e.g. "no font file for 'DejaVu Sans:bold' (fontconfig); install
 * fonts-dejavu-core"). $SOUNDBOARD_FONT_DIR, if set, is searched first for
 * DejaVuSans.ttf and DejaVuSans-Bold.ttf. */
struct text *text_create(SDL_Renderer *r, char *err, size_t errlen);
void text_destroy(struct text *t);

/* The texture for s at size px, wrapped to wrap_w px (0: one line per
 * '\n' only), its lines aligned within the block. Rasterizes on a miss.
 * Returns false (and an empty block) on an SDL error or empty text. */
bool text_get(struct text *t, const char *s, int size, enum text_style style,
              SDL_Color color, int wrap_w, enum text_align align,
              struct text_block *out);

/* Size s would have, without rasterizing: width of the widest line,
 * height, line count. Words wider than wrap_w make *w exceed it. Results
 * are remembered (a set-associative cache), so measuring the same text
 * again costs a lookup. */
void text_measure(struct text *t, const char *s, int size,
                  enum text_style style, int wrap_w, int *w, int *h,
                  int *lines);

/* Distance between baselines at size px. */
int text_line_height(struct text *t, int size, enum text_style style);

/* How many blocks were rasterized since text_create (for tests: an idle
 * frame must not add any), and how many are cached now. */
unsigned long text_rasterized(const struct text *t);
/* Measurements computed (not found in the cache) since text_create. */
unsigned long text_measured(const struct text *t);
int text_cached(const struct text *t);

/* The font file found for a style (for messages and --version). */
const char *text_font_path(const struct text *t, enum text_style style);

#endif
