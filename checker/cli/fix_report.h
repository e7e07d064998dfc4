// Messages of `check --fix` (see fix_report.cpp).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "pipeline/fix.h"

namespace plancheck::cli {

// One line per file --fix changed or refused, in --lang, then the total.
void tell_fixes(std::ostream& os, const std::vector<std::string>& paths,
                const std::vector<pipeline::FixOutcome>& outcomes, bool dry_run, bool en);

}  // namespace plancheck::cli
