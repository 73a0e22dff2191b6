/* settings: parse and serialize settings.ini (see settings.h). */
#include "settings.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "command.h"
#include "ini_lines.h"
#include "str.h"

static const char *const renderer_names[] = {"auto", "software",
                                             "accelerated"};

int settings_renderer_index(const char *name)
{
    for (int i = 0; name && i < 3; i++)
        if (strcmp(name, renderer_names[i]) == 0)
            return i;
    return -1;
}

const char *settings_renderer_name(enum settings_renderer r)
{
    return (int)r >= 0 && (int)r < 3 ? renderer_names[r] : NULL;
}

void settings_defaults(struct settings *s)
{
    memset(s, 0, sizeof *s);
    s->theme = 0;
    s->renderer = SETTINGS_RENDERER_AUTO;
    s->glide_ms = SETTINGS_GLIDE_DEFAULT;
    s->fullscreen = false;
    s->display = SETTINGS_DISPLAY_AUTO;
}

bool settings_equal(const struct settings *a, const struct settings *b)
{
    return a->theme == b->theme && a->renderer == b->renderer
           && a->glide_ms == b->glide_ms && a->fullscreen == b->fullscreen
           && a->display == b->display
           && strcmp(a->display_name, b->display_name) == 0
           && strcmp(a->controller, b->controller) == 0
           && strcmp(a->preset, b->preset) == 0;
}

/* ---- Text values -------------------------------------------------------- */

/* Decodes \\ \s \; \# into out[cap]; false with the reason in why. */
static bool decode(const char *in, char *out, size_t cap, char *why,
                   size_t whylen)
{
    size_t n = 0;
    for (const char *s = in; *s; s++) {
        char c = *s;
        if (c == '\\') {
            switch (s[1]) {
            case '\\': c = '\\'; break;
            case 's': c = ' '; break;
            case ';': c = ';'; break;
            case '#': c = '#'; break;
            default:
                snprintf(why, whylen, "unknown escape '\\%c' (write \\\\ "
                         "for a backslash)", s[1] ? s[1] : ' ');
                return false;
            }
            s++;
        } else if ((unsigned char)c < 0x20 || c == 0x7F) {
            snprintf(why, whylen, "contains a control character");
            return false;
        }
        if (n + 1 >= cap) {
            snprintf(why, whylen, "is longer than %zu bytes", cap - 1);
            return false;
        }
        out[n++] = c;
    }
    out[n] = '\0';
    return true;
}

/* Appends "key = VALUE\n" with VALUE escaped so inih gives it back whole;
 * a value whose line would be too long is left out ("key =\n"). */
static void put_text(struct str_buf *o, const char *key, const char *text)
{
    char line[INI_LINES_MAX + 8];
    struct str_buf l;
    str_buf_fixed(&l, line, sizeof line);
    str_buf_add(&l, key);
    str_buf_add(&l, " =");
    if (*text)
        str_buf_add(&l, " ");
    size_t len = strlen(text);
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == '\\')
            str_buf_add(&l, "\\\\");
        else if (c == ';')
            str_buf_add(&l, "\\;");
        else if (c == '#')
            str_buf_add(&l, "\\#");
        else if (c == ' ' && (i == 0 || i + 1 == len))
            str_buf_add(&l, "\\s");
        else
            str_buf_addn(&l, &c, 1);
    }
    if (!str_buf_ok(&l) || strlen(line) > INI_LINES_MAX) {
        str_buf_addf(o, "%s =\n", key);
        return;
    }
    str_buf_add(o, line);
    str_buf_add(o, "\n");
}

/* ---- Parsing ------------------------------------------------------------ */

enum key {
    K_THEME, K_RENDERER, K_GLIDE, K_FULLSCREEN, K_DISPLAY, K_DISPLAY_NAME,
    K_CONTROLLER, K_PRESET, K_COUNT
};

static const char *const key_names[K_COUNT] = {
    "theme", "renderer", "glide-ms", "fullscreen", "display", "display-name",
    "controller", "preset",
};

struct parse {
    struct settings *s;
    const char *file;
    struct diag_list *diag;
    int seen_line[K_COUNT];
    int errors;
};

static bool fail(struct parse *p, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static bool fail(struct parse *p, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(p->diag, p->file, line, fmt, ap);
    va_end(ap);
    return false;
}

static bool parse_bool(const char *v, bool *out)
{
    static const char *const yes[] = {"true", "yes", "on", "1"};
    static const char *const no[] = {"false", "no", "off", "0"};
    for (int i = 0; i < 4; i++) {
        if (strcasecmp(v, yes[i]) == 0)
            return *out = true, true;
        if (strcasecmp(v, no[i]) == 0)
            return *out = false, true;
    }
    return false;
}

static bool set_value(struct parse *p, enum key k, const char *v, int line)
{
    struct settings *s = p->s;
    char why[80];
    int n;
    switch (k) {
    case K_THEME:
        n = command_theme_index(v);
        if (n < 0)
            return fail(p, line, "theme = %.40s: expected dark, light or "
                        "high-contrast", v);
        s->theme = n;
        return true;
    case K_RENDERER:
        n = settings_renderer_index(v);
        if (n < 0)
            return fail(p, line, "renderer = %.40s: expected auto, software "
                        "or accelerated", v);
        s->renderer = (enum settings_renderer)n;
        return true;
    case K_GLIDE:
        if (!str_parse_int(v, 0, SETTINGS_GLIDE_MAX, &n))
            return fail(p, line, "glide-ms = %.40s: expected milliseconds, "
                        "0..%d", v, SETTINGS_GLIDE_MAX);
        s->glide_ms = n;
        return true;
    case K_FULLSCREEN:
        if (!parse_bool(v, &s->fullscreen))
            return fail(p, line, "fullscreen = %.40s: expected true or "
                        "false", v);
        return true;
    case K_DISPLAY:
        if (strcmp(v, "auto") == 0) {
            s->display = SETTINGS_DISPLAY_AUTO;
            return true;
        }
        if (!str_parse_int(v, 1, SETTINGS_DISPLAYS_MAX, &n))
            return fail(p, line, "display = %.40s: expected auto or a "
                        "display number 1..%d", v, SETTINGS_DISPLAYS_MAX);
        s->display = n;
        return true;
    case K_DISPLAY_NAME:
        if (!decode(v, s->display_name, sizeof s->display_name, why,
                    sizeof why))
            return s->display_name[0] = '\0',
                   fail(p, line, "display-name %s", why);
        return true;
    case K_CONTROLLER:
        if (!decode(v, s->controller, sizeof s->controller, why, sizeof why))
            return s->controller[0] = '\0',
                   fail(p, line, "controller %s", why);
        return true;
    case K_PRESET:
        if (!decode(v, s->preset, sizeof s->preset, why, sizeof why))
            return s->preset[0] = '\0', fail(p, line, "preset %s", why);
        return true;
    case K_COUNT:
        break;
    }
    return false;
}

static bool on_value(void *user, const char *section, const char *key,
                     const char *value, int line, bool continuation)
{
    struct parse *p = user;
    if (strcmp(section, "settings") != 0)
        return *section
                   ? fail(p, line, "[%s]: unknown section (settings go in "
                          "[settings])", section)
                   : fail(p, line, "'%s' must be inside [settings]", key);
    int k = 0;
    while (k < K_COUNT && strcmp(key, key_names[k]) != 0)
        k++;
    if (k == K_COUNT)
        return fail(p, line, "unknown setting '%.40s' (expected theme, "
                    "renderer, glide-ms, fullscreen, display, display-name, "
                    "controller or preset)", key);
    if (continuation)
        return fail(p, line, "%s: a setting takes one line", key);
    if (p->seen_line[k])
        return fail(p, line, "%s is given twice (first on line %d)", key,
                    p->seen_line[k]);
    p->seen_line[k] = line;
    return set_value(p, (enum key)k, value, line);
}

int settings_parse(const char *text, size_t len, const char *file,
                   struct settings *s, struct diag_list *diag)
{
    settings_defaults(s);
    struct parse p = {.s = s, .file = file, .diag = diag};
    return ini_lines_parse(text, len, file, on_value, &p, diag);
}

/* ---- Writing ------------------------------------------------------------ */

char *settings_serialize(const struct settings *s, size_t *len)
{
    struct str_buf o;
    str_buf_init(&o);
    str_buf_add(&o,
        "# soundboard settings. soundboard rewrites this file when you change\n"
        "# a setting in the program; command-line options win for one run.\n"
        "# See \"Remembered settings\" in README.md.\n"
        "[settings]\n");
    const char *theme = command_theme_name(s->theme);
    str_buf_add(&o, "# dark, light or high-contrast (F2)\n");
    str_buf_addf(&o, "theme = %s\n", theme ? theme : "dark");
    const char *r = settings_renderer_name(s->renderer);
    str_buf_add(&o, "# auto, software or accelerated\n");
    str_buf_addf(&o, "renderer = %s\n", r ? r : "auto");
    str_buf_add(&o, "# preset recall glide time in milliseconds, 0..60000 "
                    "(G)\n");
    str_buf_addf(&o, "glide-ms = %d\n", s->glide_ms);
    str_buf_add(&o, "# true or false (F11)\n");
    str_buf_addf(&o, "fullscreen = %s\n", s->fullscreen ? "true" : "false");
    str_buf_add(&o, "# auto (the projector if there are two), or 1, 2, ... "
                    "(F7 moves on)\n");
    if (s->display > 0)
        str_buf_addf(&o, "display = %d\n", s->display);
    else
        str_buf_add(&o, "display = auto\n");
    put_text(&o, "display-name", s->display_name);
    str_buf_add(&o, "# the controller profile last in use (an id from "
                    "--list-midi)\n");
    put_text(&o, "controller", s->controller);
    str_buf_add(&o, "# the preset last recalled: the board reopens with "
                    "its mix\n");
    put_text(&o, "preset", s->preset);
    return str_buf_take(&o, len);
}

/* ---- Display choice ----------------------------------------------------- */

void settings_pick_display(const struct settings *s, int asked,
                           bool asked_fullscreen, int count,
                           const char *const *names,
                           struct settings_display_choice *out)
{
    memset(out, 0, sizeof *out);
    out->fullscreen = asked_fullscreen || s->fullscreen;
    if (count < 1)
        return;
    if (asked > 0) {
        if (asked <= count) {
            out->index = asked - 1;
            return;
        }
        snprintf(out->warning, sizeof out->warning,
                 "--display %d: there %s only %d display%s: using display 1",
                 asked, count == 1 ? "is" : "are", count,
                 count == 1 ? "" : "s");
        return;
    }
    /* By name when exactly one display has it (two of the same model
     * share a name: then the number decides). */
    int named = -1, same = 0;
    for (int i = 0; s->display_name[0] && names && i < count; i++)
        if (names[i] && strcmp(names[i], s->display_name) == 0 && same++ == 0)
            named = i;
    if (same == 1) {
        out->index = named;
        return;
    }
    if (s->display > 0 || s->display_name[0]) {
        if (s->display > 0 && s->display <= count) {
            out->index = s->display - 1;
            return;
        }
        out->fullscreen = asked_fullscreen; /* the projector is not here */
        return;
    }
    if (count >= 2) {
        out->index = 1;
        out->fullscreen = true;
        out->remember = true;
    }
}
