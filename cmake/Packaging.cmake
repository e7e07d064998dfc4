# The Debian package: `cpack -G DEB` in a build folder (or `bash ci/package`,
# which builds a Release and packages it) writes plancheck_VERSION_ARCH.deb with
#   /usr/bin/plancheck
#   /usr/lib/plancheck/              the .docx and PDF reader modules, rule-cache/
#   /usr/share/plancheck/rules/      the rule sets and registry/
#   /usr/share/doc/plancheck/        docs/ and README.md
#   /usr/share/man/man1/plancheck.1.gz   made from the --help texts (cmake/manpage.py)
#   /usr/lib/systemd/system/plancheck.service   for `plancheck serve`, not enabled
# The installed binary finds all of it relative to itself (cli/common.cpp,
# ingest/plugins.cpp); the Vietnamese lexicon is hunspell-vi's
# /usr/share/hunspell/vi_VN (rules/common/*.yaml: dictionary), a Recommends:
# without it text.unknown-syllable falls back to its built-in syllable check.
# tests/package/deb_test.sh builds the package, unpacks it and compares the
# installed binary's findings with the build's.

find_package(Python3 REQUIRED COMPONENTS Interpreter)

# plancheck(1) from the help texts, regenerated whenever the binary changes.
set(PLANCHECK_MANPAGE ${CMAKE_BINARY_DIR}/plancheck.1.gz)
add_custom_command(OUTPUT ${PLANCHECK_MANPAGE}
  COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/cmake/manpage.py $<TARGET_FILE:plancheck>
          ${PROJECT_VERSION} ${PLANCHECK_MANPAGE}
  DEPENDS plancheck ${PROJECT_SOURCE_DIR}/cmake/manpage.py
  COMMENT "Writing the man page plancheck.1 from plancheck --help"
  VERBATIM)
add_custom_target(plancheck-manpage ALL DEPENDS ${PLANCHECK_MANPAGE})
install(FILES ${PLANCHECK_MANPAGE} DESTINATION share/man/man1)
install(FILES ${PROJECT_SOURCE_DIR}/cmake/plancheck.service DESTINATION lib/systemd/system)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME plancheck)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "plancheck")
set(CPACK_PACKAGE_CONTACT "plancheck maintainers <plancheck@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "linter for Vietnamese administrative documents (Decree 30/2020/NĐ-CP)")
set(CPACK_PACKAGE_DESCRIPTION
  "plancheck checks Vietnamese administrative documents (plans, reports, official
letters, decisions and the other kinds agencies write) in .docx, .pdf, .txt, .md
and .html against the format rules of Decree 30/2020/NĐ-CP, the content that
Decision 1676/QĐ-TTg asks of a plan and the targets of Resolution 28-NQ/TW.
Each finding names its legal basis. Messages are in Vietnamese by default.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends: the shared libraries of the binary and of the reader modules.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# hunspell-vi: the lexicon of text.unknown-syllable; LibreOffice: .doc, .rtf
# and .odt (both looked up at run time, neither is linked).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "hunspell-vi, libreoffice-writer-nogui")
# Only what the package installs; nothing is enabled or started.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
include(CPack)
