# cmake -DINPUT=<text file> -DOUTPUT=<.cpp> -DSYMBOL=<C++ name> -P embed_lines.cmake
#
# Turns a text file into a C++ array of its lines, so data ships inside a static library with no
# resource-system initialisation (qt_add_resources in a static library needs Q_INIT_RESOURCE from
# every executable, which is easy to forget and fails only at run time).
file(READ "${INPUT}" content)
string(REPLACE "\r" "" content "${content}")
string(REGEX REPLACE "\n$" "" content "${content}")
string(REPLACE "\\" "\\\\" content "${content}")
string(REPLACE "\"" "\\\"" content "${content}")
string(REPLACE "\n" "\",\n    \"" content "${content}")
file(WRITE "${OUTPUT}.tmp"
    "// Generated from ${INPUT} by embed_lines.cmake. Do not edit.\n"
    "#include <cstddef>\n\n"
    "extern const char* const ${SYMBOL}[];\n"
    "extern const std::size_t ${SYMBOL}Count;\n\n"
    "const char* const ${SYMBOL}[] = {\n    \"${content}\"};\n"
    "const std::size_t ${SYMBOL}Count = sizeof(${SYMBOL}) / sizeof(${SYMBOL}[0]);\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
