#include "extract/extract.h"

namespace plancheck::extract {

void extract_all(Model& model) {
    const SourceDocument& doc = *model.doc;
    model.citations = extract_citations(doc, model.outline);
    model.phases = extract_phases(doc, model.outline);
    model.objectives = extract_objectives(doc, model.outline);
    model.months = extract_months(doc, model.outline);
    model.issue_date = extract_issue_date(doc, model.outline);
}

}  // namespace plancheck::extract
