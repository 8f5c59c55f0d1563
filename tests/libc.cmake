# libc.cmake: the glibc programs of programs/libc/ (gcc and clang builds) on every engine, against
# the stdout, stderr and exit code qemu-aarch64 recorded; and the recording itself re-checked under
# qemu. Known gaps skip with their reason and fail once they pass (tests/gaps.txt).
if(NOT TEMU_LIBC_PROGRAMS_DIR)
  return() # no cross toolchain: programs/libc/ built nothing
endif()

set(libc_src ${PROJECT_SOURCE_DIR}/programs/libc)
file(STRINGS ${libc_src}/programs.txt libc_manifest REGEX "^[a-z]")
set(libc_engines cpu)
if(TARGET temu_gpu)
  list(APPEND libc_engines gpu resident)
endif()
find_program(TEMU_QEMU_AARCH64 NAMES qemu-aarch64 qemu-aarch64-static)

foreach(line ${libc_manifest})
  separate_arguments(words UNIX_COMMAND "${line}")
  list(POP_FRONT words name)
  set(expected ${PROJECT_SOURCE_DIR}/programs/expected/libc/${name})
  foreach(cc gcc clang)
    set(image ${TEMU_LIBC_PROGRAMS_DIR}/${name}.${cc}.elf)
    foreach(engine ${libc_engines})
      set(test libc_${name}_${cc}_${engine})
      add_test(NAME ${test}
               COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/run_libc.sh ${test} ${expected} --
                       $<TARGET_FILE:temu> --engine=${engine} ${image} ${words})
      set(labels "programs;libc;qemu")
      if(NOT engine STREQUAL "cpu")
        list(APPEND labels gpu agree)
      endif()
      set_tests_properties(${test} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "${labels}")
    endforeach()
    if(TEMU_QEMU_AARCH64)
      add_test(NAME qemu_libc_${name}_${cc}
               COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/run_libc.sh qemu_libc_${name}_${cc} ${expected} --
                       ${TEMU_QEMU_AARCH64} ${image} ${words})
      set_tests_properties(qemu_libc_${name}_${cc} PROPERTIES TIMEOUT 60 LABELS "programs;libc;qemu")
    endif()
  endforeach()
endforeach()
