#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "cli/fix_report.h"
#include "pipeline/atomic_file.h"
#include "pipeline/collect.h"
#include "pipeline/config.h"
#include "pipeline/fix.h"
#include "pipeline/pipeline.h"
#include "pipeline/suppress.h"
#include "pipeline/baseline.h"
#include "pipeline/workers.h"
#include "report/escape.h"
#include "report/near_copies.h"
#include "report/report.h"
#include "rules/kinds/kinds.h"

namespace plancheck::cli {

namespace {
constexpr const char* kUsage =
    "Usage: plancheck check [options] [FILE|DIR|-]...\n\n"
    "Checks each document (.docx .txt .md .html .pdf, and .doc .rtf .odt through LibreOffice;\n"
    "folders are searched recursively, other files in them are listed as not checked)\n"
    "against the rule sets that apply to it and prints the findings.\n"
    "With no path, checks the current folder; - reads a document from standard input.\n"
    "With --fix, applies the suggested corrections to .txt and .md files, then reports\n"
    "what remains; --diff shows the corrections as a unified diff without writing.";

int severity_rank(const std::string& s) {
    if (s == "info") return 0;
    if (s == "warning") return 1;
    if (s == "error") return 2;
    return 3;  // none
}

// The rule metadata the report writers need (SARIF rule table), as plain data:
// the report stage does not depend on the rules stage.
std::vector<report::RuleInfo> rule_infos(const rules::RuleBook& book, const std::string& lang) {
    std::vector<report::RuleInfo> out;
    for (const auto& s : book.sets)
        for (const auto& r : s.rules) {
            const auto& m = r->meta();
            auto msg = m.message.find(lang);
            if (msg == m.message.end()) msg = m.message.find("vi");
            const auto* kind = rules::find_kind(m.kind);
            out.push_back({m.id, m.category, m.severity, m.legal_basis,
                           msg == m.message.end() ? std::string() : msg->second, m.description,
                           kind ? std::string(kind->summary) : std::string()});
        }
    return out;
}

// "" when `name` is a loaded rule id or a category; else the message, with
// the closest known name when one is near.
std::string unknown_rule_or_category(const rules::RuleBook& book, const std::string& name) {
    std::vector<std::string> known;
    for (const auto& s : book.sets)
        for (const auto& r : s.rules) known.push_back(r->meta().id);
    for (auto c : all_categories()) known.emplace_back(c);
    if (std::find(known.begin(), known.end(), name) != known.end()) return {};
    std::string msg = "unknown rule or category '" + name + "'";
    if (auto best = pipeline::closest_name(name, known); !best.empty()) msg += " (did you mean '" + best + "'?)";
    return msg + "; `plancheck rules list` and `plancheck explain --categories` list them";
}

bool same_file(const std::string& a, const std::string& b) {
    std::error_code ec;
    return std::filesystem::equivalent(a, b, ec);
}

// Whether an existing file is a report an earlier run wrote (so that
// `-o report.html` inside a checked folder may replace it), rather than a
// document: its start has a report's shape in one of the formats.
bool looks_like_report(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    if (head.rfind("\xEF\xBB\xBF", 0) == 0) head.erase(0, 3);
    if (head.find("plancheck") != std::string::npos) return true;  // HTML, SARIF, JUnit name the tool
    for (const char* sep : {",", ";", "\t", "|"})  // CSV, any --csv-separator
        if (head.rfind(std::string("path") + sep + "line" + sep + "column" + sep, 0) == 0) return true;
    if (head.rfind("{", 0) == 0 && head.find("\"files\"") != std::string::npos) return true;  // JSON
    // Text: "PATH:LINE:COL: severity: ..." first, or the closing summary line alone.
    std::string first = head.substr(0, head.find('\n'));
    for (const char* sev : {": lỗi: ", ": cảnh báo: ", ": lưu ý: ", ": error: ", ": warning: ", ": note: "})
        if (first.find(sev) != std::string::npos) return true;
    return first.find(" checked: ") != std::string::npos || first.rfind("Đã kiểm tra ", 0) == 0;
}
// "Đang kiểm tra 123/500 tệp..." on standard error, rewritten in place, for
// a run that lasts more than a second (PLANCHECK_PROGRESS_AFTER seconds), and
// only on a terminal; cleared at the end.
class Progress {
public:
    Progress(size_t total, bool enabled, bool en) : total_(total), enabled_(enabled && total > 1), en_(en) {
        if (const char* a = std::getenv("PLANCHECK_PROGRESS_AFTER"); a && *a) after_ = std::atof(a);
    }
    void tick() {
        std::lock_guard<std::mutex> lock(mu_);
        ++done_;
        if (!enabled_ || done_ >= total_) return;
        auto now = std::chrono::steady_clock::now();
        if (std::chrono::duration<double>(now - start_).count() < after_) return;
        if (shown_ && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        shown_ = true;
        std::string line = (en_ ? "Checking " : "Đang kiểm tra ") + std::to_string(done_) + "/" +
                           std::to_string(total_) + (en_ ? " files..." : " tệp...");
        std::cerr << "\r" << line << "\x1b[K" << std::flush;
    }
    void clear() {
        std::lock_guard<std::mutex> lock(mu_);
        if (!shown_) return;
        std::cerr << "\r\x1b[K" << std::flush;
        shown_ = false;
    }

private:
    std::mutex mu_;
    size_t total_, done_ = 0;
    bool enabled_, en_, shown_ = false;
    double after_ = 1.0;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_;
};
}  // namespace

int cmd_check(const Args& args) {
    RuleOptions ro;
    std::string format = "text", fail_on = "error", color = "auto", encoding = "auto", output, csv_separator = ",";
    std::vector<std::string> paths, rulesets;
    std::string plan_path;               // --plan
    std::vector<std::string> plan_dirs;  // --plans
    unsigned jobs = 0;
    double max_mb = 64, timeout_s = 30, max_memory_mb = 1024;
    bool draft = false, quiet = false, summary = false, fix = false, dry_run = false, diff = false;
    bool no_config = false, include_hidden = false, show_suppressed = false, no_ignore = false;
    std::string stdin_filename;
    std::vector<std::string> includes, excludes;
    bool near_copies = false, no_near_copies = false, no_backup = false;
    std::string config_path, baseline_path, write_baseline_path;
    std::vector<std::string> disable, enable;
    po::options_description desc("Options");
    add_rule_options(desc, ro);
    desc.add_options()
        ("format,f", po::value(&format)->default_value("text")->value_name("FMT"),
         "output format: text, json, sarif, junit, html, csv, github (workflow commands), codequality (GitLab), "
         "gnu (file:line:col: error|warning|note: message [rule], for editors)")
        ("output,o", po::value(&output)->value_name("FILE"),
         "write the report to FILE (replaced atomically) instead of standard output; - is standard output")
        ("csv-separator", po::value(&csv_separator)->default_value(",")->value_name("SEP"),
         "field separator of --format csv: , (default), ; (Excel with Vietnamese regional settings), tab or |")
        ("summary", po::bool_switch(&summary),
         "print a table of findings per category and the files needing attention first "
         "(instead of each finding; with --output, in addition to the report file)")
        ("fail-on", po::value(&fail_on)->default_value("error")->value_name("LEVEL"),
         "exit 1 when a finding is at least this severe: error, warning, info, none")
        ("fix", po::bool_switch(&fix), "apply suggested corrections to .txt and .md files (and a .docx's page setup and body font and size), "
         "then report what remains; the original is kept as FILE~")
        ("no-backup", po::bool_switch(&no_backup), "with --fix: do not keep the original as FILE~")
        ("dry-run", po::bool_switch(&dry_run), "with --fix: print the corrections as a unified diff, change nothing")
        ("diff", po::bool_switch(&diff), "same as --fix --dry-run")
        ("ruleset", po::value(&rulesets)->value_name("ID"),
         "use only this rule set (repeatable); default: every set whose conditions match")
        ("draft", po::bool_switch(&draft), "the document is a draft: a blank number or day is only a note")
        ("encoding", po::value(&encoding)->default_value("auto")->value_name("ENC"),
         "text encoding: auto, utf-8, utf-16le, utf-16be, cp1258, tcvn3, vni")
        ("max-size", po::value(&max_mb)->default_value(64)->value_name("MB"),
         "refuse inputs larger than this many megabytes")
        ("jobs,j", po::value(&jobs)->default_value(0)->value_name("N"),
         "files checked in parallel (0: one per core)")
        ("timeout", po::value(&timeout_s)->default_value(30)->value_name("SECONDS"),
         "in a batch, stop checking a file after this many seconds (it is reported unreadable)")
        ("max-memory", po::value(&max_memory_mb)->default_value(1024)->value_name("MB"),
         "in a batch, stop checking a file that needs more than this many megabytes")
        ("color", po::value(&color)->default_value("auto")->value_name("WHEN"),
         "colours in text output: auto (on a terminal, unless NO_COLOR is set), always, never")
        ("quiet,q", po::bool_switch(&quiet), "text output: no closing summary line")
        ("config", po::value(&config_path)->value_name("FILE"),
         "project settings (default: the nearest .plancheck.yaml above the first path); see docs/config.md")
        ("no-config", po::bool_switch(&no_config), "ignore .plancheck.yaml files")
        ("disable", po::value(&disable)->value_name("RULE|CATEGORY"),
         "do not report this rule or category (repeatable; adds to the config's disable list)")
        ("enable", po::value(&enable)->value_name("RULE|CATEGORY"),
         "report this rule or category even if the config disables it (repeatable)")
        ("baseline", po::value(&baseline_path)->value_name("FILE"),
         "report only findings that are not in this baseline (see --write-baseline, docs/ci.md)")
        ("write-baseline", po::value(&write_baseline_path)->value_name("FILE"),
         "record every finding of this run in FILE (the report is printed as usual; exits 0 unless a file is unreadable)")
        ("include", po::value(&includes)->value_name("GLOB"),
         "in folders, check only files matching this glob (repeatable; ** for any folders; see docs/config.md)")
        ("exclude", po::value(&excludes)->value_name("GLOB"),
         "in folders, leave out files and folders matching this glob (repeatable)")
        ("no-ignore", po::bool_switch(&no_ignore), "do not read .plancheckignore files")
        ("stdin-filename", po::value(&stdin_filename)->value_name("NAME"),
         "the name of the document read from standard input (-): its extension gives the format (default .txt), "
         "its folder the .plancheck.yaml")
        ("show-suppressed", po::bool_switch(&show_suppressed),
         "text output: also print findings switched off by inline plancheck-disable directives")
        ("include-hidden", po::bool_switch(&include_hidden),
         "in folders, also check hidden files and folders (.name) and Office lock files (~$name, .~lock.name#)")
        ("plan", po::value(&plan_path)->value_name("FILE"),
         "check each report against this plan (docs/progress.md)")
        ("plans", po::value(&plan_dirs)->value_name("DIR"),
         "pair each report with the plan it cites among the plans in DIR (repeatable; docs/progress.md)")
        ("near-copies", po::bool_switch(&near_copies),
         "list files from different folders that share long passages, with their dates (on by default "
         "for --format html and --summary; see docs/output-formats.md)")
        ("no-near-copies", po::bool_switch(&no_near_copies), "do not look for near-copies")
        ("paths", po::value(&paths)->value_name("PATH"), "files or folders to check");
    po::positional_options_description pos;
    pos.add("paths", -1);
    po::variables_map vm;
    int code = 0;
    if (!parse(args, desc, pos, vm, kUsage, code)) return code;
    const bool cli_rulesets = !rulesets.empty(), cli_draft = draft;  // before the config adds to them
    auto usage_error = [&](const std::string& msg) {
        std::cerr << "plancheck: " << say(msg, ro.lang) << "\n";
        return kExitUsage;
    };
    // No path: the current folder, its files named relative to it.
    const bool implicit_cwd = paths.empty();
    if (implicit_cwd) paths.push_back(".");
    const size_t stdin_count = static_cast<size_t>(std::count(paths.begin(), paths.end(), "-"));
    if (stdin_count > 1) return usage_error("- (standard input) can be given once");
    if (!stdin_filename.empty() && !stdin_count) return usage_error("--stdin-filename names standard input: give - as a path");
    const std::string stdin_name = stdin_filename.empty() ? "<stdin>" : stdin_filename;
    std::string stdin_format = "txt";
    if (!stdin_filename.empty()) {
        stdin_format = ingest::format_of(stdin_filename);
        if (stdin_format.empty())
            return usage_error("--stdin-filename " + report::terminal_safe(stdin_filename) +
                               ": its extension is not a format plancheck reads (.docx .txt .md .html .pdf ...)");
    }
    // Where a path's settings are looked for: standard input's in the folder
    // of --stdin-filename (else the current one).
    auto config_anchor = [&](const std::string& p) { return p == "-" ? (stdin_filename.empty() ? std::string(".") : stdin_filename) : p; };
    // Project settings: the command line wins over .plancheck.yaml. Keys that
    // hold for the whole run (rules, lang, fail_on, timeout, max_memory) come
    // from the settings of the first path; disable, enable, severity,
    // rulesets and draft from each file's own (docs/config.md).
    pipeline::Config cfg;
    pipeline::ConfigResolver resolver;
    const bool explicit_config = !config_path.empty();
    if (!no_config) {
        try {
            if (explicit_config) cfg = pipeline::load_config(config_path);
            else cfg = resolver.for_path(config_anchor(paths.front()));
        } catch (const std::exception& e) {
            std::cerr << "plancheck: " << say(std::string("error in config: ") + e.what(), ro.lang) << "\n";
            return kExitUsage;
        }
        {
            if (cfg.rules_dir && ro.rules_dir.empty()) ro.rules_dir = *cfg.rules_dir;
            if (rulesets.empty()) rulesets = cfg.rulesets;
            if (cfg.fail_on && vm["fail-on"].defaulted()) fail_on = *cfg.fail_on;
            if (cfg.lang && vm["lang"].defaulted()) ro.lang = *cfg.lang;
            if (cfg.draft && !draft) draft = *cfg.draft;
            if (cfg.timeout && vm["timeout"].defaulted()) timeout_s = *cfg.timeout;
            if (cfg.max_memory && vm["max-memory"].defaulted()) max_memory_mb = *cfg.max_memory;
        }
    }
    auto fmts = report::formats();
    if (std::find(fmts.begin(), fmts.end(), format) == fmts.end()) {
        std::string list;
        for (const auto& f : fmts) list += (list.empty() ? "" : ", ") + f;
        return usage_error("unknown --format '" + format + "' (one of: " + list + ")");
    }
    if (!ingest::known_encoding(encoding))
        return usage_error("unknown --encoding '" + encoding + "' (auto, utf-8, utf-16le, utf-16be, cp1258, tcvn3, vni)");
    if (severity_rank(fail_on) == 3 && fail_on != "none")
        return usage_error("--fail-on must be error, warning, info or none");
    if (color != "auto" && color != "always" && color != "never")
        return usage_error("--color must be auto, always or never");
    if (!ingest::known_encoding(encoding))
        return usage_error("unknown --encoding '" + encoding + "' (auto, utf-8, utf-16le, utf-16be, cp1258, tcvn3, vni)");
    // NaN compares false with everything and inf overflows the byte count: both
    // once slipped through as "no limit" or "every file too large".
    if (!std::isfinite(max_mb) || max_mb <= 0 || max_mb > 1024 * 1024)
        return usage_error("--max-size must be a positive number of megabytes (at most 1048576)");
    if (!std::isfinite(timeout_s) || timeout_s <= 0 || timeout_s > 1e6)
        return usage_error("--timeout must be a positive number of seconds");
    if (!std::isfinite(max_memory_mb) || max_memory_mb < 64 || max_memory_mb > 1024.0 * 1024 * 1024)
        return usage_error("--max-memory must be a number of megabytes, at least 64");
    if (csv_separator == "tab" || csv_separator == "\\t") csv_separator = "\t";
    if (csv_separator.size() != 1 || std::string(",;\t|").find(csv_separator[0]) == std::string::npos)
        return usage_error("--csv-separator must be one of , ; tab |");
    if (diff) fix = dry_run = true;
    if (dry_run && !fix) return usage_error("--dry-run needs --fix (or use --diff)");
    if (fix && stdin_count) return usage_error("--fix and --diff rewrite files: they cannot take standard input (-)");
    if (output == "-") output.clear();
    if (summary && output.empty() && format != "text")
        return usage_error("--summary prints a table instead of the report; to get both, write the " + format +
                           " report to a file with --output");
    if (summary && dry_run)
        return usage_error("--summary and --diff both use standard output; use one of them");
    for (const auto& p : paths)
        if (!output.empty() && same_file(p, output))
            return usage_error("--output " + output + " is one of the documents to check");

    rules::RuleBook book;
    if (!load_rules(ro, book)) return kExitUsage;
    {
        size_t rule_count = 0;
        for (const auto& set : book.sets) rule_count += set.rules.size();
        // An empty or wrong --rules folder would pass every document.
        if (rule_count == 0)
            return usage_error("no rules found in " + (ro.rules_dir.empty() ? std::string("the rules folder") : ro.rules_dir) +
                               ": every document would pass; check --rules (or the config's rules:)");
    }

    // Rule ids and categories named in the config or on the command line must
    // exist: a misspelt id would otherwise disable nothing, silently.
    // (Each file's own settings are checked the same way below.)
    for (const auto& [names, where] : {std::pair{&cfg.disable, cfg.path.empty() ? std::string() : cfg.path + ": disable"},
                                       std::pair{&cfg.enable, cfg.path.empty() ? std::string() : cfg.path + ": enable"},
                                       std::pair{&disable, std::string("--disable")},
                                       std::pair{&enable, std::string("--enable")}})
        for (const auto& name : *names)
            if (auto problem = unknown_rule_or_category(book, name); !problem.empty())
                return usage_error((where.empty() ? std::string() : where + ": ") + problem);
    // The command line's --disable and --enable go on top of every file's settings.
    auto with_command_line = [&](pipeline::Config c) {
        for (const auto& d : disable) c.disable.push_back(d);
        for (const auto& e : enable) c.disable.erase(std::remove(c.disable.begin(), c.disable.end(), e), c.disable.end());
        return c;
    };
    cfg = with_command_line(std::move(cfg));
    std::optional<pipeline::Baseline> baseline;
    if (!baseline_path.empty()) {
        try {
            baseline = pipeline::Baseline::load(baseline_path);
        } catch (const std::exception& e) {
            return usage_error(e.what());
        }
    }
    std::atomic<size_t> baselined{0};
    // Near-copies across units: each file's body text goes into the index as
    // soon as the file is checked (report/near_copies.h).
    const bool find_near_copies = (near_copies || format == "html" || summary) && !no_near_copies;
    report::NearCopyIndex near_index;
    std::mutex near_mutex;

    pipeline::Options opts;
    opts.ingest.encoding = encoding;
    opts.ingest.max_bytes = static_cast<uint64_t>(max_mb * 1024 * 1024);
    opts.check.lang = ro.lang;
    opts.fix_backup = !no_backup;
    opts.timeout_seconds = timeout_s;  // the deadline inside; workers are killed a little later
    opts.check.draft = draft;
    opts.rulesets = rulesets;
    opts.keep_text = find_near_copies;
    // Only the HTML report shows each report's progress table (its progress
    // view); the other formats would carry it to this process for nothing (a
    // long report's table has a row per figure).
    opts.keep_progress = format == "html";
    for (const auto& id : rulesets)
        if (!book.find_set(id)) return usage_error("unknown rule set '" + id + "'");

    pipeline::CollectOptions copts;
    copts.include_hidden = include_hidden;
    copts.include = includes;
    copts.exclude = excludes;
    copts.ignore_files = !no_ignore;
    // Standard input is read whole, up to --max-size, before anything else.
    std::string stdin_bytes;
    std::string stdin_problem;
    if (stdin_count) {
        std::ios::sync_with_stdio(false);
        char buf[65536];
        while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
            stdin_bytes.append(buf, static_cast<size_t>(std::cin.gcount()));
            if (stdin_bytes.size() > opts.ingest.max_bytes) {
                stdin_problem = "standard input is larger than --max-size";
                stdin_bytes.clear();
                break;
            }
        }
    }
    std::vector<pipeline::Input> inputs;
    for (const auto& p : paths) {  // standard input in its place among the paths
        if (p == "-") {
            inputs.push_back({stdin_name, stdin_problem, "", false, true});
            continue;
        }
        for (auto& in : pipeline::collect_inputs({p}, copts)) inputs.push_back(std::move(in));
    }
    if (implicit_cwd)  // "./a.txt" -> "a.txt"
        for (auto& in : inputs)
            if (in.path.rfind("./", 0) == 0) in.path.erase(0, 2);
    // The report file (left by an earlier run, e.g. -o report.html inside a
    // checked folder) is never checked as a document.
    // A document (or a symlink to one) named as the output is refused: the
    // report would silently replace it.
    if (!output.empty()) {
        for (const auto& in : inputs)
            if (!in.from_stdin && same_file(in.path, output) && !looks_like_report(in.path))
                return usage_error("--output " + report::terminal_safe(output) + " is the document " +
                                   report::terminal_safe(in.path) + " being checked; choose another report file");
        inputs.erase(std::remove_if(inputs.begin(), inputs.end(),
                                    [&](const pipeline::Input& in) { return !in.from_stdin && same_file(in.path, output); }),
                     inputs.end());
    }
    // The same file named twice (a.txt and ./a.txt, or a folder and a file in
    // it) is fixed and reported once: two fixers racing on one file could lose
    // a change, and the second report would be stale.
    if (fix) {
        std::set<std::string> seen;
        inputs.erase(std::remove_if(inputs.begin(), inputs.end(),
                                    [&](const pipeline::Input& in) {
                                        std::error_code ec;
                                        auto canon = std::filesystem::weakly_canonical(in.path, ec);
                                        return !ec && !seen.insert(canon.string()).second;
                                    }),
                     inputs.end());
    }
    // NO_COLOR (https://no-color.org): any non-empty value turns off automatic colour;
    // an explicit --color always still wins.
    const char* no_color = std::getenv("NO_COLOR");
    bool stdout_colour = color == "always" ||
                         (color == "auto" && !(no_color && *no_color) && isatty(STDOUT_FILENO));

    report::Options ropts;
    ropts.lang = ro.lang;
    ropts.summary = !quiet;
    ropts.tool_version = PLANCHECK_VERSION;
#ifdef PLANCHECK_HOMEPAGE
    ropts.tool_uri = PLANCHECK_HOMEPAGE;  // the project's public home, when the build knows it
#endif
    if (const char* uri = std::getenv("PLANCHECK_HOMEPAGE"); uri && *uri) ropts.tool_uri = uri;
    {
        // SARIF informationUri and each rule's helpUri: the documentation that
        // comes with this plancheck, unless the build or the environment names
        // a public home.
        std::string docs = report::path_to_uri(std::filesystem::absolute(docs_dir()).string());
        if (!docs.empty() && docs.back() != '/') docs += '/';
        if (ropts.tool_uri.empty()) ropts.tool_uri = docs;
        ropts.rules_uri = docs + "rules.md#{anchor}";
    }
    ropts.rules = rule_infos(book, ro.lang);
    ropts.fail_rank = severity_rank(fail_on);
    ropts.csv_separator = csv_separator[0];
    // Files found in folders in a format plancheck does not read are listed
    // as not checked (never a finding, never a failure) and not read.
    for (const auto& in : inputs)
        if (in.unsupported) ropts.not_checked.push_back({in.path, pipeline::not_checked_reason(in, ro.lang)});
    inputs.erase(std::remove_if(inputs.begin(), inputs.end(), [](const pipeline::Input& in) { return in.unsupported; }),
                 inputs.end());

    // Each file's own settings: the .plancheck.yaml files above it, merged
    // (resolved once per folder), with --disable/--enable on top; --config
    // FILE and --no-config give every file the same.
    std::vector<const pipeline::Config*> file_cfg(inputs.size(), &cfg);
    std::map<const pipeline::Config*, pipeline::Config> effective;
    if (!no_config && !explicit_config) {
        try {
            for (size_t i = 0; i < inputs.size(); ++i) {
                const auto& c = resolver.for_path(inputs[i].from_stdin ? config_anchor("-") : inputs[i].path);
                auto [it, fresh] = effective.try_emplace(&c);
                if (fresh) it->second = with_command_line(c);
                file_cfg[i] = &it->second;
            }
        } catch (const std::exception& e) {
            std::cerr << "plancheck: error in config: " << e.what() << "\n";
            return kExitUsage;
        }
        for (const auto& f : resolver.files()) {
            for (const auto& [names, key] : {std::pair{&f.disable, "disable"}, std::pair{&f.enable, "enable"}})
                for (const auto& name : *names)
                    if (auto problem = unknown_rule_or_category(book, name); !problem.empty())
                        return usage_error(f.path + ": " + key + ": " + problem);
            for (const auto& id : f.rulesets)
                if (!book.find_set(id)) return usage_error(f.path + ": rulesets: unknown rule set '" + id + "'");
        }
    }
    ropts.show_suppressed = show_suppressed;

    // Text, JSON and CSV reports are written file by file, in input order, as
    // soon as a file and every file before it are checked, and the file's
    // diagnostics are then dropped: memory stays flat over a batch of any size.
    // The other formats (and --summary, --fix) need every file at the end.
    const bool streaming = report::Stream::supports(format) && !summary && !fix && write_baseline_path.empty();
    std::ostringstream buffered;  // the --output report, written atomically at the end
    std::ostream& out = output.empty() ? static_cast<std::ostream&>(std::cout) : buffered;
    ropts.color = output.empty() ? stdout_colour && format == "text" : format == "text" && color == "always";
    std::optional<report::Stream> stream;
    if (streaming && !dry_run) stream.emplace(out, format, ropts);

    bool unreadable = false, failing = false;
    const int threshold = severity_rank(fail_on);
    auto account = [&](const report::FileReport& r) {
        for (const auto& d : r.diagnostics) {
            if (d.suppressed) continue;  // switched off in the document: never fails a run
            if (d.category == "input.unreadable") unreadable = true;
            if (static_cast<int>(d.severity) >= threshold) failing = true;
        }
    };

    Progress progress(inputs.size(), isatty(STDERR_FILENO) && !quiet && !dry_run, ro.lang == "en");
    const bool stdout_tty = output.empty() && isatty(STDOUT_FILENO);
    std::vector<report::FileReport> reports(inputs.size());
    std::vector<pipeline::FixOutcome> fixes(fix ? inputs.size() : 0);
    std::vector<char> done(stream ? inputs.size() : 0);
    size_t emitted = 0;
    bool in_worker = false;  // set in a forked worker process
    std::mutex emit_mutex;
    auto emit_ready = [&](size_t i) {
        std::lock_guard<std::mutex> lock(emit_mutex);
        done[i] = 1;
        for (; emitted < inputs.size() && done[emitted]; ++emitted) {
            if (stdout_tty) progress.clear();  // the report and the progress line share the terminal
            stream->add(reports[emitted]);
            account(reports[emitted]);
            reports[emitted] = report::FileReport{};
        }
    };
    // A file's report is complete: the baseline takes out what it holds (in
    // this process, also for files checked by workers), then it goes out.
    auto finish = [&](size_t i) {
        if (baseline) baselined += baseline->filter(reports[i]);
        if (find_near_copies) {
            std::lock_guard<std::mutex> lock(near_mutex);
            if (!reports[i].text.empty()) near_index.add(reports[i].path, std::move(reports[i].text), reports[i].date, i);
            reports[i].text = std::string();
        }
        if (stream) emit_ready(i);
        if (stdout_tty) std::cout.flush();
        progress.tick();
    };
    // One file, in this process: fills reports[i] (and fixes[i]).
    auto process = [&](size_t i) {
        const auto& in = inputs[i];
        auto& r = reports[i];
        r.path = in.path;
        if (!in.problem.empty()) {
            r.diagnostics.push_back(pipeline::unreadable(in.path, {in.problem, ""}, ro.lang));
            if (fix) fixes[i].status = pipeline::FixStatus::Unreadable;
            return;
        }
        try {
            const pipeline::Config& fc = *file_cfg[i];
            pipeline::Options fopts = opts;
            if (!cli_rulesets) fopts.rulesets = fc.rulesets;
            fopts.check.draft = cli_draft || fc.draft.value_or(false);
            pipeline::FileResult fr;
            if (fix) {
                fixes[i] = pipeline::fix_file(in.path, book, fopts, dry_run,
                                              [&](std::vector<Diagnostic>& d) { pipeline::apply_config(fc, d); });
                fr = std::move(fixes[i].remaining);
            } else if (in.from_stdin) {
                fr = pipeline::check_bytes(stdin_bytes, stdin_format, in.path, book, fopts);
            } else {
                fr = pipeline::check_file(in.path, book, fopts);
            }
            r.format = fr.format;
            r.diagnostics = std::move(fr.diagnostics);
            if (fr.progress) r.progress = std::make_shared<const ProgressTable>(std::move(*fr.progress));
            r.text = std::move(fr.text);
            r.date = std::move(fr.date);
            pipeline::apply_config(fc, r.diagnostics);
        } catch (const std::bad_alloc&) {
            if (in_worker) throw;  // the worker reports "needed more than N MB"
            r.diagnostics = {pipeline::unreadable(in.path, {"ran out of memory", "check it on its own"}, ro.lang)};
        } catch (const std::exception& e) {
            // Last line of defence: one bad file never stops the batch.
            r.diagnostics = {pipeline::unreadable(in.path, {std::string("internal error: ") + e.what(), "please report it"}, ro.lang)};
        }
    };

    unsigned n = jobs ? jobs : std::max(1u, std::thread::hardware_concurrency());
    n = static_cast<unsigned>(std::min<size_t>(n, std::max<size_t>(1, inputs.size())));

    // Worker processes (docs/architecture.md): a batch, or one large file, is
    // checked in forked workers with a time and memory budget per file, so one
    // file that crashes, hangs or exhausts memory costs only its own report.
    // --fix stays in-process (a file is never killed halfway through its
    // rewrite), and so does one small file (no fork: latency).
    bool use_workers = !fix;
    if (use_workers && inputs.size() == 1) {
        std::error_code ec;
        auto size = inputs[0].problem.empty() ? std::filesystem::file_size(inputs[0].path, ec) : 0;
        use_workers = !ec && size > (1u << 20);
    }
    if (const char* no = std::getenv("PLANCHECK_NO_WORKERS"); no && *no) use_workers = false;
    pipeline::Budget budget;
    budget.timeout_seconds = timeout_s;
    budget.max_memory_mb = static_cast<uint64_t>(max_memory_mb);
    {
        std::vector<std::string> batch;
        for (const auto& in : inputs)
            if (in.problem.empty()) batch.push_back(in.path);
        if (auto why = pipeline::configure_pairing(opts, plan_path, plan_dirs, batch, n, budget, use_workers); !why.empty())
            return usage_error(why);
    }
    bool ran = false;
    if (use_workers) {
        std::cout.flush();
        // The plans one worker reads for its reports are passed on to the others.
        const pipeline::Sharing plan_sharing = pipeline::plan_sharing();
        ran = pipeline::run_in_workers(
            inputs.size(), n, budget,
            [&](size_t i) {
                in_worker = true;
                process(i);
                std::string payload = pipeline::pack_progress(
                    pipeline::serialize_result(reports[i].format, reports[i].diagnostics, reports[i].text, reports[i].date),
                    reports[i].progress.get());
                // This process's copy of the report goes once it is sent (a worker
                // checks thousands of files: kept, they were its memory).
                reports[i] = report::FileReport{};
                if (fix) fixes[i] = pipeline::FixOutcome{};
                return payload;
            },
            [&](size_t i, pipeline::WorkerOutcome o) {
                auto& r = reports[i];
                r.path = inputs[i].path;
                if (o.failure == pipeline::WorkerFailure::None &&
                    pipeline::deserialize_result(pipeline::unpack_progress(o.payload, r.progress), r.format,
                                                 r.diagnostics, r.text, r.date)) {
                } else {
                    if (o.failure == pipeline::WorkerFailure::None) o.failure = pipeline::WorkerFailure::Crash;
                    r.diagnostics = {pipeline::unreadable(
                        r.path, {pipeline::failure_reason(o, budget, ro.lang), ""}, ro.lang)};
                }
                finish(i);
            },
            opts.plans ? &plan_sharing : nullptr);
    }
    if (!ran) {
        std::atomic<size_t> next{0};
        auto worker = [&] {
            for (size_t i; (i = next++) < inputs.size();) {
                process(i);
                finish(i);
            }
        };
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < n; ++t) pool.emplace_back(worker);
        worker();
        for (auto& t : pool) t.join();
    }

    progress.clear();
    if (fix) {
        std::vector<std::string> names;
        for (const auto& in : inputs) names.push_back(in.path);
        tell_fixes(std::cerr, names, fixes, dry_run, ro.lang == "en");
        // On a terminal the diff's lines are escaped (a document line could
        // carry ESC or OSC sequences); into a pipe it stays a valid patch.
        if (dry_run)
            for (const auto& f : fixes)
                std::cout << (isatty(STDOUT_FILENO) ? report::terminal_safe(f.diff, true) : f.diff);
    }

    if (find_near_copies) ropts.near_copies = near_index.find();
    if (stream) {
        stream->finish();
    } else {
        for (const auto& r : reports) account(r);
        // In a dry run standard output carries the diff only (so it can be piped to patch).
        if (!output.empty() || (!summary && !dry_run)) report::write(out, format, reports, ropts);
    }
    if (!output.empty()) {
        std::string error;
        if (!pipeline::write_output(output, buffered.str(), error)) {
            std::cerr << "plancheck: " << say("cannot write " + output + ": " + error, ro.lang) << "\n";
            return kExitUsage;
        }
    }
    if (summary) {
        ropts.color = stdout_colour;
        report::write_summary_table(std::cout, report::without_suppressed(reports), ropts);
    }
    std::cout.flush();
    const bool en = ro.lang == "en";
    if (baseline && baselined)
        std::cerr << "plancheck: " << baselined
                  << (en ? " finding(s) are in the baseline and not reported\n"
                         : " phát hiện đã có trong baseline, không báo lại\n");
    if (!write_baseline_path.empty()) {
        auto b = pipeline::Baseline::of(reports);
        std::string error;
        if (!b.save(write_baseline_path, error)) {
            std::cerr << "plancheck: " << say("cannot write " + write_baseline_path + ": " + error, ro.lang) << "\n";
            return kExitUsage;
        }
        std::cerr << "plancheck: " << (en ? "wrote " : "đã ghi ") << b.size()
                  << (en ? " finding(s) to the baseline " : " phát hiện vào baseline ") << write_baseline_path << "\n";
        return unreadable ? kExitUsage : kExitClean;
    }

    if (unreadable) return kExitUsage;
    return failing ? kExitFindings : kExitClean;
}

}  // namespace plancheck::cli
