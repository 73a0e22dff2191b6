/* fake_controller: an ALSA sequencer client that poses as a real MIDI
 * controller, for scripts/vm-midi-test (runs inside the QEMU guest).
 *
 * usage: fake_controller TAG CLIENT-NAME PORT-NAME HEX-BYTES LINGER-MS
 *        fake_controller TAG CLIENT-NAME PORT-NAME FLOOD LINGER-MS
 *
 * It creates a duplex port named PORT-NAME (e.g. "nanoKONTROL2 MIDI 1"),
 * waits until someone subscribes to read from it (soundboard's PortMidi
 * input), waits 50 ms, sends HEX-BYTES ("B0 00 7F ...") as MIDI, prints every message
 * it receives during that time and LINGER-MS more, then exits: the port
 * vanishes like an unplugged device. HEX-BYTES are paced like a hand on
 * a fader: after every 16 messages it waits up to 2 ms for input.
 *
 * FLOOD instead of HEX-BYTES generates the messages (no 64 KiB limit) and
 * sends them in one burst, with no pacing: a send is only retried when
 * the sequencer answers -EAGAIN. Its forms:
 *     flood:N:final=V0,V1,V2,V3,V4,V5,V6
 *         N control changes on channel 1, CC 0-6 in turn (message k is
 *         on CC k%7); the last seven set CC 0-6 to V0..V6, the others
 *         are flood_value(k) below (CC c stays within 16c..16c+15).
 *     flood:N:kill=K
 *         the same body, but after K messages the process prints a
 *         "killing" line and sends itself SIGKILL: the client vanishes
 *         mid-burst, with no snd_seq_close and no exit handlers.
 *
 * Lines it prints, each with the guest's CLOCK_MONOTONIC in milliseconds:
 *     FAKE TAG start t=MS
 *     FAKE TAG subscribed t=MS
 *     FAKE TAG burst t=MS             (FLOOD only: its first send)
 *     FAKE TAG sent N hash=H t=MS     (N bytes, FNV-1a hash H of them)
 *         FLOOD adds, before t=: messages=M eagain=R errors=E (sends that
 *         had to be retried after -EAGAIN; sends that failed otherwise,
 *         their bytes still counted in N and H)
 *     FAKE TAG killing after N hash=H messages=M eagain=R errors=E t=MS
 *     FAKE TAG got XX XX XX t=MS      (one per message received)
 *     FAKE TAG exit t=MS
 * Needs only alsa-lib. */
#include <alsa/asoundlib.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static size_t parse_hex(const char *s, unsigned char *out, size_t max)
{
    size_t n = 0;
    while (*s && n < max) {
        char *end;
        unsigned long v = strtoul(s, &end, 16);
        if (end == s)
            break;
        out[n++] = (unsigned char)v;
        s = end;
    }
    return n;
}

static int readers(snd_seq_t *seq, int client, int port)
{
    snd_seq_query_subscribe_t *q;
    snd_seq_addr_t addr = {.client = (unsigned char)client,
                           .port = (unsigned char)port};
    int count = 0;

    snd_seq_query_subscribe_alloca(&q);
    snd_seq_query_subscribe_set_root(q, &addr);
    snd_seq_query_subscribe_set_type(q, SND_SEQ_QUERY_SUBS_READ);
    snd_seq_query_subscribe_set_index(q, 0);
    while (snd_seq_query_port_subscribers(seq, q) >= 0) {
        count++;
        snd_seq_query_subscribe_set_index(
            q, snd_seq_query_subscribe_get_index(q) + 1);
    }
    return count;
}

/* Prints every pending incoming message; waits up to wait_ms for one. */
static void receive(snd_seq_t *seq, snd_midi_event_t *dec, const char *tag,
                    int wait_ms)
{
    struct pollfd pfd[4];
    int nfds = snd_seq_poll_descriptors(seq, pfd, 4, POLLIN);

    if (snd_seq_event_input_pending(seq, 1) <= 0 &&
        poll(pfd, (nfds_t)nfds, wait_ms) <= 0)
        return;
    for (;;) {
        snd_seq_event_t *ev = NULL;
        int r = snd_seq_event_input(seq, &ev);
        if (r < 0 || !ev)
            return;
        unsigned char buf[512];
        long n = snd_midi_event_decode(dec, buf, sizeof buf, ev);
        if (n > 0) {
            char line[2048];
            int used = snprintf(line, sizeof line, "FAKE %s got", tag);
            for (long i = 0; i < n && used < (int)sizeof line - 8; i++)
                used += snprintf(line + used, sizeof line - (size_t)used,
                                 " %02X", buf[i]);
            printf("%s t=%ld\n", line, now_ms());
            fflush(stdout);
        }
        if (snd_seq_event_input_pending(seq, 0) <= 0)
            return;
    }
}

/* The flood's value for message k (not one of the final seven): CC c =
 * k%7 moves up and down within its own band 16c..16c+15 (a triangle wave,
 * each CC at its own phase), so a value on the board shows which CC it
 * came from. tests/vm/check.sh computes the same (flood_value there). */
static int flood_value(long k)
{
    int cc = (int)(k % 7);
    long p = (k / 7 + 3 * cc) % 30;
    return 16 * cc + (int)(p < 16 ? p : 30 - p);
}

struct flood {
    long count;           /* messages */
    long kill_after;      /* -1: never */
    int final[7];
    bool has_final;
};

static bool parse_flood(const char *arg, struct flood *f)
{
    const char *opt;

    if (strncmp(arg, "flood:", 6) != 0)
        return false;
    *f = (struct flood){.count = atol(arg + 6), .kill_after = -1};
    if ((opt = strstr(arg, ":kill=")))
        f->kill_after = atol(opt + 6);
    if ((opt = strstr(arg, ":final="))) {
        opt += 7;
        for (int c = 0; c < 7; c++) {
            char *end;
            f->final[c] = (int)strtol(opt, &end, 10) & 127;
            opt = *end == ',' ? end + 1 : end;
        }
        f->has_final = true;
    }
    return f->count > 0;
}

static void flood_message(const struct flood *f, long k, unsigned char m[3])
{
    int cc = (int)(k % 7);
    m[0] = 0xB0;
    m[1] = (unsigned char)cc;
    m[2] = (unsigned char)(f->has_final && k >= f->count - 7
                               ? f->final[cc] : flood_value(k));
}

/* Sends the flood as fast as the sequencer takes it. */
static void send_flood(snd_seq_t *seq, snd_midi_event_t *dec, int port,
                       const char *tag, const struct flood *f)
{
    unsigned long hash = 2166136261UL;
    long eagain = 0, errors = 0, bytes = 0;

    printf("FAKE %s burst t=%ld\n", tag, now_ms());
    fflush(stdout);
    for (long k = 0; k < f->count; k++) {
        if (k == f->kill_after) {
            printf("FAKE %s killing after %ld hash=%08lX messages=%ld "
                   "eagain=%ld errors=%ld t=%ld\n", tag, bytes, hash, k,
                   eagain, errors, now_ms());
            fflush(stdout);
            kill(getpid(), SIGKILL);
            pause();
        }
        unsigned char m[3];
        snd_seq_event_t ev;
        int r;
        flood_message(f, k, m);
        snd_seq_ev_clear(&ev);
        snd_seq_ev_set_controller(&ev, m[0] & 15, m[1], m[2]);
        snd_seq_ev_set_source(&ev, port);
        snd_seq_ev_set_subs(&ev);
        snd_seq_ev_set_direct(&ev);
        while ((r = snd_seq_event_output_direct(seq, &ev)) == -EAGAIN) {
            eagain++;
            receive(seq, dec, tag, 1);
        }
        if (r < 0)
            errors++;
        for (int i = 0; i < 3; i++)
            hash = ((hash ^ m[i]) * 16777619UL) & 0xFFFFFFFFUL;
        bytes += 3;
    }
    printf("FAKE %s sent %ld hash=%08lX messages=%ld eagain=%ld errors=%ld "
           "t=%ld\n", tag, bytes, hash, f->count, eagain, errors, now_ms());
    fflush(stdout);
}

int main(int argc, char **argv)
{
    snd_seq_t *seq;
    snd_midi_event_t *enc, *dec;
    unsigned char bytes[65536];

    if (argc != 6) {
        fprintf(stderr, "usage: fake_controller TAG CLIENT PORT HEX "
                        "LINGER-MS\n");
        return 2;
    }
    const char *tag = argv[1];
    struct flood flood = {.kill_after = -1};
    bool flooding = parse_flood(argv[4], &flood);
    size_t n = flooding ? 0 : parse_hex(argv[4], bytes, sizeof bytes);
    int linger = atoi(argv[5]);

    if (snd_seq_open(&seq, "default", SND_SEQ_OPEN_DUPLEX,
                     SND_SEQ_NONBLOCK) < 0) {
        printf("FAKE %s error cannot open the sequencer\n", tag);
        return 1;
    }
    snd_seq_set_client_name(seq, argv[2]);
    int port = snd_seq_create_simple_port(
        seq, argv[3],
        SND_SEQ_PORT_CAP_READ | SND_SEQ_PORT_CAP_SUBS_READ |
            SND_SEQ_PORT_CAP_WRITE | SND_SEQ_PORT_CAP_SUBS_WRITE,
        SND_SEQ_PORT_TYPE_MIDI_GENERIC | SND_SEQ_PORT_TYPE_HARDWARE);
    if (port < 0 || snd_midi_event_new(sizeof bytes, &enc) < 0 ||
        snd_midi_event_new(1024, &dec) < 0) {
        printf("FAKE %s error cannot create the port\n", tag);
        return 1;
    }
    snd_midi_event_no_status(dec, 1);
    int me = snd_seq_client_id(seq);
    printf("FAKE %s start t=%ld\n", tag, now_ms());
    fflush(stdout);

    long deadline = now_ms() + 10000;
    while (readers(seq, me, port) == 0) {
        if (now_ms() > deadline) {
            printf("FAKE %s error nobody subscribed t=%ld\n", tag, now_ms());
            return 1;
        }
        receive(seq, dec, tag, 20);
    }
    printf("FAKE %s subscribed t=%ld\n", tag, now_ms());
    fflush(stdout);
    /* PortMidi 217 drops what arrives while it is still opening its
     * streams (seen here: the first ~2 ms); a hand is never that fast. */
    long settle = now_ms() + 50;
    while (now_ms() < settle)
        receive(seq, dec, tag, (int)(settle - now_ms()));

    if (flooding)
        send_flood(seq, dec, port, tag, &flood);
    int messages = 0;
    for (size_t i = 0; i < n && !flooding; i++) {
        snd_seq_event_t ev;
        snd_seq_ev_clear(&ev);
        if (snd_midi_event_encode_byte(enc, bytes[i], &ev) != 1)
            continue;
        snd_seq_ev_set_source(&ev, port);
        snd_seq_ev_set_subs(&ev);
        snd_seq_ev_set_direct(&ev);
        while (snd_seq_event_output_direct(seq, &ev) == -EAGAIN)
            receive(seq, dec, tag, 1);
        if (++messages % 16 == 0) /* a hand on a fader, not a flood */
            receive(seq, dec, tag, 2);
    }
    unsigned long hash = 2166136261UL;
    for (size_t i = 0; i < n; i++)
        hash = ((hash ^ bytes[i]) * 16777619UL) & 0xFFFFFFFFUL;
    if (!flooding) {
        printf("FAKE %s sent %zu hash=%08lX t=%ld\n", tag, n, hash,
               now_ms());
        fflush(stdout);
    }

    long end = now_ms() + linger;
    while (now_ms() < end)
        receive(seq, dec, tag, (int)(end - now_ms()));
    printf("FAKE %s exit t=%ld\n", tag, now_ms());
    fflush(stdout);
    snd_seq_close(seq);
    return 0;
}
