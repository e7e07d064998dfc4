// PLACEHOLDER owned by the plan-semantics work (issue 5): replaced by the real extractors.
#include "extract/extract.h"

namespace plancheck::extract {

std::vector<Phase> extract_phases(const SourceDocument&, const Outline&) { return {}; }
std::vector<Objective> extract_objectives(const SourceDocument&, const Outline&) { return {}; }
std::vector<MonthMention> extract_months(const SourceDocument&, const Outline&) { return {}; }
Date extract_issue_date(const SourceDocument&, const Outline&) { return {}; }

}  // namespace plancheck::extract
