// Applies a document's inline suppression directives (plancheck/suppression.h,
// docs/config.md) to the findings the rules raised on it.
#pragma once

#include <string>
#include <vector>

#include "plancheck/diagnostic.h"
#include "plancheck/document.h"
#include "rules/engine.h"

namespace plancheck::pipeline {

// Marks the findings a directive covers `suppressed` (they are kept), and adds
// one finding per directive name that suppressed nothing (suppression.unused,
// info) and per name that is no rule id or category (suppression.unknown,
// warning, naming the closest). input.unreadable is never suppressed.
void apply_directives(const SourceDocument& doc, const rules::RuleBook& book, std::vector<Diagnostic>& diags,
                      const std::string& lang);

// The known name closest to `name` by edit distance, or "" when none is near.
std::string closest_name(const std::string& name, const std::vector<std::string>& known);

}  // namespace plancheck::pipeline
