# Bad-input tests: the temu executable run on missing, corrupt, foreign and faulting programs
# (made by the script itself), checking exit status and the one-line error message.
add_test(NAME bad_input COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/bad_input.sh $<TARGET_FILE:temu>)
set_tests_properties(bad_input PROPERTIES TIMEOUT 120)
# An access that runs past the end of the guest window: exit 139 and an error line that says so,
# alone and as lanes (gpu.cmake runs it on the GPU engines).
add_test(NAME window_end_fault COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/window_end_fault.sh $<TARGET_FILE:temu>)
set_tests_properties(window_end_fault PROPERTIES TIMEOUT 120)
