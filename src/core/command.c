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

static bool parse_preset(char w[MAX_WORDS][WORD_LEN], int n,
                         struct command *out, char *err, size_t errlen)
{
    if (n == 2 && strcmp(w[1], "next") == 0)
        return out->kind = CMD_PRESET_NEXT, true;
    if (n == 2 && strcmp(w[1], "prev") == 0)
        return out->kind = CMD_PRESET_PREV, true;
    if (n == 2 && strcmp(w[1], "save") == 0)
        return out->kind = CMD_PRESET_SAVE, true;
    if (n == 3 && (strcmp(w[1], "recall") == 0 || strcmp(w[1], "store") == 0)) {
        if (!str_parse_int(w[2], 1, COMMAND_SLOTS, &out->value))
            return fail(err, errlen, "preset slot '%s' is not 1..9", w[2]);
        out->kind = w[1][0] == 'r' ? CMD_PRESET_RECALL : CMD_PRESET_STORE;
        return true;
    }
    return fail(err, errlen, "%s",
                "usage: preset recall N | store N | next | prev | save");
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
    const char *verb = w[0];
    if (strcmp(verb, "select") == 0 && n == 2) {
        out->kind = CMD_SELECT;
        if (strcmp(w[1], "next") == 0)
            return out->value = 1, true;
        if (strcmp(w[1], "prev") == 0)
            return out->value = -1, true;
        out->element = board_element_index(w[1]);
        if (out->element < 0)
            return fail(err, errlen, "unknown element '%s'", w[1]);
        return true;
    }
    if (strcmp(verb, "nudge") == 0 && n == 2) {
        out->kind = CMD_NUDGE;
        if (!str_parse_int(w[1], -BOARD_MAX, BOARD_MAX, &out->value)
            || out->value == 0)
            return fail(err, errlen, "nudge needs +N or -N, not '%s'", w[1]);
        return true;
    }
    if (strcmp(verb, "set") == 0 && n == 3) {
        out->kind = CMD_SET;
        out->element = board_element_index(w[1]);
        if (out->element < 0)
            return fail(err, errlen, "unknown element '%s'", w[1]);
        if (!str_parse_int(w[2], BOARD_MIN, BOARD_MAX, &out->value))
            return fail(err, errlen, "value '%s' is not 0..100", w[2]);
        return true;
    }
    if (strcmp(verb, "zone") == 0 && n == 2) {
        out->kind = CMD_ZONE;
        out->value = zone_from_id(w[1]);
        if (out->value < 0)
            return fail(err, errlen, "unknown zone '%s'", w[1]);
        return true;
    }
    if (strcmp(verb, "theme") == 0 && n == 2) {
        out->kind = CMD_THEME;
        out->value = strcmp(w[1], "next") == 0 ? -1 : command_theme_index(w[1]);
        if (out->value < -1 || (out->value == -1 && strcmp(w[1], "next")))
            return fail(err, errlen, "unknown theme '%s'", w[1]);
        return true;
    }
    if (strcmp(verb, "overlay") == 0 && n == 2) {
        static const char *const names[] = {"none", "help", "questions",
                                            "presets"};
        out->kind = CMD_OVERLAY;
        for (int i = 0; i < 4; i++)
            if (strcmp(w[1], names[i]) == 0)
                return out->value = i, true;
        return fail(err, errlen, "unknown overlay '%s'", w[1]);
    }
    if (strcmp(verb, "glide") == 0 && n == 2) {
        out->kind = CMD_GLIDE;
        if (strcmp(w[1], "next") == 0)
            return out->value = -1, true;
        if (!str_parse_int(w[1], 0, 60000, &out->value))
            return fail(err, errlen, "glide takes next or 0..60000 ms, not "
                        "'%s'", w[1]);
        return true;
    }
    if (strcmp(verb, "preset") == 0 && n >= 2)
        return parse_preset(w, n, out, err, errlen);
    static const struct {
        const char *name;
        enum command_kind kind;
    } bare[] = {
        {"fullscreen", CMD_FULLSCREEN}, {"compare", CMD_COMPARE},
        {"learn", CMD_LEARN},           {"rescan", CMD_RESCAN},
        {"quit", CMD_QUIT},
    };
    for (size_t i = 0; i < sizeof bare / sizeof bare[0]; i++) {
        if (strcmp(verb, bare[i].name) == 0) {
            if (n != 1)
                return fail(err, errlen, "'%s' takes no arguments", verb);
            out->kind = bare[i].kind;
            return true;
        }
    }
    return fail(err, errlen, "unknown or malformed command '%s'", verb);
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
