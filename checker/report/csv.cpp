// CSV (RFC 4180): CRLF record ends, fields quoted when they hold a comma, a
// quote, CR or LF, quotes doubled. UTF-8 with a byte order mark, because
// Excel otherwise opens the file as the ANSI code page and garbles Vietnamese.
//
// Spreadsheet formula guard: a field that starts with = + - @ (or tab/CR) is
// run as a formula by Excel and LibreOffice, even inside quotes; list items in
// plans ("- Tuyên truyền...", "+ Đến năm 2025...") would show as #NAME?. Such
// text fields get a leading apostrophe ('), the spreadsheet's "this is text"
// mark. Numeric columns never need it. Documented in docs/output-formats.md.
#include "report/escape.h"
#include "report/report.h"

namespace plancheck::report {

namespace {
std::string field(std::string_view s, bool text) {
    std::string v;
    if (text && !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
        v = "'";
    v.append(s);
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string q = "\"";
    for (char c : v) {
        if (c == '"') q += '"';
        q += c;
    }
    q += '"';
    return q;
}
}  // namespace

void write_csv_header(std::ostream& os) {
    os << "\xEF\xBB\xBF"
       << "path,line,column,end_line,end_column,severity,category,rule,message,legal_basis,excerpt\r\n";
}

void write_csv_file(std::ostream& os, const FileReport& f) {
    std::string path = field(display_path(f.path), true);
    for (const auto& d : f.diagnostics) {
        os << path << ',' << d.line << ',' << d.column << ',' << d.end_line << ',' << d.end_column << ','
           << to_string(d.severity) << ',' << field(d.category, true) << ',' << field(d.rule, true) << ','
           << field(d.message, true) << ',' << field(d.legal_basis, true) << ','
           << field(d.excerpt, true) << "\r\n";
    }
}

void write_csv(std::ostream& os, const std::vector<FileReport>& files, const Options&) {
    write_csv_header(os);
    for (const auto& f : files) write_csv_file(os, f);
}

}  // namespace plancheck::report
