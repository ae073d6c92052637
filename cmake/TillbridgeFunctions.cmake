# SPDX-License-Identifier: GPL-3.0-or-later
# Small helpers shared by every target (the Qt Creator add_qtc_test idea, at a tenth of the size).

function(tillbridge_set_warnings target)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 $<$<BOOL:${TILLBRIDGE_WERROR}>:/WX>)
    else()
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic $<$<BOOL:${TILLBRIDGE_WERROR}>:-Werror>)
    endif()
endfunction()

# usage: tillbridge_add_test(tst_money LIBS tillbridge_core [GUI] [TIMEOUT seconds] [ENVIRONMENT VAR=value ...])
function(tillbridge_add_test name)
    cmake_parse_arguments(arg "GUI" "TIMEOUT" "LIBS;ENVIRONMENT;SOURCES" ${ARGN})
    qt_add_executable(${name} ${name}.cpp ${arg_SOURCES})
    target_link_libraries(${name} PRIVATE ${arg_LIBS} tillbridge_testutils Qt6::Test)
    target_compile_definitions(${name} PRIVATE TILLBRIDGE_TEST_DATA="${CMAKE_CURRENT_SOURCE_DIR}/data")
    tillbridge_set_warnings(${name})
    add_test(NAME ${name} COMMAND ${name})
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${arg_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;${arg_ENVIRONMENT}")
endfunction()
