/* utf8: decoding, checking, counting and cutting UTF-8 by code points. */
#include "utf8.h"

static bool is_continuation(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

size_t utf8_next(const char *str, size_t len, int32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    int32_t dummy;
    if (!cp)
        cp = &dummy;
    *cp = -1;
    if (len == 0)
        return 0;
    uint32_t c = s[0];
    size_t extra;
    uint32_t min;
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        extra = 1, min = 0x80, c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        extra = 2, min = 0x800, c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        extra = 3, min = 0x10000, c &= 0x07;
    } else {
        return 1; /* a continuation byte or 0xF8..0xFF */
    }
    for (size_t k = 1; k <= extra; k++) {
        if (k >= len || (s[k] & 0xC0) != 0x80)
            return 1;
        c = (c << 6) | (s[k] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 1;
    *cp = (int32_t)c;
    return extra + 1;
}

bool utf8_valid(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        i += utf8_next(s + i, len - i, &cp);
        if (cp < 0)
            return false;
    }
    return true;
}

size_t utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += !is_continuation(s[i]);
    return n;
}

size_t utf8_cut(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    size_t n = max;
    while (n > 0 && is_continuation(s[n]))
        n--;
    return n;
}

size_t utf8_drop_last(const char *s, size_t len)
{
    if (len == 0)
        return 0;
    size_t n = len - 1;
    while (n > 0 && is_continuation(s[n]))
        n--;
    return n;
}
