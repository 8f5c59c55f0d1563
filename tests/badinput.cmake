# Bad-input tests: the temu executable run on missing, corrupt, foreign and faulting programs,
# checking exit status and the one-line error message (tests/bad_input.sh). The bad files are
# written once at build time by bad_input_fixtures.py into the build tree. bad_input runs every
# case on the CPU engine; gpu.cmake runs the cases where the engine matters (the programs that
# fail when run) on the GPU engines.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(TEMU_BAD_INPUTS ${CMAKE_CURRENT_BINARY_DIR}/bad_inputs)
add_custom_command(OUTPUT ${TEMU_BAD_INPUTS}/udf.bin
                   COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/bad_input_fixtures.py
                           ${TEMU_BAD_INPUTS}
                   DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/bad_input_fixtures.py
                   COMMENT "Writing the bad-input fixtures")
add_custom_target(temu_bad_inputs ALL DEPENDS ${TEMU_BAD_INPUTS}/udf.bin)
set(TEMU_BAD_INPUT bash ${CMAKE_CURRENT_SOURCE_DIR}/bad_input.sh)
# --engine=cpu: the default engine is the GPU where there is one, and probing for it loads the
# OpenCL platform (0.3 s a run, 1 s under ASan); gpu.cmake runs the GPU engines.
add_test(NAME bad_input COMMAND ${TEMU_BAD_INPUT} all $<TARGET_FILE:temu> ${TEMU_BAD_INPUTS} --engine=cpu)
set_tests_properties(bad_input PROPERTIES TIMEOUT 120 LABELS cli)
# An access that runs past the end of the guest window: exit 139 and an error line that says so,
# alone and as lanes (gpu.cmake runs it on the GPU engines).
add_test(NAME window_end_fault COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/window_end_fault.sh $<TARGET_FILE:temu>
                                       --engine=cpu)
set_tests_properties(window_end_fault PROPERTIES TIMEOUT 120 LABELS "cli;lanes")
