/* profile: controller profile text <-> struct profile (see header and
 * controllers/README.md for the format). */
#include "profile.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
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
    char last_key[32];       /* for continuation lines */
    char last_section[32];
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
    p->feedback_channel = -1;
    p->led_on = 127;
    p->led_off = 0;
}

static const char *const kind_word[] = {
    [PROFILE_CTL_NONE] = "none", [PROFILE_CTL_CC] = "cc",
    [PROFILE_CTL_CC14] = "cc14", [PROFILE_CTL_PITCH_BEND] = "pitchbend",
    [PROFILE_CTL_REL_TWOS] = "relative-twos",
    [PROFILE_CTL_REL_OFFSET] = "relative-offset",
    [PROFILE_CTL_REL_SIGNED] = "relative-signed",
    [PROFILE_CTL_NRPN] = "nrpn", [PROFILE_CTL_NOTE] = "note",
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
    if (strlen(text) >= sizeof buf)
        return "control description too long";
    strcpy(buf, text);
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
                 "relative-signed, nrpn, note)", w[0]);
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

static bool controller_key(struct parse *ps, const char *key, const char *v,
                           int line, bool cont)
{
    struct profile *p = ps->p;
    if (!strcmp(key, "name")) {
        if (cont)
            append_text(p->name, sizeof p->name, v);
        else
            snprintf(p->name, sizeof p->name, "%s", v);
        return true;
    }
    if (!strcmp(key, "source")) {
        append_text(p->source, sizeof p->source, v);
        return true;
    }
    if (!strcmp(key, "verified")) {
        append_text(p->verified, sizeof p->verified, v);
        return true;
    }
    if (!strcmp(key, "motorized")) {
        if (!parse_bool(v, &p->motorized))
            return err(ps, line, "motorized must be yes or no, not '%s'%s",
                       v, "");
        return true;
    }
    if (!strcmp(key, "match")) {
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
                return err(ps, line, "empty match pattern");
            if (n >= PROFILE_PATTERN_MAX)
                return err(ps, line, "match pattern '%s' is too long%s", t,
                           "");
            if (p->match_count == PROFILE_MATCH_MAX)
                return err(ps, line, "more than 8 match patterns%s%s", "",
                           "");
            strcpy(p->match[p->match_count++], t);
        }
        return true;
    }
    return err(ps, line, "unknown key '%s' in [controller]%s", key, "");
}

static bool element_key(struct parse *ps, const char *key, const char *v,
                        int line)
{
    struct profile *p = ps->p;
    int e = board_element_index(key);
    if (e < 0)
        return err(ps, line, "unknown element '%s' (goals inquiry task "
                   "evaluation feedback plan demonstration)", key);
    if (p->element[e].kind != PROFILE_CTL_NONE)
        return err(ps, line, "element '%s' is mapped twice", key);
    struct profile_ctl c;
    char why[160];
    const char *bad = parse_ctl(v, &c, why, sizeof why);
    if (bad)
        return err(ps, line, "%s: %s", key, bad);
    if (c.kind == PROFILE_CTL_NOTE)
        return err(ps, line, "%s: a note cannot drive a fader", key);
    c.line = line;
    for (int o = 0; o < BOARD_ELEMENTS; o++)
        if (ctl_overlap(&c, &p->element[o]))
            return err(ps, line, "%s: the same control drives '%s'", key,
                       board_element_id(o));
    for (int b = 0; b < p->button_count; b++)
        if (ctl_overlap(&c, &p->button[b].ctl))
            return err(ps, line, "%s: control is also a button (%s)", key,
                       p->button[b].command);
    p->element[e] = c;
    return true;
}

static bool button_key(struct parse *ps, const char *key, const char *v,
                       int line)
{
    struct profile *p = ps->p;
    struct profile_ctl c;
    char why[160];
    const char *bad = parse_ctl(key, &c, why, sizeof why);
    if (bad)
        return err(ps, line, "button '%s': %s", key, bad);
    if (c.kind != PROFILE_CTL_CC && c.kind != PROFILE_CTL_NOTE)
        return err(ps, line, "button '%s': a button is a note or a cc%s",
                   key, "");
    struct command cmd;
    char cerr[160];
    if (!command_parse(v, &cmd, cerr, sizeof cerr))
        return err(ps, line, "bad command '%s': %s", v, cerr);
    if (strlen(v) >= PROFILE_COMMAND_MAX)
        return err(ps, line, "command '%s' is too long", v);
    for (int o = 0; o < BOARD_ELEMENTS; o++)
        if (ctl_overlap(&c, &p->element[o]))
            return err(ps, line, "button '%s' is the control of '%s'", key,
                       board_element_id(o));
    for (int b = 0; b < p->button_count; b++)
        if (ctl_overlap(&c, &p->button[b].ctl))
            return err(ps, line, "button '%s' is given twice", key);
    if (p->button_count == PROFILE_BUTTONS_MAX)
        return err(ps, line, "more than 48 buttons");
    c.line = line;
    p->button[p->button_count].ctl = c;
    strcpy(p->button[p->button_count].command, v);
    p->button_count++;
    return true;
}

static bool feedback_key(struct parse *ps, const char *key, const char *v,
                         int line)
{
    struct profile *p = ps->p;
    if (!strcmp(key, "faders")) {
        if (!strcasecmp(v, "echo"))
            p->feedback_faders = true;
        else if (!strcasecmp(v, "none"))
            p->feedback_faders = false;
        else
            return err(ps, line, "faders must be echo or none, not '%s'%s",
                       v, "");
        return true;
    }
    if (!strcmp(key, "lcd")) {
        if (!strcasecmp(v, "mackie"))
            p->mackie_lcd = true;
        else if (!strcasecmp(v, "none"))
            p->mackie_lcd = false;
        else
            return err(ps, line, "lcd must be mackie or none, not '%s'%s",
                       v, "");
        return true;
    }
    if (!strcmp(key, "channel")) {
        int ch;
        if (!str_parse_int(v, 1, 16, &ch))
            return err(ps, line, "channel '%s' is not 1..16", v);
        p->feedback_channel = ch - 1;
        return true;
    }
    if (!strcmp(key, "led-on") || !strcmp(key, "led-off")) {
        int x;
        if (!str_parse_int(v, 0, 127, &x))
            return err(ps, line, "%s '%s' is not 0..127", key, v);
        *(key[5] == 'n' ? &p->led_on : &p->led_off) = x;
        return true;
    }
    if (!strcmp(key, "touch")) {
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
                return err(ps, line, "touch sensor '%s' is not a note "
                           "0..127, 'cc N', 'note N' or none",
                           n ? w[0] : "");
            ccs += is_cc;
            notes += !is_cc;
            e++;
        }
        if (ccs && notes)
            return err(ps, line, "touch sensors are all notes or all ccs");
        p->touch_cc = ccs > 0;
        return true;
    }
    if (!strncmp(key, "zone-leds.", 10)) {
        int e = board_element_index(key + 10);
        if (e < 0)
            return err(ps, line, "unknown element in '%s'%s", key, "");
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
    return err(ps, line, "unknown key '%s' in [feedback]%s", key, "");
}

static bool on_entry(void *user, const char *section, const char *key,
                     const char *value, int line, bool continuation)
{
    struct parse *ps = user;
    if (!strcmp(section, "controller"))
        return controller_key(ps, key, value, line, continuation);
    if (continuation)
        return err(ps, line, "'%s' cannot continue on another line%s", key,
                   "");
    if (!strcmp(section, "elements"))
        return element_key(ps, key, value, line);
    if (!strcmp(section, "buttons"))
        return button_key(ps, key, value, line);
    if (!strcmp(section, "feedback"))
        return feedback_key(ps, key, value, line);
    return err(ps, line, "unknown section [%s] (controller, elements, "
               "buttons, feedback)", section);
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

size_t profile_write(const struct profile *p, char *out, size_t cap)
{
    size_t len = 0;
    char d[64], m[INI_LINES_MAX];
    put(out, cap, &len, "[controller]\nname = %s\n", p->name);
    m[0] = 0;
    for (int i = 0; i < p->match_count; i++) {
        if (i)
            strcat(m, ", ");
        strcat(m, p->match[i]);
    }
    if (p->match_count)
        put(out, cap, &len, "match = %s\n", m);
    put(out, cap, &len, "motorized = %s\n", p->motorized ? "yes" : "no");
    if (p->verified[0])
        put_long(out, cap, &len, "verified", p->verified);
    if (p->source[0])
        put_long(out, cap, &len, "source", p->source);
    put(out, cap, &len, "\n[elements]\n%s", "");
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        if (p->element[e].kind == PROFILE_CTL_NONE)
            continue;
        profile_ctl_describe(&p->element[e], d, sizeof d);
        put(out, cap, &len, "%s", board_element_id(e));
        put(out, cap, &len, " = %s\n", d);
    }
    if (p->button_count)
        put(out, cap, &len, "\n[buttons]\n%s", "");
    for (int b = 0; b < p->button_count; b++) {
        profile_ctl_describe(&p->button[b].ctl, d, sizeof d);
        put(out, cap, &len, "%s", d);
        put(out, cap, &len, " = %s\n", p->button[b].command);
    }
    put(out, cap, &len, "\n[feedback]\nfaders = %s\n",
        p->feedback_faders ? "echo" : "none");
    if (p->feedback_channel >= 0) {
        snprintf(d, sizeof d, "%d", p->feedback_channel + 1);
        put(out, cap, &len, "channel = %s\n", d);
    }
    bool touch = false;
    m[0] = 0;
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        touch |= p->touch_note[e] >= 0;
        if (p->touch_note[e] >= 0)
            snprintf(d, sizeof d, "%s%s%d", e ? ", " : "",
                     p->touch_cc ? "cc " : "", p->touch_note[e]);
        else
            snprintf(d, sizeof d, "%snone", e ? ", " : "");
        strcat(m, d);
    }
    if (touch)
        put(out, cap, &len, "touch = %s\n", m);
    put(out, cap, &len, "lcd = %s\n", p->mackie_lcd ? "mackie" : "none");
    snprintf(d, sizeof d, "%d", p->led_on);
    put(out, cap, &len, "led-on = %s\n", d);
    snprintf(d, sizeof d, "%d", p->led_off);
    put(out, cap, &len, "led-off = %s\n", d);
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        if (p->zone_led[e][0].kind == PROFILE_CTL_NONE)
            continue;
        put(out, cap, &len, "zone-leds.%s =", board_element_id(e));
        for (int z = 0; z < ZONE_COUNT; z++) {
            profile_ctl_describe(&p->zone_led[e][z], d, sizeof d);
            put(out, cap, &len, z ? ", %s" : " %s", d);
        }
        put(out, cap, &len, "\n%s", "");
    }
    return len < cap ? len : 0;
}
