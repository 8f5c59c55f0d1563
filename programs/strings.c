/* strings: byte-wise string routines written out here (length, compare, copy, concatenate,
 * search, reverse, decimal conversion), run over generated words and sentences.
 * Test: 400 rounds (~1.5M instructions). Bench: 40,000 rounds (~150M).
 * Small (argument "small", for the GPU engine tests): 4 rounds.
 */
#include "rt.h"

static size_t s_len(const char *s)
{
    const char *p = s;
    while (*p)
        p++;
    return (size_t)(p - s);
}

static int s_cmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (u8)*a - (u8)*b;
}

static char *s_cpy(char *d, const char *s)
{
    char *r = d;
    while ((*d++ = *s++))
        ;
    return r;
}

static char *s_cat(char *d, const char *s)
{
    s_cpy(d + s_len(d), s);
    return d;
}

static const char *s_str(const char *hay, const char *needle)
{
    for (; *hay; hay++) {
        const char *h = hay, *n = needle;
        while (*n && *h == *n)
            h++, n++;
        if (!*n)
            return hay;
    }
    return *needle ? NULL : hay;
}

static void s_reverse(char *s)
{
    for (char *e = s + s_len(s) - 1; s < e; s++, e--) {
        char t = *s;
        *s = *e;
        *e = t;
    }
}

static void s_utoa(u64 v, char *out)
{
    char *p = out;
    do
        *p++ = (char)('0' + v % 10);
    while (v /= 10);
    *p = 0;
    s_reverse(out);
}

static u64 s_atou(const char *s)
{
    u64 v = 0;
    while (*s >= '0' && *s <= '9')
        v = v * 10 + (u64)(*s++ - '0');
    return v;
}

static const char *words[] = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot",
                              "golf", "hotel", "india", "juliett", "kilo", "lima"};
#define NWORDS (sizeof words / sizeof words[0])

int main(int argc, char **argv)
{
    int rounds = rt_size(argc, argv, 4, 400, 40000);
    static char sentence[512], tmp[512], num[32];
    u64 h = 1469598103934665603ul, found = 0, order = 0;
    for (int r = 0; r < rounds; r++) {
        sentence[0] = 0;
        for (unsigned w = 0; w < 8; w++) {
            s_cat(sentence, words[(r * 7 + w * 5) % NWORDS]);
            s_cat(sentence, " ");
        }
        s_utoa((u64)r * 2654435761u, num);
        s_cat(sentence, num);
        if (s_atou(num) != (u64)r * 2654435761u)
            return 2;
        found += s_str(sentence, "delta echo") != NULL;
        found += s_str(sentence, words[r % NWORDS]) != NULL;
        s_cpy(tmp, sentence);
        s_reverse(tmp);
        order += s_cmp(tmp, sentence) < 0;
        s_reverse(tmp);
        if (s_cmp(tmp, sentence) != 0)
            return 3;
        for (const char *p = sentence; *p; p++)
            h = (h ^ (u8)*p) * 1099511628211ul;
    }
    printf("last: \"%s\" (%lu chars)\n", sentence, (u64)s_len(sentence));
    printf("rounds=%d found=%lu reversed-smaller=%lu hash=%016lx\n", rounds, found, order, h);
    return 0;
}
