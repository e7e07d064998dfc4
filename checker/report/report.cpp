#include "report/report.h"

#include <stdexcept>

namespace plancheck::report {

Summary summarize(const std::vector<FileReport>& files) {
    Summary s;
    s.files = files.size();
    for (const auto& f : files) {
        bool unreadable = false;
        for (const auto& d : f.diagnostics) {
            if (d.category == "input.unreadable") unreadable = true;
            ++s.by_category[d.category];
            switch (d.severity) {
                case Severity::Error: ++s.errors; break;
                case Severity::Warning: ++s.warnings; break;
                case Severity::Info: ++s.infos; break;
            }
        }
        s.unreadable += unreadable;
        s.clean += f.diagnostics.empty();
    }
    return s;
}

const std::vector<std::string>& formats() {
    static const std::vector<std::string> k = {"text", "json", "sarif", "junit", "html", "csv"};
    return k;
}

void write(std::ostream& os, const std::string& format, const std::vector<FileReport>& files,
           const Options& opts) {
    if (format == "text") return write_text(os, files, opts);
    if (format == "json") return write_json(os, files, opts);
    if (format == "sarif") return write_sarif(os, files, opts);
    if (format == "junit") return write_junit(os, files, opts);
    if (format == "html") return write_html(os, files, opts);
    if (format == "csv") return write_csv(os, files, opts);
    throw std::invalid_argument("unknown output format '" + format + "'");
}

}  // namespace plancheck::report
