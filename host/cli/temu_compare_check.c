/* temu_compare_check.c: engines must agree bit for bit (docs/design.md, Commands), so any difference is
 * reported with enough detail to start debugging from: the first differing stdout byte, the
 * first differing register line. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "temu_compare.h"

static long long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) ? -1 : (long long)st.st_size;
}

/* A byte as "0x41 'A'", or "end of output" for EOF. */
static const char *byte_name(int c, char *buf, size_t len)
{
    if (c == EOF)
        snprintf(buf, len, "end of output");
    else if (c >= 0x20 && c < 0x7f)
        snprintf(buf, len, "0x%02x '%c'", c, c);
    else
        snprintf(buf, len, "0x%02x", c);
    return buf;
}

static int check_stdout(FILE *msg, const struct temu_compare_side *a,
                        const struct temu_compare_side *b)
{
    FILE *fa = fopen(a->out_path, "rb"), *fb = fopen(b->out_path, "rb");
    int differs = 0;
    if (!fa || !fb) {
        fprintf(msg, "stdout: cannot read the captured output of %s\n", fa ? b->label : a->label);
        differs = 1;
        goto out;
    }
    long long at = 0;
    int ca, cb;
    for (;; at++) {
        ca = getc(fa);
        cb = getc(fb);
        if (ca != cb || ca == EOF)
            break;
    }
    if (ca != cb) {
        char na[32], nb[32];
        fprintf(msg, "stdout differs at byte %lld: %s has %s, %s has %s (%lld and %lld bytes in all)\n",
                at, a->label, byte_name(ca, na, sizeof na), b->label, byte_name(cb, nb, sizeof nb),
                file_size(a->out_path), file_size(b->out_path));
        differs = 1;
    }
out:
    if (fa)
        fclose(fa);
    if (fb)
        fclose(fb);
    return differs;
}

/* Read one line without its newline; returns NULL at the end of the file. */
static char *next_line(FILE *f, char **buf, size_t *cap)
{
    ssize_t n = getline(buf, cap, f);
    if (n < 0)
        return NULL;
    if (n > 0 && (*buf)[n - 1] == '\n')
        (*buf)[n - 1] = 0;
    return *buf;
}

static int check_state(FILE *msg, const struct temu_compare_side *a,
                       const struct temu_compare_side *b)
{
    FILE *fa = fopen(a->state_path, "r"), *fb = fopen(b->state_path, "r");
    if (!fa || !fb) {
        fprintf(msg, "final state: %s wrote no --dump-state file\n", fa ? b->label : a->label);
        if (fa)
            fclose(fa);
        if (fb)
            fclose(fb);
        return 1;
    }
    char *la = NULL, *lb = NULL, first_a[128] = "", first_b[128] = "";
    size_t cap_a = 0, cap_b = 0;
    int lines = 0, first_at = 0;
    for (int line = 1;; line++) {
        const char *sa = next_line(fa, &la, &cap_a), *sb = next_line(fb, &lb, &cap_b);
        if (!sa && !sb)
            break;
        if (sa && sb && !strcmp(sa, sb))
            continue;
        if (!lines++) {
            first_at = line;
            snprintf(first_a, sizeof first_a, "%s", sa ? sa : "(no such line)");
            snprintf(first_b, sizeof first_b, "%s", sb ? sb : "(no such line)");
        }
    }
    if (lines)
        fprintf(msg, "final state differs in %d line%s, first at line %d: %s has '%s', %s has '%s'\n",
                lines, lines == 1 ? "" : "s", first_at, a->label, first_a, b->label, first_b);
    free(la);
    free(lb);
    fclose(fa);
    fclose(fb);
    return lines != 0;
}

int temu_compare_check(FILE *msg, const struct temu_compare_side *a,
                       const struct temu_compare_side *b)
{
    int n = 0;
    if (a->m->exit_code != b->m->exit_code) {
        fprintf(msg, "exit code differs: %s %d, %s %d\n", a->label, a->m->exit_code, b->label,
                b->m->exit_code);
        n++;
    }
    if (strcmp(a->m->status, b->m->status)) {
        fprintf(msg, "the runs stopped differently: %s %s, %s %s\n", a->label, a->m->status,
                b->label, b->m->status);
        n++;
    }
    if (a->m->instructions != b->m->instructions) {
        fprintf(msg, "instruction count differs: %s %" PRIu64 ", %s %" PRIu64 "\n", a->label,
                a->m->instructions, b->label, b->m->instructions);
        n++;
    }
    n += check_stdout(msg, a, b);
    n += check_state(msg, a, b);
    return n;
}
