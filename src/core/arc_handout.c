/* arc_handout: the arc handout's content, and its Markdown. */
#include "arc_handout.h"

#include <stdio.h>
#include <string.h>

#include "markdown.h"
#include "str.h"

static const char *or_key(const char *s, const char *fallback)
{
    return s && *s ? s : fallback;
}

/* A string whose key is built on the caller's stack: content_string
 * hands back the key itself when the string is missing, so fall back to
 * something that outlives the call. */
static const char *string_or(const struct content *c, const char *key,
                             const char *fallback)
{
    const char *s = content_string(c, key);
    return s == key ? fallback : s;
}

void arc_handout_build(const struct content *c, const struct arc *a,
                       int current, struct arc_handout *h)
{
    memset(h, 0, sizeof *h);
    h->title = a->name;
    h->intro = content_string(c, "arc-handout.intro");
    h->notes = a->notes[0] ? a->notes : NULL;
    h->picture = content_string(c, "arc-handout.picture");
    h->key_title = content_string(c, "arc-handout.key");
    h->balance = content_string(c, "app.tagline");
    h->steps_title = content_string(c, "arc-handout.steps");
    h->current = content_string(c, "arc-handout.current");
    h->credit = content_string(c, "app.credit");
    for (int z = 0; z < ZONE_COUNT; z++) {
        const char *id = zone_id((enum zone)z);
        char key[64];
        snprintf(key, sizeof key, "zone.%s", id);
        h->zone[z] = string_or(c, key, id);
        snprintf(key, sizeof key, "arc-handout.pattern-%s", id);
        h->pattern[z] = string_or(c, key, id);
    }
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        h->element[e] = or_key(c->element[e].name, board_element_id(e));
    h->count = a->count < ARC_STEPS_MAX ? a->count : ARC_STEPS_MAX;
    for (int k = 0; k < h->count; k++) {
        const struct arc_step *s = &a->step[k];
        struct arc_handout_step *hs = &h->step[k];
        hs->label = s->label;
        hs->note = s->note[0] ? s->note : NULL;
        hs->current = k == current;
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            hs->zone[e] = zone_for_value(s->value[e]);
    }
}

const char *arc_handout_zone(const struct arc_handout *h, int k, int e)
{
    return h->zone[h->step[k].zone[e]];
}

static void step_markdown(struct str_buf *m, const struct arc_handout *h,
                          int k)
{
    const struct arc_handout_step *s = &h->step[k];
    str_buf_addf(m, "### %s\n\n", s->label);
    if (s->current)
        str_buf_addf(m, "*%s*\n\n", h->current);
    if (s->note)
        str_buf_addf(m, "%s\n\n", s->note);
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        str_buf_addf(m, "- **%s:** %s\n", h->element[e],
                     arc_handout_zone(h, k, e));
    str_buf_add(m, "\n");
}

char *arc_handout_markdown(const struct arc_handout *h, const char *picture,
                           size_t *len)
{
    struct str_buf m;
    str_buf_init(&m);
    str_buf_addf(&m, "# %s\n\n%s\n\n", h->title, h->intro);
    if (h->notes)
        markdown_quote(&m, h->notes);
    if (picture)
        str_buf_addf(&m, "![%s](%s)\n\n", h->picture, picture);
    /* The picture's key in words too, for a reader without the picture. */
    str_buf_addf(&m, "**%s**\n\n", h->key_title);
    for (int z = 0; z < ZONE_COUNT; z++)
        str_buf_addf(&m, "- %s: %s\n", h->zone[z], h->pattern[z]);
    str_buf_addf(&m, "\n*%s*\n\n## %s\n\n", h->balance, h->steps_title);
    for (int k = 0; k < h->count; k++)
        step_markdown(&m, h, k);
    str_buf_addf(&m, "---\n\n%s\n", h->credit);
    return str_buf_take(&m, len);
}
