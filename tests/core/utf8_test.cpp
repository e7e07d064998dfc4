#include <catch2/catch.hpp>

#include "core/utf8.h"
#include "plancheck/citation.h"
#include "plancheck/diagnostic.h"
#include "plancheck/source.h"

using namespace plancheck;

TEST_CASE("fold strips accents, case, đ and punctuation") {
    CHECK(utf8::fold("MỤC TIÊU:") == "muc tieu");
    CHECK(utf8::fold("  Tổ chức   thực hiện. ") == "to chuc thuc hien");
    CHECK(utf8::fold("ĐỔI MỚI") == "doi moi");
    CHECK(utf8::fold("ÐỔI MỚI") == "doi moi");  // U+00D0 folds like Đ
}

TEST_CASE("next() never loops and flags invalid UTF-8") {
    CHECK(utf8::valid("Kế hoạch"));
    CHECK_FALSE(utf8::valid("\xC3"));           // truncated
    CHECK_FALSE(utf8::valid("\xC0\xAF"));       // overlong
    CHECK_FALSE(utf8::valid("\xED\xA0\x80"));   // surrogate
    CHECK(utf8::count("Đổi mới") == 7);
}

TEST_CASE("upper-case detection and case mapping keep accents") {
    CHECK(utf8::is_upper_text("KẾ HOẠCH"));
    CHECK_FALSE(utf8::is_upper_text("Kế hoạch"));
    CHECK_FALSE(utf8::is_upper_text("2025"));
    CHECK(utf8::upper("phấn đấu") == "PHẤN ĐẤU");
}

TEST_CASE("Block::locate maps byte offsets to original columns in code points") {
    Block b = make_block("Số: 15/KH-UBND", 3, 1);
    CHECK(b.locate(0) == Pos{3, 1});
    CHECK(b.locate(std::string("Số: ").size()) == Pos{3, 5});
    b.anchors.push_back({static_cast<uint32_t>(std::string("Số: ").size()), 4, 2});
    CHECK(b.locate(std::string("Số: 1").size()) == Pos{4, 3});
}

TEST_CASE("calendar dates") {
    CHECK(is_real_date({29, 2, 2020}));
    CHECK_FALSE(is_real_date({29, 2, 2021}));
    CHECK_FALSE(is_real_date({31, 4, 2021}));
    CHECK(compare({21, 11, 2019}, {23, 5, 2018}) > 0);
}

TEST_CASE("the category list is the contract's") {
    CHECK(all_categories().size() == 55);
    CHECK(is_category("figure.table-total"));
    CHECK(is_category("suppression.unused"));
    CHECK(is_category("suppression.unknown"));
    CHECK(is_category("structure.numbering-gap"));
    CHECK_FALSE(is_category("structure.numbering"));
}
