#include "rules/engine.h"

#include <stdexcept>

#include "core/deadline.h"
#include "rules/kinds/common.h"

namespace plancheck::rules {

std::vector<AppliedSet> select_sets(const RuleBook& book, const Model& model,
                                    const std::vector<std::string>& forced) {
    std::vector<AppliedSet> out;
    for (const auto& id : forced)
        if (!book.find_set(id)) throw std::invalid_argument("unknown rule set '" + id + "'");
    for (const auto& set : book.sets) {
        AppliedSet a{&set, false, {}};
        if (!forced.empty()) {
            bool named = false;
            for (const auto& id : forced) named = named || id == set.id;
            a.applies = named;
            a.why = named ? "forced with --ruleset" : "not named by --ruleset";
        } else {
            a.applies = set.applies.matches(model, &a.why);
        }
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<Diagnostic> evaluate(const RuleBook& book, const std::vector<AppliedSet>& sets,
                                 const Model& model, const CheckOptions& opts,
                                 const std::string& only_rule) {
    std::vector<Diagnostic> out;
    TextCache cache(model);
    Context ctx{model, opts, book.registry.get(), &cache};
    for (const auto& a : sets) {
        if (!a.applies) continue;
        for (const auto& rule : a.set->rules) {
            if (!only_rule.empty() && rule->meta().id != only_rule) continue;
            deadline::check_now();  // the file's budget (core/deadline.h)
            Emitter emit(rule->meta(), model, opts, out);
            rule->check(ctx, emit);
            emit.finish();
        }
    }
    sort_diagnostics(out);
    return out;
}

}  // namespace plancheck::rules
