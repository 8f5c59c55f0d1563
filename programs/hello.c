/* hello: the smallest useful guest: a few lines through write(2), exit code 0.
 * About 2K instructions at either size (there is no bench size worth the name). */
#include "rt.h"

int main(int argc, char **argv)
{
    (void)argv;
    rt_puts("Hello from temu!");
    printf("argc = %d\n", argc);
    printf("an AArch64 guest, %d-bit, running %s\n", (int)(8 * sizeof(void *)), "freestanding");
    return 0;
}
