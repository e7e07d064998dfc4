#include "rules/kinds/kinds.h"

#include <algorithm>

namespace plancheck::rules {

const std::vector<KindInfo>& rule_kinds() {
    // Keep sorted by name: find_kind() binary-searches, and a test checks the order.
    static const std::vector<KindInfo> kKinds = {
        {"citation-anachronism", make_citation_anachronism,
         "a cited document dated after the document that cites it"},
        {"citation-duplicate", make_citation_duplicate,
         "the same document cited twice among the legal bases"},
        {"citation-incomplete", make_citation_incomplete,
         "the first citation of a document in the legal bases lacks type, number, date, issuer or summary"},
        {"citation-malformed", make_citation_malformed,
         "impossible date, unknown or contradicting type abbreviation, Party/State form, year in symbol"},
        {"citation-mismatch", make_citation_mismatch,
         "a known document cited with another date, issuer, type or symbol than the registry's"},
        {"citation-required", make_citation_required,
         "documents the rule set requires among the legal bases (params.keys)"},
        {"citation-superseded", make_citation_superseded,
         "a cited document no longer in force on the citing document's date"},
        {"citation-unknown", make_citation_unknown, "a well-formed citation of a document not in the registry"},
        {"duplicate-heading", make_duplicate_heading,
         "the same section heading appears twice under one parent"},
        {"duplicate-paragraph", make_duplicate_paragraph,
         "a paragraph, or a clause inside one, is repeated word for word"},
        {"encoding", make_encoding,
         "text not in Unicode: legacy TCVN3/VNI/Windows-1258 table, mojibake, lost characters"},
        {"mixed-script", make_mixed_script,
         "look-alike characters from another script (U+00D0 Ð instead of U+0110 Đ)"},
        {"numbering", make_numbering,
         "section labels skip a number, repeat one, or go backwards"},
        {"pattern", make_pattern, "text matching an RE2 pattern (optionally only in some places)"},
        {"repeated-phrase", make_repeated_phrase,
         "a phrase written twice in a row (\"Quyết định số Quyết định số\")"},
        {"required-section", make_required_section,
         "a section (matched by title aliases) that the document must have"},
        {"truncated", make_truncated,
         "an item or sentence that stops on a word that needs a continuation"},
        {"typo", make_typo, "known misspellings from a list, with the right spelling"},
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
