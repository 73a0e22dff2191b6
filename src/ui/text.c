/* text: font lookup (fontconfig), word wrapping, and the LRU cache of
 * rendered text textures (see text.h). */
#include "text.h"

#include "fnv1a.h"
#include "utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>

enum {
    FONT_SLOTS = 48,      /* open (size, style) fonts kept */
    BUCKETS = 1024,       /* hash buckets of the block cache */
    PATH_LEN = 4096,
    LINE_BYTES = 2048,    /* longest line we measure in one piece */
    MEASURE_SLOTS = 4096, /* cache of text_measure results, */
    MEASURE_WAYS = 8,     /* looked up in sets of this many */
};

struct font_slot {
    TTF_Font *font;
    int size;
    enum text_style style;
    unsigned long used;
};

struct entry {
    uint64_t hash;
    char *text;           /* owned copy of the key text */
    int size, wrap, lines, w, h;
    enum text_style style;
    enum text_align align;
    uint32_t rgba;
    SDL_Texture *texture;
    unsigned long used;   /* clock value of the last request */
    struct entry *next;   /* bucket chain */
    bool live;
};

/* A remembered measurement, keyed by a 64-bit hash of (text, size,
 * style, wrap) and the text's length. */
struct measure {
    uint64_t hash;
    int len, size, style, wrap;
    int w, h, lines;
    unsigned long used;   /* clock of the last hit, 0: empty */
};

struct text {
    SDL_Renderer *renderer;
    struct measure measure[MEASURE_SLOTS];
    unsigned long measured;  /* measurements computed (cache misses) */
    char path[TEXT_STYLES][PATH_LEN];
    struct font_slot font[FONT_SLOTS];
    struct entry entry[TEXT_CACHE_MAX];
    struct entry *bucket[BUCKETS];
    int cached;
    unsigned long clock;
    unsigned long rasterized;
};

/* ------------------------------------------------------------- fonts */

static bool readable(const char *path)
{
    return access(path, R_OK) == 0;
}

static bool from_dir(const char *dir, const char *file, char *out,
                     size_t outlen)
{
    if (!dir || !*dir)
        return false;
    int n = snprintf(out, outlen, "%s/%s", dir, file);
    return n > 0 && (size_t)n < outlen && readable(out);
}

/* Asks fontconfig for family at a weight; true if it names a file we can
 * read. */
static bool from_fontconfig(FcConfig **cfgp, const char *family, int weight,
                            char *out, size_t outlen)
{
    /* Loading the configuration and the font cache is most of what
     * fontconfig costs at start: done once, and only if needed. */
    if (!*cfgp)
        *cfgp = FcInitLoadConfigAndFonts();
    FcConfig *cfg = *cfgp;
    if (!cfg)
        return false;
    bool ok = false;
    FcPattern *pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
    FcPatternAddInteger(pat, FC_WEIGHT, weight);
    FcPatternAddInteger(pat, FC_SLANT, FC_SLANT_ROMAN);
    FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
    FcConfigSubstitute(cfg, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *match = FcFontMatch(cfg, pat, &res);
    FcChar8 *file = NULL;
    if (match && FcPatternGetString(match, FC_FILE, 0, &file) ==
                     FcResultMatch) {
        int n = snprintf(out, outlen, "%s", (const char *)file);
        ok = n > 0 && (size_t)n < outlen && readable(out);
    }
    if (match)
        FcPatternDestroy(match);
    FcPatternDestroy(pat);
    return ok;
}

static bool find_fonts(struct text *t, char *err, size_t errlen)
{
    static const char *const files[TEXT_STYLES] = {
        "DejaVuSans.ttf", "DejaVuSans-Bold.ttf",
    };
    static const char *const names[TEXT_STYLES] = {
        "DejaVu Sans", "DejaVu Sans:bold",
    };
    const int weights[TEXT_STYLES] = {FC_WEIGHT_REGULAR, FC_WEIGHT_BOLD};
    const char *dir = getenv("SOUNDBOARD_FONT_DIR");
    /* Where fonts-dejavu-core puts them (Debian, Ubuntu, Fedora's
     * dejavu-sans-fonts): found there, fontconfig is never loaded (it
     * was a third of the instructions to the first frame). A
     * SOUNDBOARD_FONT_DIR replaces these folders: then only it and
     * fontconfig are asked. */
    static const char *const known[] = {
        "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
        "/usr/share/fonts/dejavu-sans-fonts", "/usr/local/share/fonts/dejavu",
    };
    FcConfig *cfg = NULL;
    bool ok = true;
    for (int s = 0; s < TEXT_STYLES && ok; s++) {
        if (from_dir(dir, files[s], t->path[s], PATH_LEN))
            continue;
        bool found = false;
        for (size_t k = 0; !dir && k < sizeof known / sizeof *known && !found;
             k++)
            found = from_dir(known[k], files[s], t->path[s], PATH_LEN);
        if (found)
            continue;
        if (from_fontconfig(&cfg, "DejaVu Sans", weights[s], t->path[s],
                            PATH_LEN))
            continue;
        snprintf(err, errlen,
                 "no font file for '%s' (looked in $SOUNDBOARD_FONT_DIR "
                 "and asked fontconfig); install fonts-dejavu-core",
                 names[s]);
        ok = false;
    }
    if (cfg)
        FcConfigDestroy(cfg);
    return ok;
}

/* The open font for (size, style), opening it on first use. */
static TTF_Font *font(struct text *t, int size, enum text_style style)
{
    if (size < 1)
        size = 1;
    if ((int)style < 0 || style >= TEXT_STYLES)
        style = TEXT_REGULAR;
    struct font_slot *lru = &t->font[0];
    t->clock++;
    for (int i = 0; i < FONT_SLOTS; i++) {
        struct font_slot *f = &t->font[i];
        if (f->font && f->size == size && f->style == style) {
            f->used = t->clock;
            return f->font;
        }
        if (!f->font || (lru->font && f->used < lru->used))
            lru = f;
    }
    if (lru->font)
        TTF_CloseFont(lru->font);
    lru->font = TTF_OpenFont(t->path[style], size);
    lru->size = size;
    lru->style = style;
    lru->used = t->clock;
    return lru->font;
}

/* ---------------------------------------------------------- wrapping */

struct wrapped {
    int count;
    int start[TEXT_MAX_LINES], len[TEXT_MAX_LINES]; /* bytes of s */
    int width[TEXT_MAX_LINES];
};

static int width_of(TTF_Font *f, const char *s, int len)
{
    char buf[LINE_BYTES];
    len = (int)utf8_cut(s, (size_t)len, LINE_BYTES - 1);
    memcpy(buf, s, (size_t)len);
    buf[len] = '\0';
    int w = 0, h = 0;
    if (len > 0 && TTF_SizeUTF8(f, buf, &w, &h) != 0)
        w = 0;
    return w;
}

static void push_line(struct wrapped *wr, TTF_Font *f, const char *s,
                      int start, int end)
{
    while (end > start && s[end - 1] == ' ')
        end--;
    if (wr->count >= TEXT_MAX_LINES)
        return;
    wr->start[wr->count] = start;
    wr->len[wr->count] = end - start;
    wr->width[wr->count] = width_of(f, s + start, end - start);
    wr->count++;
}

/* End of the next piece that may start a line: a word up to a blank, or
 * up to and including a hyphen inside a word. */
static int piece_end(const char *s, int i)
{
    while (s[i] == ' ')
        i++;
    for (; s[i] && s[i] != ' ' && s[i] != '\n'; i++) {
        if (s[i] == '-' && i > 0 && s[i - 1] != ' ' && s[i + 1] &&
            s[i + 1] != ' ')
            return i + 1;
    }
    return i;
}

/* Greedy line filling: a line takes pieces while it fits wrap_w. */
static void wrap(TTF_Font *f, const char *s, int wrap_w, struct wrapped *wr)
{
    wr->count = 0;
    int line_start = 0, line_end = 0, i = 0;
    int n = (int)strlen(s);
    while (i < n) {
        if (s[i] == '\n') {
            push_line(wr, f, s, line_start, line_end > line_start
                                                ? line_end : i);
            i++;
            line_start = line_end = i;
            continue;
        }
        int end = piece_end(s, i);
        if (wrap_w > 0 && line_end > line_start &&
            width_of(f, s + line_start, end - line_start) > wrap_w) {
            push_line(wr, f, s, line_start, line_end);
            while (s[i] == ' ')
                i++;
            line_start = i;
        }
        line_end = end;
        i = end;
    }
    if (line_end > line_start || wr->count == 0)
        push_line(wr, f, s, line_start, line_end);
}

static uint64_t hash_key(const char *s, int size, int style, uint32_t rgba,
                         int wrap_w, int align);

void text_measure(struct text *t, const char *s, int size,
                  enum text_style style, int wrap_w, int *w, int *h,
                  int *lines)
{
    /* Measuring wraps the text with many TTF_SizeUTF8 calls: remember
     * the result (LRU within a set), so a redraw of the same words costs
     * a lookup. */
    struct measure *m = NULL;
    if (s && *s) {
        uint64_t key = hash_key(s, size, style, 0, wrap_w, -1);
        int len = (int)strlen(s);
        struct measure *set =
            &t->measure[key % (MEASURE_SLOTS / MEASURE_WAYS) * MEASURE_WAYS];
        t->clock++;
        for (int i = 0; i < MEASURE_WAYS; i++) {
            struct measure *c = &set[i];
            if (c->used && c->hash == key && c->len == len &&
                c->size == size && c->style == (int)style &&
                c->wrap == wrap_w) {
                c->used = t->clock;
                if (w)
                    *w = c->w;
                if (h)
                    *h = c->h;
                if (lines)
                    *lines = c->lines;
                return;
            }
            if (!m || c->used < m->used)
                m = c; /* empty or least recently used: replaced */
        }
        *m = (struct measure){.hash = key, .len = len, .size = size,
                              .style = style, .wrap = wrap_w};
    }
    TTF_Font *f = font(t, size, style);
    int mw = 0, count = 0;
    if (f && s && *s) {
        struct wrapped wr;
        wrap(f, s, wrap_w, &wr);
        count = wr.count;
        for (int i = 0; i < wr.count; i++)
            if (wr.width[i] > mw)
                mw = wr.width[i];
    }
    int height = count * (f ? TTF_FontLineSkip(f) : size);
    if (m && f) {
        m->w = mw;
        m->h = height;
        m->lines = count;
        m->used = t->clock;
        t->measured++;
    }
    if (w)
        *w = mw;
    if (h)
        *h = height;
    if (lines)
        *lines = count;
}

int text_line_height(struct text *t, int size, enum text_style style)
{
    TTF_Font *f = font(t, size, style);
    return f ? TTF_FontLineSkip(f) : size;
}

/* -------------------------------------------------------------- cache */

static uint64_t hash_key(const char *s, int size, int style, uint32_t rgba,
                         int wrap_w, int align)
{
    const int extra[] = {size, style, (int)rgba, wrap_w, align};
    return fnv1a(fnv1a_str(FNV1A_INIT, s), extra, sizeof extra);
}

static void unlink_entry(struct text *t, struct entry *e)
{
    struct entry **p = &t->bucket[e->hash % BUCKETS];
    while (*p && *p != e)
        p = &(*p)->next;
    if (*p)
        *p = e->next;
    if (e->texture)
        SDL_DestroyTexture(e->texture);
    free(e->text);
    memset(e, 0, sizeof *e);
    t->cached--;
}

static struct entry *free_slot(struct text *t)
{
    struct entry *lru = NULL;
    for (int i = 0; i < TEXT_CACHE_MAX; i++) {
        struct entry *e = &t->entry[i];
        if (!e->live)
            return e;
        if (!lru || e->used < lru->used)
            lru = e;
    }
    unlink_entry(t, lru);
    return lru;
}

/* Draws the wrapped lines into one surface, aligned. */
static SDL_Surface *rasterize(TTF_Font *f, const char *s,
                              const struct wrapped *wr, SDL_Color color,
                              enum text_align align)
{
    int skip = TTF_FontLineSkip(f), mw = 1;
    for (int i = 0; i < wr->count; i++)
        if (wr->width[i] > mw)
            mw = wr->width[i];
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(
        0, mw, wr->count * skip, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!out)
        return NULL;
    SDL_FillRect(out, NULL, SDL_MapRGBA(out->format, color.r, color.g,
                                        color.b, 0));
    char buf[LINE_BYTES];
    for (int i = 0; i < wr->count; i++) {
        int len = wr->len[i] < LINE_BYTES ? wr->len[i] : LINE_BYTES - 1;
        if (len <= 0)
            continue;
        memcpy(buf, s + wr->start[i], (size_t)len);
        buf[len] = '\0';
        SDL_Surface *line = TTF_RenderUTF8_Blended(f, buf, color);
        if (!line)
            continue;
        SDL_SetSurfaceBlendMode(line, SDL_BLENDMODE_NONE);
        int x = 0;
        if (align == TEXT_CENTER)
            x = (mw - line->w) / 2;
        else if (align == TEXT_RIGHT)
            x = mw - line->w;
        SDL_Rect dst = {x, i * skip, line->w, line->h};
        SDL_BlitSurface(line, NULL, out, &dst);
        SDL_FreeSurface(line);
    }
    return out;
}

bool text_get(struct text *t, const char *s, int size, enum text_style style,
              SDL_Color color, int wrap_w, enum text_align align,
              struct text_block *out)
{
    memset(out, 0, sizeof *out);
    if (!s || !*s)
        return false;
    uint32_t rgba = (uint32_t)color.r << 24 | (uint32_t)color.g << 16 |
                    (uint32_t)color.b << 8 | color.a;
    uint64_t h = hash_key(s, size, style, rgba, wrap_w, align);
    t->clock++;
    for (struct entry *e = t->bucket[h % BUCKETS]; e; e = e->next) {
        if (e->hash == h && e->size == size && e->style == style &&
            e->rgba == rgba && e->wrap == wrap_w && e->align == align &&
            strcmp(e->text, s) == 0) {
            e->used = t->clock;
            out->texture = e->texture;
            out->w = e->w;
            out->h = e->h;
            out->lines = e->lines;
            return true;
        }
    }
    TTF_Font *f = font(t, size, style);
    if (!f)
        return false;
    struct wrapped wr;
    wrap(f, s, wrap_w, &wr);
    SDL_Surface *surf = rasterize(f, s, &wr, color, align);
    if (!surf)
        return false;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(t->renderer, surf);
    int w = surf->w, hh = surf->h;
    SDL_FreeSurface(surf);
    if (!tex)
        return false;
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    t->rasterized++;

    struct entry *e = free_slot(t);
    e->text = strdup(s);
    if (!e->text) {
        SDL_DestroyTexture(tex);
        return false;
    }
    e->hash = h;
    e->size = size;
    e->style = style;
    e->rgba = rgba;
    e->wrap = wrap_w;
    e->align = align;
    e->texture = tex;
    e->w = w;
    e->h = hh;
    e->lines = wr.count;
    e->used = t->clock;
    e->live = true;
    e->next = t->bucket[h % BUCKETS];
    t->bucket[h % BUCKETS] = e;
    t->cached++;
    out->texture = tex;
    out->w = w;
    out->h = hh;
    out->lines = wr.count;
    return true;
}

/* ---------------------------------------------------------- lifetime */

struct text *text_create(SDL_Renderer *r, char *err, size_t errlen)
{
    if (TTF_Init() != 0) {
        snprintf(err, errlen, "SDL_ttf: %s", TTF_GetError());
        return NULL;
    }
    struct text *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, errlen, "out of memory for the text cache");
        TTF_Quit();
        return NULL;
    }
    t->renderer = r;
    if (!find_fonts(t, err, errlen)) {
        free(t);
        TTF_Quit();
        return NULL;
    }
    for (int s = 0; s < TEXT_STYLES; s++) {
        TTF_Font *f = font(t, 16, s);
        if (!f) {
            snprintf(err, errlen, "cannot open font %s: %s", t->path[s],
                     TTF_GetError());
            text_destroy(t);
            return NULL;
        }
    }
    return t;
}

void text_destroy(struct text *t)
{
    if (!t)
        return;
    for (int i = 0; i < TEXT_CACHE_MAX; i++)
        if (t->entry[i].live)
            unlink_entry(t, &t->entry[i]);
    for (int i = 0; i < FONT_SLOTS; i++)
        if (t->font[i].font)
            TTF_CloseFont(t->font[i].font);
    free(t);
    TTF_Quit();
}

unsigned long text_rasterized(const struct text *t)
{
    return t->rasterized;
}

unsigned long text_measured(const struct text *t)
{
    return t->measured;
}

int text_cached(const struct text *t)
{
    return t->cached;
}

const char *text_font_path(const struct text *t, enum text_style style)
{
    if ((int)style < 0 || style >= TEXT_STYLES)
        return "";
    return t->path[style];
}
