/* profile: controller profile text <-> struct profile (see header and
 * controllers/README.md for the format). */
#include "profile.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "command.h"
#include "ini_lines.h"
#include "str.h"

struct parse {
    struct profile *p;
    const char *file;
    struct diag_list *diag;
    int errors;
    int elements_line;       /* first [elements] entry, 0 none */
    int strips_line;         /* first [strips] entry, 0 none */
    bool strip_given[BOARD_ELEMENTS];
    int connect_line;        /* first `connect` line, 0 none */
    bool connect_overflow;
};

void profile_init(struct profile *p)
{
    memset(p, 0, sizeof *p);
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        p->element[e].channel = PROFILE_ANY_CHANNEL;
        p->touch_note[e] = -1;
        for (int z = 0; z < ZONE_COUNT; z++)
            p->zone_led[e][z].channel = PROFILE_ANY_CHANNEL;
    }
    p->strip_next.channel = PROFILE_ANY_CHANNEL;
    p->strip_prev.channel = PROFILE_ANY_CHANNEL;
    p->strip_select.channel = PROFILE_ANY_CHANNEL;
    for (int l = 0; l < PROFILE_TRANSPORT_LEDS; l++)
        p->transport_led[l].channel = PROFILE_ANY_CHANNEL;
    p->feedback_channel = -1;
    p->led_on = 127;
    p->led_off = 0;
    p->lcd_id = PROFILE_LCD_ID;
    p->lcd_chars = 6;
}

/* Copies s into dst[cap] if it fits; false (dst untouched) if not. */
static bool copy_fits(char *dst, size_t cap, const char *s)
{
    size_t n = strlen(s);
    if (n >= cap)
        return false;
    memcpy(dst, s, n + 1);
    return true;
}

static const char *const kind_word[] = {
    [PROFILE_CTL_NONE] = "none", [PROFILE_CTL_CC] = "cc",
    [PROFILE_CTL_CC14] = "cc14", [PROFILE_CTL_PITCH_BEND] = "pitchbend",
    [PROFILE_CTL_REL_TWOS] = "relative-twos",
    [PROFILE_CTL_REL_OFFSET] = "relative-offset",
    [PROFILE_CTL_REL_SIGNED] = "relative-signed",
    [PROFILE_CTL_NRPN] = "nrpn", [PROFILE_CTL_NOTE] = "note",
    [PROFILE_CTL_POLY] = "poly",
};

/* Splits s into at most max blank-separated words (s is modified). */
static int split_words(char *s, char **w, int max)
{
    int n = 0;
    char *save = NULL; /* strtok_r: no hidden global state */
    for (char *t = strtok_r(s, " \t", &save); t;
         t = strtok_r(NULL, " \t", &save)) {
        if (n == max)
            return max + 1;
        w[n++] = t;
    }
    return n;
}

/* Parses "cc 7 [ch N|ch any]" and the other control forms. Returns NULL on
 * success, else what is wrong (static text, or why[] filled). */
static const char *parse_ctl(const char *text, struct profile_ctl *c,
                             char *why, size_t whylen)
{
    char buf[128];
    char *w[6];
    if (!copy_fits(buf, sizeof buf, text))
        return "control description too long";
    int n = split_words(buf, w, 5);
    if (n == 0)
        return "no control given";
    if (n > 5)
        return "too many words in the control";
    c->kind = PROFILE_CTL_NONE;
    c->channel = PROFILE_ANY_CHANNEL;
    c->number = 0;
    int i = 0;
    int k;
    for (k = 1; k < (int)(sizeof kind_word / sizeof kind_word[0]); k++)
        if (strcasecmp(w[0], kind_word[k]) == 0)
            break;
    if (k == (int)(sizeof kind_word / sizeof kind_word[0])) {
        snprintf(why, whylen, "unknown control kind '%s' (cc, cc14, "
                 "pitchbend, relative-twos, relative-offset, "
                 "relative-signed, nrpn, note, poly)", w[0]);
        return why;
    }
    c->kind = (enum profile_ctl_kind)k;
    i = 1;
    if (k == PROFILE_CTL_REL_TWOS || k == PROFILE_CTL_REL_OFFSET ||
        k == PROFILE_CTL_REL_SIGNED) {
        if (i >= n || strcasecmp(w[i], "cc") != 0)
            return "a relative encoder needs 'cc N' after its style";
        i++;
    }
    if (k != PROFILE_CTL_PITCH_BEND) {
        int hi = k == PROFILE_CTL_NRPN ? 16383 : k == PROFILE_CTL_CC14 ? 31
                                                                      : 127;
        if (i >= n) {
            snprintf(why, whylen, "'%s' needs a number", w[0]);
            return why;
        }
        if (!str_parse_int(w[i], 0, hi, &c->number)) {
            snprintf(why, whylen, "'%s' is not a number from 0 to %d",
                     w[i], hi);
            return why;
        }
        i++;
    }
    if (i < n) {
        if (strcasecmp(w[i], "ch") != 0 || i + 1 >= n) {
            snprintf(why, whylen, "expected 'ch N' or 'ch any', not '%s'",
                     w[i]);
            return why;
        }
        if (strcasecmp(w[i + 1], "any") == 0) {
            c->channel = PROFILE_ANY_CHANNEL;
        } else {
            int ch;
            if (!str_parse_int(w[i + 1], 1, 16, &ch)) {
                snprintf(why, whylen, "channel '%s' is not 1..16 or any",
                         w[i + 1]);
                return why;
            }
            c->channel = ch - 1;
        }
        i += 2;
    }
    if (i < n) {
        snprintf(why, whylen, "unexpected '%s'", w[i]);
        return why;
    }
    return NULL;
}

/* The MIDI messages two controls share, if any (channels overlapping). */
static bool ctl_overlap(const struct profile_ctl *a,
                        const struct profile_ctl *b)
{
    if (a->kind == PROFILE_CTL_NONE || b->kind == PROFILE_CTL_NONE)
        return false;
    if (a->channel >= 0 && b->channel >= 0 && a->channel != b->channel)
        return false;
    bool a_pb = a->kind == PROFILE_CTL_PITCH_BEND;
    bool b_pb = b->kind == PROFILE_CTL_PITCH_BEND;
    if (a_pb || b_pb)
        return a_pb && b_pb;
    bool a_note = a->kind == PROFILE_CTL_NOTE;
    bool b_note = b->kind == PROFILE_CTL_NOTE;
    if (a_note || b_note)
        return a_note && b_note && a->number == b->number;
    bool a_poly = a->kind == PROFILE_CTL_POLY;
    bool b_poly = b->kind == PROFILE_CTL_POLY;
    if (a_poly || b_poly)
        return a_poly && b_poly && a->number == b->number;
    bool a_n = a->kind == PROFILE_CTL_NRPN, b_n = b->kind == PROFILE_CTL_NRPN;
    if (a_n || b_n)
        return a_n && b_n && a->number == b->number;
    /* CC kinds: cc14 also uses number + 32 */
    int a2 = a->kind == PROFILE_CTL_CC14 ? a->number + 32 : -1;
    int b2 = b->kind == PROFILE_CTL_CC14 ? b->number + 32 : -1;
    return a->number == b->number || a->number == b2 || a2 == b->number ||
           (a2 >= 0 && a2 == b2);
}

__attribute__((format(printf, 3, 4)))
static bool err(struct parse *ps, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(ps->diag, ps->file, line, fmt, ap);
    va_end(ap);
    ps->errors++;
    return false;
}

static bool parse_bool(const char *v, bool *out)
{
    if (!strcasecmp(v, "yes") || !strcasecmp(v, "true")) {
        *out = true;
        return true;
    }
    if (!strcasecmp(v, "no") || !strcasecmp(v, "false")) {
        *out = false;
        return true;
    }
    return false;
}

static void append_text(char *dst, size_t cap, const char *more)
{
    size_t n = strlen(dst);
    if (n && n + 1 < cap)
        dst[n++] = ' ', dst[n] = 0;
    snprintf(dst + n, cap - n, "%s", more);
}

/* One entry of a table of keys: `cont` says whether the value may go on
 * indented continuation lines. */
typedef bool (*key_fn)(struct parse *ps, const char *key, const char *v,
                       int line, bool cont);
struct key_entry {
    const char *key;
    key_fn fn;
    bool cont;
    bool prefix;     /* key is a prefix ("zone-leds.") */
};

static const struct key_entry *find_key(const struct key_entry *t, size_t n,
                                        const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].prefix ? !strncmp(key, t[i].key, strlen(t[i].key))
                        : !strcmp(key, t[i].key))
            return &t[i];
    return NULL;
}

/* ---- [controller] ------------------------------------------------------- */

static bool key_name(struct parse *ps, const char *key, const char *v,
                     int line, bool cont)
{
    (void)key, (void)line;
    if (cont)
        append_text(ps->p->name, sizeof ps->p->name, v);
    else
        snprintf(ps->p->name, sizeof ps->p->name, "%s", v);
    return true;
}

static bool key_text(struct parse *ps, const char *key, const char *v,
                     int line, bool cont)
{
    (void)line, (void)cont;
    struct profile *p = ps->p;
    if (!strcmp(key, "source"))
        append_text(p->source, sizeof p->source, v);
    else
        append_text(p->verified, sizeof p->verified, v);
    return true;
}

static bool key_flag(struct parse *ps, const char *key, const char *v,
                     int line, bool cont)
{
    (void)cont;
    bool *flag = !strcmp(key, "guess") ? &ps->p->guess : &ps->p->motorized;
    if (!parse_bool(v, flag))
        return err(ps, line, "%s must be yes or no, not '%s'", key, v);
    return true;
}

/* match = a, b, c and exclude = ...: comma-separated patterns. */
static bool key_patterns(struct parse *ps, const char *key, const char *v,
                         int line, bool cont)
{
    (void)cont;
    struct profile *p = ps->p;
    bool ex = !strcmp(key, "exclude");
    char (*list)[PROFILE_PATTERN_MAX] = ex ? p->exclude : p->match;
    int *count = ex ? &p->exclude_count : &p->match_count;
    char buf[INI_LINES_MAX + 1];
    snprintf(buf, sizeof buf, "%s", v);
    char *save = NULL;
    for (char *t = strtok_r(buf, ",", &save); t;
         t = strtok_r(NULL, ",", &save)) {
        while (isspace((unsigned char)*t))
            t++;
        size_t n = strlen(t);
        while (n && isspace((unsigned char)t[n - 1]))
            t[--n] = 0;
        if (!n)
            return err(ps, line, "empty %s pattern", key);
        if (*count == PROFILE_MATCH_MAX)
            return err(ps, line, "more than %d %s patterns",
                       PROFILE_MATCH_MAX, key);
        if (!copy_fits(list[*count], PROFILE_PATTERN_MAX, t))
            return err(ps, line, "%s pattern '%s' is too long", key, t);
        ++*count;
    }
    return true;
}

static const struct key_entry controller_keys[] = {
    {"name", key_name, true, false},
    {"match", key_patterns, true, false},
    {"exclude", key_patterns, true, false},
    {"motorized", key_flag, false, false},
    {"guess", key_flag, false, false},
    {"verified", key_text, true, false},
    {"source", key_text, true, false},
};

/* ---- controls shared by [elements], [strips], [buttons] ----------------- */

enum clash { CLASH_NONE, CLASH_SLOT, CLASH_BUTTON, CLASH_NAV };

/* What control c clashes with among those already given; *name gets the
 * element id, strip number, button command or strip key. */
static enum clash clash(const struct profile *p, const struct profile_ctl *c,
                        char *name, size_t namelen)
{
    for (int o = 0; o < BOARD_ELEMENTS; o++)
        if (ctl_overlap(c, &p->element[o])) {
            if (p->strip_count)
                snprintf(name, namelen, "strip %d", o + 1);
            else
                snprintf(name, namelen, "%s", board_element_id(o));
            return CLASH_SLOT;
        }
    for (int b = 0; b < p->button_count; b++)
        if (ctl_overlap(c, &p->button[b].ctl)) {
            snprintf(name, namelen, "%s", p->button[b].command);
            return CLASH_BUTTON;
        }
    const struct profile_ctl *nav[] = {&p->strip_next, &p->strip_prev,
                                       &p->strip_select};
    static const char *const nav_name[] = {"strips next", "strips prev",
                                           "strips select"};
    for (int i = 0; i < 3; i++)
        if (ctl_overlap(c, nav[i])) {
            snprintf(name, namelen, "%s", nav_name[i]);
            return CLASH_NAV;
        }
    return CLASH_NONE;
}

/* The message for a fader or strip control `key` that clashes. */
static bool clash_err(struct parse *ps, int line, const char *key,
                      enum clash k, const char *name)
{
    if (k == CLASH_SLOT)
        return err(ps, line, "%s: the same control drives '%s'", key, name);
    if (k == CLASH_BUTTON)
        return err(ps, line, "%s: control is also a button (%s)", key, name);
    return err(ps, line, "%s: control is also '%s'", key, name);
}

/* A fader control for element or strip slot `slot`, named `key`. */
static bool fader_ctl(struct parse *ps, const char *key, const char *v,
                      int line, int slot)
{
    struct profile *p = ps->p;
    struct profile_ctl c;
    char why[160], name[PROFILE_COMMAND_MAX];
    const char *bad = parse_ctl(v, &c, why, sizeof why);
    if (bad)
        return err(ps, line, "%s: %s", key, bad);
    if (c.kind == PROFILE_CTL_NOTE || c.kind == PROFILE_CTL_POLY)
        return err(ps, line, "%s: a note cannot drive a fader", key);
    c.line = line;
    enum clash k = clash(p, &c, name, sizeof name);
    if (k != CLASH_NONE)
        return clash_err(ps, line, key, k, name);
    p->element[slot] = c;
    return true;
}

/* ---- [elements] --------------------------------------------------------- */

static bool element_key(struct parse *ps, const char *key, const char *v,
                        int line)
{
    struct profile *p = ps->p;
    int e = board_element_index(key);
    if (e < 0)
        return err(ps, line, "unknown element '%s' (goals inquiry task "
                   "evaluation feedback plan demonstration)", key);
    if (ps->strips_line)
        return err(ps, line, "[elements] and [strips] cannot both be given "
                   "([strips] at line %d)", ps->strips_line);
    if (!ps->elements_line)
        ps->elements_line = line;
    if (p->element[e].kind != PROFILE_CTL_NONE)
        return err(ps, line, "element '%s' is mapped twice", key);
    return fader_ctl(ps, key, v, line, e);
}

/* ---- [strips] ----------------------------------------------------------- */

static bool strip_key(struct parse *ps, const char *key, const char *v,
                      int line)
{
    struct profile *p = ps->p;
    if (ps->elements_line)
        return err(ps, line, "[elements] and [strips] cannot both be given "
                   "([elements] at line %d)", ps->elements_line);
    if (!ps->strips_line)
        ps->strips_line = line;
    bool next = !strcmp(key, "next"), prev = !strcmp(key, "prev");
    if (next || prev || !strcmp(key, "select")) {
        struct profile_ctl *dst = next ? &p->strip_next
                                  : prev ? &p->strip_prev : &p->strip_select;
        if (dst->kind != PROFILE_CTL_NONE)
            return err(ps, line, "strips '%s' is given twice", key);
        struct profile_ctl c;
        char why[160], name[PROFILE_COMMAND_MAX];
        const char *bad = parse_ctl(v, &c, why, sizeof why);
        if (!bad && (next || prev) && c.kind != PROFILE_CTL_CC &&
            c.kind != PROFILE_CTL_NOTE && c.kind != PROFILE_CTL_POLY)
            bad = "a button is a note, a cc or poly";
        if (!bad && !next && !prev && c.kind != PROFILE_CTL_REL_TWOS &&
            c.kind != PROFILE_CTL_REL_OFFSET && c.kind != PROFILE_CTL_REL_SIGNED)
            bad = "select is a relative encoder (relative-twos, "
                  "relative-offset or relative-signed cc N)";
        if (bad)
            return err(ps, line, "%s: %s", key, bad);
        c.line = line;
        enum clash ck = clash(p, &c, name, sizeof name);
        if (ck != CLASH_NONE)
            return clash_err(ps, line, key, ck, name);
        *dst = c;
        return true;
    }
    int k;
    if (!str_parse_int(key, 1, BOARD_ELEMENTS, &k))
        return err(ps, line, "unknown key '%s' in [strips] (1..7, next, "
                   "prev, select)", key);
    if (ps->strip_given[k - 1])
        return err(ps, line, "strip %d is given twice", k);
    if (!fader_ctl(ps, key, v, line, k - 1))
        return false;
    ps->strip_given[k - 1] = true;
    if (k > p->strip_count)
        p->strip_count = k;
    return true;
}

/* ---- [buttons] ---------------------------------------------------------- */

static bool button_key(struct parse *ps, const char *key, const char *v,
                       int line)
{
    struct profile *p = ps->p;
    struct profile_ctl c;
    char why[160], name[PROFILE_COMMAND_MAX];
    const char *bad = parse_ctl(key, &c, why, sizeof why);
    if (bad)
        return err(ps, line, "button '%s': %s", key, bad);
    if (c.kind != PROFILE_CTL_CC && c.kind != PROFILE_CTL_NOTE &&
        c.kind != PROFILE_CTL_POLY)
        return err(ps, line, "button '%s': a button is a note or a cc", key);
    struct command cmd;
    char cerr[160];
    if (!command_parse(v, &cmd, cerr, sizeof cerr))
        return err(ps, line, "bad command '%s': %s", v, cerr);
    if (strlen(v) >= PROFILE_COMMAND_MAX)
        return err(ps, line, "command '%s' is too long", v);
    enum clash k = clash(p, &c, name, sizeof name);
    if (k == CLASH_BUTTON)
        return err(ps, line, "button '%s' is given twice", key);
    if (k != CLASH_NONE)
        return err(ps, line, "button '%s' is the control of '%s'", key, name);
    if (p->button_count == PROFILE_BUTTONS_MAX)
        return err(ps, line, "more than %d buttons", PROFILE_BUTTONS_MAX);
    c.line = line;
    struct profile_button *b = &p->button[p->button_count];
    b->ctl = c;
    copy_fits(b->command, sizeof b->command, v); /* length checked above */
    p->button_count++;
    return true;
}

/* ---- [feedback] --------------------------------------------------------- */

static bool fb_faders(struct parse *ps, const char *key, const char *v,
                      int line, bool cont)
{
    (void)key, (void)cont;
    if (!strcasecmp(v, "echo"))
        ps->p->feedback_faders = true;
    else if (!strcasecmp(v, "none"))
        ps->p->feedback_faders = false;
    else
        return err(ps, line, "faders must be echo or none, not '%s'", v);
    return true;
}

static bool fb_lcd(struct parse *ps, const char *key, const char *v,
                   int line, bool cont)
{
    (void)key, (void)cont;
    struct profile *p = ps->p;
    if (!strcasecmp(v, "mackie")) {
        p->mackie_lcd = true;
        p->lcd_id = PROFILE_LCD_ID;
    } else if (!strcasecmp(v, "mackie-xt")) {
        p->mackie_lcd = true;
        p->lcd_id = PROFILE_LCD_ID_XT;
    } else if (!strcasecmp(v, "none")) {
        p->mackie_lcd = false;
    } else {
        return err(ps, line, "lcd must be mackie, mackie-xt or none, not "
                   "'%s'", v);
    }
    return true;
}

/* channel, led-on, led-off, lcd-chars: one number each. */
static bool fb_number(struct parse *ps, const char *key, const char *v,
                      int line, bool cont)
{
    (void)cont;
    struct profile *p = ps->p;
    int x;
    if (!strcmp(key, "channel")) {
        if (!str_parse_int(v, 1, 16, &x))
            return err(ps, line, "channel '%s' is not 1..16", v);
        p->feedback_channel = x - 1;
    } else if (!strcmp(key, "fader-max")) {
        if (!str_parse_int(v, 1, 16383, &x))
            return err(ps, line, "fader-max '%s' is not 1..16383", v);
        p->feedback_max = x;
    } else if (!strcmp(key, "lcd-chars")) {
        if (!str_parse_int(v, 6, 7, &x))
            return err(ps, line, "lcd-chars '%s' is not 6 or 7", v);
        p->lcd_chars = x;
    } else {
        if (!str_parse_int(v, 0, 127, &x))
            return err(ps, line, "%s '%s' is not 0..127", key, v);
        *(!strcmp(key, "led-on") ? &p->led_on : &p->led_off) = x;
    }
    return true;
}

static bool fb_touch(struct parse *ps, const char *key, const char *v,
                     int line, bool cont)
{
    (void)key, (void)cont;
    struct profile *p = ps->p;
    char buf[INI_LINES_MAX + 1];
    snprintf(buf, sizeof buf, "%s", v);
    int e = 0, ccs = 0, notes = 0;
    char *save = NULL;
    for (char *t = strtok_r(buf, ",", &save); t;
         t = strtok_r(NULL, ",", &save)) {
        char *w[3];
        int n = split_words(t, w, 2);
        if (e == BOARD_ELEMENTS)
            return err(ps, line, "more than 7 touch sensors");
        if (n == 1 && !strcasecmp(w[0], "none")) {
            p->touch_note[e++] = -1;
            continue;
        }
        bool is_cc = n == 2 && !strcasecmp(w[0], "cc");
        bool is_note = n == 2 && !strcasecmp(w[0], "note");
        const char *num = n == 1 ? w[0] : n == 2 ? w[1] : "";
        if ((n == 2 && !is_cc && !is_note) || n < 1 || n > 2 ||
            !str_parse_int(num, 0, 127, &p->touch_note[e]))
            return err(ps, line, "touch sensor '%s' is not a note 0..127, "
                       "'cc N', 'note N' or none", n ? w[0] : "");
        ccs += is_cc;
        notes += !is_cc;
        e++;
    }
    if (ccs && notes)
        return err(ps, line, "touch sensors are all notes or all ccs");
    p->touch_cc = ccs > 0;
    return true;
}

static bool fb_zone_leds(struct parse *ps, const char *key, const char *v,
                         int line, bool cont)
{
    (void)cont;
    struct profile *p = ps->p;
    const char *which = key + strlen("zone-leds.");
    int e = board_element_index(which);
    int k;
    if (e < 0 && str_parse_int(which, 1, BOARD_ELEMENTS, &k))
        e = k - 1; /* strip k */
    if (e < 0)
        return err(ps, line, "unknown element in '%s'", key);
    char buf[INI_LINES_MAX + 1];
    snprintf(buf, sizeof buf, "%s", v);
    int z = 0;
    char *save = NULL;
    for (char *t = strtok_r(buf, ",", &save); t;
         t = strtok_r(NULL, ",", &save)) {
        if (z == ZONE_COUNT)
            return err(ps, line, "%s: more than 3 LEDs", key);
        struct profile_ctl c;
        char why[160];
        const char *bad = parse_ctl(t, &c, why, sizeof why);
        if (!bad && c.kind != PROFILE_CTL_NOTE && c.kind != PROFILE_CTL_CC)
            bad = "an LED is a note or a cc";
        if (bad)
            return err(ps, line, "%s: %s", key, bad);
        c.line = line;
        p->zone_led[e][z++] = c;
    }
    if (z != ZONE_COUNT)
        return err(ps, line, "%s: needs 3 LEDs (teacher, co-created, "
                   "student)", key);
    return true;
}

/* The key naming each transport LED, in enum profile_transport_led order
 * (profile_write uses it too). */
static const char *const transport_led_key[PROFILE_TRANSPORT_LEDS] = {
    [PROFILE_LED_PLAY] = "play-led", [PROFILE_LED_RECORD] = "record-led"};

/* play-led = note 94, record-led = cc 45 ch 1: one LED each, lit with
 * led-on and darkened with led-off. The LED may be the button's own
 * control (it usually is), so no clash is checked. */
static bool fb_transport_led(struct parse *ps, const char *key, const char *v,
                             int line, bool cont)
{
    (void)cont;
    int l = PROFILE_LED_RECORD;
    if (!strcmp(key, transport_led_key[PROFILE_LED_PLAY]))
        l = PROFILE_LED_PLAY;
    struct profile_ctl *dst = &ps->p->transport_led[l];
    if (dst->kind != PROFILE_CTL_NONE)
        return err(ps, line, "%s is given twice (first at line %d)", key,
                   dst->line);
    struct profile_ctl c;
    char why[160];
    const char *bad = parse_ctl(v, &c, why, sizeof why);
    if (!bad && c.kind != PROFILE_CTL_NOTE && c.kind != PROFILE_CTL_CC)
        bad = "an LED is a note or a cc";
    if (bad)
        return err(ps, line, "%s: %s", key, bad);
    c.line = line;
    *dst = c;
    return true;
}

/* connect = C0 00 F0 ... F7: hex bytes (0x optional), on as many
 * continuation lines as needed; checked as whole messages at the end. */
static bool fb_connect(struct parse *ps, const char *key, const char *v,
                       int line, bool cont)
{
    (void)key;
    struct profile *p = ps->p;
    if (!cont && ps->connect_line)
        return err(ps, line, "connect is given twice (first at line %d)",
                   ps->connect_line);
    if (!ps->connect_line)
        ps->connect_line = line;
    char buf[INI_LINES_MAX + 1];
    snprintf(buf, sizeof buf, "%s", v);
    char *save = NULL;
    for (char *t = strtok_r(buf, " \t,", &save); t;
         t = strtok_r(NULL, " \t,", &save)) {
        const char *h = t;
        if (h[0] == '0' && (h[1] == 'x' || h[1] == 'X'))
            h += 2;
        char *end = NULL;
        unsigned long x = strlen(h) == 2 && isxdigit((unsigned char)h[0]) &&
                                  isxdigit((unsigned char)h[1])
                              ? strtoul(h, &end, 16)
                              : 256;
        if (x > 255)
            return err(ps, line, "connect: '%s' is not a hex byte (00..FF)",
                       t);
        if (p->connect_len == PROFILE_CONNECT_MAX) {
            ps->connect_overflow = true;
            return err(ps, line, "connect: more than %d bytes",
                       PROFILE_CONNECT_MAX);
        }
        p->connect[p->connect_len++] = (uint8_t)x;
    }
    return true;
}

/* Data bytes a status byte takes (-1: SysEx, up to F7; -2: not a status
 * that may start a message here). */
static int data_bytes(uint8_t status)
{
    if (status < 0x80 || status == 0xF7)
        return -2;
    if (status < 0xF0)
        return (status & 0xF0) == 0xC0 || (status & 0xF0) == 0xD0 ? 1 : 2;
    switch (status) {
    case 0xF0: return -1;
    case 0xF1: case 0xF3: return 1;
    case 0xF2: return 2;
    default: return 0;
    }
}

/* The connect bytes are whole messages: why not, or NULL. */
static const char *connect_check(const uint8_t *b, size_t n)
{
    size_t i = 0;
    while (i < n) {
        int need = data_bytes(b[i]);
        if (need == -2)
            return "does not start with a status byte where a message "
                   "should begin";
        i++;
        if (need == -1) {
            while (i < n && b[i] < 0x80)
                i++;
            if (i == n || b[i] != 0xF7)
                return "a SysEx (F0) does not end with F7";
            i++;
            continue;
        }
        for (int d = 0; d < need; d++, i++)
            if (i == n || b[i] >= 0x80)
                return "a message is missing data bytes (00..7F)";
    }
    return NULL;
}

static const struct key_entry feedback_keys[] = {
    {"faders", fb_faders, false, false},
    {"lcd", fb_lcd, false, false},
    {"lcd-chars", fb_number, false, false},
    {"fader-max", fb_number, false, false},
    {"channel", fb_number, false, false},
    {"led-on", fb_number, false, false},
    {"led-off", fb_number, false, false},
    {"touch", fb_touch, false, false},
    {"zone-leds.", fb_zone_leds, false, true},
    {"play-led", fb_transport_led, false, false},
    {"record-led", fb_transport_led, false, false},
    {"connect", fb_connect, true, false},
};

/* ---- sections ----------------------------------------------------------- */

static bool table_key(struct parse *ps, const struct key_entry *t, size_t n,
                      const char *section, const char *key, const char *v,
                      int line, bool cont)
{
    const struct key_entry *k = find_key(t, n, key);
    if (!k)
        return err(ps, line, "unknown key '%s' in [%s]", key, section);
    if (cont && !k->cont)
        return err(ps, line, "'%s' cannot continue on another line", key);
    return k->fn(ps, key, v, line, cont);
}

static bool on_entry(void *user, const char *section, const char *key,
                     const char *value, int line, bool continuation)
{
    struct parse *ps = user;
    if (!strcmp(section, "controller"))
        return table_key(ps, controller_keys,
                         sizeof controller_keys / sizeof controller_keys[0],
                         section, key, value, line, continuation);
    if (!strcmp(section, "feedback"))
        return table_key(ps, feedback_keys,
                         sizeof feedback_keys / sizeof feedback_keys[0],
                         section, key, value, line, continuation);
    if (continuation)
        return err(ps, line, "'%s' cannot continue on another line", key);
    if (!strcmp(section, "elements"))
        return element_key(ps, key, value, line);
    if (!strcmp(section, "strips"))
        return strip_key(ps, key, value, line);
    if (!strcmp(section, "buttons"))
        return button_key(ps, key, value, line);
    return err(ps, line, "unknown section [%s] (controller, elements, "
               "strips, buttons, feedback)", section);
}

bool profile_parse(const char *text, size_t len, const char *file,
                   const char *id, struct profile *out,
                   struct diag_list *diag)
{
    profile_init(out);
    snprintf(out->id, sizeof out->id, "%s", id ? id : "");
    struct parse ps = {.p = out, .file = file, .diag = diag};
    int errors = ini_lines_parse(text, len, file, on_entry, &ps, diag);
    int mapped = 0;
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        mapped += out->element[e].kind != PROFILE_CTL_NONE;
    if (!mapped) {
        diag_add(diag, file, 0, "no element is mapped ([elements])");
        errors++;
    }
    for (int k = 0; k < out->strip_count; k++)
        if (!ps.strip_given[k]) {
            diag_add(diag, file, ps.strips_line, "[strips]: strip %d is "
                     "missing (strips are numbered 1..%d without a gap)",
                     k + 1, out->strip_count);
            errors++;
            break;
        }
    const char *why = ps.connect_overflow
                          ? NULL : connect_check(out->connect,
                                                 out->connect_len);
    if (why) {
        diag_add(diag, file, ps.connect_line, "connect: %s", why);
        errors++;
    }
    if (!out->name[0])
        snprintf(out->name, sizeof out->name, "%s", out->id);
    return errors == 0;
}

static bool ci_contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (!n)
        return false;
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return true;
    return false;
}

bool profile_matches_port(const struct profile *p, const char *port_name)
{
    for (int i = 0; i < p->match_count; i++)
        if (ci_contains(port_name, p->match[i]))
            return true;
    return false;
}

size_t profile_match_score(const struct profile *p, const char *port_name)
{
    size_t best = 0;
    for (int i = 0; i < p->match_count; i++) {
        size_t n = strlen(p->match[i]);
        if (n > best && ci_contains(port_name, p->match[i]))
            best = n;
    }
    return best;
}

int profile_pick(const struct profile *list, int count, int generic,
                 const char *port_name)
{
    int best = -1;
    size_t best_score = 0;
    for (int i = 0; i < count; i++) {
        if (i == generic)
            continue;
        size_t score = profile_match_score(&list[i], port_name);
        if (score == 0)
            continue;
        if (best < 0 || score > best_score ||
            (score == best_score && strcmp(list[i].id, list[best].id) < 0))
            best = i, best_score = score;
    }
    if (best < 0)
        return generic;
    for (int x = 0; x < list[best].exclude_count; x++)
        if (ci_contains(port_name, list[best].exclude[x]))
            return PROFILE_PICK_SKIP;
    return best;
}

void profile_ctl_describe(const struct profile_ctl *c, char *out,
                          size_t outlen)
{
    int n = 0;
    switch (c->kind) {
    case PROFILE_CTL_NONE:
        snprintf(out, outlen, "none");
        return;
    case PROFILE_CTL_PITCH_BEND:
        n = snprintf(out, outlen, "pitchbend");
        break;
    case PROFILE_CTL_REL_TWOS: case PROFILE_CTL_REL_OFFSET:
    case PROFILE_CTL_REL_SIGNED:
        n = snprintf(out, outlen, "%s cc %d", kind_word[c->kind], c->number);
        break;
    default:
        n = snprintf(out, outlen, "%s %d", kind_word[c->kind], c->number);
        break;
    }
    if (c->channel >= 0 && n >= 0 && (size_t)n < outlen)
        snprintf(out + n, outlen - n, " ch %d", c->channel + 1);
}

/* Appends to out; tracks overflow in *len > cap. */
__attribute__((format(printf, 4, 5)))
static void put(char *out, size_t cap, size_t *len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char line[INI_LINES_MAX + 8];
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    size_t n = strlen(line);
    if (*len + n < cap)
        memcpy(out + *len, line, n + 1);
    *len += n;
}

/* key = long text, split into continuation lines at blanks. */
static void put_long(char *out, size_t cap, size_t *len, const char *key,
                     const char *text)
{
    char piece[120];
    const char *s = text;
    bool first = true;
    do {
        size_t n = strlen(s);
        if (n > 100) {
            n = 100;
            while (n > 0 && s[n] != ' ')
                n--;
            if (n == 0)
                n = 100;
        }
        memcpy(piece, s, n);
        piece[n] = 0;
        if (first) {
            put(out, cap, len, "%s = %s\n", key, piece);
        } else {
            put(out, cap, len, "    %s\n", piece);
        }
        first = false;
        s += n;
        while (*s == ' ')
            s++;
    } while (*s);
}

/* key = patterns joined by ", ", going on to continuation lines before a
 * line grows long (8 patterns of 63 bytes do not fit one INI line), and
 * never splitting a pattern. */
static void put_list(char *out, size_t cap, size_t *len, const char *key,
                     const char (*list)[PROFILE_PATTERN_MAX], int count)
{
    size_t line = 0;
    for (int i = 0; i < count; i++) {
        size_t l = strlen(list[i]);
        if (i == 0) {
            put(out, cap, len, "%s = %s", key, list[i]);
            line = strlen(key) + 3 + l;
        } else if (line + 2 + l > 100) {
            put(out, cap, len, ",\n    %s", list[i]);
            line = 4 + l;
        } else {
            put(out, cap, len, ", %s", list[i]);
            line += 2 + l;
        }
    }
    if (count)
        put(out, cap, len, "\n%s", "");
}

size_t profile_write(const struct profile *p, char *out, size_t cap)
{
    size_t len = 0;
    char d[64];
    put(out, cap, &len, "[controller]\nname = %s\n", p->name);
    put_list(out, cap, &len, "match", p->match, p->match_count);
    put_list(out, cap, &len, "exclude", p->exclude, p->exclude_count);
    put(out, cap, &len, "motorized = %s\n", p->motorized ? "yes" : "no");
    if (p->guess)
        put(out, cap, &len, "guess = yes\n%s", "");
    if (p->verified[0])
        put_long(out, cap, &len, "verified", p->verified);
    if (p->source[0])
        put_long(out, cap, &len, "source", p->source);
    put(out, cap, &len, "\n[%s]\n", p->strip_count ? "strips" : "elements");
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        if (p->element[e].kind == PROFILE_CTL_NONE)
            continue;
        profile_ctl_describe(&p->element[e], d, sizeof d);
        if (p->strip_count)
            put(out, cap, &len, "%d = %s\n", e + 1, d);
        else
            put(out, cap, &len, "%s = %s\n", board_element_id(e), d);
    }
    static const char *const nav_key[] = {"next", "prev", "select"};
    const struct profile_ctl *nav[] = {&p->strip_next, &p->strip_prev,
                                       &p->strip_select};
    for (int i = 0; i < 3 && p->strip_count; i++) {
        if (nav[i]->kind == PROFILE_CTL_NONE)
            continue;
        profile_ctl_describe(nav[i], d, sizeof d);
        put(out, cap, &len, "%s = %s\n", nav_key[i], d);
    }
    if (p->button_count)
        put(out, cap, &len, "\n[buttons]\n%s", "");
    for (int b = 0; b < p->button_count; b++) {
        profile_ctl_describe(&p->button[b].ctl, d, sizeof d);
        put(out, cap, &len, "%s = %s\n", d, p->button[b].command);
    }
    put(out, cap, &len, "\n[feedback]\nfaders = %s\n",
        p->feedback_faders ? "echo" : "none");
    if (p->feedback_channel >= 0)
        put(out, cap, &len, "channel = %d\n", p->feedback_channel + 1);
    if (p->feedback_max > 0)
        put(out, cap, &len, "fader-max = %d\n", p->feedback_max);
    bool touch = false;
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        touch |= p->touch_note[e] >= 0;
    if (touch) {
        put(out, cap, &len, "touch =%s", "");
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            if (p->touch_note[e] >= 0)
                put(out, cap, &len, "%s %s%d", e ? "," : "",
                    p->touch_cc ? "cc " : "", p->touch_note[e]);
            else
                put(out, cap, &len, "%s none", e ? "," : "");
        }
        put(out, cap, &len, "\n%s", "");
    }
    put(out, cap, &len, "lcd = %s\n",
        !p->mackie_lcd ? "none"
        : p->lcd_id == PROFILE_LCD_ID_XT ? "mackie-xt" : "mackie");
    if (p->mackie_lcd)
        put(out, cap, &len, "lcd-chars = %d\n", p->lcd_chars);
    put(out, cap, &len, "led-on = %d\n", p->led_on);
    put(out, cap, &len, "led-off = %d\n", p->led_off);
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        if (p->zone_led[e][0].kind == PROFILE_CTL_NONE)
            continue;
        if (p->strip_count)
            put(out, cap, &len, "zone-leds.%d =", e + 1);
        else
            put(out, cap, &len, "zone-leds.%s =", board_element_id(e));
        for (int z = 0; z < ZONE_COUNT; z++) {
            profile_ctl_describe(&p->zone_led[e][z], d, sizeof d);
            put(out, cap, &len, z ? ", %s" : " %s", d);
        }
        put(out, cap, &len, "\n%s", "");
    }
    for (int l = 0; l < PROFILE_TRANSPORT_LEDS; l++) {
        if (p->transport_led[l].kind == PROFILE_CTL_NONE)
            continue;
        profile_ctl_describe(&p->transport_led[l], d, sizeof d);
        put(out, cap, &len, "%s = %s\n", transport_led_key[l], d);
    }
    /* 16 bytes a line, continued */
    for (size_t i = 0; i < p->connect_len; i++)
        put(out, cap, &len, "%s%02X%s", i == 0 ? "connect = "
                                        : i % 16 == 0 ? "    " : " ",
            p->connect[i],
            i + 1 == p->connect_len || i % 16 == 15 ? "\n" : "");
    return len < cap ? len : 0;
}
