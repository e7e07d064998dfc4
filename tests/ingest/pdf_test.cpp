// .pdf: text layer, printed lines with their geometry, paragraph rejoining
// (by the layout stage), running line numbers, broken files.
#include <catch2/catch.hpp>

#include "ingest/ingest.h"
#include "ingest/pdf_writer.h"
#include "layout/layout.h"

using namespace plancheck;

namespace {
ingest::Result read(const std::string& bytes) { return ingest::read_bytes(bytes, "pdf", "t.pdf", {}); }
std::string why(const std::string& bytes) {
    auto r = read(bytes);
    REQUIRE(std::holds_alternative<UnreadableInput>(r));
    return std::get<UnreadableInput>(r).reason;
}
}  // namespace

TEST_CASE("pdf: lines rejoin into paragraphs; line numbers run across pages") {
    test::PdfWriter w;
    w.paragraph("KẾ HOẠCH", 1);
    w.paragraph("Căn cứ Quyết định số 1676/QĐ-TTg ngày 21/11/2019 của Thủ tướng Chính phủ phê duyệt Đề án đổi mới "
                "toàn diện nội dung, hình thức và phương pháp tuyên truyền bảo hiểm xã hội;", 2);
    w.paragraph("1. Mục tiêu", 3);
    for (int i = 0; i < 70; ++i) w.paragraph("- Nội dung " + std::to_string(i), 4 + i);  // spills onto page 2
    auto r = read(w.build());
    REQUIRE(std::holds_alternative<SourceDocument>(r));
    auto& d = std::get<SourceDocument>(r);
    // The reader: one block per printed line, with where it was printed.
    REQUIRE(d.blocks.size() == 74);
    CHECK(d.blocks[2].text.rfind("toàn diện", 0) == 0);
    CHECK(d.blocks[2].box->page == 1);
    CHECK(d.blocks[2].box->x0 == Approx(50).margin(0.5));
    CHECK(d.blocks[2].box->font_size == Approx(10));
    CHECK(d.blocks[2].box->top > d.blocks[1].box->bottom - 1);
    CHECK(d.blocks[73].box->page == 2);
    REQUIRE(d.pages.size() == 2);
    CHECK(d.pages[0].width == Approx(595));
    CHECK(d.pages[0].first_line == 1);
    CHECK(d.pages[1].first_line == d.pages[0].lines + 1);
    layout::recover(d);
    REQUIRE(d.blocks.size() == 73);
    CHECK(d.format == "pdf");
    CHECK(d.blocks[0].text == "KẾ HOẠCH");
    const Block& b = d.blocks[1];
    CHECK(b.line() == 2);
    CHECK(b.text.find('\n') != std::string::npos);  // two PDF lines, one paragraph
    CHECK(b.locate(b.text.find("toàn diện")) == Pos{3, 1});
    CHECK(b.locate(b.text.find("1676")) == Pos{2, 22});
    CHECK(d.blocks[2].line() == 4);
    CHECK(d.blocks[72].text == "- Nội dung 69");
    CHECK(d.blocks[72].line() == 74);  // the running count continues on page 2
}

TEST_CASE("pdf: no text layer, damaged, not a PDF") {
    test::PdfWriter blank;
    blank.paragraph("", 1);  // one page, no text: what a scan looks like to a text extractor
    CHECK(why(blank.build()).find("no text layer") != std::string::npos);
    CHECK(why("%PDF-1.4\nthis is not really a pdf\n").find("damaged") != std::string::npos);
    test::PdfWriter ok;
    ok.paragraph("Nội dung", 1);
    std::string good = ok.build();
    CHECK_FALSE(why(good.substr(0, good.size() / 3)).empty());  // truncated: refused with a reason, no crash
    CHECK(why(ok.build(true)).find("password-protected") != std::string::npos);
}
