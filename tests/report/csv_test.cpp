#include <catch2/catch.hpp>
#include <sstream>

#include "report/fixtures.h"

using namespace plancheck;

namespace {
// A strict RFC 4180 reader: records end in CRLF; quoted fields double quotes.
std::vector<std::vector<std::string>> parse_csv(std::string_view s) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false, was_quoted = false;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (quoted) {
            if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') { field += '"'; ++i; }
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            REQUIRE(field.empty());  // a quote only opens a field
            quoted = was_quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
            was_quoted = false;
        } else if (c == '\r') {
            REQUIRE(i + 1 < s.size());
            REQUIRE(s[i + 1] == '\n');
            ++i;
            rows.back().push_back(field);
            field.clear();
            was_quoted = false;
            rows.emplace_back();
        } else {
            REQUIRE(c != '\n');  // a bare LF outside quotes is not RFC 4180
            field += c;
        }
    }
    REQUIRE_FALSE(quoted);
    REQUIRE(rows.back().empty());
    REQUIRE(field.empty());
    rows.pop_back();
    (void)was_quoted;
    return rows;
}
}  // namespace

TEST_CASE("csv: BOM, header, RFC 4180 quoting, one record per finding") {
    std::ostringstream os;
    report::write(os, "csv", test::sample_batch(), test::sample_options());
    std::string s = os.str();
    REQUIRE(s.rfind("\xEF\xBB\xBF", 0) == 0);
    auto rows = parse_csv(std::string_view(s).substr(3));
    REQUIRE(rows.size() == 1 + 5);
    CHECK(rows[0] == std::vector<std::string>{"path", "line", "column", "end_line", "end_column", "severity",
                                              "category", "rule", "message", "legal_basis", "excerpt"});
    for (const auto& r : rows) CHECK(r.size() == 11);
    CHECK(rows[1][0] == "kế hoạch/a b.txt");
    CHECK(rows[1][1] == "3");
    CHECK(rows[1][2] == "17");
    CHECK(rows[1][4] == "25");
    CHECK(rows[1][5] == "warning");
    CHECK(rows[1][8] == "Sai chính tả: \"phân đầu\", đúng là \"phấn đấu\"");
    CHECK(rows[1][9] == "Nghị định 30/2020/NĐ-CP, Phụ lục I");
    CHECK(rows[5][0] == "hong.doc");
    CHECK(rows[5][7] == "input.unreadable");
}

TEST_CASE("csv: text that a spreadsheet would run as a formula gets the text mark") {
    std::ostringstream os;
    report::write(os, "csv", test::sample_batch(), test::sample_options());
    auto rows = parse_csv(std::string_view(os.str()).substr(3));
    CHECK(rows[1][10] == "'+ Đến năm 2025, phân đầu 100% <cán bộ> & \"đảng viên\"");
    CHECK(rows[4][10] == "'=SUM(A1) hoặc");
    CHECK(rows[3][10] == "3. Đổi mới");  // ordinary text is unchanged
}
