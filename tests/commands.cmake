# The subcommands sweep and compare (need the guest programs; use the CPU engine only).
if(TEMU_BUILD_PROGRAMS)
  add_test(NAME commands COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/commands.sh $<TARGET_FILE:temu>
                                 ${PROJECT_BINARY_DIR}/programs)
  set_tests_properties(commands PROPERTIES LABELS cli)
endif()
