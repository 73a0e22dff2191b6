/* app_midi: controllers in the running program (see app_midi.h). */
#include "app_midi.h"

#include <SDL.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "app_presets.h"
#include "data_load.h"
#include "files.h"
#include "learn.h"
#include "midi_backend.h"
#include "midi_file.h"
#include "midi_portmidi.h"
#include "profile.h"
#include "surface.h"

enum { PROFILES_MAX = 128, FEEDBACK_CHUNK = 1024 };

struct port {
    bool open;
    bool has_output;
    int profile;                 /* index into app_midi.profile */
    char name[MIDI_NAME_MAX];
    struct surface surface;
    struct midi_decoder learn_decoder;
};

struct app_midi {
    struct midi_backend backend;
    bool have_backend;
    bool file_done;              /* --midi-in reached its end */
    struct profile *profile;     /* loaded profiles (shipped, user wins) */
    int profile_count;
    int generic;                 /* index of "generic", or -1 */
    int forced;                  /* --controller: index, or -1 */
    struct port port[MIDI_PORTS_MAX];
    bool learning;
    int learn_port;              /* port being taught, -1 until it speaks */
    struct learn learn;
    char status[MIDI_NAME_MAX + 16];
};

static int64_t now_ms(void)
{
    return (int64_t)SDL_GetTicks64();
}

/* ---- Profiles ---------------------------------------------------------- */

static bool stem_of(const char *file, char *out, size_t outlen)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    size_t n = strlen(base);
    if (n <= 4 || strcmp(base + n - 4, ".ini") != 0 || n - 4 >= outlen)
        return false;
    memcpy(out, base, n - 4);
    out[n - 4] = '\0';
    return true;
}

/* Reads and parses one profile file; problems are printed to `log`. */
static bool read_profile(const char *path, struct profile *p, FILE *log,
                         bool print_diag, struct diag_list *d)
{
    char id[PROFILE_ID_MAX], err[PATHS_MAX + 128];
    if (!stem_of(path, id, sizeof id))
        snprintf(id, sizeof id, "%s", "profile");
    char *text;
    size_t len;
    if (!files_read(path, &text, &len, err, sizeof err)) {
        diag_add(d, path, 0, "%s", strstr(err, ": ") ? strstr(err, ": ") + 2
                                                      : err);
        if (print_diag)
            data_print_diag(d, log);
        return false;
    }
    bool ok = profile_parse(text, len, path, id, p, d);
    free(text);
    if (print_diag)
        data_print_diag(d, log);
    return ok;
}

static int find_profile(const struct app_midi *M, const char *id)
{
    for (int i = 0; i < M->profile_count; i++)
        if (strcmp(M->profile[i].id, id) == 0)
            return i;
    return -1;
}

/* Adds a profile, replacing one with the same id (the user's wins). */
static int add_profile(struct app_midi *M, const struct profile *p)
{
    int i = find_profile(M, p->id);
    if (i < 0) {
        if (M->profile_count == PROFILES_MAX)
            return -1;
        i = M->profile_count++;
    }
    M->profile[i] = *p;
    return i;
}

static void load_folder(struct app_midi *M, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return; /* no user folder yet: nothing to load */
    struct dirent *e;
    char path[PATHS_MAX];
    /* Read the names first and sort them: a stable order whatever the
     * file system returns. */
    char (*names)[256] = NULL;
    int count = 0;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' || n <= 4 || n >= 256
            || strcmp(e->d_name + n - 4, ".ini") != 0)
            continue;
        char (*grown)[256] = realloc(names, sizeof *names * (size_t)(count + 1));
        if (!grown)
            abort();
        names = grown;
        memcpy(names[count++], e->d_name, n + 1);
    }
    closedir(d);
    qsort(names, (size_t)count, sizeof *names,
          (int (*)(const void *, const void *))strcmp);
    for (int i = 0; i < count; i++) {
        if (!paths_join(path, sizeof path, dir, names[i]))
            continue;
        struct profile *p = malloc(sizeof *p);
        struct diag_list dl;
        diag_init(&dl);
        if (!p)
            abort();
        /* A damaged profile is reported and skipped; the others load. */
        if (read_profile(path, p, stderr, true, &dl) || dl.count == 0)
            add_profile(M, p);
        free(p);
    }
    free(names);
}

static void load_profiles(struct app *a)
{
    struct app_midi *M = a->midi;
    char dir[PATHS_MAX];
    if (paths_join(dir, sizeof dir, a->paths.data, "controllers"))
        load_folder(M, dir);
    if (paths_join(dir, sizeof dir, a->paths.user_config, "controllers"))
        load_folder(M, dir);
    M->generic = find_profile(M, "generic");
}

/* --controller NAME|FILE: a path (has '/' or ends in .ini) is read as a
 * file, anything else is a profile id. */
static bool force_profile(struct app *a, const char *arg)
{
    struct app_midi *M = a->midi;
    size_t n = strlen(arg);
    if (strchr(arg, '/') || (n > 4 && strcmp(arg + n - 4, ".ini") == 0)) {
        struct profile *p = malloc(sizeof *p);
        struct diag_list d;
        diag_init(&d);
        if (!p)
            abort();
        bool ok = read_profile(arg, p, stderr, true, &d);
        if (ok)
            M->forced = add_profile(M, p);
        free(p);
        if (!ok)
            fprintf(stderr, "soundboard: --controller %s: the profile has "
                    "errors (see above)\n", arg);
        return ok && M->forced >= 0;
    }
    M->forced = find_profile(M, arg);
    if (M->forced < 0)
        fprintf(stderr, "soundboard: --controller %s: no such profile (the "
                "files in controllers/ and your own)\n", arg);
    return M->forced >= 0;
}

/* ---- Backend callbacks -------------------------------------------------- */

static int match(void *user, const char *port_name)
{
    struct app *a = user;
    struct app_midi *M = a->midi;
    if (midi_backend_is_system_port(port_name))
        return -1;
    if (M->forced >= 0)
        return M->forced;
    int best = -1, best_score = 0;
    for (int i = 0; i < M->profile_count; i++) {
        if (i == M->generic)
            continue;
        int score = (int)profile_match_score(&M->profile[i], port_name);
        if (score > best_score)
            best = i, best_score = score;
    }
    return best >= 0 ? best : M->generic;
}

static const char *profile_name(void *user, int index)
{
    struct app *a = user;
    struct app_midi *M = a->midi;
    return index >= 0 && index < M->profile_count ? M->profile[index].id
                                                  : NULL;
}

static void log_line(void *user, const char *line)
{
    (void)user;
    if (getenv("SOUNDBOARD_MIDI_LOG"))
        fprintf(stderr, "soundboard: midi: %s\n", line);
}

static void send_feedback(struct app *a, struct port *p, bool full)
{
    if (!p->open || !p->has_output)
        return;
    const char *labels[BOARD_ELEMENTS];
    const char *zones[ZONE_COUNT];
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        labels[e] = a->content.element[e].label ? a->content.element[e].label
                                                : board_element_id(e);
    static const char *const zone_keys[ZONE_COUNT] = {
        "lcd.teacher-generated", "lcd.co-created", "lcd.student-generated"};
    for (int z = 0; z < ZONE_COUNT; z++)
        zones[z] = content_string(&a->content, zone_keys[z]);
    uint8_t buf[FEEDBACK_CHUNK];
    int port_id = (int)(p - a->midi->port);
    /* A full refresh may not fit one buffer: the surface continues where
     * it stopped on the next call. */
    for (int rounds = 0; rounds < 16; rounds++) {
        size_t n = surface_feedback(&p->surface, &a->board, labels, zones,
                                    full && rounds == 0, buf, sizeof buf);
        if (n == 0)
            break;
        if (!midi_backend_send(&a->midi->backend, port_id, buf, n))
            break;
    }
}

static void run_commands(struct app *a, const struct surface_result *r)
{
    for (int i = 0; i < r->command_count; i++)
        app_command_text(a, r->command[i]);
}

static void learn_bytes(struct app *a, int port_id, const uint8_t *bytes,
                        size_t n)
{
    struct app_midi *M = a->midi;
    struct port *p = &M->port[port_id];
    if (M->learn_port >= 0 && M->learn_port != port_id)
        return; /* one controller at a time */
    for (size_t i = 0; i < n; i++) {
        struct midi_msg m;
        if (!midi_decoder_feed(&p->learn_decoder, bytes[i], &m))
            continue;
        if (m.kind > MIDI_PITCH_BEND)
            continue;
        M->learn_port = port_id;
        learn_feed(&M->learn, &m, now_ms());
        a->dirty = true;
    }
    if (learn_done(&M->learn))
        app_midi_learn_finish(a);
}

static void on_bytes(void *user, int port_id, const uint8_t *bytes, size_t n)
{
    struct app *a = user;
    struct app_midi *M = a->midi;
    if (port_id < 0 || port_id >= MIDI_PORTS_MAX || !M->port[port_id].open)
        return;
    if (M->learning) {
        learn_bytes(a, port_id, bytes, n);
        return;
    }
    struct port *p = &M->port[port_id];
    struct surface_result r;
    surface_feed(&p->surface, bytes, n, now_ms(), &a->board, &r);
    if (r.board_changed) {
        app_presets_stop_glide(a); /* hands on the faders win */
        a->dirty = true;
        /* Other controllers follow (motors, LEDs, takeover). */
        for (int i = 0; i < MIDI_PORTS_MAX; i++)
            if (i != port_id && M->port[i].open)
                surface_board_moved(&M->port[i].surface, &a->board);
    }
    if (r.touched >= 0)
        a->dirty = true; /* a ghost may have moved */
    run_commands(a, &r);
}

static void on_event(void *user, const struct midi_event *ev)
{
    struct app *a = user;
    struct app_midi *M = a->midi;
    struct port *p = ev->port_id >= 0 && ev->port_id < MIDI_PORTS_MAX
                         ? &M->port[ev->port_id] : NULL;
    switch (ev->kind) {
    case MIDI_EVENT_OPENED:
        if (!p || ev->profile < 0 || ev->profile >= M->profile_count)
            break;
        memset(p, 0, sizeof *p);
        p->open = true;
        p->has_output = ev->has_output;
        p->profile = ev->profile;
        snprintf(p->name, sizeof p->name, "%s", ev->name);
        surface_init(&p->surface, &M->profile[p->profile]);
        midi_decoder_init(&p->learn_decoder);
        /* A fresh controller takes the value on its first move (the
         * surface starts caught); motors and LEDs are sent the board. */
        send_feedback(a, p, true);
        fprintf(stderr, "soundboard: controller connected: %s (%s)\n",
                p->name, M->profile[p->profile].id);
        break;
    case MIDI_EVENT_ENDED:
        M->file_done = true;
        break;
    case MIDI_EVENT_LOST:
        M->file_done = true; /* a --midi-in FIFO or device that failed */
        if (p && p->open) {
            fprintf(stderr, "soundboard: controller disconnected: %s%s%s\n",
                    p->name, ev->reason ? ": " : "",
                    ev->reason ? ev->reason : "");
            p->open = false;
            if (M->learn_port == ev->port_id)
                M->learn_port = -1;
        }
        break;
    case MIDI_EVENT_OVERFLOW:
        log_line(a, "input overflow: some messages were lost");
        /* The board may now differ from where the faders stand. */
        app_notice_text(a, "notice.midi-overflow", "");
        break;
    case MIDI_EVENT_NONE_CONNECTED:
        for (int i = 0; i < MIDI_PORTS_MAX; i++)
            M->port[i].open = false;
        break;
    }
    a->dirty = true;
}

/* ---- Lifecycle ---------------------------------------------------------- */

bool app_midi_init(struct app *a, bool use_portmidi)
{
    struct app_midi *M = calloc(1, sizeof *M);
    if (!M)
        abort();
    a->midi = M;
    M->profile = calloc(PROFILES_MAX, sizeof *M->profile);
    if (!M->profile)
        abort();
    M->forced = -1;
    M->learn_port = -1;
    load_profiles(a);
    if (a->opt.controller && !force_profile(a, a->opt.controller))
        return false;
    struct midi_host host = {.user = a, .on_bytes = on_bytes,
                             .on_event = on_event, .match = match,
                             .profile_name = profile_name, .log = log_line};
    char err[512];
    if (a->opt.midi_in || a->opt.midi_out) {
        struct midi_file_config cfg = {.in_path = a->opt.midi_in,
                                       .out_path = a->opt.midi_out};
        if (!midi_file_create(&M->backend, &cfg, &host, err, sizeof err)) {
            fprintf(stderr, "soundboard: %s\n", err);
            return false;
        }
        M->have_backend = true;
    } else if (use_portmidi) {
        if (!midi_portmidi_create(&M->backend, &host, err, sizeof err)) {
            fprintf(stderr, "soundboard: %s\n", err);
            return false;
        }
        M->have_backend = true;
    }
    return true;
}

void app_midi_free(struct app *a)
{
    if (!a->midi)
        return;
    if (a->midi->have_backend)
        midi_backend_destroy(&a->midi->backend);
    free(a->midi->profile);
    free(a->midi);
    a->midi = NULL;
}

void app_midi_drain(struct app *a)
{
    struct app_midi *M = a->midi;
    if (!M || !M->have_backend || !a->opt.midi_in)
        return;
    /* A regular file ends; a FIFO or device ends when its writer closes. */
    while (!M->file_done) {
        midi_backend_poll(&M->backend);
        if (!M->file_done)
            SDL_Delay(1);
    }
    /* Whatever the controller would be sent for the final state. */
    for (int i = 0; i < MIDI_PORTS_MAX; i++)
        send_feedback(a, &M->port[i], false);
}

void app_midi_tick(struct app *a)
{
    struct app_midi *M = a->midi;
    if (!M || !M->have_backend)
        return;
    midi_backend_poll(&M->backend);
    /* Only what changed is sent; nothing when the board stood still. */
    for (int i = 0; i < MIDI_PORTS_MAX; i++)
        send_feedback(a, &M->port[i], false);
}

bool app_midi_active(const struct app *a)
{
    if (!a->midi)
        return false;
    for (int i = 0; i < MIDI_PORTS_MAX; i++)
        if (a->midi->port[i].open)
            return true;
    return false;
}

void app_midi_board_moved(struct app *a)
{
    if (!a->midi)
        return;
    for (int i = 0; i < MIDI_PORTS_MAX; i++)
        if (a->midi->port[i].open)
            surface_board_moved(&a->midi->port[i].surface, &a->board);
}

/* ---- Learn -------------------------------------------------------------- */

/* A profile id from a port name: lower case, runs of other characters as
 * one '-': "nanoKONTROL2 MIDI 1" -> "nanokontrol2-midi-1". */
static void slug(const char *name, char *out, size_t outlen)
{
    size_t n = 0;
    bool dash = false;
    for (const char *s = name; *s && n + 2 < outlen; s++) {
        unsigned char c = (unsigned char)*s;
        if (isalnum(c)) {
            if (dash && n > 0)
                out[n++] = '-';
            out[n++] = (char)tolower(c);
            dash = false;
        } else {
            dash = true;
        }
    }
    if (n == 0)
        n = (size_t)snprintf(out, outlen, "learned");
    out[n] = '\0';
}

static void learn_toggle(struct app *a)
{
    struct app_midi *M = a->midi;
    if (M->learning) {
        M->learning = false;
        app_notice_text(a, "notice.learn-stopped", "");
        return;
    }
    if (!app_midi_active(a)) {
        app_notice_text(a, "notice.learn-no-controller", "");
        return;
    }
    learn_start(&M->learn);
    M->learning = true;
    M->learn_port = -1;
    for (int i = 0; i < MIDI_PORTS_MAX; i++)
        midi_decoder_init(&M->port[i].learn_decoder);
    a->dirty = true;
}

void app_midi_learn_finish(struct app *a)
{
    struct app_midi *M = a->midi;
    M->learning = false;
    if (M->learn_port < 0)
        return;
    struct port *p = &M->port[M->learn_port];
    char id[PROFILE_ID_MAX], dir[PATHS_MAX], file[PROFILE_ID_MAX + 8];
    char path[PATHS_MAX], err[PATHS_MAX + 128] = "";
    slug(p->name, id, sizeof id);
    struct profile *prof = malloc(sizeof *prof);
    char *text = malloc(16384);
    if (!prof || !text)
        abort();
    learn_make_profile(&M->learn, p->name, id, prof);
    size_t len = profile_write(prof, text, 16384);
    snprintf(file, sizeof file, "%s.ini", id);
    bool ok = false;
    if (len == 0)
        snprintf(err, sizeof err, "the profile is too large");
    else if (!paths_join(dir, sizeof dir, a->paths.user_config,
                         "controllers")
             || !paths_join(path, sizeof path, dir, file))
        snprintf(err, sizeof err, "the path is too long");
    else if (!paths_mkdirs(dir))
        snprintf(err, sizeof err, "%s: cannot create the folder: %s", dir,
                 files_reason(errno));
    else
        ok = files_write_atomic(path, text, len, err, sizeof err);
    if (ok) {
        /* Use it from now on: for this port now, and at every start. */
        int index = add_profile(M, prof);
        if (index >= 0) {
            p->profile = index;
            surface_init(&p->surface, &M->profile[index]);
            surface_board_moved(&p->surface, &a->board);
        }
        app_notice_text(a, "notice.learn-saved", path);
    } else {
        fprintf(stderr, "soundboard: learn: %s\n", err);
        app_notice_text(a, "notice.learn-failed", err);
    }
    free(text);
    free(prof);
}

bool app_midi_command(struct app *a, const struct command *cmd)
{
    struct app_midi *M = a->midi;
    if (!M)
        return false;
    switch (cmd->kind) {
    case CMD_LEARN:
        learn_toggle(a);
        return true;
    case CMD_RESCAN:
        if (M->have_backend)
            midi_backend_rescan(&M->backend);
        return true;
    case CMD_SELECT:
        /* While learning, the arrows pick an element to teach again. */
        if (!M->learning)
            return false;
        learn_redo(&M->learn, cmd->element >= 0
                   ? cmd->element
                   : (M->learn.element + cmd->value + BOARD_ELEMENTS)
                         % BOARD_ELEMENTS);
        a->dirty = true;
        return true;
    case CMD_OVERLAY:
        if (M->learning && cmd->value == OVERLAY_NONE) {
            M->learning = false; /* Escape stops learning */
            a->dirty = true;
            return true;
        }
        return false;
    default:
        return false;
    }
}

bool app_midi_learning(const struct app *a)
{
    return a->midi && a->midi->learning;
}

/* ---- What the screen shows ---------------------------------------------- */

void app_midi_view(const struct app *a, struct view *v)
{
    const struct app_midi *M = a->midi;
    if (!M)
        return;
    int first = -1, open = 0;
    for (int i = 0; i < MIDI_PORTS_MAX; i++) {
        const struct port *p = &M->port[i];
        if (!p->open)
            continue;
        if (first < 0)
            first = i;
        open++;
        for (int e = 0; e < BOARD_ELEMENTS; e++) {
            int g;
            if (!v->ghost_visible[e] && surface_ghost(&p->surface, e, &g)) {
                v->ghost_visible[e] = true;
                v->ghost_value[e] = g;
            }
        }
    }
    v->controller_connected = open > 0;
    if (first >= 0) {
        const struct port *p = &M->port[first];
        const struct profile *prof = &M->profile[p->profile];
        /* The generic profile says nothing about the device: show the
         * port's own name. */
        const char *name = p->profile == M->generic ? p->name : prof->name;
        if (open > 1)
            snprintf(((struct app_midi *)M)->status, sizeof M->status,
                     "%s +%d", name, open - 1);
        else
            snprintf(((struct app_midi *)M)->status, sizeof M->status, "%s",
                     name);
        v->controller_name = M->status;
    }
    v->learning = M->learning;
    v->learn_element = M->learn.element < BOARD_ELEMENTS ? M->learn.element
                                                         : BOARD_ELEMENTS - 1;
    v->learn_heard = M->learning ? learn_heard(&M->learn) : NULL;
}

/* ---- One-shot requests -------------------------------------------------- */

int app_midi_list(struct app *a, FILE *out)
{
    if (!a->midi) {
        a->midi = calloc(1, sizeof *a->midi);
        if (!a->midi)
            abort();
        a->midi->profile = calloc(PROFILES_MAX, sizeof *a->midi->profile);
        if (!a->midi->profile)
            abort();
        a->midi->forced = -1;
        load_profiles(a);
    }
    struct midi_host host = {.user = a, .match = match,
                             .profile_name = profile_name, .log = log_line};
    struct midi_backend b;
    char err[256];
    if (!midi_portmidi_create(&b, &host, err, sizeof err)) {
        fprintf(stderr, "soundboard: %s\n", err);
        return 1;
    }
    midi_backend_print_ports(&b, &host, out);
    midi_backend_destroy(&b);
    return 0;
}

int app_midi_check_profile(const char *path, FILE *out)
{
    struct profile *p = malloc(sizeof *p);
    if (!p)
        abort();
    struct diag_list d;
    diag_init(&d);
    bool ok = read_profile(path, p, out, false, &d);
    free(p);
    if (ok && d.count == 0) {
        fputs("ok\n", out);
        return 0;
    }
    for (int i = 0; i < d.count; i++)
        fprintf(out, "%s\n", d.text[i]);
    if (d.dropped)
        fprintf(out, "%s: ... and %d more problems\n", path, d.dropped);
    if (d.count == 0) /* parsed but maps nothing */
        fprintf(out, "%s: maps no element: add an [elements] section\n",
                path);
    return 2;
}
