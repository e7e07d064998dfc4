// The fuzz harness: one input through the whole pipeline and every report
// format, with the invariants of the diagnostic contract checked on the way.
// Shared by the libFuzzer target (fuzz_check.cpp, built by fuzz/run) and the
// mutation test that runs in CI (tests/fuzz/), so a crash input saved in
// fuzz/regressions/ is replayed by every later build.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "rules/ruleset.h"

namespace plancheck::fuzz {

// A broken invariant: what and where, for the crash report.
struct Violation : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The formats an input can be read as.
inline constexpr std::string_view kFormats[] = {"txt", "md", "html", "docx", "pdf"};

// The PDF reader runs poppler in a child process it can stop
// (ingest::Options::pdf_in_child); a libFuzzer target sets this false, so
// that poppler's coverage is seen by the fuzzer.
inline bool g_pdf_in_child = true;

// Reads `bytes` as `format` (the .docx and .pdf readers are called directly,
// not through their plug-in modules), checks it with every rule set that
// applies, writes every report format and plans the --fix edits. Throws
// Violation when an invariant breaks:
// - every diagnostic has a rule id, a contract category, a message and a legal
//   basis; positions are 1-based with the end not before the start (or all 0
//   for the whole file), and a .txt/.md/.html line is within the file;
// - an unreadable input gives exactly one input.unreadable diagnostic;
// - the JSON and SARIF reports parse as JSON (so their strings are valid UTF-8);
// - fixes planned on a UTF-8 .txt/.md keep it valid UTF-8.
// Anything else thrown (a reader or rule that throws on bad input) propagates.
void check_input(std::string_view bytes, std::string_view format, const rules::RuleBook& book);

}  // namespace plancheck::fuzz
