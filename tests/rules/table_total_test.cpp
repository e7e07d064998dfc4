// table-total (table.total): total rows and columns that do not add up, and
// the tables it must leave alone (breakdowns, shares, ranks, years, codes,
// tables it cannot read plainly).
#include <catch2/catch.hpp>

#include "helpers.h"
#include "rules/engine.h"

using namespace plancheck;

namespace {

std::vector<Diagnostic> check_md(const std::string& text, const std::string& lang = "vi") {
    static rules::RuleBook book = rules::load_rulebook(test::source_dir() + "/rules");
    auto a = pipeline::analyze(std::get<SourceDocument>(ingest::read_markdown(text, "test.md", {})));
    std::vector<rules::AppliedSet> sets;
    for (const auto& s : book.sets) sets.push_back({&s, true, ""});
    rules::CheckOptions opts;
    opts.lang = lang;
    return rules::evaluate(book, sets, a->model, opts, "table.total");
}

// A pipe table: the rows given, a delimiter row after the first.
std::string table(const std::vector<std::string>& rows) {
    std::string s = "Kết quả thực hiện như sau:\n\n";
    for (size_t i = 0; i < rows.size(); ++i) {
        s += rows[i] + "\n";
        if (i == 0) {
            size_t cols = static_cast<size_t>(std::count(rows[0].begin(), rows[0].end(), '|')) - 1;
            for (size_t c = 0; c < cols; ++c) s += "|---";
            s += "|\n";
        }
    }
    return s;
}

}  // namespace

TEST_CASE("table.total: a total row that does not add up, with the column, the total and the sum") {
    auto d = check_md(table({"| STT | Đơn vị | Số người tham gia | Số hộ |", "| 1 | Xã An Lạc | 1.200 | 300 |",
                             "| 2 | Xã Bình Minh | 150 | 200 |", "| | Tổng cộng | 1.350 | 500 |",
                             "| | Tổng | 1.350 | 500 |"}));
    // Two totals at the bottom: the second is read against the rows since the first.
    CHECK(d.empty());
    auto wrong = check_md(table({"| STT | Đơn vị | Số người tham gia | Số hộ |", "| 1 | Xã An Lạc | 1.200 | 300 |",
                                 "| 2 | Xã Bình Minh | 5 | 200 |", "| | Tổng cộng | 1.250 | 500 |"}));
    REQUIRE(wrong.size() == 1);
    CHECK(wrong[0].message == "Cột \"Số người tham gia\": dòng \"Tổng cộng\" ghi 1.250, cộng các dòng được 1.205");
    CHECK(wrong[0].line == 7);
    CHECK(wrong[0].column == 17);
    CHECK(wrong[0].end_column == 22);
    CHECK(wrong[0].category == "figure.table-total");
    auto en = check_md(table({"| STT | Đơn vị | Số người tham gia | Số hộ |", "| 1 | Xã An Lạc | 1.200 | 300 |",
                              "| 2 | Xã Bình Minh | 5 | 200 |", "| | Tổng cộng | 1.250 | 500 |"}),
                       "en");
    REQUIRE(en.size() == 1);
    CHECK(en[0].message == "Column \"Số người tham gia\": the \"Tổng cộng\" row says 1.250, its rows add up to 1.205");
}

TEST_CASE("table.total: a total right under the header adds the rows below it") {
    CHECK(check_md(table({"| Đơn vị | Số lao động |", "| Toàn tỉnh | 1.500 |", "| Huyện A | 900 |", "| Huyện B | 600 |"}))
              .empty());
    CHECK(check_md(table({"| Đơn vị | Số lao động |", "| Toàn tỉnh | 1.600 |", "| Huyện A | 900 |", "| Huyện B | 600 |"}))
              .size() == 1);
}

TEST_CASE("table.total: breakdowns and levels are not counted twice") {
    // "Trong đó" rows under their item.
    CHECK(check_md(table({"| Đơn vị | Số hộ |", "| Xã A | 300 |", "| Trong đó: hộ nghèo | 40 |", "| Xã B | 200 |",
                          "| - hộ cận nghèo | 30 |", "| Tổng số | 500 |"}))
              .empty());
    // Ranked groups carrying their sums (I., II. over 1., 2.).
    std::vector<std::string> groups = {"| STT | Nội dung | Kinh phí |", "| I | Khối huyện | 300 |", "| 1 | Phòng A | 100 |",
                                       "| 2 | Phòng B | 200 |", "| II | Khối xã | 150 |", "| 1 | Xã C | 150 |",
                                       "| | Tổng cộng | 450 |"};
    CHECK(check_md(table(groups)).empty());
    // Groups without their own figure: their items are the parts.
    CHECK(check_md(table({"| STT | Nội dung | Số lớp |", "| I | Khối huyện | |", "| 1 | Phòng A | 4 |", "| 2 | Phòng B | 5 |",
                          "| II | Khối xã | |", "| 1 | Xã C | 6 |", "| | Cộng | 15 |"}))
              .empty());
    // Sub-totals of groups and the grand total.
    CHECK(check_md(table({"| Đơn vị | Số lớp |", "| Xã A | 4 |", "| Xã B | 5 |", "| Cộng | 9 |", "| Xã C | 6 |",
                          "| Xã D | 1 |", "| Cộng | 7 |", "| Tổng cộng | 16 |"}))
              .empty());
    // A group's sub-total that is wrong, under a grand total that is right.
    auto sub = check_md(table({"| Đơn vị | Số lớp |", "| Xã A | 4 |", "| Xã B | 5 |", "| Cộng | 9 |", "| Xã C | 6 |",
                               "| Xã D | 1 |", "| Cộng | 8 |", "| Tổng cộng | 16 |"}));
    REQUIRE(sub.size() == 1);
    CHECK(sub[0].line == 10);
    groups[6] = "| | Tổng cộng | 500 |";
    CHECK(check_md(table(groups)).size() == 1);
}

TEST_CASE("table.total: shares, ranks, years, dates, codes and phone numbers are never summed") {
    // A share column and values with '%'.
    CHECK(check_md(table({"| Đơn vị | Số người | Tỷ lệ (%) | Đạt |", "| Xã A | 120 | 60 | 55% |", "| Xã B | 80 | 30 | 20% |",
                          "| Tổng | 200 | 100 | 75% |"}))
              .empty());
    // Years and dates: not quantities.
    CHECK(check_md(table({"| Nội dung | Năm | Ngày ban hành |", "| Kế hoạch A | 2023 | 12/3/2023 |",
                          "| Kế hoạch B | 2024 | 01/02/2024 |", "| Tổng | 2 | |"}))
              .empty());
    // Phone numbers and codes with a leading zero; document numbers.
    CHECK(check_md(table({"| Đơn vị | Điện thoại | Mã | Số văn bản |", "| Xã A | 0263 3822 111 | 012 | 12/KH-UBND |",
                          "| Xã B | 0263 3822 222 | 013 | 15/KH-UBND |", "| Tổng | 2 | 025 | |"}))
              .empty());
    // A label that starts with "Tổng số" is an item, not a total.
    CHECK(check_md(table({"| Chỉ tiêu | Số liệu |", "| Tổng số hồ sơ | 120 |", "| Số hồ sơ đúng hạn | 100 |",
                          "| Số hồ sơ quá hạn | 5 |"}))
              .empty());
}

TEST_CASE("table.total: number conventions and rounding") {
    // Decimals with a comma, rounded: 33,3 + 33,3 + 33,3 = 99,9 written 100,0.
    CHECK(check_md(table({"| Đơn vị | Diện tích (ha) |", "| Xã A | 33,3 |", "| Xã B | 33,3 |", "| Xã C | 33,3 |",
                          "| Tổng | 100,0 |"}))
              .empty());
    CHECK(check_md(table({"| Đơn vị | Diện tích (ha) |", "| Xã A | 33,3 |", "| Xã B | 33,3 |", "| Xã C | 33,3 |",
                          "| Tổng | 101,5 |"}))
              .size() == 1);
    // English grouping, told by "1,234,567" in the same table.
    CHECK(check_md(table({"| Đơn vị | Số tiền |", "| Xã A | 1,234,567 |", "| Xã B | 1,000 |", "| Tổng | 1,235,567 |"}))
              .empty());
    // "1,200" alone could be either: correct as thousands, nothing said; wrong either way, reported.
    CHECK(check_md(table({"| Đơn vị | Số người |", "| Xã A | 1,200 |", "| Xã B | 850 |", "| Tổng | 2,050 |"})).empty());
    CHECK(check_md(table({"| Đơn vị | Số người |", "| Xã A | 1,200 |", "| Xã B | 850 |", "| Tổng | 2,150 |"})).size() == 1);
    // "1.210" is a thousand and more, not 1,21: a total one off is not rounding (regression).
    auto off = check_md(table({"| STT | Đơn vị | Tổng số | Nam | Nữ |", "| 1 | Xã A | 1.250 | 700 | 550 |",
                               "| 2 | Xã B | 980 | 510 | 470 |", "| | Tổng cộng | 2.231 | 1.210 | 1.020 |"}));
    REQUIRE(off.size() == 2);
    CHECK(off[1].message == "Dòng \"Tổng cộng\": cột \"Tổng số\" ghi 2.231, cộng các cột Nam, Nữ được 2.230");
    // Both forms in one table: not read.
    CHECK(check_md(table({"| Đơn vị | Số người |", "| Xã A | 1,200 |", "| Xã B | 1.850 |", "| Tổng | 9 |"})).empty());
    // Whole millions rounded from a money column.
    CHECK(check_md(table({"| Nội dung | Kinh phí (triệu đồng) |", "| Việc A | 101 |", "| Việc B | 202 |", "| Tổng | 304 |"}))
              .empty());
    // Whole counts are exact.
    auto d = check_md(table({"| Đơn vị | Số người |", "| Xã A | 101 |", "| Xã B | 202 |", "| Tổng | 304 |"}));
    REQUIRE(d.size() == 1);
    CHECK(d[0].message.find("ghi 304, cộng các dòng được 303") != std::string::npos);
}

TEST_CASE("table.total: a table whose every checked column fails was misread; one column alone is judged") {
    // An average row labelled like a total: every column off.
    CHECK(check_md(table({"| Đơn vị | Điểm A | Điểm B |", "| Xã A | 80 | 70 |", "| Xã B | 90 | 60 |", "| Cộng | 85 | 65 |"}))
              .empty());
}

TEST_CASE("table.total: a total column, its parts confirmed by the rows that add up") {
    std::vector<std::string> rows = {"| Đơn vị | Tổng số | Nam | Nữ | Dân tộc thiểu số |", "| Xã A | 50 | 30 | 20 | 4 |",
                                     "| Xã B | 45 | 25 | 20 | 3 |", "| Xã C | 14 | 5 | 7 | 1 |"};
    auto d = check_md(table(rows));
    REQUIRE(d.size() == 1);
    CHECK(d[0].message == "Dòng \"Xã C\": cột \"Tổng số\" ghi 14, cộng các cột Nam, Nữ được 12");
    CHECK(d[0].line == 7);
    // A column that is only a part ("Trong đó: nữ") confirms nothing.
    CHECK(check_md(table({"| Đơn vị | Tổng số | Trong đó nữ |", "| Xã A | 50 | 20 |", "| Xã B | 45 | 20 |"})).empty());
    // No row adds up under any reading: the columns are not parts of the total.
    CHECK(check_md(table({"| Đơn vị | Tổng số | Đã cấp | Còn lại |", "| Xã A | 50 | 30 | 10 |", "| Xã B | 45 | 25 | 10 |"}))
              .empty());
}
