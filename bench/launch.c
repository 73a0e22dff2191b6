/* launch: starts a program under the current X display and says when its
 * first window was mapped and when that window was first drawn into (the
 * first frame presented: the first X Damage report on it), both in ms
 * since the fork, then leaves the program running.
 *   launch PIDFILE PROGRAM [ARG...]
 * prints:  window_ms frame_ms   (-1 for what did not happen in 30 s) */
#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

/* A window can be gone before its Damage is made (QLC+ maps a short-lived
 * one first): Xlib's default handler would exit without a word. */
static int ignore_x_error(Display *d, XErrorEvent *e)
{
    (void)d;
    (void)e;
    return 0;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: launch PIDFILE PROGRAM [ARG...]\n");
        return 2;
    }
    Display *d = XOpenDisplay(NULL);
    if (!d)
        return 1;
    int dmg_ev, dmg_err;
    if (!XDamageQueryExtension(d, &dmg_ev, &dmg_err))
        return 1;
    XSetErrorHandler(ignore_x_error);
    Window root = DefaultRootWindow(d);
    XSelectInput(d, root, SubstructureNotifyMask);
    XSync(d, False);
    double t0 = now_ms();
    pid_t pid = fork();
    if (pid == 0) {
        close(ConnectionNumber(d));
        dup2(2, 1); /* its own output must not mix with our line */
        execvp(argv[2], argv + 2);
        _exit(127);
    }
    FILE *pf = fopen(argv[1], "w");
    if (pf) {
        fprintf(pf, "%d\n", (int)pid);
        fclose(pf);
    }
    double t_win = -1, t_frame = -1;
    while (now_ms() - t0 < 30000 && t_frame < 0) {
        while (XPending(d)) {
            XEvent ev;
            XNextEvent(d, &ev);
            if (ev.type == MapNotify && ev.xmap.event == root) {
                /* The first window mapped; the first frame drawn into
                 * any top-level window mapped since. */
                if (t_win < 0)
                    t_win = now_ms() - t0;
                XDamageCreate(d, ev.xmap.window, XDamageReportNonEmpty);
                XSync(d, False);
            } else if (ev.type == dmg_ev + XDamageNotify && t_frame < 0) {
                t_frame = now_ms() - t0;
            }
        }
        struct pollfd p = {.fd = ConnectionNumber(d), .events = POLLIN};
        poll(&p, 1, 5);
    }
    printf("%.1f %.1f\n", t_win, t_frame);
    XCloseDisplay(d);
    return 0;
}
