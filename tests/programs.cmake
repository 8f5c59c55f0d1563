# programs.cmake: every guest program in programs/programs.txt, in each of its four builds, run by
# temu and compared with programs/expected/NAME.{out,code} (recorded under qemu-aarch64), plus all
# four builds re-checked under qemu-aarch64 itself when it is installed.
# .fp builds that contain an FP/SIMD instruction temu does not decode yet skip (exit 77); the check
# looks at the binary at test time (tests/run_program.sh --fp-check, with tests/tools/undef_words);
# -DTEMU_TEST_FP_PROGRAMS=ON runs them anyway.
if(NOT TEMU_PROGRAMS)
  return() # programs/ was not built (no cross toolchain): nothing to run
endif()

option(TEMU_TEST_FP_PROGRAMS "Also run .fp program builds that contain FP/SIMD instructions" OFF)

set(TEMU_PROGRAMS_SRC ${PROJECT_SOURCE_DIR}/programs)
set(TEMU_RUN_PROGRAM sh ${CMAKE_CURRENT_SOURCE_DIR}/run_program.sh)
file(STRINGS ${TEMU_PROGRAMS_SRC}/programs.txt TEMU_PROGRAM_MANIFEST REGEX "^[a-z]")

# Register the temu tests for all programs and builds as PREFIX_NAME[_fp]_{elf,bin}, with the temu
# options given after PREFIX, e.g. temu_add_program_tests(program_gpu_b1 --engine=gpu --batch=1),
# so every engine and batch size can be checked on the same programs.
function(temu_add_program_tests prefix)
  set(labels programs qemu) # the expected outputs were recorded under qemu-aarch64
  if("--loopvec" IN_LIST ARGN)
    list(APPEND labels loopvec)
  endif()
  foreach(line ${TEMU_PROGRAM_MANIFEST})
    separate_arguments(words UNIX_COMMAND "${line}")
    list(POP_FRONT words name)
    foreach(variant "" ".fp")
      foreach(format elf bin)
        set(image ${TEMU_PROGRAMS_DIR}/${name}${variant}.${format})
        set(fp_check)
        if(variant STREQUAL ".fp" AND NOT TEMU_TEST_FP_PROGRAMS)
          if(format STREQUAL "elf")
            set(code_elf ${image})
          else()
            set(code_elf ${TEMU_PROGRAMS_DIR}/obj/${name}${variant}.bin.elf)
          endif()
          set(fp_check --fp-check ${TEMU_GUEST_OBJDUMP} ${code_elf} $<TARGET_FILE:undef_words>)
        endif()
        string(REPLACE "." "_" tag "${name}${variant}_${format}")
        add_test(NAME ${prefix}_${tag}
                 COMMAND ${TEMU_RUN_PROGRAM} ${fp_check} ${TEMU_PROGRAMS_SRC}/expected/${name} --
                         $<TARGET_FILE:temu> ${ARGN} ${image} ${words}
                 WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
        set_tests_properties(${prefix}_${tag} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120
                             LABELS "${labels}")
      endforeach()
    endforeach()
  endforeach()
endfunction()

temu_add_program_tests(program --engine=cpu) # the reference engine, named: no OpenCL probe per run

# The CPU engine's lanes (host threads): every program as 3 lanes, each lane matching a lone run
# (lanes_agree.sh; gpu.cmake does the same on the GPU engines). Under the sanitizers make check
# runs one format of each program: the i-th program's ELF when i is even, its .bin when i is odd
# (loopvec.cmake's loopvec_agree_* the other way round); the rest is full_asan.
set(index 0)
foreach(line ${TEMU_PROGRAM_MANIFEST})
  separate_arguments(words UNIX_COMMAND "${line}")
  list(POP_FRONT words name)
  math(EXPR odd "${index} % 2")
  math(EXPR index "${index} + 1")
  foreach(format elf bin)
    if((odd AND format STREQUAL "elf") OR (NOT odd AND format STREQUAL "bin"))
      temu_tier(full_asan lanes_cpu_${name}_${format})
    endif()
    add_test(NAME lanes_cpu_${name}_${format}
             COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/lanes_agree.sh $<TARGET_FILE:temu> --engine=cpu
                     ${TEMU_PROGRAMS_DIR}/${name}.${format} ${words}
             WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
    set_tests_properties(lanes_cpu_${name}_${format} PROPERTIES TIMEOUT 120 LABELS "lanes;programs;agree")
  endforeach()
endforeach()

# The oracle itself: the expected files must still match qemu-aarch64 on today's builds. qemu cannot
# load a flat image, so the .bin is checked through obj/NAME.bin.qemu.elf: the same bytes at
# 0x400000 in a 16 MiB RWX segment, entry there.
find_program(TEMU_QEMU_AARCH64 NAMES qemu-aarch64 qemu-aarch64-static)
if(TEMU_QEMU_AARCH64)
  foreach(line ${TEMU_PROGRAM_MANIFEST})
    separate_arguments(words UNIX_COMMAND "${line}")
    list(POP_FRONT words name)
    foreach(variant "" ".fp")
      foreach(format elf bin)
        if(format STREQUAL "elf")
          set(image ${TEMU_PROGRAMS_DIR}/${name}${variant}.elf)
        else()
          set(image ${TEMU_PROGRAMS_DIR}/obj/${name}${variant}.bin.qemu.elf)
        endif()
        string(REPLACE "." "_" tag "${name}${variant}_${format}")
        add_test(NAME qemu_${tag}
                 COMMAND ${TEMU_RUN_PROGRAM} ${TEMU_PROGRAMS_SRC}/expected/${name} --
                         ${TEMU_QEMU_AARCH64} ${image} ${words}
                 WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
        set_tests_properties(qemu_${tag} PROPERTIES TIMEOUT 60 LABELS "programs;qemu")
        temu_tier(full_asan qemu_${tag}) # temu is not in it: nothing for the sanitizers
      endforeach()
    endforeach()
  endforeach()
endif()
