/* temu_sweep_plot.c: --plot. gnuplot draws the figure from a script and a data file written to
 * the scratch directory. gnuplot-nox (Debian) has both the pngcairo terminal (antialiased) and
 * the libgd png one; the script picks pngcairo when this gnuplot lists it, so builds without
 * cairo still draw. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "temu_child.h"
#include "temu_options.h"
#include "temu_sweep.h"

/* s as a gnuplot single-quoted string: there a quote is written twice and nothing else is
 * special. */
static void put_quoted(FILE *f, const char *s)
{
    fputc('\'', f);
    for (; *s; s++) {
        if (*s == '\'')
            fputc('\'', f);
        fputc(*s, f);
    }
    fputc('\'', f);
}

static int write_data(const char *path, const struct temu_sweep_table *t)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(t->by_lanes ? "# lanes ips_median ips_min ips_max\n" : "# batch ips_median ips_min ips_max\n", f);
    for (int k = 0; k < t->nrows; k++)
        fprintf(f, "%u %.1f %.1f %.1f\n", t->by_lanes ? t->rows[k].lanes : t->rows[k].batch,
                t->rows[k].ips.median, t->rows[k].ips.min, t->rows[k].ips.max);
    return fclose(f);
}

static int write_script(const char *path, const char *data_path, const char *png_path,
                        const struct temu_sweep_table *t)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs("if (strstrt(GPVAL_TERMINALS, \"pngcairo\") > 0) {\n"
          "    set terminal pngcairo noenhanced size 1000,600\n"
          "} else {\n"
          "    set terminal png noenhanced size 1000,600\n"
          "}\n", f);
    fputs("set output ", f);
    put_quoted(f, png_path);
    const char *base = strrchr(t->prog, '/');
    char title[512];
    snprintf(title, sizeof title, "temu sweep: %s, engine %s on %s (median of %u, bars min..max)",
             base ? base + 1 : t->prog, t->engine, t->device, t->repeat);
    fputs("\nset title ", f);
    put_quoted(f, title);
    fputs(t->by_lanes ? "\nset xlabel 'lanes'\n" : "\nset xlabel 'batch (instructions per sync at most)'\n", f);
    fputs("set ylabel 'guest instructions per second (all lanes)'\n"
          "set logscale x 2\n"
          "set logscale y 10\n"
          "set format y '%.0e'\n"
          "set grid\n"
          "set key off\n"
          "plot ", f);
    put_quoted(f, data_path);
    fputs(" using 1:2:3:4 with yerrorlines pointtype 7 linewidth 2\n", f);
    return fclose(f);
}

int temu_sweep_plot(const struct temu_sweep_table *t, const char *png_path,
                    const struct temu_scratch *sc)
{
    char data[512], script[512], err[512];
    temu_scratch_path(sc, "plot.dat", data, sizeof data);
    temu_scratch_path(sc, "plot.gp", script, sizeof script);
    temu_scratch_path(sc, "gnuplot.err", err, sizeof err);
    if (write_data(data, t) || write_script(script, data, png_path, t)) {
        fprintf(stderr, "temu sweep: cannot write the plot's files in %s\n", sc->dir);
        return TEMU_EXIT_ERROR;
    }
    struct temu_argv a;
    temu_argv_init(&a);
    temu_argv_add(&a, "gnuplot");
    temu_argv_add(&a, script);
    int rc = temu_child_run(&a, "/dev/null", err);
    if (rc < 0) {
        fprintf(stderr, "temu sweep: --plot needs gnuplot, which could not be run: %s\n",
                strerror(errno));
        return TEMU_EXIT_ERROR;
    }
    char line[512];
    if (rc) {
        /* gnuplot echoes the failing command first; its last line names the error. */
        if (temu_child_last_line(err, line, sizeof line))
            snprintf(line, sizeof line, "exit status %d", rc);
        fprintf(stderr, "temu sweep: gnuplot failed drawing %s: %s\n", png_path, line);
        return TEMU_EXIT_ERROR;
    }
    return 0;
}
