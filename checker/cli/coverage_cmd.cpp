// `plancheck coverage FILE`: which objectives, renewal contents and solutions
// of the parent decision the plan addresses, and where. The items come from
// the `coverage` rules of the rule sets that apply (rules/qd1676/coverage.yaml).
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/utf8.h"
#include "pipeline/pipeline.h"
#include "rules/kinds/coverage.h"

namespace plancheck::cli {

nlohmann::json coverage_json(const pipeline::Analysis& analysis, std::vector<rules::AppliedSet> sets, bool forced) {
    const auto* a = &analysis;
    auto rows = nlohmann::json::array();
    std::vector<std::string> used_sets;
    size_t missing = 0;
    for (auto& s : sets) {
        // Coverage sets apply only on request; this command is that request.
        if (!s.applies && !forced) s.applies = s.set->applies.matches(a->model, &s.why, true);
        if (!s.applies) continue;
        for (const auto& rule : s.set->rules) {
            auto got = rules::coverage_rows(*rule, a->model);
            if (!got) continue;
            if (used_sets.empty() || used_sets.back() != s.set->id) used_sets.push_back(s.set->id);
            for (const auto& row : *got) {
                nlohmann::json j{{"ruleset", s.set->id}, {"rule", rule->meta().id}, {"group", row.group},
                                 {"item", row.name}, {"addressed", row.block.has_value()}};
                if (row.block) {
                    j["line"] = a->doc.blocks[*row.block].line();
                    j["text"] = a->doc.blocks[*row.block].text;
                } else {
                    j["line"] = nullptr;
                    ++missing;
                }
                rows.push_back(std::move(j));
            }
        }
    }
    return {{"path", a->doc.path}, {"rulesets", used_sets}, {"items", rows}, {"not_addressed", missing}};
}

int cmd_coverage(const Args& args) {
    static const char* kUsage =
        "Usage: plancheck coverage [options] FILE\n\n"
        "Prints the parent decision's objectives, renewal contents and solutions (from the\n"
        "rule sets that apply to the document, or those forced with --ruleset) and the line\n"
        "where the plan addresses each, or \"not addressed\".\n"
        "Exit codes: 0 everything addressed, 1 some item not addressed, 2 usage error or\n"
        "unreadable input.";
    int code = 0;
    auto doc = open_document(args, {"coverage", kUsage, {"text", "json"}, true}, code);
    if (!doc) return code;
    const auto& ro = doc->ro;
    const auto& rulesets = doc->rulesets;
    auto& sets = doc->sets;
    const auto& a = doc->analysis;
    const std::string& format = doc->format;
    const std::string& file = a->doc.path;
    const bool en = ro.lang == "en";
    nlohmann::json out = coverage_json(*a, sets, !rulesets.empty());
    const auto& rows = out["items"];
    const size_t missing = out["not_addressed"].get<size_t>();
    std::vector<std::string> used_sets = out["rulesets"].get<std::vector<std::string>>();
    if (format == "json") {
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else if (rows.empty()) {
        std::cout << file << ": "
                  << (en ? "no rule set with coverage items applies (does the document cite its parent decision?)"
                         : "không có bộ quy tắc nào có danh mục nội dung cần bao quát áp dụng cho văn bản này "
                           "(văn bản có viện dẫn quyết định cấp trên không?)")
                  << "\n";
    } else {
        std::cout << file << (en ? " — coverage of " : " — mức độ bao quát: ");
        for (size_t i = 0; i < used_sets.size(); ++i) std::cout << (i ? ", " : "") << used_sets[i];
        std::cout << "\n";
        std::string group;
        for (const auto& j : rows) {
            if (j["group"].get<std::string>() != group) {
                group = j["group"].get<std::string>();
                std::cout << "\n" << group << "\n";
            }
            std::string where = j["addressed"].get<bool>()
                                    ? (en ? "line " : "dòng ") + std::to_string(j["line"].get<uint32_t>())
                                    : (en ? "NOT ADDRESSED" : "CHƯA ĐỀ CẬP");
            size_t width = utf8::count(where);
            std::cout << "  " << where << std::string(width < 14 ? 14 - width : 1, ' ')
                      << j["item"].get<std::string>() << "\n";
        }
        std::cout << "\n" << (en ? "Not addressed: " : "Chưa đề cập: ") << missing << "/" << rows.size() << "\n";
    }
    return missing ? kExitFindings : kExitClean;
}

}  // namespace plancheck::cli
