// Prints a plain-text document the way agencies print theirs, for PDF layout
// tests: the header in two columns on shared baselines (agency and "Số:" left;
// national title, motto and place-date right), the type name and summary
// centred, body paragraphs wrapped with a first-line indent over A4 pages, a
// page number at the top of every page after the first, a digital-signature
// stamp in page 1's top margin, and the closing in two columns ("Nơi nhận:"
// and its list left, the signature block right). It records where each text
// line's code points were printed, so that a finding on the text maps to the
// PDF line it must be reported on.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "ingest/pdf_writer.h"

namespace plancheck::test {

class AgencyPrinter {
public:
    explicit AgencyPrinter(const std::vector<std::string>& lines) : lines_(lines) {}

    std::string print() {
        stamp();
        size_t n = lines_.size();
        size_t k = first_nonblank(0);
        size_t header_end = find_header_end(k);
        size_t closing = find_closing();
        if (header_end > k) print_header(k, header_end), k = header_end;
        bool after_type = false;
        int title_lines = 0;
        for (; k < std::min(n, closing); ++k) {
            std::string_view t = utf8::trim(lines_[k]);
            if (t.empty()) {
                y_ -= 6;
                continue;
            }
            bool type_name = utf8::is_upper_text(t) && utf8::count(t) <= 40 && !after_type && k < header_end + 4;
            if (type_name) {
                centred(k, 12, 60);
                after_type = true;
            } else if (after_type && title_lines == 0) {
                centred(k, 12, 60);
                ++title_lines;
            } else {
                paragraph(k);
            }
        }
        if (closing < n) print_closing(closing);
        return w_.build();
    }

    // The PDF line on which code point `column` (1-based) of text line `line` is printed.
    uint32_t pdf_line(uint32_t line, uint32_t column) const {
        auto it = pieces_.find(line);
        if (it == pieces_.end()) return 0;
        Key key = it->second.front().second;
        for (const auto& [from, k] : it->second)
            if (column >= from) key = k;
        return number(key);
    }

private:
    using Key = std::pair<int, int>;  // page, -baseline (so sorting gives reading order)

    uint32_t number(Key k) const {
        std::vector<Key> all(printed_.begin(), printed_.end());
        std::sort(all.begin(), all.end());
        return static_cast<uint32_t>(std::lower_bound(all.begin(), all.end(), k) - all.begin()) + 1;
    }

    size_t first_nonblank(size_t k) const {
        while (k < lines_.size() && utf8::trim(lines_[k]).empty()) ++k;
        return k;
    }
    static std::string fold(std::string_view t) { return utf8::fold(t); }
    static bool right_item(std::string_view t) {
        std::string f = fold(t);
        return f.rfind("cong hoa", 0) == 0 || f.rfind("doc lap", 0) == 0 || f.rfind("dang cong san", 0) == 0 ||
               f.find(" ngay ") != std::string::npos || f.rfind("viet nam", 0) == 0;
    }
    // The header: the first lines up to the place-date line (within ten lines).
    size_t find_header_end(size_t k) const {
        for (size_t i = k; i < lines_.size() && i < k + 10; ++i) {
            std::string f = fold(lines_[i]);
            if (f.find(" ngay ") != std::string::npos && f.find(" nam ") != std::string::npos) return i + 1;
        }
        return k;
    }
    size_t find_closing() const {
        for (size_t i = lines_.size(); i-- > 0;)
            if (fold(lines_[i]).rfind("noi nhan", 0) == 0) return i;
        return lines_.size();
    }

    void need(double height) {
        if (y_ - height >= 70) return;
        w_.new_page();
        ++page_;
        y_ = 780;
        put(294, 806, std::to_string(page_), 12, 0, 0);  // page number, no text line
    }
    void put(double x, double y, const std::string& text, double size, uint32_t line, uint32_t column) {
        w_.put(x, y, text, size);
        Key k{page_, -static_cast<int>(y * 100)};
        printed_.insert(k);
        if (line) pieces_[line].push_back({column, k});
    }
    void stamp() {
        put(420, 832, "Ký bởi: Văn phòng Ủy ban nhân dân thử nghiệm", 6, 0, 0);
        put(420, 825, "Thời gian ký: 01.01.2026 08:00:00 +07:00", 6, 0, 0);
    }

    // Words of a line with their code point offsets (1-based).
    static std::vector<std::pair<uint32_t, std::string>> words(std::string_view t) {
        std::vector<std::pair<uint32_t, std::string>> out;
        size_t i = 0;
        uint32_t cp = 1;
        while (i < t.size()) {
            size_t j = i;
            char32_t c = utf8::next(t, j);
            if (c == ' ' || c == '\t') {
                i = j, ++cp;
                continue;
            }
            uint32_t start = cp;
            std::string w;
            while (i < t.size()) {
                j = i;
                c = utf8::next(t, j);
                if (c == ' ' || c == '\t') break;
                w.append(t.substr(i, j - i));
                i = j, ++cp;
            }
            out.push_back({start, w});
        }
        return out;
    }
    // Wraps text line k into pieces of at most `first` then `rest` glyphs.
    std::vector<std::pair<uint32_t, std::string>> wrap(size_t k, size_t first, size_t rest) const {
        std::vector<std::pair<uint32_t, std::string>> out;
        for (const auto& [cp, w] : words(lines_[k])) {
            size_t limit = out.size() <= 1 ? first : rest;
            if (!out.empty() && utf8::count(out.back().second) + 1 + utf8::count(w) <= limit)
                out.back().second += " " + w;
            else
                out.push_back({cp, w});
        }
        return out;
    }
    void paragraph(size_t k) {
        auto pieces = wrap(k, 72, 76);
        for (size_t i = 0; i < pieces.size(); ++i) {
            need(15);
            put(i == 0 ? 94 : 70, y_, pieces[i].second, 12, static_cast<uint32_t>(k + 1), pieces[i].first);
            y_ -= 15;
        }
    }
    void centred(size_t k, double size, size_t width) {
        for (const auto& [cp, text] : wrap(k, width, width)) {
            need(15);
            put(298 - PdfWriter::width(text, size) / 2, y_, text, size, static_cast<uint32_t>(k + 1), cp);
            y_ -= 15;
        }
        y_ -= 4;
    }

    // Two columns, row by row: the left items, and the right items with the
    // last one (the signer's name) three rows below the one before, leaving
    // room for the signature.
    void columns(const std::vector<size_t>& left, const std::vector<size_t>& right, double lsize, double rsize,
                 double right_center) {
        std::vector<size_t> at(right.size());
        for (size_t i = 0; i < right.size(); ++i) at[i] = i + 1 == right.size() && i > 0 ? i + 3 : i;
        size_t rows = std::max(left.size(), right.empty() ? 0 : at.back() + 1);
        for (size_t row = 0, r = 0; row < rows; ++row) {
            need(15);
            if (row < left.size()) {
                std::string_view t = utf8::trim(lines_[left[row]]);
                put(70, y_, std::string(t), lsize, static_cast<uint32_t>(left[row] + 1), lead(left[row]));
            }
            if (r < right.size() && at[r] == row) {
                std::string_view t = utf8::trim(lines_[right[r]]);
                put(right_center - PdfWriter::width(t, rsize) / 2, y_, std::string(t), rsize,
                    static_cast<uint32_t>(right[r] + 1), lead(right[r]));
                ++r;
            }
            y_ -= 15;
        }
    }
    uint32_t lead(size_t k) const {
        uint32_t cp = 1;
        for (size_t i = 0; i < lines_[k].size() && (lines_[k][i] == ' ' || lines_[k][i] == '\t'); ++i) ++cp;
        return cp;
    }
    // Column items wrapped to the column's width: (text line, first code point, text) per row.
    struct Piece {
        size_t line;
        uint32_t cp;
        std::string text;
    };
    std::vector<Piece> column_pieces(const std::vector<size_t>& items, size_t width) const {
        std::vector<Piece> out;
        for (size_t i : items)
            for (const auto& [cp, text] : wrap(i, width, width)) out.push_back({i, cp, text});
        return out;
    }
    void print_header(size_t from, size_t to) {
        std::vector<size_t> left, right;
        std::optional<size_t> date;
        for (size_t i = from; i < to; ++i) {
            if (utf8::trim(lines_[i]).empty()) continue;
            std::string f = fold(lines_[i]);
            if (f.find(" ngay ") != std::string::npos && f.find(" nam ") != std::string::npos) date = i;
            else (right_item(lines_[i]) ? right : left).push_back(i);
        }
        auto lp = column_pieces(left, 34), rp = column_pieces(right, 40);
        // The place-date shares the "Số:" line's baseline (or follows the right column).
        size_t date_row = rp.size();
        for (size_t r = 0; r < lp.size(); ++r)
            if (fold(lp[r].text).rfind("so", 0) == 0 && r >= rp.size()) { date_row = r; break; }
        if (date) {
            while (rp.size() < date_row) rp.push_back({size_t(-1), 0, ""});
            rp.push_back({*date, lead(*date), std::string(utf8::trim(lines_[*date]))});
        }
        size_t rows = std::max(lp.size(), rp.size());
        for (size_t row = 0; row < rows; ++row) {
            need(15);
            if (row < lp.size())
                put(150 - PdfWriter::width(lp[row].text, 12) / 2, y_, lp[row].text, 12,
                    static_cast<uint32_t>(lp[row].line + 1), lp[row].cp);
            if (row < rp.size() && rp[row].line != size_t(-1))
                put(410 - PdfWriter::width(rp[row].text, 12) / 2, y_, rp[row].text, 12,
                    static_cast<uint32_t>(rp[row].line + 1), rp[row].cp);
            y_ -= 15;
        }
        y_ -= 12;
    }
    void print_closing(size_t from) {
        std::vector<size_t> left, right;
        bool list = true;
        for (size_t i = from; i < lines_.size(); ++i) {
            std::string_view t = utf8::trim(lines_[i]);
            if (t.empty()) continue;
            bool item = i == from || t[0] == '-' || t[0] == '+';
            if (!item) list = false;
            (list ? left : right).push_back(i);
        }
        y_ -= 10;
        // The name comes after room for the signature.
        columns(left, right, 10, 12, 410);
    }

    const std::vector<std::string>& lines_;
    PdfWriter w_;
    int page_ = 1;
    double y_ = 800;
    std::set<Key> printed_;
    std::map<uint32_t, std::vector<std::pair<uint32_t, Key>>> pieces_;
};

}  // namespace plancheck::test
