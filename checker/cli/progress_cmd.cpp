// plancheck progress REPORT [--plan PLAN] [--plans DIR]: the progress table
// of a report against its plan (docs/progress.md) in text, JSON or HTML.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "pipeline/pairing.h"
#include "pipeline/pipeline.h"
#include "report/progress.h"

namespace plancheck::cli {

int cmd_progress(const Args& args) {
    static const char* kUsage =
        "Usage: plancheck progress REPORT [--plan PLAN] [--plans DIR]... [--format text|json|html]\n\n"
        "Sets a report against the plan it reports on: each target of the plan and where it is,\n"
        "the result the report gives and where, and the status (met, not met, not reported,\n"
        "reported without a target). Without --plan the report is paired with the plan it cites\n"
        "among the plans in --plans folders and in the report's own folder (docs/progress.md).";
    std::string report_path, plan, format = "text", lang = "vi", encoding = "auto";
    std::vector<std::string> plan_dirs;
    po::options_description desc("Options");
    desc.add_options()
        ("plan", po::value(&plan)->value_name("FILE"), "the plan the report reports on")
        ("plans", po::value(&plan_dirs)->value_name("DIR"), "folders of plans to pair the report with (repeatable)")
        ("format,f", po::value(&format)->default_value("text")->value_name("FMT"), "text, json or html")
        ("lang", po::value(&lang)->default_value("vi")->value_name("vi|en"), "language of the labels")
        ("encoding", po::value(&encoding)->default_value("auto")->value_name("ENC"), "text encoding of .txt input")
        ("report", po::value(&report_path)->value_name("REPORT"), "the report");
    po::positional_options_description pos;
    pos.add("report", 1);
    po::variables_map vm;
    int code = 0;
    if (!parse(args, desc, pos, vm, kUsage, code)) return code;
    auto fail = [](const std::string& msg) {
        std::cerr << "plancheck progress: " << msg << "\n";
        return kExitUsage;
    };
    if (report_path.empty()) return fail("no report given\n" + std::string(kUsage));
    if (format != "text" && format != "json" && format != "html") return fail("--format must be text, json or html");
    if (!ingest::known_encoding(encoding)) return fail("unknown --encoding '" + encoding + "'");

    pipeline::Options opts;
    opts.ingest.encoding = encoding;
    std::vector<std::string> siblings;
    if (plan.empty()) {
        auto dir = std::filesystem::path(report_path).parent_path();
        plan_dirs.push_back(dir.empty() ? std::string(".") : dir.string());
    }
    pipeline::Budget budget;
    if (auto why = pipeline::configure_pairing(opts, plan, plan_dirs, siblings, 1, budget, false); !why.empty())
        return fail(why);
    auto r = ingest::read_file(report_path, opts.ingest);
    if (auto* bad = std::get_if<UnreadableInput>(&r)) return fail(report_path + ": cannot read the document: " + bad->reason);
    auto a = pipeline::analyze(std::move(std::get<SourceDocument>(r)));
    if (plan.empty() && !pipeline::is_report(a->model))
        return fail(report_path + " is not a report (Báo cáo); give its plan with --plan to compare it anyway");
    if (!pipeline::pair_report(*a, *opts.plans, opts.ingest)) {
        if (lang == "en")
            std::cerr << "plancheck progress: the plan this report reports on was not found; give it with --plan\n";
        else
            std::cerr << "plancheck progress: không tìm thấy kế hoạch mà báo cáo này báo cáo kết quả; chỉ rõ bằng --plan\n";
        return kExitUsage;
    }
    ProgressTable t = a->model.plan.table;
    if (format == "json") report::write_progress_json(std::cout, t);
    else if (format == "html") report::write_progress_page(std::cout, t, lang);
    else report::write_progress_text(std::cout, t, lang);
    return kExitClean;
}

}  // namespace plancheck::cli
