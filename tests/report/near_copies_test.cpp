#include <catch2/catch.hpp>
#include <sstream>

#include "report/near_copies.h"
#include "report/summary.h"

using namespace plancheck;

namespace {
// Deterministic filler text of `n` distinct-looking words (seeded).
std::string words(unsigned seed, size_t n) {
    static const char* syll[] = {"cán", "bộ", "tuyên", "truyền", "xã", "phường", "nhân", "dân", "kế", "hoạch",
                                 "thực", "hiện", "đề", "án", "văn", "hóa", "giáo", "dục", "y", "tế",
                                 "đường", "giao", "thông", "nông", "thôn", "mới", "an", "ninh", "trật", "tự",
                                 "kinh", "tế", "hộ", "nghèo", "việc", "làm", "môi", "trường", "đất", "đai"};
    std::string s;
    uint32_t x = seed * 2654435761u + 12345;
    for (size_t i = 0; i < n; ++i) {
        x = x * 1103515245u + 12345u;
        s += syll[(x >> 16) % 40];
        s += (i % 13 == 12) ? ".\n" : " ";
    }
    return s;
}
}  // namespace

TEST_CASE("near-copies: a long passage shared by files in two folders is found, the earlier date first", "[report][near]") {
    std::string shared = words(99, 70);
    report::NearCopyIndex idx;
    idx.add("xa-a/bao-cao.txt", words(1, 200) + shared + words(2, 100), "2025-03-12");
    idx.add("xa-b/bao-cao.txt", words(3, 50) + shared + words(4, 300), "2025-03-05");
    idx.add("xa-c/bao-cao.txt", words(5, 400), "2025-03-01");
    auto found = idx.find();
    REQUIRE(found.size() == 1);
    const auto& nc = found[0];
    CHECK(nc.a.path == "xa-b/bao-cao.txt");  // 5 March, before 12 March
    CHECK(nc.b.path == "xa-a/bao-cao.txt");
    CHECK(nc.dated);
    CHECK(nc.a.date == "2025-03-05");
    CHECK(nc.shared_words >= 70);
    CHECK(nc.shared_words < 80);  // random neighbours may extend it by a word or two
    CHECK(nc.passages == 1);
    // The passage as written (first 80 words at most), line breaks as spaces.
    std::string flat = shared;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    CHECK(flat.find(nc.passage.substr(0, 60)) != std::string::npos);
    CHECK(nc.a.share > 0.10);
    CHECK(nc.a.share < 0.25);
}

TEST_CASE("near-copies: same folder, short phrases, boilerplate in many files and missing dates", "[report][near]") {
    std::string shared = words(7, 60);
    SECTION("files in the same folder are one unit: not reported") {
        report::NearCopyIndex idx;
        idx.add("xa-a/1.txt", words(1, 100) + shared, "");
        idx.add("xa-a/2.txt", shared + words(2, 100), "");
        CHECK(idx.find().empty());
    }
    SECTION("a shared passage shorter than min_words is not a copy") {
        report::NearCopyIndex idx;
        std::string phrase = words(8, 30);
        idx.add("a/1.txt", words(1, 100) + phrase + words(3, 50), "");
        idx.add("b/2.txt", words(2, 100) + phrase + words(4, 50), "");
        CHECK(idx.find().empty());
    }
    SECTION("a passage in more than max_files files is boilerplate") {
        report::NearCopyIndex idx;
        for (unsigned u = 0; u < 6; ++u)
            idx.add("don-vi-" + std::to_string(u) + "/bc.txt", words(u + 10, 100) + shared + words(u + 20, 100), "");
        CHECK(idx.find().empty());
        report::NearCopyIndex::Params p;
        p.max_files = 6;
        report::NearCopyIndex loose(p);
        for (unsigned u = 0; u < 6; ++u)
            loose.add("don-vi-" + std::to_string(u) + "/bc.txt", words(u + 10, 100) + shared + words(u + 20, 100), "");
        CHECK(loose.find().size() == 15);  // every pair of the six
    }
    SECTION("without both dates, which came first is not told; case and punctuation do not hide a copy") {
        report::NearCopyIndex idx;
        std::string upper = shared;
        for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        idx.add("a/1.txt", words(1, 100) + shared, "2025-01-01");
        idx.add("b/2.txt", upper + words(2, 100), "");
        auto f = idx.find();
        REQUIRE(f.size() == 1);
        CHECK_FALSE(f[0].dated);
        CHECK(f[0].a.path == "a/1.txt");
        CHECK(f[0].shared_words >= 60);
    }
}

TEST_CASE("near-copies: files added as they finish give the pairs of the batch order", "[report][near]") {
    // Workers finish in any order; each file is added with its place in the
    // batch. Undated copies (which file is first is then the batch's order)
    // and pairs sharing the same number of words (listed in the batch's order).
    std::string one = words(41, 60), two = words(42, 60);
    const std::vector<std::pair<std::string, std::string>> files = {
        {"a/1.txt", words(1, 80) + one}, {"b/2.txt", one + words(2, 80)},
        {"c/3.txt", words(3, 80) + two}, {"d/4.txt", two + words(4, 80)}};
    auto pairs = [&](const std::vector<size_t>& finished) {
        report::NearCopyIndex idx;
        for (size_t i : finished) idx.add(files[i].first, files[i].second, "", i);
        std::string out;
        for (const auto& nc : idx.find()) out += nc.a.path + " " + nc.b.path + " " + std::to_string(nc.shared_words) + "\n";
        return out;
    };
    const std::string in_order = pairs({0, 1, 2, 3});
    CHECK(in_order.rfind("a/1.txt b/2.txt", 0) == 0);
    CHECK(in_order.find("c/3.txt d/4.txt") != std::string::npos);
    for (const auto& finished : std::vector<std::vector<size_t>>{{3, 2, 1, 0}, {1, 3, 0, 2}, {2, 0, 3, 1}}) CHECK(pairs(finished) == in_order);
}

TEST_CASE("near-copies: text lists both paths, dates and the passage", "[report][near]") {
    report::Options o;
    report::NearCopy nc;
    nc.a = {"xa-b/bc.txt", "2025-03-05", 0.5};
    nc.b = {"xa-a/bc.txt", "2025-03-12", 0.25};
    nc.dated = true;
    nc.shared_words = 70;
    nc.passages = 1;
    nc.passage = "đoạn trùng";
    o.near_copies = {nc};
    std::ostringstream vi;
    report::write_near_copies_text(vi, o);
    CHECK(vi.str() == "Văn bản gần trùng giữa các đơn vị (1 cặp)\n"
                      "  xa-b/bc.txt (2025-03-05, sớm hơn) — xa-a/bc.txt (2025-03-12, muộn hơn): 70 từ trùng trong 1 đoạn (50% / 25%)\n"
                      "    \"đoạn trùng\"\n\n");
    o.lang = "en";
    o.near_copies[0].dated = false;
    std::ostringstream en;
    report::write_near_copies_text(en, o);
    CHECK(en.str().find("70 shared words in 1 passage (50% / 25%); cannot tell which came first") != std::string::npos);
}

TEST_CASE("near-copies: words are letters and digits, Vietnamese included", "[report][near]") {
    auto w = report::near_copy_words("Năm 2025, (đạt) 100%—xã");
    REQUIRE(w.size() == 5);
    CHECK(w[0] == std::pair<uint32_t, uint32_t>{0, 4});
}
