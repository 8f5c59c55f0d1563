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
    sort strings atomics)
# A manifest line's program name, and the arguments the GPU tests give it (small where it can).
macro(temu_gpu_program_args line name_var words_var)
  separate_arguments(${words_var} UNIX_COMMAND "${line}")
  list(POP_FRONT ${words_var} ${name_var})
  if(${name_var} IN_LIST TEMU_GPU_SMALL_PROGRAMS)
    set(${words_var} small)
  endif()
endmacro()
set(TEMU_AGREE bash ${CMAKE_CURRENT_SOURCE_DIR}/engines_agree.sh $<TARGET_FILE:temu>)
foreach(line ${TEMU_PROGRAM_MANIFEST})
  temu_gpu_program_args("${line}" name words)
  foreach(format elf bin)
    foreach(batch 1 3 64 4096)
      set(test gpu_b${batch}_${name}_${format})
      add_test(NAME ${test}
               COMMAND ${TEMU_AGREE} "--engine=gpu --batch=${batch}"
                       ${TEMU_PROGRAMS_DIR}/${name}.${format} ${words}
               WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
      set_tests_properties(${test} PROPERTIES TIMEOUT 300 LABELS "gpu;programs")
      # On a CPU device temu runs one work-item per group; these sizes make PoCL run the
      # parallel level code with several items (3: fewer than a level may hold; 256: striding).
      if(batch EQUAL 3)
        set_tests_properties(${test} PROPERTIES ENVIRONMENT TEMU_GPU_LOCAL=3)
      elseif(batch EQUAL 4096)
        set_tests_properties(${test} PROPERTIES ENVIRONMENT TEMU_GPU_LOCAL=256)
      endif()
    endforeach()
    # The resident engine: branches followed on the device; a small budget forces relaunches.
    set(test resident_${name}_${format})
    add_test(NAME ${test}
             COMMAND ${TEMU_AGREE} "--engine=resident --batch=64 --budget=5000"
                     ${TEMU_PROGRAMS_DIR}/${name}.${format} ${words}
             WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
    set_tests_properties(${test} PROPERTIES TIMEOUT 300 LABELS "gpu;resident;programs")
    if(format STREQUAL "bin")
      set_tests_properties(${test} PROPERTIES ENVIRONMENT TEMU_GPU_LOCAL=16)
    endif()
  endforeach()
endforeach()

# Lanes: every program as 3 lanes through each GPU engine's lane executor (execute_lanes: one
# work-item per lane, blocks in program order), each lane matching a lone CPU run: stdout, stderr,
# final registers, instructions, status (lanes_agree.sh). The CPU engine's lanes are in
# programs.cmake. Flat binaries get groups of 3 lanes, so groups also run partly empty.
foreach(line ${TEMU_PROGRAM_MANIFEST})
  temu_gpu_program_args("${line}" name words)
  foreach(format elf bin)
    foreach(engine gpu resident)
      set(test lanes_${engine}_${name}_${format})
      add_test(NAME ${test}
               COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/lanes_agree.sh $<TARGET_FILE:temu>
                       "--engine=${engine} --budget=5000" ${TEMU_PROGRAMS_DIR}/${name}.${format} ${words}
               WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
      set_tests_properties(${test} PROPERTIES TIMEOUT 300 LABELS "gpu;lanes;programs")
      if(format STREQUAL "bin")
        set_tests_properties(${test} PROPERTIES ENVIRONMENT TEMU_GPU_LOCAL=2)
      endif()
    endforeach()
  endforeach()
endforeach()

# An instruction limit stops every engine at the same instruction, with the same registers.
foreach(engine "gpu --batch=64" "gpu --batch=3" "resident --budget=777")
  string(REGEX REPLACE "[^a-z0-9]+" "_" tag "${engine}")
  add_test(NAME limit_${tag} COMMAND ${TEMU_AGREE} "--engine=${engine}" ${TEMU_PROGRAMS_DIR}/sort.elf small
           WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
  set_tests_properties(limit_${tag} PROPERTIES ENVIRONMENT AGREE_COMMON=--max-insns=12345
                       TIMEOUT 300 LABELS gpu)
endforeach()

# Bad programs fail on the GPU engines exactly as on the CPU engine (exit status, one error line).
add_test(NAME gpu_bad_input COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/bad_input.sh $<TARGET_FILE:temu>
                                    --engine=gpu --batch=64)
add_test(NAME resident_bad_input COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/bad_input.sh
                                         $<TARGET_FILE:temu> --engine=resident)
# The error line of an access running past the end of the guest window, alone and as lanes.
foreach(engine gpu resident)
  add_test(NAME ${engine}_window_end_fault COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/window_end_fault.sh
                                                   $<TARGET_FILE:temu> --engine=${engine})
  set_tests_properties(${engine}_window_end_fault PROPERTIES TIMEOUT 300 LABELS "gpu;lanes"
                       SKIP_RETURN_CODE 77)
endforeach()
# Precise stops (faults, undefined instructions) and self-modifying code inside one block.
foreach(batch 1 64)
  add_test(NAME gpu_b${batch}_stops COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/engine_stops.sh
                                            $<TARGET_FILE:temu> "--engine=gpu --batch=${batch}")
endforeach()
set_tests_properties(gpu_b64_stops PROPERTIES ENVIRONMENT TEMU_GPU_LOCAL=8)
add_test(NAME resident_stops COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/engine_stops.sh
                                     $<TARGET_FILE:temu> "--engine=resident --batch=64")
# The same stops in lanes (lanes_agree.sh: each of 3 lanes against a lone CPU run).
foreach(engine gpu resident)
  add_test(NAME lanes_${engine}_stops COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/engine_stops.sh
                                              $<TARGET_FILE:temu> "--engine=${engine}")
  set_tests_properties(lanes_${engine}_stops PROPERTIES ENVIRONMENT AGREE_SCRIPT=lanes_agree.sh
                       TIMEOUT 300 LABELS "gpu;lanes")
endforeach()
# Lane windows too large for the device: one clean error, also under ASan (no huge host allocation).
foreach(engine gpu resident)
  add_test(NAME lanes_${engine}_lane_mem_too_big COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/lane_mem_too_big.sh
                                                         $<TARGET_FILE:temu> ${TEMU_PROGRAMS_DIR}/hello.elf ${engine})
  set_tests_properties(lanes_${engine}_lane_mem_too_big PROPERTIES TIMEOUT 120 LABELS "gpu;lanes"
                       SKIP_RETURN_CODE 77)
endforeach()
# Kernels from source and from SPIR-V (the latter skips where the device takes no IL).
add_test(NAME gpu_kernel_paths COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/kernel_paths.sh
                                       $<TARGET_FILE:temu> ${TEMU_PROGRAMS_DIR}/dep_flags.elf
         WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
set_tests_properties(gpu_bad_input gpu_b1_stops gpu_b64_stops gpu_kernel_paths resident_bad_input
                     resident_stops PROPERTIES TIMEOUT 300 LABELS gpu SKIP_RETURN_CODE 77)

# --lanes on the GPU engines: the same checks as lanes_cpu (tests/lanes.sh).
foreach(engine gpu resident)
  add_test(NAME lanes_${engine} COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/lanes.sh $<TARGET_FILE:temu>
                                        ${TEMU_PROGRAMS_DIR})
  set_tests_properties(lanes_${engine} PROPERTIES ENVIRONMENT ENGINE=${engine} TIMEOUT 300
                       LABELS "lanes;gpu" SKIP_RETURN_CODE 77)
endforeach()
