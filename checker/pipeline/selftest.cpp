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
                // "file: PATH" names a document (relative to the rule file)
                // for what a text snippet cannot show, such as a Word file's
                // formatting; anything else is the text of a .txt document.
                auto r = ex.text.rfind("file: ", 0) == 0
                             ? ingest::read_file((std::filesystem::path(m.file).parent_path() / ex.text.substr(6)).string())
                             : ingest::read_text(ex.text, m.file, {});
                size_t hits = 0;
                if (auto* doc = std::get_if<SourceDocument>(&r)) {
                    auto a = analyze(std::move(*doc));
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
