# Command-line behaviour (needs the guest programs).
if(TEMU_BUILD_PROGRAMS)
  add_test(NAME cli COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli.sh $<TARGET_FILE:temu>
                            ${PROJECT_BINARY_DIR}/programs)
  set_tests_properties(cli PROPERTIES LABELS cli)
endif()

# --lanes on the CPU engine (tests/lanes.sh; gpu.cmake adds the GPU engines).
if(TEMU_BUILD_PROGRAMS)
  add_test(NAME lanes_cpu COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/lanes.sh $<TARGET_FILE:temu>
                                  ${PROJECT_BINARY_DIR}/programs)
  set_tests_properties(lanes_cpu PROPERTIES ENVIRONMENT ENGINE=cpu TIMEOUT 120 LABELS "lanes;agree")
endif()
