// What the PDF reader and the PDF layout pass (layout/pdf_layout.cpp) both
// need to know about printed text that is not the document: the lines a
// digital-signature stamp or a copy stamp prints over the page, and the
// running page numbers. Header-only so the reader module needs no layout code.
#pragma once

#include <string>
#include <string_view>

#include "core/utf8.h"

namespace plancheck::pdftext {

// A line that opens a signature or copy stamp: "Ký bởi: ...", "Người ký: ...",
// "Cơ quan: ...", "Thời gian ký: ...", "Giờ ký: ...", "Ngày ký: ...",
// "Email: ...", "SAO Y" / "SAO Y BẢN CHÍNH" / "BẢN SAO", "Signature Not
// Verified", "Digitally signed by". The caller decides where it may stand
// (small font, outside the text column): "Email:" and "Cơ quan:" also occur in
// body text.
inline bool opens_stamp(std::string_view text) {
    std::string f = utf8::fold(text);
    auto starts = [&](std::string_view p) {
        return f.size() >= p.size() && f.compare(0, p.size(), p) == 0 && (f.size() == p.size() || f[p.size()] == ' ');
    };
    for (std::string_view p : {"ky boi", "nguoi ky", "co quan", "thoi gian ky", "gio ky", "ngay ky", "email",
                               "e mail", "sao y", "ban sao", "signature not verified", "signature valid",
                               "digitally signed by", "signed by", "ky so boi", "chung thu so"})
        if (starts(p)) return true;
    return false;
}

// A time stamp as signature software prints it: "2025-10-01T17:08:18+07:00",
// "13/11/2025 15:53:50", "15:53:50", "17:58:22 +07:00".
inline bool is_timestamp(std::string_view text) {
    std::string_view t = utf8::trim(text);
    int colons = 0, digits = 0;
    for (char c : t) {
        if (c == ':') ++colons;
        else if (c >= '0' && c <= '9') ++digits;
        else if (!(c == ' ' || c == '/' || c == '-' || c == '+' || c == 'T' || c == '.' || c == 'Z')) return false;
    }
    return colons >= 2 && digits >= 6;
}

// A running page number: "2", "- 2 -", "– 12 –", "Trang 3", "Trang 3/10",
// "3/10", "Page 2 of 5".
inline bool is_page_number(std::string_view text) {
    std::string f = utf8::fold(text);  // punctuation folds to spaces
    std::string_view s = f;
    for (std::string_view p : {"trang ", "page "})
        if (s.substr(0, p.size()) == p) s.remove_prefix(p.size());
    int numbers = 0;
    size_t i = 0;
    while (i < s.size()) {
        if (s[i] == ' ') { ++i; continue; }
        if (s[i] >= '0' && s[i] <= '9') {
            size_t j = i;
            while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
            if (j - i > 4) return false;
            ++numbers;
            i = j;
            continue;
        }
        if (s.substr(i, 3) == "of " || s.substr(i, 4) == "tren") { i += s[i] == 'o' ? 2 : 4; continue; }
        return false;
    }
    if (numbers < 1 || numbers > 2) return false;
    // "3 10" (from "3/10") is a page count only with a separator between.
    std::string_view raw = utf8::trim(text);
    return numbers == 1 || raw.find('/') != std::string_view::npos || f.find("of") != std::string::npos ||
           f.find("tren") != std::string::npos;
}

}  // namespace plancheck::pdftext
