/* preset: parse and serialize preset text, sanitize file names, times,
 * "modified since recall" and A/B compare. Format: preset.h and
 * docs/presets.md. */
#include "preset.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ini_lines.h"
#include "ini_text.h"
#include "str.h"
#include "utf8.h"

/* ------------------------------------------------------------------ */
/* Fields                                                              */
/* ------------------------------------------------------------------ */

enum key {
    KEY_VERSION, KEY_NAME, KEY_SLOT, KEY_CREATED, KEY_CHANGED, KEY_NOTES,
    KEY_VALUE0, /* then one per element, in board order */
    KEY_COUNT = KEY_VALUE0 + BOARD_ELEMENTS
};

enum section { SEC_NONE, SEC_PRESET, SEC_VALUES, SEC_OTHER };

static const char *const preset_keys[KEY_VALUE0] = {
    "version", "name", "slot", "created", "changed", "notes",
};

void preset_init(struct preset *p)
{
    memset(p, 0, sizeof *p);
}

static bool has_control(const char *s, bool allow_lines)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (allow_lines && (c == '\n' || c == '\t'))
            continue;
        if (c < 0x20 || c == 0x7F)
            return true;
    }
    return false;
}

bool preset_validate(const struct preset *p, char *err, size_t errlen)
{
    size_t n = strnlen(p->name, sizeof p->name);
    if (n == 0 || n > PRESET_NAME_MAX) {
        snprintf(err, errlen, n ? "name is too long" : "name is empty");
        return false;
    }
    if (!utf8_valid(p->name, n) || has_control(p->name, false)) {
        snprintf(err, errlen, "name is not UTF-8 text on one line");
        return false;
    }
    size_t m = strnlen(p->notes, sizeof p->notes);
    if (m > PRESET_NOTES_MAX || !utf8_valid(p->notes, m)
        || has_control(p->notes, true)) {
        snprintf(err, errlen, "notes are not UTF-8 text of at most %d bytes",
                 PRESET_NOTES_MAX);
        return false;
    }
    for (int i = 0; i < BOARD_ELEMENTS; i++) {
        if (p->value[i] < BOARD_MIN || p->value[i] > BOARD_MAX) {
            snprintf(err, errlen, "%s is %d, outside 0..100",
                     board_element_id(i), p->value[i]);
            return false;
        }
    }
    if (p->slot < 0 || p->slot > PRESET_SLOTS) {
        snprintf(err, errlen, "slot %d is outside 1..9", p->slot);
        return false;
    }
    return true;
}

bool preset_modified(const struct preset *recalled,
                     const int value[BOARD_ELEMENTS])
{
    for (int i = 0; i < BOARD_ELEMENTS; i++)
        if (recalled->value[i] != value[i])
            return true;
    return false;
}

/* ------------------------------------------------------------------ */
/* Times: ISO 8601 UTC, whole seconds, through the C library's UTC      */
/* conversions (gmtime_r, timegm: no time zone is consulted).           */
/* ------------------------------------------------------------------ */

/* Years 0..9999 do not fit a 32-bit time_t. */
_Static_assert(sizeof(time_t) >= 8, "preset times need a 64-bit time_t");

/* 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the four-digit years. */
static const int64_t time_first = -62167219200LL;
static const int64_t time_last = 253402300799LL;

void preset_time_format(int64_t t, char *out)
{
    t = t < time_first ? time_first : t > time_last ? time_last : t;
    time_t tt = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&tt, &tm))
        abort(); /* cannot happen for years 0..9999 and a 64-bit time_t */
    char buf[48];
    snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ",
             tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
             tm.tm_min, tm.tm_sec);
    memcpy(out, buf, PRESET_TIME_TEXT - 1);
    out[PRESET_TIME_TEXT - 1] = '\0';
}

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool preset_time_parse(const char *s, int64_t *out)
{
    int y, mo, d, h, mi, se;
    if (strlen(s) != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T'
        || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
        return false;
    if (!digits(s, 4, &y) || !digits(s + 5, 2, &mo) || !digits(s + 8, 2, &d)
        || !digits(s + 11, 2, &h) || !digits(s + 14, 2, &mi)
        || !digits(s + 17, 2, &se))
        return false;
    struct tm in = {
        .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
        .tm_hour = h, .tm_min = mi, .tm_sec = se,
    };
    time_t t = timegm(&in);
    /* timegm normalizes (February 30 becomes March 2, 23:59:60 the next
     * minute); a real date and time is one that comes back unchanged. */
    struct tm back;
    if (!gmtime_r(&t, &back) || back.tm_year != y - 1900
        || back.tm_mon != mo - 1 || back.tm_mday != d || back.tm_hour != h
        || back.tm_min != mi || back.tm_sec != se)
        return false;
    *out = (int64_t)t;
    return true;
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */


struct parser {
    struct preset *p;
    const char *file;
    struct diag_list *diag;
    int key_line[KEY_COUNT];  /* first line of each key, 0: not seen */
    int section_line[2];      /* lines of [preset] and [values], 0: none */
    int last_line;            /* number of lines in the text */
    bool key_bad[KEY_COUNT];  /* its value was reported as wrong */
    int current;              /* key that continuation lines belong to */
    bool current_ok;          /* it is a first occurrence, parsed fine */
    bool version_ok;
    struct ini_text acc;
    int errors;
};

static void fail(struct parser *ps, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fail(struct parser *ps, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(ps->diag, ps->file, line, fmt, ap);
    va_end(ap);
    ps->errors++;
}

static bool number_in(struct parser *ps, const char *key, const char *value,
                      int line, long long lo, long long hi, int *out)
{
    long long v;
    if (!*value) {
        fail(ps, line, "'%s' has no value", key);
        return false;
    }
    if (!ini_whole_number(value, &v)) {
        fail(ps, line, "%s = '%.40s' is not a whole number",
                 key, value);
        return false;
    }
    if (v < lo || v > hi) {
        fail(ps, line, "%s = %.40s is out of range %lld..%lld", key, value,
             lo, hi);
        return false;
    }
    *out = (int)v;
    return true;
}

/* Appends one piece of a text value (ini_text.h), reporting problems. */
static bool text_piece(struct parser *ps, const char *key, const char *piece,
                       int line, bool first)
{
    char err[160];
    switch (ini_text_piece(&ps->acc, key, piece, first, err, sizeof err)) {
    case INI_TEXT_OK:
        return true;
    case INI_TEXT_TOO_LONG_AGAIN:
        ps->errors++;
        return false;
    default:
        fail(ps, line, "%s", err);
        return false;
    }
}

static int find_key(enum section sec, const char *key)
{
    if (sec == SEC_PRESET) {
        for (int k = 0; k < KEY_VALUE0; k++)
            if (strcmp(key, preset_keys[k]) == 0)
                return k;
    } else if (sec == SEC_VALUES) {
        int i = board_element_index(key);
        if (i >= 0)
            return KEY_VALUE0 + i;
    }
    return -1;
}

static bool first_value(struct parser *ps, int k, const char *value,
                        int line)
{
    struct preset *p = ps->p;
    const char *key = k >= KEY_VALUE0 ? board_element_id(k - KEY_VALUE0)
                                      : preset_keys[k];
    int n;
    switch (k) {
    case KEY_VERSION:
        if (!number_in(ps, key, value, line, 0, 1000000000LL, &n))
            return false;
        if (n != PRESET_VERSION) {
            fail(ps, line,
                 "unknown version %d: this soundboard reads version %d",
                 n, PRESET_VERSION);
            return false;
        }
        ps->version_ok = true;
        return true;
    case KEY_NAME:
    case KEY_NOTES:
        ini_text_start(&ps->acc, k == KEY_NAME ? p->name : p->notes,
                       k == KEY_NAME ? PRESET_NAME_MAX : PRESET_NOTES_MAX);
        return text_piece(ps, key, value, line, true);
    case KEY_SLOT:
        return number_in(ps, key, value, line, 1, PRESET_SLOTS, &p->slot);
    case KEY_CREATED:
    case KEY_CHANGED:
        if (!preset_time_parse(value, k == KEY_CREATED ? &p->created
                                                       : &p->changed)) {
            fail(ps, line,
                 "%s = '%.40s' is not a time like 2026-01-31T14:05:00Z",
                 key, value);
            return false;
        }
        return true;
    default:
        return number_in(ps, key, value, line, BOARD_MIN, BOARD_MAX,
                         &p->value[k - KEY_VALUE0]);
    }
}

static enum section section_of(const char *name)
{
    if (!*name)
        return SEC_NONE;
    if (strcmp(name, "preset") == 0)
        return SEC_PRESET;
    if (strcmp(name, "values") == 0)
        return SEC_VALUES;
    return SEC_OTHER;
}

static bool on_entry(void *user, const char *section, const char *key,
                     const char *value, int line, bool continuation)
{
    struct parser *ps = user;
    enum section sec = section_of(section);
    if (continuation) {
        if (!ps->current_ok || ps->current < 0)
            return true; /* its first line was already reported */
        if (ps->current != KEY_NAME && ps->current != KEY_NOTES) {
            fail(ps, line, "%s cannot go on over several lines", key);
            ps->current_ok = false;
            return true;
        }
        if (!text_piece(ps, key, value, line, false)) {
            ps->current_ok = false;
            ps->key_bad[ps->current] = true;
        }
        return true;
    }
    ps->current = -1;
    ps->current_ok = false;
    if (sec == SEC_NONE) {
        fail(ps, line, "'%s' comes before any [preset] or [values] "
                       "section", key);
        return true;
    }
    if (sec == SEC_OTHER)
        return true; /* the section header itself was reported */
    int k = find_key(sec, key);
    if (k < 0) {
        fail(ps, line, "unknown key '%.40s' in [%s]", key,
                 section);
        return true;
    }
    if (ps->key_line[k]) {
        fail(ps, line,
             "duplicate key '%s' (first on line %d)", key,
             ps->key_line[k]);
        return true;
    }
    ps->key_line[k] = line;
    ps->current = k;
    ps->current_ok = first_value(ps, k, value, line);
    ps->key_bad[k] = !ps->current_ok;
    return true;
}

/* Finds the section headers (ini_lines reports only values) so that
 * unknown and repeated sections are named and missing keys can point at
 * their section. */
static void scan_sections(struct parser *ps, const char *text, size_t len)
{
    int line = 0;
    size_t pos = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (pos < len) {
        const char *s = text + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        pos += n + (nl ? 1 : 0);
        line++;
        if (n == 0 || s[0] != '[')
            continue;
        const char *close = memchr(s, ']', n);
        if (!close)
            continue; /* ini_lines reports the broken line */
        size_t nn = (size_t)(close - s - 1);
        int idx = -1;
        if (nn == 6 && memcmp(s + 1, "preset", 6) == 0)
            idx = 0;
        else if (nn == 6 && memcmp(s + 1, "values", 6) == 0)
            idx = 1;
        if (idx < 0) {
            fail(ps, line,
                 "unknown section [%.*s] (expected [preset] or [values])",
                 (int)(nn > 40 ? 40 : nn), s + 1);
        } else if (ps->section_line[idx]) {
            fail(ps, line,
                 "section [%s] appears twice (first on line %d)",
                 idx ? "values" : "preset", ps->section_line[idx]);
        } else {
            ps->section_line[idx] = line;
        }
    }
    ps->last_line = line > 0 ? line : 1;
}

static void check_missing(struct parser *ps)
{
    static const char *const names[2] = {"preset", "values"};
    for (int idx = 0; idx < 2; idx++) {
        if (!ps->section_line[idx]) {
            fail(ps, ps->last_line,
                     "the file ends without a [%s] section", names[idx]);
        }
    }
    for (int k = 0; k < KEY_COUNT; k++) {
        bool required = k == KEY_VERSION || k == KEY_NAME || k >= KEY_VALUE0;
        int sec = k >= KEY_VALUE0 ? 1 : 0;
        if (!required || ps->key_line[k] || !ps->section_line[sec])
            continue;
        fail(ps, ps->section_line[sec],
                 "[%s] has no '%s'", names[sec],
                 k >= KEY_VALUE0 ? board_element_id(k - KEY_VALUE0)
                                 : preset_keys[k]);
    }
}

bool preset_parse(const char *text, size_t len, const char *file,
                  struct preset *out, struct diag_list *diag)
{
    preset_init(out);
    struct parser ps = {
        .p = out, .file = file, .diag = diag, .current = -1,
    };
    if (len == 0) {
        fail(&ps, 1, "the file is empty: not a preset");
        return false;
    }
    scan_sections(&ps, text, len);
    int errors = ini_lines_parse(text, len, file, on_entry, &ps, diag);
    /* ini_lines counts callback failures too; ours always return true and
     * count in ps.errors, so errors holds only its syntax errors. */
    ps.errors += errors;
    /* After a NUL byte the reader stops: what follows is unknown, so do
     * not list it all as missing. */
    if (!memchr(text, '\0', len))
        check_missing(&ps);
    if (ps.key_line[KEY_NAME] && !ps.key_bad[KEY_NAME] && !out->name[0])
        fail(&ps, ps.key_line[KEY_NAME], "name is empty");
    if (!ps.errors) {
        char err[80];
        if (!preset_validate(out, err, sizeof err))
            fail(&ps, ps.key_line[KEY_NAME], "%s", err);
    }
    return ps.errors == 0 && ps.version_ok;
}

/* ------------------------------------------------------------------ */
/* Serializing                                                         */
/* ------------------------------------------------------------------ */

char *preset_serialize(const struct preset *p, size_t *len)
{
    char err[80];
    if (!preset_validate(p, err, sizeof err))
        return NULL;
    struct str_buf o;
    str_buf_init(&o);
    str_buf_add(&o, "# soundboard preset: the format is described in "
                    "docs/presets.md\n[preset]\n");
    str_buf_addf(&o, "version = %d\n", PRESET_VERSION);
    ini_text_put(&o, "name", p->name);
    if (p->slot > 0)
        str_buf_addf(&o, "slot = %d\n", p->slot);
    char t[PRESET_TIME_TEXT];
    if (p->created) {
        preset_time_format(p->created, t);
        str_buf_addf(&o, "created = %s\n", t);
    }
    if (p->changed) {
        preset_time_format(p->changed, t);
        str_buf_addf(&o, "changed = %s\n", t);
    }
    if (p->notes[0])
        ini_text_put(&o, "notes", p->notes);
    str_buf_add(&o, "\n[values]\n");
    for (int i = 0; i < BOARD_ELEMENTS; i++)
        str_buf_addf(&o, "%s = %d\n", board_element_id(i), p->value[i]);
    return str_buf_take(&o, len); /* NULL if memory ran out */
}

/* ------------------------------------------------------------------ */
/* File-name stems                                                     */
/* ------------------------------------------------------------------ */

static bool stem_keeps(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
           || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'
           || c == ' ' || c == ',' || c == '(' || c == ')' || c == '+';
}

bool preset_file_stem(const char *name, char *out, size_t cap)
{
    if (cap < PRESET_STEM_MAX + 1)
        return false;
    size_t n = 0;
    for (size_t i = 0; name[i] && n < PRESET_STEM_MAX;) {
        unsigned char c = (unsigned char)name[i];
        const char *add = "_";
        size_t an = 1, step = 1;
        if (c >= 0x80) {
            int32_t cp;
            size_t cl = utf8_next(name + i, strnlen(name + i, 4), &cp);
            if (cp >= 0) {
                add = name + i;
                an = step = cl;
            }
        } else if (stem_keeps(c)) {
            add = name + i;
        }
        i += step;
        if (n + an > PRESET_STEM_MAX)
            break;
        /* No leading dots, blanks or dashes; no runs of '_' or '.'. */
        if (n == 0 && (*add == '.' || *add == ' ' || *add == '-'
                       || *add == '_'))
            continue;
        if (an == 1 && (*add == '_' || *add == '.') && out[n - 1] == *add)
            continue;
        memcpy(out + n, add, an);
        n += an;
    }
    while (n > 0 && (out[n - 1] == '.' || out[n - 1] == ' '
                     || out[n - 1] == '_'))
        n--;
    if (n == 0) {
        snprintf(out, cap, "preset");
        return true;
    }
    out[n] = '\0';
    return true;
}

/* ------------------------------------------------------------------ */
/* A/B compare                                                         */
/* ------------------------------------------------------------------ */

void preset_compare_init(struct preset_compare *c)
{
    memset(c, 0, sizeof *c);
}

void preset_compare_recalled(struct preset_compare *c,
                             const int preset_value[BOARD_ELEMENTS])
{
    c->have_preset = true;
    c->showing_preset = false;
    memcpy(c->preset, preset_value, sizeof c->preset);
    memcpy(c->mix, preset_value, sizeof c->mix);
}

bool preset_compare_flip(struct preset_compare *c,
                         const int board[BOARD_ELEMENTS],
                         int out[BOARD_ELEMENTS])
{
    if (!c->have_preset)
        return false;
    if (c->showing_preset) {
        memcpy(out, c->mix, sizeof c->mix);
    } else {
        memcpy(c->mix, board, sizeof c->mix);
        memcpy(out, c->preset, sizeof c->preset);
    }
    c->showing_preset = !c->showing_preset;
    return true;
}
