# tests/loopvec.cmake: --loopvec on the CPU engine (design section 6). Every program, in both of
# its formats, must give the same stdout, exit status, error line, final registers and retired
# instruction count with and without --loopvec (engines_agree.sh, the plain CPU engine as the
# reference); the expected-output checks of programs.cmake run with --loopvec too. An instruction
# limit that falls inside vectorized loops must stop at the same instruction (AGREE_COMMON).
if(NOT TEMU_PROGRAMS)
  return()
endif()
temu_add_program_tests(program_loopvec --loopvec)

set(TEMU_AGREE_LV bash ${CMAKE_CURRENT_SOURCE_DIR}/engines_agree.sh $<TARGET_FILE:temu>)
foreach(line ${TEMU_PROGRAM_MANIFEST})
  separate_arguments(words UNIX_COMMAND "${line}")
  list(POP_FRONT words name)
  foreach(format elf bin)
    add_test(NAME loopvec_agree_${name}_${format}
             COMMAND ${TEMU_AGREE_LV} "--engine=cpu --loopvec" ${TEMU_PROGRAMS_DIR}/${name}.${format} ${words}
             WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
    set_tests_properties(loopvec_agree_${name}_${format} PROPERTIES TIMEOUT 120 LABELS "programs;loopvec")
  endforeach()
endforeach()

# Limits at odd places inside the loop program's vectorized loops, and before its first one.
foreach(limit 1000 262145 300001 777777 1100003)
  add_test(NAME loopvec_limit_${limit}
           COMMAND ${TEMU_AGREE_LV} "--engine=cpu --loopvec" ${TEMU_PROGRAMS_DIR}/loops.elf
           WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
  set_tests_properties(loopvec_limit_${limit} PROPERTIES ENVIRONMENT AGREE_COMMON=--max-insns=${limit}
                       TIMEOUT 60 LABELS loopvec)
endforeach()

# `temu loops --json`: exact trip counts, also for a loop the code falls into.
add_test(NAME loops_trips COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/loops_trips.sh $<TARGET_FILE:temu>
                                  ${TEMU_PROGRAMS_DIR})
set_tests_properties(loops_trips PROPERTIES LABELS loopvec TIMEOUT 60)

# --loopvec is a CPU-engine option for now: a usage error on the GPU engines, whatever the build.
add_test(NAME loopvec_gpu_usage
         COMMAND sh -c "$<TARGET_FILE:temu> --engine=gpu --loopvec ${TEMU_PROGRAMS_DIR}/hello.elf 2>&1; test $? -eq 2"
         WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
set_tests_properties(loopvec_gpu_usage PROPERTIES LABELS loopvec
                     PASS_REGULAR_EXPRESSION "--loopvec needs --engine=cpu")
