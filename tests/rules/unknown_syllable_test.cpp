// text.typo.syllable (kind unknown-syllable): damaged words found, accepted
// spellings, names, codes and labels left alone, mass damage reported once.
#include <catch2/catch.hpp>

#include <algorithm>

#include "helpers.h"
#include "rules/engine.h"

using namespace plancheck;

namespace {

std::vector<Diagnostic> syllable_findings(const std::string& text, const std::string& path = "t.txt") {
    static auto book = rules::load_rulebook(test::source_dir() + "/rules");
    pipeline::Options opts;
    auto r = pipeline::check_bytes(text, path.substr(path.rfind('.') + 1), path, book, opts);
    std::vector<Diagnostic> out;
    for (auto& d : r.diagnostics)
        if (d.rule == "text.typo.syllable") out.push_back(d);
    return out;
}

}  // namespace

TEST_CASE("unknown-syllable: a damaged word is found at its place", "[rules][syllable]") {
    auto f = syllable_findings("Công tác tuyên truyền còn nghiều hạn chế.\n");
    REQUIRE(f.size() == 1);
    CHECK(f[0].line == 1);
    CHECK(f[0].column == 27);
    CHECK(f[0].message.find("nghiều") != std::string::npos);
}

TEST_CASE("unknown-syllable: correct text in either tone convention gives nothing", "[rules][syllable]") {
    CHECK(syllable_findings("Văn hóa, văn hoá, khỏe, khoẻ, thủy lợi, thuỷ sản, ủy ban, uỷ ban, quý, quí.\n").empty());
    // Names, abbreviations, codes, addresses, labels and foreign words.
    CHECK(syllable_findings("Ông Nguyễn Văn Ản gửi email tới https://vd.gov.vn theo 1676/QĐ-TTg; đ) online.\n").empty());
}

TEST_CASE("unknown-syllable: damage all over the text is one finding", "[rules][syllable]") {
    std::string text;
    for (int i = 0; i < 12; ++i) text += "Sở ài chính gửi ội dung cho iệp hội.\n";
    auto f = syllable_findings(text);
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.find("36") != std::string::npos);
}
