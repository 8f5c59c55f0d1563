/* test_rand.c: see test_rand.h. */
#include "test_rand.h"

uint64_t test_rand_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

uint64_t test_rand_value(uint64_t *state)
{
    static const uint64_t edges[] = {
        0, 1, ~0ull, 0x8000000000000000ull, 0x7fffffffffffffffull, 0x80000000ull, 0x7fffffffull,
        0xffffffffull, 0x100000000ull, 0xffffffff80000000ull, 2, 63, 64, 31, 32,
    };
    switch (test_rand_next(state) % 4) {
    case 0: return edges[test_rand_next(state) % (sizeof edges / sizeof edges[0])];
    case 1: return test_rand_next(state) & 0xff;
    default: return test_rand_next(state);
    }
}
