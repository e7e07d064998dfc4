// Mojibake detection: UTF-8 text that is TCVN3/VNI typed text shown through a
// Western code page.
#include <catch2/catch.hpp>

#include "core/legacy_vn.h"
#include "core/utf8.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"

using namespace plancheck;

namespace {
// What a .VnTime/VNI document looks like when its bytes are read as Windows-1252.
std::string mojibake(std::string_view s, legacy::Encoding e) {
    static const char32_t kLow[32] = {0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
                                      0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178};
    std::string out;
    for (unsigned char b : legacy::encode(s, e)) utf8::append(out, b >= 0x80 && b < 0xA0 ? kLow[b - 0x80] : char32_t(b));
    return out;
}

std::vector<Observation> observe(const std::string& text) {
    auto r = ingest::read_text(text, "t.txt", {});
    auto doc = std::get<SourceDocument>(r);
    normalize::normalize(doc);
    std::vector<Observation> out;
    for (const auto& o : doc.observations)
        if (o.kind == "encoding.mojibake") out.push_back(o);
    return out;
}

const char* kPlan = "Kế hoạch tuyên truyền chính sách bảo hiểm xã hội năm 2024\n"
                    "Đổi mới nội dung, hình thức và phương pháp tuyên truyền\n";
}  // namespace

TEST_CASE("mojibake: TCVN3 and VNI text seen through Windows-1252 is recognised") {
    for (auto e : {legacy::Encoding::Tcvn3, legacy::Encoding::Vni}) {
        INFO(legacy::name(e));
        std::string text = mojibake(kPlan, e);
        REQUIRE(text != kPlan);
        auto obs = observe(text);
        REQUIRE(obs.size() == 1);
        CHECK(obs[0].detail == legacy::name(e));
        CHECK(obs[0].ref.block == 0);
    }
}

TEST_CASE("mojibake: real Vietnamese and foreign words are left alone") {
    CHECK(observe(kPlan).empty());
    CHECK(observe("Hội thảo về café, crème brûlée và phở tại Hà Nội; naïve résumé.\n").empty());
    CHECK(observe("Ðồng chí Ðào Việt Ánh phát biểu.\n").empty());  // a look-alike, not mojibake
}

TEST_CASE("mojibake: abbreviations with Đ in Unicode text are not TCVN3") {
    // "NĐ-CP", "QĐ", "HĐND" and a list label "đ)" are not syllables, and "NĐ" read
    // back through TCVN3 happens to be one; Unicode text around them says otherwise.
    CHECK(observe("Căn cứ Nghị định số 17/2023/NĐ-CP của Chính phủ về công tác văn thư;\n"
                  "Kính gửi: Đ/c Trưởng phòng Nội vụ huyện Phú Minh\n").empty());
    CHECK(observe("đ) Tổ chức tập huấn cho cán bộ, công chức cấp xã.\n"
                  "Theo Quyết định số 88/QĐ-UBND và Nghị quyết của HĐND tỉnh.\n").empty());
}

TEST_CASE("mojibake: a mojibake paragraph pasted into a Unicode document is still found") {
    std::string text = std::string(kPlan) + kPlan + mojibake("Đổi mới nội dung, hình thức và phương pháp tuyên truyền\n",
                                                         legacy::Encoding::Tcvn3);
    auto obs = observe(text);
    REQUIRE(obs.size() == 1);
    CHECK(obs[0].detail == "tcvn3");
    CHECK(obs[0].ref.block == 4);
}
