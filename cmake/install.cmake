# Installation (`cmake --install BUILD [--prefix DIR]`) and the Debian package (`cpack -G DEB`),
# included at the end of the top-level CMakeLists.txt. Only the command and its data are installed:
# the core library is static and linked in, and no test or fuzz program has an install rule.
#
#   bin/parscore                                      the command
#   share/man/man1/parscore.1                         the manual page
#   share/bash-completion/completions/parscore        bash completion (loaded on demand)
#   share/parscore/sin-ho-2023.csv                    the plan (also built in), a model for --plan
#   share/parscore/parscore-report.schema.json        the JSON Schema of --format json
#   share/doc/parscore/README.md                      the documentation
#   share/doc/parscore/examples/*.csv, *.xlsx         the illustrative scores, peers and communes
include(GNUInstallDirs)

set(PARSCORE_ROOT ${PROJECT_SOURCE_DIR})

install(TARGETS parscore RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PARSCORE_ROOT}/doc/parscore.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PARSCORE_ROOT}/doc/parscore.bash-completion
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME parscore)
install(FILES ${PARSCORE_ROOT}/data/sin-ho-2023.csv ${PARSCORE_ROOT}/doc/parscore-report.schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/parscore)
install(FILES ${PARSCORE_ROOT}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PARSCORE_ROOT}/examples/
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples
        FILES_MATCHING PATTERN "*.csv" PATTERN "*.xlsx")

# The Debian package: only for parscore's own build, not when another project includes it.
if(NOT PARSCORE_TOP_LEVEL)
  return()
endif()

set(CPACK_PACKAGE_NAME parscore)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Phòng Nội vụ huyện Sìn Hồ")
set(PARSCORE_DEB_MAINTAINER "parscore maintainers <parscore@localhost>"
    CACHE STRING "The Maintainer field of the Debian package (Name <email>)")
set(CPACK_PACKAGE_CONTACT "${PARSCORE_DEB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "scorecard calculator for Vietnam's PAR INDEX and SIPAS plan of Sìn Hồ district")
set(CPACK_PACKAGE_DESCRIPTION
    "parscore reads the quarterly scores of the 2023 plan of Sìn Hồ district (Lai Châu) for\n\
Vietnam's administrative-reform index (PAR INDEX) and citizen-satisfaction index (SIPAS),\n\
and shows the weighted total, the gap to every target, which targets are met and the\n\
projected rank among the districts. Reports in Vietnamese or English, as text, JSON, CSV,\n\
Markdown, an SVG chart or an Excel workbook with a native chart;\n\
'parscore check' is a gate for scripts and 'parscore rank' ranks communes or districts.\n\
The plan is built in; its maximum points per criterion are illustrative.")
# the DEB generator installs into /usr by default (CPACK_PACKAGING_INSTALL_PREFIX)
set(CPACK_STRIP_FILES ON) # the binary is RelWithDebInfo; a package ships it stripped
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_PACKAGE_NAME parscore)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The runtime libraries the binary links (libcsv3, libcjson1, libutf8proc2, libc6) come from
# dpkg-shlibdeps (package dpkg-dev; CPack also needs the `file` command to find the binaries); the ones it
# loads when a workbook is read or written (libxlsxwriter4, libzip4, libexpat1: cmake/LoadOnDemand.cmake) it
# cannot see, so they are named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(PARSCORE_DEB_LOADED ${XLSXWRITER_PACKAGE} ${LIBZIP_PACKAGE} ${EXPAT_PACKAGE})
list(JOIN PARSCORE_DEB_LOADED ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

find_program(PARSCORE_DPKG dpkg)
mark_as_advanced(PARSCORE_DPKG)
if(PARSCORE_DPKG)
  execute_process(COMMAND ${PARSCORE_DPKG} --print-architecture
                  OUTPUT_VARIABLE PARSCORE_DEB_ARCH OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
endif()
if(NOT PARSCORE_DEB_ARCH)
  set(PARSCORE_DEB_ARCH ${CMAKE_SYSTEM_PROCESSOR})
endif()
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${PARSCORE_DEB_ARCH})
# Debian's naming: parscore_VERSION_ARCH.deb
set(CPACK_PACKAGE_FILE_NAME "${CPACK_PACKAGE_NAME}_${CPACK_PACKAGE_VERSION}_${PARSCORE_DEB_ARCH}")

# `make package_source`: the sources without the git data and the build trees
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_PACKAGE_FILE_NAME "${CPACK_PACKAGE_NAME}-${CPACK_PACKAGE_VERSION}")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/\\\\.git$" "/build[^/]*/" "/_CPack_Packages/" "\\\\.deb$")

include(CPack)
