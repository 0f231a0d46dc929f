# SPDX-License-Identifier: MIT
# Helpers shared by every CMakeLists: strict C flags, Verilator testbenches, RTL checks.

set(TONIC_C_WARNINGS -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes)
set(TONIC_CXX_WARNINGS -Wall -Wextra -Werror)
set(TONIC_RTL_INC ${CMAKE_SOURCE_DIR}/rtl/include ${CMAKE_BINARY_DIR}/gen)
set(TONIC_LINT_WAIVERS ${CMAKE_SOURCE_DIR}/rtl/lint_waivers.vlt)

# tonic_verilated(<target> TOP <module> SOURCES <v files...> [CPP <c++ files...>] [ARGS <verilator args>])
# Builds a Verilator model of <module> with the given C++ harness into build/bin/<target>.
function(tonic_verilated target)
  cmake_parse_arguments(V "" "TOP" "SOURCES;CPP;ARGS;LIBS" ${ARGN})
  add_executable(${target} ${V_CPP})
  # strict warnings on our harness only, not on Verilator's generated code
  set_source_files_properties(${V_CPP} PROPERTIES COMPILE_OPTIONS "${TONIC_CXX_WARNINGS}")
  target_include_directories(${target} PRIVATE ${CMAKE_SOURCE_DIR}/host/include ${CMAKE_BINARY_DIR}/gen
                             ${CMAKE_SOURCE_DIR}/tests/common)
  set(incargs)
  foreach(d ${TONIC_RTL_INC})
    list(APPEND incargs -I${d})
  endforeach()
  verilate(${target} SOURCES ${V_SOURCES} ${TONIC_LINT_WAIVERS} TOP_MODULE ${V_TOP} PREFIX V${V_TOP}
           VERILATOR_ARGS ${incargs} -Wall -O3 --x-assign fast --x-initial unique ${V_ARGS})
  # Verilator's headers and the generated model are not ours: include them as system headers so
  # our strict warnings do not apply to them.
  target_include_directories(${target} SYSTEM PRIVATE ${VERILATOR_ROOT}/include ${VERILATOR_ROOT}/include/vltstd
                             ${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/${target}.dir/V${V_TOP}.dir)
  if(V_LIBS)
    target_link_libraries(${target} PRIVATE ${V_LIBS})
  endif()
  add_dependencies(${target} tonic_regs)
endfunction()
