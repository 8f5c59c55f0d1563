# host/gpu.cmake: the GPU engine's library temu_gpu (host/gpu_*.c) and its kernels (shaders/*.cl).
# Included from the top-level CMakeLists.txt. Without OpenCL, or without the kernel tool chain
# (clang, llvm-spirv, spirv-val), it defines nothing and says why.
#
# Each kernel is compiled at build time twice over:
#   clang -x cl -cl-std=CL1.2 -target spir64 -> LLVM bitcode -> llvm-spirv -> SPIR-V 1.0
#       -> spirv-val (an invalid module fails the build);
#   gpu_embed.cmake inlines its local #includes (the decoder sources) into one standalone file,
#       which clang then checks with no include path, as the runtime compiler will see it.
# Both are embedded in the library as byte arrays (gpu_blobs.c, generated, never checked in);
# gpu_program.c loads the SPIR-V where the device takes IL and builds the source otherwise.

find_package(OpenCL QUIET)
if(OpenCL_FOUND)
  set(TEMU_OPENCL_LIB OpenCL::OpenCL)
else()
  find_package(PkgConfig QUIET)
  if(PKG_CONFIG_FOUND)
    pkg_check_modules(TEMU_OPENCL QUIET IMPORTED_TARGET OpenCL)
  endif()
  if(TEMU_OPENCL_FOUND)
    set(TEMU_OPENCL_LIB PkgConfig::TEMU_OPENCL)
  else()
    message(STATUS "temu: OpenCL not found (find_package and pkg-config); building without the GPU engine")
    return()
  endif()
endif()

# The translator reads the bitcode of its own LLVM version: prefer the matching pair.
find_program(TEMU_CL_CLANG NAMES clang-14 clang)
find_program(TEMU_LLVM_SPIRV NAMES llvm-spirv-14 llvm-spirv)
find_program(TEMU_SPIRV_VAL NAMES spirv-val)
foreach(tool TEMU_CL_CLANG TEMU_LLVM_SPIRV TEMU_SPIRV_VAL)
  if(NOT ${tool})
    message(STATUS "temu: ${tool} not found (needed to build the OpenCL kernels); "
                   "building without the GPU engine")
    return()
  endif()
endforeach()

set(TEMU_GPU_KERNEL_DIR ${CMAKE_CURRENT_BINARY_DIR}/gpu_kernels)
set(TEMU_GPU_INCLUDES ${CMAKE_CURRENT_SOURCE_DIR}/decode ${CMAKE_CURRENT_SOURCE_DIR}/emu ${CMAKE_CURRENT_SOURCE_DIR}/host)
set(TEMU_GPU_EMBED ${CMAKE_CURRENT_SOURCE_DIR}/host/gpu_embed.cmake)
file(MAKE_DIRECTORY ${TEMU_GPU_KERNEL_DIR})

# -finclude-default-header: the OpenCL built-ins (get_global_id); -Werror keeps kernels warning-free.
# -disable-llvm-optzns: -O2 code generation without LLVM's IR passes, whose output (InstCombine
# narrows switches to i15 and the like) the SPIR-V translator rejects; the driver optimizes anyway.
set(TEMU_CL_FLAGS -x cl -cl-std=CL1.2 -target spir64 -Xclang -finclude-default-header
                  -Wall -Wextra -Werror)
set(TEMU_CL_INC)
foreach(dir ${TEMU_GPU_INCLUDES})
  list(APPEND TEMU_CL_INC -I${dir})
endforeach()
string(REPLACE ";" "|" TEMU_GPU_INCLUDES_ARG "${TEMU_GPU_INCLUDES}")

file(GLOB TEMU_GPU_SHADERS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/shaders/*.cl)
set(TEMU_GPU_KERNEL_FILES)
set(TEMU_GPU_KERNEL_NAMES)
foreach(cl ${TEMU_GPU_SHADERS})
  get_filename_component(name ${cl} NAME_WE)
  set(k ${TEMU_GPU_KERNEL_DIR}/${name})
  add_custom_command(
    OUTPUT ${k}.spv ${k}.src.cl
    COMMAND ${TEMU_CL_CLANG} ${TEMU_CL_FLAGS} -O2 -Xclang -disable-llvm-optzns -emit-llvm -c
            ${TEMU_CL_INC} -MD -MF ${k}.d -MT ${k}.spv -o ${k}.bc ${cl}
    COMMAND ${TEMU_LLVM_SPIRV} --spirv-max-version=1.0 ${k}.bc -o ${k}.spv.tmp
    COMMAND ${TEMU_SPIRV_VAL} --target-env opencl1.2 ${k}.spv.tmp
    COMMAND ${CMAKE_COMMAND} -DGPU_EMBED_MODE=inline -DGPU_IN=${cl} -DGPU_OUT=${k}.src.cl
            -DGPU_INCLUDE_DIRS=${TEMU_GPU_INCLUDES_ARG} -P ${TEMU_GPU_EMBED}
    COMMAND ${TEMU_CL_CLANG} ${TEMU_CL_FLAGS} -fsyntax-only ${k}.src.cl
    COMMAND ${CMAKE_COMMAND} -E rename ${k}.spv.tmp ${k}.spv
    DEPENDS ${cl} ${TEMU_GPU_EMBED}
    DEPFILE ${k}.d
    COMMENT "Building OpenCL kernel ${name}: SPIR-V (validated) and standalone source"
    VERBATIM)
  list(APPEND TEMU_GPU_KERNEL_FILES ${k}.spv ${k}.src.cl)
  list(APPEND TEMU_GPU_KERNEL_NAMES ${name})
endforeach()

string(REPLACE ";" "|" TEMU_GPU_NAMES_ARG "${TEMU_GPU_KERNEL_NAMES}")
add_custom_command(
  OUTPUT ${TEMU_GPU_KERNEL_DIR}/gpu_blobs.c ${TEMU_GPU_KERNEL_DIR}/gpu_blobs.h
  COMMAND ${CMAKE_COMMAND} -DGPU_EMBED_MODE=embed -DGPU_NAMES=${TEMU_GPU_NAMES_ARG}
          -DGPU_DIR=${TEMU_GPU_KERNEL_DIR} -DGPU_OUT_C=${TEMU_GPU_KERNEL_DIR}/gpu_blobs.c
          -DGPU_OUT_H=${TEMU_GPU_KERNEL_DIR}/gpu_blobs.h -P ${TEMU_GPU_EMBED}
  DEPENDS ${TEMU_GPU_KERNEL_FILES} ${TEMU_GPU_EMBED}
  COMMENT "Embedding OpenCL kernels: ${TEMU_GPU_KERNEL_NAMES}"
  VERBATIM)

file(GLOB TEMU_GPU_SRC CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/host/gpu_*.c)
add_library(temu_gpu STATIC ${TEMU_GPU_SRC} ${TEMU_GPU_KERNEL_DIR}/gpu_blobs.c)
target_include_directories(temu_gpu PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/host ${TEMU_GPU_KERNEL_DIR})
target_compile_definitions(temu_gpu PUBLIC CL_TARGET_OPENCL_VERSION=300)
target_link_libraries(temu_gpu PUBLIC ${TEMU_OPENCL_LIB} temu_decode temu_emu PRIVATE temu_flags)
