# busybox.cmake: Debian's unmodified busybox-static (arm64) against qemu-aarch64, one suite of
# applets per engine (tests/busybox.sh). The binary is fetched by `make build`
# (programs/fetch_busybox.sh) into the release build; other builds point TEMU_BUSYBOX at it.
# Without it, or without qemu, the tests skip and say why.
set(TEMU_BUSYBOX ${CMAKE_BINARY_DIR}/busybox/busybox CACHE FILEPATH "busybox-static (arm64) for tests/busybox.sh")
find_program(TEMU_QEMU_AARCH64 NAMES qemu-aarch64 qemu-aarch64-static)
if(NOT TEMU_QEMU_AARCH64)
  set(TEMU_QEMU_AARCH64 qemu-aarch64) # busybox.sh skips, naming it
endif()
set(busybox_engines cpu)
if(TARGET temu_gpu)
  list(APPEND busybox_engines gpu resident)
endif()
foreach(engine ${busybox_engines})
  set(lines 400)
  set(labels "busybox;qemu")
  if(NOT engine STREQUAL "cpu")
    set(lines 20) # every block is a PoCL round trip
    list(APPEND labels gpu agree)
  endif()
  add_test(NAME busybox_${engine}
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/busybox.sh busybox_${engine} ${TEMU_BUSYBOX}
                   ${TEMU_QEMU_AARCH64} ${lines} -- $<TARGET_FILE:temu> --engine=${engine})
  set_tests_properties(busybox_${engine} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS "${labels}")
endforeach()
