#include "rules/kinds/kinds.h"

#include <algorithm>

namespace plancheck::rules {

const std::vector<KindInfo>& rule_kinds() {
    // Keep sorted by name: find_kind() binary-searches, and a test checks the order.
    static const std::vector<KindInfo> kKinds = {
        {"abbreviation", make_abbreviation,
         "an abbreviation used but never written out, or used before it is written out"},
        {"agency-superior", make_agency_superior,
         "a subordinate issuing body written without its directly superior body"},
        {"bases-format", make_bases_format,
         "legal bases: one per line, ';' after each, '.' after the last"},
        {"capitalisation", make_capitalisation,
         "capitalisation by Decree 30 Appendix II: sentence start, units, agencies, titles, document types, articles"},
        {"citation-anachronism", make_citation_anachronism,
         "a cited document dated after the document that cites it"},
        {"citation-duplicate", make_citation_duplicate,
         "the same document cited twice among the legal bases"},
        {"citation-incomplete", make_citation_incomplete,
         "the first citation of a document in the legal bases lacks type, number, date, issuer or summary"},
        {"citation-inconsistent", make_citation_inconsistent,
         "one document cited with two dates of the same year in one text"},
        {"citation-malformed", make_citation_malformed,
         "impossible date, unknown or contradicting type abbreviation, Party/State form, year in symbol"},
        {"citation-mismatch", make_citation_mismatch,
         "a known document cited with another date, issuer, type or symbol than the registry's"},
        {"citation-repeated", make_citation_repeated,
         "a document cited again in full (with its date) after its first citation"},
        {"citation-required", make_citation_required,
         "documents the rule set requires among the legal bases (params.keys)"},
        {"citation-superseded", make_citation_superseded,
         "a cited document no longer in force on the citing document's date"},
        {"citation-unknown", make_citation_unknown, "a well-formed citation of a document not in the registry"},
        {"closing-part", make_closing_part,
         "recipients, archive line or signer missing from the closing"},
        {"coverage", make_coverage,
         "items of the parent decision (objectives, contents, solutions) the plan does not address"},
        {"duplicate-heading", make_duplicate_heading,
         "the same section heading appears twice under one parent"},
        {"duplicate-paragraph", make_duplicate_paragraph,
         "a paragraph, or a clause inside one, is repeated word for word"},
        {"encoding", make_encoding,
         "text not in Unicode: legacy TCVN3/VNI/Windows-1258 table, mojibake, lost characters"},
        {"figure-contradiction", make_figure_contradiction,
         "the same figure (a share or a count of the same thing, same year) given with two values"},
        {"fragment", make_fragment,
         "an introductory clause (Căn cứ/Thực hiện/Theo ...) closed by a full stop, its main clause a paragraph of its own"},
        {"header-part", make_header_part,
         "a Decree 30 header component (agency, national title, motto, number, place-date) is missing"},
        {"kind-unknown", make_kind_unknown,
         "the document's kind could not be told (header/closing rules then do not run)"},
        {"mixed-script", make_mixed_script,
         "look-alike characters from another script (U+00D0 Ð instead of U+0110 Đ)"},
        {"month-fact", make_month_fact,
         "a month the parent fixes for something (May: campaign month) stated as another month"},
        {"national-title-text", make_national_title_text,
         "the national title or motto differs from the exact Decree 30 text"},
        {"number-symbol", make_number_symbol,
         "the number and symbol: blank, malformed, or a type abbreviation that is not the document's"},
        {"numbering", make_numbering,
         "section labels skip a number, repeat one, or go backwards"},
        {"objective-target", make_objective_target,
         "quantified objectives against the parent's targets (below, other year, missing)"},
        {"pattern", make_pattern, "text matching an RE2 pattern (optionally only in some places)"},
        {"phase-roadmap", make_phase_roadmap,
         "implementation phases: gap, overlap, outside the parent's horizon, or no roadmap"},
        {"place-date", make_place_date,
         "the place-and-date line: blank day, leading zeros, impossible or future date, no place"},
        {"progress", make_progress,
         "a report against its paired plan: unpaired, plan named wrongly, target not reported or below, period outside the plan"},
        {"quoted-period", make_quoted_period,
         "the same quoted name or title with different years or periods in one document"},
        {"range-style", make_range_style,
         "year ranges written in two styles in one document (\"2021-2025\" and \"2021 - 2025\")"},
        {"repeated-phrase", make_repeated_phrase,
         "a phrase written twice in a row (\"Quyết định số Quyết định số\")"},
        {"required-section", make_required_section,
         "a section (matched by title aliases) that the document must have"},
        {"short-form", make_short_form,
         "a name written out in full again after \"(sau đây gọi tắt là ...)\" gave it a short form"},
        {"title-pattern", make_title_pattern,
         "the summary title must state something (a report's period), given as an RE2 pattern"},
        {"truncated", make_truncated,
         "an item or sentence that stops on a word that needs a continuation"},
        {"type-name", make_type_name,
         "the type name (KẾ HOẠCH, BÁO CÁO) in capitals with a summary line"},
        {"typo", make_typo, "known misspellings from a list, with the right spelling"},
        {"unknown-syllable", make_unknown_syllable,
         "a lower-case Vietnamese word that is no syllable of the hunspell-vi lexicon (damaged or misspelt)"},
    };
    return kKinds;
}

const KindInfo* find_kind(std::string_view name) {
    const auto& k = rule_kinds();
    auto it = std::lower_bound(k.begin(), k.end(), name,
                               [](const KindInfo& a, std::string_view n) { return a.name < n; });
    return (it != k.end() && it->name == name) ? &*it : nullptr;
}

}  // namespace plancheck::rules
