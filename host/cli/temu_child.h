/* temu_child.h: child processes for the subcommands: an argv built up piece by piece, a run with
 * stdout and stderr sent to files, and the first or last line of such a file. */
#ifndef TEMU_CHILD_H
#define TEMU_CHILD_H

#include <stddef.h>

#define TEMU_ARGV_MAX 256

/* A NULL-terminated argv. The strings are not copied: they must outlive the run, except those
 * added with temu_argv_addf, which live in the struct's own buffer. */
struct temu_argv {
    char *v[TEMU_ARGV_MAX + 1];
    int n;
    int overflow;       /* set when an addition did not fit; temu_child_run then refuses */
    char text[4096];    /* formatted arguments */
    size_t text_used;
};

void temu_argv_init(struct temu_argv *a);
void temu_argv_add(struct temu_argv *a, const char *arg);
void temu_argv_addf(struct temu_argv *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Run a->v (v[0] is looked up in PATH when it has no '/'), stdout to out_path and stderr to
 * err_path (either NULL: inherit), and wait. Returns the exit status, 128 + the signal number when
 * it was killed, or -1 when it could not be started (errno says why). */
int temu_child_run(const struct temu_argv *a, const char *out_path, const char *err_path);

/* The first or last non-empty line of a file, without its newline, into buf (cut to len - 1).
 * Returns 0, or -1 when the file cannot be read or has no such line (buf is then ""). */
int temu_child_first_line(const char *path, char *buf, size_t len);
int temu_child_last_line(const char *path, char *buf, size_t len);

/* 1 when a program of that name is found in PATH (for tools such as gnuplot). */
int temu_child_in_path(const char *name);

#endif
