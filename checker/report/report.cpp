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
    static const std::vector<std::string> k = {"text", "json"};
    return k;
}

void write(std::ostream& os, const std::string& format, const std::vector<FileReport>& files,
           const Options& opts) {
    if (format == "text") return write_text(os, files, opts);
    if (format == "json") return write_json(os, files, opts);
    throw std::invalid_argument("unknown output format '" + format + "'");
}

}  // namespace plancheck::report
