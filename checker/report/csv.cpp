// CSV (RFC 4180): CRLF record ends, fields quoted when they hold a comma, a
// quote, CR or LF, quotes doubled. UTF-8 with a byte order mark, because
// Excel otherwise opens the file as the ANSI code page and garbles Vietnamese.
//
// Spreadsheet formula guard: a field that starts with = + - @ (or tab/CR) is
// run as a formula by Excel and LibreOffice, even inside quotes; list items in
// plans ("- Tuyên truyền...", "+ Đến năm 2025...") would show as #NAME?. Such
// text fields get a leading apostrophe ('), the spreadsheet's "this is text"
// mark. Numeric columns never need it. Documented in docs/output-formats.md.
#include <iterator>

#include "report/escape.h"
#include "report/report.h"

namespace plancheck::report {

namespace {
std::string field(std::string_view s, bool text, char sep) {
    std::string v;
    if (text && !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
        v = "'";
    v.append(s);
    const char special[] = {sep, '"', '\r', '\n', '\0'};
    if (v.find_first_of(special) == std::string::npos) return v;
    std::string q = "\"";
    for (char c : v) {
        if (c == '"') q += '"';
        q += c;
    }
    q += '"';
    return q;
}
}  // namespace

void write_csv_header(std::ostream& os, char sep) {
    os << "\xEF\xBB\xBF";
    const char* cols[] = {"path", "line", "column", "end_line", "end_column", "severity",
                          "category", "rule", "message", "legal_basis", "excerpt"};
    for (size_t i = 0; i < std::size(cols); ++i) os << (i ? std::string(1, sep) : std::string()) << cols[i];
    os << "\r\n";
}

void write_csv_file(std::ostream& os, const FileReport& f, char sep) {
    std::string path = field(display_path(f.path), true, sep);
    for (const auto& d : f.diagnostics) {
        os << path << sep << d.line << sep << d.column << sep << d.end_line << sep << d.end_column << sep
           << to_string(d.severity) << sep << field(d.category, true, sep) << sep << field(d.rule, true, sep) << sep
           << field(d.message, true, sep) << sep << field(d.legal_basis, true, sep) << sep
           << field(d.excerpt, true, sep) << "\r\n";
    }
}

void write_csv(std::ostream& os, const std::vector<FileReport>& files, const Options& opts) {
    write_csv_header(os, opts.csv_separator);
    for (const auto& f : files) write_csv_file(os, f, opts.csv_separator);
}

}  // namespace plancheck::report
