#include "report/report.h"

#include <stdexcept>

#include "report/summary.h"

namespace plancheck::report {

void tally(Summary& s, const FileReport& f) {
    ++s.files;
    bool unreadable = false;
    size_t counted = 0;
    for (const auto& d : f.diagnostics) {
        if (d.suppressed) {
            ++s.suppressed;
            continue;
        }
        ++counted;
        if (d.category == "input.unreadable") unreadable = true;
        ++s.by_category[d.category];
        switch (d.severity) {
            case Severity::Error: ++s.errors; break;
            case Severity::Warning: ++s.warnings; break;
            case Severity::Info: ++s.infos; break;
        }
    }
    s.unreadable += unreadable;
    s.clean += counted == 0;
}

FileReport without_suppressed(const FileReport& f) {
    FileReport out = f;  // every other field (progress table, near-copy text) kept
    out.diagnostics.clear();
    for (const auto& d : f.diagnostics)
        if (!d.suppressed) out.diagnostics.push_back(d);
    return out;
}

std::vector<FileReport> without_suppressed(const std::vector<FileReport>& files) {
    std::vector<FileReport> out;
    out.reserve(files.size());
    for (const auto& f : files) out.push_back(without_suppressed(f));
    return out;
}

Summary summarize(const std::vector<FileReport>& files) {
    Summary s;
    for (const auto& f : files) tally(s, f);
    return s;
}

bool Stream::supports(const std::string& format) {
    return format == "text" || format == "json" || format == "csv" || format == "gnu";
}

Stream::Stream(std::ostream& os, std::string format, const Options& opts)
    : os_(os), format_(std::move(format)), opts_(opts) {
    if (!supports(format_)) throw std::invalid_argument("format '" + format_ + "' cannot be streamed");
    if (format_ == "json") os_ << "{\n  \"files\": [";
    if (format_ == "csv") write_csv_header(os_, opts_.csv_separator);
}

void Stream::add(const FileReport& f) {
    if (format_ == "text") write_text_file(os_, f, opts_);
    else if (format_ == "csv") write_csv_file(os_, without_suppressed(f), opts_.csv_separator);
    else if (format_ == "gnu") write_gnu_file(os_, without_suppressed(f));
    else write_json_file(os_, f, summary_.files == 0);
    tally(summary_, f);
}

void Stream::finish() {
    summary_.not_checked = opts_.not_checked.size();
    if (format_ == "text") write_text_not_checked(os_, opts_);
    if (format_ == "text" && !opts_.near_copies.empty()) {
        os_ << "\n";
        write_near_copies_text(os_, opts_);
    }
    if (format_ == "text" && opts_.summary) write_summary_line(os_, summary_, opts_.lang);
    if (format_ == "json") {
        os_ << (summary_.files ? "\n  ],\n" : "],\n");
        write_json_not_checked(os_, opts_);
        write_json_near_copies(os_, opts_);
        write_json_summary(os_, summary_);
        os_ << "\n}\n";
    }
}

const std::vector<std::string>& formats() {
    static const std::vector<std::string> k = {"text", "json", "sarif", "junit", "html", "csv", "github", "codequality", "gnu"};
    return k;
}

void write(std::ostream& os, const std::string& format, const std::vector<FileReport>& files,
           const Options& opts) {
    if (format == "text") return write_text(os, files, opts);
    if (format == "json") return write_json(os, files, opts);
    if (format == "sarif") return write_sarif(os, files, opts);
    // These formats have no way to mark a finding suppressed: they get none.
    if (format == "junit") return write_junit(os, without_suppressed(files), opts);
    if (format == "html") return write_html(os, without_suppressed(files), opts);
    if (format == "csv") return write_csv(os, files, opts);  // the stream leaves them out
    if (format == "github") return write_github(os, without_suppressed(files), opts);
    if (format == "codequality") return write_codequality(os, without_suppressed(files), opts);
    if (format == "gnu") {
        Stream out(os, "gnu", opts);
        for (const auto& f : files) out.add(f);
        return out.finish();
    }
    throw std::invalid_argument("unknown output format '" + format + "'");
}

}  // namespace plancheck::report
