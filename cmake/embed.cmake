# Turns a data file into C: a byte array, its length and its name (cmake -P, INPUT OUTPUT SYMBOL NAME).
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR byte_count "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){16})" "\\1\n    " bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
"/* Generated from ${NAME} by cmake/embed.cmake: edit the data file, not this one. */\n"
"#include <stddef.h>\n\n"
"extern const char ${SYMBOL}[];\n"
"extern const size_t ${SYMBOL}_len;\n"
"extern const char ps_builtin_plan_name[];\n\n"
"const char ${SYMBOL}[] = {\n    ${bytes}'\\0'};\n"
"const size_t ${SYMBOL}_len = ${byte_count};\n"
"const char ps_builtin_plan_name[] = \"${NAME}\";\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
