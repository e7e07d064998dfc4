// The rule kinds: one file per kind in this folder, registered in the one
// sorted table in kinds.cpp. A kind's factory reads its own `params` strictly.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "rules/params.h"
#include "rules/rule.h"

namespace plancheck::rules {

using KindFactory = std::unique_ptr<Rule> (*)(RuleMeta meta, const Params& params);

struct KindInfo {
    std::string_view name;     // as written in `kind:`
    KindFactory make;
    std::string_view summary;  // one line for `plancheck explain` and docs/rules.md
};

const std::vector<KindInfo>& rule_kinds();  // sorted by name
const KindInfo* find_kind(std::string_view name);

// Factories (defined in the kind's own file).
std::unique_ptr<Rule> make_citation_anachronism(RuleMeta, const Params&);
std::unique_ptr<Rule> make_unknown_syllable(RuleMeta, const Params&);
std::unique_ptr<Rule> make_capitalisation(RuleMeta, const Params&);
std::unique_ptr<Rule> make_citation_duplicate(RuleMeta, const Params&);
std::unique_ptr<Rule> make_citation_repeated(RuleMeta, const Params&);
std::unique_ptr<Rule> make_abbreviation(RuleMeta, const Params&);
std::unique_ptr<Rule> make_quoted_period(RuleMeta, const Params&);
std::unique_ptr<Rule> make_short_form(RuleMeta, const Params&);
std::unique_ptr<Rule> make_fragment(RuleMeta, const Params&);
std::unique_ptr<Rule> make_citation_inconsistent(RuleMeta, const Params&);
std::unique_ptr<Rule> make_range_style(RuleMeta, const Params&);
std::unique_ptr<Rule> make_citation_incomplete(RuleMeta, const Params&);
std::unique_ptr<Rule> make_citation_malformed(RuleMeta, const Params&);
std::unique_ptr<Rule> make_citation_mismatch(RuleMeta, const Params&);
std::unique_ptr<Rule> make_citation_required(RuleMeta, const Params&);
std::unique_ptr<Rule> make_citation_superseded(RuleMeta, const Params&);
std::unique_ptr<Rule> make_citation_unknown(RuleMeta, const Params&);
std::unique_ptr<Rule> make_agency_superior(RuleMeta, const Params&);
std::unique_ptr<Rule> make_bases_format(RuleMeta, const Params&);
std::unique_ptr<Rule> make_closing_part(RuleMeta, const Params&);
std::unique_ptr<Rule> make_coverage(RuleMeta, const Params&);
std::unique_ptr<Rule> make_duplicate_heading(RuleMeta, const Params&);
std::unique_ptr<Rule> make_duplicate_paragraph(RuleMeta, const Params&);
std::unique_ptr<Rule> make_header_part(RuleMeta, const Params&);
std::unique_ptr<Rule> make_encoding(RuleMeta, const Params&);
std::unique_ptr<Rule> make_kind_unknown(RuleMeta, const Params&);
std::unique_ptr<Rule> make_mixed_script(RuleMeta, const Params&);
std::unique_ptr<Rule> make_month_fact(RuleMeta, const Params&);
std::unique_ptr<Rule> make_national_title_text(RuleMeta, const Params&);
std::unique_ptr<Rule> make_number_symbol(RuleMeta, const Params&);
std::unique_ptr<Rule> make_numbering(RuleMeta, const Params&);
std::unique_ptr<Rule> make_objective_target(RuleMeta, const Params&);
std::unique_ptr<Rule> make_pattern(RuleMeta, const Params&);
std::unique_ptr<Rule> make_phase_roadmap(RuleMeta, const Params&);
std::unique_ptr<Rule> make_place_date(RuleMeta, const Params&);
std::unique_ptr<Rule> make_presentation_body(RuleMeta, const Params&);
std::unique_ptr<Rule> make_presentation_component(RuleMeta, const Params&);
std::unique_ptr<Rule> make_presentation_font(RuleMeta, const Params&);
std::unique_ptr<Rule> make_presentation_page(RuleMeta, const Params&);
std::unique_ptr<Rule> make_presentation_position(RuleMeta, const Params&);
std::unique_ptr<Rule> make_repeated_phrase(RuleMeta, const Params&);
std::unique_ptr<Rule> make_required_section(RuleMeta, const Params&);
std::unique_ptr<Rule> make_title_pattern(RuleMeta, const Params&);
std::unique_ptr<Rule> make_truncated(RuleMeta, const Params&);
std::unique_ptr<Rule> make_type_name(RuleMeta, const Params&);
std::unique_ptr<Rule> make_typo(RuleMeta, const Params&);
std::unique_ptr<Rule> make_progress(RuleMeta, const Params&);
std::unique_ptr<Rule> make_figure_contradiction(RuleMeta, const Params&);
std::unique_ptr<Rule> make_table_total(RuleMeta, const Params&);
std::unique_ptr<Rule> make_own_reference(RuleMeta, const Params&);

}  // namespace plancheck::rules
