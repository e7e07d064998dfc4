// Compiler-style output: file:line:col: severity: message [rule], the source
// line, a caret underline, and the legal basis.
#include <algorithm>

#include "core/utf8.h"
#include "report/report.h"
#include "report/summary.h"

namespace plancheck::report {

namespace {
const char* colour(Severity s) {
    switch (s) {
        case Severity::Error: return "\x1b[1;31m";
        case Severity::Warning: return "\x1b[1;33m";
        case Severity::Info: return "\x1b[1;36m";
    }
    return "";
}

std::string_view severity_word(Severity s, const std::string& lang) {
    if (lang == "en") return to_string(s);
    switch (s) {
        case Severity::Error: return "lỗi";
        case Severity::Warning: return "cảnh báo";
        case Severity::Info: return "lưu ý";
    }
    return "";
}

// Document text may carry control characters (an ESC could drive the
// reader's terminal): anything but tab below U+0020, DEL and C1 controls are
// shown as U+FFFD.
std::string printable(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        size_t start = i;
        char32_t c = utf8::next(s, i);
        if ((c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F)) out += "\xEF\xBF\xBD";
        else out.append(s.substr(start, i - start));
    }
    return out;
}

void caret_line(std::ostream& os, const Diagnostic& d, bool color) {
    if (d.excerpt.empty() || d.column == 0) return;
    // Tabs in the excerpt are shown as single spaces so the caret lines up.
    std::string shown;
    std::string safe = printable(d.excerpt);
    for (size_t i = 0; i < safe.size();) {
        char32_t c = utf8::next(safe, i);
        utf8::append(shown, c == '\t' ? U' ' : c);
    }
    os << "    " << shown << "\n    ";
    size_t width = utf8::count(shown);
    size_t start = std::min<size_t>(d.column - 1, width);
    size_t len = 1;
    if (d.end_line == d.line && d.end_column > d.column) len = d.end_column - d.column;
    if (d.end_line > d.line) len = width > start ? width - start : 1;
    os << std::string(start, ' ');
    if (color) os << "\x1b[1;32m";
    os << '^' << std::string(len > 1 ? len - 1 : 0, '~');
    if (color) os << "\x1b[0m";
    os << "\n";
}
}  // namespace

void write_text_file(std::ostream& os, const FileReport& f, const Options& opts) {
    const bool en = opts.lang == "en";
    for (const auto& d : f.diagnostics) {
        if (d.suppressed && !opts.show_suppressed) continue;
        if (opts.color) os << "\x1b[1m";
        os << printable(f.path) << ":" << d.line << ":" << d.column << ": ";
        if (opts.color) os << "\x1b[0m" << colour(d.severity);
        os << severity_word(d.severity, opts.lang);
        if (opts.color) os << "\x1b[0m";
        os << ": " << printable(d.message) << " [" << d.rule << "]";
        if (!d.context.empty()) {  // .docx: what Word shows (the page where known, the paragraph's first words)
            os << " (";
            if (d.page > 0) os << (en ? "page " : "trang ") << d.page << ", ";
            os << (en ? "paragraph \u201C" : "đoạn \u201C") << printable(d.context) << "\u201D)";
        } else if (d.page > 0 && d.page_line > 0) {  // PDF: where it is printed
            os << (en ? " (page " : " (trang ") << d.page << (en ? ", line " : ", dòng ") << d.page_line << ")";
        }
        if (d.suppressed)
            os << (en ? " (suppressed by \"" : " (đã bỏ qua theo \"") << printable(d.suppressed_by)
               << (en ? "\", line " : "\", dòng ") << d.suppressed_line << ")";
        os << "\n";
        caret_line(os, d, opts.color);
        if (!d.legal_basis.empty())
            os << "    " << (en ? "basis: " : "căn cứ: ") << d.legal_basis << "\n";
    }
}

// GNU's format for tools' messages (https://www.gnu.org/prep/standards/html_node/Errors.html),
// which editors' problem matchers read: FILE:LINE:COLUMN: error|warning|note: MESSAGE [RULE],
// one line per finding, English severity words whatever --lang says.
void write_gnu_file(std::ostream& os, const FileReport& f) {
    for (const auto& d : f.diagnostics) {
        const char* sev = d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "note";
        os << printable(f.path) << ":" << std::max<uint32_t>(d.line, 1) << ":" << std::max<uint32_t>(d.column, 1) << ": "
           << sev << ": " << printable(d.message) << " [" << d.rule << "]\n";
    }
}

void write_text_not_checked(std::ostream& os, const Options& opts) {
    for (const auto& n : opts.not_checked)
        os << printable(n.path) << ": " << (opts.lang == "en" ? "not checked: " : "không kiểm tra: ")
           << printable(n.reason) << "\n";
}

void write_text(std::ostream& os, const std::vector<FileReport>& files, const Options& opts) {
    Stream out(os, "text", opts);
    for (const auto& f : files) out.add(f);
    out.finish();
}

}  // namespace plancheck::report
