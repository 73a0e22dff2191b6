/* draw: the drawing primitives every part of the frame uses: shapes in a
 * theme role's colour, text (wrapped, fitted, one line), zone colours and
 * names. Knows nothing of strips, panels or overlays (parts.h). */
#include "draw.h"

#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ helpers */

static SDL_Color sdl_color(struct theme_color c)
{
    SDL_Color s = {c.r, c.g, c.b, c.a};
    return s;
}

static void set_color(struct ui *ui, enum theme_role role)
{
    struct theme_color c = theme_color(ui->theme, role);
    SDL_SetRenderDrawBlendMode(ui->renderer, c.a == 255
                                                 ? SDL_BLENDMODE_NONE
                                                 : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(ui->renderer, c.r, c.g, c.b, c.a);
}

void draw_fill(struct ui *ui, enum theme_role role, struct layout_rect r)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    set_color(ui, role);
    SDL_Rect s = {r.x, r.y, r.w, r.h};
    if (ui->damage_count == 0) {
        SDL_RenderFillRect(ui->renderer, &s);
        return;
    }
    for (int i = 0; i < ui->damage_count; i++) {
        SDL_Rect part;
        if (SDL_IntersectRect(&s, &ui->damage[i], &part))
            SDL_RenderFillRect(ui->renderer, &part);
    }
}

/* A text texture at dst, cut to clip (NULL: none) and, during a partial
 * redraw, to each damaged rectangle in turn. */
static void copy_text(struct ui *ui, SDL_Texture *t, SDL_Rect dst,
                      const SDL_Rect *clip)
{
    if (ui->damage_count == 0) {
        if (clip)
            SDL_RenderSetClipRect(ui->renderer, clip);
        SDL_RenderCopy(ui->renderer, t, NULL, &dst);
        if (clip)
            SDL_RenderSetClipRect(ui->renderer, NULL);
        return;
    }
    SDL_Rect area = clip ? *clip : dst;
    for (int i = 0; i < ui->damage_count; i++) {
        SDL_Rect part;
        if (!SDL_IntersectRect(&area, &ui->damage[i], &part)
            || !SDL_HasIntersection(&dst, &part))
            continue;
        SDL_RenderSetClipRect(ui->renderer, &part);
        SDL_RenderCopy(ui->renderer, t, NULL, &dst);
    }
    SDL_RenderSetClipRect(ui->renderer, NULL);
}

void draw_outline(struct ui *ui, enum theme_role role, struct layout_rect r,
                  int t)
{
    if (t * 2 >= r.w || t * 2 >= r.h) {
        draw_fill(ui, role, r);
        return;
    }
    struct layout_rect sides[4] = {
        {r.x, r.y, r.w, t},
        {r.x, r.y + r.h - t, r.w, t},
        {r.x, r.y + t, t, r.h - 2 * t},
        {r.x + r.w - t, r.y + t, t, r.h - 2 * t},
    };
    for (int i = 0; i < 4; i++)
        draw_fill(ui, role, sides[i]);
}

void draw_hline(struct ui *ui, enum theme_role role, int x, int y, int w,
                int t)
{
    struct layout_rect r = {x, y - t / 2, w, t};
    draw_fill(ui, role, r);
}

struct layout_rect draw_inset(struct layout_rect r, int d)
{
    struct layout_rect o = {r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d};
    if (o.w < 0)
        o.w = 0;
    if (o.h < 0)
        o.h = 0;
    return o;
}

int draw_text_width(struct ui *ui, const char *s, int size,
                    enum text_style style)
{
    int w = 0;
    text_measure(ui->text, s, size, style, 0, &w, NULL, NULL);
    return w;
}

bool draw_text_fits(struct ui *ui, const char *s, int size,
                    enum text_style style, struct layout_rect box)
{
    int w = 0, h = 0;
    text_measure(ui->text, s, size, style, box.w, &w, &h, NULL);
    return w <= box.w && h <= box.h;
}

int draw_text(struct ui *ui, const char *s, int size, enum text_style style,
              enum theme_pair pair, struct layout_rect box,
              enum text_align align, enum draw_valign valign)
{
    if (!s || !*s || box.w <= 0 || box.h <= 0)
        return 0;
    struct theme_color c = theme_color(ui->theme, theme_pairs[pair].fg);
    struct text_block b;
    if (!text_get(ui->text, s, size, style, sdl_color(c), box.w, align, &b))
        return 0;
    int x = box.x, y = box.y;
    if (align == TEXT_CENTER)
        x += (box.w - b.w) / 2;
    else if (align == TEXT_RIGHT)
        x += box.w - b.w;
    if (valign == DRAW_MIDDLE)
        y += (box.h - b.h) / 2;
    else if (valign == DRAW_BOTTOM)
        y += box.h - b.h;
    bool clip = b.w > box.w || b.h > box.h;
    SDL_Rect cr = {box.x, box.y, box.w, box.h};
    if (clip) {
        ui->clipped++;
        snprintf(ui->last_clipped, sizeof ui->last_clipped,
                 "%dx%d text in a %dx%d box: %s", b.w, b.h, box.w, box.h, s);
        if (x < box.x)
            x = box.x;
        if (y < box.y)
            y = box.y;
    }
    SDL_Rect dst = {x, y, b.w, b.h};
    copy_text(ui, b.texture, dst, clip ? &cr : NULL);
    return b.h < box.h ? b.h : box.h;
}

int draw_text_line(struct ui *ui, const char *s, int size,
                   enum text_style style, enum theme_pair pair,
                   struct layout_rect box, enum text_align align)
{
    if (!s || !*s || box.w <= 0 || box.h <= 0)
        return 0;
    char buf[512];
    snprintf(buf, sizeof buf, "%s", s);
    int w = draw_text_width(ui, buf, size, style);
    if (w > box.w) {
        ui->shortened++;
        /* Drop whole UTF-8 characters until "text..." fits. */
        size_t n = strlen(buf);
        while (n > 0) {
            n = utf8_drop_last(buf, n);
            snprintf(buf + n, sizeof buf - n, "\xe2\x80\xa6");
            w = draw_text_width(ui, buf, size, style);
            if (w <= box.w)
                break;
        }
    }
    struct theme_color c = theme_color(ui->theme, theme_pairs[pair].fg);
    struct text_block b;
    if (!text_get(ui->text, buf, size, style, sdl_color(c), 0, TEXT_LEFT,
                  &b))
        return 0;
    int x = box.x;
    if (align == TEXT_CENTER)
        x += (box.w - b.w) / 2;
    else if (align == TEXT_RIGHT)
        x += box.w - b.w;
    SDL_Rect dst = {x, box.y + (box.h - b.h) / 2, b.w, b.h};
    SDL_Rect cr = {box.x, box.y, box.w, box.h};
    copy_text(ui, b.texture, dst, &cr);
    return b.w;
}

void draw_text_best(struct ui *ui, const char *s, int size, bool bold,
                    enum theme_pair pair, struct layout_rect box,
                    enum text_align align, enum draw_valign valign)
{
    if (!s || !*s)
        return;
    for (int st = bold ? TEXT_BOLD : TEXT_REGULAR; st >= TEXT_REGULAR;
         st--) {
        int lh = text_line_height(ui->text, size, (enum text_style)st);
        if ((lh <= box.h && draw_text_width(ui, s, size, st) <= box.w) ||
            draw_text_fits(ui, s, size, st, box)) {
            draw_text(ui, s, size, st, pair, box, align, valign);
            return;
        }
    }
    draw_text(ui, s, size, TEXT_REGULAR, pair, box, align, valign);
}

int draw_text_fit(struct ui *ui, const char *s, int max_size, int min_size,
                  enum text_style style, enum theme_pair pair,
                  struct layout_rect box, enum text_align align,
                  enum draw_valign valign)
{
    int size = max_size;
    /* Steps of about 6 %: few sizes, so few fonts and cached blocks. */
    while (size > min_size && !draw_text_fits(ui, s, size, style, box)) {
        int next = size * 15 / 16;
        size = next < size ? next : size - 1;
        if (size < min_size)
            size = min_size;
    }
    draw_text(ui, s, size, style, pair, box, align, valign);
    return size;
}

enum theme_role draw_zone_role(int zone)
{
    return theme_zone_role(zone);
}

enum theme_pair draw_zone_pair(int zone)
{
    static const enum theme_pair pairs[ZONE_COUNT] = {
        PAIR_ZONE_TEXT_ON_TEACHER, PAIR_ZONE_TEXT_ON_COCREATED,
        PAIR_ZONE_TEXT_ON_STUDENT,
    };
    return zone >= 0 && zone < ZONE_COUNT ? pairs[zone] : PAIR_TEXT_ON_PANEL;
}

const char *draw_zone_name(struct ui *ui, int zone)
{
    char key[64];
    const char *id = zone_id((enum zone)zone);
    snprintf(key, sizeof key, "zone.%s", id ? id : "?");
    /* content_string returns its key argument when the string is missing:
     * hand back a stable pointer, not our stack buffer. */
    const char *s = content_string(ui->v->content, key);
    return s == key ? (id ? id : "?") : s;
}

void draw_clear(struct ui *ui)
{
    SDL_RenderSetClipRect(ui->renderer, NULL);
    set_color(ui, THEME_BACKGROUND);
    if (ui->damage_count == 0) {
        SDL_RenderClear(ui->renderer);
        return;
    }
    /* RenderClear ignores the blend mode: so must this. */
    SDL_SetRenderDrawBlendMode(ui->renderer, SDL_BLENDMODE_NONE);
    for (int i = 0; i < ui->damage_count; i++)
        SDL_RenderFillRect(ui->renderer, &ui->damage[i]);
}
