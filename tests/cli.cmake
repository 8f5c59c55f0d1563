# Command-line behaviour (needs the guest programs).
if(TEMU_BUILD_PROGRAMS)
  add_test(NAME cli COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli.sh $<TARGET_FILE:temu>
                            ${PROJECT_BINARY_DIR}/programs)
endif()
