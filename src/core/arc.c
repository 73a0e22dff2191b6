/* arc: steps, edits, the text format and playing (see arc.h and
 * docs/arcs.md). */
#include "arc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ini_lines.h"
#include "ini_text.h"
#include "morph.h"
#include "str.h"
#include "utf8.h"

/* ------------------------------------------------------------------ */
/* Building and editing                                                */
/* ------------------------------------------------------------------ */

void arc_init(struct arc *a)
{
    memset(a, 0, sizeof *a);
    a->dwell = ARC_DWELL_DEFAULT;
}

static void label_for(char *out, size_t cap, const char *pattern, int n)
{
    char num[16];
    snprintf(num, sizeof num, "%d", n);
    str_fill_hole(out, cap, pattern ? pattern : "%s", num);
}

void arc_make(struct arc *a, const char *name, int count,
              const int values[BOARD_ELEMENTS], const char *label_pattern)
{
    arc_init(a);
    str_copy(a->name, sizeof a->name, name);
    count = count < ARC_STEPS_MIN ? ARC_STEPS_MIN
            : count > ARC_STEPS_MAX ? ARC_STEPS_MAX : count;
    a->count = count;
    for (int k = 0; k < count; k++) {
        label_for(a->step[k].label, sizeof a->step[k].label, label_pattern,
                  k + 1);
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            a->step[k].value[e] = board_clamp(values[e]);
    }
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

/* A one-line text field: non-empty, UTF-8, no control characters. */
static bool line_ok(const char *s, size_t cap)
{
    size_t n = strnlen(s, cap);
    return n > 0 && n < cap && utf8_valid(s, n) && !has_control(s, false);
}

static bool lines_ok(const char *s, size_t cap)
{
    size_t n = strnlen(s, cap);
    return n < cap && utf8_valid(s, n) && !has_control(s, true);
}

bool arc_validate(const struct arc *a, char *err, size_t errlen)
{
    if (!line_ok(a->name, sizeof a->name)) {
        snprintf(err, errlen, "the name is empty or not UTF-8 text on one "
                 "line");
        return false;
    }
    if (!lines_ok(a->notes, sizeof a->notes)) {
        snprintf(err, errlen, "the notes are not UTF-8 text");
        return false;
    }
    if (a->dwell < 0 || a->dwell > ARC_DWELL_MAX) {
        snprintf(err, errlen, "dwell %d is outside 0..%d seconds", a->dwell,
                 ARC_DWELL_MAX);
        return false;
    }
    if (a->count < ARC_STEPS_MIN || a->count > ARC_STEPS_MAX) {
        snprintf(err, errlen, "an arc has %d to %d steps, not %d",
                 ARC_STEPS_MIN, ARC_STEPS_MAX, a->count);
        return false;
    }
    for (int k = 0; k < a->count; k++) {
        const struct arc_step *s = &a->step[k];
        if (!line_ok(s->label, sizeof s->label)) {
            snprintf(err, errlen, "step %d: the label is empty or not "
                     "UTF-8 text on one line", k + 1);
            return false;
        }
        if (!lines_ok(s->note, sizeof s->note)) {
            snprintf(err, errlen, "step %d: the note is not UTF-8 text",
                     k + 1);
            return false;
        }
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            if (s->value[e] < BOARD_MIN || s->value[e] > BOARD_MAX) {
                snprintf(err, errlen, "step %d: %s is %d, outside 0..100",
                         k + 1, board_element_id(e), s->value[e]);
                return false;
            }
        }
    }
    return true;
}

bool arc_insert(struct arc *a, int at, const char *label,
                const int values[BOARD_ELEMENTS])
{
    if (a->count >= ARC_STEPS_MAX || at < 0 || at > a->count)
        return false;
    memmove(&a->step[at + 1], &a->step[at],
            (size_t)(a->count - at) * sizeof a->step[0]);
    struct arc_step *s = &a->step[at];
    memset(s, 0, sizeof *s);
    str_copy(s->label, sizeof s->label, label);
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        s->value[e] = board_clamp(values[e]);
    a->count++;
    return true;
}

bool arc_delete(struct arc *a, int at)
{
    if (a->count <= ARC_STEPS_MIN || at < 0 || at >= a->count)
        return false;
    memmove(&a->step[at], &a->step[at + 1],
            (size_t)(a->count - at - 1) * sizeof a->step[0]);
    a->count--;
    memset(&a->step[a->count], 0, sizeof a->step[0]);
    return true;
}

bool arc_record(struct arc *a, int at, const int values[BOARD_ELEMENTS])
{
    if (at < 0 || at >= a->count)
        return false;
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        a->step[at].value[e] = board_clamp(values[e]);
    return true;
}

bool arc_touch(struct arc *a, int at, int element, int value)
{
    if (at < 0 || at >= a->count || element < 0 || element >= BOARD_ELEMENTS)
        return false;
    int v = board_clamp(value);
    bool changed = a->step[at].value[element] != v;
    a->step[at].value[element] = v;
    return changed;
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */

/* Keys of [arc] and of [step]; the element ids follow the step keys. */
enum arc_key { AK_VERSION, AK_NAME, AK_DWELL, AK_NOTES, AK_COUNT };
enum step_key { SK_LABEL, SK_NOTE, SK_VALUE0,
                SK_COUNT = SK_VALUE0 + BOARD_ELEMENTS };

static const char *const arc_keys[AK_COUNT] = {"version", "name", "dwell",
                                               "notes"};
static const char *const step_keys[SK_VALUE0] = {"label", "note"};

/* A section header found by the pre-scan. */
enum hdr_kind { HDR_ARC, HDR_STEP, HDR_OTHER, HDR_EXTRA_STEP };
struct header {
    int line;
    enum hdr_kind kind;
    int step;                 /* index for HDR_STEP */
};

enum { MAX_HEADERS = 256 };

struct parser {
    struct arc *a;
    const char *file;
    struct diag_list *diag;
    struct header hdr[MAX_HEADERS];
    int hdr_count;
    int cur_hdr;              /* header the entries now belong to, -1 */
    int arc_line;             /* line of [arc], 0: none */
    int arc_key_line[AK_COUNT];
    int step_key_line[ARC_STEPS_MAX][SK_COUNT];
    int steps;                /* [step] headers kept (<= ARC_STEPS_MAX) */
    int last_line;
    bool version_ok;
    int current;              /* key continuation lines belong to, -1 */
    bool current_is_step;
    bool current_ok;
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
        fail(ps, line, "%s = '%.40s' is not a whole number", key, value);
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

/* Finds the section headers (ini_lines reports only values): which step
 * each [step] is, and unknown, repeated or surplus sections. */
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
        struct header h = {.line = line, .kind = HDR_OTHER, .step = -1};
        if (nn == 3 && memcmp(s + 1, "arc", 3) == 0) {
            h.kind = HDR_ARC;
            if (ps->arc_line)
                fail(ps, line, "section [arc] appears twice (first on line "
                     "%d)", ps->arc_line);
            else
                ps->arc_line = line;
        } else if (nn == 4 && memcmp(s + 1, "step", 4) == 0) {
            if (ps->steps < ARC_STEPS_MAX) {
                h.kind = HDR_STEP;
                h.step = ps->steps++;
            } else {
                h.kind = HDR_EXTRA_STEP;
                fail(ps, line, "more than %d steps: an arc covers at most "
                     "a year of weeks", ARC_STEPS_MAX);
            }
        } else {
            fail(ps, line, "unknown section [%.*s] (expected [arc] or "
                 "[step])", (int)(nn > 40 ? 40 : nn), s + 1);
        }
        if (ps->hdr_count < MAX_HEADERS)
            ps->hdr[ps->hdr_count++] = h;
        else
            fail(ps, line, "too many sections");
    }
    ps->last_line = line > 0 ? line : 1;
}

/* The header an entry on `line` belongs to (entries come in order). */
static const struct header *header_of(struct parser *ps, int line)
{
    while (ps->cur_hdr + 1 < ps->hdr_count
           && ps->hdr[ps->cur_hdr + 1].line < line)
        ps->cur_hdr++;
    return ps->cur_hdr >= 0 ? &ps->hdr[ps->cur_hdr] : NULL;
}

static bool arc_value(struct parser *ps, int k, const char *value, int line)
{
    struct arc *a = ps->a;
    int n;
    switch (k) {
    case AK_VERSION:
        if (!number_in(ps, "version", value, line, 0, 1000000000LL, &n))
            return false;
        if (n != ARC_VERSION) {
            fail(ps, line, "unknown version %d: this soundboard reads "
                 "version %d", n, ARC_VERSION);
            return false;
        }
        ps->version_ok = true;
        return true;
    case AK_DWELL:
        return number_in(ps, "dwell", value, line, 0, ARC_DWELL_MAX,
                         &a->dwell);
    default:
        ini_text_start(&ps->acc, k == AK_NAME ? a->name : a->notes,
                       k == AK_NAME ? ARC_NAME_MAX : ARC_NOTES_MAX);
        return text_piece(ps, arc_keys[k], value, line, true);
    }
}

static bool step_value(struct parser *ps, struct arc_step *s, int k,
                       const char *value, int line)
{
    if (k >= SK_VALUE0)
        return number_in(ps, board_element_id(k - SK_VALUE0), value, line,
                         BOARD_MIN, BOARD_MAX, &s->value[k - SK_VALUE0]);
    ini_text_start(&ps->acc, k == SK_LABEL ? s->label : s->note,
                   k == SK_LABEL ? ARC_LABEL_MAX : ARC_NOTE_MAX);
    return text_piece(ps, step_keys[k], value, line, true);
}

static int find_key(bool step, const char *key)
{
    if (step) {
        for (int k = 0; k < SK_VALUE0; k++)
            if (strcmp(key, step_keys[k]) == 0)
                return k;
        int e = board_element_index(key);
        return e >= 0 ? SK_VALUE0 + e : -1;
    }
    for (int k = 0; k < AK_COUNT; k++)
        if (strcmp(key, arc_keys[k]) == 0)
            return k;
    return -1;
}

static bool is_text_key(bool step, int k)
{
    return step ? k < SK_VALUE0 : (k == AK_NAME || k == AK_NOTES);
}

static bool on_entry(void *user, const char *section, const char *key,
                     const char *value, int line, bool continuation)
{
    (void)section; /* the pre-scan's headers say which step it is */
    struct parser *ps = user;
    const struct header *h = header_of(ps, line);
    if (continuation) {
        if (!ps->current_ok || ps->current < 0)
            return true; /* its first line was already reported */
        if (!is_text_key(ps->current_is_step, ps->current)) {
            fail(ps, line, "%s cannot go on over several lines", key);
            ps->current_ok = false;
            return true;
        }
        if (!text_piece(ps, key, value, line, false))
            ps->current_ok = false;
        return true;
    }
    ps->current = -1;
    ps->current_ok = false;
    if (!h) {
        fail(ps, line, "'%s' comes before any [arc] or [step] section", key);
        return true;
    }
    if (h->kind == HDR_OTHER || h->kind == HDR_EXTRA_STEP)
        return true; /* the header itself was reported */
    bool step = h->kind == HDR_STEP;
    int k = find_key(step, key);
    if (k < 0) {
        fail(ps, line, "unknown key '%.40s' in [%s]", key,
             step ? "step" : "arc");
        return true;
    }
    int *seen = step ? &ps->step_key_line[h->step][k] : &ps->arc_key_line[k];
    if (*seen) {
        fail(ps, line, "duplicate key '%s' (first on line %d)", key, *seen);
        return true;
    }
    *seen = line;
    ps->current = k;
    ps->current_is_step = step;
    ps->current_ok = step ? step_value(ps, &ps->a->step[h->step], k, value,
                                       line)
                          : arc_value(ps, k, value, line);
    return true;
}

static void check_missing(struct parser *ps)
{
    if (!ps->arc_line) {
        fail(ps, ps->last_line, "the file ends without an [arc] section");
    } else {
        for (int k = 0; k < AK_COUNT; k++)
            if ((k == AK_VERSION || k == AK_NAME) && !ps->arc_key_line[k])
                fail(ps, ps->arc_line, "[arc] has no '%s'", arc_keys[k]);
    }
    int h = 0;
    for (int s = 0; s < ps->steps; s++) {
        while (h < ps->hdr_count && ps->hdr[h].step != s)
            h++;
        int line = h < ps->hdr_count ? ps->hdr[h].line : ps->last_line;
        for (int k = 0; k < SK_COUNT; k++) {
            if (k == SK_NOTE || ps->step_key_line[s][k])
                continue;
            fail(ps, line, "[step] %d has no '%s'", s + 1,
                 k >= SK_VALUE0 ? board_element_id(k - SK_VALUE0)
                                : step_keys[k]);
        }
    }
    if (ps->steps < ARC_STEPS_MIN)
        fail(ps, ps->last_line, "the file ends after %d [step] section%s: "
             "an arc has at least %d", ps->steps, ps->steps == 1 ? "" : "s",
             ARC_STEPS_MIN);
}

bool arc_parse(const char *text, size_t len, const char *file,
               struct arc *out, struct diag_list *diag)
{
    /* The parser's bookkeeping is large (a line per key per step). */
    struct parser *ps = calloc(1, sizeof *ps);
    if (!ps) {
        diag_add(diag, file, 0, "out of memory");
        return false;
    }
    arc_init(out);
    ps->a = out;
    ps->file = file;
    ps->diag = diag;
    ps->current = -1;
    ps->cur_hdr = -1;
    bool ok = false;
    if (len == 0) {
        fail(ps, 1, "the file is empty: not an arc");
        goto done;
    }
    scan_sections(ps, text, len);
    ps->errors += ini_lines_parse(text, len, file, on_entry, ps, diag);
    /* After a NUL byte the reader stops: do not list the rest as missing. */
    if (!memchr(text, '\0', len))
        check_missing(ps);
    out->count = ps->steps;
    if (ps->errors == 0) {
        char err[120];
        if (!arc_validate(out, err, sizeof err))
            fail(ps, ps->arc_line ? ps->arc_line : 1, "%s", err);
    }
    ok = ps->errors == 0 && ps->version_ok;
done:
    free(ps);
    return ok;
}

/* ------------------------------------------------------------------ */
/* Serializing                                                         */
/* ------------------------------------------------------------------ */

char *arc_serialize(const struct arc *a, size_t *len)
{
    char err[120];
    if (!arc_validate(a, err, sizeof err))
        return NULL;
    struct str_buf o;
    str_buf_init(&o);
    str_buf_add(&o, "# soundboard arc: the format is described in "
                    "docs/arcs.md\n[arc]\n");
    str_buf_addf(&o, "version = %d\n", ARC_VERSION);
    ini_text_put(&o, "name", a->name);
    str_buf_addf(&o, "dwell = %d\n", a->dwell);
    if (a->notes[0])
        ini_text_put(&o, "notes", a->notes);
    for (int k = 0; k < a->count; k++) {
        const struct arc_step *s = &a->step[k];
        str_buf_add(&o, "\n[step]\n");
        ini_text_put(&o, "label", s->label);
        if (s->note[0])
            ini_text_put(&o, "note", s->note);
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            str_buf_addf(&o, "%s = %d\n", board_element_id(e), s->value[e]);
    }
    return str_buf_take(&o, len);
}

/* ------------------------------------------------------------------ */
/* Playing                                                             */
/* ------------------------------------------------------------------ */

void arc_play_init(struct arc_play *p)
{
    memset(p, 0, sizeof *p);
    p->held_step = -1;
}

static int clamp_step(const struct arc *a, int k)
{
    return k < 0 ? 0 : k >= a->count ? a->count - 1 : k;
}

void arc_play_start(struct arc_play *p, const struct arc *a, int from,
                    const int board[BOARD_ELEMENTS], int64_t now_ms,
                    int dwell_ms, int glide_ms)
{
    bool recording = p->recording;
    arc_play_init(p);
    p->recording = recording;
    p->playing = a->count > 0;
    p->from_step = a->count > 0 ? clamp_step(a, from) : 0;
    p->start_ms = now_ms;
    p->dwell_ms = dwell_ms > 0 ? dwell_ms : 0;
    p->glide_ms = glide_ms > 0 ? glide_ms : 0;
    bool differs = false;
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        p->start_value[e] = board_clamp(board[e]);
        if (a->count > 0)
            differs |= p->start_value[e] != a->step[p->from_step].value[e];
    }
    p->lead_ms = differs ? p->glide_ms : 0;
    p->held_step = p->from_step;
}

void arc_play_stop(struct arc_play *p)
{
    p->playing = false;
    memset(p->held, 0, sizeof p->held);
    p->held_step = -1;
}

/* Eased values between two mixes, through the preset glide's maths. */
static void glide_values(const int from[BOARD_ELEMENTS],
                         const int to[BOARD_ELEMENTS], int64_t elapsed,
                         int64_t duration, int out[BOARD_ELEMENTS])
{
    struct morph m;
    morph_start(&m, from, to, 0, duration);
    morph_values_at(&m, elapsed, out);
}

void arc_play_at(const struct arc_play *p, const struct arc *a,
                 int64_t now_ms, struct arc_position *pos)
{
    memset(pos, 0, sizeof *pos);
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        pos->drive[e] = !p->held[e];
    if (a->count <= 0)
        return;
    int last = a->count - 1;
    int s0 = clamp_step(a, p->from_step);
    pos->step = s0;
    int64_t t = now_ms - p->start_ms;
    if (!p->playing || t < 0)
        t = 0;
    if (!p->playing) {
        memcpy(pos->value, a->step[s0].value, sizeof pos->value);
        return;
    }
    if (t < p->lead_ms) {
        pos->gliding = true;
        glide_values(p->start_value, a->step[s0].value, t, p->lead_ms,
                     pos->value);
        return;
    }
    t -= p->lead_ms;
    int64_t seg = (int64_t)p->dwell_ms + p->glide_ms;
    int64_t k = seg > 0 ? t / seg : (int64_t)(last - s0);
    if (s0 + k >= last) {
        pos->step = last;
        pos->done = true;
        memcpy(pos->value, a->step[last].value, sizeof pos->value);
        return;
    }
    int step = s0 + (int)k;
    int64_t r = t - k * seg;
    if (r < p->dwell_ms) {
        pos->step = step;
        memcpy(pos->value, a->step[step].value, sizeof pos->value);
        return;
    }
    pos->step = step + 1;
    pos->gliding = true;
    glide_values(a->step[step].value, a->step[step + 1].value,
                 r - p->dwell_ms, p->glide_ms, pos->value);
}

int64_t arc_play_rest_ms(const struct arc_play *p, const struct arc *a,
                         int64_t now_ms)
{
    if (!p->playing)
        return -1;
    if (a->count <= 0)
        return 0;
    int last = a->count - 1;
    int s0 = clamp_step(a, p->from_step);
    int64_t t = now_ms - p->start_ms;
    if (t < 0)
        t = 0;
    if (t < p->lead_ms)
        return 0;
    t -= p->lead_ms;
    int64_t seg = (int64_t)p->dwell_ms + p->glide_ms;
    if (seg <= 0)
        return 0;
    int64_t k = t / seg;
    if (s0 + k >= last)
        return 0;
    int64_t r = t - k * seg;
    return r < p->dwell_ms ? p->dwell_ms - r : 0;
}

bool arc_play_advance(struct arc_play *p, const struct arc *a,
                      int64_t now_ms, struct arc_position *pos)
{
    if (!p->playing)
        return false;
    arc_play_at(p, a, now_ms, pos);
    if (pos->step != p->held_step) {
        memset(p->held, 0, sizeof p->held);
        p->held_step = pos->step;
        for (int e = 0; e < BOARD_ELEMENTS; e++)
            pos->drive[e] = true;
    }
    if (pos->done) {
        int step = pos->step;
        arc_play_stop(p);
        p->from_step = step;
    }
    return true;
}

bool arc_play_touch(struct arc_play *p, struct arc *a, int element,
                    int value, int64_t now_ms)
{
    if (!p->playing || element < 0 || element >= BOARD_ELEMENTS)
        return false;
    struct arc_position pos;
    arc_play_at(p, a, now_ms, &pos);
    if (pos.step != p->held_step) {
        memset(p->held, 0, sizeof p->held);
        p->held_step = pos.step;
    }
    p->held[element] = true;
    return p->recording && arc_touch(a, pos.step, element, value);
}
