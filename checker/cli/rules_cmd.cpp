#include <iostream>

#include "cli/commands.h"
#include "pipeline/selftest.h"

namespace plancheck::cli {

int cmd_rules(const Args& args) {
    static const char* kUsage =
        "Usage: plancheck rules test [DIR]   run every rule on the examples in its rule file\n"
        "       plancheck rules list [DIR]   list rule sets and rules\n\n"
        "A rule is Validated when each 'invalid' example triggers it and no 'valid' one does,\n"
        "Noisy when a valid example triggers it, Missing when an invalid one does not.\n"
        "Exit status 1 when any rule is Noisy or Missing.";
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::cout << kUsage << "\n";
        return args.empty() ? kExitUsage : kExitClean;
    }
    std::string sub = args[0];
    if (sub != "test" && sub != "list") {
        std::cerr << "plancheck rules: " << say("unknown subcommand '" + sub + "'", lang_of(args)) << "\n"
                  << kUsage << "\n";
        return kExitUsage;
    }
    RuleOptions ro;
    bool verbose = false;
    po::options_description desc("Options");
    add_rule_options(desc, ro);
    desc.add_options()("verbose,v", po::bool_switch(&verbose), "print every example's result")
        ("dir", po::value(&ro.rules_dir)->value_name("DIR"), "rules directory");
    po::positional_options_description pos;
    pos.add("dir", 1);
    po::variables_map vm;
    int code = 0;
    if (!parse(Args(args.begin() + 1, args.end()), desc, pos, vm, kUsage, code)) return code;
    rules::RuleBook book;
    if (!load_rules(ro, book)) return kExitUsage;
    if (sub == "list") {
        for (const auto& s : book.sets) {
            std::cout << s.id << "  (" << s.file << ")  " << (ro.lang == "en" ? s.title_en : s.title_vi) << "\n";
            for (const auto& r : s.rules)
                std::cout << "  " << r->meta().id << "  " << r->meta().kind << "  " << r->meta().category
                          << "  " << to_string(r->meta().severity) << "\n";
        }
        return kExitClean;
    }
    auto rep = pipeline::test_rules(book);
    for (const auto& r : rep.results) {
        if (r.ok && !verbose) continue;
        std::cout << r.file << ":" << r.line << ": " << (r.ok ? "ok" : "FAIL") << ": " << r.rule << ": "
                  << (r.invalid ? "invalid example " : "valid example ")
                  << (r.invalid ? (r.ok ? "triggers it" : "does not trigger it (Missing)")
                                : (r.ok ? "is quiet" : "triggers it (Noisy)"))
                  << "\n";
    }
    size_t total = rep.validated + rep.noisy + rep.missing;
    std::cout << "Rules: " << total << "  Validated: " << rep.validated << "  Noisy: " << rep.noisy
              << "  Missing: " << rep.missing << "\n";
    size_t passed = 0, failed = 0;
    for (const auto& r : rep.results) (r.ok ? passed : failed)++;
    std::cout << "examples: " << passed << " passed, " << failed << " failed\n";
    return (rep.noisy || rep.missing) ? kExitFindings : kExitClean;
}

}  // namespace plancheck::cli
