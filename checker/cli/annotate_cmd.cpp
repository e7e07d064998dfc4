// plancheck annotate FILE.docx [-o OUT.docx]: the findings of `check` as
// Word comments (or, with --suggest, tracked changes) in a copy of the file
// (see ingest/annotate.h, docs/annotate.md).
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "ingest/annotate.h"
#include "pipeline/atomic_file.h"
#include "pipeline/config.h"
#include "pipeline/pipeline.h"
#include "report/escape.h"

namespace plancheck::cli {

namespace {
constexpr const char* kUsage =
    "Usage: plancheck annotate [options] FILE.docx [-o OUT.docx]\n\n"
    "Checks a Word document like `plancheck check` and writes a copy of it with one\n"
    "Word comment per finding, anchored on the offending text (author \"plancheck\";\n"
    "the message, the legal basis and the suggested correction). With --suggest,\n"
    "findings that carry a safe correction become tracked changes instead, which\n"
    "can be accepted or rejected in Word. The input file is never changed.\n"
    "Default output: FILE.checked.docx next to FILE.docx.";

int severity_rank(const std::string& s) {
    if (s == "info") return 0;
    if (s == "warning") return 1;
    if (s == "error") return 2;
    return 3;  // none
}

bool same_file(const std::string& a, const std::string& b) {
    std::error_code ec;
    if (std::filesystem::equivalent(a, b, ec)) return true;
    auto ca = std::filesystem::weakly_canonical(a, ec);
    if (ec) return false;
    auto cb = std::filesystem::weakly_canonical(b, ec);
    return !ec && ca == cb;
}

std::string default_output(const std::string& input) {
    std::filesystem::path p(input);
    std::string stem = p.stem().string();
    return (p.parent_path() / (stem + ".checked.docx")).string();
}
}  // namespace

int cmd_annotate(const Args& args) {
    RuleOptions ro;
    std::string input, output, fail_on = "error", encoding = "auto", config_path;
    std::vector<std::string> rulesets, disable, enable;
    bool suggest = false, draft = false, no_config = false;
    po::options_description desc("Options");
    add_rule_options(desc, ro);
    desc.add_options()
        ("output,o", po::value(&output)->value_name("FILE"),
         "write the annotated copy to FILE (default: FILE.checked.docx next to the input); never the input")
        ("suggest", po::bool_switch(&suggest),
         "findings with a safe correction become tracked changes (w:ins/w:del) instead of comments")
        ("fail-on", po::value(&fail_on)->default_value("error")->value_name("LEVEL"),
         "exit 1 when a finding is at least this severe: error, warning, info, none")
        ("ruleset", po::value(&rulesets)->value_name("ID"),
         "use only this rule set (repeatable); default: every set whose conditions match")
        ("draft", po::bool_switch(&draft), "the document is a draft: a blank number or day is only a note")
        ("config", po::value(&config_path)->value_name("FILE"),
         "project settings (default: the nearest .plancheck.yaml above the file); see docs/config.md")
        ("no-config", po::bool_switch(&no_config), "ignore .plancheck.yaml files")
        ("disable", po::value(&disable)->value_name("RULE|CATEGORY"), "do not report this rule or category (repeatable)")
        ("enable", po::value(&enable)->value_name("RULE|CATEGORY"),
         "report this rule or category even if the config disables it (repeatable)")
        ("file", po::value(&input)->value_name("FILE.docx"), "the Word document to annotate");
    po::positional_options_description pos;
    pos.add("file", 1);
    po::variables_map vm;
    int code = 0;
    if (!parse(args, desc, pos, vm, kUsage, code)) return code;
    auto say = [&](const std::string& vi, const std::string& en) {
        std::cerr << "plancheck: " << (ro.lang == "en" ? en : vi) << "\n";
        return kExitUsage;
    };
    if (input.empty()) {
        std::cerr << "plancheck: " << (ro.lang == "en" ? "no file given" : "chưa chỉ ra tệp cần kiểm tra") << "\n"
                  << kUsage << "\n";
        return kExitUsage;
    }
    if (severity_rank(fail_on) == 3 && fail_on != "none")
        return say("--fail-on phải là error, warning, info hoặc none", "--fail-on must be error, warning, info or none");
    if (output.empty()) output = default_output(input);
    const std::string shown_in = report::terminal_safe(input), shown_out = report::terminal_safe(output);
    if (output == "-") return say("annotate ghi ra một tệp .docx, không ra đầu ra chuẩn: hãy dùng -o TỆP.docx",
                                  "annotate writes a .docx file, not standard output: use -o FILE.docx");
    if (same_file(input, output))
        return say("tệp kết quả " + shown_out + " trùng với tệp cần kiểm tra: hãy chọn tên khác (annotate không bao giờ ghi đè tệp gốc)",
                   "the output " + shown_out + " is the input document: choose another name (annotate never overwrites the original)");

    std::string bytes;
    {
        // The limit `check` applies by default (--max-size 64): the file is read whole.
        const uint64_t limit = ingest::Options{}.max_bytes;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(input, ec))
            return say(shown_in + " không phải là một tệp", shown_in + " is not a file");
        if (std::filesystem::file_size(input, ec) > limit)
            return say(shown_in + " lớn hơn 64 MB: không phải một văn bản hành chính?",
                       shown_in + " is larger than 64 MB: not an administrative document?");
        std::ifstream in(input, std::ios::binary);
        if (!in) return say("không mở được " + shown_in, "cannot open " + shown_in);
        std::ostringstream ss;
        ss << in.rdbuf();
        bytes = ss.str();
    }
    std::string kind = ingest::sniff_format(bytes, ingest::format_of(input));
    if (kind != "docx")
        return say(shown_in + " không phải tệp Word .docx: annotate chỉ ghi nhận xét vào tệp .docx (hãy lưu văn bản thành .docx, hoặc dùng `plancheck check`)",
                   shown_in + " is not a Word .docx file: annotate writes comments into .docx files only (save it as .docx, or use `plancheck check`)");

    pipeline::Config cfg;
    if (!no_config) {
        if (config_path.empty()) config_path = pipeline::find_config(input);
        if (!config_path.empty()) {
            try {
                cfg = pipeline::load_config(config_path);
            } catch (const std::exception& e) {
                return say(std::string("lỗi trong tệp cấu hình: ") + e.what(), std::string("error in config: ") + e.what());
            }
            if (cfg.rules_dir && ro.rules_dir.empty()) ro.rules_dir = *cfg.rules_dir;
            if (rulesets.empty()) rulesets = cfg.rulesets;
            if (cfg.fail_on && vm["fail-on"].defaulted()) fail_on = *cfg.fail_on;
            if (cfg.lang && vm["lang"].defaulted()) ro.lang = *cfg.lang;
            if (cfg.draft && !draft) draft = *cfg.draft;
        }
    }
    for (const auto& d : disable) cfg.disable.push_back(d);
    for (const auto& e : enable) cfg.disable.erase(std::remove(cfg.disable.begin(), cfg.disable.end(), e), cfg.disable.end());

    rules::RuleBook book;
    if (!load_rules(ro, book)) return kExitUsage;
    for (const auto& id : rulesets)
        if (!book.find_set(id)) return say("không có bộ quy tắc '" + id + "'", "unknown rule set '" + id + "'");

    pipeline::Options opts;
    opts.check.lang = ro.lang;
    opts.check.draft = draft;
    opts.rulesets = rulesets;
    auto fr = pipeline::check_bytes(bytes, "docx", input, book, opts);
    pipeline::apply_config(cfg, fr.diagnostics);
    sort_diagnostics(fr.diagnostics);
    if (fr.unreadable) {
        for (const auto& d : fr.diagnostics)
            if (d.category == "input.unreadable") std::cerr << "plancheck: " << report::terminal_safe(d.message) << "\n";
        return kExitUsage;
    }

    ingest::AnnotateOptions aopts;
    aopts.lang = ro.lang;
    aopts.suggest = suggest;
    if (const char* date = std::getenv("PLANCHECK_ANNOTATE_DATE"); date && *date) aopts.date = date;  // reproducible output
    std::string error;
    ingest::AnnotateSummary summary;
    auto annotated = ingest::annotate_docx(bytes, fr.diagnostics, aopts, &error, &summary);
    if (!annotated)
        return say("không ghi được nhận xét vào " + shown_in + ": " + error, "cannot annotate " + shown_in + ": " + error);
    if (!pipeline::write_output(output, *annotated, error))
        return say("không ghi được " + shown_out + ": " + error, "cannot write " + shown_out + ": " + error);

    if (ro.lang == "en") {
        std::cout << shown_out << ": " << summary.comments << (summary.comments == 1 ? " comment" : " comments");
        if (summary.on_paragraph) std::cout << " (" << summary.on_paragraph << " on a whole paragraph)";
        if (suggest) std::cout << ", " << summary.suggestions << (summary.suggestions == 1 ? " tracked change" : " tracked changes");
        std::cout << " for " << fr.diagnostics.size() << (fr.diagnostics.size() == 1 ? " finding" : " findings") << "\n";
    } else {
        std::cout << shown_out << ": " << summary.comments << " nhận xét";
        if (summary.on_paragraph) std::cout << " (" << summary.on_paragraph << " gắn cả đoạn)";
        if (suggest) std::cout << ", " << summary.suggestions << " sửa đổi đề xuất (theo dõi thay đổi)";
        std::cout << " cho " << fr.diagnostics.size() << " phát hiện\n";
    }
    const int threshold = severity_rank(fail_on);
    for (const auto& d : fr.diagnostics)
        if (static_cast<int>(d.severity) >= threshold) return kExitFindings;
    return kExitClean;
}

}  // namespace plancheck::cli
