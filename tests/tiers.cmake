# tests/tiers.cmake, included last by tests/CMakeLists.txt: the tier labels, and the rule that
# every test names its oracle.
#
#   (no tier label)  make check runs it in the release and in the sanitizer build
#   full_asan        make check runs it in the release build only; check-full under the sanitizers too
#   full             only make check-full runs it (in both builds)
#   quick            ctest -L quick: about two minutes at -j2 that still touch every part
#
# make check: ctest -LE '^full$' (release), ctest -LE '^full' (sanitizers); make check-full: all.
# The .cmake files put tests in full and full_asan with temu_tier() where they register them.

# quick: the decoder, the CPU engine and its oracles, one program per engine (batch, resident,
# lanes on all three, --loopvec on all three) at its small size, the command line and bad input.
# Only tests that make check runs (none labelled full); a name this build lacks (no qemu, no
# OpenCL) is left out.
set(TEMU_QUICK_TESTS
    test_decode test_decode_capstone test_cpu_insn test_lockstep test_exec_diff test_loop test_mem
    test_load test_syscall test_gpu_decode decode_compiles_as_opencl loop_fold_compiles_as_opencl
    program_sort_elf program_strings_bin program_loopvec_hello_fp_bin qemu_sort_elf calls_qemu_cpu
    lanes_cpu_lanes_elf loopvec_agree_loops_elf loopvec_agree_loop_fault_bin
    gpu_b1_sort_elf gpu_b3_sort_bin gpu_b64_dep_ldst_elf gpu_b4096_dep_flags_bin gpu_b1_stops
    resident_sort_bin lanes_gpu_sort_bin lanes_resident_sort_elf lanes_gpu_stops
    loopvec_gpu_loops_bin loopvec_resident_loops_elf loopvec_stats_resident
    cli bad_input gpu_bad_input resident_bad_input window_end_fault escape_cpu escape_gpu_lanes
    loops_trips lanes_cpu)

set(TEMU_ORACLE_LABELS unit capstone unicorn qemu agree cli regression)
get_property(temu_all_tests DIRECTORY PROPERTY TESTS)
get_property(temu_full GLOBAL PROPERTY TEMU_TIER_full)
get_property(temu_full_asan GLOBAL PROPERTY TEMU_TIER_full_asan)
set(temu_quick)
foreach(test ${TEMU_QUICK_TESTS})
  if(TEST ${test})
    list(APPEND temu_quick ${test})
  endif()
endforeach()
foreach(tier full full_asan quick)
  foreach(test ${temu_${tier}})
    if(NOT TEST ${test})
      message(FATAL_ERROR "tiers.cmake: ${tier} names ${test}, which is no test")
    endif()
    set_property(TEST ${test} APPEND PROPERTY LABELS ${tier})
  endforeach()
endforeach()
foreach(test ${temu_all_tests})
  get_property(labels TEST ${test} PROPERTY LABELS)
  set(oracle)
  foreach(label ${labels})
    if(label IN_LIST TEMU_ORACLE_LABELS)
      set(oracle ${label})
    endif()
  endforeach()
  if(NOT oracle)
    message(FATAL_ERROR "test ${test} has no oracle label (one of ${TEMU_ORACLE_LABELS}): ${labels}")
  endif()
  if("quick" IN_LIST labels AND "full" IN_LIST labels)
    message(FATAL_ERROR "test ${test} is quick but only in check-full")
  endif()
endforeach()

# Scheduling: ctest starts the costliest tests first, from the times it recorded in the last run
# (Testing/Temporary/CTestCostData.txt). A fresh build has none and would run them in the order
# they were added, so a minute-long test could start last and run alone at the end: COST gives
# the long ones (seconds on PoCL at -j2, release build) a head start.
set(TEMU_TEST_COSTS lanes_gpu 65 lanes_resident 65 callgrind_guard 45 lanes_cpu 45 bad_input 20
    commands 20 escape_gpu_lanes 20 cli 17 escape_resident 17 escape_gpu 15 test_lockstep 14
    loops_multi 13 loops_trips 13 test_exec_diff 12 window_end_fault 12 gpu_b1_stops 11
    lanes_gpu_loops_bin 11 test_gpu_decode 10 gpu_b64_loops_elf 10 gpu_b4096_loops_bin 10
    resident_window_end_fault 9 gpu_window_end_fault 9 lanes_gpu_stops 9 gpu_b64_stops 8
    loopvec_gpu_loops_bin 8 lanes_resident_stops 7 gpu_b1_loop_fault_bin 7)
while(TEMU_TEST_COSTS)
  list(POP_FRONT TEMU_TEST_COSTS test cost)
  if(TEST ${test})
    set_property(TEST ${test} PROPERTY COST ${cost})
  endif()
endwhile()

# The sanitizer build runs every process several times slower (most of it start-up and exit):
# give each test three times its timeout there, so a loaded machine makes no timeout flakes.
if(TEMU_SANITIZE)
  foreach(test ${temu_all_tests})
    get_property(timeout TEST ${test} PROPERTY TIMEOUT)
    if(timeout)
      math(EXPR timeout "${timeout} * 3")
      set_property(TEST ${test} PROPERTY TIMEOUT ${timeout})
    endif()
  endforeach()
endif()
