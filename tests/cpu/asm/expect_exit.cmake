# SPDX-License-Identifier: MIT
# expect_exit.cmake — runs one program for a negative runner test (tests/cpu/asm/CMakeLists.txt)
# and checks both its exit code and its message, which ctest alone cannot do in one test:
#   cmake -DPROG=<program> -DARGS=<a|b|c> -DRC=<code or "nonzero"> -DREGEX=<regex> -P expect_exit.cmake
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND ${PROG} ${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(RC STREQUAL "nonzero")
  if(rc EQUAL 0)
    message(FATAL_ERROR "expected a non-zero exit code, got 0")
  endif()
elseif(NOT rc STREQUAL RC)
  message(FATAL_ERROR "expected exit code ${RC}, got '${rc}'")
endif()
if(NOT "${out}${err}" MATCHES "${REGEX}")
  message(FATAL_ERROR "output does not match '${REGEX}'")
endif()
