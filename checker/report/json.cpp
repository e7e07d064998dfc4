#include <nlohmann/json.hpp>

#include "report/report.h"

namespace plancheck::report {

nlohmann::json to_json(const Diagnostic& d) {
    nlohmann::json j = {
        {"rule", d.rule},         {"category", d.category},
        {"severity", std::string(to_string(d.severity))},
        {"message", d.message},   {"line", d.line},
        {"column", d.column},     {"end_line", d.end_line},
        {"end_column", d.end_column}, {"excerpt", d.excerpt},
        {"legal_basis", d.legal_basis},
    };
    if (d.fix) j["fix"] = {{"replacement", d.fix->replacement}};
    return j;
}

void write_json(std::ostream& os, const std::vector<FileReport>& files, const Options&) {
    nlohmann::json out;
    out["files"] = nlohmann::json::array();
    for (const auto& f : files) {
        nlohmann::json jf = {{"path", f.path}, {"format", f.format}, {"diagnostics", nlohmann::json::array()}};
        for (const auto& d : f.diagnostics) jf["diagnostics"].push_back(to_json(d));
        out["files"].push_back(std::move(jf));
    }
    Summary s = summarize(files);
    out["summary"] = {{"files", s.files},   {"unreadable", s.unreadable}, {"clean", s.clean},
                      {"errors", s.errors}, {"warnings", s.warnings},     {"infos", s.infos},
                      {"by_category", s.by_category}};
    os << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace plancheck::report
