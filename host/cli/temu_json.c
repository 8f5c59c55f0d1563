/* temu_json.c: reading finds a key in a flat JSON object by walking it member by member, so that a key's
 * name inside some string value (a device name, say) is never mistaken for the key. */
#include "temu_json.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char *skip_space(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    return s;
}

/* s points at a '"'. Return the character after the closing quote, or NULL if it never closes.
 * When buf is not NULL the unescaped body goes there (non-ASCII \u escapes become '?'). */
static const char *scan_string(const char *s, char *buf, size_t len)
{
    size_t n = 0;
    for (s++; *s && *s != '"'; s++) {
        char c = *s;
        if (c == '\\') {
            s++;
            switch (*s) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case 'r': c = '\r'; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'u': {
                char hex[5] = {0};
                for (int i = 0; i < 4; i++) {
                    if (!s[1 + i])
                        return NULL;
                    hex[i] = s[1 + i];
                }
                unsigned long v = strtoul(hex, NULL, 16);
                c = v < 0x80 ? (char)v : '?';
                s += 4;
                break;
            }
            case 0: return NULL;
            default: c = *s; break; /* \" \\ \/ */
            }
        }
        if (buf && n + 1 < len)
            buf[n++] = c;
    }
    if (buf && len)
        buf[n] = 0;
    return *s == '"' ? s + 1 : NULL;
}

/* The first character of key's value in obj, or NULL when the key is absent or obj is malformed. */
static const char *find_value(const char *obj, const char *key)
{
    const char *s = skip_space(obj);
    if (*s++ != '{')
        return NULL;
    for (;;) {
        s = skip_space(s);
        if (*s != '"')
            return NULL;
        const char *name = s + 1;
        s = scan_string(s, NULL, 0);
        if (!s)
            return NULL;
        size_t name_len = (size_t)(s - 1 - name);
        s = skip_space(s);
        if (*s++ != ':')
            return NULL;
        s = skip_space(s);
        /* Keys temu prints need no escapes, so the raw name can be compared. */
        if (name_len == strlen(key) && !memcmp(name, key, name_len))
            return s;
        if (*s == '"')
            s = scan_string(s, NULL, 0);
        else
            s += strcspn(s, ",}");
        if (!s)
            return NULL;
        s = skip_space(s);
        if (*s++ != ',')
            return NULL;
    }
}

int temu_json_number(const char *obj, const char *key, double *out)
{
    const char *v = find_value(obj, key);
    if (!v || *v == '"')
        return -1;
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    if (end == v || errno)
        return -1;
    *out = d;
    return 0;
}

/* Counters can pass 2^53, where a double would round them: read them as integers. */
int temu_json_u64(const char *obj, const char *key, uint64_t *out)
{
    const char *v = find_value(obj, key);
    if (!v || *v < '0' || *v > '9')
        return -1;
    char *end;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    if (errno || (*end != ',' && *end != '}' && *end != ' '))
        return -1;
    *out = n;
    return 0;
}

int temu_json_string(const char *obj, const char *key, char *buf, size_t len)
{
    const char *v = find_value(obj, key);
    if (!v || *v != '"' || !len)
        return -1;
    return scan_string(v, buf, len) ? 0 : -1;
}

void temu_json_put_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fprintf(f, "\\%c", *s);
        else if ((unsigned char)*s < 0x20)
            fprintf(f, "\\u%04x", *s);
        else
            fputc(*s, f);
    }
    fputc('"', f);
}
