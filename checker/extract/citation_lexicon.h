// Vocabulary of citations: document type names, their abbreviations
// (Decree 30/2020/NĐ-CP Appendix III, plus the normative types and the Party
// types), and the parts of a number-symbol. Shared by the extractor and the
// citation rule kinds.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plancheck/citation.h"

namespace plancheck::extract {

struct TypeInfo {
    std::string_view name;                // canonical: "Quyết định"
    std::vector<std::string_view> abbrs;  // abbreviations that may stand in the symbol
    // Observed convention (FACTS.md §6, not a confirmed rule): normative types always
    // carry the year in the symbol; these never do.
    bool always_normative = false;
    bool never_normative = false;
};

const std::vector<TypeInfo>& document_types();
const TypeInfo* type_by_name(std::string_view canonical);
// Canonical type of a type abbreviation ("QĐ" -> "Quyết định"), "" if unknown.
std::string_view type_for_abbr(std::string_view abbr);

// The groups of a number-symbol after the number, e.g. "QĐ-TTg" -> {QĐ, TTg};
// "2014/QH13" -> {QH13} with year 2014.
struct SymbolParts {
    std::vector<std::string> groups;
    int year = 0;
    // Where a type abbreviation is expected: the first group, except for
    // National Assembly forms (QH13, UBTVQH14) that carry none.
    bool has_type_slot = false;
    std::string type_abbr;   // groups[0] when has_type_slot
    std::string issuer_code; // the last group ("TTg", "TW", "UBND")
};
SymbolParts symbol_parts(const Citation& c);

// Issuer codes of Party bodies (TW, TU, HU, ĐU, BCS...) and of State bodies (CP,
// TTg, UBND...). Used to judge the hyphen-versus-slash form.
bool is_party_issuer_code(std::string_view code);
bool is_state_issuer_code(std::string_view code);

// Canonical case of one symbol group: upper case, except the mixed-case
// abbreviations (TTg, CTr, TTr, QyĐ, QĐi, TrS); ASCII "QD"/"ND" become "QĐ"/"NĐ".
std::string canonical_group(std::string_view group);

// Registry-robust form of a key: accents and case folded, Đ -> D, leading zeros
// of the number removed, both separators kept apart ("28-NQ/TW" -> "28-nq/tw").
std::string loose_key(std::string_view key);
// As loose_key, with every separator removed ("28/NQ-TW" and "28-NQ/TW" agree).
std::string bare_key(std::string_view key);

}  // namespace plancheck::extract
