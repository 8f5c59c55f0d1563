/* test_rand.h: the random numbers the randomized tests share, reproducible from a seed. */
#ifndef TEST_RAND_H
#define TEST_RAND_H

#include <stdint.h>

/* splitmix64: the next number from *state (small, good enough, replays from the seed). */
uint64_t test_rand_next(uint64_t *state);
/* An operand value: a quarter of the time one of the edges where arithmetic goes wrong (0, 1, all
 * ones, the sign bits and their neighbours of both widths, shift widths), a quarter a small byte,
 * otherwise any 64 bits. */
uint64_t test_rand_value(uint64_t *state);

#endif
