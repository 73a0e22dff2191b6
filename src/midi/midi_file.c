/* midi_file: the file backend for --midi-in / --midi-out (midi_file.h). */
#include "midi_file.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { READ_CHUNK = 4096 };

enum port_state { PORT_NEW, PORT_OPEN, PORT_ENDED, PORT_CLOSED };

struct file_priv {
    struct midi_host host;
    struct midi_file_config cfg;
    int in_fd, out_fd;     /* -1 when absent or closed */
    bool in_regular;       /* a regular file: its end is the end */
    bool got_bytes;        /* the input gave at least one byte */
    bool out_failed;       /* a write failed: report LOST at next poll */
    char out_reason[128];
    enum port_state state;
    int profile;
    char name[MIDI_NAME_MAX];
};

static void emit(struct file_priv *p, enum midi_event_kind kind,
                 const char *reason)
{
    struct midi_event ev = {
        .kind = kind, .port_id = 0, .name = p->name,
        .profile = p->profile, .has_output = p->out_fd >= 0,
        .reason = reason,
    };
    if (p->host.on_event)
        p->host.on_event(p->host.user, &ev);
}

static void close_fds(struct file_priv *p)
{
    if (p->in_fd >= 0)
        close(p->in_fd);
    if (p->out_fd >= 0)
        close(p->out_fd);
    p->in_fd = p->out_fd = -1;
}

static void finish(struct file_priv *p, enum midi_event_kind kind,
                   const char *reason)
{
    if (p->state == PORT_CLOSED || p->state == PORT_ENDED)
        return;
    if (kind == MIDI_EVENT_LOST) {
        midi_backend_log(&p->host, "midi: %s: %s", p->name, reason);
        close_fds(p);
        p->state = PORT_CLOSED;
    } else if (p->in_fd >= 0) {
        close(p->in_fd); /* the output stays usable after the end */
        p->in_fd = -1;
        p->state = PORT_ENDED;
    }
    emit(p, kind, reason);
}

static ssize_t do_read(struct file_priv *p, void *buf, size_t n)
{
    if (p->cfg.read_fn)
        return p->cfg.read_fn(p->cfg.read_ctx, p->in_fd, buf, n);
    return read(p->in_fd, buf, n);
}

static void drain_input(struct file_priv *p)
{
    uint8_t buf[READ_CHUNK];

    while (p->state == PORT_OPEN && p->in_fd >= 0) {
        ssize_t got = do_read(p, buf, sizeof buf);
        if (got > 0) {
            p->got_bytes = true;
            p->host.on_bytes(p->host.user, 0, buf, (size_t)got);
            continue;
        }
        if (got == 0) {
            /* A FIFO with no writer yet also reads 0: wait for data. */
            if (p->in_regular || p->got_bytes)
                finish(p, MIDI_EVENT_ENDED, "end of input");
            return;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            char reason[160];
            snprintf(reason, sizeof reason, "read failed: %s",
                     strerror(errno));
            finish(p, MIDI_EVENT_LOST, reason);
        }
        return;
    }
}

static void file_poll(struct midi_backend *b)
{
    struct file_priv *p = b->priv;

    if (p->state == PORT_NEW) {
        p->state = PORT_OPEN;
        emit(p, MIDI_EVENT_OPENED, NULL);
    }
    if (p->out_failed && p->state != PORT_CLOSED) {
        p->state = PORT_OPEN; /* an ended port can still be lost */
        finish(p, MIDI_EVENT_LOST, p->out_reason);
        return;
    }
    if (p->state == PORT_OPEN)
        drain_input(p);
}

/* Asleep until the input has bytes. A FIFO whose writer came and went
 * without writing reads 0 and polls as hung up forever: checked on a timer
 * (as a FIFO waiting for its first writer would be). */
static void file_wait(const struct midi_backend *b, struct midi_wait *w)
{
    const struct file_priv *p = b->priv;

    w->count = 0;
    w->timeout_ms = -1;
    if (p->state == PORT_NEW || (p->out_failed && p->state != PORT_CLOSED)) {
        w->timeout_ms = 0;
        return;
    }
    if (p->state != PORT_OPEN || p->in_fd < 0)
        return;
    if (p->cfg.read_fn) { /* a test's reader: no descriptor to watch */
        w->timeout_ms = MIDI_WAIT_POLL_MS;
        return;
    }
    struct pollfd pfd = {.fd = p->in_fd, .events = POLLIN};
    if (!p->got_bytes && poll(&pfd, 1, 0) == 1 && !(pfd.revents & POLLIN)) {
        w->timeout_ms = 100;
        return;
    }
    w->fd[0] = (struct pollfd){.fd = p->in_fd, .events = POLLIN};
    w->count = 1;
}

static bool file_send(struct midi_backend *b, int port_id,
                      const uint8_t *bytes, size_t n)
{
    struct file_priv *p = b->priv;

    if (port_id != 0 || p->state == PORT_CLOSED || p->out_fd < 0 ||
        p->out_failed)
        return false;
    while (n > 0) {
        ssize_t put = write(p->out_fd, bytes, n);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0) {
            snprintf(p->out_reason, sizeof p->out_reason,
                     "write failed: %s", put < 0 ? strerror(errno) : "0");
            p->out_failed = true;
            return false;
        }
        bytes += put;
        n -= (size_t)put;
    }
    return true;
}

static int file_list(struct midi_backend *b, struct midi_port_info *out,
                     int max)
{
    struct file_priv *p = b->priv;
    int count = 0;
    int id = p->state == PORT_CLOSED ? -1 : 0;

    if (p->cfg.in_path) {
        if (count < max) {
            snprintf(out[count].name, MIDI_NAME_MAX, "%s", p->cfg.in_path);
            out[count].dir = MIDI_DIR_IN;
            out[count].port_id = id;
        }
        count++;
    }
    if (p->cfg.out_path) {
        if (count < max) {
            snprintf(out[count].name, MIDI_NAME_MAX, "%s",
                     p->cfg.out_path);
            out[count].dir = MIDI_DIR_OUT;
            out[count].port_id = id;
        }
        count++;
    }
    return count;
}

static void file_rescan(struct midi_backend *b)
{
    (void)b; /* files do not come and go: nothing to look for */
}

static void file_destroy(struct midi_backend *b)
{
    struct file_priv *p = b->priv;

    if (!p)
        return;
    close_fds(p);
    free(p);
    b->priv = NULL;
}

static int open_in(const char *path, bool *regular, char *err,
                   size_t errlen)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;

    if (fd < 0 || fstat(fd, &st) != 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s: is a folder, not a MIDI byte file",
                 path);
        close(fd);
        return -1;
    }
    *regular = S_ISREG(st.st_mode);
    return fd;
}

static int open_out(const char *path, char *err, size_t errlen)
{
    /* Non-blocking open so a FIFO with no reader fails instead of
     * hanging; writes are then blocking so every byte gets out. */
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NONBLOCK |
                  O_CLOEXEC, 0644);
    int flags;

    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path,
                 errno == ENXIO ? "FIFO has no reader" : strerror(errno));
        return -1;
    }
    flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    return fd;
}

bool midi_file_create(struct midi_backend *b,
                      const struct midi_file_config *cfg,
                      const struct midi_host *host, char *err,
                      size_t errlen)
{
    struct file_priv *p;

    if (!cfg->in_path && !cfg->out_path) {
        snprintf(err, errlen, "midi: no input or output file given");
        return false;
    }
    p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(err, errlen, "midi: out of memory");
        return false;
    }
    p->host = *host;
    p->cfg = *cfg;
    p->in_fd = p->out_fd = -1;
    if (cfg->in_path) {
        p->in_fd = open_in(cfg->in_path, &p->in_regular, err, errlen);
        if (p->in_fd < 0) {
            free(p);
            return false;
        }
    }
    if (cfg->out_path) {
        p->out_fd = open_out(cfg->out_path, err, errlen);
        if (p->out_fd < 0) {
            close_fds(p);
            free(p);
            return false;
        }
    }
    snprintf(p->name, sizeof p->name, "%s",
             cfg->in_path ? cfg->in_path : cfg->out_path);
    p->profile = host->match(host->user, p->name);
    p->state = PORT_NEW;

    *b = (struct midi_backend){
        .kind = "file", .priv = p, .list = file_list, .poll = file_poll,
        .send = file_send, .rescan = file_rescan, .destroy = file_destroy,
        .wait = file_wait,
    };
    return true;
}
