/* preset_export: Markdown handout of a mix, words from struct content. */
#include "preset_export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"

struct md {
    char *buf;
    size_t len, cap;
    bool failed;
};

static void put(struct md *m, const char *s)
{
    size_t n = strlen(s);
    if (m->failed)
        return;
    if (m->len + n + 1 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 4096;
        while (cap < m->len + n + 1)
            cap *= 2;
        char *b = realloc(m->buf, cap);
        if (!b) {
            m->failed = true;
            return;
        }
        m->buf = b;
        m->cap = cap;
    }
    memcpy(m->buf + m->len, s, n + 1);
    m->len += n;
}

static const char *or_key(const char *s, const char *fallback)
{
    return s && *s ? s : fallback;
}

/* Each line of the notes as a Markdown quote line. */
static void put_quoted(struct md *m, const char *text)
{
    const char *s = text;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        char line[PRESET_NOTES_MAX + 4];
        snprintf(line, sizeof line, "> %.*s\n", (int)n, s);
        put(m, n ? line : ">\n");
        s += n + (nl ? 1 : 0);
    }
}

static void put_element(struct md *m, const struct content *c, int i,
                        int value)
{
    const struct element_text *et = &c->element[i];
    enum zone z = zone_for_value(value);
    const struct zone_text *zt = &et->zone[z];
    char key[64], line[256];
    snprintf(key, sizeof key, "zone.%s", zone_id(z));
    put(m, "## ");
    put(m, or_key(et->name, board_element_id(i)));
    put(m, "\n\n**");
    put(m, content_string(c, "export.value"));
    snprintf(line, sizeof line, ":** %d/100 · **", value);
    put(m, line);
    put(m, content_string(c, "export.zone"));
    put(m, ":** ");
    put(m, content_string(c, key));
    put(m, "\n\n**");
    put(m, content_string(c, "export.teacher"));
    put(m, ":** ");
    put(m, or_key(zt->teacher, ""));
    put(m, "\n\n**");
    put(m, content_string(c, "export.students"));
    put(m, ":** ");
    put(m, or_key(zt->students, ""));
    put(m, "\n\n**");
    put(m, content_string(c, "export.habits"));
    put(m, ":** ");
    for (int h = 0; h < zt->habit_count && h < CONTENT_ZONE_HABITS; h++) {
        int idx = zt->habit[h];
        if (idx < 0 || idx >= c->habit_count)
            continue;
        if (h)
            put(m, ", ");
        put(m, or_key(c->habit[idx].name, c->habit[idx].id));
    }
    put(m, "\n\n");
}

char *preset_export_markdown(const struct content *c,
                             const struct preset *recalled,
                             const int value[BOARD_ELEMENTS], size_t *len)
{
    struct md m = {0};
    put(&m, "# ");
    put(&m, recalled ? recalled->name : content_string(c, "export.title"));
    put(&m, "\n\n");
    put(&m, content_string(c, "export.intro"));
    put(&m, "\n\n");
    if (recalled && recalled->notes[0]) {
        put_quoted(&m, recalled->notes);
        put(&m, "\n");
    }
    if (recalled && preset_modified(recalled, value)) {
        put(&m, "*");
        put(&m, content_string(c, "export.modified"));
        put(&m, "*\n\n");
    }
    for (int i = 0; i < BOARD_ELEMENTS; i++)
        put_element(&m, c, i, board_clamp(value[i]));
    put(&m, "---\n\n");
    put(&m, content_string(c, "app.credit"));
    put(&m, "\n");
    if (m.failed) {
        free(m.buf);
        return NULL;
    }
    if (len)
        *len = m.len;
    return m.buf;
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
