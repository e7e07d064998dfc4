// Extract stage: citations, dates, phases, objectives from the outlined document.
#pragma once

#include <vector>

#include "plancheck/model.h"

namespace plancheck::extract {

// Fills model.citations, phases, objectives, months and issue_date.
// model.doc and model.outline must be set.
void extract_all(Model& model);

// One file each.
std::vector<Citation> extract_citations(const SourceDocument& doc, const Outline& outline);
std::vector<Phase> extract_phases(const SourceDocument& doc, const Outline& outline);
std::vector<Objective> extract_objectives(const SourceDocument& doc, const Outline& outline);
// An objective's subject as text: "Tỷ lệ lực lượng lao động … tham gia bảo hiểm xã hội".
std::string subject_of(const SourceDocument& doc, const Objective& o);
std::vector<MonthMention> extract_months(const SourceDocument& doc, const Outline& outline);
Date extract_issue_date(const SourceDocument& doc, const Outline& outline);

}  // namespace plancheck::extract
