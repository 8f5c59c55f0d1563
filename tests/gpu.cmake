# tests/gpu.cmake: wiring of the GPU tests, included at the end of tests/CMakeLists.txt (after the
# test_*.c executables exist). test_gpu_decode links temu_gpu when the build has it; without
# OpenCL it is built without TEMU_HAVE_GPU and skips.
if(TARGET test_gpu_decode AND TARGET temu_gpu)
  target_link_libraries(test_gpu_decode PRIVATE temu_gpu)
  target_compile_definitions(test_gpu_decode PRIVATE TEMU_HAVE_GPU=1)
  # Two device builds (source, SPIR-V) and 1.3 M decodes on PoCL: give it room on slow runners.
  set_tests_properties(test_gpu_decode PROPERTIES TIMEOUT 120)
endif()

if(NOT TARGET temu_gpu OR NOT TEMU_PROGRAMS)
  return()
endif()

# The GPU batch engine must agree with the CPU engine on every program, at batch sizes 1 (single
# step), 3 (blocks split mid-way), 64 and 4096 (whole blocks): stdout, exit status, final
# registers, instruction count (engines_agree.sh). Every block costs a host-device round trip
# (~50 us on PoCL), so programs that know the argument "small" run at that size here.
set(TEMU_GPU_SMALL_PROGRAMS countdown bitops bytecode crc32 fib_iter fib_rec matmul muldiv sieve
    sort strings)
set(TEMU_AGREE bash ${CMAKE_CURRENT_SOURCE_DIR}/engines_agree.sh $<TARGET_FILE:temu>)
foreach(line ${TEMU_PROGRAM_MANIFEST})
  separate_arguments(words UNIX_COMMAND "${line}")
  list(POP_FRONT words name)
  if(name IN_LIST TEMU_GPU_SMALL_PROGRAMS)
    set(words small)
  endif()
  foreach(format elf bin)
    foreach(batch 1 3 64 4096)
      set(test gpu_b${batch}_${name}_${format})
      add_test(NAME ${test}
               COMMAND ${TEMU_AGREE} "--engine=gpu --batch=${batch}"
                       ${TEMU_PROGRAMS_DIR}/${name}.${format} ${words}
               WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
      set_tests_properties(${test} PROPERTIES TIMEOUT 300 LABELS "gpu;programs")
    endforeach()
  endforeach()
endforeach()

# Bad programs fail on the GPU engine exactly as on the CPU engine (exit status, one error line).
add_test(NAME gpu_bad_input COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/bad_input.sh $<TARGET_FILE:temu>
                                    --engine=gpu --batch=64)
# Precise stops (faults, undefined instructions) and self-modifying code inside one block.
foreach(batch 1 64)
  add_test(NAME gpu_b${batch}_stops COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/engine_stops.sh
                                            $<TARGET_FILE:temu> "--engine=gpu --batch=${batch}")
endforeach()
# Kernels from source and from SPIR-V (the latter skips where the device takes no IL).
add_test(NAME gpu_kernel_paths COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/kernel_paths.sh
                                       $<TARGET_FILE:temu> ${TEMU_PROGRAMS_DIR}/dep_flags.elf
         WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
set_tests_properties(gpu_bad_input gpu_b1_stops gpu_b64_stops gpu_kernel_paths PROPERTIES
                     TIMEOUT 300 LABELS gpu SKIP_RETURN_CODE 77)
