/* midi_file: bytes from a regular file and a FIFO reach on_bytes intact
 * whatever the chunking, a port that vanishes mid-stream is reported and
 * closed, --midi-out gets exactly the bytes sent, --list-midi's format. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "midi_file.h"
#include "test_support.h"

enum { MAX_EVENTS = 16, MAX_BYTES = 70000 };

struct recorder {
    uint8_t bytes[MAX_BYTES];
    size_t n;
    int calls;
    int bad_port;                 /* on_bytes with a port id not 0 */
    enum midi_event_kind kinds[MAX_EVENTS];
    int profiles[MAX_EVENTS];
    char reasons[MAX_EVENTS][160];
    int events;
    char last_name[MIDI_NAME_MAX];
};

static void on_bytes(void *user, int port_id, const uint8_t *b, size_t n)
{
    struct recorder *r = user;
    if (port_id != 0)
        r->bad_port++;
    assert_true(r->n + n <= MAX_BYTES);
    memcpy(r->bytes + r->n, b, n);
    r->n += n;
    r->calls++;
}

static void on_event(void *user, const struct midi_event *ev)
{
    struct recorder *r = user;
    assert_true(r->events < MAX_EVENTS);
    r->kinds[r->events] = ev->kind;
    r->profiles[r->events] = ev->profile;
    snprintf(r->reasons[r->events], sizeof r->reasons[0], "%s",
             ev->reason ? ev->reason : "");
    snprintf(r->last_name, sizeof r->last_name, "%s", ev->name);
    r->events++;
}

/* The app answers the --controller profile: here always index 3. */
static int match(void *user, const char *name)
{
    (void)user;
    (void)name;
    return 3;
}

static const char *profile_name(void *user, int profile)
{
    (void)user;
    return profile == 3 ? "korg-nanokontrol2" : "?";
}

static struct midi_host host_for(struct recorder *r)
{
    return (struct midi_host){
        .user = r, .on_bytes = on_bytes, .on_event = on_event,
        .match = match, .profile_name = profile_name,
    };
}

static void write_file(const char *path, const uint8_t *b, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b, 1, n, f), n);
    fclose(f);
}

/* A sweep of eight faders plus SysEx and real-time bytes. */
static size_t make_stream(uint8_t *out, size_t max)
{
    size_t n = 0;
    for (int v = 0; v < 128 && n + 3 * 8 + 8 <= max; v++) {
        for (int cc = 0; cc < 8; cc++) {
            out[n++] = 0xB0;
            out[n++] = (uint8_t)cc;
            out[n++] = (uint8_t)v;
        }
        if (v % 16 == 0) {
            const uint8_t extra[] = {0xF8, 0xF0, 0x42, (uint8_t)v, 0xF7,
                                     0xE1, 0x00, (uint8_t)v};
            memcpy(out + n, extra, sizeof extra);
            n += sizeof extra;
        }
    }
    return n;
}

static void regular_file_reaches_on_bytes(void **state)
{
    (void)state;
    static struct recorder r;
    static uint8_t data[8000];
    char path[512], err[256];
    struct midi_backend b;
    size_t n = make_stream(data, sizeof data);

    memset(&r, 0, sizeof r);
    snprintf(path, sizeof path, "%s/in.syx", test_make_temp_dir());
    write_file(path, data, n);
    struct midi_host h = host_for(&r);
    struct midi_file_config cfg = {.in_path = path};
    assert_true(midi_file_create(&b, &cfg, &h, err, sizeof err));
    assert_string_equal(b.kind, "file");
    midi_backend_poll(&b);
    assert_int_equal(r.n, n);
    assert_memory_equal(r.bytes, data, n);
    assert_int_equal(r.bad_port, 0);
    assert_int_equal(r.events, 2);
    assert_int_equal(r.kinds[0], MIDI_EVENT_OPENED);
    assert_int_equal(r.profiles[0], 3);
    assert_string_equal(r.last_name, path);
    assert_int_equal(r.kinds[1], MIDI_EVENT_ENDED);
    midi_backend_poll(&b); /* nothing more */
    assert_int_equal(r.events, 2);
    assert_int_equal(r.n, n);
    midi_backend_destroy(&b);
}

/* Read seam: hands out at most `step` bytes per call, cycling 1..7. */
struct chunker {
    int step;
};

static ssize_t chunked_read(void *ctx, int fd, void *buf, size_t n)
{
    struct chunker *c = ctx;
    size_t want = (size_t)(c->step % 7 + 1);
    c->step++;
    return read(fd, buf, n < want ? n : want);
}

static void chunking_does_not_matter(void **state)
{
    (void)state;
    static struct recorder r;
    static uint8_t data[4000];
    char path[512], err[256];
    struct midi_backend b;
    struct chunker c = {0};
    size_t n = make_stream(data, sizeof data);

    memset(&r, 0, sizeof r);
    snprintf(path, sizeof path, "%s/in.syx", test_make_temp_dir());
    write_file(path, data, n);
    struct midi_host h = host_for(&r);
    struct midi_file_config cfg = {
        .in_path = path, .read_fn = chunked_read, .read_ctx = &c,
    };
    assert_true(midi_file_create(&b, &cfg, &h, err, sizeof err));
    midi_backend_poll(&b);
    assert_true(r.calls > 500); /* really arrived in small pieces */
    assert_int_equal(r.n, n);
    assert_memory_equal(r.bytes, data, n);
    assert_int_equal(r.kinds[r.events - 1], MIDI_EVENT_ENDED);
    midi_backend_destroy(&b);
}

static void fifo_reaches_on_bytes(void **state)
{
    (void)state;
    static struct recorder r;
    char path[512], err[256];
    struct midi_backend b;
    const uint8_t part1[] = {0xB0, 0x00, 0x10, 0xB0, 0x01};
    const uint8_t part2[] = {0x7F, 0xF0, 0x01, 0x02, 0xF7, 0x90, 60, 0};

    memset(&r, 0, sizeof r);
    snprintf(path, sizeof path, "%s/fifo", test_make_temp_dir());
    assert_int_equal(mkfifo(path, 0600), 0);
    struct midi_host h = host_for(&r);
    struct midi_file_config cfg = {.in_path = path};
    assert_true(midi_file_create(&b, &cfg, &h, err, sizeof err));

    midi_backend_poll(&b); /* no writer yet: opened, waiting, no end */
    assert_int_equal(r.events, 1);
    assert_int_equal(r.kinds[0], MIDI_EVENT_OPENED);
    assert_int_equal(r.n, 0);

    int w = open(path, O_WRONLY);
    assert_true(w >= 0);
    midi_backend_poll(&b); /* writer, no data: must not block */
    assert_int_equal(r.n, 0);
    assert_int_equal(write(w, part1, sizeof part1), (ssize_t)sizeof part1);
    midi_backend_poll(&b);
    assert_int_equal(r.n, sizeof part1);
    assert_int_equal(write(w, part2, sizeof part2), (ssize_t)sizeof part2);
    midi_backend_poll(&b);
    assert_int_equal(r.n, sizeof part1 + sizeof part2);
    assert_memory_equal(r.bytes, part1, sizeof part1);
    assert_memory_equal(r.bytes + sizeof part1, part2, sizeof part2);
    assert_int_equal(r.events, 1);
    close(w);
    midi_backend_poll(&b); /* writer gone after data: the input ended */
    assert_int_equal(r.events, 2);
    assert_int_equal(r.kinds[1], MIDI_EVENT_ENDED);
    midi_backend_destroy(&b);
}

/* Read seam: gives `good` bytes, then fails like an unplugged device. */
struct vanish {
    size_t left;
    int calls_after;
};

static ssize_t vanishing_read(void *ctx, int fd, void *buf, size_t n)
{
    struct vanish *v = ctx;
    if (v->left == 0) {
        v->calls_after++;
        errno = ENODEV;
        return -1;
    }
    ssize_t got = read(fd, buf, n < v->left ? n : v->left);
    if (got > 0)
        v->left -= (size_t)got;
    return got;
}

static void vanishing_port_is_reported_and_closed(void **state)
{
    (void)state;
    static struct recorder r;
    static uint8_t data[3000];
    char dir[512], in[600], out[600], err[256];
    struct midi_backend b;
    struct vanish v = {.left = 1234};
    size_t n = make_stream(data, sizeof data);

    memset(&r, 0, sizeof r);
    snprintf(dir, sizeof dir, "%s", test_make_temp_dir());
    snprintf(in, sizeof in, "%s/in.syx", dir);
    snprintf(out, sizeof out, "%s/out.syx", dir);
    write_file(in, data, n);
    struct midi_host h = host_for(&r);
    struct midi_file_config cfg = {
        .in_path = in, .out_path = out, .read_fn = vanishing_read,
        .read_ctx = &v,
    };
    assert_true(midi_file_create(&b, &cfg, &h, err, sizeof err));
    midi_backend_poll(&b);
    assert_int_equal(r.n, 1234);               /* what came before */
    assert_memory_equal(r.bytes, data, 1234);
    assert_int_equal(r.events, 2);
    assert_int_equal(r.kinds[1], MIDI_EVENT_LOST);
    assert_non_null(strstr(r.reasons[1], strerror(ENODEV)));
    assert_int_equal(v.calls_after, 1);

    /* Closed: no more reads, no more events, sending is refused. */
    midi_backend_poll(&b);
    midi_backend_poll(&b);
    assert_int_equal(v.calls_after, 1);
    assert_int_equal(r.events, 2);
    const uint8_t msg[] = {0xB0, 0, 1};
    assert_false(midi_backend_send(&b, 0, msg, sizeof msg));
    struct midi_port_info ports[4];
    assert_int_equal(midi_backend_list(&b, ports, 4), 2);
    assert_int_equal(ports[0].port_id, -1);
    midi_backend_destroy(&b);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = malloc(65536);
    assert_non_null(buf);
    *len = fread(buf, 1, 65536, f);
    fclose(f);
    return buf;
}

static void output_gets_exactly_the_sent_bytes(void **state)
{
    (void)state;
    static struct recorder r;
    char dir[512], in[600], out[600], err[256];
    struct midi_backend b;
    const uint8_t first[] = {0xE0, 0x7F, 0x7F, 0xE1, 0x00, 0x00};
    const uint8_t lcd[] = {0xF0, 0x00, 0x00, 0x66, 0x14, 0x12, 0x00, 'G',
                           'o', 'a', 'l', 's', 0xF7};
    const uint8_t before[] = {0x01, 0x02};
    const uint8_t cc[] = {0xB0, 0x01, 0x05};

    memset(&r, 0, sizeof r);
    snprintf(dir, sizeof dir, "%s", test_make_temp_dir());
    snprintf(in, sizeof in, "%s/in.syx", dir);
    snprintf(out, sizeof out, "%s/out.syx", dir);
    write_file(in, cc, sizeof cc);
    write_file(out, before, sizeof before); /* --midi-out appends */
    struct midi_host h = host_for(&r);
    struct midi_file_config cfg = {.in_path = in, .out_path = out};
    assert_true(midi_file_create(&b, &cfg, &h, err, sizeof err));
    assert_false(midi_backend_send(&b, 1, first, sizeof first)); /* no id 1 */
    assert_true(midi_backend_send(&b, 0, first, sizeof first));
    midi_backend_poll(&b); /* input ends; output stays usable */
    assert_int_equal(r.kinds[r.events - 1], MIDI_EVENT_ENDED);
    assert_true(midi_backend_send(&b, 0, lcd, sizeof lcd));
    midi_backend_destroy(&b);

    size_t len;
    char *got = slurp(out, &len);
    assert_int_equal(len, sizeof before + sizeof first + sizeof lcd);
    assert_memory_equal(got, before, sizeof before);
    assert_memory_equal(got + sizeof before, first, sizeof first);
    assert_memory_equal(got + sizeof before + sizeof first, lcd,
                        sizeof lcd);
    free(got);
}

static void bad_paths_are_refused(void **state)
{
    (void)state;
    static struct recorder r;
    char path[512], err[256] = "";
    struct midi_backend b = {0};
    struct midi_host h = host_for(&r);

    snprintf(path, sizeof path, "%s/missing.syx", test_make_temp_dir());
    struct midi_file_config cfg = {.in_path = path};
    assert_false(midi_file_create(&b, &cfg, &h, err, sizeof err));
    assert_non_null(strstr(err, path));
    assert_non_null(strstr(err, strerror(ENOENT)));
    assert_null(b.priv);

    struct midi_file_config none = {0};
    assert_false(midi_file_create(&b, &none, &h, err, sizeof err));
}

static void list_midi_format(void **state)
{
    (void)state;
    static struct recorder r;
    char dir[512], in[600], out[600], listing[600], err[256];
    struct midi_backend b;
    const uint8_t cc[] = {0xB0, 0x01, 0x05};

    memset(&r, 0, sizeof r);
    snprintf(dir, sizeof dir, "%s", test_make_temp_dir());
    snprintf(in, sizeof in, "%s/in.syx", dir);
    snprintf(out, sizeof out, "%s/out.syx", dir);
    snprintf(listing, sizeof listing, "%s/list.txt", dir);
    write_file(in, cc, sizeof cc);
    struct midi_host h = host_for(&r);
    struct midi_file_config cfg = {.in_path = in, .out_path = out};
    assert_true(midi_file_create(&b, &cfg, &h, err, sizeof err));
    FILE *f = fopen(listing, "w");
    assert_non_null(f);
    assert_int_equal(midi_backend_print_ports(&b, &h, f), 2);
    fclose(f);
    midi_backend_destroy(&b);

    char want[2048];
    snprintf(want, sizeof want, "in\t%s\tkorg-nanokontrol2\n"
             "out\t%s\tkorg-nanokontrol2\n", in, out);
    size_t len;
    char *got = slurp(listing, &len);
    assert_int_equal(len, strlen(want));
    assert_memory_equal(got, want, len);
    free(got);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(regular_file_reaches_on_bytes),
        cmocka_unit_test(chunking_does_not_matter),
        cmocka_unit_test(fifo_reaches_on_bytes),
        cmocka_unit_test(vanishing_port_is_reported_and_closed),
        cmocka_unit_test(output_gets_exactly_the_sent_bytes),
        cmocka_unit_test(bad_paths_are_refused),
        cmocka_unit_test(list_midi_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
