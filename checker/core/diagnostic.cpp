#include "plancheck/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace plancheck {

std::string_view to_string(Severity s) {
    switch (s) {
        case Severity::Info: return "info";
        case Severity::Warning: return "warning";
        case Severity::Error: return "error";
    }
    return "error";
}

std::optional<Severity> parse_severity(std::string_view s) {
    if (s == "info") return Severity::Info;
    if (s == "warning") return Severity::Warning;
    if (s == "error") return Severity::Error;
    return std::nullopt;
}

const std::vector<std::string_view>& all_categories() {
    // The stable list from the diagnostic contract (docs/diagnostics.md). Append only.
    static const std::vector<std::string_view> kCategories = {
        "header.national-title", "header.agency", "header.number", "header.place-date",
        "header.title", "structure.section-missing", "structure.section-order",
        "structure.numbering-gap", "structure.numbering-duplicate",
        "structure.heading-duplicate", "structure.empty-section", "citation.required-missing",
        "citation.duplicate", "citation.mismatch", "citation.malformed", "citation.incomplete",
        "citation.unknown", "citation.superseded", "citation.anachronism", "phase.missing",
        "phase.gap", "phase.overlap", "phase.out-of-range", "objective.missing",
        "objective.below-target", "objective.mismatch", "text.typo", "text.repeated-phrase",
        "text.duplicate-paragraph", "text.truncated", "text.mixed-script", "text.encoding",
        "closing.recipients-missing", "closing.signer-missing", "closing.archive-missing",
        "input.unreadable", "text.capitalisation", "structure.kind-unknown",
        "citation.repeated-full", "text.abbreviation", "text.inconsistent", "text.fragment",
        "figure.share-above-100", "figure.contradiction", "progress.unpaired", "progress.plan-reference",
        "progress.not-reported", "progress.below-target", "progress.period",
        "presentation.page", "presentation.font", "presentation.format",
        "suppression.unused", "suppression.unknown", "figure.table-total",
    };
    return kCategories;
}

bool is_category(std::string_view id) {
    const auto& c = all_categories();
    return std::find(c.begin(), c.end(), id) != c.end();
}

void sort_diagnostics(std::vector<Diagnostic>& diags) {
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.line, a.column, a.rule) < std::tie(b.line, b.column, b.rule);
    });
}

}  // namespace plancheck
