/* hello: glibc's start-up, stdio and the environment, as an unmodified static binary needs them.
 * Prints its arguments, a few formatted values and an environment lookup; exits with argc. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    printf("hello from glibc, %d argument(s)\n", argc - 1);
    for (int i = 1; i < argc; i++)
        printf("argv[%d] = \"%s\" (%zu bytes)\n", i, argv[i], strlen(argv[i]));
    char buf[64];
    snprintf(buf, sizeof buf, "%08x|%-6s|%+d|%lld", 0xbeefu, "ab", 42, -1234567890123LL);
    puts(buf);
    const char *missing = getenv("TEMU_SURELY_UNSET_VARIABLE");
    printf("getenv: %s\n", missing ? missing : "(unset)");
    fputs("to stderr\n", stderr);
    fflush(stdout);
    return argc;
}
