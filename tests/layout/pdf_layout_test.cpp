// PDF layout recovery on PDFs written by tests/ingest/pdf_writer.h: header and
// closing columns on one baseline, paragraphs across a page break, page
// numbers and running headers, stamps and watermarks, the usable-text test,
// and the page of a finding in every output format.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "helpers.h"
#include "ingest/ingest.h"
#include "ingest/pdf_writer.h"
#include "layout/layout.h"
#include "layout/pdf_pages.h"
#include "pipeline/pipeline.h"
#include "report/report.h"
#include "rules/ruleset.h"

using namespace plancheck;

namespace {

SourceDocument read_pdf(const std::string& bytes) {
    auto r = ingest::read_bytes(bytes, "pdf", "t.pdf", {});
    if (auto* bad = std::get_if<UnreadableInput>(&r)) FAIL("unreadable: " << bad->reason);
    return std::get<SourceDocument>(r);
}

std::string unreadable_reason(const std::string& bytes) {
    auto r = ingest::read_bytes(bytes, "pdf", "t.pdf", {});
    REQUIRE(std::holds_alternative<UnreadableInput>(r));
    return std::get<UnreadableInput>(r).reason;
}

// A body paragraph printed from (70, y) at size 12: the first line indented,
// lines 15 pt apart, wrapped at 76 glyphs (70 .. 526). Returns the next y.
double body(test::PdfWriter& w, double y, std::string_view text, bool indent = true) {
    std::vector<std::string> lines(1);
    size_t i = 0;
    size_t limit = indent ? 72 : 76;
    while (i < text.size()) {
        size_t s = i;
        while (i < text.size() && text[i] != ' ') ++i;
        std::string word(text.substr(s, i - s));
        if (i < text.size()) ++i;
        if (!lines.back().empty() && utf8::count(lines.back()) + 1 + utf8::count(word) > limit) {
            lines.emplace_back();
            limit = 76;
        }
        lines.back() += (lines.back().empty() ? "" : " ") + word;
    }
    for (size_t k = 0; k < lines.size(); ++k) {
        w.put(k == 0 && indent ? 94 : 70, y, lines[k], 12);
        y -= 15;
    }
    return y;
}

// The header of a plan: agency and number in the left column, national title,
// motto and place-date in the right one, "Số" and the date on one baseline.
double header(test::PdfWriter& w) {
    w.put(70, 800, "ỦY BAN NHÂN DÂN", 12);
    w.put(300, 800, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12);
    w.put(80, 785, "HUYỆN SƠN LAM", 12);
    w.put(330, 785, "Độc lập - Tự do - Hạnh phúc", 12);
    w.put(75, 762, "Số: 27/KH-UBND", 12);
    w.put(310, 762, "Sơn Lam, ngày 5 tháng 3 năm 2026", 12);
    w.put(274, 730, "KẾ HOẠCH", 12);
    w.put(150, 715, "Phòng, chống thiên tai trên địa bàn huyện năm 2026", 12);
    return 690;
}

const char* kLong =
    "Ủy ban nhân dân huyện ban hành kế hoạch phòng, chống thiên tai trên địa bàn huyện năm 2026 "
    "nhằm chủ động ứng phó, giảm thiểu thiệt hại về người và tài sản của nhân dân, bảo đảm an toàn "
    "cho các công trình hạ tầng thiết yếu";

const Block* find_block(const std::vector<Block>& bs, std::string_view needle) {
    for (const auto& b : bs)
        if (b.text.find(needle) != std::string::npos) return &b;
    return nullptr;
}

std::string text_of(const SourceDocument& d, const std::optional<uint32_t>& b) {
    return b ? d.blocks[*b].text : std::string("(none)");
}

}  // namespace

TEST_CASE("pdf layout: header columns on one baseline become separate fields", "[layout][pdf]") {
    test::PdfWriter w;
    double y = header(w);
    y = body(w, y, "I. MỤC ĐÍCH, YÊU CẦU", false);
    y = body(w, y, std::string(kLong) + ".");
    w.put(70, 400, "Nơi nhận:", 11);
    w.put(330, 400, "TM. ỦY BAN NHÂN DÂN", 12);
    w.put(70, 387, "- Sở Nông nghiệp và Môi trường tỉnh", 10);
    w.put(350, 387, "CHỦ TỊCH", 12);
    w.put(75, 375, "(để báo cáo);", 10);
    w.put(70, 363, "- Lưu: VT.", 10);
    w.put(340, 320, "Nguyễn Văn An", 12);
    SourceDocument doc = read_pdf(w.build());
    // The reader: one block per printed fragment, the two columns apart, on one line number.
    const Block* number = find_block(doc.blocks, "Số: 27");
    const Block* date = find_block(doc.blocks, "Sơn Lam, ngày");
    REQUIRE(number);
    REQUIRE(date);
    CHECK(number->text == "Số: 27/KH-UBND");
    CHECK(number->line() == date->line());
    CHECK(number->box->page == 1);
    CHECK(number->box->x1 < date->box->x0);
    CHECK(number->box->font_size == Approx(12));
    CHECK(date->locate(0).column > 1);  // the column in the printed line
    CHECK(date->source_line(date->line()).find("Số: 27/KH-UBND") != std::string_view::npos);

    auto a = pipeline::analyze(doc);
    const SourceDocument& d = a->doc;
    const auto& h = a->model.outline.header;
    CHECK(text_of(d, h.number) == "Số: 27/KH-UBND");
    CHECK(text_of(d, h.place_date) == "Sơn Lam, ngày 5 tháng 3 năm 2026");
    CHECK(text_of(d, h.national_title) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    CHECK(text_of(d, h.motto) == "Độc lập - Tự do - Hạnh phúc");
    REQUIRE(h.agency.size() == 2);
    CHECK(d.blocks[h.agency[0]].text == "ỦY BAN NHÂN DÂN");
    CHECK(d.blocks[h.agency[1]].text == "HUYỆN SƠN LAM");
    CHECK(text_of(d, h.doc_type) == "KẾ HOẠCH");
    // Positions still point at the printed line and column.
    REQUIRE(h.place_date);
    CHECK(d.blocks[*h.place_date].locate(0) == date->locate(0));
    // The body paragraph is one block over its printed lines.
    const Block* para = find_block(d.blocks, "thiết yếu.");
    REQUIRE(para);
    CHECK(para->text.rfind("Ủy ban nhân dân huyện", 0) == 0);
    CHECK(para->locate(para->text.find("thiết yếu")).line == para->line() + 2);  // three printed lines
    // The closing: recipients (a wrapped item rejoined), then the signature block.
    const auto& c = a->model.outline.closing;
    CHECK(text_of(d, c.recipients) == "Nơi nhận:");
    REQUIRE(c.recipient_items.size() == 1);
    CHECK(d.blocks[c.recipient_items[0]].text == "- Sở Nông nghiệp và Môi trường tỉnh (để báo cáo);");
    CHECK(text_of(d, c.archive) == "- Lưu: VT.");
    CHECK(text_of(d, c.authority) == "TM. ỦY BAN NHÂN DÂN");
    CHECK(text_of(d, c.signer_name) == "Nguyễn Văn An");
    REQUIRE(c.signer_position.size() == 1);
    CHECK(d.blocks[c.signer_position[0]].text == "CHỦ TỊCH");
}

TEST_CASE("pdf layout: a centred title under the header is not a column", "[layout][pdf]") {
    test::PdfWriter w;
    header(w);
    w.put(298 - test::PdfWriter::width("và ứng phó sự cố môi trường", 12) / 2, 700, "và ứng phó sự cố môi trường", 12);
    body(w, 680, std::string(kLong) + ".");
    auto a = pipeline::analyze(read_pdf(w.build()));
    const auto& h = a->model.outline.header;
    REQUIRE(h.doc_type);
    CHECK(a->doc.blocks[*h.doc_type].text == "KẾ HOẠCH");
    // The summary wrapped over two centred lines is one block; the body after it is not.
    REQUIRE(h.title.size() == 1);
    CHECK(a->doc.blocks[h.title[0]].text ==
          "Phòng, chống thiên tai trên địa bàn huyện năm 2026 và ứng phó sự cố môi trường");
    CHECK(*h.doc_type > *h.place_date);
}

TEST_CASE("pdf layout: a paragraph continues across a page break; page numbers and running headers are aside",
          "[layout][pdf]") {
    test::PdfWriter w;
    double y = header(w);
    y = body(w, y, "I. MỤC ĐÍCH, YÊU CẦU", false);
    while (y > 120) y = body(w, y, std::string(kLong) + ".");
    // The last paragraph of page 1 stops mid-sentence at the page's end ...
    w.put(94, 115, "Các xã, thị trấn rà soát phương án sơ tán dân ở vùng có nguy cơ sạt lở", 12);
    w.put(70, 100, "đất, lũ quét và vùng trũng thấp, chuẩn bị lương thực, nước uống, chỗ ở khi", 12);
    w.put(294, 40, "1", 12);
    for (int page = 2; page <= 3; ++page) {
        w.new_page();
        w.put(200, 820, "Kế hoạch phòng, chống thiên tai năm 2026", 9);
        w.put(294, 805, std::to_string(page), 12);
        if (page == 2) {
            // ... and goes on at the top of page 2.
            y = body(w, 780, "ngập úng; báo cáo kết quả về Ủy ban nhân dân huyện trước ngày 30 tháng 4.", false);
            y = body(w, y, "II. NỘI DUNG", false);
            body(w, y, std::string(kLong) + ".");
        } else {
            body(w, 780, "III. TỔ CHỨC THỰC HIỆN", false);
            body(w, 765, std::string(kLong) + ".");
        }
    }
    SourceDocument doc = read_pdf(w.build());
    REQUIRE(doc.pages.size() == 3);
    CHECK(doc.pages[0].first_line == 1);
    CHECK(doc.pages[1].first_line == doc.pages[0].lines + 1);
    layout::recover(doc);
    const Block* across = find_block(doc.blocks, "lũ quét và vùng trũng");
    REQUIRE(across);
    CHECK(across->text.find("ngập úng; báo cáo kết quả") != std::string::npos);
    auto start = across->locate(0);
    auto next_page = across->locate(across->text.find("ngập úng"));
    CHECK(layout::page_of(doc, start.line).page == 1);
    CHECK(layout::page_of(doc, next_page.line).page == 2);
    CHECK(layout::page_of(doc, next_page.line).line == 3);  // running header, page number, then this
    CHECK(next_page.column == 1);
    // The excerpt line of the continuation is the printed line.
    CHECK(across->source_line(next_page.line).rfind("ngập úng", 0) == 0);
    // Page numbers and the running header are not body text.
    CHECK_FALSE(find_block(doc.blocks, "Kế hoạch phòng, chống thiên tai năm 2026"));
    for (const auto& b : doc.blocks) {
        CHECK(b.text != "1");
        CHECK(b.text != "2");
        CHECK(b.text != "3");
    }
    int numbers = 0, running = 0;
    for (const auto& b : doc.aside) {
        CHECK(b.kind == BlockKind::PageHeader);
        if (b.text == "1" || b.text == "2" || b.text == "3") ++numbers;
        if (b.text == "Kế hoạch phòng, chống thiên tai năm 2026") ++running;
    }
    CHECK(numbers == 3);
    CHECK(running == 2);
    // A section heading on top of page 3 is body text, not a running header.
    CHECK(find_block(doc.blocks, "III. TỔ CHỨC THỰC HIỆN"));
}

TEST_CASE("pdf layout: signature stamps, text over text and watermarks are kept aside", "[layout][pdf]") {
    test::PdfWriter w;
    // A digital-signature stamp in the top margin, in a small font.
    w.put(430, 832, "Ký bởi: Ủy ban nhân dân huyện Sơn Lam", 6);
    w.put(430, 825, "Cơ quan: Huyện Sơn Lam", 6);
    w.put(430, 818, "Thời gian ký: 05.03.2026 09:15:20 +07:00", 6);
    double y = header(w);
    y = body(w, y, "I. MỤC ĐÍCH, YÊU CẦU", false);
    double over = y - 15;
    y = body(w, y, std::string(kLong) + ".");
    w.put(120, over + 2, "CKS", 5);                    // small text printed over the body
    w.put(300, 300, "BẢN DỰ THẢO", 40, true);         // a turned watermark
    w.put(150, over - 20, "TÀI LIỆU MẬT", 36);          // an upright one over the body
    w.put(70, 200, "Email: phongchong@sonlam.example.vn là địa chỉ nhận báo cáo của các xã, thị trấn.", 12);
    SourceDocument doc = read_pdf(w.build());
    layout::recover(doc);
    for (const char* stamp : {"Ký bởi", "Cơ quan: Huyện", "Thời gian ký", "CKS", "BẢN DỰ THẢO", "TÀI LIỆU MẬT"}) {
        INFO(stamp);
        CHECK_FALSE(find_block(doc.blocks, stamp));
        CHECK(find_block(doc.aside, stamp));
    }
    // Body text that happens to open like a stamp line, printed in the body font, stays.
    CHECK(find_block(doc.blocks, "Email: phongchong"));
    auto a = pipeline::analyze(doc);
    const auto& h = a->model.outline.header;
    CHECK(text_of(a->doc, h.number) == "Số: 27/KH-UBND");
    REQUIRE_FALSE(h.agency.empty());
    CHECK(a->doc.blocks[h.agency[0]].text == "ỦY BAN NHÂN DÂN");
    const Block* para = find_block(a->doc.blocks, "Ủy ban nhân dân huyện ban hành");
    REQUIRE(para);
    CHECK(para->text.find("CKS") == std::string::npos);
    CHECK(para->text.find("thiết yếu.") != std::string::npos);  // the text under the watermark stays
}

TEST_CASE("pdf: no usable text gives one input.unreadable with what to do", "[layout][pdf]") {
    test::PdfWriter stamp_only;  // a scan: only the signature stamp has a text layer
    stamp_only.put(400, 830, "SAO Y", 9);
    stamp_only.put(400, 820, "Công an huyện Sơn Lam", 9);
    stamp_only.put(400, 810, "Thời gian ký: 2026-03-05T09:15:20+07:00", 9);
    stamp_only.put(300, 400, "BẢN SAO", 30, true);
    std::string why = unreadable_reason(stamp_only.build());
    CHECK(why.find("only text is a stamp") != std::string::npos);
    CHECK(why.find("OCR it first") != std::string::npos);

    test::PdfWriter ocr;  // what poor OCR of a header and body looks like (invented)
    const char* garbage[] = {"UY BAN NHAN DAN   cgNG HoA xA ugr cuu xcuia vrET",
                             "Dqc l$p - Tg do - H4nh phric",
                             "s6:l27 /KH-UBND  SonLam,ngdy 5 thdng 3 ndm2026",
                             "c6ch hdnh chinh tri6n khai d6ng bQ, brim s6t cric nhiQm 4r gi6i",
                             "ph6p theo ki5 hoach d€ ra; circ cdp c6c ngdnh thudng xuy6n quan"};
    double y = 800;
    for (const char* g : garbage) ocr.put(70, y, g, 12), y -= 15;
    why = unreadable_reason(ocr.build());
    CHECK(why.find("not readable Vietnamese") != std::string::npos);
    CHECK(why.find("% Vietnamese syllables") != std::string::npos);

    // The pipeline gives exactly one finding for it, not a page of header errors.
    auto book = rules::load_rulebook(test::source_dir() + "/rules");
    pipeline::Options opts;
    opts.check.today = {23, 11, 2026};
    auto res = pipeline::check_bytes(ocr.build(), "pdf", "ocr.pdf", book, opts);
    REQUIRE(res.diagnostics.size() == 1);
    CHECK(res.diagnostics[0].rule == "input.unreadable");
    CHECK(res.diagnostics[0].message.find("OCR") != std::string::npos);

    // Text from a legacy (TCVN3) font without a Unicode map is readable: it is
    // Vietnamese once decoded, and normalize reports the encoding.
    test::PdfWriter legacy_font;
    legacy_font.put(70, 800, "KÕ ho¹ch tuyªn truyÒn b¶o hiÓm x· héi n¨m nay cña huyÖn", 12);
    legacy_font.put(70, 785, "Thùc hiÖn kÕ ho¹ch cña tØnh vÒ c«ng t¸c tuyªn truyÒn", 12);
    CHECK(std::holds_alternative<SourceDocument>(ingest::read_bytes(legacy_font.build(), "pdf", "t.pdf", {})));

    // A short but real text is read.
    test::PdfWriter short_text;
    short_text.put(70, 800, "Kính gửi: Ủy ban nhân dân huyện", 12);
    auto r = ingest::read_bytes(short_text.build(), "pdf", "t.pdf", {});
    CHECK(std::holds_alternative<SourceDocument>(r));
}

TEST_CASE("pdf: a finding names its page and the line on the page in text, JSON and SARIF", "[layout][pdf][report]") {
    test::PdfWriter w;
    double y = header(w);
    y = body(w, y, "I. MỤC ĐÍCH, YÊU CẦU", false);
    y = body(w, y, "1. Mục đích", false);
    body(w, y, std::string(kLong) + ".");
    w.new_page();
    w.put(294, 805, "2", 12);
    y = body(w, 780, "1. Yêu cầu", false);  // a duplicate "1." on page 2, line 2
    body(w, y, std::string(kLong) + ".");
    auto book = rules::load_rulebook(test::source_dir() + "/rules");
    pipeline::Options opts;
    opts.check.today = {23, 11, 2026};
    auto res = pipeline::check_bytes(w.build(), "pdf", "plan.pdf", book, opts);
    const Diagnostic* dup = nullptr;
    for (const auto& d : res.diagnostics) {
        if (d.rule == "structure.numbering-duplicate") dup = &d;
        CHECK(d.page >= 1);  // every positioned finding of a PDF has its page
    }
    REQUIRE(dup);
    CHECK(dup->page == 2);
    CHECK(dup->page_line == 2);
    CHECK(dup->excerpt == "1. Yêu cầu");
    report::FileReport fr{"plan.pdf", "pdf", {*dup}};
    report::Options ro;
    ro.summary = false;
    std::ostringstream text, json, sarif;
    report::write_text(text, {fr}, ro);
    CHECK(text.str().find("(trang 2, dòng 2)") != std::string::npos);
    ro.lang = "en";
    std::ostringstream text_en;
    report::write_text(text_en, {fr}, ro);
    CHECK(text_en.str().find("(page 2, line 2)") != std::string::npos);
    report::write_json(json, {fr}, ro);
    CHECK(json.str().find("\"page\": 2") != std::string::npos);
    CHECK(json.str().find("\"page_line\": 2") != std::string::npos);
    report::write_sarif(sarif, {fr}, ro);
    CHECK(sarif.str().find("\"pageLine\": 2") != std::string::npos);
    std::ostringstream html, junit;
    ro.lang = "vi";
    report::write_html(html, {fr}, ro);
    CHECK(html.str().find("trang 2, dòng 2") != std::string::npos);
    report::write_junit(junit, {fr}, ro);
    CHECK(junit.str().find("(trang 2, dòng 2)") != std::string::npos);
    // Other formats carry no page.
    auto txt = pipeline::check_bytes("KẾ HOẠCH\n1. Một\n1. Hai\n", "txt", "t.txt", book, opts);
    for (const auto& d : txt.diagnostics) CHECK(d.page == 0);
}

TEST_CASE("pdf layout: footnotes and small notes under the signature are not the closing's last lines",
          "[layout][pdf]") {
    test::PdfWriter w;
    double y = header(w);
    y = body(w, y, std::string(kLong) + ".");
    w.put(70, 400, "Nơi nhận:", 11);
    w.put(330, 400, "KT. CHỦ TỊCH", 12);
    w.put(70, 387, "- Như trên;", 11);
    w.put(340, 387, "PHÓ CHỦ TỊCH", 12);
    w.put(70, 375, "- Lưu: VT.", 11);
    w.put(340, 320, "Lê Thị Bình", 12);
    // A note printed under the signature block, across both columns, smaller.
    w.put(150, 290, "Số điện thoại liên hệ của bộ phận thường trực phòng, chống thiên tai: 0200 111 222", 9);
    // A footnote at the bottom of the page: its mark, then its text.
    w.put(70, 80, "1", 7);
    w.put(80, 72, "Gồm các xã ven sông, các thị trấn và khu dân cư ở vùng trũng thấp của huyện.", 9);
    SourceDocument doc = read_pdf(w.build());
    auto a = pipeline::analyze(doc);
    const auto& c = a->model.outline.closing;
    CHECK(text_of(a->doc, c.authority) == "KT. CHỦ TỊCH");
    CHECK(text_of(a->doc, c.signer_name) == "Lê Thị Bình");
    CHECK(text_of(a->doc, c.archive) == "- Lưu: VT.");
    CHECK_FALSE(find_block(a->doc.blocks, "Số điện thoại liên hệ"));
    CHECK_FALSE(find_block(a->doc.blocks, "Gồm các xã ven sông"));
    const Block* note = find_block(a->doc.aside, "Gồm các xã ven sông");
    REQUIRE(note);
    CHECK(note->kind == BlockKind::Footnote);
    // Without its mark, small text at the bottom of a page is body text.
    test::PdfWriter plain;
    body(plain, 800, std::string(kLong) + ".");
    plain.put(70, 80, "Ghi chú: các xã ven sông báo cáo kết quả trước ngày 30 tháng 4.", 9);
    SourceDocument d2 = read_pdf(plain.build());
    layout::recover(d2);
    CHECK(find_block(d2.blocks, "Ghi chú: các xã ven sông"));
}

TEST_CASE("pdf layout: header columns printed on different baselines are still two columns", "[layout][pdf]") {
    test::PdfWriter w;
    w.put(70, 800, "ỦY BAN NHÂN DÂN", 12);
    w.put(80, 785, "HUYỆN SƠN LAM", 12);
    w.put(75, 762, "Số: 27/KH-UBND", 12);
    // The right column half a line lower than the left one.
    w.put(300, 793, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12);
    w.put(330, 778, "Độc lập - Tự do - Hạnh phúc", 12);
    w.put(310, 755, "Sơn Lam, ngày 5 tháng 3 năm 2026", 12);
    w.put(274, 725, "KẾ HOẠCH", 12);
    w.put(150, 710, "Phòng, chống thiên tai trên địa bàn huyện năm 2026", 12);
    body(w, 685, std::string(kLong) + ".");
    SourceDocument doc = read_pdf(w.build());
    for (const auto& b : doc.blocks) CHECK(b.locate(0).column == 1);  // one fragment per printed line
    auto a = pipeline::analyze(doc);
    const auto& h = a->model.outline.header;
    CHECK(text_of(a->doc, h.number) == "Số: 27/KH-UBND");
    CHECK(text_of(a->doc, h.place_date) == "Sơn Lam, ngày 5 tháng 3 năm 2026");
    CHECK(text_of(a->doc, h.national_title) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    CHECK(text_of(a->doc, h.motto) == "Độc lập - Tự do - Hạnh phúc");
    REQUIRE(h.agency.size() == 2);
    CHECK(a->doc.blocks[h.agency[1]].text == "HUYỆN SƠN LAM");
    CHECK(text_of(a->doc, h.doc_type) == "KẾ HOẠCH");
}

TEST_CASE("pdf: a superscript footnote mark stays in its line and paragraph", "[layout][pdf]") {
    test::PdfWriter w;
    w.put(94, 800, "Các xã, thị trấn gửi báo cáo về Phòng Nông nghiệp và Môi trường huyện", 12);
    w.put(70, 785, "(qua bộ phận thường trực", 12);
    w.put(70 + test::PdfWriter::width("(qua bộ phận thường trực", 12), 790, "1", 7);  // raised, small
    w.put(70 + test::PdfWriter::width("(qua bộ phận thường trực", 12) + 5, 785,
          ") trước ngày 30 tháng 4 để tổng hợp, báo cáo huyện.", 12);
    SourceDocument doc = read_pdf(w.build());
    uint32_t lines = 0;
    for (const auto& b : doc.blocks) lines = std::max(lines, b.line());
    CHECK(lines == 2);  // the mark is not a printed line of its own
    layout::recover(doc);
    REQUIRE(doc.blocks.size() == 1);
    CHECK(doc.blocks[0].text.find("thường trực1") != std::string::npos);
    CHECK(doc.blocks[0].text.find("huyện.") != std::string::npos);
}

TEST_CASE("pdf: a page printed turned is read, not set aside as a watermark", "[layout][pdf]") {
    test::PdfWriter w;
    double x = 60;
    for (const char* line : {"BẢNG TỔNG HỢP KẾT QUẢ RÀ SOÁT CÁC HỒ CHỨA NƯỚC",
                             "Hồ Khe Sâu thuộc xã Sơn Lâm đã được nạo vét lòng hồ và gia cố mái đập",
                             "Hồ Đồng Bể thuộc xã Sơn Thủy cần sửa chữa cống lấy nước trước mùa mưa"}) {
        w.put(x, 100, line, 12, true);
        x += 20;
    }
    SourceDocument doc = read_pdf(w.build());
    layout::recover(doc);
    CHECK(find_block(doc.blocks, "Hồ Khe Sâu"));
    CHECK(doc.aside.empty());
}

TEST_CASE("pdf: many stamp lines and tiny marks are read in bounded time", "[layout][pdf]") {
    test::PdfWriter w;
    for (int page = 0; page < 40; ++page) {
        if (page) w.new_page();
        for (int i = 0; i < 6; ++i) w.put(400, 836 - i * 5, "Email: so" + std::to_string(i) + "@example.vn", 4);
        for (int i = 0; i < 30; ++i) {
            std::string name(static_cast<size_t>((page + i) % 9 + 1), static_cast<char>('a' + (page * 3 + i) % 26));
            double y = 800 - i * 15;
            w.put(70, y, "Kế hoạch phòng, chống thiên tai của xã " + name + " trong năm tới", 12);
            for (int k = 0; k < 20; ++k) w.put(360 + k * 8, y + 4, "1", 3);  // tiny marks along the line
        }
    }
    auto r = ingest::read_bytes(w.build(), "pdf", "t.pdf", {});
    REQUIRE(std::holds_alternative<SourceDocument>(r));
    auto& doc = std::get<SourceDocument>(r);
    layout::recover(doc);
    CHECK(find_block(doc.blocks, "Kế hoạch phòng, chống thiên tai"));
    CHECK_FALSE(find_block(doc.blocks, "Email: so5@"));
}

TEST_CASE("pdf layout: tight column gaps and a date split by a wide space", "[layout][pdf]") {
    test::PdfWriter w;
    // The agency ends 14 pt (little more than a font height) before the national title.
    w.put(70, 800, "VĂN PHÒNG ỦY BAN NHÂN DÂN", 12);                     // 70 .. 220
    w.put(234, 800, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12);             // 234 .. 438
    w.put(270, 785, "Độc lập - Tự do - Hạnh phúc", 12);
    w.put(90, 762, "Số: 27/KH-VP", 12);
    // The day typed into a blank: "Sơn Lam, ngày 05" and "tháng 3 năm 2026" 14 pt apart.
    w.put(240, 762, "Sơn Lam, ngày 05", 12);
    w.put(240 + test::PdfWriter::width("Sơn Lam, ngày 05", 12) + 14, 762, "tháng 3 năm 2026", 12);
    w.put(274, 730, "KẾ HOẠCH", 12);
    w.put(150, 715, "Phòng, chống thiên tai trên địa bàn huyện năm 2026", 12);
    body(w, 690, std::string(kLong) + ".");
    auto a = pipeline::analyze(read_pdf(w.build()));
    const auto& h = a->model.outline.header;
    REQUIRE(h.agency.size() == 1);
    CHECK(a->doc.blocks[h.agency[0]].text == "VĂN PHÒNG ỦY BAN NHÂN DÂN");
    CHECK(text_of(a->doc, h.national_title) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    CHECK(text_of(a->doc, h.number) == "Số: 27/KH-VP");
    CHECK(text_of(a->doc, h.place_date) == "Sơn Lam, ngày 05 tháng 3 năm 2026");
}
