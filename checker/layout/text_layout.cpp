// Plain-text layout recovery: a .txt file arrives as one block per physical
// line (ingest/text.cpp). This pass cuts lines into pieces, splits two-column
// header and closing lines, rebuilds header fields broken over lines, rejoins
// hard-wrapped paragraphs and sets page numbers aside (text_layout.h). Rebuilt
// blocks carry one anchor per piece, so every byte still maps to its original
// line and column; a file none of this applies to is left exactly as it came.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <span>
#include <unordered_map>

#include "core/utf8.h"
#include "layout/layout.h"
#include "layout/text_layout.h"

namespace plancheck::layout {

namespace text {

namespace {

bool is_ws(char32_t c) { return utf8::is_space(c) || c == '\f' || c == '\v'; }
bool is_bar(char32_t c) { return c == '|' || c == 0xA6 || c == 0x2502 || c == 0x2503 || c == 0x2551; }

// Literal "\r\n", "\n", "\r" (backslash and letter) at byte i: its length, or 0.
size_t literal_break(std::string_view s, size_t i, bool lone_ok) {
    if (s[i] != '\\' || i + 1 >= s.size()) return 0;
    if (s.compare(i, 4, "\\r\\n") == 0) return 4;
    // A lone "\n" or "\r" only in a file that has several: one could be a
    // path ("C:\\new"); several are a text dump's line breaks.
    return lone_ok && (s[i + 1] == 'n' || s[i + 1] == 'r') ? 2 : 0;
}

struct Cutter {
    std::vector<Piece>& out;
    bool pending_hard = false;
    bool pending_page = false;

    // Adds the trimmed part of s (which starts at column `col` of `line`).
    void add(std::string_view s, uint32_t line, uint32_t col, bool whole) {
        size_t b = 0;
        bool ff = false;
        while (b < s.size()) {
            size_t i = b;
            char32_t c = utf8::next(s, i);
            if (!is_ws(c)) break;
            ff |= c == '\f';
            b = i, ++col;
        }
        size_t e = s.size();
        while (e > b) {
            size_t k = e - 1;
            while (k > b && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
            size_t j = k;
            char32_t c = utf8::next(s, j);
            if (!is_ws(c)) break;
            ff |= c == '\f';
            e = k;
        }
        pending_page |= ff;
        std::string_view t = s.substr(b, e - b);
        if (t.empty()) {
            if (!whole) pending_hard = true;  // "\r\n\r\n": an empty line between two breaks
            return;
        }
        if (is_border_line(t)) {
            pending_hard = true;
            return;
        }
        Piece p;
        p.line = line;
        p.col = col;
        p.text = t;
        p.width = static_cast<uint32_t>(utf8::count(t));
        p.hard_before = pending_hard;
        p.page_before = pending_page;
        p.whole = whole;  // the block of a whole line is kept as it is (leading white space too)
        pending_hard = pending_page = false;
        out.push_back(std::move(p));
    }

    // Cuts s at cell bars standing between words or at its ends.
    // Each cell's piece records its column: the bars before it, less a bar
    // that opens the line (an empty cell keeps the columns after it in place).
    void cells(std::string_view s, uint32_t line, uint32_t col, bool whole) {
        size_t start = 0;
        uint32_t start_col = col, c = col;
        int bars = 0;
        bool leading = false;
        auto add_cell = [&](std::string_view part, uint32_t at_col) {
            size_t before = out.size();
            add(part, line, at_col, false);
            if (out.size() > before) out.back().cell_column = bars - (leading ? 1 : 0);
        };
        for (size_t i = 0; i < s.size();) {
            size_t at = i;
            char32_t ch = utf8::next(s, i);
            if (is_bar(ch)) {
                bool left_ok = at == 0 || s[at - 1] == ' ' || s[at - 1] == '\t';
                bool right_ok = i >= s.size() || s[i] == ' ' || s[i] == '\t';
                if (left_ok && right_ok) {
                    if (bars == 0 && utf8::trim(s.substr(0, at)).empty()) leading = true;
                    add_cell(s.substr(start, at - start), start_col);
                    pending_hard = true;
                    ++bars;
                    start = i;
                    start_col = c + 1;
                }
            }
            ++c;
        }
        if (!bars) {
            add(s, line, col, whole);
            return;
        }
        add_cell(s.substr(start), start_col);
    }
};

}  // namespace

std::vector<Piece> cut_lines(const SourceDocument& doc) {
    std::vector<Piece> out;
    out.reserve(doc.blocks.size());  // a piece per line, more where cell bars cut it
    size_t breaks = 0;
    for (const Block& b : doc.blocks) {
        if (b.kind != BlockKind::Paragraph || b.anchors.size() != 1 || b.anchors[0].offset != 0 ||
            b.anchors[0].column != 1 || (!b.source_is_text && b.text != b.source) || b.text.find('\n') != std::string::npos)
            return {};
        for (size_t i = b.text.find('\\'); i != std::string::npos && i + 1 < b.text.size();
             i = b.text.find('\\', i + 1))
            if (b.text[i + 1] == 'n' || b.text[i + 1] == 'r') ++breaks;
    }
    const bool lone_ok = breaks >= 2;
    Cutter cut{out};
    uint32_t prev_line = 0;
    for (const Block& b : doc.blocks) {
        const uint32_t line = b.line();
        if (prev_line && line > prev_line + 1) cut.pending_hard = true;
        prev_line = line;
        std::string_view s = b.text;
        size_t start = 0;
        uint32_t col = 1, start_col = 1;
        bool cut_any = false;
        size_t last_break_end = std::string_view::npos;
        for (size_t i = 0; i < s.size();) {
            size_t n = breaks ? literal_break(s, i, lone_ok) : 0;
            if (n) {
                // Two breaks with only white space between: a paragraph break.
                bool empty_between = last_break_end != std::string_view::npos &&
                                     utf8::trim(s.substr(last_break_end, i - last_break_end)).empty();
                cut.cells(s.substr(start, i - start), line, start_col, false);
                if (empty_between) cut.pending_hard = true;
                i += n;
                col += static_cast<uint32_t>(n);
                start = i;
                start_col = col;
                last_break_end = i;
                cut_any = true;
                continue;
            }
            utf8::next(s, i);
            ++col;
        }
        cut.cells(s.substr(start), line, start_col, !cut_any);
    }
    return out;
}

}  // namespace text

namespace {

using text::Piece;

std::string fold_prefix(std::string_view t, size_t bytes = 40) {
    return utf8::fold(t.substr(0, utf8::floor_boundary(t, std::min(t.size(), bytes))));
}

bool is_type_name_line(std::string_view t) {
    static const char* kTypes[] = {"ke hoach", "bao cao", "quyet dinh", "to trinh", "thong bao", "cong van",
                                   "nghi quyet", "nghi dinh", "chi thi", "chuong trinh", "chuong trinh hanh dong",
                                   "huong dan", "de an", "phuong an", "quy che", "quy dinh", "giay moi",
                                   "bien ban", "dieu le", "thong tu", "cong dien", "giay de nghi"};
    if (!utf8::is_upper_text(t)) return false;
    std::string f = utf8::fold(t);
    for (const char* k : kTypes)
        if (f == k || (f.rfind(k, 0) == 0 && f[std::strlen(k)] == ' ')) return true;
    return false;
}

// Where the header zone ends: the type name, "Kính gửi", a basis, a numbered
// item, or the 20th piece.
size_t header_end(const std::vector<Piece>& ps) {
    size_t n = std::min<size_t>(ps.size(), 20);
    for (size_t i = 0; i < n; ++i) {
        std::string_view t = ps[i].text;
        std::string f = fold_prefix(t);
        if (is_type_name_line(t) || f.rfind("kinh gui", 0) == 0 || f.rfind("can cu ", 0) == 0 ||
            f.rfind("dieu ", 0) == 0)
            return i;
        // A paragraph: long, in one column, not a header field (nor a rule
        // line "______" under the agency).
        bool words = std::any_of(t.begin(), t.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); });
        if (words && ps[i].width >= 50 && text::column_gap(t) == std::string::npos && !text::is_header_line(t)) return i;
        // A numbered item ("I.", "1.") other than the header's own lines.
        if ((t[0] == 'I' || t[0] == 'V' || t[0] == 'X' || (t[0] >= '1' && t[0] <= '9')) && text::starts_block(t) &&
            t.rfind("Số", 0) != 0 && !utf8::is_upper_text(t)) {
            size_t k = 0;
            while (k < t.size() && (std::isalnum(static_cast<unsigned char>(t[k])))) ++k;
            if (k < t.size() && (t[k] == '.' || t[k] == ')')) return i;
        }
    }
    return n;
}

bool is_name_line(std::string_view t) {
    if (t.empty() || t.size() > 80 || utf8::is_upper_text(t)) return false;
    int words = 0;
    bool start = true;
    for (size_t i = 0; i < t.size();) {
        char32_t c = utf8::next(t, i);
        if (c == ' ') {
            start = true;
            continue;
        }
        if (!utf8::is_letter(c)) return false;
        if (start) {
            std::string one;
            utf8::append(one, c);
            if (utf8::upper(one) != one) return false;
            ++words;
            start = false;
        }
    }
    return words >= 2 && words <= 6;
}

// "1 Gồm: ...", "12 Theo ...", "1" alone: a footnote's number at a line's start.
bool footnote_mark(std::string_view t) {
    size_t i = 0;
    while (i < t.size() && i < 3 && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == 0 || i > 2) return false;
    return i == t.size() || (t[i] == ' ' && i + 1 < t.size() && t[i + 1] != ' ');
}

// Splits pieces[i] at its column gap, if any: the right part is inserted after it.
bool split_at_gap(std::vector<Piece>& ps, size_t i) {
    size_t gap = text::column_gap(ps[i].text);
    if (gap == std::string::npos) return false;
    Piece right = ps[i];
    std::string_view t = ps[i].text;
    std::string_view left = utf8::trim(t.substr(0, gap));
    right.text = t.substr(gap);  // views of the same line's block
    right.col = ps[i].col + static_cast<uint32_t>(utf8::count(t.substr(0, gap)));
    right.width = static_cast<uint32_t>(utf8::count(right.text));
    right.hard_before = true;
    right.page_before = false;
    right.whole = false;
    right.column = 2;
    right.starts = right.closes = ps[i].starts = ps[i].closes = -1;  // classified again, as pieces
    ps[i].text = left;
    ps[i].width = static_cast<uint32_t>(utf8::count(ps[i].text));
    ps[i].whole = false;
    ps[i].column = 1;
    ps.insert(ps.begin() + static_cast<long>(i) + 1, std::move(right));
    return true;
}

// Two-column zone [from, to): pieces split at their gaps, the others put in
// the column they start in. Returns the new end of the zone (splitting adds
// pieces); `to` bounds the zone, `closing` applies the closing's stop rules.
size_t columns(std::vector<Piece>& ps, size_t from, size_t to, bool closing) {
    uint32_t right_start = 0;
    bool any = false;
    bool signed_off = false;  // the closing's right column reached the signer's name
    size_t i = from;
    auto recipient_like = [](const Piece& p) {
        char c = p.text[0];
        return c == '-' || c == '+' || c == '*' || fold_prefix(p.text).rfind("luu", 0) == 0;
    };
    for (; i < to && i < ps.size(); ++i) {
        if (ps[i].column != 0) continue;
        if (!signed_off && split_at_gap(ps, i)) {
            any = true;
            uint32_t rc = ps[i + 1].col;
            right_start = right_start ? std::min(right_start, rc) : rc;
            ++i, ++to;
            if (closing && is_name_line(ps[i].text)) signed_off = true;
            continue;
        }
        if (!closing) continue;
        // The closing: recipients on the left, the signer on the right; after
        // the signer's name only the rest of the recipients list.
        uint32_t rs = right_start ? right_start : 30;
        Piece& p = ps[i];
        if (p.col + 4 >= rs) {
            if (signed_off || p.width > 60) break;
            p.column = 2;
            signed_off = is_name_line(p.text);
        } else if (i != from) {
            if (signed_off ? !recipient_like(p) : !(recipient_like(p) || p.width <= 50)) break;
        }
    }
    size_t end = std::min(i, ps.size());
    if (!any) {
        for (size_t k = from; k < end; ++k) ps[k].column = 0;
        return from;
    }
    for (size_t k = from; k < end; ++k) {
        Piece& p = ps[k];
        if (p.column == 0) p.column = (p.col + 4 >= right_start) ? 2 : 1;
        if (p.column != 0) p.whole = false;
    }
    return end;
}

// The physical lines first..last of the document, '\n'-joined, for Block::source.
std::string source_lines(const SourceDocument& doc, const std::unordered_map<uint32_t, uint32_t>& by_line,
                         uint32_t first, uint32_t last) {
    std::string s;
    for (uint32_t l = first; l <= last; ++l) {
        if (l > first) s += '\n';
        auto it = by_line.find(l);
        if (it != by_line.end()) s += doc.blocks[it->second].original();
    }
    return s;
}

constexpr size_t kMaxSourceLine = 16 * 1024;  // longer lines cut into pieces keep only the piece as source

}  // namespace

void recover_text(SourceDocument& doc) {
    std::vector<Piece> ps = text::cut_lines(doc);
    if (ps.empty()) return;
    {
        // The lines that have a block, sorted (4 bytes a line: a hash set
        // took 80, a tenth of a large file's peak).
        std::vector<uint32_t> lines;
        lines.reserve(doc.blocks.size());
        for (const Block& b : doc.blocks) lines.push_back(b.line());
        if (!std::is_sorted(lines.begin(), lines.end())) std::sort(lines.begin(), lines.end());
        text::table_cells(ps, [&](uint32_t l) { return std::binary_search(lines.begin(), lines.end(), l); });
    }

    // 1. The header and the closing: two columns each, left column first.
    size_t hend = header_end(ps);
    if (size_t e = columns(ps, 0, hend, false); e > 0) hend = e;
    size_t cz_begin = ps.size(), cz_end = ps.size();
    for (size_t i = ps.size(); i-- > hend;) {
        if (fold_prefix(ps[i].text, 24).rfind("noi nhan", 0) != 0) continue;
        size_t e = columns(ps, i, std::min(ps.size(), i + 40), true);
        if (e > i) cz_begin = i, cz_end = e;
        break;
    }
    std::vector<size_t> order;
    order.reserve(ps.size());
    auto zone = [&](size_t a, size_t b) {
        for (int c : {1, 2})
            for (size_t k = a; k < b; ++k)
                if (ps[k].column == c || (c == 1 && ps[k].column == 0)) order.push_back(k);
    };
    zone(0, hend);
    for (size_t k = hend; k < cz_begin; ++k) order.push_back(k);
    zone(cz_begin, cz_end);
    for (size_t k = cz_end; k < ps.size(); ++k) order.push_back(k);

    // 2. Hard wrapping, from the body's own line lengths; page numbers aside.
    const text::WrapStats st = text::wrap_stats(ps);
    bool furniture = false;
    if (st.wrapped) {
        for (size_t k = hend; k < ps.size(); ++k) {
            Piece& p = ps[k];
            if (p.column != 0 || !text::is_page_number(p.text)) continue;
            bool alone = p.hard_before || p.page_before || (k + 1 < ps.size() && ps[k + 1].hard_before);
            if (!alone) continue;
            p.furniture = furniture = true;
            if (k + 1 < ps.size()) ps[k + 1].page_before = true;
        }
    }

    // Footnotes printed after the signer's name (the last page's foot): a
    // numbered note ("1 Gồm: ...", or "1" alone then its text) and its lines,
    // at most 12, nothing upper-case among them. Set aside, so the closing
    // still ends with the signer.
    for (size_t k = ps.size(); k-- > hend && k + 14 > ps.size();) {
        if (ps[k].column == 1 || !is_name_line(ps[k].text)) continue;
        size_t tail = ps.size() - (k + 1);
        if (tail >= 1 && tail <= 12 && footnote_mark(ps[k + 1].text) &&
            std::none_of(ps.begin() + static_cast<long>(k) + 1, ps.end(),
                         [](const Piece& p) { return utf8::is_upper_text(p.text) && p.width > 3; })) {
            for (size_t f = k + 1; f < ps.size(); ++f) ps[f].footnote = furniture = true;
        }
        break;
    }

    // 3. Blocks: header fragments joined, wrapped lines joined. A group is
    // the pieces members[starts[g]] .. members[starts[g + 1] - 1] (flat: one
    // small vector per line was a tenth of a large file's peak).
    std::vector<size_t> members, starts;
    members.reserve(order.size());
    auto group_end = [&](size_t g) { return g + 1 < starts.size() ? starts[g + 1] : members.size(); };
    std::vector<size_t> aside;
    std::string joined;  // the current header group's text, space-joined
    for (size_t idx : order) {
        const Piece& p = ps[idx];
        if (p.furniture || p.footnote) {
            aside.push_back(idx);
            continue;
        }
        if (!starts.empty()) {
            size_t last_idx = members.back();
            const Piece& last = ps[last_idx];
            if (idx < hend && last_idx < hend) {
                // Across blank lines too: a PDF's text often has one between
                // the stamped number and its symbol, or inside the date.
                if (last.column == p.column && text::header_fragments(joined, p.text)) {
                    members.push_back(idx);
                    joined += ' ';
                    joined += p.text;
                    continue;
                }
            } else if (idx >= hend && last_idx >= hend && text::continues(ps[members[starts.back()]], last, p, st)) {
                members.push_back(idx);
                continue;
            }
        }
        starts.push_back(members.size());
        members.push_back(idx);
        joined = p.text;
    }
    bool changed = furniture || ps.size() != doc.blocks.size() || starts.size() != ps.size();
    for (size_t k = 0; k < order.size() && !changed; ++k) changed = order[k] != k || !ps[k].whole;
    if (!changed) return;

    // 4. Rebuild, one anchor per piece.
    std::unordered_map<uint32_t, uint32_t> by_line;
    by_line.reserve(doc.blocks.size());
    for (uint32_t b = 0; b < doc.blocks.size(); ++b) by_line.emplace(doc.blocks[b].line(), b);
    auto line_source = [&](uint32_t line) { return doc.blocks[by_line.at(line)].original(); };
    std::vector<Block> out(starts.size());
    std::vector<std::pair<size_t, uint32_t>> reuse;  // (out index, original block): moved at the end
    for (size_t g = 0; g < starts.size(); ++g) {
        const std::span<const size_t> grp(members.data() + starts[g], group_end(g) - starts[g]);
        const Piece& first = ps[grp.front()];
        if (grp.size() == 1 && first.whole && first.column == 0) {
            reuse.emplace_back(g, by_line.at(first.line));
            continue;
        }
        Block& nb = out[g];
        nb.kind = BlockKind::Paragraph;
        uint32_t lo = first.line, hi = first.line;
        bool long_line = false;
        for (size_t k = 0; k < grp.size(); ++k) {
            const Piece& p = ps[grp[k]];
            if (k > 0) {
                // "2025-" / "2030", "NĐ-" / "CP", "12/" / "2020/NĐ-CP": a word
                // broken at its own hyphen or slash goes on without a space.
                std::string_view prev = ps[grp[k - 1]].text;
                auto before = prev.size() >= 2 ? static_cast<unsigned char>(prev[prev.size() - 2]) : ' ';
                bool glued = (prev.back() == '-' || prev.back() == '/') && (std::isalnum(before) || before >= 0x80);
                nb.text += glued && grp[k] >= hend ? "" : "\n";
            }
            nb.anchors.push_back({static_cast<uint32_t>(nb.text.size()), p.line, p.col});
            nb.text += p.text;
            lo = std::min(lo, p.line);
            hi = std::max(hi, p.line);
            long_line |= line_source(p.line).size() > kMaxSourceLine;
        }
        nb.source = long_line ? nb.text : source_lines(doc, by_line, lo, hi);
        if (nb.source == nb.text) {  // lines joined as they were typed: one copy, not two
            nb.source = std::string();
            nb.source_is_text = true;
        }
        if (grp.size() == 1) nb.cell = first.cell;
    }
    std::vector<Block> set_aside;
    for (size_t idx : aside) {
        const Piece& p = ps[idx];
        Block b = make_block(std::string(p.text), p.line, p.col, p.footnote ? BlockKind::Footnote : BlockKind::PageHeader);
        b.source = std::string(line_source(p.line).size() > kMaxSourceLine ? p.text : line_source(p.line));
        set_aside.push_back(std::move(b));
    }
    for (auto [g, b] : reuse) out[g] = std::move(doc.blocks[b]);
    doc.blocks = std::move(out);
    for (auto& b : set_aside) doc.aside.push_back(std::move(b));
}

}  // namespace plancheck::layout
