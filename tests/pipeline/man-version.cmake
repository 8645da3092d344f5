# cmake -DMAN=doc/parscore.1 -DVERSION=X.Y.Z -P man-version.cmake: the manual page's .TH line names
# "parscore X.Y.Z", the version of project() in CMakeLists.txt, so the page cannot lag behind a release.
file(STRINGS "${MAN}" th_lines REGEX "^\\.TH ")
list(LENGTH th_lines count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "${MAN}: ${count} .TH lines, expected one")
endif()
string(FIND "${th_lines}" "\"parscore ${VERSION}\"" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${MAN}: the .TH line does not name \"parscore ${VERSION}\" (the project's version):\n"
                      "  ${th_lines}\nchange the version in doc/parscore.1 (and its date)")
endif()
message(STATUS "${MAN}: ${th_lines}")
