// A compiled rule: metadata from its YAML entry plus the rule kind's logic.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "plancheck/diagnostic.h"
#include "plancheck/model.h"

namespace plancheck::rules {

class Registry;  // known legal documents (rules/registry/*.yaml), see registry.h

struct Example {
    std::string text;  // a .txt document's text, or "file: PATH" (relative to the rule file)
    int line = 0;  // line in the rule file, for `rules test` reports
};

struct RuleMeta {
    std::string id;           // "qd1676.section.objectives"
    std::string kind;         // "required-section"
    std::string category;     // one of all_categories()
    Severity severity = Severity::Warning;
    std::string legal_basis;  // copied into every diagnostic
    std::map<std::string, std::string> message;  // lang -> template with {placeholders}
    // Named alternative messages for special cases (`variants: {first: {vi, en}}`).
    std::map<std::string, std::map<std::string, std::string>> variants;
    std::string description;  // for `plancheck explain` and docs
    std::vector<Example> valid, invalid;
    std::string file;  // rule file and line, for errors and `explain`
    int line = 0;
};

struct CheckOptions {
    std::string lang = "vi";
    bool draft = false;  // --draft: blank number/day are info, not errors
    Date today;          // for "not in the future" checks
};

using Args = std::vector<std::pair<std::string, std::string>>;

// Collects diagnostics for one rule on one document.
class Emitter {
public:
    Emitter(const RuleMeta& meta, const Model& model, const CheckOptions& opts,
            std::vector<Diagnostic>& out)
        : meta_(meta), model_(model), opts_(opts), out_(out) {}

    // A diagnostic over `ref`; {placeholders} in the message come from args.
    // `variant` names one of the rule's message variants ("" = the main message).
    Diagnostic& at(const TextRef& ref, const Args& args = {}, const std::string& variant = {});
    // Over the whole of block `b`.
    Diagnostic& at_block(uint32_t b, const Args& args = {});
    // Where something is missing: before block `b` (or line 1 when the document is empty).
    Diagnostic& missing_before(uint32_t b, const Args& args = {});
    Diagnostic& with_severity(Diagnostic& d, Severity s) { d.severity = s; return d; }
    // Called once the rule has run: past kMaxFindingsPerRule findings, adds
    // the one finding that says how many more were not listed.
    void finish();

    const RuleMeta& meta() const { return meta_; }
    const CheckOptions& options() const { return opts_; }

private:
    std::string render(const Args& args, const std::string& variant = {}) const;
    const RuleMeta& meta_;
    const Model& model_;
    const CheckOptions& opts_;
    std::vector<Diagnostic>& out_;
    size_t listed_ = 0;  // findings of this rule in out_
    size_t over_ = 0;    // findings past the limit: counted, not kept
    Pos first_over_;
    uint32_t first_over_block_ = 0;
    Diagnostic spare_;  // what at() returns for a finding past the limit
};

// A rule lists at most this many findings in one document (docs/architecture.md,
// "Budgets and limits"); the rest are counted in one more finding. The most
// any rule finds in one of the 103 real documents is far below it; a
// hostile 200 MB .txt numbered "1." to "9." over and over had 1.8 million
// structure.numbering-duplicate findings (6.5 GB).
inline constexpr size_t kMaxFindingsPerRule = 10'000;

class TextCache;  // per-document results shared by rules (kinds/common.h)

struct Context {
    const Model& model;
    const CheckOptions& options;
    const Registry* registry = nullptr;
    TextCache* cache = nullptr;  // set by evaluate(); rules work without it
};

class Rule {
public:
    explicit Rule(RuleMeta meta) : meta_(std::move(meta)) {}
    virtual ~Rule() = default;
    Rule(const Rule&) = delete;
    Rule& operator=(const Rule&) = delete;

    virtual void check(const Context& ctx, Emitter& emit) const = 0;
    const RuleMeta& meta() const { return meta_; }

private:
    RuleMeta meta_;
};

}  // namespace plancheck::rules
