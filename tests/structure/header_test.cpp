// The header, title and closing the structure stage recognises.
#include <catch2/catch.hpp>

#include <filesystem>

#include "helpers.h"

using plancheck::test::analyze_text;
using namespace plancheck;

namespace {
uint32_t line_of(const pipeline::Analysis& a, std::optional<uint32_t> b) { return b ? a.doc.blocks[*b].line() : 0; }
}  // namespace

TEST_CASE("header: the summary line may open with 'Triển khai' (regression: taken for a legal basis)") {
    auto a = analyze_text(
        "Số: /KH-STNMT\nKhánh Hòa, ngày   tháng 12 năm 2021\nKẾ HOẠCH\n"
        "Triển khai Quyết định số 1676/QĐ-TTg ngày 21/11/2019 của Thủ tướng Chính phủ\n"
        "Căn cứ Nghị quyết số 125/NQ-CP ngày 08 tháng 10 năm 2018 của Chính phủ;\nI. MỤC TIÊU\n");
    const Outline& o = a->model.outline;
    REQUIRE(o.header.title.size() == 1);
    CHECK(a->doc.blocks[o.header.title[0]].line() == 4);
    REQUIRE(o.bases.size() == 1);
    CHECK(a->doc.blocks[o.bases[0].block].line() == 5);
}

TEST_CASE("header: a number whose 12th byte splits a letter is still the number (regression: 'LĐTBXH')") {
    auto a = analyze_text("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 529/LĐTBXH-BHXH\nV/v giới thiệu văn bản\n"
                          "Hà Nội, ngày 11 tháng 02 năm 2015\nKính gửi: Bộ Tư pháp\n");
    CHECK(line_of(*a, a->model.outline.header.number) == 2);
    CHECK(a->model.outline.kind == DocKind::Letter);
}

TEST_CASE("header: without a type name, body lines are not header fields") {
    auto a = analyze_text("I. MỤC TIÊU\n1. Theo Kế hoạch ngày 07 tháng 6 năm 2021, 90% đơn vị tổ chức hội nghị.\n");
    CHECK_FALSE(a->model.outline.header.place_date);
    CHECK(a->model.outline.body_begin == 0);
}

TEST_CASE("header: place and date in the slash form, and with the place left out above the type name") {
    auto a = analyze_text("Số: 05/KH-UBND\nHà Nội, ngày 12/3/2023\nKẾ HOẠCH\nTuyên truyền\n");
    CHECK(line_of(*a, a->model.outline.header.place_date) == 2);
    auto b = analyze_text("Số: 05/KH-UBND\nngày 05 tháng 3 năm 2021\nKẾ HOẠCH\nTuyên truyền\n");
    CHECK(line_of(*b, b->model.outline.header.place_date) == 2);
}

TEST_CASE("header: a full Decree 30 header") {
    auto a = analyze_text(
        "UBND TỈNH KHÁNH HÒA\nSỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 05/KH-STNMT\nKhánh Hòa, ngày 05 tháng 3 năm 2021\nKẾ HOẠCH\n"
        "Tuyên truyền bảo hiểm xã hội năm 2021\nI. MỤC TIÊU\nNội dung.\nNơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\n"
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn An\n");
    const Outline& o = a->model.outline;
    CHECK(o.header.agency.size() == 2);
    CHECK(line_of(*a, o.header.national_title) == 3);
    CHECK(line_of(*a, o.header.motto) == 4);
    CHECK(line_of(*a, o.header.number) == 5);
    CHECK(line_of(*a, o.header.place_date) == 6);
    CHECK(o.kind == DocKind::Plan);
    CHECK(line_of(*a, o.closing.recipients) == 11);
    CHECK(line_of(*a, o.closing.archive) == 13);
    CHECK(line_of(*a, o.closing.authority) == 14);
    CHECK(line_of(*a, o.closing.signer_name) == 16);
    CHECK(a->model.issue_date == Date{5, 3, 2021});
}

TEST_CASE("header: two columns merged into one line per row (Word export)") {
    auto a = analyze_text(
        "UBND TỈNH KHÁNH HÒA\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/KH-STNMT\tKhánh Hòa, ngày 05 tháng 3 năm 2021\nKẾ HOẠCH\nTuyên truyền năm 2021\nI. MỤC TIÊU\n");
    const HeaderInfo& h = a->model.outline.header;
    CHECK(h.agency.size() == 2);  // the superior body and the department
    CHECK(line_of(*a, h.national_title) == 1);
    CHECK(line_of(*a, h.motto) == 2);
    CHECK(line_of(*a, h.number) == 3);
    CHECK(line_of(*a, h.place_date) == 3);
    CHECK(a->model.issue_date == Date{5, 3, 2021});
}

TEST_CASE("header: the national title typed on two lines is not an issuing body") {
    auto a = analyze_text("UBND TỈNH KHÁNH HÒA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                          "Số: 12/KH-UBND\nKẾ HOẠCH\nTuyên truyền năm 2021\n");
    const HeaderInfo& h = a->model.outline.header;
    REQUIRE(h.agency.size() == 1);
    CHECK(line_of(*a, h.agency[0]) == 1);
    CHECK(line_of(*a, h.national_title) == 2);
}

TEST_CASE("header: 'Kính gửi' ends the title (regression: the body's first paragraph read as the title)") {
    auto a = analyze_text(
        "UBND TỈNH AN PHÚ\nSỞ NỘI VỤ\nSố: 12/TTr-SNV\nAn Phú, ngày 5 tháng 3 năm 2026\nTỜ TRÌNH\n"
        "Về việc giải thể Hội nuôi ong huyện Tân Lập\nKính gửi: Chủ tịch Ủy ban nhân dân tỉnh\n"
        "Ngày 02/3/2026, Sở Nội vụ nhận được văn bản của Hội nuôi ong đề nghị giải thể hội.\n"
        "Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định.\n");
    const auto& h = a->model.outline.header;
    REQUIRE(h.title.size() == 1);
    CHECK(line_of(*a, h.title[0]) == 6);
    CHECK(line_of(*a, h.addressee) == 7);
}

TEST_CASE("header: a rule read onto the title's last line ends the title (regression: PDF line joined with '-----')") {
    auto a = analyze_text(
        "UBND TỈNH AN PHÚ\nHỘI NUÔI ONG\nSố: 3/BC-HNO\nAn Phú, ngày 5 tháng 3 năm 2026\nBÁO CÁO\n"
        "KẾT QUẢ HOẠT ĐỘNG CỦA BAN CHẤP HÀNH\nNhiệm kỳ II (2021-2026) ----------\n"
        "Đại hội lần thứ II của Hội nuôi ong vào ngày 10 tháng 5 năm 2021 đã bầu Ban Chấp hành gồm 9 người.\n");
    const auto& h = a->model.outline.header;
    REQUIRE(h.title.size() == 2);
    CHECK(line_of(*a, h.title[1]) == 7);
}

// The batch's index of plans reads every file's header with build_header alone
// (no sections): it must find the same kind and header as the full outline.
TEST_CASE("header: build_header finds the kind and header build_outline finds, on every corpus document") {
    namespace fs = std::filesystem;
    size_t seen = 0;
    for (const auto& e : fs::recursive_directory_iterator(plancheck::test::source_dir() + "/corpus")) {
        auto ext = e.path().extension().string();
        if (!e.is_regular_file() || (ext != ".txt" && ext != ".md" && ext != ".html" && ext != ".docx")) continue;
        auto r = plancheck::ingest::read_file(e.path().string(), {});
        auto* doc = std::get_if<plancheck::SourceDocument>(&r);
        if (!doc) continue;
        auto full = plancheck::pipeline::analyze(plancheck::SourceDocument(*doc));
        auto head = plancheck::pipeline::analyze_header(std::move(*doc));
        INFO(e.path().string());
        const auto& a = full->model.outline;
        const auto& b = head->model.outline;
        CHECK(a.kind == b.kind);
        CHECK(a.doc_class == b.doc_class);
        CHECK(a.header.agency == b.header.agency);
        CHECK(a.header.number == b.header.number);
        CHECK(a.header.place_date == b.header.place_date);
        CHECK(a.header.title == b.header.title);
        CHECK(a.header.doc_type == b.header.doc_type);
        ++seen;
    }
    CHECK(seen > 100);
}
