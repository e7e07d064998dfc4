#include <iostream>

#include "cli/commands.h"
#include "rules/kinds/kinds.h"

namespace plancheck::cli {

int cmd_explain(const Args& args) {
    static const char* kUsage =
        "Usage: plancheck explain RULE-ID | CATEGORY | --kinds | --categories\n\n"
        "Describes a rule (what it checks, its legal basis, its examples), lists the rules\n"
        "of a diagnostic category, or lists the rule kinds and categories.";
    RuleOptions ro;
    std::string what;
    bool kinds = false, categories = false;
    po::options_description desc("Options");
    add_rule_options(desc, ro);
    desc.add_options()("kinds", po::bool_switch(&kinds), "list rule kinds")
        ("categories", po::bool_switch(&categories), "list diagnostic categories")
        ("what", po::value(&what), "rule id or category");
    po::positional_options_description pos;
    pos.add("what", 1);
    po::variables_map vm;
    int code = 0;
    if (!parse(args, desc, pos, vm, kUsage, code)) return code;
    if (kinds) {
        for (const auto& k : rules::rule_kinds()) std::cout << k.name << "  " << k.summary << "\n";
        return kExitClean;
    }
    if (categories) {
        for (auto c : all_categories()) std::cout << c << "\n";
        return kExitClean;
    }
    if (what.empty()) {
        std::cerr << kUsage << "\n";
        return kExitUsage;
    }
    rules::RuleBook book;
    if (!load_rules(ro, book)) return kExitUsage;
    bool found = false;
    for (const auto& s : book.sets) {
        for (const auto& r : s.rules) {
            const auto& m = r->meta();
            if (m.id != what && m.category != what) continue;
            found = true;
            std::cout << m.id << " (" << m.kind << ", " << m.category << ", " << to_string(m.severity) << ")\n"
                      << "  rule set: " << s.id << "  " << m.file << ":" << m.line << "\n"
                      << "  legal basis: " << m.legal_basis << "\n";
            if (!m.description.empty()) std::cout << "  " << m.description << "\n";
            auto msg = m.message.find(ro.lang);
            if (msg != m.message.end()) std::cout << "  message: " << msg->second << "\n";
            for (const auto& e : m.invalid) std::cout << "  invalid: " << e.text << "\n";
            for (const auto& e : m.valid) std::cout << "  valid:   " << e.text << "\n";
        }
    }
    if (!found) {
        std::cerr << "plancheck explain: no rule or category '" << what << "'\n";
        return kExitUsage;
    }
    return kExitClean;
}

}  // namespace plancheck::cli
