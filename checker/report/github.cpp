// GitHub Actions workflow commands: one "::error file=...,line=...::message"
// line per finding, which the runner turns into annotations on the pull
// request's diff. When $GITHUB_STEP_SUMMARY names a file (it does inside a
// workflow step), a Markdown summary of the run is appended to it too.
#include <cstdlib>
#include <fstream>
#include <map>

#include "report/escape.h"
#include "report/report.h"

namespace plancheck::report {

namespace {

// Workflow-command escaping (actions/toolkit, command.ts): the message is
// "data" (%, CR, LF), property values also escape ':' and ','.
std::string command_data(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else out += c;
    }
    return out;
}
std::string property(std::string_view s) {
    std::string out;
    for (char c : command_data(s)) {
        if (c == ':') out += "%3A";
        else if (c == ',') out += "%2C";
        else out += c;
    }
    return out;
}

const char* command(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Info: return "notice";
    }
    return "warning";
}

// Markdown: '|' would end a table cell, a newline the row.
std::string cell(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '|') out += "\\|";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
}

void write_step_summary(std::ostream& os, const std::vector<FileReport>& files, const Options& opts) {
    const bool en = opts.lang == "en";
    Summary s = summarize(files);
    os << (en ? "## plancheck\n\n" : "## plancheck: kết quả kiểm tra\n\n");
    os << (en ? "| files | errors | warnings | notes | unreadable |\n" : "| tệp | lỗi | cảnh báo | lưu ý | không đọc được |\n");
    os << "|---:|---:|---:|---:|---:|\n";
    os << "| " << s.files << " | " << s.errors << " | " << s.warnings << " | " << s.infos << " | " << s.unreadable
       << " |\n\n";
    if (s.errors + s.warnings + s.infos == 0) return;
    os << (en ? "| file | errors | warnings | notes |\n" : "| tệp | lỗi | cảnh báo | lưu ý |\n");
    os << "|---|---:|---:|---:|\n";
    size_t shown = 0;
    for (const auto& f : files) {
        size_t e = 0, w = 0, i = 0;
        for (const auto& d : f.diagnostics)
            (d.severity == Severity::Error ? e : d.severity == Severity::Warning ? w : i)++;
        if (e + w + i == 0) continue;
        if (++shown > 200) {
            os << "| … | | | |\n";
            break;
        }
        os << "| " << cell(display_path(f.path)) << " | " << e << " | " << w << " | " << i << " |\n";
    }
    os << "\n";
}

}  // namespace

void write_github(std::ostream& os, const std::vector<FileReport>& files, const Options& opts) {
    for (const auto& f : files) {
        std::string file = property(display_path(f.path));
        for (const auto& d : f.diagnostics) {
            os << "::" << command(d.severity) << " file=" << file;
            if (d.line > 0) {
                os << ",line=" << d.line;
                if (d.column > 0) os << ",col=" << d.column;
                if (d.end_line >= d.line && d.end_line > 0) os << ",endLine=" << d.end_line;
                if (d.end_line == d.line && d.end_column > d.column) os << ",endColumn=" << d.end_column;
            }
            os << ",title=" << property(d.rule) << "::" << command_data(d.message);
            if (!d.legal_basis.empty()) os << command_data((opts.lang == "en" ? "\nLegal basis: " : "\nCăn cứ: ") + d.legal_basis);
            os << "\n";
        }
    }
    if (const char* path = std::getenv("GITHUB_STEP_SUMMARY"); path && *path) {
        std::ofstream summary(path, std::ios::app);
        if (summary) write_step_summary(summary, files, opts);
    }
}

}  // namespace plancheck::report
