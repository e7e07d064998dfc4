// JUnit XML for CI dashboards (GitLab "reports: junit", Jenkins, ...): one
// <testsuite> per file, one <testcase> per rule that fired in it. A rule
// whose findings reach the --fail-on level gets one <failure> listing every
// occurrence (many JUnit readers keep only the first failure element of a
// test case); findings below that level pass and are listed in
// <system-out>. An unreadable file is an <error>. A clean file has a single
// passing test case, so dashboards count checked files, not only failures.
// A file not checked (Options::not_checked) is a <skipped> test case.
#include <algorithm>
#include <sstream>

#include "report/escape.h"
#include "report/report.h"
#include "report/summary.h"

namespace plancheck::report {

namespace {
struct Case {
    std::string rule;
    std::vector<const Diagnostic*> diags;
    Severity worst = Severity::Info;
};

std::vector<Case> group_by_rule(const FileReport& f) {
    std::vector<Case> cases;
    for (const auto& d : f.diagnostics) {
        auto it = std::find_if(cases.begin(), cases.end(), [&](const Case& c) { return c.rule == d.rule; });
        if (it == cases.end()) {
            cases.push_back({d.rule, {}, d.severity});
            it = cases.end() - 1;
        }
        it->diags.push_back(&d);
        it->worst = std::max(it->worst, d.severity);
    }
    return cases;
}

std::string occurrence(const std::string& path, const Diagnostic& d, const Options& opts) {
    std::ostringstream s;
    s << path << ":" << d.line << ":" << d.column << ": "
      << (opts.lang == "en" ? to_string(d.severity) : severity_label(d.severity, opts.lang)) << ": " << d.message;
    if (d.page && d.page_line)  // PDF: where it is printed
        s << (opts.lang == "en" ? " (page " : " (trang ") << d.page << (opts.lang == "en" ? ", line " : ", dòng ")
          << d.page_line << ")";
    s << "\n";
    if (!d.excerpt.empty()) s << "    " << d.excerpt << "\n";
    if (!d.legal_basis.empty()) s << "    " << (opts.lang == "en" ? "basis: " : "căn cứ: ") << d.legal_basis << "\n";
    return s.str();
}
}  // namespace

void write_junit(std::ostream& os, const std::vector<FileReport>& files, const Options& opts) {
    const bool en = opts.lang == "en";
    std::ostringstream body;
    size_t total_tests = 0, total_failures = 0, total_errors = 0;
    for (const auto& f : files) {
        std::string path = display_path(f.path);
        auto cases = group_by_rule(f);
        size_t failures = 0, errors = 0;
        std::ostringstream tc;
        for (const auto& c : cases) {
            std::string all;
            for (const auto* d : c.diags) all += occurrence(path, *d, opts);
            tc << "    <testcase name=\"" << xml_escape(c.rule) << "\" classname=\"" << xml_escape(path)
               << "\" time=\"0\">\n";
            const Diagnostic& first = *c.diags.front();
            if (c.rule == "input.unreadable") {
                ++errors;
                tc << "      <error message=\"" << xml_escape(first.message) << "\" type=\"input.unreadable\">"
                   << xml_escape(all) << "</error>\n";
            } else if (static_cast<int>(c.worst) >= opts.fail_rank) {
                ++failures;
                std::string msg = first.message;
                if (c.diags.size() > 1)
                    msg += en ? " (and " + std::to_string(c.diags.size() - 1) + " more)"
                              : " (và " + std::to_string(c.diags.size() - 1) + " chỗ khác)";
                tc << "      <failure message=\"" << xml_escape(msg) << "\" type=\""
                   << to_string(c.worst) << "\">" << xml_escape(all) << "</failure>\n";
            } else {
                tc << "      <system-out>" << xml_escape(all) << "</system-out>\n";
            }
            tc << "    </testcase>\n";
        }
        size_t tests = cases.size();
        if (cases.empty()) {
            tests = 1;
            tc << "    <testcase name=\"" << (en ? "no findings" : "không có phát hiện") << "\" classname=\""
               << xml_escape(path) << "\" time=\"0\"/>\n";
        }
        body << "  <testsuite name=\"" << xml_escape(path) << "\" tests=\"" << tests << "\" failures=\""
             << failures << "\" errors=\"" << errors << "\" skipped=\"0\" time=\"0\">\n"
             << tc.str() << "  </testsuite>\n";
        total_tests += tests;
        total_failures += failures;
        total_errors += errors;
    }
    // Files found in folders and not checked (unsupported format): a skipped
    // test case each, so a dashboard shows them without failing.
    for (const auto& n : opts.not_checked) {
        std::string path = display_path(n.path);
        body << "  <testsuite name=\"" << xml_escape(path) << "\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"1\" time=\"0\">\n"
             << "    <testcase name=\"" << (en ? "not checked" : "không kiểm tra") << "\" classname=\"" << xml_escape(path)
             << "\" time=\"0\">\n      <skipped message=\"" << xml_escape(n.reason) << "\"/>\n    </testcase>\n  </testsuite>\n";
        ++total_tests;
    }
    os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       << "<testsuites name=\"plancheck\" tests=\"" << total_tests << "\" failures=\"" << total_failures
       << "\" errors=\"" << total_errors << "\" time=\"0\">\n"
       << body.str() << "</testsuites>\n";
}

}  // namespace plancheck::report
