// The readers record inline suppression directives and keep the comments
// holding them out of the document text (docs/formats.md).
#include <catch2/catch.hpp>

#include "ingest/ingest.h"

using namespace plancheck;

namespace {
SourceDocument read(const std::string& text, const std::string& format) {
    ingest::Result r = format == "txt" ? ingest::read_text(text, "t.txt", {})
                       : format == "md" ? ingest::read_markdown(text, "t.md", {})
                                        : ingest::read_html(text, "t.html", {});
    REQUIRE(std::holds_alternative<SourceDocument>(r));
    return std::get<SourceDocument>(std::move(r));
}

std::string all_text(const SourceDocument& d) {
    std::string s;
    for (const auto& b : d.blocks) s += b.text + "\n";
    return s;
}
}  // namespace

TEST_CASE("txt: # and // directive lines are recorded with their positions and leave the text", "[ingest][directives]") {
    auto d = read("Dòng một\n  # plancheck-disable text.typo\nDòng ba\n// plancheck-enable\r\n"
                  "<!-- plancheck-disable-next-line citation.unknown -->\n# Ghi chú thường\nvăn bản # plancheck-disable x\n",
                  "txt");
    REQUIRE(d.directives.size() == 3);
    CHECK(d.directives[0].kind == Directive::Kind::Disable);
    CHECK(d.directives[0].line == 2);
    CHECK(d.directives[0].column == 3);
    CHECK(d.directives[0].end_column == 32);
    CHECK(d.directives[0].source == "  # plancheck-disable text.typo");
    CHECK(d.directives[1].kind == Directive::Kind::Enable);
    CHECK(d.directives[1].line == 4);
    CHECK(d.directives[2].kind == Directive::Kind::DisableNextLine);
    CHECK(d.directives[2].line == 5);
    std::string text = all_text(d);
    CHECK(text.find("plancheck-disable text.typo") == std::string::npos);
    CHECK(text.find("plancheck-enable") == std::string::npos);
    CHECK(text.find("citation.unknown") == std::string::npos);
    // Not directives: an ordinary comment-like line, and a directive word inside a sentence.
    CHECK(text.find("# Ghi chú thường") != std::string::npos);
    CHECK(text.find("văn bản # plancheck-disable x") != std::string::npos);
    CHECK(d.blocks.size() == 4);
}

TEST_CASE("md and html: comments anywhere, over several lines; inline comments are no text", "[ingest][directives]") {
    auto m = read("Đoạn một. <!-- plancheck-disable-next-line text.typo -->\nĐoạn hai.\n\n<!--\nplancheck-disable\n-->\n\nBa.\n", "md");
    REQUIRE(m.directives.size() == 2);
    CHECK(m.directives[0].line == 1);
    CHECK(m.directives[0].column == 11);
    CHECK(m.directives[1].line == 4);
    CHECK(m.directives[1].end_line == 6);
    CHECK(m.directives[1].names.empty());
    CHECK(all_text(m).find("plancheck") == std::string::npos);

    auto h = read("<p>Một</p>\n<!-- plancheck-disable text.typo nd30.header.number -->\n<p>Hai <!-- ghi chú --></p>\n", "html");
    REQUIRE(h.directives.size() == 1);
    CHECK(h.directives[0].names == std::vector<std::string>{"text.typo", "nd30.header.number"});
    CHECK(h.directives[0].line == 2);
    CHECK(all_text(h).find("plancheck") == std::string::npos);
}

TEST_CASE("documents without directives are read as before", "[ingest][directives]") {
    auto d = read("Kế hoạch\n# 1. Mục tiêu\n", "txt");
    CHECK(d.directives.empty());
    CHECK(d.blocks.size() == 2);
}
