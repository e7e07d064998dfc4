#include <unistd.h>

#include <atomic>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "pipeline/collect.h"
#include "pipeline/pipeline.h"
#include "report/report.h"

namespace plancheck::cli {

namespace {
constexpr const char* kUsage =
    "Usage: plancheck check [options] FILE|DIR...\n\n"
    "Checks each document (.docx .txt .md .html .pdf; folders are searched recursively)\n"
    "against the rule sets that apply to it and prints the findings.";

int severity_rank(const std::string& s) {
    if (s == "info") return 0;
    if (s == "warning") return 1;
    if (s == "error") return 2;
    return 3;  // none
}
}  // namespace

int cmd_check(const Args& args) {
    RuleOptions ro;
    std::string format = "text", fail_on = "error", color = "auto", encoding = "auto";
    std::vector<std::string> paths, rulesets;
    unsigned jobs = 0;
    double max_mb = 64;
    bool draft = false, quiet = false;
    po::options_description desc("Options");
    add_rule_options(desc, ro);
    desc.add_options()
        ("format,f", po::value(&format)->default_value("text")->value_name("FMT"),
         "output format: text, json, sarif, junit, html, csv")
        ("fail-on", po::value(&fail_on)->default_value("error")->value_name("LEVEL"),
         "exit 1 when a finding is at least this severe: error, warning, info, none")
        ("ruleset", po::value(&rulesets)->value_name("ID"),
         "use only this rule set (repeatable); default: every set whose conditions match")
        ("draft", po::bool_switch(&draft), "the document is a draft: a blank number or day is only a note")
        ("encoding", po::value(&encoding)->default_value("auto")->value_name("ENC"),
         "text encoding: auto, utf-8, utf-16le, utf-16be, cp1258, tcvn3, vni")
        ("max-size", po::value(&max_mb)->default_value(64)->value_name("MB"),
         "refuse inputs larger than this many megabytes")
        ("jobs,j", po::value(&jobs)->default_value(0)->value_name("N"),
         "files checked in parallel (0: one per core)")
        ("color", po::value(&color)->default_value("auto")->value_name("WHEN"), "auto, always, never")
        ("quiet,q", po::bool_switch(&quiet), "text output: no closing summary line")
        ("paths", po::value(&paths)->value_name("PATH"), "files or folders to check");
    po::positional_options_description pos;
    pos.add("paths", -1);
    po::variables_map vm;
    int code = 0;
    if (!parse(args, desc, pos, vm, kUsage, code)) return code;
    if (paths.empty()) {
        std::cerr << "plancheck: no files given\n" << kUsage << "\n";
        return kExitUsage;
    }
    auto fmts = report::formats();
    if (std::find(fmts.begin(), fmts.end(), format) == fmts.end()) {
        std::cerr << "plancheck: unknown --format '" << format << "'\n";
        return kExitUsage;
    }
    if (severity_rank(fail_on) == 3 && fail_on != "none") {
        std::cerr << "plancheck: --fail-on must be error, warning, info or none\n";
        return kExitUsage;
    }
    if (!ingest::known_encoding(encoding)) {
        std::cerr << "plancheck: unknown --encoding '" << encoding << "' (auto, utf-8, utf-16le, utf-16be, cp1258, tcvn3, vni)\n";
        return kExitUsage;
    }
    if (max_mb <= 0) {
        std::cerr << "plancheck: --max-size must be positive\n";
        return kExitUsage;
    }
    rules::RuleBook book;
    if (!load_rules(ro, book)) return kExitUsage;

    pipeline::Options opts;
    opts.ingest.encoding = encoding;
    opts.ingest.max_bytes = static_cast<uint64_t>(max_mb * 1024 * 1024);
    opts.check.lang = ro.lang;
    opts.check.draft = draft;
    opts.rulesets = rulesets;
    for (const auto& id : rulesets) {
        if (!book.find_set(id)) {
            std::cerr << "plancheck: unknown rule set '" << id << "'\n";
            return kExitUsage;
        }
    }

    auto inputs = pipeline::collect_inputs(paths);
    std::vector<report::FileReport> reports(inputs.size());
    std::atomic<size_t> next{0};
    auto worker = [&] {
        for (size_t i; (i = next++) < inputs.size();) {
            const auto& in = inputs[i];
            auto& r = reports[i];
            r.path = in.path;
            if (!in.problem.empty()) {
                r.diagnostics.push_back(pipeline::unreadable(in.path, {in.problem, ""}, ro.lang));
                continue;
            }
            try {
                auto fr = pipeline::check_file(in.path, book, opts);
                r.format = fr.format;
                r.diagnostics = std::move(fr.diagnostics);
            } catch (const std::exception& e) {
                // Last line of defence: one bad file never stops the batch.
                r.diagnostics.push_back(pipeline::unreadable(in.path, {std::string("internal error: ") + e.what(), "please report it"}, ro.lang));
            }
        }
    };
    unsigned n = jobs ? jobs : std::max(1u, std::thread::hardware_concurrency());
    n = static_cast<unsigned>(std::min<size_t>(n, std::max<size_t>(1, inputs.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < n; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();

    report::Options ropts;
    ropts.lang = ro.lang;
    ropts.summary = !quiet;
    ropts.tool_version = PLANCHECK_VERSION;
    ropts.color = color == "always" || (color == "auto" && format == "text" && isatty(STDOUT_FILENO));
    report::write(std::cout, format, reports, ropts);
    std::cout.flush();

    bool unreadable = false, failing = false;
    int threshold = severity_rank(fail_on);
    for (const auto& r : reports)
        for (const auto& d : r.diagnostics) {
            if (d.category == "input.unreadable") unreadable = true;
            if (static_cast<int>(d.severity) >= threshold) failing = true;
        }
    if (unreadable) return kExitUsage;
    return failing ? kExitFindings : kExitClean;
}

}  // namespace plancheck::cli
