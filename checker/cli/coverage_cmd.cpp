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

int cmd_coverage(const Args& args) {
    static const char* kUsage =
        "Usage: plancheck coverage [options] FILE\n\n"
        "Prints the parent decision's objectives, renewal contents and solutions (from the\n"
        "rule sets that apply to the document, or those forced with --ruleset) and the line\n"
        "where the plan addresses each, or \"not addressed\".\n"
        "Exit codes: 0 everything addressed, 1 some item not addressed, 2 usage error or\n"
        "unreadable input.";
    RuleOptions ro;
    std::string format = "text", file, encoding = "auto";
    std::vector<std::string> rulesets;
    po::options_description desc("Options");
    add_rule_options(desc, ro);
    desc.add_options()
        ("format,f", po::value(&format)->default_value("text"), "text or json")
        ("encoding", po::value(&encoding)->default_value("auto"), "text encoding (see `check --help`)")
        ("ruleset", po::value(&rulesets)->value_name("ID"), "force rule sets, as in `check`")
        ("file", po::value(&file)->required(), "document");
    po::positional_options_description pos;
    pos.add("file", 1);
    po::variables_map vm;
    int code = 0;
    if (!parse(args, desc, pos, vm, kUsage, code)) return code;
    if (format != "text" && format != "json") {
        std::cerr << "plancheck coverage: --format must be text or json\n";
        return kExitUsage;
    }
    rules::RuleBook book;
    if (!load_rules(ro, book)) return kExitUsage;
    ingest::Options io;
    io.encoding = encoding;
    auto r = ingest::read_file(file, io);
    if (auto* bad = std::get_if<UnreadableInput>(&r)) {
        std::cerr << pipeline::unreadable(file, *bad, ro.lang).message << "\n";
        return kExitUsage;
    }
    auto a = pipeline::analyze(std::move(std::get<SourceDocument>(r)));
    std::vector<rules::AppliedSet> sets;
    try {
        sets = rules::select_sets(book, a->model, rulesets);
    } catch (const std::exception& e) {
        std::cerr << "plancheck coverage: " << e.what() << "\n";
        return kExitUsage;
    }
    const bool en = ro.lang == "en";
    auto rows = nlohmann::json::array();
    std::vector<std::string> used_sets;
    size_t missing = 0;
    for (auto& s : sets) {
        // Coverage sets apply only on request; this command is that request.
        if (!s.applies && rulesets.empty()) s.applies = s.set->applies.matches(a->model, &s.why, true);
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
    if (format == "json") {
        nlohmann::json out{{"path", file}, {"rulesets", used_sets}, {"items", rows}, {"not_addressed", missing}};
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
