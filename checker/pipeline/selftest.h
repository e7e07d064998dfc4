// `plancheck rules test`: every rule is run on its own examples. An invalid
// snippet must trigger the rule, a valid one must not.
#pragma once

#include <string>
#include <vector>

#include "rules/ruleset.h"

namespace plancheck::pipeline {

struct ExampleResult {
    std::string rule;
    std::string file;
    int line = 0;        // of the example in the rule file
    bool invalid = false;  // example kind
    bool ok = false;
    size_t hits = 0;
};

struct RuleTestReport {
    std::vector<ExampleResult> results;
    size_t validated = 0;  // rules whose examples all behave
    size_t noisy = 0;      // rules that fire on a valid example
    size_t missing = 0;    // rules that stay silent on an invalid example
};

// Runs the examples of every rule in `book` (each alone, as a .txt document).
RuleTestReport test_rules(const rules::RuleBook& book);

}  // namespace plancheck::pipeline
