/* temu_compare.c: placeholder, replaced by the compare implementation. */
#include <stdio.h>

#include "temu_commands.h"
#include "temu_options.h"

int temu_compare_main(int argc, char **argv, const char *self)
{
    (void)argc; (void)argv; (void)self;
    fprintf(stderr, "temu: compare is not built yet\n");
    return TEMU_EXIT_ERROR;
}
