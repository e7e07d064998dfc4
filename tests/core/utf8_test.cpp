#include <catch2/catch.hpp>
#include <utf8proc.h>

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

TEST_CASE("fold's table path gives what utf8proc_map on the whole string gives, for every code point") {
    // A trailing emoji sends fold() down the whole-string path (four bytes are
    // beyond its table) and adds nothing to the output (a symbol separates).
    const std::string slow = "\xF0\x9F\x98\x80";
    size_t disagree = 0, kept = 0;
    for (char32_t c = 1; c < 0x2400; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        std::string one;
        utf8::append(one, c);
        for (const std::string& s : {one, "A" + one + "b", "x " + one + " ,y", one + one + "." + one, "Đ" + one + "ự"}) {
            const std::string fast = utf8::fold(s);
            if (fast != utf8::fold(s + slow)) ++disagree;
            kept += !fast.empty();
        }
    }
    CHECK(disagree == 0);
    CHECK(kept > 20'000);
}

TEST_CASE("next() never loops and flags invalid UTF-8") {
    CHECK(utf8::valid("Kế hoạch"));
    CHECK_FALSE(utf8::valid("\xC3"));           // truncated
    CHECK_FALSE(utf8::valid("\xC0\xAF"));       // overlong
    CHECK_FALSE(utf8::valid("\xED\xA0\x80"));   // surrogate
    CHECK(utf8::count("Đổi mới") == 7);
}

// What valid() must agree with: every code point decodes through next()
// without U+FFFD, unless the bytes are U+FFFD itself.
bool valid_by_decoding(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        size_t before = i;
        char32_t cp = utf8::next(s, i);
        if (cp == 0xFFFD && s.substr(before, i - before) != "\xEF\xBF\xBD") return false;
    }
    return true;
}

TEST_CASE("valid() accepts exactly what next() decodes, for every 1-, 2- and 3-byte sequence") {
    size_t disagree = 0, accepted = 0;
    auto same = [&](const std::string& s) {
        bool v = utf8::valid(s);
        accepted += v;
        if (v != valid_by_decoding(s)) ++disagree;
        // The same bytes after an ASCII run of eight and inside one.
        if (utf8::valid("abcdefgh" + s) != v || utf8::valid("abcdefgh" + s + "ijklmnop") != v) ++disagree;
    };
    for (int a = 0; a < 256; ++a) {
        same(std::string(1, static_cast<char>(a)));
        for (int b = 0; b < 256; ++b) {
            std::string two{static_cast<char>(a), static_cast<char>(b)};
            same(two);
            if (a >= 0xE0 && a <= 0xEF)
                for (int c = 0; c < 256; ++c) same(two + static_cast<char>(c));
            if (a >= 0xF0)
                for (int c : {0x41, 0x80, 0x9F, 0xBF, 0xC0})
                    for (int d : {0x41, 0x80, 0xBF, 0xC0}) same(two + static_cast<char>(c) + static_cast<char>(d));
        }
    }
    CHECK(disagree == 0);
    CHECK(accepted > 61'000);  // the 61,440 valid three-byte forms were tried
}

TEST_CASE("upper-case detection and case mapping keep accents") {
    CHECK(utf8::is_upper_text("KẾ HOẠCH"));
    CHECK_FALSE(utf8::is_upper_text("Kế hoạch"));
    CHECK_FALSE(utf8::is_upper_text("2025"));
    CHECK(utf8::upper("phấn đấu") == "PHẤN ĐẤU");
}

TEST_CASE("is_upper_text agrees with utf8proc's case mapping for every code point it tables and beyond") {
    auto reference = [](std::u32string_view cps) {
        bool any = false;
        for (char32_t c : cps) {
            auto cp = static_cast<utf8proc_int32_t>(c);
            if (utf8proc_tolower(cp) != cp) any = true;
            else if (utf8proc_toupper(cp) != cp) return false;
        }
        return any;
    };
    size_t disagree = 0, upper = 0;
    for (char32_t c = 1; c < 0x3000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        for (std::u32string cps : {std::u32string{c}, std::u32string{U'A', c}, std::u32string{c, U'b'}}) {
            std::string s;
            for (char32_t x : cps) utf8::append(s, x);
            bool v = utf8::is_upper_text(s);
            upper += v;
            if (v != reference(cps)) ++disagree;
        }
    }
    CHECK(disagree == 0);
    CHECK(upper > 1000);
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
