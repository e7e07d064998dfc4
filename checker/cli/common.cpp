#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "rules/params.h"

namespace plancheck::cli {

std::string default_rules_dir() {
    if (const char* env = std::getenv("PLANCHECK_RULES"); env && *env) return env;
    // Next to the installed binary first (share/plancheck/rules), then the source tree.
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        auto share = exe.parent_path().parent_path() / "share" / "plancheck" / "rules";
        if (std::filesystem::is_directory(share, ec)) return share.string();
    }
    return PLANCHECK_DEFAULT_RULES;
}

std::string docs_dir() {
    // Installed: share/doc/plancheck next to the binary's prefix; else the
    // source tree's docs/ (beside the shipped rules/).
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        auto doc = exe.parent_path().parent_path() / "share" / "doc" / "plancheck";
        if (std::filesystem::is_directory(doc, ec)) return doc.string();
    }
    return (std::filesystem::path(PLANCHECK_DEFAULT_RULES).parent_path() / "docs").string();
}

void add_rule_options(po::options_description& desc, RuleOptions& o) {
    desc.add_options()
        ("rules", po::value(&o.rules_dir)->value_name("DIR"),
         "rule sets to use (default: the shipped rules/, or $PLANCHECK_RULES)")
        ("lang", po::value(&o.lang)->default_value("vi")->value_name("vi|en"),
         "language of messages: vi (Vietnamese) or en (English)")
        ("no-cache", po::bool_switch(&o.no_cache),
         "do not use the cache of parsed rule files ($PLANCHECK_CACHE_DIR, else "
         "~/.cache/plancheck; PLANCHECK_CACHE_DIR=off disables it too)");
}

bool load_rules(const RuleOptions& o, rules::RuleBook& book) {
    std::string dir = o.rules_dir.empty() ? default_rules_dir() : o.rules_dir;
    try {
        // The build writes the shipped rules' entries next to the binary, and
        // `cmake --install` puts them in lib/plancheck (see checker/CMakeLists.txt).
        std::error_code ec;
        auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
        std::string shipped;
        if (!ec)
            for (auto d : {exe.parent_path() / "rule-cache", exe.parent_path().parent_path() / "lib" / "plancheck" / "rule-cache"})
                if (shipped.empty() && std::filesystem::is_directory(d, ec)) shipped = d.string();
        book = rules::load_rulebook(
            dir, rules::yaml::TreeCache(o.no_cache ? "" : rules::yaml::default_cache_dir(), shipped));
        return true;
    } catch (const rules::RuleFileError& e) {
        std::cerr << "plancheck: " << say(std::string("error in rules: ") + e.what(), o.lang) << "\n";
    } catch (const std::exception& e) {
        std::cerr << "plancheck: " << say("cannot load rules from " + dir + ": " + e.what(), o.lang) << "\n";
    }
    return false;
}

bool parse(const Args& args, const po::options_description& desc,
           const po::positional_options_description& pos, po::variables_map& vm, const char* usage,
           int& code) {
    po::options_description all = desc;
    all.add_options()("help,h", "show this help");
    try {
        po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
        if (vm.count("help")) {
            std::cout << usage << "\n\n" << all << "\n";
            code = kExitClean;
            return false;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        const std::string lang = lang_of(args);
        std::cerr << "plancheck: " << command_line_error(e, lang) << "\n"
                  << usage << "\n" << (lang == "en" ? "(see --help)" : "(xem --help)") << "\n";
        code = kExitUsage;
        return false;
    }
    if (vm.count("lang") && vm["lang"].as<std::string>() != "vi" && vm["lang"].as<std::string>() != "en") {
        std::cerr << "plancheck: " << say("--lang must be vi or en", "vi") << "\n";
        code = kExitUsage;
        return false;
    }
    return true;
}

std::unique_ptr<OpenDocument> open_document(const Args& args, const DocumentRequest& req, int& code) {
    auto doc = std::make_unique<OpenDocument>();
    std::string file, encoding = "auto", formats;
    for (const auto& f : req.formats) formats += (formats.empty() ? "" : " or ") + f;
    po::options_description desc("Options");
    add_rule_options(desc, doc->ro);
    desc.add_options()
        ("format,f", po::value(&doc->format)->default_value(req.formats.front()), formats.c_str())
        ("encoding", po::value(&encoding)->default_value("auto"), "text encoding (see `check --help`)");
    if (req.rulesets)
        desc.add_options()("ruleset", po::value(&doc->rulesets)->value_name("ID"), "force rule sets, as in `check`");
    desc.add_options()("file", po::value(&file)->required(), "document");
    po::positional_options_description pos;
    pos.add("file", 1);
    po::variables_map vm;
    if (!parse(args, desc, pos, vm, req.usage, code)) return nullptr;
    auto fail = [&](const std::string& msg) {
        std::cerr << "plancheck " << req.name << ": " << say(msg, doc->ro.lang) << "\n";
        code = kExitUsage;
        return nullptr;
    };
    if (std::find(req.formats.begin(), req.formats.end(), doc->format) == req.formats.end())
        return fail("--format must be " + formats);
    if (!ingest::known_encoding(encoding)) return fail("unknown --encoding '" + encoding + "'");
    if (!load_rules(doc->ro, doc->book)) {
        code = kExitUsage;
        return nullptr;
    }
    ingest::Options io;
    io.encoding = encoding;
    auto r = ingest::read_file(file, io);
    if (auto* bad = std::get_if<UnreadableInput>(&r)) {
        std::cerr << pipeline::unreadable(file, *bad, doc->ro.lang).message << "\n";
        code = kExitUsage;
        return nullptr;
    }
    doc->analysis = pipeline::analyze(std::move(std::get<SourceDocument>(r)));
    if (req.rulesets) {
        try {
            doc->sets = rules::select_sets(doc->book, doc->analysis->model, doc->rulesets);
        } catch (const std::exception& e) {
            return fail(e.what());
        }
    }
    return doc;
}

}  // namespace plancheck::cli
