// The layout stage leaves formats whose reader already delivers paragraphs
// (.docx, .md, .html) exactly as they came.
#include <catch2/catch.hpp>

#include "layout/layout.h"

using namespace plancheck;

TEST_CASE("layout: paragraph formats pass through unchanged", "[layout]") {
    for (const char* format : {"docx", "md", "html"}) {
        SourceDocument doc;
        doc.format = format;
        doc.blocks.push_back(make_block("Số: 12/KH-UBND    Hà Nội, ngày 1 tháng 2 năm 2024", 1));
        doc.blocks.push_back(make_block("continued line", 2));
        SourceDocument before = doc;
        layout::recover(doc);
        REQUIRE(doc.blocks.size() == before.blocks.size());
        for (size_t i = 0; i < doc.blocks.size(); ++i) {
            CHECK(doc.blocks[i].text == before.blocks[i].text);
            CHECK(doc.blocks[i].line() == before.blocks[i].line());
        }
    }
}
