#include "report/progress.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

#include "report/escape.h"

namespace plancheck::report {

namespace {
std::string number(double v) {
    if (std::fabs(v - std::round(v)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(v)));
    std::ostringstream o;
    o.precision(3);
    o << v;
    std::string s = o.str();
    for (char& c : s)
        if (c == '.') c = ',';  // Vietnamese decimal comma
    return s;
}
std::string years(int a, int b) {
    if (!a) return "-";
    return a == b ? std::to_string(a) : std::to_string(a) + " - " + std::to_string(b);
}
}  // namespace

const char* status_label(ProgressStatus s, const std::string& lang) {
    bool en = lang == "en";
    switch (s) {
        case ProgressStatus::Met: return en ? "met" : "đạt";
        case ProgressStatus::NotMet: return en ? "not met" : "chưa đạt";
        case ProgressStatus::NotReported: return en ? "not reported" : "chưa báo cáo";
        case ProgressStatus::NoTarget: return en ? "reported without a target" : "báo cáo, kế hoạch không có chỉ tiêu";
    }
    return "";
}

std::string row_value(const ProgressRow& r, double v) {
    if (r.kind == "month") return "tháng " + number(v);
    if (r.unit == "%") return number(v) + "%";
    return number(v) + " " + r.unit;
}

void write_progress_text(std::ostream& os, const ProgressTable& t, const std::string& lang) {
    bool en = lang == "en";
    os << (en ? "Report: " : "Báo cáo: ") << t.report_name << " (" << t.report_path << ")\n"
       << (en ? "Plan:   " : "Kế hoạch: ") << t.plan_name << " (" << t.plan_path << ")\n"
       << (en ? "Period: " : "Kỳ báo cáo: ") << years(t.period_from, t.period_to)
       << (en ? "; plan horizon: " : "; thời gian thực hiện kế hoạch: ") << years(t.horizon_from, t.horizon_to) << "\n\n";
    size_t k = 0;
    for (const auto& r : t.rows) {
        os << ++k << ". [" << status_label(r.status, lang) << "] " << r.subject << "\n";
        if (r.status != ProgressStatus::NoTarget) {
            os << (en ? "   target: " : "   chỉ tiêu: ") << (r.at_least ? (en ? "at least " : "ít nhất ") : "")
               << row_value(r, r.target);
            if (r.target_year) os << (en ? " by " : " đến năm ") << r.target_year;
            os << (en ? " (plan" : " (kế hoạch");
            if (!r.target_section.empty()) os << (en ? ", item " : ", mục ") << r.target_section;
            os << (en ? ", line " : ", dòng ") << r.target_line << ")\n";
        }
        if (r.has_result) {
            os << (en ? "   result: " : "   kết quả: ") << (r.result || r.kind != "month" ? row_value(r, r.result) : (en ? "reported" : "có báo cáo"))
               << (en ? " (report, line " : " (báo cáo, dòng ") << r.result_line << ")\n";
        } else {
            os << (en ? "   result: none\n" : "   kết quả: không nêu\n");
        }
        if (r.status == ProgressStatus::NotMet && !r.due)
            os << (en ? "   (the target is due after the report's period)\n" : "   (chỉ tiêu đến hạn sau kỳ báo cáo)\n");
    }
    if (t.rows.empty()) os << (en ? "The plan states no measurable target.\n" : "Kế hoạch không nêu chỉ tiêu đo được.\n");
}

void write_progress_json(std::ostream& os, const ProgressTable& t) {
    nlohmann::ordered_json j;
    j["report"] = {{"path", t.report_path}, {"name", t.report_name}, {"unit", t.unit},
                   {"period", {t.period_from, t.period_to}}};
    j["plan"] = {{"path", t.plan_path}, {"name", t.plan_name}, {"horizon", {t.horizon_from, t.horizon_to}}};
    j["rows"] = nlohmann::ordered_json::array();
    for (const auto& r : t.rows) {
        nlohmann::ordered_json row;
        row["kind"] = r.kind;
        row["subject"] = r.subject;
        row["status"] = to_string(r.status);
        if (r.status != ProgressStatus::NoTarget)
            row["target"] = {{"value", r.target}, {"unit", r.unit}, {"year", r.target_year}, {"at_least", r.at_least},
                             {"line", r.target_line}, {"section", r.target_section}, {"text", r.target_text}};
        else
            row["target"] = nullptr;
        if (r.has_result)
            row["result"] = {{"value", r.result}, {"unit", r.unit}, {"line", r.result_line}, {"text", r.result_text}};
        else
            row["result"] = nullptr;
        row["due"] = r.due;
        j["rows"].push_back(std::move(row));
    }
    os << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

void write_progress_page(std::ostream& os, const ProgressTable& t, const std::string& lang) {
    bool en = lang == "en";
    os << "<!DOCTYPE html>\n<html lang=\"" << (en ? "en" : "vi") << "\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
       << (en ? "Progress against the plan" : "Kết quả so với kế hoạch") << " — plancheck</title>\n<style>"
       << "body{font-family:system-ui,Arial,sans-serif;margin:1.5em auto;max-width:78em;padding:0 1em}"
          "table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}"
          "th{background:#f0f0f0}.met{color:#1a7f37}.not-met{color:#b00020}.not-reported{color:#9a6700}.no-target{color:#0b6e99}"
          "small{color:#555}</style>\n</head>\n<body>\n<h1>"
       << (en ? "Progress against the plan" : "Kết quả thực hiện so với kế hoạch") << "</h1>\n<p>"
       << (en ? "Report: " : "Báo cáo: ") << xml_escape(t.report_name) << " <small>(" << xml_escape(t.report_path)
       << ")</small><br>" << (en ? "Plan: " : "Kế hoạch: ") << xml_escape(t.plan_name) << " <small>("
       << xml_escape(t.plan_path) << ")</small><br>" << (en ? "Period: " : "Kỳ báo cáo: ")
       << years(t.period_from, t.period_to) << (en ? "; plan horizon: " : "; thời gian thực hiện kế hoạch: ")
       << years(t.horizon_from, t.horizon_to) << "</p>\n<table>\n<tr><th>#</th><th>"
       << (en ? "Target (plan)" : "Chỉ tiêu (kế hoạch)") << "</th><th>" << (en ? "Result (report)" : "Kết quả (báo cáo)")
       << "</th><th>" << (en ? "Status" : "Tình trạng") << "</th></tr>\n";
    size_t k = 0;
    for (const auto& r : t.rows) {
        os << "<tr><td>" << ++k << "</td><td>";
        if (r.status != ProgressStatus::NoTarget) {
            os << "<b>" << xml_escape(row_value(r, r.target)) << "</b>";
            if (r.target_year) os << (en ? " by " : " đến năm ") << r.target_year;
            os << "<br>" << xml_escape(r.subject) << "<br><small>" << (en ? "line " : "dòng ") << r.target_line;
            if (!r.target_section.empty()) os << (en ? ", item " : ", mục ") << xml_escape(r.target_section);
            os << "</small>";
        } else {
            os << "—";
        }
        os << "</td><td>";
        if (r.has_result)
            os << "<b>" << xml_escape(r.result || r.kind != "month" ? row_value(r, r.result) : std::string(en ? "reported" : "có báo cáo"))
               << "</b><br>" << xml_escape(r.result_text) << "<br><small>" << (en ? "line " : "dòng ") << r.result_line
               << "</small>";
        else
            os << "—";
        os << "</td><td class=\"" << to_string(r.status) << "\">" << status_label(r.status, lang) << "</td></tr>\n";
    }
    os << "</table>\n</body>\n</html>\n";
}

}  // namespace plancheck::report
