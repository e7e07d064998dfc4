// JUnit XML for CI dashboards (GitLab "reports: junit", Jenkins): one
// <testsuite> per unit (the folder of the files), one <testcase> per file,
// with the file's path in `file` (and `name`), its folder in `classname`.
// A file with findings at or above the --fail-on level fails: one <failure>
// lists them all (many JUnit readers keep only the first failure element of
// a test case); findings below that level are listed in <system-out>, so a
// passing file still shows its notes. An unreadable file is an <error>; a
// file found in a folder and not checked (Options::not_checked) is
// <skipped> (the reason as its text: one of the two Jenkins schemas allows
// no attribute on <skipped>). The output keeps to what both schemas Jenkins
// users validate against accept (the junit-4.xsd known as jenkins-junit.xsd
// and the xUnit plug-in's junit-10.xsd), plus `file` on <testcase>, which
// GitLab reads; tests/data/jenkins-junit.xsd states that structure and a test
// validates with xmllint.
#include <map>
#include <sstream>

#include "report/escape.h"
#include "report/report.h"
#include "report/summary.h"

namespace plancheck::report {

namespace {
std::string occurrence(const std::string& path, const Diagnostic& d, const Options& opts) {
    std::ostringstream s;
    s << path << ":" << d.line << ":" << d.column << ": "
      << (opts.lang == "en" ? to_string(d.severity) : severity_label(d.severity, opts.lang)) << ": " << d.message
      << " [" << d.rule << "]";
    if (d.page && d.page_line)  // PDF: where it is printed
        s << (opts.lang == "en" ? " (page " : " (trang ") << d.page << (opts.lang == "en" ? ", line " : ", dòng ")
          << d.page_line << ")";
    s << "\n";
    if (!d.excerpt.empty()) s << "    " << d.excerpt << "\n";
    if (!d.legal_basis.empty()) s << "    " << (opts.lang == "en" ? "basis: " : "căn cứ: ") << d.legal_basis << "\n";
    return s.str();
}

struct Suite {
    std::ostringstream cases;
    size_t tests = 0, failures = 0, errors = 0, skipped = 0;
};
}  // namespace

void write_junit(std::ostream& os, const std::vector<FileReport>& files, const Options& opts) {
    const bool en = opts.lang == "en";
    std::map<std::string, Suite> suites;  // by unit, in path order
    for (const auto& f : files) {
        std::string path = display_path(f.path), unit = unit_of(f.path);
        Suite& s = suites[unit];
        ++s.tests;
        std::string failing, passing, unreadable_msg, unreadable_text;
        size_t n_fail = 0;
        const Diagnostic* first_fail = nullptr;
        Severity worst = Severity::Info;
        for (const auto& d : f.diagnostics) {
            if (d.rule == "input.unreadable") {
                if (unreadable_msg.empty()) unreadable_msg = d.message;
                unreadable_text += occurrence(path, d, opts);
            } else if (static_cast<int>(d.severity) >= opts.fail_rank) {
                if (!first_fail) first_fail = &d;
                worst = n_fail ? std::max(worst, d.severity) : d.severity;
                ++n_fail;
                failing += occurrence(path, d, opts);
            } else {
                passing += occurrence(path, d, opts);
            }
        }
        s.cases << "    <testcase name=\"" << xml_escape(path) << "\" classname=\"" << xml_escape(unit) << "\" file=\""
                << xml_escape(path) << "\" time=\"0\"";
        if (unreadable_msg.empty() && !n_fail && passing.empty()) {
            s.cases << "/>\n";
            continue;
        }
        s.cases << ">\n";
        if (!unreadable_msg.empty()) {
            ++s.errors;
            s.cases << "      <error message=\"" << xml_escape(unreadable_msg) << "\" type=\"input.unreadable\">"
                    << xml_escape(unreadable_text) << "</error>\n";
        } else if (n_fail) {
            ++s.failures;
            std::string msg = first_fail->message + " [" + first_fail->rule + "]";
            if (n_fail > 1)
                msg += en ? " (and " + std::to_string(n_fail - 1) + " more)"
                          : " (và " + std::to_string(n_fail - 1) + " phát hiện khác)";
            s.cases << "      <failure message=\"" << xml_escape(msg) << "\" type=\"" << to_string(worst) << "\">"
                    << xml_escape(failing) << "</failure>\n";
        }
        if (!passing.empty()) s.cases << "      <system-out>" << xml_escape(passing) << "</system-out>\n";
        s.cases << "    </testcase>\n";
    }
    // Files found in folders and not checked (unsupported format): skipped,
    // so a dashboard shows them without failing.
    for (const auto& n : opts.not_checked) {
        std::string path = display_path(n.path);
        Suite& s = suites[unit_of(n.path)];
        ++s.tests;
        ++s.skipped;
        s.cases << "    <testcase name=\"" << xml_escape(path) << "\" classname=\"" << xml_escape(unit_of(n.path))
                << "\" file=\"" << xml_escape(path) << "\" time=\"0\">\n      <skipped>" << xml_escape(n.reason)
                << "</skipped>\n    </testcase>\n";
    }
    size_t tests = 0, failures = 0, errors = 0;  // <testsuites> has no skipped count in the schema
    std::ostringstream body;
    for (const auto& [unit, s] : suites) {
        body << "  <testsuite name=\"" << xml_escape(unit) << "\" tests=\"" << s.tests << "\" failures=\"" << s.failures
             << "\" errors=\"" << s.errors << "\" skipped=\"" << s.skipped << "\" time=\"0\">\n"
             << s.cases.str() << "  </testsuite>\n";
        tests += s.tests, failures += s.failures, errors += s.errors;
    }
    os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       << "<testsuites name=\"plancheck\" tests=\"" << tests << "\" failures=\"" << failures << "\" errors=\"" << errors
       << "\" time=\"0\">\n"
       << body.str() << "</testsuites>\n";
}

}  // namespace plancheck::report
