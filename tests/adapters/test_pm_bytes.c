/* pm_bytes: PortMidi words back to raw bytes (short messages, SysEx four
 * bytes per word with real-time in between, truncation, overflow reset)
 * and raw outgoing bytes cut into what PortMidi writes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "pm_bytes.h"

static uint32_t word(uint8_t a, uint8_t b, uint8_t c, uint8_t d)
{
    return (uint32_t)a | (uint32_t)b << 8 | (uint32_t)c << 16 |
           (uint32_t)d << 24;
}

/* Converts a sequence of words and returns the concatenated bytes. */
static size_t convert(const uint32_t *words, size_t n, uint8_t *out)
{
    struct pm_bytes_in s;
    size_t total = 0;

    pm_bytes_in_init(&s);
    for (size_t i = 0; i < n; i++)
        total += pm_bytes_from_word(&s, words[i], out + total);
    return total;
}

static void message_lengths(void **state)
{
    (void)state;
    assert_int_equal(pm_bytes_message_length(0x90), 3);
    assert_int_equal(pm_bytes_message_length(0x8F), 3);
    assert_int_equal(pm_bytes_message_length(0xB5), 3);
    assert_int_equal(pm_bytes_message_length(0xA0), 3);
    assert_int_equal(pm_bytes_message_length(0xEF), 3);
    assert_int_equal(pm_bytes_message_length(0xC3), 2);
    assert_int_equal(pm_bytes_message_length(0xD0), 2);
    assert_int_equal(pm_bytes_message_length(0xF1), 2);
    assert_int_equal(pm_bytes_message_length(0xF2), 3);
    assert_int_equal(pm_bytes_message_length(0xF3), 2);
    assert_int_equal(pm_bytes_message_length(0xF6), 1);
    assert_int_equal(pm_bytes_message_length(0xF8), 1);
    assert_int_equal(pm_bytes_message_length(0xFE), 1);
    assert_int_equal(pm_bytes_message_length(0xF0), 0);
    assert_int_equal(pm_bytes_message_length(0x40), 0);
}

static void short_messages_every_channel(void **state)
{
    (void)state;
    for (int ch = 0; ch < 16; ch++) {
        uint32_t w[] = {
            word((uint8_t)(0xB0 | ch), 7, 100, 0),
            word((uint8_t)(0xC0 | ch), 5, 0x55, 0), /* junk past length */
            word((uint8_t)(0xE0 | ch), 0x7F, 0x7F, 0),
            word((uint8_t)(0x90 | ch), 60, 0, 0),
        };
        uint8_t out[32];
        const uint8_t want[] = {
            (uint8_t)(0xB0 | ch), 7, 100, (uint8_t)(0xC0 | ch), 5,
            (uint8_t)(0xE0 | ch), 0x7F, 0x7F, (uint8_t)(0x90 | ch), 60, 0,
        };
        assert_int_equal(convert(w, 4, out), sizeof want);
        assert_memory_equal(out, want, sizeof want);
    }
}

static void sysex_across_words_with_realtime(void **state)
{
    (void)state;
    /* F0 00 20 32 7F 7F 06 42 F7 (MCU-like), a clock between words. */
    uint32_t w[] = {
        word(0xF0, 0x00, 0x20, 0x32),
        word(0xF8, 0, 0, 0),
        word(0x7F, 0x7F, 0x06, 0x42),
        word(0xF7, 0, 0, 0),
        word(0xB0, 1, 2, 0),
    };
    const uint8_t want[] = {0xF0, 0x00, 0x20, 0x32, 0xF8, 0x7F, 0x7F,
                            0x06, 0x42, 0xF7, 0xB0, 1, 2};
    uint8_t out[64];
    assert_int_equal(convert(w, 5, out), sizeof want);
    assert_memory_equal(out, want, sizeof want);
}

static void sysex_ending_inside_a_word(void **state)
{
    (void)state;
    uint32_t w[] = {
        word(0xF0, 0x42, 0x40, 0x00),
        word(0x01, 0xF7, 0x00, 0x00), /* zeros after F7 are padding */
        word(0x80, 64, 0, 0),
    };
    const uint8_t want[] = {0xF0, 0x42, 0x40, 0x00, 0x01, 0xF7, 0x80, 64,
                            0};
    uint8_t out[64];
    assert_int_equal(convert(w, 3, out), sizeof want);
    assert_memory_equal(out, want, sizeof want);

    /* Short SysEx in one word. */
    uint32_t one[] = {word(0xF0, 0x7E, 0xF7, 0x00)};
    const uint8_t want1[] = {0xF0, 0x7E, 0xF7};
    assert_int_equal(convert(one, 1, out), 3);
    assert_memory_equal(out, want1, 3);
}

static void sysex_cut_short_by_new_status(void **state)
{
    (void)state;
    /* The cable was pulled mid-SysEx: a CC arrives, no F7. */
    uint32_t w[] = {
        word(0xF0, 0x01, 0x02, 0x03),
        word(0xB0, 10, 20, 0),
        word(0x00, 0x00, 0x00, 0x00), /* data word outside SysEx: dropped */
    };
    const uint8_t want[] = {0xF0, 0x01, 0x02, 0x03, 0xB0, 10, 20};
    uint8_t out[64];
    assert_int_equal(convert(w, 3, out), sizeof want);
    assert_memory_equal(out, want, sizeof want);
}

static void reset_after_overflow(void **state)
{
    (void)state;
    struct pm_bytes_in s;
    uint8_t out[4];

    pm_bytes_in_init(&s);
    assert_int_equal(pm_bytes_from_word(&s, word(0xF0, 1, 2, 3), out), 4);
    assert_true(s.in_sysex);
    pm_bytes_in_init(&s); /* what the backend does on pmBufferOverflow */
    assert_false(s.in_sysex);
    assert_int_equal(pm_bytes_from_word(&s, word(4, 5, 6, 7), out), 0);
}

/* Collects every message pm_bytes_next finds as "w:XXXXXX" / "x:len". */
static void split(const uint8_t *buf, size_t n, char *out, size_t len)
{
    struct pm_bytes_out c;
    struct pm_bytes_msg m;
    size_t used = 0;

    out[0] = '\0';
    pm_bytes_out_init(&c, buf, n);
    while (pm_bytes_next(&c, &m)) {
        if (m.sysex)
            used += (size_t)snprintf(out + used, len - used,
                                     "x%zu:%02X..%02X ", m.len, m.bytes[0],
                                     m.bytes[m.len - 1]);
        else
            used += (size_t)snprintf(out + used, len - used, "w%zu:%06X ",
                                     m.len, (unsigned)m.word);
    }
}

static void outgoing_bytes_split(void **state)
{
    (void)state;
    char got[256];
    /* Pitch bend, running status, SysEx, program change, stray data,
     * truncated CC cut by a note, real-time inside a message. */
    const uint8_t buf[] = {
        0xE0, 0x7F, 0x7F, 0x00, 0x40,       /* E0 + running status */
        0xF0, 0x00, 0x20, 0x32, 0x14, 0xF7, /* SysEx, ends running */
        0x05,                               /* stray data: skipped */
        0xC1, 0x09,
        0xB0, 0x07,                         /* truncated */
        0x90, 0x3C, 0xF8, 0x7F,             /* clock inside: dropped */
        0xF0, 0x01,                         /* unterminated SysEx */
    };
    split(buf, sizeof buf, got, sizeof got);
    assert_string_equal(got, "w3:7F7FE0 w3:4000E0 x6:F0..F7 w2:0009C1 "
                             "w3:7F3C90 ");
}

static void outgoing_round_trip(void **state)
{
    (void)state;
    /* Splitting then converting back gives the same bytes. */
    const uint8_t buf[] = {0xB3, 0x10, 0x40, 0xF0, 0x42, 0x7F, 0x01, 0x02,
                           0x03, 0x04, 0xF7, 0xD2, 0x33, 0xFE};
    struct pm_bytes_out c;
    struct pm_bytes_msg m;
    struct pm_bytes_in in;
    uint8_t out[64];
    size_t n = 0;

    pm_bytes_in_init(&in);
    pm_bytes_out_init(&c, buf, sizeof buf);
    while (pm_bytes_next(&c, &m)) {
        if (!m.sysex) {
            n += pm_bytes_from_word(&in, m.word, out + n);
            continue;
        }
        for (size_t i = 0; i < m.len; i += 4) { /* pack like PortMidi */
            uint8_t b[4] = {0, 0, 0, 0};
            memcpy(b, m.bytes + i, m.len - i < 4 ? m.len - i : 4);
            n += pm_bytes_from_word(&in, word(b[0], b[1], b[2], b[3]),
                                    out + n);
        }
    }
    assert_int_equal(n, sizeof buf);
    assert_memory_equal(out, buf, sizeof buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(message_lengths),
        cmocka_unit_test(short_messages_every_channel),
        cmocka_unit_test(sysex_across_words_with_realtime),
        cmocka_unit_test(sysex_ending_inside_a_word),
        cmocka_unit_test(sysex_cut_short_by_new_status),
        cmocka_unit_test(reset_after_overflow),
        cmocka_unit_test(outgoing_bytes_split),
        cmocka_unit_test(outgoing_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
