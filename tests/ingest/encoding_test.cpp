// Text decoding: BOMs, UTF-16, forced encodings, and automatic detection of
// the Vietnamese legacy tables, with the wrong-guess rate measured over every
// text we have (corpus plans, seeds, samples) converted into each table.
#include <catch2/catch.hpp>
#include <thread>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/legacy_vn.h"
#include "core/utf8.h"
#include "helpers.h"
#include "ingest/decode.h"

using namespace plancheck;
namespace fs = std::filesystem;

namespace {

const char* kSample =
    "KẾ HOẠCH\n"
    "Tuyên truyền chính sách bảo hiểm xã hội, bảo hiểm y tế năm 2024\n"
    "Căn cứ Quyết định số 1676/QĐ-TTg ngày 21/11/2019 của Thủ tướng Chính phủ;\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "1. Nâng cao nhận thức của người lao động về quyền lợi khi tham gia.\n"
    "a) Đổi mới hình thức; ưu tiên tuyên truyền qua mạng xã hội.\n"
    "- Phấn đấu 100% đoàn viên được phổ biến; khuyến khích người dân nghiêng về giữ gìn.\n";

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Every UTF-8 text available: the inline sample, corpus plans, seeds.
std::vector<std::pair<std::string, std::string>> texts() {
    std::vector<std::pair<std::string, std::string>> out{{"sample", kSample}};
    for (const auto& dir : {fs::path(test::source_dir()) / "corpus" / "plans", fs::path(test::shared_dir()) / "seeds"}) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) continue;
        for (const auto& e : fs::directory_iterator(dir))
            if (e.path().extension() == ".txt") out.emplace_back(e.path().filename().string(), slurp(e.path()));
    }
    return out;
}

std::string decoded_text(const ingest::Result& r) {
    std::string s;
    for (const auto& b : std::get<SourceDocument>(r).blocks) s += utf8::nfc(b.text) + "\n";
    return s;
}

}  // namespace

TEST_CASE("legacy tables round-trip Vietnamese letters") {
    using legacy::Encoding;
    std::string letters =
        "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ";
    std::string all = letters + " " + utf8::upper(letters);
    for (Encoding e : {Encoding::Tcvn3, Encoding::Vni, Encoding::Cp1258}) {
        INFO(legacy::name(e));
        std::string bytes = legacy::encode(all, e);
        CHECK(bytes.find('?') == std::string::npos);
        CHECK(utf8::nfc(legacy::decode(bytes, e)) == all);
    }
    // Known bytes: TCVN3 "Kế hoạch" and VNI "Kế hoạch".
    CHECK(legacy::decode("K\xD5 ho\xB9" "ch", Encoding::Tcvn3) == "Kế hoạch");
    CHECK(legacy::decode("Ke\xE1 hoa\xEF" "ch", Encoding::Vni) == "Kế hoạch");
    CHECK(legacy::decode("Tr\xF6\xF4\xF8ng \xD1" "a\xEFi ho\xEF" "c", Encoding::Vni) == "Trường Đại học");
}

TEST_CASE("syllable checker separates Vietnamese from mojibake") {
    for (const char* w : {"người", "nghiêng", "quyết", "gì", "khỏe", "thuở", "Đại", "HOẠCH", "giữ", "xã"})
        CHECK(legacy::is_syllable(w));
    for (const char* w : {"hiÓm", "ho¹ch", "ờỡ", "tuyªn", "ñaïi", "xyz"}) CHECK_FALSE(legacy::is_syllable(w));
}

TEST_CASE("syllable checker: an answer does not depend on the words asked before it") {
    // More distinct words than both memo levels hold (the direct-mapped table
    // and the hash map emptied when full), asked in one order, then after
    // 40,000 others in the reverse order, against a fresh thread's answers.
    std::vector<std::string> words;
    for (const char* on : {"", "b", "ch", "ngh", "qu", "tr", "x", "gi", "kh", "ph"})
        for (const char* rime : {"a", "ào", "iêng", "ương", "uyết", "ỏe", "ôi", "ep", "ưng", "oong", "ăm", "ẹt", "xq", "ao̱"})
            for (const char* tail : {"", "h", "t", "nh"}) words.push_back(std::string(on) + rime + tail);
    std::vector<char> fresh(words.size());
    std::thread([&] {
        for (size_t i = 0; i < words.size(); ++i) fresh[i] = legacy::is_syllable(words[i]);
    }).join();
    for (size_t i = 0; i < words.size(); ++i) CHECK(legacy::is_syllable(words[i]) == static_cast<bool>(fresh[i]));
    for (int i = 0; i < 40'000; ++i) legacy::is_syllable("t" + std::to_string(i) + "a");
    size_t yes = 0;
    for (size_t i = words.size(); i-- > 0;) {
        INFO(words[i]);
        CHECK(legacy::is_syllable(words[i]) == static_cast<bool>(fresh[i]));
        yes += fresh[i];
    }
    CHECK(yes > 100);
    CHECK(yes < words.size() - 100);
}

TEST_CASE("BOMs and UTF-16") {
    std::string text = "Căn cứ Luật Bảo hiểm xã hội;\nI. MỤC TIÊU\n";
    auto utf16 = [&](bool le) {
        std::string out = le ? "\xFF\xFE" : "\xFE\xFF";
        for (size_t i = 0; i < text.size();) {
            char32_t c = utf8::next(text, i);
            char hi = static_cast<char>(c >> 8), lo = static_cast<char>(c & 0xFF);
            out += le ? std::string{lo, hi} : std::string{hi, lo};
        }
        return out;
    };
    for (auto [bytes, enc] : {std::pair{std::string("\xEF\xBB\xBF") + text, "utf-8"},
                              std::pair{utf16(true), "utf-16le"}, std::pair{utf16(false), "utf-16be"},
                              std::pair{utf16(true).substr(2), "utf-16le"}}) {
        auto r = ingest::read_text(bytes, "t.txt", {});
        REQUIRE(std::holds_alternative<SourceDocument>(r));
        const auto& d = std::get<SourceDocument>(r);
        CHECK(d.encoding == enc);
        REQUIRE(d.blocks.size() == 2);
        CHECK(d.blocks[0].text == "Căn cứ Luật Bảo hiểm xã hội;");
        CHECK(d.blocks[1].line() == 2);
        CHECK(d.observations.empty());
    }
}

TEST_CASE("a forced encoding (--encoding) overrides detection and unknown names are refused") {
    std::string bytes = legacy::encode(kSample, legacy::Encoding::Vni);
    ingest::Options o;
    o.encoding = "vni";
    auto r = ingest::read_text(bytes, "t.txt", o);
    REQUIRE(std::holds_alternative<SourceDocument>(r));
    CHECK(std::get<SourceDocument>(r).encoding == "vni");
    o.encoding = "koi8-r";
    auto bad = ingest::read_text(bytes, "t.txt", o);
    REQUIRE(std::holds_alternative<UnreadableInput>(bad));
    CHECK(std::get<UnreadableInput>(bad).reason.find("koi8-r") != std::string::npos);
}

TEST_CASE("legacy detection: zero wrong guesses over every text and table") {
    using legacy::Encoding;
    int trials = 0, wrong = 0;
    for (const auto& [name, text] : texts()) {
        for (Encoding e : {Encoding::Tcvn3, Encoding::Vni, Encoding::Cp1258}) {
            INFO(name << " as " << legacy::name(e));
            std::string bytes = legacy::encode(text, e);
            ingest::Options forced;
            forced.encoding = std::string(legacy::name(e));
            auto detected = ingest::read_text(bytes, name, {});
            auto expected = ingest::read_text(bytes, name, forced);
            ++trials;
            bool ok = std::holds_alternative<SourceDocument>(detected) &&
                      std::get<SourceDocument>(detected).encoding == legacy::name(e) &&
                      decoded_text(detected) == decoded_text(expected);
            if (!ok) ++wrong;
            CHECK(ok);
            if (ok) {
                const auto& obs = std::get<SourceDocument>(detected).observations;
                REQUIRE(!obs.empty());
                CHECK(obs[0].kind == "encoding.legacy");
                CHECK(obs[0].detail == legacy::name(e));
            }
        }
    }
    std::cout << "legacy encoding detection: " << wrong << " wrong of " << trials << " ("
              << (trials ? 100.0 * wrong / trials : 0.0) << "%)\n";
    CHECK(wrong == 0);
}

TEST_CASE("legacy text decodes to the same words as the UTF-8 original") {
    std::string ascii_quotes = kSample;  // the sample has no typographic quotes
    for (auto e : {legacy::Encoding::Tcvn3, legacy::Encoding::Vni, legacy::Encoding::Cp1258}) {
        auto r = ingest::read_text(legacy::encode(ascii_quotes, e), "t.txt", {});
        REQUIRE(std::holds_alternative<SourceDocument>(r));
        CHECK(decoded_text(r) == ascii_quotes);
    }
}

TEST_CASE("invalid UTF-8: a few stray bytes are replaced, garbage is unreadable") {
    std::string mostly = std::string(kSample) + "Lỗi\xFF ở đây\n";
    auto r = ingest::read_text(mostly, "t.txt", {});
    REQUIRE(std::holds_alternative<SourceDocument>(r));
    const auto& d = std::get<SourceDocument>(r);
    CHECK(d.encoding == "utf-8");
    REQUIRE(d.observations.size() == 1);
    CHECK(d.observations[0].kind == "text.invalid-utf8");
    CHECK(d.blocks[d.observations[0].ref.block].line() == 8);

    std::string garbage;
    for (int i = 0; i < 400; ++i) garbage += static_cast<char>(0x80 + (i * 37) % 128);
    auto g = ingest::read_text(garbage, "g.txt", {});
    REQUIRE(std::holds_alternative<UnreadableInput>(g));
    CHECK(std::get<UnreadableInput>(g).reason.find("not UTF-8") != std::string::npos);
}
