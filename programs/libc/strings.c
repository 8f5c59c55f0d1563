/* strings: glibc's string and memory routines (its SIMD code paths), qsort and formatted
 * parsing, on lengths and alignments around the vector widths. Prints one checksum per routine. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long sum;

static void mix(unsigned long v)
{
    sum = sum * 1000003ul ^ v;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(void)
{
    static char src[512], dst[512];
    for (int i = 0; i < 512; i++)
        src[i] = (char)('a' + (i * 7) % 26);

    sum = 0;
    for (int off = 0; off < 17; off++)
        for (int len = 0; len < 80; len += 3) {
            memset(dst, '#', sizeof dst);
            memcpy(dst + off, src + (off * 3) % 16, len);
            for (int k = 0; k < 100; k++)
                mix((unsigned char)dst[k]);
        }
    printf("memcpy  %016lx\n", sum);

    sum = 0;
    for (int len = 1; len < 100; len += 7) {
        memcpy(dst, src, 200);
        memmove(dst + 3, dst, len);
        memmove(dst, dst + 5, len);
        for (int k = 0; k < 120; k++)
            mix((unsigned char)dst[k]);
    }
    printf("memmove %016lx\n", sum);

    sum = 0;
    for (int off = 0; off < 16; off++)
        for (int len = 0; len < 70; len += 5) {
            memset(dst, 0, 128);
            memset(dst + off, 0x5a + len, len);
            for (int k = 0; k < 128; k++)
                mix((unsigned char)dst[k]);
        }
    printf("memset  %016lx\n", sum);

    sum = 0;
    for (int len = 0; len < 100; len++) {
        memcpy(dst, src + len % 13, len);
        dst[len] = 0;
        mix(strlen(dst));
        mix((unsigned long)(strchr(dst, 'q') ? strchr(dst, 'q') - dst : -1));
        mix((unsigned long)(strrchr(dst, 'e') ? strrchr(dst, 'e') - dst : -1));
        mix((unsigned long)(memchr(dst, 'z', len) ? (char *)memchr(dst, 'z', len) - dst : -1));
        mix((unsigned long)(strstr(dst, "hov") ? strstr(dst, "hov") - dst : -1));
        mix((unsigned long)(strcmp(dst, src) > 0) + 2 * (unsigned long)(memcmp(dst, src, len) < 0));
    }
    printf("search  %016lx\n", sum);

    static const char *words[] = {"pear", "apple", "fig", "banana", "cherry", "date", "elder",
                                  "grape", "kiwi", "lemon", "mango", "apricot", "fig", "avocado"};
    enum { W = sizeof words / sizeof words[0] };
    const char *sorted[W];
    memcpy(sorted, words, sizeof words);
    qsort(sorted, W, sizeof sorted[0], cmp_str);
    for (int i = 0; i < W; i++)
        printf("%s%c", sorted[i], i + 1 < W ? ' ' : '\n');

    char line[128];
    snprintf(line, sizeof line, "%d %s %lx", -4711, "token", 0xfeedul);
    int a;
    char word[16];
    unsigned long h;
    int got = sscanf(line, "%d %15s %lx", &a, word, &h);
    printf("sscanf %d: %d %s %lx, strtol %ld, strtoul %lu\n", got, a, word, h, strtol("-0x7f", NULL, 16),
           strtoul("18446744073709551615", NULL, 10));
    char *dup = strdup("duplicated");
    printf("strdup %s, strncmp %d, strcspn %zu, strspn %zu\n", dup, strncmp(dup, "dupe", 3) == 0,
           strcspn(dup, "ic"), strspn(dup, "dup"));
    free(dup);
    return 0;
}
