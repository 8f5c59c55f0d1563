# tests/tsvc.cmake: the loop corpus (programs/tsvc/, docs/loopvec.md, The loop corpus): each source
# (int, fp) as built by each compiler (clang, gcc) on the CPU engine, plain and with --loopvec,
# against the stdout, stderr and exit code qemu-aarch64 recorded (run_libc.sh, so known gaps go
# through tests/gaps.txt);
# --loopvec against the plain CPU engine (registers, instruction count: engines_agree.sh); the
# recording re-checked under qemu; the command line (tsvc_select.sh). The GPU engines with
# --loopvec run at the small size (every block is a PoCL round trip: ~2 min for the integer
# kernels on the batch engine), against the plain CPU engine, in check-full only.
if(NOT TEMU_TSVC_DIR)
  return()
endif()
set(tsvc_expected ${PROJECT_SOURCE_DIR}/programs/expected/tsvc)
set(tsvc_run sh ${CMAKE_CURRENT_SOURCE_DIR}/run_libc.sh)
set(tsvc_agree bash ${CMAKE_CURRENT_SOURCE_DIR}/engines_agree.sh $<TARGET_FILE:temu>)
find_program(TEMU_QEMU_AARCH64 NAMES qemu-aarch64 qemu-aarch64-static)

foreach(part int fp)
  foreach(cc ${TEMU_TSVC_COMPILERS})
    set(image ${TEMU_TSVC_DIR}/tsvc_${part}.${cc}.elf)
    set(tag tsvc_${part}_${cc})
    set(want ${tsvc_expected}/tsvc_${part})
    add_test(NAME program_${tag}
             COMMAND ${tsvc_run} program_${tag} ${want} -- $<TARGET_FILE:temu> --engine=cpu ${image})
    add_test(NAME program_loopvec_${tag}
             COMMAND ${tsvc_run} program_loopvec_${tag} ${want} -- $<TARGET_FILE:temu> --engine=cpu
                     --loopvec ${image})
    set_tests_properties(program_${tag} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120
                         LABELS "programs;qemu;tsvc")
    set_tests_properties(program_loopvec_${tag} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120
                         LABELS "programs;qemu;loopvec;tsvc")
    add_test(NAME loopvec_agree_${tag} COMMAND ${tsvc_agree} "--engine=cpu --loopvec" ${image})
    set_tests_properties(loopvec_agree_${tag} PROPERTIES TIMEOUT 120 LABELS "programs;loopvec;agree;tsvc")
    # Under the sanitizers make check runs the integer kernels with --loopvec against qemu.
    temu_tier(full_asan program_${tag} loopvec_agree_${tag})
    if(part STREQUAL "fp")
      temu_tier(full_asan program_loopvec_${tag})
    endif()
    if(TEMU_QEMU_AARCH64)
      add_test(NAME qemu_${tag} COMMAND ${tsvc_run} qemu_${tag} ${want} -- ${TEMU_QEMU_AARCH64} ${image})
      set_tests_properties(qemu_${tag} PROPERTIES TIMEOUT 60 LABELS "programs;qemu;tsvc")
      temu_tier(full_asan qemu_${tag}) # temu is not in it: nothing for the sanitizers
    endif()
    if(part STREQUAL "int")
      add_test(NAME tsvc_select_${cc}
               COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/tsvc_select.sh $<TARGET_FILE:temu> ${image} ${want}.out)
      set_tests_properties(tsvc_select_${cc} PROPERTIES TIMEOUT 60 LABELS "programs;qemu;cli;tsvc")
      temu_tier(full_asan tsvc_select_${cc})
    endif()
    if(TARGET temu_gpu)
      foreach(engine gpu resident)
        set(test loopvec_${engine}_${tag})
        add_test(NAME ${test} COMMAND ${tsvc_agree} "--engine=${engine} --loopvec" ${image} all small)
        set_tests_properties(${test} PROPERTIES TIMEOUT 600 LABELS "gpu;loopvec;programs;agree;tsvc")
        temu_tier(full ${test})
      endforeach()
    endif()
  endforeach()
endforeach()
