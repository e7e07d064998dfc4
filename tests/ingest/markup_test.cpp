// Markdown and HTML: blocks, labels and original positions.
#include <catch2/catch.hpp>

#include "ingest/ingest.h"

using namespace plancheck;

namespace {
SourceDocument read(const std::string& text, const char* format) {
    auto r = ingest::read_bytes(text, format, std::string("t.") + format, {});
    if (auto* bad = std::get_if<UnreadableInput>(&r)) FAIL("unreadable: " << bad->reason);
    return std::get<SourceDocument>(r);
}
size_t at(const Block& b, std::string_view needle) { return b.text.find(needle); }
}  // namespace

TEST_CASE("markdown: headings, multi-line paragraphs, lists, tables") {
    auto d = read("# KẾ HOẠCH\n\nĐoạn **đậm** và `mã`\n  dòng [hai](http://x.vn) _cuối_\n\n"
                  "1. Mục tiêu\n- Về đối tượng\n  + Đến năm 2025\n\n| A | Bảo hiểm |\n|---|---|\n| x | y |\n",
                  "md");
    REQUIRE(d.blocks.size() >= 8);
    CHECK(d.blocks[0].kind == BlockKind::Heading);
    CHECK(d.blocks[0].level == 1);
    CHECK(d.blocks[0].text == "KẾ HOẠCH");
    CHECK(d.blocks[0].locate(0).column == 3);
    const Block& p = d.blocks[1];
    CHECK(p.text == "Đoạn đậm và mã\ndòng hai cuối");
    CHECK(p.locate(at(p, "đậm")) == Pos{3, 8});
    CHECK(p.locate(at(p, "mã")) == Pos{3, 18});
    CHECK(p.locate(at(p, "dòng")) == Pos{4, 3});
    CHECK(p.locate(at(p, "hai")) == Pos{4, 9});
    CHECK(p.locate(at(p, "cuối")) == Pos{4, 28});
    CHECK(p.source_line(4) == "  dòng [hai](http://x.vn) _cuối_");
    CHECK(d.blocks[2].label == "1.");
    CHECK(d.blocks[2].kind == BlockKind::ListItem);
    CHECK(d.blocks[3].label == "-");
    CHECK(d.blocks[4].label == "+");
    CHECK(d.blocks[4].level == 2);
    CHECK(d.blocks[6].text.rfind("Bảo hiểm", 0) == 0);
    CHECK(d.blocks[6].in_table);
    CHECK(d.blocks[6].locate(0) == Pos{10, 7});
}

TEST_CASE("markdown: escapes and plain asterisks survive") {
    auto d = read("Giá 2 * 3 và \\*sao\\* snake_case\n", "md");
    REQUIRE(d.blocks.size() == 1);
    CHECK(d.blocks[0].text == "Giá 2 * 3 và *sao* snake_case");
}

TEST_CASE("html: visible text, entities, block breaks, positions") {
    auto d = read("<html><head><title>T</title><style>p{}</style></head>\n<body>\n"
                  "<h2>K&#7870; HO&#x1EA0;CH</h2>\n"
                  "<p>Đoạn &amp; <b>đậm</b><br>dòng&nbsp;hai</p><script>var s = \"ẩn\";</script>\n"
                  "<ol start=\"3\"><li>Ba</li><li>Bốn</li></ol><ul><li>Chấm</li></ul>\n"
                  "<table><tr><td>Ô một</td></tr></table></body></html>",
                  "html");
    std::vector<std::string> texts;
    for (const auto& b : d.blocks) texts.push_back(b.text);
    CHECK(texts == std::vector<std::string>{"KẾ HOẠCH", "Đoạn & đậm", "dòng\u00A0hai", "Ba", "Bốn", "Chấm", "Ô một"});
    CHECK(d.blocks[0].kind == BlockKind::Heading);
    CHECK(d.blocks[0].level == 2);
    CHECK(d.blocks[0].locate(at(d.blocks[0], "Ế")) == Pos{3, 6});   // the '&' of &#7870;
    CHECK(d.blocks[0].locate(at(d.blocks[0], "CH")) == Pos{3, 24});
    CHECK(d.blocks[1].locate(at(d.blocks[1], "đậm")) == Pos{4, 18});
    CHECK(d.blocks[3].label == "3.");
    CHECK(d.blocks[4].label == "4.");
    CHECK(d.blocks[5].label == "•");
    CHECK(d.blocks[6].in_table);
}
