/* temu_sweep.c: placeholder, replaced by the sweep implementation. */
#include <stdio.h>

#include "temu_commands.h"
#include "temu_options.h"

int temu_sweep_main(int argc, char **argv, const char *self)
{
    (void)argc; (void)argv; (void)self;
    fprintf(stderr, "temu: sweep is not built yet\n");
    return TEMU_EXIT_ERROR;
}
