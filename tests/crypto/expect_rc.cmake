# SPDX-License-Identifier: MIT
# Runs CMD ARG and checks its exit status is WANT_RC and its output (stdout + stderr) contains
# WANT_OUT. Used for the tonic-crypto-vectors tests whose point is a non-zero exit status.
execute_process(COMMAND ${CMD} ${ARG} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL WANT_RC)
  message(FATAL_ERROR "exit status ${rc}, expected ${WANT_RC}")
endif()
string(FIND "${out}${err}" "${WANT_OUT}" pos)
if(pos EQUAL -1)
  message(FATAL_ERROR "output does not contain \"${WANT_OUT}\"")
endif()
