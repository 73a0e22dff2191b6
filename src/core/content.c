/* content: parse the four content files (elements, habits, questions, UI
 * strings) into struct content, resolve habit ids, check completeness. */
#include "content.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ini_lines.h"
#include "str.h"

enum kind { KIND_ELEMENTS, KIND_HABITS, KIND_QUESTIONS, KIND_UI, KIND_NONE };

static const char *const kind_file[] = {"elements.ini", "habits.ini",
                                        "questions.ini", "ui.ini"};

/* Where a zone's habit list was written, kept until every file is read. */
struct pending_habits {
    char *raw;        /* "questioning, thinking-flexibly" */
    const char *file; /* borrowed from the caller's content_file */
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
    /* Line of the first value of each section seen, 0 if not seen: a
     * section that appears but lacks a field is reported there. */
    int element_line[BOARD_ELEMENTS];
    int zone_line[BOARD_ELEMENTS][ZONE_COUNT];
    const char *element_file;
    int habit_line[CONTENT_HABITS];
    const char *habit_file;
    int questions_line;
    const char *questions_file;
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

/* Stores a new value in *field, or reports why it cannot. `max` limits its
 * length in characters (0: no limit). */
static void reject(struct parse *p, char **field)
{
    if (p->rejected_count < (int)(sizeof p->rejected / sizeof p->rejected[0]))
        p->rejected[p->rejected_count++] = field;
}

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

static bool label_is_valid(const char *s)
{
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')
              || *s == ' ' || *s == '-'))
            return false;
    return true;
}

/* [goals]: name, label. */
static bool element_value(struct parse *p, int e, const char *section,
                          const char *key, const char *value, int line)
{
    struct element_text *et = &p->c->element[e];
    if (!p->element_line[e])
        p->element_line[e] = line;
    p->element_file = p->file;
    if (strcmp(key, "name") == 0)
        return set_field(p, &et->name, section, key, value, line, 0);
    if (strcmp(key, "label") == 0) {
        if (!label_is_valid(value)) {
            p->last = NULL;
            reject(p, &et->label);
            diag_add(p->diag, p->file, line,
                     "label '%s' in [%s] must be upper-case ASCII letters, "
                     "digits, blanks or hyphens", value, section);
            return false;
        }
        return set_field(p, &et->label, section, key, value, line,
                         CONTENT_LABEL_MAX);
    }
    p->last = NULL;
    diag_add(p->diag, p->file, line,
             "unknown setting '%s' in [%s] (expected name or label)", key,
             section);
    return false;
}

/* [goals.co-created]: teacher, students, teacher-brief, students-brief,
 * example, habits. */
static bool zone_value(struct parse *p, int e, int z, const char *section,
                       const char *key, const char *value, int line)
{
    struct zone_text *zt = &p->c->element[e].zone[z];
    if (!p->zone_line[e][z])
        p->zone_line[e][z] = line;
    p->element_file = p->file;
    if (strcmp(key, "teacher") == 0)
        return set_field(p, &zt->teacher, section, key, value, line, 0);
    if (strcmp(key, "students") == 0)
        return set_field(p, &zt->students, section, key, value, line, 0);
    if (strcmp(key, "teacher-brief") == 0)
        return set_field(p, &zt->teacher_brief, section, key, value, line,
                         CONTENT_BRIEF_MAX);
    if (strcmp(key, "students-brief") == 0)
        return set_field(p, &zt->students_brief, section, key, value, line,
                         CONTENT_BRIEF_MAX);
    if (strcmp(key, "example") == 0)
        return set_field(p, &zt->example, section, key, value, line, 0);
    if (strcmp(key, "habits") == 0) {
        struct pending_habits *ph = &p->habits[e][z];
        if (!set_field(p, &ph->raw, section, key, value, line, 0))
            return false;
        ph->file = p->file;
        ph->line = line;
        return true;
    }
    p->last = NULL;
    diag_add(p->diag, p->file, line,
             "unknown setting '%s' in [%s] (expected teacher, students, "
             "teacher-brief, students-brief, example or habits)", key,
             section);
    return false;
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
    if (!p->habit_line[h])
        p->habit_line[h] = line;
    p->habit_file = p->file;
    struct habit_text *ht = &c->habit[h];
    if (strcmp(key, "name") == 0)
        return set_field(p, &ht->name, section, key, value, line, 0);
    if (strcmp(key, "short") == 0)
        return set_field(p, &ht->short_name, section, key, value, line,
                         CONTENT_SHORT_MAX);
    if (strcmp(key, "description") == 0)
        return set_field(p, &ht->description, section, key, value, line,
                         CONTENT_DESCRIPTION_MAX);
    diag_add(p->diag, p->file, line,
             "unknown setting '%s' in [%s] (expected name, short or "
             "description)", key, section);
    return false;
}

static struct ui_string *find_string(const struct content *c,
                                     const char *key)
{
    for (int i = 0; i < c->string_count; i++)
        if (strcmp(c->string[i].key, key) == 0)
            return &c->string[i];
    return NULL;
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
    return set_field(p, &s->value, section, key, value, line, 0);
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
    if (!p->questions_line)
        p->questions_line = line;
    p->questions_file = p->file;
    if (strcmp(key, "title") == 0 || strcmp(key, "intro") == 0)
        return string_value(p, section, key, value, line);
    if (key[0] >= '1' && key[0] < '1' + CONTENT_QUESTIONS && !key[1])
        return set_field(p, &p->c->question[key[0] - '1'], section, key,
                         value, line, 0);
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
        return string_value(p, section, key, value, line);
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
 * known. */
static void resolve_habits(struct parse *p)
{
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        for (int z = 0; z < ZONE_COUNT; z++) {
            struct pending_habits *ph = &p->habits[e][z];
            struct zone_text *zt = &p->c->element[e].zone[z];
            if (!ph->raw)
                continue;
            p->file = ph->file;
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
            free(ph->raw);
            ph->raw = NULL;
        }
    }
}

static void missing(struct parse *p, const char *file, int line,
                    char *const *field, const char *section, const char *key)
{
    if (*field)
        return;
    for (int i = 0; i < p->rejected_count; i++)
        if (p->rejected[i] == field)
            return;
    p->file = file;
    error(p, line, "[%s] has no '%s'", section, key);
}

/* A section that appears in a file must be whole: each gap is reported at
 * the section's first line. */
static void check_sections(struct parse *p)
{
    static const char *const zone_keys[] = {
        "teacher", "students", "teacher-brief", "students-brief", "example",
    };
    struct content *c = p->c;
    char section[64];
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        struct element_text *et = &c->element[e];
        const char *id = board_element_id(e);
        if (p->element_line[e]) {
            missing(p, p->element_file, p->element_line[e], &et->name, id,
                    "name");
            missing(p, p->element_file, p->element_line[e], &et->label, id,
                    "label");
        }
        for (int z = 0; z < ZONE_COUNT; z++) {
            struct zone_text *zt = &et->zone[z];
            char *const *field[] = {&zt->teacher, &zt->students,
                                    &zt->teacher_brief, &zt->students_brief,
                                    &zt->example};
            int line = p->zone_line[e][z];
            if (!line)
                continue;
            snprintf(section, sizeof section, "%s.%s", id, zone_id(z));
            for (int k = 0; k < 5; k++)
                missing(p, p->element_file, line, field[k], section,
                        zone_keys[k]);
            missing(p, p->element_file, line, &p->habits[e][z].raw, section,
                    "habits");
        }
    }
    for (int h = 0; h < c->habit_count; h++) {
        struct habit_text *ht = &c->habit[h];
        missing(p, p->habit_file, p->habit_line[h], &ht->name, ht->id, "name");
        missing(p, p->habit_file, p->habit_line[h], &ht->short_name, ht->id,
                "short");
        missing(p, p->habit_file, p->habit_line[h], &ht->description, ht->id,
                "description");
    }
    for (int q = 0; p->questions_line && q < CONTENT_QUESTIONS; q++) {
        char key[2] = {(char)('1' + q), '\0'};
        missing(p, p->questions_file, p->questions_line, &c->question[q],
                "questions", key);
    }
}

static int compare_strings(const void *a, const void *b)
{
    const struct ui_string *x = a, *y = b;
    return strcmp(x->key, y->key);
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

bool content_check_complete(const struct content *c, const char *where,
                            struct diag_list *diag)
{
    int gaps = 0;
    char section[64];
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        const struct element_text *et = &c->element[e];
        const char *id = board_element_id(e);
        if (!et->name)
            gap(diag, where, &gaps, "elements.ini", id, "name");
        if (!et->label)
            gap(diag, where, &gaps, "elements.ini", id, "label");
        else if (str_chars(et->label) > CONTENT_LABEL_MAX) {
            diag_add(diag, where, 0, "elements.ini [%s] label '%s' is "
                     "longer than %d characters", id, et->label,
                     CONTENT_LABEL_MAX);
            gaps++;
        }
        for (int z = 0; z < ZONE_COUNT; z++) {
            const struct zone_text *zt = &et->zone[z];
            snprintf(section, sizeof section, "%s.%s", id, zone_id(z));
            if (!zt->teacher)
                gap(diag, where, &gaps, "elements.ini", section, "teacher");
            if (!zt->students)
                gap(diag, where, &gaps, "elements.ini", section, "students");
            if (!zt->teacher_brief)
                gap(diag, where, &gaps, "elements.ini", section,
                    "teacher-brief");
            if (!zt->students_brief)
                gap(diag, where, &gaps, "elements.ini", section,
                    "students-brief");
            if (!zt->example)
                gap(diag, where, &gaps, "elements.ini", section, "example");
            if (zt->habit_count < 1)
                gap(diag, where, &gaps, "elements.ini", section, "habits");
        }
    }
    if (c->habit_count != CONTENT_HABITS) {
        diag_add(diag, where, 0, "habits.ini has %d habits, not %d",
                 c->habit_count, CONTENT_HABITS);
        gaps++;
    }
    for (int h = 0; h < c->habit_count; h++) {
        const struct habit_text *ht = &c->habit[h];
        if (!ht->name)
            gap(diag, where, &gaps, "habits.ini", ht->id, "name");
        if (!ht->short_name)
            gap(diag, where, &gaps, "habits.ini", ht->id, "short");
        if (!ht->description)
            gap(diag, where, &gaps, "habits.ini", ht->id, "description");
    }
    if (c->question_count != CONTENT_QUESTIONS) {
        diag_add(diag, where, 0, "questions.ini has %d questions, not %d",
                 c->question_count, CONTENT_QUESTIONS);
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

void content_free(struct content *c)
{
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        struct element_text *et = &c->element[e];
        free(et->name);
        free(et->label);
        for (int z = 0; z < ZONE_COUNT; z++) {
            free(et->zone[z].teacher);
            free(et->zone[z].students);
            free(et->zone[z].teacher_brief);
            free(et->zone[z].students_brief);
            free(et->zone[z].example);
        }
    }
    for (int h = 0; h < c->habit_count; h++) {
        free(c->habit[h].id);
        free(c->habit[h].name);
        free(c->habit[h].short_name);
        free(c->habit[h].description);
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
