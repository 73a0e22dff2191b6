/* content: parse the four content files (elements, habits, questions, UI
 * strings with the two overlays) into struct content, resolve habit ids,
 * check completeness.
 *
 * The keys of each section are tables (element_fields, zone_fields,
 * habit_fields): parsing, the missing-field checks, the completeness check
 * and freeing all walk the same table, so a new field is one line. */
#include "content.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ini_lines.h"
#include "str.h"

enum kind { KIND_ELEMENTS, KIND_HABITS, KIND_QUESTIONS, KIND_UI, KIND_NONE };

static const char *const kind_file[] = {"elements.ini", "habits.ini",
                                        "questions.ini", "ui.ini"};

/* One text field of a section: its key, where it lives in the section's
 * struct, its length limit in characters (0: none). */
struct field {
    const char *key;
    size_t offset;
    int max;
};

#define FIELD(type, member, key, max) {key, offsetof(type, member), max}

/* [goals]. The label has its own character check besides its length. */
static const struct field element_fields[] = {
    FIELD(struct element_text, name, "name", 0),
    FIELD(struct element_text, label, "label", CONTENT_LABEL_MAX),
    FIELD(struct element_text, purpose, "purpose", CONTENT_PURPOSE_MAX),
};

/* [goals.co-created], besides "habits" (a list, resolved later). */
static const struct field zone_fields[] = {
    FIELD(struct zone_text, teacher, "teacher", 0),
    FIELD(struct zone_text, students, "students", 0),
    FIELD(struct zone_text, teacher_brief, "teacher-brief",
          CONTENT_BRIEF_MAX),
    FIELD(struct zone_text, students_brief, "students-brief",
          CONTENT_BRIEF_MAX),
    FIELD(struct zone_text, example, "example", 0),
};

/* [thinking-flexibly] in habits.ini. */
static const struct field habit_fields[] = {
    FIELD(struct habit_text, name, "name", 0),
    FIELD(struct habit_text, short_name, "short", CONTENT_SHORT_MAX),
    FIELD(struct habit_text, description, "description",
          CONTENT_DESCRIPTION_MAX),
};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* UI strings with a length limit (they must fit where they are drawn). */
static const struct {
    const char *key;
    int max;
} string_limits[] = {
    {"app.tagline", CONTENT_TAGLINE_MAX},
    {"about.title", CONTENT_TITLE_MAX},
    {"misunderstandings.title", CONTENT_TITLE_MAX},
    {"misunderstandings.instead", CONTENT_TITLE_MAX},
};

static char **field_at(void *base, const struct field *f)
{
    return (char **)(void *)((char *)base + f->offset);
}

static const struct field *field_find(const struct field *table, int n,
                                      const char *key)
{
    for (int i = 0; i < n; i++)
        if (strcmp(table[i].key, key) == 0)
            return &table[i];
    return NULL;
}

/* "name, label or purpose" (plus `extra`, if any, as the last one). */
static void field_list(const struct field *table, int n, const char *extra,
                       char *out, size_t size)
{
    int total = n + (extra != NULL);
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < total && used < size; i++) {
        const char *key = i < n ? table[i].key : extra;
        const char *sep = i == 0 ? "" : i == total - 1 ? " or " : ", ";
        used += (size_t)snprintf(out + used, size - used, "%s%s", sep, key);
    }
}

/* Where a zone's habit list was written, kept until every file is read. */
struct pending_habits {
    char *raw;        /* "questioning, thinking-flexibly" */
    const char *file; /* borrowed from the caller's content_file */
    int line;
};

/* First line and file of a section seen, to report its gaps there. */
struct seen {
    const char *file;
    int line;
};

struct parse {
    struct content *c;
    struct diag_list *diag;
    const char *file; /* name of the file being read */
    enum kind kind;
    char **last;      /* field the last accepted value went to */
    int last_max;     /* its length limit in characters, 0 for none */
    int string_cap;   /* allocated entries in c->string */
    int errors;       /* errors found by this module (not ini_lines) */
    struct pending_habits habits[BOARD_ELEMENTS][ZONE_COUNT];
    /* A section that appears but lacks a field is reported at its first
     * line (line 0: not seen). */
    struct seen element[BOARD_ELEMENTS];
    struct seen zone[BOARD_ELEMENTS][ZONE_COUNT];
    struct seen habit[CONTENT_HABITS];
    struct seen questions, about, misunderstandings;
    /* Fields whose value was given but rejected: already reported, so
     * not reported again as missing. */
    char **rejected[128];
    int rejected_count;
};

/* Reports an error found after ini_lines has returned (it counts only the
 * failures of values as they arrive). */
static void error(struct parse *p, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void error(struct parse *p, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(p->diag, p->file, line, fmt, ap);
    va_end(ap);
    p->errors++;
}

static void see(struct parse *p, struct seen *s, int line)
{
    if (!s->line)
        *s = (struct seen){p->file, line};
}

static void reject(struct parse *p, char **field)
{
    if (p->rejected_count < COUNT(p->rejected))
        p->rejected[p->rejected_count++] = field;
}

/* Stores a new value in *field, or reports why it cannot. `max` limits its
 * length in characters (0: no limit). */
static bool set_field(struct parse *p, char **field, const char *section,
                      const char *key, const char *value, int line, int max)
{
    p->last = NULL;
    if (*field) {
        diag_add(p->diag, p->file, line, "'%s' is given twice in [%s]", key,
                 section);
        return false;
    }
    if (!*value) {
        diag_add(p->diag, p->file, line, "'%s' in [%s] is empty", key,
                 section);
        reject(p, field);
        return false;
    }
    if (max && str_chars(value) > max) {
        diag_add(p->diag, p->file, line,
                 "'%s' in [%s] is %d characters long: at most %d fit", key,
                 section, str_chars(value), max);
        reject(p, field);
        return false;
    }
    *field = str_dup(value);
    p->last = field;
    p->last_max = max;
    return true;
}

/* An indented line continues the last value (joined with one blank). A
 * continuation of a rejected value is dropped quietly: its first line was
 * already reported. */
static bool continue_field(struct parse *p, const char *section,
                           const char *key, const char *value, int line)
{
    if (!p->last)
        return true;
    *p->last = str_append_word(*p->last, value);
    if (p->last_max && str_chars(*p->last) > p->last_max) {
        diag_add(p->diag, p->file, line,
                 "'%s' in [%s] is %d characters long: at most %d fit", key,
                 section, str_chars(*p->last), p->last_max);
        free(*p->last);
        *p->last = NULL;
        reject(p, p->last);
        p->last = NULL;
        return false;
    }
    return true;
}

/* A key of `table` into its field of `base`, or an "unknown setting"
 * report naming the keys expected (`extra` is one more, handled by the
 * caller). */
static bool table_value(struct parse *p, void *base,
                        const struct field *table, int n, const char *extra,
                        const char *section, const char *key,
                        const char *value, int line)
{
    const struct field *f = field_find(table, n, key);
    if (f)
        return set_field(p, field_at(base, f), section, key, value, line,
                         f->max);
    char expected[256];
    field_list(table, n, extra, expected, sizeof expected);
    p->last = NULL;
    diag_add(p->diag, p->file, line,
             "unknown setting '%s' in [%s] (expected %s)", key, section,
             expected);
    return false;
}

static bool label_is_valid(const char *s)
{
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')
              || *s == ' ' || *s == '-'))
            return false;
    return true;
}

/* [goals]: name, label, purpose. */
static bool element_value(struct parse *p, int e, const char *section,
                          const char *key, const char *value, int line)
{
    struct element_text *et = &p->c->element[e];
    see(p, &p->element[e], line);
    if (strcmp(key, "label") == 0 && !label_is_valid(value)) {
        p->last = NULL;
        reject(p, &et->label);
        diag_add(p->diag, p->file, line,
                 "label '%s' in [%s] must be upper-case ASCII letters, "
                 "digits, blanks or hyphens", value, section);
        return false;
    }
    return table_value(p, et, element_fields, COUNT(element_fields), NULL,
                       section, key, value, line);
}

/* [goals.co-created]: the zone fields and habits. */
static bool zone_value(struct parse *p, int e, int z, const char *section,
                       const char *key, const char *value, int line)
{
    see(p, &p->zone[e][z], line);
    if (strcmp(key, "habits") == 0) {
        struct pending_habits *ph = &p->habits[e][z];
        if (!set_field(p, &ph->raw, section, key, value, line, 0))
            return false;
        ph->file = p->file;
        ph->line = line;
        return true;
    }
    return table_value(p, &p->c->element[e].zone[z], zone_fields,
                       COUNT(zone_fields), "habits", section, key, value,
                       line);
}

static bool elements_value(struct parse *p, const char *section,
                           const char *key, const char *value, int line)
{
    char id[64];
    snprintf(id, sizeof id, "%s", section);
    char *dot = strchr(id, '.');
    if (dot)
        *dot = '\0';
    int e = board_element_index(id);
    if (e < 0) {
        p->last = NULL;
        diag_add(p->diag, p->file, line,
                 "unknown element '%s' in [%s] (expected goals, inquiry, "
                 "task, evaluation, feedback, plan or demonstration)", id,
                 section);
        return false;
    }
    if (!dot)
        return element_value(p, e, section, key, value, line);
    int z = zone_from_id(dot + 1);
    if (z < 0) {
        p->last = NULL;
        diag_add(p->diag, p->file, line,
                 "unknown zone '%s' in [%s] (expected teacher-generated, "
                 "co-created or student-generated)", dot + 1, section);
        return false;
    }
    return zone_value(p, e, z, section, key, value, line);
}

static bool habit_id_is_valid(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || *s == '-'))
            return false;
    return true;
}

/* [thinking-flexibly]: name, short, description. */
static bool habits_value(struct parse *p, const char *section,
                         const char *key, const char *value, int line)
{
    struct content *c = p->c;
    p->last = NULL;
    if (!habit_id_is_valid(section)) {
        diag_add(p->diag, p->file, line,
                 "habit id [%s] must be lower-case letters and hyphens",
                 section);
        return false;
    }
    int h = content_habit_index(c, section);
    if (h < 0) {
        if (c->habit_count == CONTENT_HABITS) {
            diag_add(p->diag, p->file, line,
                     "[%s] would be habit number %d: there are sixteen",
                     section, c->habit_count + 1);
            return false;
        }
        h = c->habit_count++;
        c->habit[h].id = str_dup(section);
    }
    see(p, &p->habit[h], line);
    return table_value(p, &c->habit[h], habit_fields, COUNT(habit_fields),
                       NULL, section, key, value, line);
}

static struct ui_string *find_string(const struct content *c,
                                     const char *key)
{
    for (int i = 0; i < c->string_count; i++)
        if (strcmp(c->string[i].key, key) == 0)
            return &c->string[i];
    return NULL;
}

static int string_limit(const char *full)
{
    for (int i = 0; i < COUNT(string_limits); i++)
        if (strcmp(string_limits[i].key, full) == 0)
            return string_limits[i].max;
    return 0;
}

/* A UI string "section.key"; ui.ini and questions.ini's title and intro
 * share this table. */
static bool string_value(struct parse *p, const char *section,
                         const char *key, const char *value, int line)
{
    struct content *c = p->c;
    char full[256];
    p->last = NULL;
    if (!*section) {
        diag_add(p->diag, p->file, line, "'%s' must be inside a [section]",
                 key);
        return false;
    }
    snprintf(full, sizeof full, "%s.%s", section, key);
    struct ui_string *s = find_string(c, full);
    if (!s) {
        if (c->string_count == p->string_cap) {
            p->string_cap = p->string_cap ? 2 * p->string_cap : 32;
            c->string = realloc(c->string,
                                sizeof *c->string * (size_t)p->string_cap);
            if (!c->string)
                abort();
        }
        s = &c->string[c->string_count++];
        *s = (struct ui_string){.key = str_dup(full)};
    }
    return set_field(p, &s->value, section, key, value, line,
                     string_limit(full));
}

/* "3" or, with suffix "-instead", "3-instead": the number 1..max, else 0.
 * With prefix "source-": "source-2". */
static int numbered_key(const char *key, const char *prefix,
                        const char *suffix, int max)
{
    size_t pl = strlen(prefix);
    if (strncmp(key, prefix, pl) != 0)
        return 0;
    key += pl;
    if (key[0] < '1' || key[0] > '9' || strcmp(key + 1, suffix) != 0)
        return 0;
    int n = key[0] - '0';
    return n <= max ? n : 0;
}

/* [about]: title, 1 .. 8, credit, sources, source-1 .. source-4. */
static bool about_value(struct parse *p, const char *key, const char *value,
                        int line)
{
    see(p, &p->about, line);
    if (strcmp(key, "title") == 0 || strcmp(key, "credit") == 0
        || strcmp(key, "sources") == 0
        || numbered_key(key, "", "", CONTENT_ABOUT_PARAGRAPHS)
        || numbered_key(key, "source-", "", CONTENT_SOURCES))
        return string_value(p, "about", key, value, line);
    p->last = NULL;
    diag_add(p->diag, p->file, line,
             "unknown setting '%s' in [about] (expected title, 1 to %d, "
             "credit, sources or source-1 to source-%d)", key,
             CONTENT_ABOUT_PARAGRAPHS, CONTENT_SOURCES);
    return false;
}

/* [misunderstandings]: title, intro, instead, 1 .. 3, 1-instead ..
 * 3-instead. */
static bool misunderstandings_value(struct parse *p, const char *key,
                                    const char *value, int line)
{
    see(p, &p->misunderstandings, line);
    if (strcmp(key, "title") == 0 || strcmp(key, "intro") == 0
        || strcmp(key, "instead") == 0
        || numbered_key(key, "", "", CONTENT_MISUNDERSTANDINGS)
        || numbered_key(key, "", "-instead", CONTENT_MISUNDERSTANDINGS))
        return string_value(p, "misunderstandings", key, value, line);
    p->last = NULL;
    diag_add(p->diag, p->file, line,
             "unknown setting '%s' in [misunderstandings] (expected title, "
             "intro, instead, 1 to %d or 1-instead to %d-instead)", key,
             CONTENT_MISUNDERSTANDINGS, CONTENT_MISUNDERSTANDINGS);
    return false;
}

static bool ui_value(struct parse *p, const char *section, const char *key,
                     const char *value, int line)
{
    if (strcmp(section, "about") == 0)
        return about_value(p, key, value, line);
    if (strcmp(section, "misunderstandings") == 0)
        return misunderstandings_value(p, key, value, line);
    return string_value(p, section, key, value, line);
}

/* [questions]: title, intro (UI strings questions.title and
 * questions.intro), 1..4. */
static bool questions_value(struct parse *p, const char *section,
                            const char *key, const char *value, int line)
{
    p->last = NULL;
    if (strcmp(section, "questions") != 0) {
        diag_add(p->diag, p->file, line,
                 "unknown section [%s] (expected [questions])", section);
        return false;
    }
    see(p, &p->questions, line);
    if (strcmp(key, "title") == 0 || strcmp(key, "intro") == 0)
        return string_value(p, section, key, value, line);
    int q = numbered_key(key, "", "", CONTENT_QUESTIONS);
    if (q)
        return set_field(p, &p->c->question[q - 1], section, key, value,
                         line, 0);
    diag_add(p->diag, p->file, line,
             "unknown setting '%s' in [questions] (expected title, intro or "
             "1 to %d)", key, CONTENT_QUESTIONS);
    return false;
}

static bool on_value(void *user, const char *section, const char *key,
                     const char *value, int line, bool continuation)
{
    struct parse *p = user;
    if (continuation)
        return continue_field(p, section, key, value, line);
    switch (p->kind) {
    case KIND_ELEMENTS:
        return elements_value(p, section, key, value, line);
    case KIND_HABITS:
        return habits_value(p, section, key, value, line);
    case KIND_QUESTIONS:
        return questions_value(p, section, key, value, line);
    case KIND_UI:
        return ui_value(p, section, key, value, line);
    default:
        return false;
    }
}

static enum kind kind_of(const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    for (int k = 0; k < KIND_NONE; k++)
        if (strcmp(base, kind_file[k]) == 0)
            return (enum kind)k;
    return KIND_NONE;
}

/* Turns each zone's "a, b, c" into habit indexes, now that every habit is
 * known, and holds each position to CONTENT_POSITION_HABITS. */
static void resolve_habits(struct parse *p)
{
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        for (int z = 0; z < ZONE_COUNT; z++) {
            struct pending_habits *ph = &p->habits[e][z];
            struct zone_text *zt = &p->c->element[e].zone[z];
            if (!ph->raw)
                continue;
            p->file = ph->file;
            int named = 0;
            for (char *tok = ph->raw, *next; tok; tok = next) {
                next = strchr(tok, ',');
                if (next)
                    *next++ = '\0';
                while (*tok == ' ' || *tok == '\t')
                    tok++;
                char *end = tok + strlen(tok);
                while (end > tok && (end[-1] == ' ' || end[-1] == '\t'))
                    *--end = '\0';
                int h = content_habit_index(p->c, tok);
                bool again = false;
                for (int i = 0; i < zt->habit_count; i++)
                    again |= zt->habit[i] == h;
                named += *tok != '\0';
                if (!*tok)
                    error(p, ph->line, "an empty name in the habits of "
                                       "[%s.%s]", board_element_id(e),
                          zone_id(z));
                else if (h < 0)
                    error(p, ph->line, "unknown habit '%s' in [%s.%s] (see "
                                       "habits.ini)", tok,
                          board_element_id(e), zone_id(z));
                else if (again)
                    error(p, ph->line, "habit '%s' is listed twice in [%s.%s]",
                          tok, board_element_id(e), zone_id(z));
                else if (zt->habit_count == CONTENT_ZONE_HABITS)
                    error(p, ph->line, "more than six habits for [%s.%s]",
                          board_element_id(e), zone_id(z));
                else
                    zt->habit[zt->habit_count++] = h;
            }
            if (named != CONTENT_POSITION_HABITS)
                error(p, ph->line,
                      "[%s.%s] names %d habit%s: every position names "
                      "exactly %d, so the meter bridge shows which habits a "
                      "mix calls on, not how many", board_element_id(e),
                      zone_id(z), named, named == 1 ? "" : "s",
                      CONTENT_POSITION_HABITS);
            free(ph->raw);
            ph->raw = NULL;
        }
    }
}

static void missing(struct parse *p, const struct seen *s,
                    char *const *field, const char *section, const char *key)
{
    if (*field || !s->line)
        return;
    for (int i = 0; i < p->rejected_count; i++)
        if (p->rejected[i] == field)
            return;
    p->file = s->file;
    error(p, s->line, "[%s] has no '%s'", section, key);
}

static void missing_fields(struct parse *p, const struct seen *s, void *base,
                           const struct field *table, int n,
                           const char *section)
{
    for (int i = 0; i < n; i++)
        missing(p, s, field_at(base, &table[i]), section, table[i].key);
}

/* A section that appears in a file must be whole: each gap is reported at
 * the section's first line. */
static void check_sections(struct parse *p)
{
    struct content *c = p->c;
    char section[64];
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        struct element_text *et = &c->element[e];
        const char *id = board_element_id(e);
        missing_fields(p, &p->element[e], et, element_fields,
                       COUNT(element_fields), id);
        for (int z = 0; z < ZONE_COUNT; z++) {
            snprintf(section, sizeof section, "%s.%s", id, zone_id(z));
            missing_fields(p, &p->zone[e][z], &et->zone[z], zone_fields,
                           COUNT(zone_fields), section);
            missing(p, &p->zone[e][z], &p->habits[e][z].raw, section,
                    "habits");
        }
    }
    for (int h = 0; h < c->habit_count; h++)
        missing_fields(p, &p->habit[h], &c->habit[h], habit_fields,
                       COUNT(habit_fields), c->habit[h].id);
    for (int q = 0; q < CONTENT_QUESTIONS; q++) {
        char key[2] = {(char)('1' + q), '\0'};
        missing(p, &p->questions, &c->question[q], "questions", key);
    }
}

static int compare_strings(const void *a, const void *b)
{
    const struct ui_string *x = a, *y = b;
    return strcmp(x->key, y->key);
}

/* The value of UI string "section.key", or NULL. */
static const char *string_or_null(const struct content *c,
                                  const char *section, const char *key)
{
    char full[128];
    snprintf(full, sizeof full, "%s.%s", section, key);
    const char *v = content_string(c, full);
    return v == full ? NULL : v;
}

/* Numbered texts section.1 .. section.max (with prefix, e.g. "source-")
 * into out[], in order; a gap is reported at the section's first line. */
static int gather(struct parse *p, const struct seen *s, const char *section,
                  const char *prefix, const char *suffix, int max,
                  const char **out)
{
    int n = 0, last = 0;
    for (int i = 1; i <= max; i++) {
        char key[32];
        snprintf(key, sizeof key, "%s%d%s", prefix, i, suffix);
        const char *v = string_or_null(p->c, section, key);
        if (!v)
            continue;
        if (i != last + 1 && s->line) {
            p->file = s->file;
            error(p, s->line, "[%s] has '%s' but no '%s%d%s'", section, key,
                  prefix, last + 1, suffix);
        }
        last = i;
        out[n++] = v;
    }
    return n;
}

/* The two overlays, from the UI strings (which are sorted by now). */
static void build_overlays(struct parse *p)
{
    struct content *c = p->c;
    struct content_about *a = &c->about;
    a->title = string_or_null(c, "about", "title");
    a->credit = string_or_null(c, "about", "credit");
    a->sources_heading = string_or_null(c, "about", "sources");
    a->paragraph_count = gather(p, &p->about, "about", "", "",
                                CONTENT_ABOUT_PARAGRAPHS, a->paragraph);
    a->source_count = gather(p, &p->about, "about", "source-", "",
                             CONTENT_SOURCES, a->source);

    struct content_misunderstandings *m = &c->misunderstandings;
    m->title = string_or_null(c, "misunderstandings", "title");
    m->intro = string_or_null(c, "misunderstandings", "intro");
    m->instead_label = string_or_null(c, "misunderstandings", "instead");
    for (int i = 1; i <= CONTENT_MISUNDERSTANDINGS; i++) {
        char key[32], instead[32];
        snprintf(key, sizeof key, "%d", i);
        snprintf(instead, sizeof instead, "%d-instead", i);
        const char *claim = string_or_null(c, "misunderstandings", key);
        const char *todo = string_or_null(c, "misunderstandings", instead);
        if (!claim && !todo)
            continue;
        if ((!claim || !todo) && p->misunderstandings.line) {
            p->file = p->misunderstandings.file;
            error(p, p->misunderstandings.line,
                  "[misunderstandings] has '%s' but no '%s'",
                  claim ? key : instead, claim ? instead : key);
        }
        if (claim && todo)
            m->item[m->count++] =
                (struct content_misunderstanding){claim, todo};
    }
}

bool content_parse(struct content *c, const struct content_file *files,
                   int file_count, struct diag_list *diag)
{
    memset(c, 0, sizeof *c);
    struct parse *p = calloc(1, sizeof *p);
    if (!p)
        abort();
    p->c = c;
    p->diag = diag;
    int errors = 0;
    for (int i = 0; i < file_count; i++) {
        p->file = files[i].name;
        p->kind = kind_of(files[i].name);
        p->last = NULL;
        if (p->kind == KIND_NONE) {
            diag_add(diag, files[i].name, 0,
                     "not a content file (expected elements.ini, "
                     "habits.ini, questions.ini or ui.ini)");
            errors++;
            continue;
        }
        errors += ini_lines_parse(files[i].text, files[i].len,
                                  files[i].name, on_value, p, diag);
    }
    check_sections(p);
    resolve_habits(p);
    /* Questions are shown in order: close any gap (reported above). */
    for (int q = 0; q < CONTENT_QUESTIONS; q++)
        if (c->question[q])
            c->question[c->question_count++] = c->question[q];
    for (int q = c->question_count; q < CONTENT_QUESTIONS; q++)
        c->question[q] = NULL;
    /* Drop UI strings whose value was rejected, then sort for bsearch. */
    int kept = 0;
    for (int i = 0; i < c->string_count; i++) {
        if (c->string[i].value)
            c->string[kept++] = c->string[i];
        else
            free(c->string[i].key);
    }
    c->string_count = kept;
    if (kept)
        qsort(c->string, (size_t)kept, sizeof *c->string, compare_strings);
    build_overlays(p);
    errors += p->errors;
    free(p);
    return errors == 0;
}

static void gap(struct diag_list *diag, const char *where, int *gaps,
                const char *what, const char *section, const char *key)
{
    diag_add(diag, where, 0, "%s [%s] has no '%s'", what, section, key);
    (*gaps)++;
}

static void gap_fields(struct diag_list *diag, const char *where, int *gaps,
                       const char *what, const void *base,
                       const struct field *table, int n, const char *section)
{
    for (int i = 0; i < n; i++)
        if (!*field_at((void *)base, &table[i]))
            gap(diag, where, gaps, what, section, table[i].key);
}

bool content_check_complete(const struct content *c, const char *where,
                            struct diag_list *diag)
{
    int gaps = 0;
    char section[64];
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        const struct element_text *et = &c->element[e];
        const char *id = board_element_id(e);
        gap_fields(diag, where, &gaps, "elements.ini", et, element_fields,
                   COUNT(element_fields), id);
        if (et->label && str_chars(et->label) > CONTENT_LABEL_MAX) {
            diag_add(diag, where, 0, "elements.ini [%s] label '%s' is "
                     "longer than %d characters", id, et->label,
                     CONTENT_LABEL_MAX);
            gaps++;
        }
        for (int z = 0; z < ZONE_COUNT; z++) {
            const struct zone_text *zt = &et->zone[z];
            snprintf(section, sizeof section, "%s.%s", id, zone_id(z));
            gap_fields(diag, where, &gaps, "elements.ini", zt, zone_fields,
                       COUNT(zone_fields), section);
            if (zt->habit_count < 1)
                gap(diag, where, &gaps, "elements.ini", section, "habits");
            else if (zt->habit_count != CONTENT_POSITION_HABITS) {
                diag_add(diag, where, 0, "elements.ini [%s] has %d habits, "
                         "not %d", section, zt->habit_count,
                         CONTENT_POSITION_HABITS);
                gaps++;
            }
        }
    }
    if (c->habit_count != CONTENT_HABITS) {
        diag_add(diag, where, 0, "habits.ini has %d habits, not %d",
                 c->habit_count, CONTENT_HABITS);
        gaps++;
    }
    for (int h = 0; h < c->habit_count; h++)
        gap_fields(diag, where, &gaps, "habits.ini", &c->habit[h],
                   habit_fields, COUNT(habit_fields), c->habit[h].id);
    if (c->question_count != CONTENT_QUESTIONS) {
        diag_add(diag, where, 0, "questions.ini has %d questions, not %d",
                 c->question_count, CONTENT_QUESTIONS);
        gaps++;
    }
    if (!string_or_null(c, "app", "tagline"))
        gap(diag, where, &gaps, "ui.ini", "app", "tagline");
    const struct content_about *a = &c->about;
    if (!a->title)
        gap(diag, where, &gaps, "ui.ini", "about", "title");
    if (a->paragraph_count < 1)
        gap(diag, where, &gaps, "ui.ini", "about", "1");
    if (!a->credit)
        gap(diag, where, &gaps, "ui.ini", "about", "credit");
    if (!a->sources_heading)
        gap(diag, where, &gaps, "ui.ini", "about", "sources");
    if (a->source_count < 1)
        gap(diag, where, &gaps, "ui.ini", "about", "source-1");
    const struct content_misunderstandings *m = &c->misunderstandings;
    if (!m->title)
        gap(diag, where, &gaps, "ui.ini", "misunderstandings", "title");
    if (!m->intro)
        gap(diag, where, &gaps, "ui.ini", "misunderstandings", "intro");
    if (!m->instead_label)
        gap(diag, where, &gaps, "ui.ini", "misunderstandings", "instead");
    if (m->count != CONTENT_MISUNDERSTANDINGS) {
        diag_add(diag, where, 0, "ui.ini [misunderstandings] has %d "
                 "misunderstandings with what to do instead, not %d",
                 m->count, CONTENT_MISUNDERSTANDINGS);
        gaps++;
    }
    return gaps == 0;
}

const char *content_string(const struct content *c, const char *key)
{
    if (!c || !key || !c->string_count)
        return key;
    struct ui_string probe = {.key = (char *)key};
    const struct ui_string *s =
        bsearch(&probe, c->string, (size_t)c->string_count,
                sizeof *c->string, compare_strings);
    return s ? s->value : key;
}

int content_habit_index(const struct content *c, const char *id)
{
    for (int i = 0; id && i < c->habit_count; i++)
        if (strcmp(c->habit[i].id, id) == 0)
            return i;
    return -1;
}

void content_habit_counts(const struct content *c,
                          const enum zone zone[BOARD_ELEMENTS],
                          int counts[CONTENT_HABITS])
{
    memset(counts, 0, CONTENT_HABITS * sizeof counts[0]);
    for (int e = 0; c && e < BOARD_ELEMENTS; e++) {
        if (zone[e] < 0 || zone[e] >= ZONE_COUNT)
            continue;
        const struct zone_text *zt = &c->element[e].zone[zone[e]];
        bool seen[CONTENT_HABITS] = {false};
        for (int i = 0; i < zt->habit_count && i < CONTENT_ZONE_HABITS;
             i++) {
            int h = zt->habit[i];
            if (h >= 0 && h < CONTENT_HABITS && !seen[h]) {
                seen[h] = true;
                counts[h]++;
            }
        }
    }
}

static void free_fields(void *base, const struct field *table, int n)
{
    for (int i = 0; i < n; i++)
        free(*field_at(base, &table[i]));
}

void content_free(struct content *c)
{
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        struct element_text *et = &c->element[e];
        free_fields(et, element_fields, COUNT(element_fields));
        for (int z = 0; z < ZONE_COUNT; z++)
            free_fields(&et->zone[z], zone_fields, COUNT(zone_fields));
    }
    for (int h = 0; h < c->habit_count; h++) {
        free(c->habit[h].id);
        free_fields(&c->habit[h], habit_fields, COUNT(habit_fields));
    }
    for (int q = 0; q < CONTENT_QUESTIONS; q++)
        free(c->question[q]);
    for (int i = 0; i < c->string_count; i++) {
        free(c->string[i].key);
        free(c->string[i].value);
    }
    free(c->string);
    memset(c, 0, sizeof *c);
}
