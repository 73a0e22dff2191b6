/* test_faults_io: faults at the adapters' edges. A 100,000-message flood
 * read through the file MIDI adapter into the surface (nothing lost, final
 * values right); the port vanishing mid-message (read error through the
 * adapter's seam) leaves the board on the last complete values; endless
 * SysEx and garbage bytes through the adapter; files_read refusing a file
 * over 1 MiB and a missing file with "PATH: reason". */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "board.h"
#include "files.h"
#include "midi_file.h"
#include "surface.h"
#include "test_support.h"

struct sink {
    struct surface surface;
    struct board board;
    unsigned long messages;
    int lost, ended;
};

static void on_bytes(void *user, int port_id, const uint8_t *b, size_t n)
{
    struct sink *s = user;
    struct surface_result r;
    (void)port_id;
    surface_feed(&s->surface, b, n, 0, &s->board, &r);
    s->messages += r.messages;
}

static void on_event(void *user, const struct midi_event *ev)
{
    struct sink *s = user;
    if (ev->kind == MIDI_EVENT_LOST)
        s->lost++;
    if (ev->kind == MIDI_EVENT_ENDED)
        s->ended++;
}

static int match(void *user, const char *name)
{
    (void)user;
    (void)name;
    return 0;
}

static void sink_init(struct sink *s, struct profile *p)
{
    memset(s, 0, sizeof *s);
    profile_init(p);
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        p->element[e].kind = PROFILE_CTL_CC;
        p->element[e].channel = PROFILE_ANY_CHANNEL;
        p->element[e].number = e;
    }
    board_init(&s->board);
    surface_init(&s->surface, p);
}

static void write_file(const char *path, const uint8_t *b, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b, 1, n, f), n);
    fclose(f);
}

/* Runs `in` through the file adapter into the sink until it ends or is
 * lost (at most 10,000 polls). */
static void run_file(struct sink *s, const char *in,
                     ssize_t (*read_fn)(void *, int, void *, size_t),
                     void *ctx)
{
    struct midi_host h = {.user = s, .on_bytes = on_bytes,
                          .on_event = on_event, .match = match};
    struct midi_file_config cfg = {.in_path = in, .read_fn = read_fn,
                                   .read_ctx = ctx};
    struct midi_backend b;
    char err[256];
    assert_true(midi_file_create(&b, &cfg, &h, err, sizeof err));
    for (int i = 0; i < 10000 && !s->lost && !s->ended; i++)
        midi_backend_poll(&b);
    midi_backend_destroy(&b);
}

/* 100,000 CCs (all seven faders sweeping), then each fader to a known
 * final value: all arrive, final values exact. */
static void flood_through_file_adapter(void **state)
{
    (void)state;
    static struct profile p;
    static struct sink s;
    size_t n = 100000, len = 0;
    uint8_t *buf = malloc(n * 3);
    assert_non_null(buf);
    for (size_t i = 0; i < n - BOARD_ELEMENTS; i++) {
        buf[len++] = 0xB0;
        buf[len++] = (uint8_t)(i % BOARD_ELEMENTS);
        buf[len++] = (uint8_t)((i / BOARD_ELEMENTS) % 128);
    }
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        buf[len++] = 0xB0;
        buf[len++] = (uint8_t)e;
        buf[len++] = (uint8_t)(e * 20);
    }
    char path[600];
    snprintf(path, sizeof path, "%s/flood.syx", test_make_temp_dir());
    write_file(path, buf, len);
    free(buf);
    sink_init(&s, &p);
    run_file(&s, path, NULL, NULL);
    assert_int_equal(s.ended, 1);
    assert_int_equal(s.lost, 0);
    assert_int_equal(s.messages, n);
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        assert_int_equal(s.board.value[e], board_clamp(e * 20 * 100 / 127 +
                         ((e * 20 * 100) % 127 * 2 >= 127)));
}

struct vanish {
    size_t left;
};

static ssize_t vanishing_read(void *ctx, int fd, void *buf, size_t n)
{
    struct vanish *v = ctx;
    if (v->left == 0) {
        errno = ENODEV;
        return -1;
    }
    ssize_t got = read(fd, buf, n < v->left ? n : v->left);
    if (got > 0)
        v->left -= (size_t)got;
    return got;
}

/* The port vanishes in the middle of a message: LOST once, the board keeps
 * the last complete value, the half message is not applied. */
static void vanishing_mid_message(void **state)
{
    (void)state;
    static struct profile p;
    static struct sink s;
    const uint8_t data[] = {0xB0, 0, 127, 0xB0, 0, 0};
    char path[600];
    snprintf(path, sizeof path, "%s/vanish.syx", test_make_temp_dir());
    write_file(path, data, sizeof data);
    struct vanish v = {.left = 5}; /* the last data byte never comes */
    sink_init(&s, &p);
    run_file(&s, path, vanishing_read, &v);
    assert_int_equal(s.lost, 1);
    assert_int_equal(s.messages, 1);
    assert_int_equal(s.board.value[0], 100);
}

/* Endless SysEx (2 MiB without F7) and 64 KiB of garbage through the
 * adapter, then one CC: it applies; nothing crashes or grows. */
static void endless_sysex_and_garbage(void **state)
{
    (void)state;
    static struct profile p;
    static struct sink s;
    size_t sx = 2u << 20, gb = 65536, len = 0;
    uint8_t *buf = malloc(sx + gb + 8);
    assert_non_null(buf);
    buf[len++] = 0xF0;
    for (size_t i = 1; i < sx; i++)
        buf[len++] = (uint8_t)(i & 0x7F);
    uint32_t x = 12345;
    for (size_t i = 0; i < gb; i++) {
        x = x * 1103515245u + 12345u;
        buf[len++] = (uint8_t)(x >> 16);
    }
    /* End whatever the garbage left open, then a CC. */
    buf[len++] = 0xF7;
    buf[len++] = 0xB0;
    buf[len++] = 3;
    buf[len++] = 127;
    char path[600];
    snprintf(path, sizeof path, "%s/endless.syx", test_make_temp_dir());
    write_file(path, buf, len);
    free(buf);
    sink_init(&s, &p);
    run_file(&s, path, NULL, NULL);
    assert_int_equal(s.ended, 1);
    assert_int_equal(s.board.value[3], 100);
    assert_true(s.surface.decoder.sysex_len <= MIDI_SYSEX_KEEP);
}

/* files_read: a file over 1 MiB is refused with its path named; a missing
 * file too. Nothing is parsed. */
static void files_read_refuses_huge_and_missing(void **state)
{
    (void)state;
    char path[600], err[512];
    char *text = NULL;
    size_t len = 0;
    snprintf(path, sizeof path, "%s/huge.ini", test_make_temp_dir());
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    for (int i = 0; i < (FILES_MAX_SIZE / 8) + 2; i++)
        fputs("; pad..\n", f);
    fclose(f);
    assert_false(files_read(path, &text, &len, err, sizeof err));
    assert_null(text);
    assert_non_null(strstr(err, path));
    fprintf(stderr, "huge: %s\n", err);

    snprintf(path, sizeof path, "%s/none.ini", test_make_temp_dir());
    assert_false(files_read(path, &text, &len, err, sizeof err));
    assert_non_null(strstr(err, path));
    fprintf(stderr, "missing: %s\n", err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(flood_through_file_adapter),
        cmocka_unit_test(vanishing_mid_message),
        cmocka_unit_test(endless_sysex_and_garbage),
        cmocka_unit_test(files_read_refuses_huge_and_missing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
