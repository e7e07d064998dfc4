// Tables rebuilt from the cell coordinates the readers record (Block::cell):
// one grid per table, each position naming the cell that covers it, each cell
// its text (its blocks joined) and what its text is as a number. Used by the
// table-total kind; built on demand, never by the stages.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "plancheck/model.h"

namespace plancheck::rules::table {

// How a cell's text reads as a number. Vietnamese writes "1.234" (thousands)
// and "12,5" (decimal comma); some tables use "1,234" and "12.5". A text that
// is a number under one convention only rules the other out for its table.
struct Number {
    double vn = 0, en = 0;          // the value under each convention
    bool vn_ok = false, en_ok = false;
    int vn_decimals = 0, en_decimals = 0;
    bool percent = false;           // written with '%'
    bool year = false;              // four digits 1900-2100, no separator: a year
    bool code = false;              // a leading zero ("012"): a code, not a quantity
};

enum class Kind : uint8_t { Empty, Dash, Number, Text };

struct Cell {
    uint32_t row = 0, column = 0, row_span = 1, column_span = 1;
    std::string text;               // the cell's blocks joined with spaces, trimmed
    std::vector<uint32_t> blocks;   // in order
    Kind kind = Kind::Empty;
    Number number;
};

struct Grid {
    uint32_t id = 0;
    uint32_t rows = 0, columns = 0;
    std::vector<Cell> cells;
    std::vector<int> at;  // rows * columns: index in cells of the covering cell, -1 none
    const Cell* cell(uint32_t r, uint32_t c) const {
        if (r >= rows || c >= columns) return nullptr;
        int i = at[static_cast<size_t>(r) * columns + c];
        return i < 0 ? nullptr : &cells[static_cast<size_t>(i)];
    }
    // The cell that starts at (r, c) and covers that column only, or null.
    const Cell* own(uint32_t r, uint32_t c) const {
        const Cell* x = cell(r, c);
        return x && x->row == r && x->column == c && x->column_span == 1 ? x : nullptr;
    }
};

// Parses a cell's text ("1.250", "12,5", "85%", "-", "") into kind and number.
void classify(Cell& cell);

// The document's tables that fit the bounds (at most 64 columns and 5,000
// rows; overlapping cells make a table unreadable and it is left out).
std::vector<Grid> grids_of(const Model& m);

}  // namespace plancheck::rules::table
