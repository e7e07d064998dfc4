// PDF layout recovery: from printed line fragments (ingest/pdf/pdf.cpp) to
// the blocks the structure stage reads.
//
// 1. Text that is not the document goes to SourceDocument::aside (kind
//    PageHeader; footnotes kind Footnote): turned text (watermarks, margin
//    notes; on a mostly turned page, a landscape page, it is the text), a huge
//    text over body text, signature and copy stamps ("Ký bởi:", "Cơ quan:",
//    "Thời gian ký:", "SAO Y", time stamps) in a small font or outside the
//    text column together with the lines printed under them, small text
//    printed over other text, small text right of the text column, footnotes,
//    small notes under the signature, running page numbers and running
//    headers/footers (a page's first or last line repeated at the same height
//    on another page).
// 2. The header's two columns: on page 1, the lines whose fragments sit in a
//    left column (agency, "Số: ...", "V/v ...") and a right column (national
//    title, motto, place and date) become one block per column line, left
//    column first, then the right one. The columns are measured on the lines
//    where both are printed on one baseline (else on lines printed in only
//    one of them); a title centred on the page ends the header.
// 3. The closing: from "Nơi nhận:" on, the recipients list (left) and the
//    signature block (right) are separated the same way: the list first
//    (wrapped items rejoined), then the signature lines.
// 4. The body: lines rejoin into paragraphs, across page breaks too. A line
//    starts a new block when it starts with a numbering label, when the line
//    before is short, when it is indented more than the line before, after a
//    vertical gap on the same page, when the font size changes, when the line
//    before ends a sentence and this one starts with a capital letter, or when
//    a new "Căn cứ" follows ';' — but a centred summary wrapped over centred
//    lines stays one block. A line printed in three or more fragments more
//    than 1.2 line heights apart is a table row: a block (in_table) of its own.
//
// Positions never change: each fragment keeps its anchor (line, column); a
// rebuilt block's source holds its lines as printed, one per line number.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "core/utf8.h"
#include "ingest/pdf/pdf_text.h"
#include "layout/layout.h"
#include "layout/pdf_pages.h"

namespace plancheck::layout {

namespace {

struct Frag {
    size_t block;  // index into the input blocks
    const Block* b;
    bool aside = false;
    BlockKind aside_kind = BlockKind::PageHeader;
};

struct Line {
    uint32_t number = 0;
    uint32_t page = 0;
    std::vector<size_t> frags;  // indices into the fragment table, left to right
    float top = 0, bottom = 0;
};

// "I." "12." "2.1." "3)" "a)" "đ)" "-" "+" "*" "–" "•" followed by a space or the end.
bool starts_with_label(std::string_view t) {
    auto spaced = [&](size_t i) { return i >= t.size() || t[i] == ' ' || t[i] == '\t'; };
    size_t i = 0;
    while (i < t.size() && (t[i] == 'I' || t[i] == 'V' || t[i] == 'X')) ++i;
    if (i > 0 && i < t.size() && t[i] == '.' && spaced(i + 1)) return true;
    i = 0;
    while (i < t.size() && ((t[i] >= '0' && t[i] <= '9') || (i > 0 && t[i] == '.' && i + 1 < t.size() && t[i + 1] >= '0' && t[i + 1] <= '9'))) ++i;
    if (i > 0 && i <= 8 && i < t.size() && (t[i] == '.' || t[i] == ')') && spaced(i + 1)) return true;
    if (t.size() >= 2 && t[0] >= 'a' && t[0] <= 'z' && t[1] == ')' && spaced(2)) return true;
    if (t.rfind("đ)", 0) == 0 && spaced(std::string_view("đ)").size())) return true;
    for (std::string_view m : {"-", "+", "*", "\u2013", "\u2014", "\u2022"})
        if (t.substr(0, m.size()) == m && spaced(m.size())) return true;
    return false;
}

bool ends_sentence(std::string_view t) {
    return !t.empty() && (t.back() == '.' || t.back() == ':' || t.back() == '?' || t.back() == '!');
}

bool starts_upper(std::string_view t) {
    if (t.empty()) return false;
    size_t i = 0;
    char32_t c = utf8::next(t, i);
    std::string s;
    utf8::append(s, c);
    return utf8::is_letter(c) && utf8::is_upper_text(s);
}

float percentile(std::vector<float> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<size_t>(q * static_cast<double>(v.size() - 1))];
}

// Builds one block from fragments (in reading order), each starting a new
// printed line of the block or, with `same_line`, continuing the line before.
class Joiner {
public:
    void add(const Block& f, bool new_line) {
        if (text_.empty()) {
            first_ = f;
            last_line_ = f.line();
            source_ = f.source;
        } else if (new_line || f.line() != last_line_) {
            text_ += '\n';
            // One source line per line number, so Block::source_line finds each.
            for (uint32_t l = last_line_ + 1; l < f.line(); ++l) source_ += '\n';
            if (f.line() != last_line_) source_ += "\n" + f.source;
            last_line_ = std::max(last_line_, f.line());
        } else {
            text_ += ' ';
        }
        for (const auto& a : f.anchors)
            anchors_.push_back({static_cast<uint32_t>(text_.size() + a.offset), a.line, a.column});
        text_ += f.text;
        // Run formats (a PDF typeset by a word processor) keep their original
        // positions, so the joined block has them all.
        if (f.format) runs_.insert(runs_.end(), f.format->runs.begin(), f.format->runs.end());
    }
    bool empty() const { return text_.empty(); }
    Block take() {
        Block b = first_;
        b.text = std::move(text_);
        b.source = std::move(source_);
        b.anchors = std::move(anchors_);
        if (!runs_.empty()) {
            auto fmt = std::make_shared<BlockFormat>();
            fmt->runs = std::move(runs_);
            b.format = std::move(fmt);
        }
        *this = Joiner{};
        return b;
    }

private:
    Block first_;
    std::string text_, source_;
    std::vector<Anchor> anchors_;
    std::vector<RunFormat> runs_;
    uint32_t last_line_ = 0;
};

struct Columns {
    float boundary = 0;  // x between the columns
    float left_center = 0, right_center = 0;
};

class PdfLayout {
public:
    explicit PdfLayout(SourceDocument& doc) : doc_(doc) {}

    void run() {
        input_ = std::move(doc_.blocks);
        doc_.blocks.clear();
        for (size_t i = 0; i < input_.size(); ++i) frags_.push_back({i, &input_[i]});
        for (size_t i = 0; i < frags_.size(); ++i) {
            const Block& b = *frags_[i].b;
            if (lines_.empty() || lines_.back().number != b.line()) {
                lines_.push_back({b.line(), b.box->page, {}, b.box->top, b.box->bottom});
            }
            Line& l = lines_.back();
            l.frags.push_back(i);
            l.top = std::min(l.top, b.box->top), l.bottom = std::max(l.bottom, b.box->bottom);
        }
        measure();
        mark_aside();
        mark_footnotes();
        arrange();
    }

private:
    const Block& B(size_t f) const { return *frags_[f].b; }
    float page_height(uint32_t page) const {
        return page >= 1 && page <= doc_.pages.size() ? doc_.pages[page - 1].height : 842.f;
    }
    float page_width(uint32_t page) const {
        return page >= 1 && page <= doc_.pages.size() ? doc_.pages[page - 1].width : 595.f;
    }

    // The body font size and the text column, from upright text.
    void measure() {
        std::vector<std::pair<float, size_t>> sizes;  // (font size, code points)
        std::vector<float> lefts, rights;
        size_t chars = 0;
        for (const auto& f : frags_) {
            const PrintBox& x = f.b->box;
            if (x.rotation != 0) continue;
            size_t n = utf8::count(f.b->text);
            sizes.push_back({x.font_size, n});
            chars += n;
            if (n >= 20) lefts.push_back(x.x0), rights.push_back(x.x1);
        }
        // The body size: the size of the median code point.
        std::sort(sizes.begin(), sizes.end());
        size_t seen = 0;
        for (const auto& [size, n] : sizes) {
            seen += n;
            if (2 * seen >= chars) {
                body_size_ = size;
                break;
            }
        }
        left_ = percentile(lefts, 0.1);
        right_ = percentile(rights, 0.9);
        if (right_ <= left_) left_ = 0, right_ = page_width(1);
        width_ = std::max(1.f, right_ - left_);
    }

    bool small(const Block& b) const { return body_size_ > 0 && b.box->font_size < body_size_ * 0.85f; }
    bool in_margin(const Block& b) const {
        float h = page_height(b.box->page);
        return b.box->bottom < h * 0.06f || b.box->top > h * 0.95f || b.box->x0 > right_ + 4 || b.box->x1 < left_ - 4;
    }

    void mark_aside() {
        // Turned text; small text right of the text column (a table's
        // columns may print further right than the body's lines: they stay).
        // (A page whose text is mostly turned, a landscape page, keeps it.)
        std::map<uint32_t, std::pair<size_t, size_t>> turned;  // page -> (turned, all) code points
        for (const auto& f : frags_) {
            size_t n = utf8::count(f.b->text);
            auto& t = turned[f.b->box->page];
            t.second += n;
            if (f.b->box->rotation != 0) t.first += n;
        }
        for (auto& f : frags_) {
            const PrintBox& x = f.b->box;
            const auto& t = turned[x.page];
            if (x.rotation != 0 && 2 * t.first < t.second) f.aside = true;
            else if (x.x0 > right_ + std::max(6.f, body_size_) && right_ > 0 && small(*f.b)) f.aside = true;
        }
        // Stamps: an opening line in a small font or in the margin, and the
        // lines printed right under it in the same place and size.
        for (size_t li = 0; li < lines_.size(); ++li) {
            for (size_t fi : lines_[li].frags) {
                if (frags_[fi].aside) continue;  // already in a stamp: each line is walked once
                const Block& b = B(fi);
                bool opener = pdftext::opens_stamp(b.text) && (small(b) || in_margin(b));
                bool stamp_time = pdftext::is_timestamp(b.text) && small(b);
                if (!opener && !stamp_time) continue;
                frags_[fi].aside = true;
                PrintBox area = b.box;
                for (size_t lj = li + 1; lj < lines_.size() && lines_[lj].page == lines_[li].page; ++lj) {
                    bool found = false;
                    for (size_t fj : lines_[lj].frags) {
                        const PrintBox& y = B(fj).box;
                        bool below = y.top - area.bottom < std::max(2.f, area.height() * 1.2f) && y.top >= area.top;
                        bool under = y.x0 < area.x1 && y.x1 > area.x0 && std::abs(y.x0 - area.x0) < area.height() * 3;
                        bool same = std::abs(y.font_size - b.box->font_size) <= 0.15f * std::max(1.f, b.box->font_size);
                        if (below && under && same) {
                            frags_[fj].aside = true;
                            area.bottom = std::max(area.bottom, y.bottom);
                            area.x1 = std::max(area.x1, y.x1);
                            found = true;
                        }
                    }
                    if (!found) break;
                }
            }
        }
        // Text printed over other text: a stamp's small box, a watermark.
        std::map<uint32_t, std::vector<size_t>> by_page;
        for (size_t i = 0; i < frags_.size(); ++i) by_page[B(i).box->page].push_back(i);
        for (auto& [page, fs] : by_page) {
            if (fs.size() > 3000) continue;
            for (size_t a : fs)
                for (size_t c : fs) {
                    if (a == c) continue;
                    const PrintBox &x = B(a).box, &y = B(c).box;
                    float w = std::min(x.x1, y.x1) - std::max(x.x0, y.x0);
                    float h = std::min(x.bottom, y.bottom) - std::max(x.top, y.top);
                    if (w <= 0 || h <= 0) continue;
                    float smaller = std::min((x.x1 - x.x0) * x.height(), (y.x1 - y.x0) * y.height());
                    if (w * h <= 0.25f * smaller) continue;
                    // The smaller of two texts printed over each other, when it is
                    // small (a stamp's box); a huge one over body text (a watermark).
                    if (x.font_size < y.font_size * 0.85f && small(*frags_[a].b)) frags_[a].aside = true;
                    if (body_size_ > 0 && x.font_size > body_size_ * 1.8f && y.font_size < body_size_ * 1.2f)
                        frags_[a].aside = true;
                }
        }
        // Page numbers and running headers/footers: the first and last line of a page.
        std::map<uint32_t, std::vector<size_t>> page_lines;
        for (size_t li = 0; li < lines_.size(); ++li) page_lines[lines_[li].page].push_back(li);
        auto live = [&](size_t li) {
            for (size_t f : lines_[li].frags)
                if (!frags_[f].aside) return true;
            return false;
        };
        auto line_text = [&](size_t li) {
            std::string s;
            for (size_t f : lines_[li].frags)
                if (!frags_[f].aside) s += (s.empty() ? "" : " ") + B(f).text;
            return s;
        };
        auto digitless = [](const std::string& s) {
            std::string o;
            for (char c : s)
                if (!(c >= '0' && c <= '9')) o += c;
            return utf8::fold(o);
        };
        auto set_aside = [&](size_t li) {
            for (size_t f : lines_[li].frags) frags_[f].aside = true;
        };
        // Up to three rounds: a running header above the page number, and so on.
        for (int round = 0; round < 3; ++round) {
            // key -> (page, top) of the pages whose first (last) line it is
            std::map<std::string, std::vector<std::pair<uint32_t, float>>> firsts, lasts;
            struct Ends { std::optional<size_t> first, last; };
            std::map<uint32_t, Ends> ends;
            for (auto& [page, ls] : page_lines) {
                Ends e;
                for (size_t li : ls)
                    if (live(li)) { e.first = li; break; }
                for (size_t k = ls.size(); k-- > 0;)
                    if (live(ls[k])) { e.last = ls[k]; break; }
                if (e.first) firsts[digitless(line_text(*e.first))].push_back({page, lines_[*e.first].top});
                if (e.last && e.last != e.first)
                    lasts[digitless(line_text(*e.last))].push_back({page, lines_[*e.last].top});
                ends[page] = e;
            }
            // Printed at the same height on another page.
            auto repeated = [](const std::vector<std::pair<uint32_t, float>>& at, uint32_t page, float top) {
                for (const auto& [p, t] : at)
                    if (p != page && std::abs(t - top) < 3) return true;
                return false;
            };
            bool changed = false;
            for (auto& [page, e] : ends) {
                float h = page_height(page);
                for (int which = 0; which < 2; ++which) {
                    auto li = which == 0 ? e.first : e.last;
                    if (!li || (which == 1 && li == e.first)) continue;
                    const Line& l = lines_[*li];
                    bool edge = which == 0 ? l.top < h * 0.16f : l.bottom > h * 0.84f;
                    if (!edge) continue;
                    std::string t = line_text(*li);
                    std::string key = digitless(t);
                    bool number = pdftext::is_page_number(t);
                    bool running = !key.empty() && key.size() < 120 &&
                                   repeated(which == 0 ? firsts[key] : lasts[key], page, l.top);
                    // The first page's first lines are the document's own header.
                    if (running && page == 1 && which == 0) running = false;
                    if (number || running) {
                        set_aside(*li);
                        changed = true;
                    }
                }
            }
            if (!changed) break;
        }
    }

    float line_size(size_t li) const {
        float size = 0;
        for (size_t f : lines_[li].frags)
            if (!frags_[f].aside) size = std::max(size, B(f).box->font_size);
        return size;
    }
    bool small_line(size_t li) const { return body_size_ > 0 && line_size(li) < body_size_ * 0.85f; }
    void set_footnote(size_t li) {
        for (size_t f : lines_[li].frags)
            if (!frags_[f].aside) frags_[f].aside = true, frags_[f].aside_kind = BlockKind::Footnote;
    }

    // Footnotes: the lines at the bottom of a page in a small font, the first
    // opening with its mark ("1", "(2)", "*").
    void mark_footnotes() {
        std::map<uint32_t, std::vector<size_t>> page_lines;
        for (size_t li = 0; li < lines_.size(); ++li)
            if (!live_frags(li).empty()) page_lines[lines_[li].page].push_back(li);
        for (auto& [page, ls] : page_lines) {
            float h = page_height(page);
            size_t k = ls.size();
            while (k > 0 && small_line(ls[k - 1]) && lines_[ls[k - 1]].top > h * 0.6f) --k;
            if (k == ls.size() || k == 0) continue;
            auto fs = live_frags(ls[k]);
            std::string_view t = B(fs.front()).text;
            bool mark = !t.empty() && ((t[0] >= '0' && t[0] <= '9') || t[0] == '*' || t[0] == '(');
            if (!mark) continue;
            for (size_t i = k; i < ls.size(); ++i) set_footnote(ls[i]);
        }
    }

    // The two columns of a header or closing, measured on lines that print
    // one fragment in each.
    std::optional<Columns> columns_of(const std::vector<size_t>& lines) const {
        float max_left = -1, min_right = 1e9;
        std::vector<float> lc, rc;
        for (size_t li : lines) {
            std::vector<size_t> fs = live_frags(li);
            if (fs.size() != 2) continue;
            const PrintBox &a = B(fs[0]).box, &b = B(fs[1]).box;
            if (a.x0 > left_ + width_ * 0.3f || b.x0 < left_ + width_ * 0.3f) continue;
            max_left = std::max(max_left, a.x1), min_right = std::min(min_right, b.x0);
            lc.push_back((a.x0 + a.x1) / 2), rc.push_back((b.x0 + b.x1) / 2);
        }
        if (lc.empty()) {
            // No line prints both: the columns' lines may sit on different
            // baselines. Lines printed only in the left part and lines only in
            // the right part (at least two of each, the right ones off the
            // page's centre) still show the columns.
            float center = (left_ + right_) / 2;
            for (size_t li : lines) {
                std::vector<size_t> fs = live_frags(li);
                if (fs.size() != 1) continue;
                const PrintBox& a = B(fs[0]).box;
                float c = (a.x0 + a.x1) / 2;
                if (a.x1 < left_ + width_ * 0.5f && c < center - width_ * 0.15f)
                    max_left = std::max(max_left, a.x1), lc.push_back(c);
                else if (a.x0 > left_ + width_ * 0.35f && c > center + width_ * 0.1f)
                    min_right = std::min(min_right, a.x0), rc.push_back(c);
            }
            if (lc.size() < 2 || rc.size() < 2) return std::nullopt;
        }
        if (lc.empty() || rc.empty() || max_left >= min_right) return std::nullopt;
        return Columns{(max_left + min_right) / 2, percentile(lc, 0.5), percentile(rc, 0.5)};
    }

    std::vector<size_t> live_frags(size_t li) const {
        std::vector<size_t> out;
        for (size_t f : lines_[li].frags)
            if (!frags_[f].aside) out.push_back(f);
        return out;
    }

    // Which column a fragment sits in: -1 left, 1 right, 0 neither (it spans
    // the boundary, or is centred on the page rather than on a column).
    int side(const Columns& c, const PrintBox& x) const {
        float center = (x.x0 + x.x1) / 2, page_center = (left_ + right_) / 2;
        float to_page = std::abs(center - page_center);
        if (x.x1 <= c.boundary + 2 && std::abs(center - c.left_center) < to_page &&
            std::abs(center - c.left_center) <= (c.boundary - c.left_center) * 1.2f)
            return -1;
        if (x.x0 >= c.boundary - 2 && std::abs(center - c.right_center) < to_page &&
            std::abs(center - c.right_center) <= (c.right_center - c.boundary) * 0.8f)
            return 1;
        return 0;
    }

    void arrange() {
        std::vector<size_t> body;  // live line indices in order
        for (size_t li = 0; li < lines_.size(); ++li)
            if (!live_frags(li).empty()) body.push_back(li);
        // Header zone: page 1's first lines.
        size_t header_end = 0;
        std::vector<size_t> first_lines;
        for (size_t k = 0; k < body.size() && k < 10 && lines_[body[k]].page == lines_[body.front()].page; ++k)
            first_lines.push_back(body[k]);
        std::vector<Block> header;
        if (auto cols = columns_of(first_lines)) {
            std::vector<size_t> left, right;
            size_t k = 0;
            for (; k < body.size() && k < 14 && lines_[body[k]].page == lines_[body.front()].page; ++k) {
                auto fs = live_frags(body[k]);
                // Pieces of one column item ("..., ngày 09" and "tháng 10 năm
                // 2025" split at a wide space) are judged together: the fragments
                // on one side of the boundary make one box.
                std::vector<int> sides(fs.size(), 0);
                bool fits = true;
                for (size_t g = 0; g < fs.size();) {
                    size_t e = g + 1;
                    PrintBox u = B(fs[g]).box;
                    while (e < fs.size() && (B(fs[e]).box->x0 >= cols->boundary) == (u.x0 >= cols->boundary)) {
                        u.x1 = std::max(u.x1, B(fs[e]).box->x1);
                        ++e;
                    }
                    int sd = side(*cols, u);
                    fits = fits && sd != 0;
                    for (size_t q = g; q < e; ++q) sides[q] = sd;
                    g = e;
                }
                if (!fits) break;
                for (size_t q = 0; q < fs.size(); ++q) (sides[q] < 0 ? left : right).push_back(fs[q]);
            }
            header_end = k;
            emit_column(left, header, true);
            emit_column(right, header, false);
        }
        // Closing zone: from the last "Nơi nhận" printed in the left half.
        size_t closing_begin = body.size(), closing_end = body.size();
        for (size_t k = body.size(); k-- > header_end;) {
            bool found = false;
            for (size_t f : live_frags(body[k])) {
                std::string fo = utf8::fold(B(f).text);
                if (fo.rfind("noi nhan", 0) == 0 && B(f).box->x0 < left_ + width_ * 0.3f) found = true;
            }
            if (found) { closing_begin = k; break; }
        }
        std::vector<Block> closing;
        if (closing_begin < body.size()) {
            std::vector<size_t> zone;
            for (size_t k = closing_begin; k < body.size(); ++k) zone.push_back(body[k]);
            Columns cols;
            if (auto c = columns_of(zone)) cols = *c;
            else cols = {left_ + width_ * 0.45f, left_ + width_ * 0.2f, left_ + width_ * 0.75f};
            // Signature lines printed just above "Nơi nhận" belong to the block.
            size_t start = closing_begin;
            while (start > header_end && closing_begin - start < 3) {
                auto fs = live_frags(body[start - 1]);
                bool right_only = !fs.empty();
                for (size_t f : fs) right_only = right_only && B(f).box->x0 >= cols.boundary - 2;
                if (!right_only) break;
                --start;
            }
            std::vector<size_t> left, right;
            size_t k = start;
            for (; k < body.size(); ++k) {
                auto fs = live_frags(body[k]);
                bool full = false;
                for (size_t f : fs)
                    full = full || (B(f).box->x0 < cols.boundary && B(f).box->x1 > cols.boundary + width_ * 0.25f);
                if (full && k > closing_begin) break;
                for (size_t f : fs) (B(f).box->x0 < cols.boundary ? left : right).push_back(f);
            }
            closing_begin = start, closing_end = k;
            // Notes printed under the signature in a small font ("Số điện
            // thoại liên hệ: ...") are not the document's last lines.
            for (size_t m = k; m < body.size(); ++m)
                if (small_line(body[m])) set_footnote(body[m]);
            emit_column(left, closing, true);
            emit_column(right, closing, false);
        }
        // Assemble: header, body paragraphs, closing, what follows the closing.
        for (auto& b : header) doc_.blocks.push_back(std::move(b));
        paragraphs(body, header_end, closing_begin);
        for (auto& b : closing) doc_.blocks.push_back(std::move(b));
        paragraphs(body, closing_end, body.size());
        for (const auto& f : frags_)
            if (f.aside) {
                Block b = *f.b;
                b.kind = f.aside_kind;
                doc_.aside.push_back(std::move(b));
            }
    }

    // One block per column line; a "V/v" summary (left) and a wrapped
    // recipient (after "Nơi nhận:") keep their continuation lines.
    void emit_column(const std::vector<size_t>& fs, std::vector<Block>& out, bool left) {
        Joiner j;
        bool in_summary = false, in_recipients = false;
        std::string last_text;
        auto ends_item = [](std::string_view t) {
            t = utf8::trim(t);
            return !t.empty() && (t.back() == ';' || t.back() == '.' || t.back() == ':');
        };
        uint32_t last_line = 0;
        for (size_t f : fs) {
            const Block& b = B(f);
            if (!j.empty() && b.line() == last_line) {
                // Two fragments of one line in one column ("..., ngày 06 tháng 8" and
                // "năm 2025" with a wide gap between): one line of the block.
                j.add(b, false);
                last_text = b.text;
                continue;
            }
            last_line = b.line();
            std::string fo = utf8::fold(b.text);
            bool cont = false;
            if (left && !j.empty()) {
                if (in_summary) cont = fo.rfind("so ", 0) != 0 && !starts_with_label(b.text);
                // A wrapped item: the item before stops mid-phrase (items end
                // with ';' or '.'), and this line goes on in lower case (a
                // signature line or the signer's name starts with a capital).
                if (in_recipients)
                    cont = !starts_with_label(b.text) && !ends_item(last_text) &&
                           (b.text.rfind('(', 0) == 0 || !starts_upper(b.text));
            }
            if (!cont && !j.empty()) out.push_back(j.take());
            if (!cont) {
                in_summary = left && (fo.rfind("v v ", 0) == 0 || fo == "v v" || fo.rfind("ve viec ", 0) == 0);
                if (fo.rfind("noi nhan", 0) == 0) in_recipients = false;
                else if (starts_with_label(b.text)) in_recipients = left;
            }
            j.add(b, true);
            last_text = b.text;
            if (left && fo.rfind("noi nhan", 0) == 0) {
                out.push_back(j.take());
                in_recipients = false;
            }
        }
        if (!j.empty()) out.push_back(j.take());
    }

    struct LineView {
        std::vector<size_t> frags;
        float x0 = 0, x1 = 0, top = 0, bottom = 0, size = 0;
        uint32_t page = 0;
        std::string text;
    };

    LineView view(size_t li) const {
        LineView v;
        v.frags = live_frags(li);
        v.page = lines_[li].page;
        v.x0 = 1e9f, v.x1 = -1e9f, v.top = 1e9f, v.bottom = -1e9f;
        for (size_t f : v.frags) {
            const PrintBox& x = B(f).box;
            v.x0 = std::min(v.x0, x.x0), v.x1 = std::max(v.x1, x.x1);
            v.top = std::min(v.top, x.top), v.bottom = std::max(v.bottom, x.bottom);
            v.size = std::max(v.size, x.font_size);
            v.text += (v.text.empty() ? "" : " ") + B(f).text;
        }
        return v;
    }

    // Centred on the text column; `strictly`: and clearly shorter than it (a
    // summary's first line may nearly fill the column).
    bool centred(const LineView& l, bool strictly) const {
        float center = (l.x0 + l.x1) / 2;
        if (std::abs(center - (left_ + right_) / 2) >= width_ * 0.04f) return false;
        // (A justified body line reaches the right edge; its first line is indented.)
        return strictly ? l.x0 > left_ + width_ * 0.05f && l.x1 < right_ - width_ * 0.03f : l.x0 > left_ + 2.f;
    }

    // Gaps between a line's fragments wider than 1.2 line heights (a justified
    // line's word spaces stay well under that; table cells do not).
    size_t wide_gaps(const LineView& l) const {
        size_t n = 0;
        float h = l.bottom - l.top;
        for (size_t k = 1; k < l.frags.size(); ++k)
            if (B(l.frags[k]).box->x0 - B(l.frags[k - 1]).box->x1 > 1.2f * h) ++n;
        return n;
    }

    void paragraphs(const std::vector<size_t>& body, size_t from, size_t to) {
        Joiner j;
        std::optional<LineView> prev;
        for (size_t k = from; k < to; ++k) {
            LineView l = view(body[k]);
            if (l.frags.empty()) continue;  // set aside after the closing
            double height = l.bottom - l.top;
            bool fresh = !prev || starts_with_label(l.text);
            if (!fresh) {
                const LineView& p = *prev;
                bool same_page = p.page == l.page;
                fresh = p.x1 < right_ - width_ * 0.15 || l.x0 > p.x0 + height ||
                        (same_page && (l.top - p.bottom) > height * 0.6) ||
                        std::abs(l.size - p.size) > 0.15f * std::max(1.f, p.size) ||
                        (ends_sentence(p.text) && starts_upper(l.text)) ||
                        (!p.text.empty() && p.text.back() == ';' && l.text.rfind("Căn cứ", 0) == 0);
                // A centred summary wrapped over centred lines (not a type name
                // or heading in capitals) goes on.
                if (fresh && same_page && centred(p, false) && centred(l, true) && !utf8::is_upper_text(p.text) &&
                    !utf8::is_upper_text(l.text) && (l.top - p.bottom) <= height * 0.6 &&
                    std::abs(l.size - p.size) <= 0.15f * std::max(1.f, p.size) && !ends_sentence(p.text) &&
                    !p.text.empty() && p.text.back() != ';')
                    fresh = false;
            }
            // A line of three or more fragments is a table row: a block of its own.
            bool row = wide_gaps(l) >= 2;
            if ((fresh || row || (prev && wide_gaps(*prev) >= 2)) && !j.empty()) doc_.blocks.push_back(j.take());
            for (size_t f : l.frags) j.add(B(f), false);
            if (row) {
                Block b = j.take();
                b.in_table = true;
                doc_.blocks.push_back(std::move(b));
            }
            prev = std::move(l);
        }
        if (!j.empty()) doc_.blocks.push_back(j.take());
    }

    SourceDocument& doc_;
    std::vector<Block> input_;
    std::vector<Frag> frags_;
    std::vector<Line> lines_;
    float body_size_ = 0, left_ = 0, right_ = 0, width_ = 1;
};

}  // namespace

void recover_pdf(SourceDocument& doc) {
    if (doc.blocks.empty()) return;
    for (const auto& b : doc.blocks)
        if (b.box->page == 0) return;  // not printed lines: nothing to recover
    PdfLayout(doc).run();
}

PagePos page_of(const SourceDocument& doc, uint32_t line) {
    if (doc.pages.empty() || line == 0) return {};
    auto it = std::upper_bound(doc.pages.begin(), doc.pages.end(), line,
                               [](uint32_t l, const PageInfo& p) { return l < p.first_line; });
    if (it == doc.pages.begin()) return {};
    --it;
    // Pages without lines share first_line with the next one: take the last page that starts there.
    return {static_cast<uint32_t>(it - doc.pages.begin()) + 1, line - it->first_line + 1};
}

void locate_pages(const SourceDocument& doc, std::vector<Diagnostic>& diags) {
    if (doc.pages.empty()) return;
    for (auto& d : diags) {
        PagePos p = page_of(doc, d.line);
        d.page = p.page;
        d.page_line = p.line;
    }
}

}  // namespace plancheck::layout
