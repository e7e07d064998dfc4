// Normalisation keeps every character's original position (line, column),
// whether a paragraph takes the quick path (already normal) or the full one.
#include <catch2/catch.hpp>

#include "core/utf8.h"
#include "normalize/normalize.h"

using namespace plancheck;

namespace {

// A block spread over source lines as a reader makes it: one anchor per line.
Block multi_line(const std::vector<std::string>& lines, uint32_t first_line, uint32_t column) {
    Block b;
    for (size_t k = 0; k < lines.size(); ++k) {
        if (k) b.text += ' ';
        b.anchors.push_back({static_cast<uint32_t>(b.text.size()), first_line + static_cast<uint32_t>(k),
                             k ? 1u : column});
        b.text += lines[k];
    }
    return b;
}

void check_positions_kept(Block b) {
    Block before = b;
    std::vector<Observation> obs;
    normalize::normalize_block(b, 0, obs);
    REQUIRE(b.text == before.text);
    CHECK(obs.empty());
    for (size_t i = 0; i <= b.text.size(); i = i < b.text.size() ? (utf8::next(b.text, i), i) : i + 1) {
        INFO("offset " << i);
        CHECK(b.locate(i).line == before.locate(i).line);
        CHECK(b.locate(i).column == before.locate(i).column);
    }
    for (size_t k = 1; k < b.anchors.size(); ++k) CHECK(b.anchors[k].offset > b.anchors[k - 1].offset);
    for (size_t k = 1; k < b.anchors.size(); ++k) CHECK(b.anchors[k].offset - b.anchors[k - 1].offset <= 256 + 3);
    CHECK(b.text.size() - b.anchors.back().offset <= 256 + 3);
}

}  // namespace

TEST_CASE("normalize: text that is already normal keeps its bytes and every position") {
    check_positions_kept(multi_line({"Kế hoạch tuyên truyền – “chính sách” bảo hiểm…"}, 7, 5));
    check_positions_kept(multi_line({"Căn cứ Quyết định số 1676/QĐ-TTg", "ngày 21/11/2019 của", "Thủ tướng."}, 3, 1));
    std::string long_line;
    for (int i = 0; i < 200; ++i) long_line += "người lao động ";
    long_line += "hết";
    check_positions_kept(multi_line({long_line}, 1, 1));
}

TEST_CASE("normalize: what needs changing still changes, positions from the original") {
    std::vector<Observation> obs;
    Block b = multi_line({"  Kê\xCC\x81  hoa\xCC\xA3" "ch  ÐẢNG"}, 4, 1);
    normalize::normalize_block(b, 0, obs);
    CHECK(b.text == "Kế hoạch ĐẢNG");
    CHECK(b.locate(0).column == 3);                       // "K" after two spaces
    CHECK(b.locate(b.text.find("hoạch")).column == 8);  // after "Kê", its mark and two spaces
    REQUIRE(obs.size() == 1);
    CHECK(obs[0].kind == "text.mixed-script");
}
