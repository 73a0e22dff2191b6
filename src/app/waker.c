/* waker: a thread that turns readable descriptors into SDL events
 * (waker.h). */
#include "waker.h"

#include <SDL.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct waker {
    SDL_Thread *thread;
    SDL_mutex *lock;
    int ctl[2];                 /* the loop -> the thread: "look again" */
    uint32_t event_type;
    /* under lock */
    struct pollfd fd[MIDI_WAIT_FDS];
    int count;
    unsigned generation;
    bool armed, quit;
    unsigned long fired;
};

static void kick(struct waker *k)
{
    char c = 1;
    while (write(k->ctl[1], &c, 1) < 0 && errno == EINTR)
        ;
}

static int run(void *data)
{
    struct waker *k = data;
    struct pollfd pfd[1 + MIDI_WAIT_FDS];

    for (;;) {
        SDL_LockMutex(k->lock);
        bool quit = k->quit;
        int n = 1;
        if (k->armed)
            for (int i = 0; i < k->count; i++)
                pfd[n++] = (struct pollfd){.fd = k->fd[i].fd,
                                           .events = k->fd[i].events};
        SDL_UnlockMutex(k->lock);
        if (quit)
            return 0;
        pfd[0] = (struct pollfd){.fd = k->ctl[0], .events = POLLIN};
        if (poll(pfd, (nfds_t)n, -1) < 0)
            continue; /* EINTR */
        if (pfd[0].revents) {
            char buf[64];
            while (read(k->ctl[0], buf, sizeof buf) > 0)
                ;
            continue; /* re-read the set (or quit) */
        }
        bool ready = false;
        for (int i = 1; i < n; i++)
            ready |= pfd[i].revents != 0;
        if (!ready)
            continue;
        SDL_LockMutex(k->lock);
        k->armed = false; /* until the loop has read what is there */
        k->fired++;
        SDL_UnlockMutex(k->lock);
        SDL_Event ev;
        memset(&ev, 0, sizeof ev);
        ev.type = k->event_type;
        SDL_PushEvent(&ev);
    }
}

struct waker *waker_start(uint32_t sdl_event_type)
{
    struct waker *k = calloc(1, sizeof *k);
    if (!k)
        return NULL;
    k->event_type = sdl_event_type;
    if (pipe(k->ctl) != 0) {
        free(k);
        return NULL;
    }
    for (int i = 0; i < 2; i++) {
        fcntl(k->ctl[i], F_SETFL, fcntl(k->ctl[i], F_GETFL) | O_NONBLOCK);
        fcntl(k->ctl[i], F_SETFD, FD_CLOEXEC);
    }
    k->lock = SDL_CreateMutex();
    if (k->lock)
        k->thread = SDL_CreateThread(run, "midi-waker", k);
    if (!k->thread) {
        if (k->lock)
            SDL_DestroyMutex(k->lock);
        close(k->ctl[0]);
        close(k->ctl[1]);
        free(k);
        return NULL;
    }
    return k;
}

void waker_arm(struct waker *k, const struct midi_wait *w)
{
    if (!k)
        return;
    int count = w->count < MIDI_WAIT_FDS ? w->count : MIDI_WAIT_FDS;
    SDL_LockMutex(k->lock);
    bool same = k->armed && k->count == count
                && k->generation == w->generation
                && memcmp(k->fd, w->fd, (size_t)count * sizeof *k->fd) == 0;
    if (!same) {
        memcpy(k->fd, w->fd, (size_t)count * sizeof *k->fd);
        k->count = count;
        k->generation = w->generation;
        k->armed = true;
    }
    SDL_UnlockMutex(k->lock);
    if (!same)
        kick(k);
}

unsigned long waker_fired(const struct waker *k)
{
    if (!k)
        return 0;
    SDL_LockMutex(k->lock);
    unsigned long n = k->fired;
    SDL_UnlockMutex(k->lock);
    return n;
}

void waker_stop(struct waker *k)
{
    if (!k)
        return;
    SDL_LockMutex(k->lock);
    k->quit = true;
    SDL_UnlockMutex(k->lock);
    kick(k);
    SDL_WaitThread(k->thread, NULL);
    SDL_DestroyMutex(k->lock);
    close(k->ctl[0]);
    close(k->ctl[1]);
    free(k);
}
