# Bad-input tests: the temu executable run on missing, corrupt, foreign and faulting programs
# (made by the script itself), checking exit status and the one-line error message.
add_test(NAME bad_input COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/bad_input.sh $<TARGET_FILE:temu>)
set_tests_properties(bad_input PROPERTIES TIMEOUT 120)
