#include "rules/kinds/table_grid.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/utf8.h"

namespace plancheck::rules::table {

namespace {

// Digits grouped by `group` in threes ("1.234.567"), optionally followed by
// `decimal` and digits; or plain digits with an optional decimal part.
bool read_as(std::string_view s, char group, char decimal, double& value, int& decimals) {
    size_t dec = s.find(decimal);
    if (dec != std::string_view::npos && s.find(decimal, dec + 1) != std::string_view::npos) return false;
    std::string_view whole = s.substr(0, dec), frac = dec == std::string_view::npos ? "" : s.substr(dec + 1);
    if (whole.empty() || (dec != std::string_view::npos && frac.empty())) return false;
    for (char c : frac)
        if (c < '0' || c > '9') return false;
    double v = 0;
    size_t run = 0;
    bool grouped = false;
    for (size_t i = 0; i < whole.size(); ++i) {
        char c = whole[i];
        if (c == group) {
            if (run == 0 || (grouped && run != 3) || run > 3) return false;
            grouped = true;
            run = 0;
            continue;
        }
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
        ++run;
    }
    if (grouped && run != 3) return false;
    double f = 0, scale = 1;
    for (char c : frac) f = f * 10 + (c - '0'), scale *= 10;
    value = v + f / scale;
    decimals = static_cast<int>(frac.size());
    return true;
}

bool is_dash(std::string_view t) {
    return t == "-" || t == "--" || t == "\xE2\x80\x93" || t == "\xE2\x80\x94" || t == "x" || t == "X";
}

}  // namespace

void classify(Cell& cell) {
    std::string_view t = utf8::trim(cell.text);
    if (t.empty()) {
        cell.kind = Kind::Empty;
        return;
    }
    if (is_dash(t)) {
        cell.kind = Kind::Dash;
        return;
    }
    Number n;
    if (t.back() == '%') {
        n.percent = true;
        t = utf8::trim(t.substr(0, t.size() - 1));
    }
    if (t.empty() || t.size() > 24 || t[0] < '0' || t[0] > '9') {
        cell.kind = Kind::Text;
        return;
    }
    n.vn_ok = read_as(t, '.', ',', n.vn, n.vn_decimals);
    n.en_ok = read_as(t, ',', '.', n.en, n.en_decimals);
    if (!n.vn_ok && !n.en_ok) {
        cell.kind = Kind::Text;
        return;
    }
    n.code = t.size() > 1 && t[0] == '0' && t[1] >= '0' && t[1] <= '9';
    n.year = t.size() == 4 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
             n.vn >= 1900 && n.vn <= 2100;
    cell.kind = Kind::Number;
    cell.number = n;
}

std::vector<Grid> grids_of(const Model& m) {
    constexpr uint32_t kMaxColumns = 64, kMaxRows = 5000;
    std::map<uint32_t, Grid> by_id;
    std::map<std::pair<uint32_t, std::pair<uint32_t, uint32_t>>, size_t> cell_of;  // (table, (row, col)) -> cell
    const auto& blocks = m.doc->blocks;
    for (uint32_t b = 0; b < blocks.size(); ++b) {
        const CellRef& c = blocks[b].cell;
        if (!c.table) continue;
        Grid& g = by_id[c.table];
        g.id = c.table;
        auto key = std::make_pair(c.table, std::make_pair(c.row, c.column));
        auto it = cell_of.find(key);
        if (it == cell_of.end()) {
            Cell cell;
            cell.row = c.row, cell.column = c.column;
            cell.row_span = std::max<uint32_t>(1, c.row_span), cell.column_span = std::max<uint32_t>(1, c.column_span);
            it = cell_of.emplace(key, g.cells.size()).first;
            g.cells.push_back(std::move(cell));
        }
        Cell& cell = g.cells[it->second];
        std::string_view text = utf8::trim(blocks[b].text);
        if (!text.empty()) {
            if (!cell.text.empty()) cell.text += ' ';
            cell.text += text;
        }
        cell.blocks.push_back(b);
    }
    std::vector<Grid> out;
    for (auto& [id, g] : by_id) {
        for (const Cell& c : g.cells) {
            g.rows = std::max(g.rows, c.row + c.row_span);
            g.columns = std::max(g.columns, c.column + c.column_span);
        }
        if (g.rows > kMaxRows || g.columns > kMaxColumns) continue;
        g.at.assign(static_cast<size_t>(g.rows) * g.columns, -1);
        bool overlap = false;
        for (size_t i = 0; i < g.cells.size() && !overlap; ++i) {
            const Cell& c = g.cells[i];
            for (uint32_t r = c.row; r < c.row + c.row_span && !overlap; ++r)
                for (uint32_t k = c.column; k < c.column + c.column_span; ++k) {
                    int& slot = g.at[static_cast<size_t>(r) * g.columns + k];
                    if (slot >= 0) {
                        overlap = true;
                        break;
                    }
                    slot = static_cast<int>(i);
                }
        }
        if (overlap) continue;
        for (Cell& c : g.cells) classify(c);
        out.push_back(std::move(g));
    }
    return out;
}

}  // namespace plancheck::rules::table
