/* seq_watch: the announce port, or inotify on /dev/snd (seq_watch.h). */
#include "seq_watch.h"

#include <alsa/asoundlib.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#define SND_DIR "/dev/snd"
#define SEQ_NODE "/dev/snd/seq"

struct seq_watch {
    enum seq_watch_mode mode;
    snd_seq_t *seq;         /* SEQ_WATCH_ANNOUNCE */
    int fd;                 /* poll descriptor (seq or inotify), or -1 */
    int wd_snd, wd_dev;     /* inotify watches, or -1 */
};

/* Only news of clients and ports reaches us (the kernel filters the rest,
 * subscriptions included: another program connecting is not a plug). */
static const int wanted_events[] = {
    SND_SEQ_EVENT_CLIENT_START, SND_SEQ_EVENT_CLIENT_EXIT,
    SND_SEQ_EVENT_CLIENT_CHANGE, SND_SEQ_EVENT_PORT_START,
    SND_SEQ_EVENT_PORT_EXIT, SND_SEQ_EVENT_PORT_CHANGE,
};

static bool open_announce(struct seq_watch *w)
{
    snd_seq_t *seq = NULL;
    struct pollfd pfd;

    if (access(SEQ_NODE, F_OK) != 0)
        return false; /* no node: alsa-lib would only complain */
    if (snd_seq_open(&seq, "default", SND_SEQ_OPEN_INPUT, SND_SEQ_NONBLOCK)
        < 0)
        return false;
    snd_seq_set_client_name(seq, "soundboard watch");
    for (size_t i = 0; i < sizeof wanted_events / sizeof *wanted_events; i++)
        snd_seq_set_client_event_filter(seq, wanted_events[i]);
    /* WRITE without SUBS_WRITE: nobody else can connect to it, and it is
     * not listed as a port others can use (so it changes no signature). */
    int port = snd_seq_create_simple_port(seq, "watch",
                                          SND_SEQ_PORT_CAP_WRITE,
                                          SND_SEQ_PORT_TYPE_APPLICATION);
    if (port < 0
        || snd_seq_connect_from(seq, port, SND_SEQ_CLIENT_SYSTEM,
                                SND_SEQ_PORT_SYSTEM_ANNOUNCE) < 0
        || snd_seq_poll_descriptors(seq, &pfd, 1, POLLIN) != 1) {
        snd_seq_close(seq);
        return false;
    }
    w->seq = seq;
    w->fd = pfd.fd;
    w->mode = SEQ_WATCH_ANNOUNCE;
    return true;
}

static void close_inotify(struct seq_watch *w)
{
    if (w->mode == SEQ_WATCH_INOTIFY && w->fd >= 0)
        close(w->fd);
    w->wd_snd = w->wd_dev = -1;
}

static bool open_inotify(struct seq_watch *w)
{
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);

    if (fd < 0)
        return false;
    w->wd_snd = inotify_add_watch(fd, SND_DIR, IN_CREATE | IN_DELETE
                                  | IN_MOVED_TO | IN_MOVED_FROM | IN_ATTRIB);
    /* /dev itself: for /dev/snd appearing (a sound module loaded). */
    w->wd_dev = inotify_add_watch(fd, "/dev", IN_CREATE | IN_MOVED_TO
                                  | IN_ONLYDIR);
    if (w->wd_snd < 0 && w->wd_dev < 0) {
        close(fd);
        return false;
    }
    w->fd = fd;
    w->mode = SEQ_WATCH_INOTIFY;
    return true;
}

struct seq_watch *seq_watch_open(void)
{
    struct seq_watch *w = calloc(1, sizeof *w);

    if (!w)
        return NULL;
    w->fd = w->wd_snd = w->wd_dev = -1;
    w->mode = SEQ_WATCH_NONE;
    if (!open_announce(w))
        open_inotify(w);
    return w;
}

void seq_watch_close(struct seq_watch *w)
{
    if (!w)
        return;
    if (w->seq)
        snd_seq_close(w->seq);
    close_inotify(w);
    free(w);
}

enum seq_watch_mode seq_watch_mode(const struct seq_watch *w)
{
    return w ? w->mode : SEQ_WATCH_NONE;
}

const char *seq_watch_mode_name(enum seq_watch_mode m)
{
    switch (m) {
    case SEQ_WATCH_ANNOUNCE: return "the sequencer's announce port";
    case SEQ_WATCH_INOTIFY: return "inotify on " SND_DIR " (no sequencer)";
    case SEQ_WATCH_NONE: break;
    }
    return "nothing (polling on a timer)";
}

int seq_watch_fd(const struct seq_watch *w)
{
    return w ? w->fd : -1;
}

static int drain_seq(struct seq_watch *w)
{
    int bits = 0;
    snd_seq_event_t *ev;

    for (;;) {
        int r = snd_seq_event_input(w->seq, &ev);
        if (r == -EAGAIN || r == -EWOULDBLOCK)
            break;
        if (r == -ENOSPC) { /* our queue overran: assume a change */
            bits |= SEQ_WATCH_PORTS;
            continue;
        }
        if (r < 0 || !ev)
            break;
        bits |= SEQ_WATCH_PORTS; /* the filter lets nothing else in */
    }
    return bits;
}

static int drain_inotify(struct seq_watch *w)
{
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    int bits = 0;
    bool snd_appeared = false;

    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n <= 0)
            break;
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *e = (const void *)p;
            p += sizeof *e + e->len;
            if (e->wd == w->wd_snd)
                bits |= SEQ_WATCH_PORTS;
            else if (e->wd == w->wd_dev && e->len
                     && strcmp(e->name, "snd") == 0)
                snd_appeared = true;
            if (e->mask & IN_Q_OVERFLOW)
                bits |= SEQ_WATCH_PORTS;
        }
    }
    if (snd_appeared) {
        bits |= SEQ_WATCH_PORTS;
        if (w->wd_snd < 0)
            w->wd_snd = inotify_add_watch(w->fd, SND_DIR, IN_CREATE
                                          | IN_DELETE | IN_MOVED_TO
                                          | IN_MOVED_FROM | IN_ATTRIB);
    }
    if (bits && access(SEQ_NODE, F_OK) == 0) {
        struct seq_watch next = *w;
        if (open_announce(&next)) {
            close_inotify(w);
            *w = next;
            w->wd_snd = w->wd_dev = -1;
        }
    }
    return bits;
}

int seq_watch_drain(struct seq_watch *w)
{
    if (!w)
        return 0;
    if (w->mode == SEQ_WATCH_ANNOUNCE)
        return drain_seq(w);
    if (w->mode == SEQ_WATCH_INOTIFY)
        return drain_inotify(w);
    return 0;
}
