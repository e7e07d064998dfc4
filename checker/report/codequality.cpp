// GitLab Code Quality report (a JSON array of issues, the subset of Code
// Climate's format GitLab reads): the merge-request widget shows every
// finding, with its severity, once the job uploads it as
// artifacts:reports:codequality. Each issue needs a fingerprint that stays
// the same when unrelated lines move (report/fingerprint.h).
#include <nlohmann/json.hpp>

#include "report/escape.h"
#include "report/fingerprint.h"
#include "report/report.h"

namespace plancheck::report {

namespace {
// GitLab's severities: info, minor, major, critical, blocker.
const char* severity(Severity s) {
    switch (s) {
        case Severity::Error: return "major";
        case Severity::Warning: return "minor";
        case Severity::Info: return "info";
    }
    return "minor";
}
}  // namespace

void write_codequality(std::ostream& os, const std::vector<FileReport>& files, const Options& opts) {
    using nlohmann::json;
    json issues = json::array();
    for (const auto& f : files)
        for (const auto& d : f.diagnostics) {
            std::string description = d.message;
            if (!d.legal_basis.empty()) description += (opts.lang == "en" ? " (legal basis: " : " (căn cứ: ") + d.legal_basis + ")";
            issues.push_back({{"type", "issue"},
                              {"check_name", d.rule},
                              {"description", description},
                              {"categories", json::array({"Style"})},
                              {"fingerprint", fingerprint(f, d)},
                              {"severity", severity(d.severity)},
                              {"location", {{"path", display_path(f.path)}, {"lines", {{"begin", d.line > 0 ? d.line : 1}}}}}});
        }
    os << issues.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

}  // namespace plancheck::report
