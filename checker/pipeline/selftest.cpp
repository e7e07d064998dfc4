#include "pipeline/selftest.h"

#include <filesystem>

#include "pipeline/pipeline.h"

namespace plancheck::pipeline {

RuleTestReport test_rules(const rules::RuleBook& book) {
    RuleTestReport rep;
    rules::CheckOptions opts;
    opts.today = {23, 11, 2026};
    for (const auto& set : book.sets) {
        for (const auto& rule : set.rules) {
            const auto& m = rule->meta();
            bool noisy = false, missing = false;
            auto run = [&](const rules::Example& ex, bool invalid) {
                // "plan\n=====[ batch]\nreport": a report paired with a plan (docs/progress.md).
                std::string text = ex.text, plan_text, mode;
                if (auto sep = text.find("\n====="); sep != std::string::npos) {
                    size_t eol = text.find('\n', sep + 1);
                    if (eol == std::string::npos) eol = text.size();
                    plan_text = text.substr(0, sep);
                    mode = text.substr(sep + 6, eol - sep - 6);
                    text = eol < text.size() ? text.substr(eol + 1) : std::string();
                }
                std::unique_ptr<Analysis> plan;
                if (!plan_text.empty()) {
                    auto pr = ingest::read_text(plan_text, m.file + " (plan)", {});
                    if (auto* pd = std::get_if<SourceDocument>(&pr)) plan = analyze(std::move(*pd));
                }
                // "file: PATH" names a document (relative to the rule file)
                // for what a text snippet cannot show, such as a Word file's
                // formatting; anything else is the text of a .txt document.
                auto r = text.rfind("file: ", 0) == 0
                             ? ingest::read_file((std::filesystem::path(m.file).parent_path() / text.substr(6)).string())
                             : ingest::read_text(text, m.file, {});
                size_t hits = 0;
                if (auto* doc = std::get_if<SourceDocument>(&r)) {
                    auto a = analyze(std::move(*doc));
                    if (plan) link_plan(a->model, plan->model, m.file + " (plan)", mode.find("batch") == std::string::npos);
                    std::vector<rules::AppliedSet> sets{{&set, true, "rules test"}};
                    for (const auto& d : rules::evaluate(book, sets, a->model, opts, m.id))
                        hits += d.rule == m.id;
                }
                bool ok = invalid ? hits > 0 : hits == 0;
                (invalid ? missing : noisy) |= !ok;
                rep.results.push_back({m.id, m.file, ex.line, invalid, ok, hits});
            };
            for (const auto& ex : m.invalid) run(ex, true);
            for (const auto& ex : m.valid) run(ex, false);
            if (noisy) ++rep.noisy;
            if (missing) ++rep.missing;
            if (!noisy && !missing) ++rep.validated;
        }
    }
    return rep;
}

}  // namespace plancheck::pipeline
