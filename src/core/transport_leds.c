/* transport_leds: Play and Record LED bytes, only on change (see header). */
#include "transport_leds.h"

void transport_leds_forget(struct transport_leds *l)
{
    for (int i = 0; i < PROFILE_TRANSPORT_LEDS; i++)
        l->sent[i] = -1;
}

bool transport_led_lit(const struct transport_state *t,
                       enum profile_transport_led led)
{
    switch (led) {
    case PROFILE_LED_PLAY:
        return t->playing;
    case PROFILE_LED_RECORD:
        return t->playing && t->armed; /* touches write only while playing */
    default:
        return false;
    }
}

/* The channel an LED is sent on: its own, the profile's feedback channel,
 * or channel 1 (as for zone LEDs). */
static int led_channel(const struct profile *p, const struct profile_ctl *c)
{
    if (c->channel >= 0)
        return c->channel;
    return p->feedback_channel >= 0 ? p->feedback_channel : 0;
}

size_t transport_leds_feedback(struct transport_leds *l,
                               const struct profile *p,
                               const struct transport_state *t, uint8_t *out,
                               size_t cap)
{
    size_t n = 0;
    for (int i = 0; i < PROFILE_TRANSPORT_LEDS; i++) {
        const struct profile_ctl *c = &p->transport_led[i];
        if (c->kind != PROFILE_CTL_NOTE && c->kind != PROFILE_CTL_CC)
            continue;
        int lit = transport_led_lit(t, (enum profile_transport_led)i);
        if (l->sent[i] == lit)
            continue;
        if (n + 3 > cap)
            break; /* the next call sends it */
        int status = c->kind == PROFILE_CTL_NOTE ? 0x90 : 0xB0;
        out[n++] = (uint8_t)(status | led_channel(p, c));
        out[n++] = (uint8_t)(c->number & 0x7F);
        out[n++] = (uint8_t)((lit ? p->led_on : p->led_off) & 0x7F);
        l->sent[i] = lit;
    }
    return n;
}
