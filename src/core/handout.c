/* handout: the handout's content, and its Markdown. */
#include "handout.h"

#include <stdio.h>
#include <string.h>

#include "markdown.h"
#include "str.h"

int handout_paper_from_name(const char *name)
{
    if (strcmp(name, "a4") == 0)
        return HANDOUT_A4;
    if (strcmp(name, "letter") == 0)
        return HANDOUT_LETTER;
    return -1;
}

static const char *or_key(const char *s, const char *fallback)
{
    return s && *s ? s : fallback;
}

void handout_build(const struct content *c, const struct preset *recalled,
                   const int value[BOARD_ELEMENTS], struct handout *h)
{
    memset(h, 0, sizeof *h);
    h->title = recalled ? recalled->name : content_string(c, "export.title");
    h->intro = content_string(c, "export.intro");
    h->notes = recalled && recalled->notes[0] ? recalled->notes : NULL;
    if (recalled && preset_modified(recalled, value))
        h->modified = content_string(c, "export.modified");
    h->position = content_string(c, "export.zone");
    h->teacher = content_string(c, "export.teacher");
    h->students = content_string(c, "export.students");
    h->example = content_string(c, "readout.example");
    h->habits = content_string(c, "export.habits");
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        enum zone z = zone_for_value(board_clamp(value[e]));
        const struct zone_text *zt = &c->element[e].zone[z];
        struct handout_element *he = &h->element[e];
        char key[48];
        snprintf(key, sizeof key, "zone.%s", zone_id(z));
        he->name = or_key(c->element[e].name, board_element_id(e));
        he->zone = content_string(c, key);
        he->teacher = or_key(zt->teacher, "");
        he->students = or_key(zt->students, "");
        he->example = or_key(zt->example, "");
        for (int i = 0; i < zt->habit_count && i < CONTENT_ZONE_HABITS; i++) {
            int k = zt->habit[i];
            if (k >= 0 && k < c->habit_count)
                he->habit[he->habit_count++] =
                    or_key(c->habit[k].name, c->habit[k].id);
        }
    }
    h->questions_title = content_string(c, "questions.title");
    for (int q = 0; q < c->question_count && q < CONTENT_QUESTIONS; q++)
        h->question[h->question_count++] = c->question[q];
    h->balance = content_string(c, "app.tagline");
    h->credit = content_string(c, "app.credit");
    h->picture = content_string(c, "export.picture");
}

/* "**Heading:** text" as its own paragraph. */
static void field(struct str_buf *m, const char *heading, const char *text)
{
    str_buf_addf(m, "**%s:** %s\n\n", heading, text);
}

char *handout_markdown(const struct handout *h, const char *picture,
                       size_t *len)
{
    struct str_buf m;
    str_buf_init(&m);
    str_buf_addf(&m, "# %s\n\n%s\n\n", h->title, h->intro);
    if (h->notes)
        markdown_quote(&m, h->notes);
    if (h->modified)
        str_buf_addf(&m, "*%s*\n\n", h->modified);
    if (picture)
        str_buf_addf(&m, "![%s](%s)\n\n", h->picture, picture);
    str_buf_addf(&m, "*%s*\n\n", h->balance);
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        const struct handout_element *he = &h->element[e];
        str_buf_addf(&m, "## %s\n\n", he->name);
        field(&m, h->position, he->zone);
        field(&m, h->teacher, he->teacher);
        field(&m, h->students, he->students);
        field(&m, h->example, he->example);
        str_buf_addf(&m, "**%s:**\n\n", h->habits);
        for (int i = 0; i < he->habit_count; i++)
            str_buf_addf(&m, "- %s\n", he->habit[i]);
        str_buf_add(&m, "\n");
    }
    str_buf_addf(&m, "## %s\n\n", h->questions_title);
    for (int q = 0; q < h->question_count; q++)
        str_buf_addf(&m, "%d. %s\n", q + 1, h->question[q]);
    str_buf_addf(&m, "\n---\n\n%s\n", h->credit);
    return str_buf_take(&m, len);
}
