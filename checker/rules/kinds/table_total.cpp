// A total row or total column of a table that does not add up (issue 12,
// class 8): "Tổng cộng | 1.250" under rows that add up to 1.205.
//
// The algorithmic core of the table checks, so longer than a kind usually is.
// Its one principle: a table is judged only when its structure is plain, and
// a total is reported only when NO plausible reading of the rows (or columns)
// makes it add up:
// - Total rows: a row labelled "Tổng", "Tổng cộng", "Cộng", "Tổng số",
//   "Toàn tỉnh" ... (the label alone: "Tổng số hộ" is an item). Its parts
//   are the rows between the header and it (a total at the bottom), or the
//   rows after it (a total right under the header). Readings: all rows; the
//   rows of one level (Roman, Arabic, "1.1", "a)", "-" ranks, "Trong đó"
//   breakdowns below their row); the top rows of the hierarchy (a row whose
//   parent carries a number is not counted again); the leaves; the group
//   sub-totals ("Cộng") alone or left out. A second total above a bottom
//   total is a group's sub-total (its parts: the rows since the one before).
// - Total columns: a header cell "Tổng", "Tổng số", "Tổng cộng", "Cộng" over
//   one column. Readings: the first 2, 3, ... adjacent columns on either side
//   and the columns a header group spans. A reading must add up in at least
//   two rows, more rows than it fails in, before a failing row is reported.
// - Columns never summed: the rank column (STT), shares ("%", "Tỷ lệ",
//   "Tỷ trọng", values written with '%'), averages, years, codes, and any
//   column holding text among its numbers. Numbers are Vietnamese ("1.234",
//   "12,5") or English ("1,234", "12.5"): a table's cells rule out the
//   convention they cannot be, and a total fails only under every convention
//   left. Decimals are allowed their rounding (half a unit of the last digit
//   per term); whole numbers too in a column of money ("triệu đồng").
// - Several checked columns that all fail: the structure was misread (an
//   average row, a table of another shape): nothing is said.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <optional>
#include <set>

#include "core/utf8.h"
#include "rules/kinds/kinds.h"
#include "rules/kinds/table_grid.h"

namespace plancheck::rules {
namespace {

using table::Cell;
using table::Grid;
using table::Kind;

// A header's words, lower case with their accents ("Nam" is not "năm"),
// ASCII punctuation as spaces.
std::string header_words(std::string_view text) {
    std::string s = utf8::lower(text);
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 0x80 && !std::isalnum(static_cast<unsigned char>(c))) c = ' ';
    return " " + s + " ";
}

bool has_word(const std::string& words, std::string_view word) {
    return words.find(" " + std::string(word) + " ") != std::string::npos;
}

// The label of a total: the whole label, parentheses dropped ("Tổng cộng (I+II)").
bool total_label(std::string_view text) {
    std::string t(text);
    if (auto p = t.find('('); p != std::string::npos) t.resize(p);
    std::string f = utf8::fold(t);
    static const std::set<std::string> kTotals = {
        "tong", "tong cong", "tong so", "cong", "tong chung", "cong chung", "toan tinh", "toan huyen",
        "toan xa", "toan thanh pho", "toan thi xa", "toan quan", "toan quoc", "toan nganh", "toan phuong",
        "toan thi tran", "toan don vi", "toan khoi", "tong toan tinh", "tong toan huyen", "tong cong toan tinh"};
    return kTotals.count(f) > 0;
}

bool total_header(std::string_view text) {
    std::string f = utf8::fold(text);
    return f == "tong" || f == "tong so" || f == "tong cong" || f == "cong";
}

bool is_roman(std::string_view s) {
    return !s.empty() && s.size() <= 6 && std::all_of(s.begin(), s.end(), [](char c) { return c && std::strchr("IVXL", c); });
}

// The rank of a row from its STT cell or its label's first word: 0 "A.", 1 "I.",
// 2 "1.", 3 "1.1.", 4 "a)", 5 "-", 6 "+"; -1 none.
int rank_level(std::string_view s) {
    s = utf8::trim(s);
    if (s.empty()) return -1;
    std::string_view first = s.substr(0, s.find(' '));
    if (first == "-" || first == "\xE2\x80\x93" || first == "\xE2\x80\xA2" || first == "*") return 5;
    if (first == "+") return 6;
    if (s[0] == '-' || s.rfind("\xE2\x80\x93", 0) == 0) return 5;
    if (s[0] == '+') return 6;
    while (!first.empty() && (first.back() == '.' || first.back() == ')' || first.back() == ':')) first.remove_suffix(1);
    if (first.empty()) return -1;
    if (is_roman(first)) return 1;
    bool digits_dots = std::all_of(first.begin(), first.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
    if (digits_dots && first[0] != '.') return first.find('.') == std::string_view::npos ? 2 : 3;
    if (first.size() == 1 && first[0] >= 'A' && first[0] <= 'Z') return 0;
    if (first.size() == 1 && first[0] >= 'a' && first[0] <= 'z') return 4;
    if (first == "đ") return 4;
    return -1;
}

struct Value {
    bool number = false;  // else empty or a dash: counts 0
    double vn = 0, en = 0;
};

// What a table's numbers allow: the conventions no cell rules out.
struct Conventions {
    bool vn = true, en = true;
};

class Table {
public:
    Table(const Grid& g) : g_(g) {}

    bool prepare() {
        rank_column_ = find_rank_column();
        header_end_ = find_header_end();
        if (header_end_ >= g_.rows) return false;
        for (uint32_t r = header_end_; r < g_.rows; ++r) {
            RowInfo info;
            info.label = label(r);
            info.total = total_label(info.label);
            rows_.push_back(info);
        }
        levels();
        // A cell read one way only rules the other out ("12,5", "1.234.567";
        // "1,234,567", "12.5"). Of the two readings left, "1.234" is taken as
        // Vietnamese thousands (read as 1.234 it would let rounding hide any
        // error), "1,234" leaves both (a total must fail under each); a table
        // with both forms is not read.
        bool dot3 = false, comma3 = false;
        for (const Cell& c : g_.cells) {
            if (c.kind != Kind::Number || c.row < header_end_) continue;
            conv_.vn = conv_.vn && c.number.vn_ok;
            conv_.en = conv_.en && c.number.en_ok;
            if (c.number.vn_ok && c.number.en_ok && c.number.vn != c.number.en)
                (c.text.find('.') != std::string::npos ? dot3 : comma3) = true;
        }
        if (conv_.vn && conv_.en) {
            if (dot3 && comma3) return false;
            if (dot3) conv_.en = false;
        }
        return conv_.vn || conv_.en;
    }

    const Grid& grid() const { return g_; }
    uint32_t header_end() const { return header_end_; }
    uint32_t rank_column() const { return rank_column_; }
    const Conventions& conventions() const { return conv_; }
    bool is_total_row(uint32_t r) const { return r >= header_end_ && rows_[r - header_end_].total; }
    const std::string& row_label(uint32_t r) const { return rows_[r - header_end_].label; }
    int level(uint32_t r) const { return rows_[r - header_end_].level; }

    // The header text over column c, its rows' cells joined (each cell once).
    std::string header(uint32_t c) const {
        std::string out;
        const Cell* last = nullptr;
        for (uint32_t r = 0; r < header_end_; ++r) {
            const Cell* x = g_.cell(r, c);
            if (!x || x == last || x->text.empty()) continue;
            last = x;
            if (!out.empty()) out += ' ';
            out += x->text;
        }
        return out;
    }

    // The column's own name: the lowest header cell over it alone ("Nam"
    // under "Trong đó"), else the whole header text.
    std::string column_name(uint32_t c) const {
        for (uint32_t r = header_end_; r-- > 0;) {
            const Cell* x = g_.cell(r, c);
            if (x && x->column == c && x->column_span == 1 && !x->text.empty()) return x->text;
        }
        return header(c);
    }

    // Whether column c may be summed at all (its header and its values).
    bool summable(uint32_t c) const {
        if (c == rank_column_) return false;
        std::string h = header_words(header(c));
        if (header(c).find('%') != std::string::npos) return false;
        for (std::string_view w : {"tỷ lệ", "tỉ lệ", "tỷ trọng", "tỉ trọng", "bình quân", "trung bình", "xếp loại",
                                   "xếp hạng", "hạng", "năm", "mã", "số hiệu", "điện thoại", "ghi chú", "stt", "tt",
                                   "thứ tự", "ngày", "tháng", "điểm", "hệ số", "tốc độ", "mức", "chỉ số"})
            if (has_word(h, w)) return false;
        for (uint32_t r = header_end_; r < g_.rows; ++r) {
            const Cell* x = g_.cell(r, c);
            if (x && x->kind == Kind::Number && (x->number.percent || x->number.code)) return false;
        }
        return true;
    }

    bool money(uint32_t c) const {
        std::string h = header_words(header(c));
        for (std::string_view w : {"đồng", "triệu", "tỷ", "tỉ", "nghìn", "ngàn", "usd", "kinh phí", "số tiền", "giá trị"})
            if (has_word(h, w)) return true;
        return false;
    }

    // The value at (r, c): an own cell with a number, empty or a dash; nullopt
    // for text, a percentage, or a cell spanning into or across the position.
    std::optional<Value> value(uint32_t r, uint32_t c) const {
        const Cell* x = g_.cell(r, c);
        if (!x) return Value{};
        if (x->row != r || x->column != c || x->column_span != 1 || x->row_span != 1) return std::nullopt;
        if (x->kind == Kind::Empty || x->kind == Kind::Dash) return Value{};
        if (x->kind != Kind::Number || x->number.percent || x->number.code) return std::nullopt;
        return Value{true, x->number.vn, x->number.en};
    }

    int decimals(const std::vector<std::pair<uint32_t, uint32_t>>& cells, bool vn) const {
        int d = 0;
        for (auto [r, c] : cells)
            if (const Cell* x = g_.own(r, c); x && x->kind == Kind::Number)
                d = std::max(d, vn ? x->number.vn_decimals : x->number.en_decimals);
        return d;
    }

private:
    struct RowInfo {
        std::string label;
        bool total = false;
        int level = 2;
    };

    uint32_t find_rank_column() const {
        for (uint32_t c = 0; c < std::min<uint32_t>(2, g_.columns); ++c)
            for (uint32_t r = 0; r < std::min<uint32_t>(4, g_.rows); ++r) {
                const Cell* x = g_.cell(r, c);
                if (!x) continue;
                std::string f = utf8::fold(x->text);
                if (f == "stt" || f == "tt" || f == "so tt" || f == "so thu tu" || f == "thu tu") return c;
            }
        return UINT32_MAX;
    }

    // Column numbering under a header ("1 | 2 | 3 | 4", "(1) | (2)"): numbers
    // going up by one from left to right.
    bool column_numbers(uint32_t r) const {
        double prev = -1;
        int n = 0;
        for (uint32_t c = 0; c < g_.columns; ++c) {
            const Cell* x = g_.own(r, c);
            if (!x || x->kind == Kind::Empty) continue;
            if (x->kind == Kind::Text) {
                std::string_view t = x->text;
                if (t.size() <= 3 && std::all_of(t.begin(), t.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) continue;
                return false;
            }
            if (x->kind != Kind::Number) return false;
            if (prev >= 0 && x->number.vn != prev + 1) return false;
            prev = x->number.vn;
            ++n;
        }
        return n >= 3;
    }

    // The first row holding a quantity outside the rank column that is not a
    // year nor a column numbering: the rows above it are the header.
    uint32_t find_header_end() const {
        for (uint32_t r = 0; r < g_.rows; ++r) {
            if (column_numbers(r)) continue;
            for (uint32_t c = 0; c < g_.columns; ++c) {
                if (c == rank_column_) continue;
                const Cell* x = g_.own(r, c);
                if (x && x->kind == Kind::Number && !x->number.year) return r;
            }
        }
        return g_.rows;
    }

    // The row's label: its first text cell outside the rank column.
    std::string label(uint32_t r) const {
        const Cell* last = nullptr;
        for (uint32_t c = 0; c < g_.columns; ++c) {
            const Cell* x = g_.cell(r, c);
            if (!x || x == last) continue;
            last = x;
            if (x->kind == Kind::Empty) continue;
            if (c == rank_column_ && x->column_span == 1) continue;
            if (x->kind == Kind::Text) return x->text;
            return {};
        }
        return {};
    }

    void levels() {
        int breakdown = -1;  // "Trong đó:" without figures: the rows below are parts of the row above it
        for (uint32_t i = 0; i < rows_.size(); ++i) {
            uint32_t r = header_end_ + i;
            int lv = -1;
            if (rank_column_ != UINT32_MAX)
                if (const Cell* x = g_.cell(r, rank_column_); x && x->column == rank_column_) lv = rank_level(x->text);
            if (lv < 0) lv = rank_level(rows_[i].label);
            std::string f = utf8::fold(rows_[i].label);
            bool in_which = f.rfind("trong do", 0) == 0 || f.rfind("bao gom", 0) == 0 || f.rfind("gom", 0) == 0;
            int above = i > 0 ? rows_[i - 1].level : 2;
            if (in_which) {
                lv = (breakdown >= 0 ? breakdown : above) + 1;
                bool figures = false;
                for (uint32_t c = 0; c < g_.columns; ++c)
                    if (auto v = value(r, c); v && v->number && c != rank_column_) figures = true;
                if (!figures) breakdown = i > 0 ? rows_[i - 1].level : 2;
            } else if (lv < 0) {
                lv = breakdown >= 0 ? breakdown + 1 : 2;
            } else if (breakdown >= 0 && lv <= breakdown) {
                breakdown = -1;
            } else if (breakdown >= 0) {
                lv = std::max(lv, breakdown + 1);
            }
            rows_[i].level = lv;
        }
    }

    const Grid& g_;
    uint32_t rank_column_ = UINT32_MAX;
    uint32_t header_end_ = 0;
    std::vector<RowInfo> rows_;
    Conventions conv_;
};

// One way of reading which cells a total adds up.
using Reading = std::vector<std::pair<uint32_t, uint32_t>>;  // (row, column)

struct Sum {
    bool ok = false;     // every cell readable, at least two numbers
    double vn = 0, en = 0;
};

Sum sum_of(const Table& t, const Reading& cells) {
    Sum s;
    int numbers = 0;
    for (auto [r, c] : cells) {
        auto v = t.value(r, c);
        if (!v) return {};
        if (v->number) ++numbers, s.vn += v->vn, s.en += v->en;
    }
    s.ok = numbers >= 2;
    return s;
}

// The largest gap rounding explains: half a unit of the last decimal per
// term and for the total; whole numbers exact unless `loose` (money).
double tolerance(int decimals, size_t terms, bool loose) {
    double unit = std::pow(10.0, -decimals);
    if (decimals == 0 && !loose) return 1e-6;
    return 0.5 * unit * static_cast<double>(terms + 1) + 1e-9;
}

// "1205" -> "1.205" (vn) or "1,205" (en), with `decimals` places.
std::string format(double v, int decimals, bool vn) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
    std::string s = buf, whole = s.substr(0, s.find('.')), frac = s.find('.') == std::string::npos ? "" : s.substr(s.find('.') + 1);
    std::string grouped;
    for (size_t i = 0; i < whole.size(); ++i) {
        if (i && (whole.size() - i) % 3 == 0) grouped += vn ? '.' : ',';
        grouped += whole[i];
    }
    if (!frac.empty()) grouped += (vn ? ',' : '.') + frac;
    return (v < 0 ? "-" : "") + grouped;
}

std::string shorten(std::string s, size_t max_cp = 60) {
    if (utf8::count(s) <= max_cp) return s;
    size_t i = 0;
    for (size_t k = 0; k < max_cp && i < s.size(); ++k) utf8::next(s, i);
    return s.substr(0, i) + "…";
}

// The total cell's text in its block, for the finding's place.
TextRef place(const Model& m, const Cell& c) {
    for (uint32_t b : c.blocks) {
        const std::string& text = m.block(b).text;
        size_t first = text.find_first_of("0123456789");
        if (first == std::string::npos) continue;
        size_t last = text.find_last_of("0123456789%");
        return {b, static_cast<uint32_t>(first), static_cast<uint32_t>(last + 1)};
    }
    return {c.blocks.front(), 0, static_cast<uint32_t>(m.block(c.blocks.front()).text.size())};
}

class TableTotal final : public Rule {
public:
    explicit TableTotal(RuleMeta m) : Rule(std::move(m)) {}

    void check(const Context& ctx, Emitter& emit) const override {
        for (const Grid& g : table::grids_of(ctx.model)) {
            Table t(g);
            if (!t.prepare()) continue;
            total_rows(ctx.model, t, emit);
            total_columns(ctx.model, t, emit);
        }
    }

private:
    // Whether the total matches one of the readings under a convention the
    // table allows; `first` gets the first reading's sum that could be read.
    static bool adds_up(const Table& t, const Cell& total, const std::vector<Reading>& readings, bool loose,
                        std::optional<std::pair<double, int>>& first) {
        const auto& cv = t.conventions();
        bool any = false;
        for (const Reading& rd : readings) {
            Sum s = sum_of(t, rd);
            if (!s.ok) continue;
            any = true;
            Reading with_total = rd;
            with_total.push_back({total.row, total.column});
            for (bool vn : {true, false}) {
                if ((vn && (!cv.vn || !total.number.vn_ok)) || (!vn && (!cv.en || !total.number.en_ok))) continue;
                int d = t.decimals(with_total, vn);
                double written = vn ? total.number.vn : total.number.en;
                double sum = vn ? s.vn : s.en;
                if (std::fabs(written - sum) <= tolerance(d, rd.size(), loose)) return true;
                if (!first) first = std::make_pair(sum, d);
            }
        }
        return !any;  // nothing readable: nothing to say
    }

    // The part rows of total row `tr`: readings over rows [from, to).
    static std::vector<std::vector<uint32_t>> row_sets(const Table& t, uint32_t from, uint32_t to) {
        std::vector<std::vector<uint32_t>> sets;
        std::vector<uint32_t> all, plain, subtotals, top, leaves;
        std::set<int> lv;
        for (uint32_t r = from; r < to; ++r) {
            all.push_back(r);
            (t.is_total_row(r) ? subtotals : plain).push_back(r);
            lv.insert(t.level(r));
        }
        sets.push_back(all);
        if (!subtotals.empty()) sets.push_back(plain), sets.push_back(subtotals);
        if (lv.size() > 1)
            for (int l : lv) {
                std::vector<uint32_t> one;
                for (uint32_t r : plain)
                    if (t.level(r) == l) one.push_back(r);
                sets.push_back(one);
            }
        for (uint32_t i = 0; i < plain.size(); ++i) {
            uint32_t r = plain[i];
            bool leaf = i + 1 == plain.size() || t.level(plain[i + 1]) <= t.level(r);
            if (leaf) leaves.push_back(r);
        }
        if (lv.size() > 1) sets.push_back(leaves);
        return sets;
    }

    // Rows whose nearest ancestor with a figure in column c is none: the top
    // of each branch that carries a number.
    static Reading top_rows(const Table& t, const std::vector<uint32_t>& plain, uint32_t c) {
        Reading out;
        std::vector<std::pair<int, bool>> stack;  // (level, has a figure in c)
        for (uint32_t r : plain) {
            while (!stack.empty() && stack.back().first >= t.level(r)) stack.pop_back();
            bool covered = std::any_of(stack.begin(), stack.end(), [](auto& s) { return s.second; });
            auto v = t.value(r, c);
            bool fig = v && v->number;
            if (!covered) out.push_back({r, c});
            stack.push_back({t.level(r), fig});
        }
        return out;
    }

    void total_rows(const Model& m, const Table& t, Emitter& emit) const {
        const Grid& g = t.grid();
        std::vector<uint32_t> totals;
        for (uint32_t r = t.header_end(); r < g.rows; ++r)
            if (t.is_total_row(r)) totals.push_back(r);
        if (totals.empty()) return;
        const bool top = totals.front() == t.header_end();
        if (top && totals.size() > 1) return;  // a total on top and others below: not plain
        for (size_t k = 0; k < totals.size(); ++k) {
            uint32_t tr = totals[k];
            std::vector<std::pair<uint32_t, uint32_t>> ranges;  // part rows [from, to)
            if (top) ranges.push_back({tr + 1, g.rows});
            else {
                // The rows since the total before (a group's sub-total), and
                // for the last total all rows above it (the grand total; only
                // the last, so the work stays linear in the rows). One row
                // alone since the total before cannot tell which it is.
                uint32_t from = k > 0 ? totals[k - 1] + 1 : t.header_end();
                if (k > 0 && tr == from + 1) continue;
                if (tr > from) ranges.push_back({from, tr});
                if (k > 0 && k + 1 == totals.size()) ranges.push_back({t.header_end(), tr});
            }
            struct Finding {
                uint32_t column;
                double sum;
                int decimals;
            };
            std::vector<Finding> failing;
            size_t checked = 0, added = 0;
            for (uint32_t c = 0; c < g.columns; ++c) {
                const Cell* total = g.own(tr, c);
                if (!total || total->kind != Kind::Number || total->number.percent || !t.summable(c)) continue;
                std::vector<Reading> readings;
                for (auto [from, to] : ranges) {
                    if (to <= from + 1) continue;
                    std::vector<uint32_t> plain;
                    for (uint32_t r = from; r < to; ++r)
                        if (!t.is_total_row(r)) plain.push_back(r);
                    Reading first = top_rows(t, plain, c);
                    readings.push_back(first);
                    for (const auto& rows : row_sets(t, from, to)) {
                        Reading rd;
                        for (uint32_t r : rows) rd.push_back({r, c});
                        readings.push_back(rd);
                    }
                }
                bool readable = std::any_of(readings.begin(), readings.end(), [&](const Reading& rd) { return sum_of(t, rd).ok; });
                if (!readable) continue;
                if (total->number.year) continue;
                ++checked;
                std::optional<std::pair<double, int>> first;
                if (adds_up(t, *total, readings, t.money(c), first)) {
                    ++added;
                    continue;
                }
                if (first) failing.push_back({c, first->first, first->second});
            }
            // Every checked column failing (more than one): the table was misread.
            if (failing.empty() || (checked > 1 && added == 0)) continue;
            for (const auto& f : failing) {
                const Cell& total = *g.own(tr, f.column);
                std::string head = t.column_name(f.column);
                bool vn = t.conventions().vn && total.number.vn_ok;
                emit.at(place(m, total), {{"column", head.empty() ? std::to_string(f.column + 1) : shorten(head)},
                                          {"total", shorten(t.row_label(tr), 30)},
                                          {"written", std::string(utf8::trim(total.text))},
                                          {"sum", format(f.sum, f.decimals, vn)}});
            }
        }
    }

    void total_columns(const Model& m, const Table& t, Emitter& emit) const {
        const Grid& g = t.grid();
        for (uint32_t tc = 0; tc < g.columns; ++tc) {
            // The total column's own header cell, over it alone.
            bool is_total = false;
            for (uint32_t r = 0; r < t.header_end(); ++r) {
                const Cell* x = g.cell(r, tc);
                if (x && x->column == tc && x->column_span == 1 && total_header(x->text)) is_total = true;
            }
            if (!is_total || !t.summable(tc)) continue;
            std::vector<std::vector<uint32_t>> sets;
            auto run = [&](int step) {
                std::vector<uint32_t> cols;
                for (int c = static_cast<int>(tc) + step; c >= 0 && c < static_cast<int>(g.columns); c += step) {
                    if (!t.summable(static_cast<uint32_t>(c))) break;
                    cols.push_back(static_cast<uint32_t>(c));
                    if (cols.size() >= 2) sets.push_back(cols);
                }
            };
            run(1);
            run(-1);
            // Header groups beside the total column ("Trong đó" over "Nam | Nữ").
            for (uint32_t r = 0; r < t.header_end(); ++r)
                for (uint32_t c = 0; c < g.columns; ++c) {
                    const Cell* x = g.cell(r, c);
                    if (!x || x->row != r || x->column != c || x->column_span < 2) continue;
                    if (tc >= x->column && tc < x->column + x->column_span) continue;
                    std::vector<uint32_t> cols;
                    for (uint32_t k = x->column; k < x->column + x->column_span; ++k)
                        if (t.summable(k)) cols.push_back(k);
                    if (cols.size() == x->column_span) sets.push_back(cols);
                }
            if (sets.empty()) continue;
            // Which reading the rows confirm.
            std::vector<int> fits(sets.size()), fails(sets.size());
            struct RowResult {
                uint32_t row;
                std::vector<int> ok;  // per set: 1 adds up, 0 fails, -1 unreadable
                std::optional<std::pair<double, int>> first;
            };
            std::vector<RowResult> results;
            for (uint32_t r = t.header_end(); r < g.rows; ++r) {
                const Cell* total = g.own(r, tc);
                if (!total || total->kind != Kind::Number || total->number.percent) continue;
                RowResult rr{r, std::vector<int>(sets.size(), -1), std::nullopt};
                for (size_t s = 0; s < sets.size(); ++s) {
                    Reading rd;
                    for (uint32_t c : sets[s]) rd.push_back({r, c});
                    if (!sum_of(t, rd).ok) continue;
                    std::optional<std::pair<double, int>> first;
                    bool loose = std::any_of(sets[s].begin(), sets[s].end(), [&](uint32_t c) { return t.money(c); }) || t.money(tc);
                    rr.ok[s] = adds_up(t, *total, {rd}, loose, first) ? 1 : 0;
                    (rr.ok[s] ? fits[s] : fails[s])++;
                    if (!rr.first && first) rr.first = first;
                }
                results.push_back(std::move(rr));
            }
            size_t best = 0;
            for (size_t s = 1; s < sets.size(); ++s)
                if (fits[s] > fits[best]) best = s;
            if (fits[best] < 2 || fits[best] <= fails[best]) continue;
            for (const auto& rr : results) {
                if (rr.ok[best] != 0 || std::count(rr.ok.begin(), rr.ok.end(), 1) > 0) continue;
                Reading rd;
                for (uint32_t c : sets[best]) rd.push_back({rr.row, c});
                Sum s = sum_of(t, rd);
                const Cell& total = *g.own(rr.row, tc);
                bool vn = t.conventions().vn && total.number.vn_ok;
                Reading with_total = rd;
                with_total.push_back({rr.row, tc});
                int d = t.decimals(with_total, vn);
                std::string parts;
                for (uint32_t c : sets[best]) {
                    std::string h = t.column_name(c);
                    parts += (parts.empty() ? "" : ", ") + (h.empty() ? std::to_string(c + 1) : shorten(h, 30));
                }
                std::string label = t.row_label(rr.row);
                std::string head = t.column_name(tc);
                emit.at(place(m, total),
                        {{"row", label.empty() ? std::to_string(rr.row + 1) : shorten(label, 40)},
                         {"total", shorten(head, 30)},
                         {"written", std::string(utf8::trim(total.text))},
                         {"parts", parts},
                         {"sum", format(vn ? s.vn : s.en, d, vn)}},
                        "row");
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_table_total(RuleMeta meta, const Params&) {
    return std::make_unique<TableTotal>(std::move(meta));
}

}  // namespace plancheck::rules
