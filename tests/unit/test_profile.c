/* test_profile: profile text parsing (good and broken, as a table), port
 * matching, and profile_write -> profile_parse round trips. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "profile.h"

static struct profile prof;
static struct diag_list diag;

#define HEAD "[controller]\nname = T\nmatch = Box\n[elements]\n"

static bool parse(const char *text)
{
    diag_init(&diag);
    return profile_parse(text, strlen(text), "t.ini", "t", &prof, &diag);
}

static void test_good(void **state)
{
    (void)state;
    const char *text =
        "; comment\n"
        "[controller]\n"
        "name = Test Box\n"
        "match = Box One, box-two\n"
        "    third\n"
        "motorized = yes\n"
        "verified = documentation only\n"
        "source = a long source\n"
        "    continued here\n"
        "[elements]\n"
        "goals = cc 0\n"
        "inquiry = cc 1 ch 16\n"
        "task = cc14 2 ch any\n"
        "evaluation = pitchbend ch 4\n"
        "feedback = relative-twos cc 16\n"
        "plan = relative-offset cc 17 ch 2\n"
        "demonstration = nrpn 300\n"
        "[buttons]\n"
        "cc 58 = preset prev\n"
        "note 25 ch 1 = learn\n"
        "note 26 = preset recall 3\n"
        "[feedback]\n"
        "faders = echo\n"
        "channel = 2\n"
        "touch = 104, 105, none, 107\n"
        "lcd = mackie\n"
        "led-on = 5\n"
        "led-off = 1\n"
        "zone-leds.goals = note 16, note 8 ch 3, cc 0\n";
    assert_true(parse(text));
    assert_int_equal(diag_total(&diag), 0);
    assert_string_equal(prof.id, "t");
    assert_string_equal(prof.name, "Test Box");
    assert_int_equal(prof.match_count, 3);
    assert_string_equal(prof.match[1], "box-two");
    assert_string_equal(prof.match[2], "third");
    assert_true(prof.motorized);
    assert_string_equal(prof.source, "a long source continued here");
    assert_int_equal(prof.element[0].kind, PROFILE_CTL_CC);
    assert_int_equal(prof.element[0].channel, PROFILE_ANY_CHANNEL);
    assert_int_equal(prof.element[0].line, 11);
    assert_int_equal(prof.element[1].channel, 15);
    assert_int_equal(prof.element[2].kind, PROFILE_CTL_CC14);
    assert_int_equal(prof.element[3].kind, PROFILE_CTL_PITCH_BEND);
    assert_int_equal(prof.element[3].channel, 3);
    assert_int_equal(prof.element[4].kind, PROFILE_CTL_REL_TWOS);
    assert_int_equal(prof.element[4].number, 16);
    assert_int_equal(prof.element[5].kind, PROFILE_CTL_REL_OFFSET);
    assert_int_equal(prof.element[6].kind, PROFILE_CTL_NRPN);
    assert_int_equal(prof.element[6].number, 300);
    assert_int_equal(prof.button_count, 3);
    assert_string_equal(prof.button[1].command, "learn");
    assert_int_equal(prof.button[1].ctl.kind, PROFILE_CTL_NOTE);
    assert_int_equal(prof.button[1].ctl.channel, 0);
    assert_true(prof.feedback_faders);
    assert_int_equal(prof.feedback_channel, 1);
    assert_int_equal(prof.touch_note[0], 104);
    assert_int_equal(prof.touch_note[2], -1);
    assert_int_equal(prof.touch_note[3], 107);
    assert_int_equal(prof.touch_note[4], -1);
    assert_true(prof.mackie_lcd);
    assert_int_equal(prof.led_on, 5);
    assert_int_equal(prof.led_off, 1);
    assert_int_equal(prof.zone_led[0][1].channel, 2);
    assert_int_equal(prof.zone_led[0][2].kind, PROFILE_CTL_CC);
    assert_int_equal(prof.zone_led[1][0].kind, PROFILE_CTL_NONE);
}

/* Each broken profile and the first message it must produce. */
static void test_broken_table(void **state)
{
    (void)state;
    static const struct {
        const char *text, *want;
    } cases[] = {
        {HEAD "goals = cc x\n", "t.ini:5: goals: 'x' is not a number"},
        {HEAD "goals = cc 128\n", "t.ini:5: goals: '128' is not a number"},
        {HEAD "goals = cc\n", "t.ini:5: goals: 'cc' needs a number"},
        {HEAD "goals = cc 7 ch 17\n", "t.ini:5: goals: channel '17'"},
        {HEAD "goals = cc 7 ch 0\n", "t.ini:5: goals: channel '0'"},
        {HEAD "goals = cc 7 chan 1\n", "t.ini:5: goals: expected 'ch N'"},
        {HEAD "goals = cc 7 ch 1 x\n", "t.ini:5: goals: unexpected 'x'"},
        {HEAD "goals = knob 7\n", "t.ini:5: goals: unknown control kind"},
        {HEAD "goals = cc14 40\n", "t.ini:5: goals: '40' is not a number"},
        {HEAD "goals = relative-twos 16\n",
         "t.ini:5: goals: a relative encoder needs"},
        {HEAD "goals = note 5\n", "t.ini:5: goals: a note cannot drive"},
        {HEAD "goals = cc 7\ngoals = cc 8\n",
         "t.ini:6: element 'goals' is mapped twice"},
        {HEAD "goals = cc 7\ninquiry = cc 7\n",
         "t.ini:6: inquiry: the same control drives 'goals'"},
        {HEAD "goals = cc14 7\ninquiry = cc 39\n",
         "t.ini:6: inquiry: the same control drives 'goals'"},
        {HEAD "goals = cc 7 ch 1\ninquiry = cc 7 ch 2\nfoo = cc 1\n",
         "t.ini:7: unknown element 'foo'"},
        {HEAD "goals = cc 1\n[buttons]\ncc 9 = preset recall x\n",
         "t.ini:7: bad command 'preset recall x'"},
        {HEAD "goals = cc 1\n[buttons]\ncc 9 = fly\n",
         "t.ini:7: bad command 'fly'"},
        {HEAD "goals = cc 1\n[buttons]\ncc 1 = learn\n",
         "t.ini:7: button 'cc 1' is the control of 'goals'"},
        {HEAD "goals = cc 1\n[buttons]\npitchbend = learn\n",
         "t.ini:7: button 'pitchbend': a button is a note or a cc"},
        {HEAD "goals = cc 1\n[feedback]\nfaders = maybe\n",
         "t.ini:7: faders must be echo or none"},
        {HEAD "goals = cc 1\n[feedback]\nled-on = 200\n",
         "t.ini:7: led-on '200' is not 0..127"},
        {HEAD "goals = cc 1\n[feedback]\nled-on =\n",
         "t.ini:7: led-on '' is not 0..127"},
        {HEAD "goals = cc 1\n[feedback]\ntouch = 104, x\n",
         "t.ini:7: touch sensor 'x'"},
        {HEAD "goals = cc 1\n[feedback]\nzone-leds.goals = note 1\n",
         "t.ini:7: zone-leds.goals: needs 3 LEDs"},
        {HEAD "goals = cc 1\n[feedback]\nchannel = any\n",
         "t.ini:7: channel 'any' is not 1..16"},
        {HEAD "goals = cc 1\n[feedback]\ncolour = red\n",
         "t.ini:7: unknown key 'colour' in [feedback]"},
        {HEAD "goals = cc 1\n[lights]\nx = 1\n",
         "t.ini:7: unknown section [lights]"},
        {"[controller]\nname = T\nmotorized = perhaps\n[elements]\n"
         "goals = cc 1\n", "t.ini:3: motorized must be yes or no"},
        {"[controller]\nname = T\n", "t.ini: no element is mapped"},
        /* new keys */
        {"[controller]\nguess = maybe\n[elements]\ngoals = cc 1\n",
         "t.ini:2: guess must be yes or no, not 'maybe'"},
        {HEAD "goals = cc 1\n[strips]\n1 = cc 2\n",
         "t.ini:7: [elements] and [strips] cannot both be given"},
        {"[strips]\n1 = cc 2\n[elements]\ngoals = cc 1\n",
         "t.ini:4: [elements] and [strips] cannot both be given"},
        {"[strips]\n1 = cc 2\n3 = cc 4\n",
         "t.ini:2: [strips]: strip 2 is missing"},
        {"[strips]\n1 = cc 2\n1 = cc 3\n", "t.ini:3: strip 1 is given twice"},
        {"[strips]\n8 = cc 2\n", "t.ini:2: unknown key '8' in [strips]"},
        {"[strips]\n1 = cc 2\n2 = cc 2\n",
         "t.ini:3: 2: the same control drives 'strip 1'"},
        {"[strips]\n1 = cc 2\nnext = pitchbend ch 1\n",
         "t.ini:3: next: a button is a note, a cc or poly"},
        {"[strips]\n1 = cc 2\nselect = cc 5\n",
         "t.ini:3: select: select is a relative encoder"},
        {"[strips]\n1 = cc 2\nnext = note 5\n[buttons]\nnote 5 = learn\n",
         "t.ini:5: button 'note 5' is the control of 'strips next'"},
        {HEAD "goals = cc 1\n[feedback]\nlcd = big\n",
         "t.ini:7: lcd must be mackie, mackie-xt or none, not 'big'"},
        {HEAD "goals = cc 1\n[feedback]\nlcd-chars = 8\n",
         "t.ini:7: lcd-chars '8' is not 6 or 7"},
        {HEAD "goals = cc 1\n[feedback]\nconnect = C0 0G\n",
         "t.ini:7: connect: '0G' is not a hex byte"},
        {HEAD "goals = cc 1\n[feedback]\nconnect = C0\n",
         "t.ini:7: connect: a message is missing data bytes"},
        {HEAD "goals = cc 1\n[feedback]\nconnect = F0 00 66\n",
         "t.ini:7: connect: a SysEx (F0) does not end with F7"},
        {HEAD "goals = cc 1\n[feedback]\nconnect = 00 C0\n",
         "t.ini:7: connect: does not start with a status byte"},
        {HEAD "goals = cc 1\n[feedback]\nconnect = C0 00\nconnect = C0 00\n",
         "t.ini:8: connect is given twice (first at line 7)"},
        {HEAD "goals = cc 1\n[feedback]\nfaders = echo\n    more\n",
         "t.ini:8: 'faders' cannot continue on another line"},
        /* transport LEDs (issue 12) */
        {HEAD "goals = cc 1\n[feedback]\nplay-led = pitchbend ch 1\n",
         "t.ini:7: play-led: an LED is a note or a cc"},
        {HEAD "goals = cc 1\n[feedback]\nrecord-led = relative-twos cc 4\n",
         "t.ini:7: record-led: an LED is a note or a cc"},
        {HEAD "goals = cc 1\n[feedback]\nrecord-led = note 200\n",
         "t.ini:7: record-led: '200' is not a number from 0 to 127"},
        {HEAD "goals = cc 1\n[feedback]\nplay-led = note\n",
         "t.ini:7: play-led: 'note' needs a number"},
        {HEAD "goals = cc 1\n[feedback]\nplay-led =\n",
         "t.ini:7: play-led: no control given"},
        {HEAD "goals = cc 1\n[feedback]\nplay-led = note 94 ch 17\n",
         "t.ini:7: play-led: channel '17' is not 1..16 or any"},
        {HEAD "goals = cc 1\n[feedback]\nplay-led = note 94\n"
              "play-led = note 95\n",
         "t.ini:8: play-led is given twice (first at line 7)"},
        {HEAD "goals = cc 1\n[feedback]\nrecord-led = cc 45\n    more\n",
         "t.ini:8: 'record-led' cannot continue on another line"},
        {HEAD "goals = cc 1\n[feedback]\nstop-led = note 93\n",
         "t.ini:7: unknown key 'stop-led' in [feedback]"},
        {HEAD "goals = cc 1\n[buttons]\nplay-led = note 94\n",
         "t.ini:7: button 'play-led': unknown control kind"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bool ok = parse(cases[i].text);
        if (ok || diag.count == 0 ||
            strncmp(diag.text[0], cases[i].want, strlen(cases[i].want)))
            fail_msg("case %zu: ok=%d got '%s', want '%s...'", i, ok,
                     diag.count ? diag.text[0] : "(nothing)", cases[i].want);
    }
}

static void test_errors_keep_going(void **state)
{
    (void)state;
    assert_false(parse(HEAD "goals = cc x\ninquiry = cc 300\ntask = cc 3\n"));
    assert_int_equal(diag.count, 2);
    assert_int_equal(prof.element[2].kind, PROFILE_CTL_CC); /* still read */
    assert_int_equal(prof.element[0].kind, PROFILE_CTL_NONE); /* never 0 */
}

static void test_match(void **state)
{
    (void)state;
    assert_true(parse(HEAD "goals = cc 1\n"));
    assert_true(profile_matches_port(&prof, "my BOX midi 1"));
    assert_false(profile_matches_port(&prof, "Bo x"));
    prof.match_count = 0;
    assert_false(profile_matches_port(&prof, "Box"));
}

static void test_round_trip(void **state)
{
    (void)state;
    static struct profile a, b;
    static char text[8192];
    profile_init(&a);
    snprintf(a.id, sizeof a.id, "rt");
    snprintf(a.name, sizeof a.name, "Round Trip");
    snprintf(a.match[0], sizeof a.match[0], "Trip Port");
    snprintf(a.match[1], sizeof a.match[1], "other");
    a.match_count = 2;
    a.motorized = true;
    snprintf(a.verified, sizeof a.verified, "hardware");
    /* a long source needs continuation lines */
    for (int i = 0; i < 30; i++)
        strcat(a.source, i ? " word-number-xx" : "start");
    static const enum profile_ctl_kind k[BOARD_ELEMENTS] = {
        PROFILE_CTL_CC, PROFILE_CTL_CC14, PROFILE_CTL_PITCH_BEND,
        PROFILE_CTL_REL_TWOS, PROFILE_CTL_REL_OFFSET, PROFILE_CTL_REL_SIGNED,
        PROFILE_CTL_NRPN};
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        a.element[e].kind = k[e];
        a.element[e].number = k[e] == PROFILE_CTL_PITCH_BEND ? 0 : e + 1;
        a.element[e].channel = e % 2 ? e : PROFILE_ANY_CHANNEL;
        a.touch_note[e] = e == 3 ? -1 : 104 + e;
    }
    a.element[6].number = 1000;
    a.button_count = 2;
    a.button[0].ctl = (struct profile_ctl){PROFILE_CTL_NOTE, 0, 60, 0};
    snprintf(a.button[0].command, PROFILE_COMMAND_MAX, "preset store 2");
    a.button[1].ctl = (struct profile_ctl){PROFILE_CTL_CC, -1, 90, 0};
    snprintf(a.button[1].command, PROFILE_COMMAND_MAX, "preset next");
    a.feedback_faders = true;
    a.feedback_channel = 9;
    a.mackie_lcd = true;
    a.led_on = 3;
    for (int z = 0; z < ZONE_COUNT; z++)
        a.zone_led[4][z] = (struct profile_ctl){PROFILE_CTL_NOTE, 6, z, 0};
    a.transport_led[PROFILE_LED_PLAY] =
        (struct profile_ctl){PROFILE_CTL_NOTE, PROFILE_ANY_CHANNEL, 94, 0};
    a.transport_led[PROFILE_LED_RECORD] =
        (struct profile_ctl){PROFILE_CTL_CC, 15, 45, 0};
    size_t n = profile_write(&a, text, sizeof text);
    assert_true(n > 0);
    assert_int_equal(strlen(text), n);
    diag_init(&diag);
    bool ok = profile_parse(text, n, "rt.ini", "rt", &b, &diag);
    if (!ok)
        fail_msg("%s\n%s", diag.count ? diag.text[0] : "", text);
    /* lines differ; compare everything else */
    for (int e = 0; e < BOARD_ELEMENTS; e++) {
        b.element[e].line = 0;
        for (int z = 0; z < ZONE_COUNT; z++)
            b.zone_led[e][z].line = 0;
    }
    for (int i = 0; i < b.button_count; i++)
        b.button[i].ctl.line = 0;
    for (int l = 0; l < PROFILE_TRANSPORT_LEDS; l++)
        b.transport_led[l].line = 0;
    assert_string_equal(a.source, b.source);
    assert_memory_equal(&a, &b, sizeof a);
    /* too small a buffer: 0, not a cut profile */
    assert_int_equal(profile_write(&a, text, 40), 0);
}

/* Issue 9: 8 patterns of 63 bytes, given on several match lines, were
 * joined with strcat into a 199-byte buffer by profile_write. The same
 * input is tests/fuzz/regressions/profile/long-match-patterns.ini. */
static void test_write_long_match_patterns(void **state)
{
    (void)state;
    static char text[4096], out[16384];
    static struct profile a, b;
    size_t n = (size_t)snprintf(text, sizeof text,
                                "[controller]\nname = Long patterns\n");
    for (int i = 0; i < PROFILE_MATCH_MAX; i += 2) {
        char p1[64], p2[64];
        memset(p1, 'A' + i, 63), p1[63] = 0;
        memset(p2, 'A' + i + 1, 63), p2[63] = 0;
        p1[10] = p2[20] = ' '; /* blanks inside a pattern survive */
        n += (size_t)snprintf(text + n, sizeof text - n, "match = %s, %s\n",
                              p1, p2);
    }
    snprintf(text + n, sizeof text - n, "[elements]\ngoals = cc 1\n");
    diag_init(&diag);
    assert_true(profile_parse(text, strlen(text), "t.ini", "t", &a, &diag));
    assert_int_equal(a.match_count, PROFILE_MATCH_MAX);
    assert_int_equal(strlen(a.match[7]), 63);
    memset(out, 0x5A, sizeof out);
    size_t len = profile_write(&a, out, sizeof out);
    assert_true(len > 8 * 63);
    assert_int_equal(out[len], 0);
    assert_int_equal((unsigned char)out[len + 1], 0x5A); /* nothing beyond */
    diag_init(&diag);
    bool ok = profile_parse(out, len, "w.ini", "t", &b, &diag);
    if (!ok)
        fail_msg("%s\n%s", diag.count ? diag.text[0] : "", out);
    assert_int_equal(b.match_count, PROFILE_MATCH_MAX);
    for (int i = 0; i < PROFILE_MATCH_MAX; i++)
        assert_string_equal(a.match[i], b.match[i]);
    /* every written line fits the INI line limit */
    for (const char *l = out; *l;) {
        const char *e = strchr(l, '\n');
        assert_non_null(e);
        assert_true(e - l <= 199);
        l = e + 1;
    }
    /* a buffer one byte short of the text: 0, and no byte past cap */
    memset(out, 0x5A, sizeof out);
    assert_int_equal(profile_write(&a, out, len), 0);
    assert_int_equal((unsigned char)out[len], 0x5A);
}

/* The keys added for issue 11 parse and survive profile_write. */
static void test_new_keys(void **state)
{
    (void)state;
    static struct profile b;
    static char out[8192];
    const char *text =
        "[controller]\n"
        "name = One Fader\n"
        "match = Box\n"
        "exclude = Box Notes, Box MIDI 2\n"
        "guess = yes\n"
        "motorized = yes\n"
        "[strips]\n"
        "1 = pitchbend ch 1\n"
        "next = note 47\n"
        "prev = note 46 ch 1\n"
        "select = relative-signed cc 60\n"
        "[buttons]\n"
        "note 100 = learn\n"
        "[feedback]\n"
        "faders = echo\n"
        "touch = 104\n"
        "lcd = mackie-xt\n"
        "lcd-chars = 7\n"
        "connect = C0 00 0xF0 00 00 66 15 00 F7\n"
        "    B0 7F 01\n";
    assert_true(parse(text));
    assert_int_equal(diag_total(&diag), 0);
    assert_int_equal(prof.exclude_count, 2);
    assert_string_equal(prof.exclude[1], "Box MIDI 2");
    assert_true(prof.guess);
    assert_int_equal(prof.strip_count, 1);
    assert_int_equal(prof.element[0].kind, PROFILE_CTL_PITCH_BEND);
    assert_int_equal(prof.element[1].kind, PROFILE_CTL_NONE);
    assert_int_equal(prof.strip_next.kind, PROFILE_CTL_NOTE);
    assert_int_equal(prof.strip_next.number, 47);
    assert_int_equal(prof.strip_prev.channel, 0);
    assert_int_equal(prof.strip_select.kind, PROFILE_CTL_REL_SIGNED);
    assert_true(prof.mackie_lcd);
    assert_int_equal(prof.lcd_id, 0x15);
    assert_int_equal(prof.lcd_chars, 7);
    static const uint8_t connect[] = {0xC0, 0x00, 0xF0, 0x00, 0x00, 0x66,
                                      0x15, 0x00, 0xF7, 0xB0, 0x7F, 0x01};
    assert_int_equal(prof.connect_len, sizeof connect);
    assert_memory_equal(prof.connect, connect, sizeof connect);
    size_t n = profile_write(&prof, out, sizeof out);
    assert_true(n > 0);
    diag_init(&diag);
    if (!profile_parse(out, n, "w.ini", "t", &b, &diag))
        fail_msg("%s\n%s", diag.count ? diag.text[0] : "", out);
    for (int e = 0; e < BOARD_ELEMENTS; e++)
        b.element[e].line = prof.element[e].line;
    b.strip_next.line = prof.strip_next.line;
    b.strip_prev.line = prof.strip_prev.line;
    b.strip_select.line = prof.strip_select.line;
    for (int i = 0; i < b.button_count; i++)
        b.button[i].ctl.line = prof.button[i].ctl.line;
    assert_memory_equal(&prof, &b, sizeof b);
    /* the defaults: no [strips], Mackie ID 0x14, 6 characters a cell */
    assert_true(parse(HEAD "goals = cc 1\n[feedback]\nlcd = mackie\n"));
    assert_int_equal(prof.strip_count, 0);
    assert_int_equal(prof.lcd_id, 0x14);
    assert_int_equal(prof.lcd_chars, 6);
    assert_false(prof.guess);
}

/* Issue 12: play-led and record-led parse (control, channel, line),
 * survive profile_write, and are absent unless given. A broken LED line
 * is reported and the rest of the file is still read. */
static void test_transport_led_keys(void **state)
{
    (void)state;
    static struct profile b;
    static char out[8192];
    assert_true(parse(HEAD "goals = pitchbend ch 1\n[feedback]\n"
                           "play-led = note 94\nrecord-led = cc 45 ch 2\n"));
    assert_int_equal(diag_total(&diag), 0);
    const struct profile_ctl *play = &prof.transport_led[PROFILE_LED_PLAY];
    const struct profile_ctl *rec = &prof.transport_led[PROFILE_LED_RECORD];
    assert_int_equal(play->kind, PROFILE_CTL_NOTE);
    assert_int_equal(play->number, 94);
    assert_int_equal(play->channel, PROFILE_ANY_CHANNEL);
    assert_int_equal(play->line, 7);
    assert_int_equal(rec->kind, PROFILE_CTL_CC);
    assert_int_equal(rec->number, 45);
    assert_int_equal(rec->channel, 1);
    assert_int_equal(rec->line, 8);
    size_t n = profile_write(&prof, out, sizeof out);
    assert_true(n > 0);
    assert_non_null(strstr(out, "play-led = note 94\n"));
    assert_non_null(strstr(out, "record-led = cc 45 ch 2\n"));
    diag_init(&diag);
    if (!profile_parse(out, n, "w.ini", "t", &b, &diag))
        fail_msg("%s\n%s", diag.count ? diag.text[0] : "", out);
    for (int l = 0; l < PROFILE_TRANSPORT_LEDS; l++) {
        assert_int_equal(b.transport_led[l].kind, prof.transport_led[l].kind);
        assert_int_equal(b.transport_led[l].number,
                         prof.transport_led[l].number);
        assert_int_equal(b.transport_led[l].channel,
                         prof.transport_led[l].channel);
    }
    /* the same LED number as a button is fine: it is the button's own */
    assert_true(parse(HEAD "goals = cc 1\n[buttons]\nnote 94 = arc play\n"
                           "[feedback]\nplay-led = note 94\n"));
    /* none given: none, and none written */
    assert_true(parse(HEAD "goals = cc 1\n"));
    assert_int_equal(prof.transport_led[PROFILE_LED_PLAY].kind,
                     PROFILE_CTL_NONE);
    assert_int_equal(prof.transport_led[PROFILE_LED_RECORD].kind,
                     PROFILE_CTL_NONE);
    n = profile_write(&prof, out, sizeof out);
    assert_true(n > 0);
    assert_null(strstr(out, "-led"));
    /* a bad play-led: one message with its line, record-led still read */
    assert_false(parse(HEAD "goals = cc 1\n[feedback]\nplay-led = cc x\n"
                            "record-led = note 95\n"));
    assert_int_equal(diag.count, 1);
    assert_string_equal(
        diag.text[0], "t.ini:7: play-led: 'x' is not a number from 0 to 127");
    assert_int_equal(prof.transport_led[PROFILE_LED_PLAY].kind,
                     PROFILE_CTL_NONE);
    assert_int_equal(prof.transport_led[PROFILE_LED_RECORD].number, 95);
}

/* profile_pick: the longest pattern wins, ties by id, exclude skips. */
static void test_pick(void **state)
{
    (void)state;
    static struct profile list[4];
    const char *texts[4] = {
        "[controller]\nmatch = APC MINI\n[elements]\ngoals = cc 1\n",
        "[controller]\nmatch = APC mini mk2\nexclude = mk2 Notes\n"
        "[elements]\ngoals = cc 1\n",
        "[elements]\ngoals = cc 1\n",
        "[controller]\nmatch = apc mini\n[elements]\ngoals = cc 1\n",
    };
    const char *ids[4] = {"b-mk1", "mk2", "generic", "a-same-length"};
    for (int i = 0; i < 4; i++)
        assert_true(profile_parse(texts[i], strlen(texts[i]), "t.ini", ids[i],
                                  &list[i], NULL));
    assert_int_equal(profile_pick(list, 4, 2, "APC mini mk2 Control"), 1);
    assert_int_equal(profile_pick(list, 4, 2, "APC mini mk2 Notes"),
                     PROFILE_PICK_SKIP);
    /* a tie of equal lengths goes to the smaller id, in any order */
    assert_int_equal(profile_pick(list, 4, 2, "APC MINI MIDI 1"), 3);
    assert_int_equal(profile_pick(list + 2, 2, 0, "APC MINI MIDI 1"), 1);
    assert_int_equal(profile_pick(list, 4, 2, "Some Box"), 2);
    assert_int_equal(profile_pick(list, 2, -1, "Some Box"), -1);
}

static void test_describe(void **state)
{
    (void)state;
    char s[64];
    struct profile_ctl c = {PROFILE_CTL_REL_SIGNED, 0, 16, 0};
    profile_ctl_describe(&c, s, sizeof s);
    assert_string_equal(s, "relative-signed cc 16 ch 1");
    c = (struct profile_ctl){PROFILE_CTL_PITCH_BEND, -1, 0, 0};
    profile_ctl_describe(&c, s, sizeof s);
    assert_string_equal(s, "pitchbend");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good),
        cmocka_unit_test(test_broken_table),
        cmocka_unit_test(test_errors_keep_going),
        cmocka_unit_test(test_match),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_describe),
        cmocka_unit_test(test_write_long_match_patterns),
        cmocka_unit_test(test_new_keys),
        cmocka_unit_test(test_transport_led_keys),
        cmocka_unit_test(test_pick),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
