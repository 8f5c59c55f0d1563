# escape.cmake: the test-only guests of tests/guest/ on every engine. tests/escape.sh: the guest
# stays inside, alone and as lanes (/proc never reaches temu's memory or descriptors, --fs-root
# holds from every directory fd, code written by syscalls runs as written); tests/oracle_calls.sh:
# the descriptor, directory and memory calls agree with qemu-aarch64.
if(NOT TEMU_PROGRAMS)
  return()
endif()
set(engines cpu)
if(TARGET temu_gpu)
  list(APPEND engines gpu resident)
endif()
foreach(engine ${engines})
  foreach(mode single lanes)
    set(test escape_${engine})
    set(env "")
    if(mode STREQUAL "lanes")
      set(test escape_${engine}_lanes)
      set(env LANES=1)
    endif()
    add_test(NAME ${test} COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/escape.sh $<TARGET_FILE:temu>
                                  ${TEMU_PROGRAMS_DIR}/guest --engine=${engine})
    set_tests_properties(${test} PROPERTIES ENVIRONMENT "${env}" TIMEOUT 120 LABELS "regression")
    if(NOT engine STREQUAL "cpu")
      set_tests_properties(${test} PROPERTIES LABELS "regression;gpu")
    endif()
  endforeach()
  # The descriptor, directory and memory calls against qemu-aarch64 (tests/oracle_calls.sh).
  add_test(NAME calls_qemu_${engine} COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/oracle_calls.sh
                                            $<TARGET_FILE:temu> ${TEMU_PROGRAMS_DIR}/guest --engine=${engine})
  set_tests_properties(calls_qemu_${engine} PROPERTIES TIMEOUT 120 LABELS qemu SKIP_RETURN_CODE 77)
endforeach()
