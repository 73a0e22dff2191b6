/* preset_export: Markdown handout of a mix, words from struct content. */
#include "preset_export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "str.h"

static const char *or_key(const char *s, const char *fallback)
{
    return s && *s ? s : fallback;
}

/* Each line of the notes as a Markdown quote line. */
static void put_quoted(struct str_buf *m, const char *text)
{
    const char *s = text;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        char line[PRESET_NOTES_MAX + 4];
        snprintf(line, sizeof line, "> %.*s\n", (int)n, s);
        str_buf_add(m, n ? line : ">\n");
        s += n + (nl ? 1 : 0);
    }
}

static void put_element(struct str_buf *m, const struct content *c, int i,
                        int value)
{
    const struct element_text *et = &c->element[i];
    enum zone z = zone_for_value(value);
    const struct zone_text *zt = &et->zone[z];
    char key[64], line[256];
    snprintf(key, sizeof key, "zone.%s", zone_id(z));
    str_buf_add(m, "## ");
    str_buf_add(m, or_key(et->name, board_element_id(i)));
    str_buf_add(m, "\n\n**");
    str_buf_add(m, content_string(c, "export.value"));
    snprintf(line, sizeof line, ":** %d/100 · **", value);
    str_buf_add(m, line);
    str_buf_add(m, content_string(c, "export.zone"));
    str_buf_add(m, ":** ");
    str_buf_add(m, content_string(c, key));
    str_buf_add(m, "\n\n**");
    str_buf_add(m, content_string(c, "export.teacher"));
    str_buf_add(m, ":** ");
    str_buf_add(m, or_key(zt->teacher, ""));
    str_buf_add(m, "\n\n**");
    str_buf_add(m, content_string(c, "export.students"));
    str_buf_add(m, ":** ");
    str_buf_add(m, or_key(zt->students, ""));
    str_buf_add(m, "\n\n**");
    str_buf_add(m, content_string(c, "export.habits"));
    str_buf_add(m, ":** ");
    for (int h = 0; h < zt->habit_count && h < CONTENT_ZONE_HABITS; h++) {
        int idx = zt->habit[h];
        if (idx < 0 || idx >= c->habit_count)
            continue;
        if (h)
            str_buf_add(m, ", ");
        str_buf_add(m, or_key(c->habit[idx].name, c->habit[idx].id));
    }
    str_buf_add(m, "\n\n");
}

char *preset_export_markdown(const struct content *c,
                             const struct preset *recalled,
                             const int value[BOARD_ELEMENTS], size_t *len)
{
    struct str_buf m;
    str_buf_init(&m);
    str_buf_add(&m, "# ");
    str_buf_add(&m, recalled ? recalled->name : content_string(c, "export.title"));
    str_buf_add(&m, "\n\n");
    str_buf_add(&m, content_string(c, "export.intro"));
    str_buf_add(&m, "\n\n");
    if (recalled && recalled->notes[0]) {
        put_quoted(&m, recalled->notes);
        str_buf_add(&m, "\n");
    }
    if (recalled && preset_modified(recalled, value)) {
        str_buf_add(&m, "*");
        str_buf_add(&m, content_string(c, "export.modified"));
        str_buf_add(&m, "*\n\n");
    }
    for (int i = 0; i < BOARD_ELEMENTS; i++)
        put_element(&m, c, i, board_clamp(value[i]));
    str_buf_add(&m, "---\n\n");
    str_buf_add(&m, content_string(c, "app.credit"));
    str_buf_add(&m, "\n");
    return str_buf_take(&m, len); /* NULL if memory ran out */
}

bool preset_export_write(const char *path, const struct content *c,
                         const struct preset *recalled,
                         const int value[BOARD_ELEMENTS], char *err,
                         size_t errlen)
{
    size_t len;
    char *text = preset_export_markdown(c, recalled, value, &len);
    if (!text) {
        snprintf(err, errlen, "%s: cannot export: out of memory", path);
        return false;
    }
    bool ok = files_write_atomic(path, text, len, err, errlen);
    free(text);
    return ok;
}
