/* temu_scratch.c: mkdtemp keeps the files private to this run, and one directory means cleanup
 * needs no list of the names handed out. */
#include "temu_scratch.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int temu_scratch_open(struct temu_scratch *s, const char *who)
{
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp)
        tmp = "/tmp";
    int n = snprintf(s->dir, sizeof s->dir, "%s/temu-XXXXXX", tmp);
    if (n < 0 || (size_t)n >= sizeof s->dir || !mkdtemp(s->dir)) {
        fprintf(stderr, "temu %s: cannot create a temporary directory in %s: %s\n", who, tmp,
                n > 0 && (size_t)n < sizeof s->dir ? strerror(errno) : "path too long");
        s->dir[0] = 0;
        return -1;
    }
    return 0;
}

const char *temu_scratch_path(const struct temu_scratch *s, const char *name, char *buf, size_t len)
{
    snprintf(buf, len, "%s/%s", s->dir, name);
    return buf;
}

void temu_scratch_close(struct temu_scratch *s)
{
    if (!s->dir[0])
        return;
    DIR *d = opendir(s->dir);
    if (d) {
        struct dirent *e;
        char path[512];
        while ((e = readdir(d))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            unlink(temu_scratch_path(s, e->d_name, path, sizeof path));
        }
        closedir(d);
    }
    rmdir(s->dir);
    s->dir[0] = 0;
}
