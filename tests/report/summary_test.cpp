#include <catch2/catch.hpp>
#include <sstream>

#include "report/fixtures.h"
#include "report/summary.h"

using namespace plancheck;

TEST_CASE("summary: categories most serious first, files worst first") {
    auto files = test::sample_batch();
    auto cats = report::category_rows(files);
    REQUIRE(cats.size() == 4);
    CHECK(cats[0].category == "input.unreadable");  // 1 error, sorts before structure by name
    CHECK(cats[1].category == "structure.numbering-gap");
    CHECK(cats[2].category == "text.typo");
    CHECK(cats[2].count[static_cast<int>(Severity::Warning)] == 2);
    CHECK(cats[2].files == 1);
    CHECK(cats[3].category == "text.truncated");
    auto rows = report::file_rows(files);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].index == 0);
    CHECK(rows[1].index == 2);
    CHECK(rows[2].index == 1);
    CHECK(rows[1].unreadable);
}

TEST_CASE("summary table: counts, worst files, unreadable files, the closing line") {
    auto files = test::sample_batch();
    std::ostringstream os;
    report::write_summary_table(os, files, test::sample_options());
    std::string s = os.str();
    CHECK(s.find("Phát hiện theo nhóm") != std::string::npos);
    CHECK(s.find("Các tệp cần xem trước") != std::string::npos);
    CHECK(s.find("kế hoạch/a b.txt") != std::string::npos);
    CHECK(s.find("Tệp không đọc được (1)") != std::string::npos);
    CHECK(s.find("Đã kiểm tra 3 tệp: 2 lỗi, 2 cảnh báo, 1 lưu ý, 1 tệp không đọc được; 1 tệp không có vấn đề") !=
          std::string::npos);
    CHECK(s.find("\x1b[") == std::string::npos);  // no colour unless asked
}

TEST_CASE("summary table: only the requested number of worst files, the rest counted") {
    std::vector<report::FileReport> files(5);
    for (size_t i = 0; i < files.size(); ++i) {
        files[i].path = "f" + std::to_string(i) + ".txt";
        for (size_t k = 0; k <= i; ++k)
            files[i].diagnostics.push_back(test::diag("r", "text.typo", Severity::Warning, "m", 1, 1, 2, "x"));
    }
    std::ostringstream os;
    report::write_summary_table(os, files, test::sample_options("en"), 2);
    std::string s = os.str();
    CHECK(s.find("f4.txt") != std::string::npos);
    CHECK(s.find("f3.txt") != std::string::npos);
    CHECK(s.find("f2.txt") == std::string::npos);
    CHECK(s.find("... and 3 more files with findings") != std::string::npos);
}
