# FindCSV: libcsv (Debian: libcsv-dev), which ships no CMake package file and no pkg-config file.
#
#   find_package(CSV [VERSION] [REQUIRED])
#
# Defines the imported target CSV::CSV (csv.h and libcsv), and CSV_FOUND, CSV_VERSION (from csv.h),
# CSV_INCLUDE_DIR and CSV_LIBRARY (cache entries: set them to use another libcsv).
find_path(CSV_INCLUDE_DIR csv.h)
find_library(CSV_LIBRARY csv)
mark_as_advanced(CSV_INCLUDE_DIR CSV_LIBRARY)

if(CSV_INCLUDE_DIR AND EXISTS "${CSV_INCLUDE_DIR}/csv.h")
  file(STRINGS "${CSV_INCLUDE_DIR}/csv.h" _csv_version_lines REGEX "^#define CSV_(MAJOR|MINOR|RELEASE) +[0-9]+")
  set(CSV_VERSION)
  foreach(_csv_part MAJOR MINOR RELEASE)
    string(REGEX MATCH "#define CSV_${_csv_part} +([0-9]+)" _csv_match "${_csv_version_lines}")
    if(_csv_match)
      list(APPEND CSV_VERSION ${CMAKE_MATCH_1})
    endif()
  endforeach()
  list(JOIN CSV_VERSION "." CSV_VERSION)
  unset(_csv_version_lines)
  unset(_csv_part)
  unset(_csv_match)
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(CSV REQUIRED_VARS CSV_LIBRARY CSV_INCLUDE_DIR VERSION_VAR CSV_VERSION)

if(CSV_FOUND AND NOT TARGET CSV::CSV)
  add_library(CSV::CSV UNKNOWN IMPORTED)
  set_target_properties(CSV::CSV PROPERTIES IMPORTED_LOCATION "${CSV_LIBRARY}"
                                            INTERFACE_INCLUDE_DIRECTORIES "${CSV_INCLUDE_DIR}")
endif()
