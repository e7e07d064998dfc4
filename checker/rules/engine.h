// Evaluates the applicable rule sets on one document model.
#pragma once

#include <string>
#include <vector>

#include "rules/ruleset.h"

namespace plancheck::rules {

struct AppliedSet {
    const RuleSet* set = nullptr;
    bool applies = false;
    std::string why;
};

// Which sets apply to this model. `forced` (from --ruleset) replaces the
// automatic choice when non-empty; unknown ids throw std::invalid_argument.
std::vector<AppliedSet> select_sets(const RuleBook& book, const Model& model,
                                    const std::vector<std::string>& forced);

// Runs every rule of the applicable sets (or only `only_rule` when non-empty).
std::vector<Diagnostic> evaluate(const RuleBook& book, const std::vector<AppliedSet>& sets,
                                 const Model& model, const CheckOptions& opts,
                                 const std::string& only_rule = {});

}  // namespace plancheck::rules
