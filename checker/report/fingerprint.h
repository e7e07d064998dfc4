// A finding's identity across edits: what baselines match on and what SARIF
// carries as partialFingerprints. It is made of the rule, the file as the
// report shows it, the offending text and the words around it, never of line
// or column numbers, so an unrelated edit above a finding keeps it.
#pragma once

#include <string>

#include "report/report.h"

namespace plancheck::report {

// 16 lower-case hex digits (FNV-1a, 64 bits): stable across runs, machines
// and plancheck versions that keep the same rule id and excerpt.
std::string fingerprint(const FileReport& file, const Diagnostic& d);

}  // namespace plancheck::report
