// The batch HTML's progress view (issue 16): one row per unit whose report was
// paired with its plan, with the plan, the report and each target's status, so
// a province sees at a glance which units are behind. Called from write_html.
#include <map>

#include "report/escape.h"
#include "report/progress.h"
#include "report/report.h"

namespace plancheck::report {

void write_progress_html(std::ostream& os, const std::vector<FileReport>& files, const Options& opts) {
    const bool en = opts.lang == "en";
    size_t paired = 0;
    for (const auto& f : files) paired += f.progress != nullptr;
    if (!paired) return;
    os << "<h2 id=\"progress\">" << (en ? "Reports against their plans" : "Báo cáo so với kế hoạch") << "</h2>\n<table>\n<tr><th>"
       << (en ? "Unit" : "Đơn vị") << "</th><th>" << (en ? "Plan" : "Kế hoạch") << "</th><th>" << (en ? "Report" : "Báo cáo")
       << "</th><th>" << (en ? "Targets" : "Các chỉ tiêu") << "</th><th>" << (en ? "Met" : "Đạt") << "</th><th>"
       << (en ? "Not met" : "Chưa đạt") << "</th><th>" << (en ? "Not reported" : "Chưa báo cáo") << "</th></tr>\n";
    for (size_t i = 0; i < files.size(); ++i) {
        const auto& f = files[i];
        if (!f.progress) continue;
        const ProgressTable& t = *f.progress;
        std::map<ProgressStatus, size_t> n;
        for (const auto& r : t.rows) ++n[r.status];
        os << "<tr><td>" << xml_escape(t.unit.empty() ? display_path(f.path) : t.unit) << "</td><td>"
           << xml_escape(t.plan_name) << "<br><small>" << xml_escape(display_path(t.plan_path)) << "</small></td><td>";
        if (!f.diagnostics.empty()) os << "<a href=\"#f" << i << "\">";
        os << xml_escape(t.report_name);
        if (!f.diagnostics.empty()) os << "</a>";
        os << "<br><small>" << xml_escape(display_path(f.path)) << "</small></td><td><ul>";
        for (const auto& r : t.rows) {
            if (r.status == ProgressStatus::NoTarget) continue;
            const char* cls = r.status == ProgressStatus::Met ? "ok" : r.status == ProgressStatus::NotMet ? "error" : "warning";
            os << "<li><span class=\"" << cls << "\">" << status_label(r.status, opts.lang) << "</span>: "
               << xml_escape(r.subject) << " (" << xml_escape(row_value(r, r.target));
            if (r.target_year) os << ", " << r.target_year;
            if (r.has_result && (r.result || r.kind != "month")) os << (en ? "; result " : "; kết quả ") << xml_escape(row_value(r, r.result));
            os << ")</li>";
        }
        os << "</ul></td><td class=\"n ok\">" << n[ProgressStatus::Met] << "</td><td class=\"n error\">"
           << n[ProgressStatus::NotMet] << "</td><td class=\"n warning\">" << n[ProgressStatus::NotReported] << "</td></tr>\n";
    }
    os << "</table>\n";
}

}  // namespace plancheck::report
