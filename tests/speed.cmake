# Deterministic speed guard: host instructions per guest instruction under callgrind.
# Not under sanitizers (valgrind and ASan do not mix, and the counts would mean nothing).
find_program(VALGRIND_EXECUTABLE valgrind)
find_package(Python3 COMPONENTS Interpreter)
if(VALGRIND_EXECUTABLE AND Python3_FOUND AND NOT TEMU_SANITIZE AND TEMU_BUILD_PROGRAMS)
  add_test(NAME callgrind_guard
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/bench/callgrind_guard.py
                   $<TARGET_FILE:temu> ${PROJECT_BINARY_DIR}/programs)
  set_tests_properties(callgrind_guard PROPERTIES LABELS "speed;regression")
endif()
