// A small batch of file reports shared by the report writer tests.
#pragma once

#include <vector>

#include "report/report.h"

namespace plancheck::test {

inline Diagnostic diag(std::string rule, std::string category, Severity s, std::string message, uint32_t line,
                       uint32_t col, uint32_t end_col, std::string excerpt) {
    Diagnostic d;
    d.rule = std::move(rule);
    d.category = std::move(category);
    d.severity = s;
    d.message = std::move(message);
    d.line = d.end_line = line;
    d.column = col;
    d.end_column = end_col;
    d.excerpt = std::move(excerpt);
    d.legal_basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I";
    return d;
}

// Three files: one with findings (quotes, commas, markup, a list item that
// starts with '+'), one clean, one unreadable; the first has a Vietnamese name
// with a space.
inline std::vector<report::FileReport> sample_batch() {
    std::vector<report::FileReport> files(3);
    files[0].path = "kế hoạch/a b.txt";
    files[0].format = "txt";
    files[0].diagnostics = {
        diag("text.typo.confusions", "text.typo", Severity::Warning, "Sai chính tả: \"phân đầu\", đúng là \"phấn đấu\"",
             3, 17, 25, "+ Đến năm 2025, phân đầu 100% <cán bộ> & \"đảng viên\""),
        diag("text.typo.confusions", "text.typo", Severity::Warning, "Sai chính tả: \"phân đầu\"", 5, 1, 9,
             "phân đầu tiếp"),
        diag("structure.numbering-gap", "structure.numbering-gap", Severity::Error, "Đánh số không liên tục", 7, 1, 3,
             "3. Đổi mới"),
        diag("text.truncated", "text.truncated", Severity::Info, "Câu bị cụt", 9, 10, 14, "=SUM(A1) hoặc"),
    };
    files[0].diagnostics[0].fix = Fix{3, 17, 3, 25, "phấn đấu"};
    files[1].path = "sach.txt";
    files[1].format = "txt";
    files[2].path = "hong.doc";
    Diagnostic u = diag("input.unreadable", "input.unreadable", Severity::Error,
                        "hong.doc: không đọc được văn bản: unsupported file type .doc", 1, 1, 1, "");
    files[2].diagnostics = {u};
    return files;
}

inline report::Options sample_options(std::string lang = "vi") {
    report::Options o;
    o.lang = std::move(lang);
    o.tool_version = "9.9.9";
    o.tool_uri = "https://example.org/plancheck";
    o.rules = {{"text.typo.confusions", "text.typo", Severity::Warning, "Nghị định 30/2020/NĐ-CP, Điều 3",
                "Sai chính tả: \"{wrong}\"", "Known misspellings from a confusion list.", "known misspellings from a list"},
               {"structure.numbering-gap", "structure.numbering-gap", Severity::Error,
                "Nghị định 30/2020/NĐ-CP, Phụ lục I", "Đánh số không liên tục", "", "section labels skip a number"}};
    return o;
}

}  // namespace plancheck::test
