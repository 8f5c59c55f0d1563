/* test_mem.c: the guest memory window: mapping, permissions, page-crossing copies, faults at the
 * window edge and on unmapped or read-only pages, the CODE bit on writes, and find_free. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "emu_mem.h"

#define SMALL (64ull << 20) /* a 64 MiB window keeps the tests light */

static int setup(void **state)
{
    struct emu_mem *m = test_malloc(sizeof *m);
    if (emu_mem_init(m, SMALL)) {
        test_free(m);
        return -1;
    }
    *state = m;
    return 0;
}

static int teardown(void **state)
{
    emu_mem_free(*state);
    test_free(*state);
    return 0;
}

static void test_init_layout(void **state)
{
    struct emu_mem *m = *state;
    assert_int_equal(m->size, SMALL);
    assert_non_null(m->host);
    /* The default mmap base lies above a 64 MiB window, so the search starts half-way. */
    assert_int_equal(m->mmap_next, SMALL / 2);
    uint8_t b;
    assert_int_equal(emu_mem_read(m, 0x1000, &b, 1), -1);
    assert_int_equal(m->fault_addr, 0x1000);
}

static void test_map_reads_zero_and_roundtrips(void **state)
{
    struct emu_mem *m = *state;
    assert_int_equal(emu_mem_map(m, 0x10000, 0x2000, EMU_PERM_R | EMU_PERM_W), 0);
    uint64_t v = 1;
    assert_int_equal(emu_mem_read(m, 0x10000, &v, 8), 0);
    assert_int_equal(v, 0);
    v = 0x1122334455667788ull;
    assert_int_equal(emu_mem_write(m, 0x10008, &v, 8), 0);
    uint32_t w = 0;
    assert_int_equal(emu_mem_read(m, 0x1000c, &w, 4), 0);
    assert_int_equal(w, 0x11223344u);
    /* Remapping a mapped page gives zeroes again. */
    assert_int_equal(emu_mem_map(m, 0x10000, 0x1000, EMU_PERM_R), 0);
    assert_int_equal(emu_mem_read(m, 0x10008, &v, 8), 0);
    assert_int_equal(v, 0);
}

static void test_page_crossing(void **state)
{
    struct emu_mem *m = *state;
    assert_int_equal(emu_mem_map(m, 0x20000, 0x2000, EMU_PERM_R | EMU_PERM_W), 0);
    uint8_t q[16], r[16];
    for (int i = 0; i < 16; i++)
        q[i] = (uint8_t)(0xa0 + i);
    assert_int_equal(emu_mem_write(m, 0x20ff8, q, 16), 0); /* straddles the page boundary */
    assert_int_equal(emu_mem_read(m, 0x20ff8, r, 16), 0);
    assert_memory_equal(q, r, 16);
    /* The second page unmapped: the same access faults and writes nothing. */
    assert_int_equal(emu_mem_unmap(m, 0x21000, 0x1000), 0);
    memset(q, 0x55, sizeof q);
    assert_int_equal(emu_mem_write(m, 0x20ff8, q, 16), -1);
    assert_int_equal(emu_mem_read(m, 0x20ff8, r, 8), 0);
    assert_int_equal(r[0], 0xa0);
    assert_int_equal(emu_mem_read(m, 0x20ffc, r, 8), -1);
}

static void test_copy_across_pages(void **state)
{
    struct emu_mem *m = *state;
    uint8_t big[3 * 4096 + 100], back[sizeof big];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (uint8_t)(i * 7);
    assert_int_equal(emu_mem_map(m, 0x30000, 0x5000, EMU_PERM_R | EMU_PERM_W), 0);
    assert_int_equal(emu_mem_copy_in(m, 0x30f00, big, sizeof big), 0);
    assert_int_equal(emu_mem_copy_out(m, 0x30f00, back, sizeof back), 0);
    assert_memory_equal(big, back, sizeof big);
    /* A hole in the middle: the fault address is the first byte of the hole. */
    assert_int_equal(emu_mem_unmap(m, 0x32000, 0x1000), 0);
    assert_int_equal(emu_mem_copy_out(m, 0x30f00, back, sizeof back), -1);
    assert_int_equal(m->fault_addr, 0x32000);
    assert_int_equal(emu_mem_range_ok(m, 0x30f00, sizeof back, EMU_PERM_R), 0);
    assert_int_equal(m->fault_addr, 0x32000);
    assert_int_equal(emu_mem_range_ok(m, 0x30000, 0x2000, EMU_PERM_R | EMU_PERM_W), 1);
}

static void test_window_edge(void **state)
{
    struct emu_mem *m = *state;
    uint64_t top = m->size - 0x1000;
    assert_int_equal(emu_mem_map(m, top, 0x1000, EMU_PERM_R | EMU_PERM_W), 0);
    assert_int_equal(emu_mem_map(m, top, 0x2000, EMU_PERM_R), -1); /* leaves the window */
    uint64_t v = 7;
    assert_int_equal(emu_mem_write(m, m->size - 8, &v, 8), 0);
    assert_int_equal(emu_mem_write(m, m->size - 4, &v, 8), -1);
    assert_int_equal(emu_mem_read(m, m->size, &v, 1), -1);
    assert_int_equal(emu_mem_read(m, UINT64_MAX - 3, &v, 8), -1); /* no wrap-around */
    assert_int_equal(emu_mem_copy_out(m, m->size - 8, &v, 16), -1);
    assert_int_equal(m->fault_addr, m->size);
    assert_int_equal(emu_mem_range_ok(m, m->size - 8, 16, EMU_PERM_R), 0);
    assert_int_equal(emu_mem_range_ok(m, UINT64_MAX, 2, EMU_PERM_R), 0);
    assert_int_equal(emu_mem_unmap(m, m->size, 0x1000), -1);
    assert_int_equal(emu_mem_protect(m, top, UINT64_MAX, EMU_PERM_R), -1);
}

static void test_permissions(void **state)
{
    struct emu_mem *m = *state;
    assert_int_equal(emu_mem_map(m, 0x40000, 0x1000, EMU_PERM_R), 0);
    uint32_t v = 0xd503201f, w;
    assert_int_equal(emu_mem_write(m, 0x40000, &v, 4), -1);            /* read-only */
    assert_int_equal(emu_mem_copy_in(m, 0x40000, &v, 4), -1);
    assert_int_equal(emu_mem_poke(m, 0x40000, &v, 4), 0);              /* the loader may */
    assert_int_equal(emu_mem_fetch(m, 0x40000, &w), -1);               /* not executable */
    assert_int_equal(emu_mem_protect(m, 0x40000, 0x1000, EMU_PERM_R | EMU_PERM_X), 0);
    assert_int_equal(emu_mem_fetch(m, 0x40000, &w), 0);
    assert_int_equal(w, v);
    assert_int_equal(emu_mem_fetch(m, 0x40002, &w), -1);               /* misaligned pc */
    /* PROT_NONE pages stay mapped: protect works on them, find_free skips them, peek reads them. */
    assert_int_equal(emu_mem_protect(m, 0x40000, 0x1000, 0), 0);
    assert_int_equal(emu_mem_read(m, 0x40000, &w, 4), -1);
    assert_int_equal(emu_mem_peek(m, 0x40000, &w, 4), 0);
    assert_int_equal(w, v);
    assert_int_not_equal(m->perm[0x40], 0);
    assert_int_equal(emu_mem_protect(m, 0x40000, 0x1000, EMU_PERM_R), 0);
    /* Protecting unmapped pages fails. */
    assert_int_equal(emu_mem_protect(m, 0x41000, 0x1000, EMU_PERM_R), -1);
    assert_int_equal(emu_mem_peek(m, 0x41000, &w, 4), -1);
}

static void test_code_bit(void **state)
{
    struct emu_mem *m = *state;
    assert_int_equal(emu_mem_map(m, 0x50000, 0x2000, EMU_PERM_RWX), 0);
    m->perm[0x50] |= EMU_PERM_CODE; /* what an engine does after decoding a block there */
    uint64_t v = 1;
    assert_int_equal(emu_mem_write(m, 0x50010, &v, 8), 1);
    assert_int_equal(emu_mem_write(m, 0x51010, &v, 8), 0);
    assert_int_equal(emu_mem_write(m, 0x50ffc, &v, 8), 1); /* straddling into a code page counts */
    /* mprotect keeps the bit; fetch and reads are unaffected by it. */
    assert_int_equal(emu_mem_protect(m, 0x50000, 0x1000, EMU_PERM_R | EMU_PERM_X), 0);
    assert_true(m->perm[0x50] & EMU_PERM_CODE);
    uint32_t w = 0;
    assert_int_equal(emu_mem_fetch(m, 0x50010, &w), 0);
}

static void test_find_free(void **state)
{
    struct emu_mem *m = *state;
    uint64_t base = m->mmap_next;
    uint64_t a = emu_mem_find_free(m, 0, 0x3000);
    assert_int_equal(a, base);
    assert_int_equal(emu_mem_map(m, a, 0x3000, EMU_PERM_R), 0);
    uint64_t b = emu_mem_find_free(m, 0, 0x1000);
    assert_int_equal(b, base + 0x3000);
    /* A hint is honoured when free, and skipped past when not. */
    assert_int_equal(emu_mem_find_free(m, base + 0x100000, 0x1000), base + 0x100000);
    assert_int_equal(emu_mem_find_free(m, base + 0x1000, 0x1000), base + 0x3000);
    /* Sizes round up to pages; zero and absurd sizes find nothing. */
    assert_int_equal(emu_mem_find_free(m, 0, 1), base + 0x3000);
    assert_int_equal(emu_mem_find_free(m, 0, 0), 0);
    assert_int_equal(emu_mem_find_free(m, 0, m->size), 0);
    assert_int_equal(emu_mem_find_free(m, 0, UINT64_MAX), 0);
}

static void test_strlen(void **state)
{
    struct emu_mem *m = *state;
    assert_int_equal(emu_mem_map(m, 0x60000, 0x1000, EMU_PERM_R | EMU_PERM_W), 0);
    assert_int_equal(emu_mem_copy_in(m, 0x60ffa, "hello", 6), 0);
    assert_int_equal(emu_mem_strlen(m, 0x60ffa, 100), 5);
    assert_int_equal(emu_mem_strlen(m, 0x60ffa, 3), -1);
    assert_int_equal(emu_mem_copy_in(m, 0x60ffc, "abcd", 4), 0); /* runs into the unmapped page */
    assert_int_equal(emu_mem_strlen(m, 0x60ffc, 100), -1);
    assert_int_equal(m->fault_addr, 0x61000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_init_layout, setup, teardown),
        cmocka_unit_test_setup_teardown(test_map_reads_zero_and_roundtrips, setup, teardown),
        cmocka_unit_test_setup_teardown(test_page_crossing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_copy_across_pages, setup, teardown),
        cmocka_unit_test_setup_teardown(test_window_edge, setup, teardown),
        cmocka_unit_test_setup_teardown(test_permissions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_code_bit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_find_free, setup, teardown),
        cmocka_unit_test_setup_teardown(test_strlen, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
