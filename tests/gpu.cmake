# tests/gpu.cmake: wiring of the GPU tests, included at the end of tests/CMakeLists.txt (after the
# test_*.c executables exist). test_gpu_decode links temu_gpu when the build has it; without
# OpenCL it is built without TEMU_HAVE_GPU and skips.
if(TARGET test_gpu_decode AND TARGET temu_gpu)
  target_link_libraries(test_gpu_decode PRIVATE temu_gpu)
  target_compile_definitions(test_gpu_decode PRIVATE TEMU_HAVE_GPU=1)
  # Two device builds (source, SPIR-V) and 1.3 M decodes on PoCL: give it room on slow runners.
  set_tests_properties(test_gpu_decode PROPERTIES TIMEOUT 120)
endif()
