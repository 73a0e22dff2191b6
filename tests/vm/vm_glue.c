/* vm_glue: vm_probe's use of the core (profile.h, surface.h), the way the
 * app uses it: every profile of a folder parsed, a port matched to the
 * profile with the longest matching pattern (the generic profile when
 * none matches), one surface per open port. */
#include "vm_glue.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diag.h"
#include "profile.h"
#include "surface.h"

enum { GLUE_PROFILES_MAX = 64 };

struct glue {
    struct profile profile[GLUE_PROFILES_MAX];
    int count;
    int generic;                         /* index of "generic", or -1 */
    struct surface surface[MIDI_PORTS_MAX];
    bool open[MIDI_PORTS_MAX];
};

struct glue *glue_new(void)
{
    struct glue *g = calloc(1, sizeof *g);
    if (!g)
        abort();
    g->generic = -1;
    return g;
}

void glue_free(struct glue *g)
{
    free(g);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
        fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1))) {
        *len = fread(buf, 1, (size_t)n, f);
        buf[*len] = '\0';
    }
    fclose(f);
    return buf;
}

int glue_load(struct glue *g, const char *dir, char *err, size_t errlen)
{
    static struct diag_list diag;
    DIR *d = opendir(dir);
    struct dirent *e;

    if (!d) {
        snprintf(err, errlen, "%s: cannot open the folder", dir);
        return 0;
    }
    while ((e = readdir(d)) && g->count < GLUE_PROFILES_MAX) {
        size_t n = strlen(e->d_name), len = 0;
        if (n < 5 || strcmp(e->d_name + n - 4, ".ini") != 0)
            continue;
        char path[1024], id[PROFILE_ID_MAX];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        snprintf(id, sizeof id, "%.*s", (int)(n - 4), e->d_name);
        char *text = read_all(path, &len);
        if (!text)
            continue;
        diag_init(&diag);
        struct profile *p = &g->profile[g->count];
        if (profile_parse(text, len, path, id, p, &diag)) {
            if (strcmp(id, "generic") == 0)
                g->generic = g->count;
            g->count++;
        } else {
            for (int i = 0; i < diag.count; i++)
                printf("PROBE error %s\n", diag.text[i]);
        }
        free(text);
    }
    closedir(d);
    if (g->count == 0)
        snprintf(err, errlen, "%s: no profile could be loaded", dir);
    return g->count;
}

int glue_match(struct glue *g, const char *port_name)
{
    int best = -1;
    size_t best_len = 0;

    for (int i = 0; i < g->count; i++) {
        if (i == g->generic || !profile_matches_port(&g->profile[i],
                                                     port_name))
            continue;
        /* The most specific profile: its longest pattern that matches. */
        for (int m = 0; m < g->profile[i].match_count; m++) {
            struct profile one = g->profile[i];
            snprintf(one.match[0], sizeof one.match[0], "%s",
                     g->profile[i].match[m]);
            one.match_count = 1;
            size_t len = strlen(one.match[0]);
            if (len > best_len && profile_matches_port(&one, port_name)) {
                best = i;
                best_len = len;
            }
        }
    }
    return best >= 0 ? best : g->generic;
}

const char *glue_profile_name(struct glue *g, int profile)
{
    if (profile < 0 || profile >= g->count)
        return "-";
    return g->profile[profile].id;
}

/* Element ids and zone ids cut to the LCD's 7 characters. */
static void lcd_labels(char el[BOARD_ELEMENTS][SURFACE_LCD_CELL + 1],
                       char zn[ZONE_COUNT][SURFACE_LCD_CELL + 1],
                       const char *el_ptr[BOARD_ELEMENTS],
                       const char *zn_ptr[ZONE_COUNT])
{
    for (int i = 0; i < BOARD_ELEMENTS; i++) {
        snprintf(el[i], SURFACE_LCD_CELL + 1, "%s", board_element_id(i));
        el_ptr[i] = el[i];
    }
    for (int z = 0; z < ZONE_COUNT; z++) {
        snprintf(zn[z], SURFACE_LCD_CELL + 1, "%s", zone_id((enum zone)z));
        zn_ptr[z] = zn[z];
    }
}

static size_t feedback(struct glue *g, int id, const struct board *b,
                       bool full, uint8_t *out, size_t max)
{
    char el[BOARD_ELEMENTS][SURFACE_LCD_CELL + 1];
    char zn[ZONE_COUNT][SURFACE_LCD_CELL + 1];
    const char *el_ptr[BOARD_ELEMENTS], *zn_ptr[ZONE_COUNT];

    if (id < 0 || id >= MIDI_PORTS_MAX || !g->open[id])
        return 0;
    lcd_labels(el, zn, el_ptr, zn_ptr);
    return surface_feedback(&g->surface[id], b, el_ptr, zn_ptr, full, out,
                            max);
}

size_t glue_connect(struct glue *g, int id, int profile,
                    const struct board *b, uint8_t *out, size_t max)
{
    if (id < 0 || id >= MIDI_PORTS_MAX || profile < 0 ||
        profile >= g->count)
        return 0;
    surface_init(&g->surface[id], &g->profile[profile]);
    g->open[id] = true;
    return feedback(g, id, b, true, out, max);
}

void glue_disconnect(struct glue *g, int id)
{
    if (id >= 0 && id < MIDI_PORTS_MAX)
        g->open[id] = false;
}

static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

bool glue_feed(struct glue *g, int id, struct board *b, const uint8_t *bytes,
               size_t n)
{
    struct surface_result r;

    if (id < 0 || id >= MIDI_PORTS_MAX || !g->open[id])
        return false;
    surface_feed(&g->surface[id], bytes, n, mono_ms(), b, &r);
    if (r.board_changed) /* the other controllers see a board move */
        for (int other = 0; other < MIDI_PORTS_MAX; other++)
            if (other != id && g->open[other])
                surface_board_moved(&g->surface[other], b);
    return r.board_changed;
}

size_t glue_feedback(struct glue *g, int id, const struct board *b,
                     uint8_t *out, size_t max)
{
    return feedback(g, id, b, false, out, max);
}
