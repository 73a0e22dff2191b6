/* command: parse the command language; apply the board's own commands. */
#include "command.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "str.h"

static const char *const theme_names[THEME_COUNT] = {
    "dark", "light", "high-contrast",
};

const char *command_theme_name(int index)
{
    return index >= 0 && index < THEME_COUNT ? theme_names[index] : NULL;
}

int command_theme_index(const char *name)
{
    for (int i = 0; name && i < THEME_COUNT; i++)
        if (strcmp(name, theme_names[i]) == 0)
            return i;
    return -1;
}

enum { MAX_WORDS = 4, WORD_LEN = 32 };

/* Splits on blanks into at most MAX_WORDS words; returns the count or -1
 * if there are too many or one is too long. */
static int split(const char *text, char words[MAX_WORDS][WORD_LEN])
{
    int n = 0;
    const char *p = text;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            return n;
        if (n == MAX_WORDS)
            return -1;
        size_t len = strcspn(p, " \t");
        if (len >= WORD_LEN)
            return -1;
        memcpy(words[n], p, len);
        words[n][len] = '\0';
        n++;
        p += len;
    }
}

static bool fail(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static bool fail(char *err, size_t errlen, const char *fmt, ...)
{
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return false;
}

/* ---- The command table -------------------------------------------------
 * Every command once: its words, the argument it takes and its usage.
 * Keys (keys.ini), controller buttons (profiles) and tests all parse
 * through it; adding a command is a row here and a case where it runs. */

static const char *const overlay_names[OVERLAY_COUNT] = {
    "none", "help", "questions", "presets", "intro", "misunderstandings",
    "why",
};

const char *command_overlay_name(int overlay)
{
    return overlay >= 0 && overlay < OVERLAY_COUNT ? overlay_names[overlay]
                                                   : NULL;
}

int command_overlay_index(const char *name)
{
    for (int i = 0; name && i < OVERLAY_COUNT; i++)
        if (strcmp(name, overlay_names[i]) == 0)
            return i;
    return -1;
}

static const struct command_def defs[] = {
    {"select", NULL, COMMAND_ARG_ELEMENT_OR_STEP, CMD_SELECT,
     "select ID|next|prev"},
    {"nudge", NULL, COMMAND_ARG_DELTA, CMD_NUDGE, "nudge +N|-N"},
    {"set", NULL, COMMAND_ARG_ELEMENT_VALUE, CMD_SET, "set ID VALUE"},
    {"zone", NULL, COMMAND_ARG_ZONE, CMD_ZONE, "zone ZONE-ID"},
    {"fullscreen", NULL, COMMAND_ARG_NONE, CMD_FULLSCREEN, "fullscreen"},
    {"display", "next", COMMAND_ARG_NONE, CMD_DISPLAY_NEXT, "display next"},
    {"theme", NULL, COMMAND_ARG_THEME, CMD_THEME,
     "theme next|dark|light|high-contrast"},
    {"overlay", NULL, COMMAND_ARG_OVERLAY, CMD_OVERLAY,
     "overlay help|questions|presets|intro|misunderstandings|why|none"},
    {"preset", "recall", COMMAND_ARG_SLOT, CMD_PRESET_RECALL,
     "preset recall N"},
    {"preset", "store", COMMAND_ARG_SLOT, CMD_PRESET_STORE, "preset store N"},
    {"preset", "next", COMMAND_ARG_NONE, CMD_PRESET_NEXT, "preset next"},
    {"preset", "prev", COMMAND_ARG_NONE, CMD_PRESET_PREV, "preset prev"},
    {"preset", "save", COMMAND_ARG_NONE, CMD_PRESET_SAVE, "preset save"},
    {"compare", NULL, COMMAND_ARG_NONE, CMD_COMPARE, "compare"},
    {"glide", NULL, COMMAND_ARG_MS, CMD_GLIDE, "glide next|MS"},
    /* The unit's arc. */
    {"arc", "play", COMMAND_ARG_NONE, CMD_ARC_PLAY, "arc play"},
    {"arc", "stop", COMMAND_ARG_NONE, CMD_ARC_STOP, "arc stop"},
    {"arc", "prev", COMMAND_ARG_NONE, CMD_ARC_PREV, "arc prev"},
    {"arc", "next", COMMAND_ARG_NONE, CMD_ARC_NEXT, "arc next"},
    {"arc", "first", COMMAND_ARG_NONE, CMD_ARC_FIRST, "arc first"},
    {"arc", "last", COMMAND_ARG_NONE, CMD_ARC_LAST, "arc last"},
    {"arc", "step", COMMAND_ARG_STEP, CMD_ARC_STEP, "arc step N"},
    {"arc", "record", COMMAND_ARG_NONE, CMD_ARC_RECORD, "arc record"},
    {"arc", "insert", COMMAND_ARG_NONE, CMD_ARC_INSERT, "arc insert"},
    {"arc", "delete", COMMAND_ARG_NONE, CMD_ARC_DELETE, "arc delete"},
    {"arc", "new", COMMAND_ARG_NONE, CMD_ARC_NEW, "arc new"},
    {"arc", "cycle", COMMAND_ARG_NONE, CMD_ARC_CYCLE, "arc cycle"},
    {"arc", "close", COMMAND_ARG_NONE, CMD_ARC_CLOSE, "arc close"},
    {"learn", NULL, COMMAND_ARG_NONE, CMD_LEARN, "learn"},
    {"rescan", NULL, COMMAND_ARG_NONE, CMD_RESCAN, "rescan"},
    {"controller", "generic", COMMAND_ARG_NONE, CMD_ACCEPT_GENERIC,
     "controller generic"},
    {"quit", NULL, COMMAND_ARG_NONE, CMD_QUIT, "quit"},
};

const struct command_def *command_defs(int *count)
{
    *count = (int)(sizeof defs / sizeof defs[0]);
    return defs;
}

/* The words after the verb (and its second word): how many the argument
 * kind takes. */
static int arg_words(enum command_arg arg)
{
    switch (arg) {
    case COMMAND_ARG_NONE: return 0;
    case COMMAND_ARG_ELEMENT_VALUE: return 2;
    default: return 1;
    }
}

static bool parse_arg(const struct command_def *d, char w[][WORD_LEN],
                      struct command *out, char *err, size_t errlen)
{
    out->kind = d->kind;
    switch (d->arg) {
    case COMMAND_ARG_NONE:
        return true;
    case COMMAND_ARG_ELEMENT_OR_STEP:
        if (strcmp(w[0], "next") == 0)
            return out->value = 1, true;
        if (strcmp(w[0], "prev") == 0)
            return out->value = -1, true;
        out->element = board_element_index(w[0]);
        return out->element >= 0
               || fail(err, errlen, "unknown element '%s'", w[0]);
    case COMMAND_ARG_DELTA:
        if (!str_parse_int(w[0], -BOARD_MAX, BOARD_MAX, &out->value)
            || out->value == 0)
            return fail(err, errlen, "nudge needs +N or -N, not '%s'", w[0]);
        return true;
    case COMMAND_ARG_ELEMENT_VALUE:
        out->element = board_element_index(w[0]);
        if (out->element < 0)
            return fail(err, errlen, "unknown element '%s'", w[0]);
        if (!str_parse_int(w[1], BOARD_MIN, BOARD_MAX, &out->value))
            return fail(err, errlen, "value '%s' is not 0..100", w[1]);
        return true;
    case COMMAND_ARG_ZONE:
        out->value = zone_from_id(w[0]);
        return out->value >= 0
               || fail(err, errlen, "unknown zone '%s'", w[0]);
    case COMMAND_ARG_THEME:
        out->value = strcmp(w[0], "next") == 0 ? -1
                                               : command_theme_index(w[0]);
        return out->value >= 0 || strcmp(w[0], "next") == 0
               || fail(err, errlen, "unknown theme '%s'", w[0]);
    case COMMAND_ARG_OVERLAY:
        out->value = command_overlay_index(w[0]);
        return out->value >= 0
               || fail(err, errlen, "unknown overlay '%s'", w[0]);
    case COMMAND_ARG_SLOT:
        return str_parse_int(w[0], 1, COMMAND_SLOTS, &out->value)
               || fail(err, errlen, "preset slot '%s' is not 1..9", w[0]);
    case COMMAND_ARG_MS:
        if (strcmp(w[0], "next") == 0)
            return out->value = -1, true;
        return str_parse_int(w[0], 0, 60000, &out->value)
               || fail(err, errlen, "glide takes next or 0..60000 ms, not "
                       "'%s'", w[0]);
    case COMMAND_ARG_STEP:
        return str_parse_int(w[0], 1, COMMAND_ARC_STEPS, &out->value)
               || fail(err, errlen, "arc step '%s' is not 1..52", w[0]);
    }
    return false;
}

/* "usage: preset recall N | preset store N | ..." for a verb whose second
 * word is wrong. */
static bool usage_of(const char *verb, char *err, size_t errlen)
{
    char text[512] = "usage:";
    size_t n = strlen(text);
    for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++)
        if (strcmp(defs[i].verb, verb) == 0 && n < sizeof text)
            n += (size_t)snprintf(text + n, sizeof text - n, "%s %s",
                                  n > 6 ? " |" : "", defs[i].usage);
    return fail(err, errlen, "%s", text);
}

bool command_parse(const char *text, struct command *out, char *err,
                   size_t errlen)
{
    char w[MAX_WORDS][WORD_LEN];
    int n = text ? split(text, w) : 0;
    *out = (struct command){.kind = CMD_NONE, .element = -1, .value = 0};
    if (n <= 0)
        return fail(err, errlen, "%s", n < 0 ? "command is too long"
                                              : "empty command");
    bool verb_known = false, has_subs = false;
    for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++) {
        const struct command_def *d = &defs[i];
        if (strcmp(d->verb, w[0]) != 0)
            continue;
        verb_known = true;
        int first = 1;
        if (d->sub) {
            has_subs = true;
            if (n < 2 || strcmp(d->sub, w[1]) != 0)
                continue;
            first = 2;
        }
        if (n - first != arg_words(d->arg)) {
            if (d->arg == COMMAND_ARG_NONE && !d->sub)
                return fail(err, errlen, "'%s' takes no arguments", w[0]);
            break;
        }
        return parse_arg(d, w + first, out, err, errlen);
    }
    if (verb_known && has_subs)
        return usage_of(w[0], err, errlen);
    return fail(err, errlen, "unknown or malformed command '%s'", w[0]);
}

bool command_apply_to_board(const struct command *cmd, struct board *b)
{
    switch (cmd->kind) {
    case CMD_SELECT: {
        int f = cmd->element >= 0
                    ? cmd->element
                    : (b->focus + cmd->value + BOARD_ELEMENTS) % BOARD_ELEMENTS;
        bool changed = f != b->focus;
        b->focus = f;
        return changed;
    }
    case CMD_NUDGE:
        return board_set(b, b->focus, b->value[b->focus] + cmd->value);
    case CMD_SET: {
        bool changed = board_set(b, cmd->element, cmd->value);
        changed |= b->focus != cmd->element;
        b->focus = cmd->element;
        return changed;
    }
    case CMD_ZONE:
        return board_set(b, b->focus, zone_centre((enum zone)cmd->value));
    default:
        return false;
    }
}
