// The table-driven fast paths of core/utf8.cpp (added for speed, issue 6) must
// give exactly what utf8proc gives. Each check compares with utf8proc directly,
// over every code point the tables cover and over mixed strings that leave them.
#include <catch2/catch.hpp>
#include <utf8proc.h>

#include <cstdlib>
#include <string>

#include "core/utf8.h"

using namespace plancheck;

namespace {
std::string ref_map(const std::string& s, int options) {
    utf8proc_uint8_t* out = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                          static_cast<utf8proc_ssize_t>(s.size()), &out,
                          static_cast<utf8proc_option_t>(options));
    std::string r = n < 0 ? s : std::string(reinterpret_cast<char*>(out), static_cast<size_t>(n));
    std::free(out);
    return r;
}
std::string one(char32_t c) {
    std::string s;
    utf8::append(s, c);
    return s;
}
}  // namespace

TEST_CASE("lower, is_letter and nfc agree with utf8proc on every code point below U+3000") {
    for (char32_t c = 1; c < 0x3000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        auto cp = static_cast<utf8proc_int32_t>(c);
        auto cat = utf8proc_category(cp);
        INFO("U+" << std::hex << static_cast<uint32_t>(c));
        CHECK(utf8::lower(one(c)) == one(static_cast<char32_t>(utf8proc_tolower(cp))));
        CHECK(utf8::is_letter(c) == (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO));
        CHECK(utf8::nfc(one(c)) == ref_map(one(c), UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    }
}

TEST_CASE("lower_same_length lowers in place and leaves only length-changing letters and bad bytes") {
    for (char32_t c = 1; c < 0x3000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        INFO("U+" << std::hex << static_cast<uint32_t>(c));
        std::string s = "Ab" + one(c) + "Đ";
        std::string full = utf8::lower(s);
        bool all = false;
        std::string got = utf8::lower_same_length(s, &all);
        CHECK(got.size() == s.size());
        if (full.size() == s.size()) {
            CHECK(got == full);
            CHECK(all);
        } else {
            CHECK(got == "ab" + one(c) + "đ");
            CHECK_FALSE(all);
        }
    }
    bool all = true;
    CHECK(utf8::lower_same_length("X\xC3Y", &all) == "x\xC3y");  // invalid byte kept
    CHECK_FALSE(all);
    CHECK(utf8::lower_same_length("\xEF\xBF\xBD") == "\xEF\xBF\xBD");
}

TEST_CASE("nfc fast path leaves decomposed Vietnamese to utf8proc") {
    // "ế" as e + U+0302 + U+0301 must compose; precomposed text stays as it is.
    CHECK(utf8::nfc("Ke\xCC\x82\xCC\x81 hoa\xCC\xA3\x63h") == "Kế hoạch");
    CHECK(utf8::nfc("Kế hoạch – “đổi mới”") == "Kế hoạch – “đổi mới”");
    CHECK(utf8::nfc("\xC3") == "\xC3");  // invalid UTF-8 is returned unchanged
}

TEST_CASE("fold fast path equals the utf8proc decomposition it replaces") {
    const char* samples[] = {
        "MỤC TIÊU:", "Ðồng chí Ðào", "Giai đoạn 2020 – 2025", "“Đổi mới” toàn diện…",
        "Ke\xCC\x82\xCC\x81 hoa\xCC\xA3\x63h",          // decomposed marks
        "Straße ﬁle Ⅻ ℃", "한국어 中文 русский", "x\xC3y", "\xEF\xBF\xBD ok",
    };
    for (const char* s : samples) {
        // Reference: the former implementation, map then keep letters and digits.
        std::string d = ref_map(s, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
        std::string want;
        bool pending = false;
        for (size_t i = 0; i < d.size();) {
            char32_t c = utf8::next(d, i);
            if (c == 0x0111 || c == 0x0110 || c == 0x00D0 || c == 0x00F0) c = 'd';
            if (utf8::is_letter(c) || utf8::is_digit(c)) {
                if (pending && !want.empty()) want += ' ';
                pending = false;
                utf8::append(want, c);
            } else {
                pending = true;
            }
        }
        INFO(s);
        CHECK(utf8::fold(s) == want);
    }
    for (char32_t c = 1; c < 0x2100; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        std::string s = "a" + one(c) + "b";
        std::string d = ref_map(s, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
        INFO("U+" << std::hex << static_cast<uint32_t>(c));
        // Same letters in the same order (spacing is covered by the samples above).
        std::string got = utf8::fold(s), want_letters;
        for (size_t i = 0; i < d.size();) {
            char32_t x = utf8::next(d, i);
            if (x == 0x0111 || x == 0x0110 || x == 0x00D0 || x == 0x00F0) x = 'd';
            if (utf8::is_letter(x) || utf8::is_digit(x)) utf8::append(want_letters, x);
        }
        std::string got_letters;
        for (char ch : got)
            if (ch != ' ') got_letters += ch;
        CHECK(got_letters == want_letters);
    }
}

TEST_CASE("count matches a byte-by-byte count at every length and alignment") {
    std::string s = "Số: 15/KH-UBND – Kế hoạch “đổi mới” 😀 tuyên truyền bảo hiểm xã hội";
    for (size_t b = 0; b < s.size(); ++b)
        for (size_t e = b; e <= s.size(); ++e) {
            size_t n = 0;
            for (size_t k = b; k < e; ++k) n += (static_cast<unsigned char>(s[k]) & 0xC0) != 0x80;
            REQUIRE(utf8::count(std::string_view(s).substr(b, e - b)) == n);
        }
}

TEST_CASE("next decodes as utf8proc does, and an invalid sequence is one U+FFFD per byte") {
    // Every lead byte with every second byte, the edges of the third and
    // fourth, and each prefix of them (a sequence cut short by the end).
    const unsigned char edges[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xF5, 0xFF};
    size_t checked = 0;
    auto expect = [&](const std::string& s) {
        utf8proc_int32_t cp = -1;
        auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                  static_cast<utf8proc_ssize_t>(s.size()), &cp);
        size_t i = 0;
        char32_t got = utf8::next(s, i);
        INFO("bytes " << std::hex << [&] {
            std::string h;
            for (unsigned char c : s) h += std::to_string(c) + " ";
            return h;
        }());
        if (n > 0) {
            CHECK(got == static_cast<char32_t>(cp));
            CHECK(i == static_cast<size_t>(n));
        } else {
            CHECK(got == 0xFFFD);
            CHECK(i == 1);
        }
        ++checked;
    };
    for (unsigned b0 = 0x80; b0 <= 0xFF; ++b0) {
        expect(std::string(1, static_cast<char>(b0)));
        for (unsigned b1 = 0; b1 <= 0xFF; ++b1) {
            std::string two{static_cast<char>(b0), static_cast<char>(b1)};
            expect(two);
            for (unsigned char b2 : edges) {
                std::string three = two;
                three.push_back(static_cast<char>(b2));
                expect(three);
                if (b0 < 0xF0) continue;
                for (unsigned char b3 : edges) {
                    std::string four = three;
                    four.push_back(static_cast<char>(b3));
                    expect(four);
                }
            }
        }
    }
    CHECK(checked > 400000);
}

TEST_CASE("fold_head is the start of fold, at least as long as asked") {
    const std::string pieces[] = {"Nơi nhận", ":", " ", "- ", "...", "Kính gửi", "ĐỒNG", "Ủy", "ban", "e\xCC\x81",
                                  "\xCC\x81", "2024", "\t", "“", "Ⅻ", "ﬁ", "\xE1\xBA", "\xFF", "x"};
    uint32_t seed = 12345;
    auto rnd = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7FFF; };
    for (int round = 0; round < 3000; ++round) {
        std::string s;
        const size_t parts = rnd() % 40;
        for (size_t k = 0; k < parts; ++k) {
            const auto& p = pieces[rnd() % std::size(pieces)];
            // Long runs of separators ahead of the words, now and then.
            for (size_t r = rnd() % 9 == 0 ? rnd() % 30 : 1; r--;) s += p;
        }
        const std::string whole = utf8::fold(s);
        for (size_t want : {0, 1, 8, 13, 40, 200}) {
            INFO(s << " / " << want);
            std::string head = utf8::fold_head(s, want);
            CHECK(whole.compare(0, head.size(), head) == 0);
            CHECK(head.size() >= std::min(want, whole.size()));
        }
    }
}
