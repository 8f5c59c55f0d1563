/* temu_json.h: reads keys from one flat JSON object, the kind `temu --stats=json` prints (numbers
 * and strings, no nesting), and writes JSON strings. Enough for --stats=json and for the
 * subcommands to read their child runs; not a JSON library. */
#ifndef TEMU_JSON_H
#define TEMU_JSON_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

/* Each returns 0 when obj has the key with a value of that type, -1 otherwise (also when obj is
 * not a flat object). The string is unescaped into buf, cut to len - 1 bytes. */
int temu_json_number(const char *obj, const char *key, double *out);
int temu_json_u64(const char *obj, const char *key, uint64_t *out);
int temu_json_string(const char *obj, const char *key, char *buf, size_t len);

/* Write s as a JSON string, quotes included, escaping quotes, backslashes and control characters. */
void temu_json_put_string(FILE *f, const char *s);

#endif
