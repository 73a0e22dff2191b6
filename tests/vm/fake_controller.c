/* fake_controller: an ALSA sequencer client that poses as a real MIDI
 * controller, for scripts/vm-midi-test (runs inside the QEMU guest).
 *
 * usage: fake_controller TAG CLIENT-NAME PORT-NAME HEX-BYTES LINGER-MS
 *
 * It creates a duplex port named PORT-NAME (e.g. "nanoKONTROL2 MIDI 1"),
 * waits until someone subscribes to read from it (soundboard's PortMidi
 * input), waits 50 ms, sends HEX-BYTES ("B0 00 7F ...") as MIDI, prints every message
 * it receives during that time and LINGER-MS more, then exits: the port
 * vanishes like an unplugged device. Lines it prints, each with the
 * guest's CLOCK_MONOTONIC in milliseconds:
 *     FAKE TAG start t=MS
 *     FAKE TAG subscribed t=MS
 *     FAKE TAG sent N hash=H t=MS     (N bytes, FNV-1a hash H of them)
 *     FAKE TAG got XX XX XX t=MS      (one per message received)
 *     FAKE TAG exit t=MS
 * Needs only alsa-lib. */
#include <alsa/asoundlib.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
    size_t n = parse_hex(argv[4], bytes, sizeof bytes);
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

    int messages = 0;
    for (size_t i = 0; i < n; i++) {
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
    printf("FAKE %s sent %zu hash=%08lX t=%ld\n", tag, n, hash, now_ms());
    fflush(stdout);

    long end = now_ms() + linger;
    while (now_ms() < end)
        receive(seq, dec, tag, (int)(end - now_ms()));
    printf("FAKE %s exit t=%ld\n", tag, now_ms());
    fflush(stdout);
    snd_seq_close(seq);
    return 0;
}
