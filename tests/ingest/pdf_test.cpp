// .pdf: text layer, paragraph rejoining, running line numbers, broken files.
#include <catch2/catch.hpp>

#include "ingest/ingest.h"
#include "ingest/pdf_writer.h"

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
    const auto& d = std::get<SourceDocument>(r);
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
