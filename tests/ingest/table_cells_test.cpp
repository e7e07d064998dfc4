// Table cell coordinates (Block::cell) from every reader that knows tables:
// .docx (w:gridSpan, w:vMerge, w:gridBefore, nested tables, cells of several
// paragraphs), HTML (colspan, rowspan, nested; the linear reader too) and
// Markdown pipe tables (empty cells keep the columns after them in place).
// The .txt cell bars are tested with the layout pass (tests/layout).
#include <catch2/catch.hpp>

#include <map>

#include "core/utf8.h"
#include "ingest/docx_writer.h"
#include "ingest/ingest.h"

using namespace plancheck;
using test::DocxWriter;

namespace {

SourceDocument read(const std::string& bytes, const char* format) {
    auto r = ingest::read_bytes(bytes, format, std::string("t.") + format, {});
    if (auto* bad = std::get_if<UnreadableInput>(&r)) FAIL("unreadable: " << bad->reason);
    return std::get<SourceDocument>(r);
}

const Block& find(const SourceDocument& d, std::string_view text) {
    for (const auto& b : d.blocks)
        if (utf8::trim(b.text) == text) return b;  // a Markdown cell keeps its padding until normalize
    FAIL("no block " << text);
    return d.blocks.front();
}

// (table, row, column, row span, column span, part) of the block with this text.
std::vector<uint32_t> at(const SourceDocument& d, std::string_view text) {
    const CellRef& c = find(d, text).cell;
    return {c.table, c.row, c.column, c.row_span, c.column_span, c.part};
}

std::string tc(const std::string& paras, const std::string& props = "") {
    return "<w:tc>" + (props.empty() ? "" : "<w:tcPr>" + props + "</w:tcPr>") + paras + "</w:tc>";
}

}  // namespace

TEST_CASE("docx cells: grid columns after spans, vertical merges, gridBefore") {
    using W = DocxWriter;
    DocxWriter w;
    w.body = W::para("Bảng 1") + "<w:tbl>" +
             // A header of two rows: "Đơn vị" merged down, "Kết quả" across two columns.
             "<w:tr>" + tc(W::para("Đơn vị"), "<w:vMerge w:val=\"restart\"/>") +
             tc(W::para("Kết quả"), "<w:gridSpan w:val=\"2\"/>") + tc(W::para("Ghi chú")) + "</w:tr>" +
             "<w:tr>" + tc(W::para(""), "<w:vMerge/>") + tc(W::para("Nam")) + tc(W::para("Nữ")) + tc(W::para("")) + "</w:tr>" +
             "<w:tr>" + tc(W::para("Xã A")) + tc(W::para("30")) + tc(W::para("20")) + tc(W::para("")) + "</w:tr>" +
             // A row starting one grid column in.
             "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + tc(W::para("5")) + tc(W::para("7")) + "</w:tr>" +
             "</w:tbl>" + W::para("Sau bảng");
    auto d = read(w.build(), "docx");
    CHECK(at(d, "Đơn vị") == std::vector<uint32_t>{1, 0, 0, 2, 1, 0});
    CHECK(at(d, "Kết quả") == std::vector<uint32_t>{1, 0, 1, 1, 2, 0});
    CHECK(at(d, "Ghi chú") == std::vector<uint32_t>{1, 0, 3, 1, 1, 0});
    CHECK(at(d, "Nam") == std::vector<uint32_t>{1, 1, 1, 1, 1, 0});
    CHECK(at(d, "Nữ") == std::vector<uint32_t>{1, 1, 2, 1, 1, 0});
    CHECK(at(d, "20") == std::vector<uint32_t>{1, 2, 2, 1, 1, 0});
    CHECK(at(d, "5") == std::vector<uint32_t>{1, 3, 1, 1, 1, 0});
    CHECK(at(d, "7") == std::vector<uint32_t>{1, 3, 2, 1, 1, 0});
    // Outside the table: no coordinates; positions unchanged by them.
    CHECK(find(d, "Bảng 1").cell->table == 0);
    CHECK(find(d, "Sau bảng").cell->table == 0);
    CHECK(find(d, "Xã A").line() == 9);  // every w:p counts, the empty merged ones too
}

TEST_CASE("docx cells: several paragraphs in one cell, nested tables, tables numbered on") {
    using W = DocxWriter;
    DocxWriter w;
    std::string inner = W::table({{"Trong", "Lồng"}});
    w.body = W::table({{"Một"}}) + "<w:tbl><w:tr>" + tc(W::para("Tổng") + W::para("cộng")) +
             tc(W::para("1.250") + inner + W::para("ghi thêm")) + "</w:tr></w:tbl>";
    auto d = read(w.build(), "docx");
    CHECK(at(d, "Một") == std::vector<uint32_t>{1, 0, 0, 1, 1, 0});
    CHECK(at(d, "Tổng") == std::vector<uint32_t>{2, 0, 0, 1, 1, 0});
    CHECK(at(d, "cộng") == std::vector<uint32_t>{2, 0, 0, 1, 1, 1});
    CHECK(at(d, "1.250") == std::vector<uint32_t>{2, 0, 1, 1, 1, 0});
    CHECK(at(d, "ghi thêm") == std::vector<uint32_t>{2, 0, 1, 1, 1, 1});
    // The nested table numbers its own cells, and names the table it sits in.
    CHECK(at(d, "Trong") == std::vector<uint32_t>{3, 0, 0, 1, 1, 0});
    CHECK(at(d, "Lồng") == std::vector<uint32_t>{3, 0, 1, 1, 1, 0});
    CHECK(find(d, "Lồng").cell->parent == 2);
    CHECK(find(d, "Tổng").cell->parent == 0);
}

TEST_CASE("html cells: colspan and rowspan place the cells after them") {
    auto d = read("<table><tr><th rowspan=\"2\">Đơn vị</th><th colspan='2'>Kết quả</th><th>Ghi chú</th></tr>"
                  "<tr><th>Nam</th><th>Nữ</th><th></th></tr>"
                  "<tr><td>Xã A</td><td>30</td><td><p>20</p><p>người</p></td><td>x</td></tr></table>"
                  "<p>Sau</p><table><tr><td>Hai</td><td><table><tr><td>Ba</td></tr></table></td></tr></table>",
                  "html");
    CHECK(at(d, "Đơn vị") == std::vector<uint32_t>{1, 0, 0, 2, 1, 0});
    CHECK(at(d, "Kết quả") == std::vector<uint32_t>{1, 0, 1, 1, 2, 0});
    CHECK(at(d, "Ghi chú") == std::vector<uint32_t>{1, 0, 3, 1, 1, 0});
    CHECK(at(d, "Nam") == std::vector<uint32_t>{1, 1, 1, 1, 1, 0});  // column 0 is still covered
    CHECK(at(d, "Nữ") == std::vector<uint32_t>{1, 1, 2, 1, 1, 0});
    CHECK(at(d, "Xã A") == std::vector<uint32_t>{1, 2, 0, 1, 1, 0});
    CHECK(at(d, "20") == std::vector<uint32_t>{1, 2, 2, 1, 1, 0});
    CHECK(at(d, "người") == std::vector<uint32_t>{1, 2, 2, 1, 1, 1});
    CHECK(at(d, "x") == std::vector<uint32_t>{1, 2, 3, 1, 1, 0});
    CHECK(find(d, "Sau").cell->table == 0);
    CHECK(at(d, "Hai") == std::vector<uint32_t>{2, 0, 0, 1, 1, 0});
    CHECK(at(d, "Ba") == std::vector<uint32_t>{3, 0, 0, 1, 1, 0});
    CHECK(find(d, "Ba").cell->parent == 2);
}

TEST_CASE("html cells: the linear reader of deeply nested pages numbers cells the same way") {
    std::string deep;
    for (int i = 0; i < 300; ++i) deep += "<div>";
    auto d = read(deep + "<table><tr><td rowspan=2>Đơn vị</td><td colspan=2>Kết quả</td></tr>"
                         "<tr><td>Nam</td><td>Nữ</td></tr></table>",
                  "html");
    CHECK(at(d, "Đơn vị") == std::vector<uint32_t>{1, 0, 0, 2, 1, 0});
    CHECK(at(d, "Kết quả") == std::vector<uint32_t>{1, 0, 1, 1, 2, 0});
    CHECK(at(d, "Nam") == std::vector<uint32_t>{1, 1, 1, 1, 1, 0});
    CHECK(at(d, "Nữ") == std::vector<uint32_t>{1, 1, 2, 1, 1, 0});
}

TEST_CASE("markdown cells: rows in order, empty cells keep their column, escaped bars are text") {
    auto d = read("Đoạn\n\n| STT | Đơn vị | Số người |\n|---|---|---:|\n| 1 | Xã A \\| B | 120 |\n|  | Tổng | 200 |\n\n"
                  "Nam | Nữ\n--- | ---\n3 | 4\n",
                  "md");
    CHECK(find(d, "Đoạn").cell->table == 0);
    CHECK(at(d, "STT") == std::vector<uint32_t>{1, 0, 0, 1, 1, 0});
    CHECK(at(d, "Số người") == std::vector<uint32_t>{1, 0, 2, 1, 1, 0});
    CHECK(at(d, "120") == std::vector<uint32_t>{1, 1, 2, 1, 1, 0});
    CHECK(at(d, "Tổng") == std::vector<uint32_t>{1, 2, 1, 1, 1, 0});
    CHECK(at(d, "200") == std::vector<uint32_t>{1, 2, 2, 1, 1, 0});
    // Without leading bars.
    CHECK(at(d, "Nữ") == std::vector<uint32_t>{2, 0, 1, 1, 1, 0});
    CHECK(at(d, "4") == std::vector<uint32_t>{2, 1, 1, 1, 1, 0});
}

TEST_CASE("html cells: huge spans do not grow the grid without bound (regression: hostile colspan)") {
    std::string page = "<table><tr>";
    for (int i = 0; i < 5000; ++i) page += "<td colspan=\"1000\" rowspan=\"99999\">x</td>";
    page += "</tr><tr><td>y</td></tr></table>";
    auto d = read(page, "html");
    uint32_t widest = 0;
    for (const auto& b : d.blocks) widest = std::max(widest, b.cell->column + b.cell->column_span);
    CHECK(widest <= 4097);
    CHECK(find(d, "y").cell->row == 1);
}
