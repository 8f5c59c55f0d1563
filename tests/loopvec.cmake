# tests/loopvec.cmake: --loopvec on the CPU engine (docs/design.md, Loop vectorization). Every program, in both of
# its formats, must give the same stdout, exit status, error line, final registers and retired
# instruction count with and without --loopvec (engines_agree.sh, the plain CPU engine as the
# reference); the expected-output checks of programs.cmake run with --loopvec too. An instruction
# limit that falls inside vectorized loops must stop at the same instruction (AGREE_COMMON).
if(NOT TEMU_PROGRAMS)
  return()
endif()
temu_add_program_tests(program_loopvec --engine=cpu --loopvec)
# make check leaves the builds without _fp to check-full: program_NAME_FORMAT (plain run = expected)
# and loopvec_agree_NAME_FORMAT below (--loopvec = plain run: stdout, exit status) imply them.
foreach(line ${TEMU_PROGRAM_MANIFEST})
  separate_arguments(words UNIX_COMMAND "${line}")
  list(POP_FRONT words name)
  temu_tier(full program_loopvec_${name}_elf program_loopvec_${name}_bin)
endforeach()

set(TEMU_AGREE_LV bash ${CMAKE_CURRENT_SOURCE_DIR}/engines_agree.sh $<TARGET_FILE:temu>)
# Under the sanitizers make check runs one format of each program: the .bin of the i-th program
# when i is even, its ELF when i is odd (programs.cmake's lanes_cpu_* the other way round).
set(index 0)
foreach(line ${TEMU_PROGRAM_MANIFEST})
  separate_arguments(words UNIX_COMMAND "${line}")
  list(POP_FRONT words name)
  math(EXPR odd "${index} % 2")
  math(EXPR index "${index} + 1")
  foreach(format elf bin)
    if((odd AND format STREQUAL "bin") OR (NOT odd AND format STREQUAL "elf"))
      temu_tier(full_asan loopvec_agree_${name}_${format})
    endif()
    add_test(NAME loopvec_agree_${name}_${format}
             COMMAND ${TEMU_AGREE_LV} "--engine=cpu --loopvec" ${TEMU_PROGRAMS_DIR}/${name}.${format} ${words}
             WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
    set_tests_properties(loopvec_agree_${name}_${format} PROPERTIES TIMEOUT 120 LABELS "programs;loopvec;agree")
  endforeach()
endforeach()

# Limits at odd places inside the loop program's vectorized loops, and before its first one.
foreach(limit 1000 262145 300001 777777 1100003)
  add_test(NAME loopvec_limit_${limit}
           COMMAND ${TEMU_AGREE_LV} "--engine=cpu --loopvec" ${TEMU_PROGRAMS_DIR}/loops.elf
           WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
  set_tests_properties(loopvec_limit_${limit} PROPERTIES ENVIRONMENT AGREE_COMMON=--max-insns=${limit}
                       TIMEOUT 60 LABELS "loopvec;agree")
endforeach()

# `temu loops --json`: exact trip counts, also for a loop the code falls into.
add_test(NAME loops_trips COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/loops_trips.sh $<TARGET_FILE:temu>
                                  ${TEMU_PROGRAMS_DIR})
set_tests_properties(loops_trips PROPERTIES LABELS "loopvec;cli" TIMEOUT 60)

# `temu loops --json`: loops over several blocks, with a call inside or without, counted exactly.
add_test(NAME loops_multi COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/loops_multi.sh $<TARGET_FILE:temu>
                                  ${TEMU_PROGRAMS_DIR})
set_tests_properties(loops_multi PROPERTIES LABELS "loopvec;cli" TIMEOUT 60)

# --loopvec with --lanes: every CPU lane's engine takes it (the lanes agree with lone plain runs);
# the GPU lanes kernel does not, and says so (a usage error whatever the build).
# Each command checks the exit status and the message itself (a PASS_REGULAR_EXPRESSION would
# make ctest ignore the status).
add_test(NAME loopvec_lanes_cpu
         COMMAND sh -c "out=$($<TARGET_FILE:temu> --lanes=3 --loopvec --stats ${TEMU_PROGRAMS_DIR}/loops.elf 2>&1 >/dev/null); rc=$?; echo \"$out\"; [ $rc -eq 0 ] && echo \"$out\" | grep -Eq 'loops_vectorized +[1-9]'"
         WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
set_tests_properties(loopvec_lanes_cpu PROPERTIES LABELS "loopvec;cli")
add_test(NAME loopvec_lanes_gpu_usage
         COMMAND sh -c "out=$($<TARGET_FILE:temu> --engine=gpu --lanes=2 --loopvec ${TEMU_PROGRAMS_DIR}/hello.elf 2>&1); rc=$?; echo \"$out\"; [ $rc -eq 2 ] && echo \"$out\" | grep -q -- '--loopvec with --lanes needs --engine=cpu'"
         WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
set_tests_properties(loopvec_lanes_gpu_usage PROPERTIES LABELS "loopvec;cli")

# The GPU engines' vector path (kernel loop_iterations): every program, both formats, on the batch
# and the resident engine with --loopvec against the plain CPU engine; small sizes as in
# gpu.cmake. The resident runs use a small budget (relaunches mid-loop) and, for flat binaries,
# 3 work-items per group, so the kernel's in-group reduction runs with a group size that is no
# power of two. loopvec_stats_* require the same loops vectorized as on the CPU engine (the same
# runs, iterations and instructions), so the agreement above is not agreement by doing nothing.
if(NOT TARGET temu_gpu)
  return()
endif()
# make check: one format per engine, as the GPU lanes in gpu.cmake (temu_gpu_pairing).
set(index 0)
foreach(line ${TEMU_PROGRAM_MANIFEST})
  temu_gpu_program_args("${line}" name words)
  math(EXPR odd "${index} % 2")
  foreach(format elf bin)
    foreach(engine gpu resident)
      set(test loopvec_${engine}_${name}_${format})
      set(opts "--engine=${engine} --loopvec")
      if(engine STREQUAL "resident")
        set(opts "${opts} --budget=5000")
      endif()
      add_test(NAME ${test} COMMAND ${TEMU_AGREE_LV} "${opts}" ${TEMU_PROGRAMS_DIR}/${name}.${format} ${words}
               WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
      set_tests_properties(${test} PROPERTIES TIMEOUT 300 LABELS "gpu;loopvec;programs;agree")
      if(engine STREQUAL "resident" AND format STREQUAL "bin")
        set_tests_properties(${test} PROPERTIES ENVIRONMENT TEMU_GPU_LOCAL=3)
      endif()
      temu_gpu_pairing(kept ${engine} ${format} ${odd})
      temu_gpu_tier(${test} ${name} ${kept})
    endforeach()
  endforeach()
  math(EXPR index "${index} + 1")
endforeach()
# Iterations split over many launches (chunks of 1000, not a multiple of the group size): the
# host folds the partials of every launch in order.
add_test(NAME loopvec_resident_chunks
         COMMAND ${TEMU_AGREE_LV} "--engine=resident --loopvec" ${TEMU_PROGRAMS_DIR}/loops.elf
         WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
set_tests_properties(loopvec_resident_chunks PROPERTIES TIMEOUT 300 LABELS "gpu;loopvec;agree"
                     ENVIRONMENT "TEMU_GPU_LOOP_CHUNK=1000;TEMU_GPU_LOCAL=16")
foreach(engine gpu resident)
  add_test(NAME loopvec_stats_${engine}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/loopvec_stats.sh $<TARGET_FILE:temu> --engine=${engine}
                   ${TEMU_PROGRAMS_DIR}/loops.elf
           WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
  # The sieve's inner loop steps by a register (bound per entry, emu_loop_bind).
  add_test(NAME loopvec_stats_${engine}_sieve
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/loopvec_stats.sh $<TARGET_FILE:temu> --engine=${engine}
                   ${TEMU_PROGRAMS_DIR}/sieve.elf small
           WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
  set_tests_properties(loopvec_stats_${engine} loopvec_stats_${engine}_sieve PROPERTIES TIMEOUT 300
                       LABELS "gpu;loopvec;agree")
  foreach(limit 1000 262145 777777)
    add_test(NAME loopvec_${engine}_limit_${limit}
             COMMAND ${TEMU_AGREE_LV} "--engine=${engine} --loopvec" ${TEMU_PROGRAMS_DIR}/loops.elf
             WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
    set_tests_properties(loopvec_${engine}_limit_${limit} PROPERTIES TIMEOUT 300 LABELS "gpu;loopvec;agree"
                         ENVIRONMENT AGREE_COMMON=--max-insns=${limit})
    if(NOT limit EQUAL 262145) # under the sanitizers make check stops once per engine in a loop
      temu_tier(full_asan loopvec_${engine}_limit_${limit})
    endif()
  endforeach()
endforeach()
