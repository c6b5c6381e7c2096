# Builds one manual page from a program's own --help, so the page always says what the program accepts.
#   cmake -DPROGRAM=path -DNAME=tokenbench-cli -DSUMMARY="..." -DINCLUDE=static.h2m
#         -DEPOCH=seconds -DOUTPUT=tokenbench-cli.1.gz -P GenerateManPage.cmake
# help2man writes the page from `PROGRAM --help` and `PROGRAM --version`; INCLUDE adds the hand-written
# sections (environment, files, examples). Each command listed under "Commands:" in the help gets a subsection
# under COMMANDS with its own `PROGRAM COMMAND --help`.
cmake_minimum_required(VERSION 3.25)

foreach(var PROGRAM NAME SUMMARY INCLUDE EPOCH OUTPUT)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "GenerateManPage.cmake: ${var} is not set")
    endif()
endforeach()

find_program(HELP2MAN help2man REQUIRED)
find_program(GZIP gzip REQUIRED)

# The GUI builds a QApplication before it parses its options; the offscreen platform needs no display.
set(ENV{QT_QPA_PLATFORM} offscreen)
set(ENV{ASAN_OPTIONS} detect_leaks=0)
get_filename_component(out_dir "${OUTPUT}" DIRECTORY)
if(NOT DEFINED ENV{XDG_RUNTIME_DIR})
    # Qt warns on stderr without one, and help2man would put the warning in the page.
    file(MAKE_DIRECTORY "${out_dir}/runtime")
    file(CHMOD "${out_dir}/runtime" DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
    set(ENV{XDG_RUNTIME_DIR} "${out_dir}/runtime")
endif()
# Reproducible pages: the date is the release date, not the build date.
set(ENV{SOURCE_DATE_EPOCH} "${EPOCH}")

# Lines of program output as roff that prints them verbatim.
function(tb_roff_verbatim text out)
    string(REPLACE "\\" "\\e" text "${text}")
    string(REPLACE "-" "\\-" text "${text}")
    # A line starting with . or ' would be read as a roff request.
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

# Run the program by its name through PATH: QCommandLineParser prints argv[0] in the usage line, and the page
# must say "tokenbench-server", not the build tree's path.
get_filename_component(program_dir "${PROGRAM}" DIRECTORY)
set(ENV{PATH} "${program_dir}:$ENV{PATH}")
set(PROGRAM "${NAME}")

execute_process(COMMAND "${PROGRAM}" --help OUTPUT_VARIABLE top_help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} --help failed (${rc})")
endif()

set(include_file "${out_dir}/${NAME}.h2m")

# The description (between the usage line and "Options:") replaces help2man's own reading of it, which reflows
# indented blocks such as a list of admin commands: plain paragraphs stay text, indented ones stay verbatim.
string(FIND "${top_help}" "\n" usage_end)
math(EXPR usage_end "${usage_end} + 1")
string(SUBSTRING "${top_help}" ${usage_end} -1 description)
# It ends at the first section heading ("Options:", "Commands:", "Exit codes:"), which help2man reads itself.
string(REGEX REPLACE "\n[A-Z][A-Za-z ]*:\n.*$" "" description "\n${description}")
string(STRIP "${description}" description)
string(REPLACE ";" "\\;" description "${description}")
string(REGEX REPLACE "\n[ \t]*\n" ";" paragraphs "${description}")
# NAME from the file name, not from --version (the GUI calls itself "Tokenbench" there).
set(include_text "[=NAME]\n${NAME} \\- ${SUMMARY}\n[=DESCRIPTION]\n")
foreach(paragraph IN LISTS paragraphs)
    tb_roff_verbatim("${paragraph}" roff)
    if(paragraph MATCHES "\n[ \t]")
        string(APPEND include_text ".PP\n.nf\n${roff}\n.fi\n")
    else()
        string(APPEND include_text ".PP\n${roff}\n")
    endif()
endforeach()
file(READ "${INCLUDE}" static_text)
string(REPLACE "[>DESCRIPTION]\n" "" static_text "${static_text}")
string(APPEND include_text "${static_text}")

set(listed "")
if(top_help MATCHES "\nCommands:\n(([ ]+[^\n]*\n)+)")
    string(REGEX MATCHALL "\n[ ]+[a-z][a-z0-9-]*" listed "\n${CMAKE_MATCH_1}")
    list(TRANSFORM listed STRIP)
endif()
set(commands "")
foreach(sub IN LISTS listed)
    execute_process(COMMAND "${PROGRAM}" ${sub} --help OUTPUT_VARIABLE sub_help ERROR_QUIET RESULT_VARIABLE rc)
    if(rc EQUAL 0 AND NOT sub_help STREQUAL top_help)
        # The exit codes shared with the top-level help are in the page once.
        string(FIND "${top_help}" "\nExit codes:\n" exit_at)
        if(exit_at GREATER_EQUAL 0)
            string(SUBSTRING "${top_help}" ${exit_at} -1 exit_codes)
            string(REPLACE "${exit_codes}" "\n" sub_help "${sub_help}")
        endif()
        tb_roff_verbatim("${sub_help}" sub_roff)
        string(APPEND commands ".SS \"${NAME} ${sub}\"\n.nf\n${sub_roff}.fi\n")
    endif()
endforeach()
if(commands)
    # help2man places [COMMANDS] after OPTIONS; the static include may add its own text under COMMANDS first.
    string(APPEND include_text "\n[COMMANDS]\n${commands}")
endif()
file(WRITE "${include_file}" "${include_text}")

set(page "${out_dir}/${NAME}.1")
execute_process(COMMAND "${HELP2MAN}" --no-info --no-discard-stderr --include "${include_file}"
                        --output "${page}" "${PROGRAM}"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "help2man failed for ${PROGRAM} (${rc})")
endif()
execute_process(COMMAND "${GZIP}" -9 -n -f "${page}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip failed for ${page}")
endif()
if(NOT "${page}.gz" STREQUAL "${OUTPUT}")
    file(RENAME "${page}.gz" "${OUTPUT}")
endif()
