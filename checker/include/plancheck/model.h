// Everything the rules stage sees about one document.
#pragma once

#include <memory>
#include <vector>

#include "plancheck/citation.h"
#include "plancheck/document.h"
#include "plancheck/outline.h"
#include "plancheck/plan.h"
#include "plancheck/progress.h"

namespace plancheck {

struct FigureList;  // extract/progress.h

struct Model {
    const SourceDocument* doc = nullptr;
    Outline outline;
    std::vector<Citation> citations;
    std::vector<Phase> phases;
    std::vector<Objective> objectives;
    std::vector<MonthMention> months;
    Date issue_date;  // from the place-date line, empty if not found
    PlanLink plan;    // a report: the plan it was paired with (docs/progress.md)
    // The figures the document states (extract::figures_of), when a stage
    // took them all and kept them (pairing, for the progress table): the
    // rules take them from here instead of finding them again. Null: not kept.
    std::shared_ptr<const FigureList> figures;

    const Block& block(uint32_t i) const { return doc->blocks[i]; }
    std::string_view text(const TextRef& r) const {
        return std::string_view(doc->blocks[r.block].text).substr(r.begin, r.end - r.begin);
    }
};

}  // namespace plancheck
