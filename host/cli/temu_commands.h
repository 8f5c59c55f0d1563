/* temu_commands.h: the subcommands `temu sweep` and `temu compare` (docs/design.md, Commands). Both run
 * temu itself as child processes (`self`, the path of this executable) with --stats=json, so each
 * measured run is a whole, independent process whose guest output can be kept or dropped. */
#ifndef TEMU_COMMANDS_H
#define TEMU_COMMANDS_H

struct temu_env;

/* argv[0] is the subcommand's name. Return temu's exit status (0, 1 or TEMU_EXIT_USAGE). */
int temu_sweep_main(int argc, char **argv, const char *self);
int temu_compare_main(int argc, char **argv, const char *self, const struct temu_env *env);
/* `temu loops`: runs in this process (no children): the loop table comes from the CPU engine. */
int temu_loops_main(int argc, char **argv);

#endif
