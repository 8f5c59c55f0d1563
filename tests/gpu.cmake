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
    sort strings atomics fpmath loops_clang fploops)
# A manifest line's program name, and the arguments the GPU tests give it (small where it can).
macro(temu_gpu_program_args line name_var words_var)
  separate_arguments(${words_var} UNIX_COMMAND "${line}")
  list(POP_FRONT ${words_var} ${name_var})
  if(${name_var} IN_LIST TEMU_GPU_SMALL_PROGRAMS)
    set(${words_var} small)
  endif()
endmacro()
# How much of the program matrix `make check` runs (the rest is labelled full, see tiers.cmake):
# every program on every engine, in one format or two, and under the sanitizers only a few
# programs (the GPU engines' host code is the same for all; TEMU_GPU_ASAN_PROGRAMS).
#  - batch engine: each program in both formats, at one batch size each (the i-th program's ELF at
#    TEMU_GPU_BATCHES[(i+1)%4], its .bin at the next one), so every batch size sees both formats;
#    TEMU_GPU_SWEEP_PROGRAMS (dependency-heavy) at every batch size in both formats;
#    TEMU_GPU_LONG_PROGRAMS (~100 s at batch 1 on PoCL) at 64 and 4096 only.
#  - resident engine: each program in one format, ELF and .bin in turn.
#  - lanes and --loopvec on the GPU engines (here and in loopvec.cmake): each program in one
#    format on the batch engine and the other on the resident engine.
set(TEMU_GPU_BATCHES 1 3 64 4096)
set(TEMU_GPU_SWEEP_PROGRAMS dep_flags dep_ldst)
set(TEMU_GPU_LONG_PROGRAMS loops loops_clang)
set(TEMU_GPU_ASAN_PROGRAMS hello args_file sort loops loop_fault)
# temu_gpu_tier(TEST NAME KEPT): TEST of program NAME is in make check when KEPT is true, then in
# the sanitizer run only for TEMU_GPU_ASAN_PROGRAMS; otherwise it is full.
function(temu_gpu_tier test name kept)
  if(NOT kept)
    temu_tier(full ${test})
  elseif(NOT name IN_LIST TEMU_GPU_ASAN_PROGRAMS)
    temu_tier(full_asan ${test})
  endif()
endfunction()
# temu_gpu_pairing(VAR ENGINE FORMAT ODD): VAR is true when make check runs ENGINE (gpu or
# resident) on FORMAT of a program of even (ODD 0) or odd index: ELF on gpu and .bin on resident,
# then the other way round.
function(temu_gpu_pairing var engine format odd)
  set(kept OFF)
  if((engine STREQUAL "gpu" AND format STREQUAL "elf") OR (engine STREQUAL "resident" AND format STREQUAL "bin"))
    set(kept ON)
  endif()
  if(odd)
    if(kept)
      set(kept OFF)
    else()
      set(kept ON)
    endif()
  endif()
  set(${var} ${kept} PARENT_SCOPE)
endfunction()
set(TEMU_AGREE bash ${CMAKE_CURRENT_SOURCE_DIR}/engines_agree.sh $<TARGET_FILE:temu>)
set(index 0)
foreach(line ${TEMU_PROGRAM_MANIFEST})
  temu_gpu_program_args("${line}" name words)
  math(EXPR elf_batch_i "(${index} + 1) % 4")
  math(EXPR bin_batch_i "(${index} + 2) % 4")
  math(EXPR odd "${index} % 2")
  list(GET TEMU_GPU_BATCHES ${elf_batch_i} check_batch_elf)
  list(GET TEMU_GPU_BATCHES ${bin_batch_i} check_batch_bin)
  if(name IN_LIST TEMU_GPU_LONG_PROGRAMS)
    set(check_batch_elf 64)
    set(check_batch_bin 4096)
  endif()
  if(odd)
    set(resident_format bin)
  else()
    set(resident_format elf)
  endif()
  foreach(format elf bin)
    foreach(batch ${TEMU_GPU_BATCHES})
      set(test gpu_b${batch}_${name}_${format})
      add_test(NAME ${test}
               COMMAND ${TEMU_AGREE} "--engine=gpu --batch=${batch}"
                       ${TEMU_PROGRAMS_DIR}/${name}.${format} ${words}
               WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
      set_tests_properties(${test} PROPERTIES TIMEOUT 300 LABELS "gpu;programs;agree")
      # On a CPU device temu runs one work-item per group; these sizes make PoCL run the
      # parallel level code with several items (3: fewer than a level may hold; 256: striding).
      if(batch EQUAL 3)
        set_tests_properties(${test} PROPERTIES ENVIRONMENT TEMU_GPU_LOCAL=3)
      elseif(batch EQUAL 4096)
        set_tests_properties(${test} PROPERTIES ENVIRONMENT TEMU_GPU_LOCAL=256)
      endif()
      set(kept OFF)
      if(batch EQUAL check_batch_${format} OR name IN_LIST TEMU_GPU_SWEEP_PROGRAMS)
        set(kept ON)
      endif()
      temu_gpu_tier(${test} ${name} ${kept})
    endforeach()
    # The resident engine: branches followed on the device; a small budget forces relaunches.
    set(test resident_${name}_${format})
    add_test(NAME ${test}
             COMMAND ${TEMU_AGREE} "--engine=resident --batch=64 --budget=5000"
                     ${TEMU_PROGRAMS_DIR}/${name}.${format} ${words}
             WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
    set_tests_properties(${test} PROPERTIES TIMEOUT 300 LABELS "gpu;resident;programs;agree")
    if(format STREQUAL "bin")
      set_tests_properties(${test} PROPERTIES ENVIRONMENT TEMU_GPU_LOCAL=16)
    endif()
    string(COMPARE EQUAL "${format}" "${resident_format}" kept)
    temu_gpu_tier(${test} ${name} ${kept})
  endforeach()
  math(EXPR index "${index} + 1")
endforeach()

# Lanes: every program as 3 lanes through each GPU engine's lane executor (execute_lanes: one
# work-item per lane, blocks in program order), each lane matching a lone CPU run: stdout, stderr,
# final registers, instructions, status (lanes_agree.sh). The CPU engine's lanes are in
# programs.cmake. Flat binaries get groups of 3 lanes, so groups also run partly empty.
# make check: the i-th program's ELF on gpu and .bin on resident when i is even, the other way
# round when i is odd.
set(index 0)
foreach(line ${TEMU_PROGRAM_MANIFEST})
  temu_gpu_program_args("${line}" name words)
  math(EXPR odd "${index} % 2")
  foreach(format elf bin)
    foreach(engine gpu resident)
      set(test lanes_${engine}_${name}_${format})
      add_test(NAME ${test}
               COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/lanes_agree.sh $<TARGET_FILE:temu>
                       "--engine=${engine} --budget=5000" ${TEMU_PROGRAMS_DIR}/${name}.${format} ${words}
               WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
      set_tests_properties(${test} PROPERTIES TIMEOUT 300 LABELS "gpu;lanes;programs;agree")
      if(format STREQUAL "bin")
        set_tests_properties(${test} PROPERTIES ENVIRONMENT TEMU_GPU_LOCAL=2)
      endif()
      temu_gpu_pairing(kept ${engine} ${format} ${odd})
      temu_gpu_tier(${test} ${name} ${kept})
    endforeach()
  endforeach()
  math(EXPR index "${index} + 1")
endforeach()

# An instruction limit stops every engine at the same instruction, with the same registers.
foreach(engine "gpu --batch=64" "gpu --batch=3" "resident --budget=777")
  string(REGEX REPLACE "[^a-z0-9]+" "_" tag "${engine}")
  add_test(NAME limit_${tag} COMMAND ${TEMU_AGREE} "--engine=${engine}" ${TEMU_PROGRAMS_DIR}/sort.elf small
           WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
  set_tests_properties(limit_${tag} PROPERTIES ENVIRONMENT AGREE_COMMON=--max-insns=12345
                       TIMEOUT 300 LABELS "gpu;agree")
endforeach()

# Bad programs fail on the GPU engines exactly as on the CPU engine (exit status, one error line).
# Only the programs that fail when run: the loader's errors come before any engine (bad_input).
add_test(NAME gpu_bad_input COMMAND ${TEMU_BAD_INPUT} run $<TARGET_FILE:temu> ${TEMU_BAD_INPUTS}
                                    --engine=gpu --batch=64)
add_test(NAME resident_bad_input COMMAND ${TEMU_BAD_INPUT} run $<TARGET_FILE:temu> ${TEMU_BAD_INPUTS}
                                         --engine=resident)
# The error line of an access running past the end of the guest window, alone and as lanes.
foreach(engine gpu resident)
  add_test(NAME ${engine}_window_end_fault COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/window_end_fault.sh
                                                   $<TARGET_FILE:temu> --engine=${engine})
  set_tests_properties(${engine}_window_end_fault PROPERTIES TIMEOUT 300 LABELS "gpu;lanes;cli"
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
                       TIMEOUT 300 LABELS "gpu;lanes;agree")
endforeach()
# Lane windows too large for the device: one clean error, also under ASan (no huge host allocation).
foreach(engine gpu resident)
  add_test(NAME lanes_${engine}_lane_mem_too_big COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/lane_mem_too_big.sh
                                                         $<TARGET_FILE:temu> ${TEMU_PROGRAMS_DIR}/hello.elf ${engine})
  set_tests_properties(lanes_${engine}_lane_mem_too_big PROPERTIES TIMEOUT 120 LABELS "gpu;lanes;cli"
                       SKIP_RETURN_CODE 77)
endforeach()
# Kernels from source and from SPIR-V (the latter skips where the device takes no IL).
add_test(NAME gpu_kernel_paths COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/kernel_paths.sh
                                       $<TARGET_FILE:temu> ${TEMU_PROGRAMS_DIR}/dep_flags.elf
         WORKING_DIRECTORY ${TEMU_PROGRAMS_SRC})
set_tests_properties(gpu_b1_stops gpu_b64_stops gpu_kernel_paths resident_stops
                     PROPERTIES TIMEOUT 300 LABELS "gpu;agree" SKIP_RETURN_CODE 77)
set_tests_properties(gpu_bad_input resident_bad_input PROPERTIES TIMEOUT 300 LABELS "gpu;cli")

# --lanes on the GPU engines: the same checks as lanes_cpu (tests/lanes.sh).
foreach(engine gpu resident)
  add_test(NAME lanes_${engine} COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/lanes.sh $<TARGET_FILE:temu>
                                        ${TEMU_PROGRAMS_DIR})
  set_tests_properties(lanes_${engine} PROPERTIES ENVIRONMENT ENGINE=${engine} TIMEOUT 300
                       LABELS "lanes;gpu;agree" SKIP_RETURN_CODE 77)
endforeach()
# Both GPU engines' lanes share their host code (temu_lanes_gpu.c, gpu_lanes.c, a mode flag apart):
# under the sanitizers make check runs lanes.sh on the batch engine only (about 80 s there).
temu_tier(full_asan lanes_resident)
