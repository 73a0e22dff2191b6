/* test_fuzz_regressions: replays every seed input (tests/fuzz/corpus/<what>)
 * and every saved fuzz finding (tests/fuzz/regressions/<what>) through the
 * same entry functions the libFuzzer targets use (tests/fuzz/targets.c),
 * without libFuzzer, so a fixed finding stays fixed in the ordinary suite
 * (and under ASan/UBSan in the sanitizer pass). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../fuzz/targets.c"

typedef int (*entry_fn)(const uint8_t *, size_t);

/* Runs every regular file in SOURCE/tests/fuzz/<kind>/<what>; returns the
 * number of files run. */
static int replay_dir(const char *kind, const char *what, entry_fn fn)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/tests/fuzz/%s/%s", SOUNDBOARD_SOURCE_DIR,
             kind, what);
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.')
            continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        uint8_t *buf = malloc(1 << 20);
        assert_non_null(buf);
        size_t len = fread(buf, 1, 1 << 20, f);
        fclose(f);
        fn(buf, len);
        free(buf);
        n++;
    }
    closedir(d);
    return n;
}

static void replay(const char *what, entry_fn fn)
{
    int seeds = replay_dir("corpus", what, fn);
    assert_true(seeds > 0);
    replay_dir("regressions", what, fn);
}

static void test_midi(void **state)
{
    (void)state;
    replay("midi", fuzz_midi_one);
}

static void test_profile(void **state)
{
    (void)state;
    replay("profile", fuzz_profile_one);
}

static void test_preset(void **state)
{
    (void)state;
    replay("preset", fuzz_preset_one);
}

static void test_arc(void **state)
{
    (void)state;
    replay("arc", fuzz_arc_one);
}

static void test_content(void **state)
{
    (void)state;
    replay("content", fuzz_content_one);
}

static void test_keymap(void **state)
{
    (void)state;
    replay("keymap", fuzz_keymap_one);
}

/* The seed profiles are real, valid profiles: they must parse cleanly,
 * so the profile fuzzer starts from inputs that reach the round trip. */
static void test_seed_profiles_parse(void **state)
{
    (void)state;
    const char *names[] = {"nanokontrol2-like.ini", "mackie-like.ini",
                           "mixed-kinds.ini"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/tests/fuzz/corpus/profile/%s",
                 SOUNDBOARD_SOURCE_DIR, names[i]);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        static char text[65536];
        size_t len = fread(text, 1, sizeof text, f);
        fclose(f);
        static struct profile p;
        static struct diag_list d;
        diag_init(&d);
        bool ok = profile_parse(text, len, names[i], "seed", &p, &d);
        if (!ok)
            fprintf(stderr, "%s\n", d.count ? d.text[0] : "(no diag)");
        assert_true(ok);
        assert_int_equal(d.count, 0);
    }
}

/* A flood: 100,000 CC messages in one burst through the surface; the
 * board ends on the last value sent and nothing is lost or overrun. */
static void test_flood_100k(void **state)
{
    (void)state;
    static struct profile p;
    build_profile(&p, 0x10); /* all CC kinds start at CC; any channel */
    p.element[0].kind = PROFILE_CTL_CC;
    p.element[0].channel = PROFILE_ANY_CHANNEL;
    p.element[0].number = 0;
    size_t n = 100000 * 3;
    uint8_t *bytes = malloc(n);
    assert_non_null(bytes);
    for (size_t i = 0; i < 100000; i++) {
        bytes[i * 3] = 0xB0;
        bytes[i * 3 + 1] = 0;
        bytes[i * 3 + 2] = (uint8_t)(i % 128);
    }
    bytes[n - 1] = 127;
    struct surface s;
    struct board b;
    struct surface_result r;
    board_init(&b);
    surface_init(&s, &p);
    surface_feed(&s, bytes, n, 0, &b, &r);
    free(bytes);
    assert_int_equal(r.messages, 100000);
    assert_int_equal(b.value[0], 100);
}

/* Endless SysEx (a megabyte with no F7) costs no memory and does not eat
 * the message after it ends. */
static void test_endless_sysex(void **state)
{
    (void)state;
    static struct profile p;
    build_profile(&p, 0x10);
    p.element[0].kind = PROFILE_CTL_CC;
    p.element[0].number = 0;
    struct surface s;
    struct board b;
    struct surface_result r;
    board_init(&b);
    surface_init(&s, &p);
    uint8_t chunk[4096];
    memset(chunk, 0x11, sizeof chunk);
    chunk[0] = 0xF0;
    surface_feed(&s, chunk, sizeof chunk, 0, &b, &r);
    chunk[0] = 0x11;
    for (int i = 0; i < 256; i++)
        surface_feed(&s, chunk, sizeof chunk, 0, &b, &r);
    const uint8_t tail[] = {0xF7, 0xB0, 0, 127};
    surface_feed(&s, tail, sizeof tail, 0, &b, &r);
    assert_int_equal(b.value[0], 100);
    assert_true(s.decoder.sysex_len <= MIDI_SYSEX_KEEP);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_midi),
        cmocka_unit_test(test_profile),
        cmocka_unit_test(test_preset),
        cmocka_unit_test(test_arc),
        cmocka_unit_test(test_content),
        cmocka_unit_test(test_keymap),
        cmocka_unit_test(test_seed_profiles_parse),
        cmocka_unit_test(test_flood_100k),
        cmocka_unit_test(test_endless_sysex),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
