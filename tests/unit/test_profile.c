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
    assert_string_equal(a.source, b.source);
    assert_memory_equal(&a, &b, sizeof a);
    /* too small a buffer: 0, not a cut profile */
    assert_int_equal(profile_write(&a, text, 40), 0);
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
