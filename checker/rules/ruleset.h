// Rule sets: YAML files under rules/, each a list of rules plus the condition
// under which the set applies. Step 2 of loading: entries are compiled into
// Rule objects once, at load.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "rules/registry.h"
#include "rules/rule.h"
#include "rules/yaml_tree.h"

namespace plancheck::rules {

struct Applies {
    bool always = false;
    std::vector<DocKind> kinds;      // any of these kinds
    std::vector<std::string> cites;  // and cites any of these registry keys (if given)
    bool party = false;              // and (if set) only for Party documents
    bool state = false;              // and (if set) only for State documents
    // and (if set) only for documents laid out as administrative documents: a
    // type name, a "Số:" line or the national title was found. Keeps the
    // Decree 30 header/closing rules off news items and text fragments.
    bool formal = false;
    // and (if given) only for documents of these classes (administrative,
    // legal-normative, party, attachment, internal, application, unknown):
    // Decree 30's header and closing govern administrative documents only.
    std::vector<DocClass> classes;
    std::vector<std::string> title;  // and (if given) the folded summary title contains one of these
    // Only when asked for: named with --ruleset, or used by a command such as
    // `plancheck coverage` (which passes ignore_on_request). Keeps long lists
    // of notes out of every `check`.
    bool on_request = false;
    // Why it applies (or not), for `plancheck outline`.
    bool matches(const Model& m, std::string* why, bool ignore_on_request = false) const;
};

struct RuleSet {
    std::string id;
    std::string title_vi, title_en;
    std::string file;
    Applies applies;
    std::vector<std::unique_ptr<Rule>> rules;
};

struct RuleBook {
    RuleBook();
    ~RuleBook();
    RuleBook(RuleBook&&) noexcept;
    RuleBook& operator=(RuleBook&&) noexcept;

    std::vector<RuleSet> sets;
    std::unique_ptr<Registry> registry;

    const RuleSet* find_set(const std::string& id) const;
    const Rule* find_rule(const std::string& id) const;
};

// Loads every *.yaml under `dir` (recursively; `registry/` holds the known
// documents instead). Throws RuleFileError naming file:line for any mistake.
// Parsed files go through `cache` when it is enabled (see yaml_tree.h); the
// result is the same either way.
RuleBook load_rulebook(const std::string& dir, const yaml::TreeCache& cache = {});

// Reads one rule-set file (exposed for tests).
RuleSet load_ruleset_file(const std::string& path, const yaml::TreeCache& cache = {});
RuleSet load_ruleset_text(const std::string& text, const std::string& name, const yaml::TreeCache& cache = {});

}  // namespace plancheck::rules
