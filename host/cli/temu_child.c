/* temu_child.c: runs a child with posix_spawn (no fork of a possibly large parent) and reads back
 * what it left in its output files. */
#include "temu_child.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

void temu_argv_init(struct temu_argv *a)
{
    a->n = 0;
    a->overflow = 0;
    a->text_used = 0;
    a->v[0] = NULL;
}

void temu_argv_add(struct temu_argv *a, const char *arg)
{
    if (a->n >= TEMU_ARGV_MAX) {
        a->overflow = 1;
        return;
    }
    a->v[a->n++] = (char *)arg; /* posix_spawn's argv type; never written through */
    a->v[a->n] = NULL;
}

void temu_argv_addf(struct temu_argv *a, const char *fmt, ...)
{
    size_t room = sizeof a->text - a->text_used;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(a->text + a->text_used, room, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= room) {
        a->overflow = 1;
        return;
    }
    char *arg = a->text + a->text_used;
    a->text_used += (size_t)n + 1;
    temu_argv_add(a, arg);
}

int temu_child_run(const struct temu_argv *a, const char *out_path, const char *err_path)
{
    if (a->overflow || a->n == 0) {
        errno = E2BIG;
        return -1;
    }
    posix_spawn_file_actions_t fa;
    if (posix_spawn_file_actions_init(&fa)) {
        errno = ENOMEM;
        return -1;
    }
    int err = 0;
    if (out_path)
        err = posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, out_path,
                                               O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (!err && err_path)
        err = posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, err_path,
                                               O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid;
    if (!err)
        err = posix_spawnp(&pid, a->v[0], &fa, NULL, a->v, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (err) {
        errno = err;
        return -1;
    }
    int ws;
    while (waitpid(pid, &ws, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    if (WIFSIGNALED(ws))
        return 128 + WTERMSIG(ws);
    return WEXITSTATUS(ws);
}

/* Reads the whole file line by line, keeping the first or the latest non-empty line. Stderr of a
 * child is short, so reading it all is cheap and needs no seeking backwards. */
static int pick_line(const char *path, int want_last, char *buf, size_t len)
{
    buf[0] = 0;
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int found = 0;
    while ((n = getline(&line, &cap, f)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if (n == 0)
            continue;
        snprintf(buf, len, "%s", line);
        found = 1;
        if (!want_last)
            break;
    }
    free(line);
    fclose(f);
    return found ? 0 : -1;
}

int temu_child_first_line(const char *path, char *buf, size_t len)
{
    return pick_line(path, 0, buf, len);
}

int temu_child_last_line(const char *path, char *buf, size_t len)
{
    return pick_line(path, 1, buf, len);
}

int temu_child_in_path(const char *name)
{
    const char *path = getenv("PATH");
    if (!path || !*path)
        return 0;
    while (*path) {
        size_t n = strcspn(path, ":");
        char full[4096];
        /* An empty PATH entry means the current directory. */
        int w = snprintf(full, sizeof full, "%.*s/%s", n ? (int)n : 1, n ? path : ".", name);
        if (w > 0 && (size_t)w < sizeof full && access(full, X_OK) == 0)
            return 1;
        path += n + (path[n] == ':');
    }
    return 0;
}
