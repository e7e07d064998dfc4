// Unit tests of the plain-text layout pass (checker/layout/text_layout.h):
// each heuristic, the cases it must join or split, and the cases it must not.
#include <catch2/catch.hpp>

#include <deque>

#include <filesystem>
#include <set>

#include "core/utf8.h"
#include "helpers.h"
#include "ingest/ingest.h"
#include "layout/layout.h"
#include "layout/text_layout.h"

namespace fs = std::filesystem;
using namespace plancheck;
using namespace plancheck::layout;

namespace {

SourceDocument ingest_txt(const std::string& text) {
    auto r = ingest::read_text(text, "t.txt", {});
    return std::get<SourceDocument>(r);
}

SourceDocument recovered(const std::string& text) {
    SourceDocument d = ingest_txt(text);
    recover_text(d);
    return d;
}

// Block texts with '\n' shown as '|'.
std::vector<std::string> texts(const SourceDocument& d) {
    std::vector<std::string> out;
    for (const auto& b : d.blocks) {
        std::string t = b.text;
        for (auto& c : t)
            if (c == '\n') c = '|';
        out.push_back(t);
    }
    return out;
}

// A paragraph of `n` words, wrapped at `width` columns.
std::string wrapped_paragraph(const std::string& first, size_t width, size_t lines) {
    static const char* words[] = {"tuyên", "truyền", "chính", "sách", "bảo", "hiểm", "xã", "hội", "cho", "người",
                                  "lao", "động", "trong", "cơ", "quan", "đơn", "vị", "trên", "địa", "bàn"};
    std::string out, cur = first;
    size_t k = 0, done = 0;
    while (done < lines) {
        std::string w = words[k++ % 20];
        if (utf8::count(cur) + 1 + utf8::count(w) > width) {
            out += cur + "\n";
            cur = w;
            ++done;
        } else {
            cur += " " + w;
        }
    }
    return out;
}

// Physical line `n` (1-based) of `text`.
std::string forms_line(const std::string& text, int n) {
    size_t i = 0;
    for (int k = 1; k < n; ++k) i = text.find('\n', i) + 1;
    return text.substr(i, text.find('\n', i) - i);
}

// A piece views its text (in a document, its line's block): the test's texts
// are kept here for the life of the test program.
text::Piece piece(const std::string& t, uint32_t line, uint32_t col = 1) {
    static std::deque<std::string> texts;
    texts.push_back(t);
    text::Piece p;
    p.line = line;
    p.col = col;
    p.text = texts.back();
    p.width = static_cast<uint32_t>(utf8::count(t));
    return p;
}

}  // namespace

TEST_CASE("text layout: a file with one paragraph per line comes out unchanged", "[layout][text]") {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(test::source_dir() + "/corpus/plans"))
        if (e.path().extension() == ".txt") files.push_back(e.path().string());
    std::error_code ec;
    fs::path seeds = fs::path(test::shared_dir()) / "seeds";
    if (fs::is_directory(seeds, ec))
        for (const auto& e : fs::directory_iterator(seeds, ec)) files.push_back(e.path().string());
    fs::path repro = fs::path(test::shared_dir()) / "repro";
    if (fs::is_directory(repro, ec))
        for (const auto& e : fs::directory_iterator(repro, ec))
            if (e.path().extension() == ".txt") files.push_back(e.path().string());
    REQUIRE(files.size() >= 20);
    for (const auto& f : files) {
        SourceDocument before = ingest_txt(test::slurp(f));
        SourceDocument after = before;
        recover_text(after);
        INFO(f);
        REQUIRE(after.blocks.size() == before.blocks.size());
        for (size_t i = 0; i < before.blocks.size(); ++i) {
            CHECK(after.blocks[i].text == before.blocks[i].text);
            CHECK(after.blocks[i].original() == before.blocks[i].original());
            CHECK(after.blocks[i].line() == before.blocks[i].line());
            CHECK(after.blocks[i].anchors.size() == before.blocks[i].anchors.size());
        }
        CHECK(after.aside.size() == before.aside.size());
    }
}

TEST_CASE("text layout: literal \\r\\n sequences are line breaks at their original columns", "[layout][text]") {
    auto d = recovered("KẾ HOẠCH\\r\\nTriển khai công tác năm 2024\\r\\n\\r\\nI. MỤC TIÊU\n");
    REQUIRE(texts(d) == std::vector<std::string>{"KẾ HOẠCH", "Triển khai công tác năm 2024", "I. MỤC TIÊU"});
    CHECK(d.blocks[0].locate(0) == Pos{1, 1});
    CHECK(d.blocks[1].locate(0) == Pos{1, 13});  // after "KẾ HOẠCH\r\n" (8 + 4 code points)
    CHECK(d.blocks[2].locate(0) == Pos{1, 49});  // 13 + 28 + two breaks
    CHECK(d.blocks[2].locate(3) == Pos{1, 52});
    // The excerpt is still the physical line.
    CHECK(d.blocks[1].source_line(1).find("KẾ HOẠCH\\r\\n") == 0);
}

TEST_CASE("text layout: a lone literal \\n needs company", "[layout][text]") {
    // One "\n" in a file is more likely a path than a line break.
    auto one = recovered("Lưu tại thư mục D:\\newfolder của Văn phòng\n");
    CHECK(one.blocks.size() == 1);
    auto many = recovered("Dòng một\\nDòng hai\\nDòng ba\n");
    CHECK(texts(many) == std::vector<std::string>{"Dòng một", "Dòng hai", "Dòng ba"});
}

TEST_CASE("text layout: table border lines are dropped and cell bars split cells", "[layout][text]") {
    CHECK(text::is_border_line("|"));
    CHECK(text::is_border_line("+------+------+"));
    CHECK(text::is_border_line("│ │"));
    CHECK_FALSE(text::is_border_line("-------"));  // the rule under the agency: kept
    CHECK_FALSE(text::is_border_line("- Như trên;"));
    CHECK_FALSE(text::is_border_line("+"));
    auto d = recovered("| Số: 12/KH-UBND | Hà Nội, ngày 3 tháng 4 năm 2024 |\n|\nKẾ HOẠCH\n");
    REQUIRE(texts(d) == std::vector<std::string>{"Số: 12/KH-UBND", "Hà Nội, ngày 3 tháng 4 năm 2024", "KẾ HOẠCH"});
    CHECK(d.blocks[1].locate(0) == Pos{1, 20});
    CHECK(d.blocks[2].line() == 3);
    // A bar inside a word is text.
    auto w = recovered("Tỷ lệ A|B đạt yêu cầu\n");
    CHECK(w.blocks.size() == 1);
}

TEST_CASE("text layout: cells cut at bars carry their table, row and column", "[layout][text]") {
    auto d = recovered("Kết quả như sau:\n"
                       "+-----+--------+------+\n"
                       "| STT | Đơn vị | Số người |\n"
                       "+-----+--------+------+\n"
                       "| 1   | Xã A   | 120  |\n"
                       "|     | Tổng   | 200  |\n"
                       "\n"
                       "| Nam | Nữ |\n"
                       "Hết.\n"
                       "| Hai | Ba |\n");
    auto cell = [&](std::string_view t) {
        for (const auto& b : d.blocks)
            if (b.text == t) return std::vector<uint32_t>{b.cell->table, b.cell->row, b.cell->column};
        FAIL("no block " << t);
        return std::vector<uint32_t>{};
    };
    CHECK(cell("Kết quả như sau:") == std::vector<uint32_t>{0, 0, 0});
    CHECK(cell("STT") == std::vector<uint32_t>{1, 0, 0});
    CHECK(cell("Số người") == std::vector<uint32_t>{1, 0, 2});
    CHECK(cell("120") == std::vector<uint32_t>{1, 1, 2});
    // The empty rank cell keeps "Tổng" in the second column; border lines do not end the table.
    CHECK(cell("Tổng") == std::vector<uint32_t>{1, 2, 1});
    CHECK(cell("200") == std::vector<uint32_t>{1, 2, 2});
    // A blank line or a line of text ends a table.
    CHECK(cell("Nữ") == std::vector<uint32_t>{2, 0, 1});
    CHECK(cell("Hai") == std::vector<uint32_t>{3, 0, 0});
    // Positions are those of the cells' own text.
    for (const auto& b : d.blocks)
        if (b.text == "200") CHECK(b.locate(0) == Pos{6, 18});
}

TEST_CASE("text layout: two header columns on one line are split, left column first", "[layout][text]") {
    auto d = recovered(
        "UBND TỈNH BẮC NGUYÊN       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ Y TẾ                          Độc lập - Tự do - Hạnh phúc\n"
        "Số: 12/KH-SYT          Bắc Nguyên, ngày 3 tháng 4 năm 2024\n"
        "\n"
        "KẾ HOẠCH\n");
    REQUIRE(texts(d) == std::vector<std::string>{"UBND TỈNH BẮC NGUYÊN", "SỞ Y TẾ", "Số: 12/KH-SYT",
                                                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                                 "Bắc Nguyên, ngày 3 tháng 4 năm 2024", "KẾ HOẠCH"});
    CHECK(d.blocks[3].locate(0) == Pos{1, 28});
    CHECK(d.blocks[5].locate(0) == Pos{3, 24});
    CHECK(d.blocks[5].source_line(3).find("Số: 12/KH-SYT") == 0);
    // Tabs separate columns too.
    auto t = recovered("UBND TỈNH BẮC NGUYÊN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKẾ HOẠCH\n");
    CHECK(texts(t).size() == 3);
}

TEST_CASE("text layout: gaps that are not columns stay", "[layout][text]") {
    // A blank left for the number, a blank day, a label and its value.
    CHECK(text::column_gap("Số: 329      /BC-UBND") == std::string::npos);
    CHECK(text::column_gap("Lâm Đồng, ngày      tháng 12 năm 2025") == std::string::npos);
    CHECK(text::column_gap("Kính gửi:      Ủy ban nhân dân tỉnh") == std::string::npos);
    CHECK(text::column_gap("V/v     Góp ý dự thảo") == std::string::npos);
    CHECK(text::column_gap("Số: 329      /BC-UBND        Lâm Đồng, ngày 19 tháng 12") != std::string::npos);
    CHECK(text::column_gap("Nơi nhận:        KT. GIÁM ĐỐC") != std::string::npos);
    // In the body, runs of spaces are left alone (no column split there).
    auto d = recovered("KẾ HOẠCH\nNội dung gồm:      Tuyên truyền và vận động.\n");
    CHECK(texts(d) == std::vector<std::string>{"KẾ HOẠCH", "Nội dung gồm:      Tuyên truyền và vận động."});
}

TEST_CASE("text layout: the closing's two columns: recipients, then the signer", "[layout][text]") {
    std::string body;
    for (int i = 0; i < 3; ++i) body += "Nội dung thứ " + std::to_string(i) + " của kế hoạch được triển khai.\n";
    auto d = recovered("KẾ HOẠCH\n" + body +
                       "Nơi nhận:                                   KT. GIÁM ĐỐC\n"
                       "- UBND tỉnh;                                PHÓ GIÁM ĐỐC\n"
                       "- Lưu: VT.\n"
                       "\n"
                       "                                            Trần Văn Bình\n"
                       "PHỤ LỤC\n");
    auto t = texts(d);
    REQUIRE(t.size() == 11);
    CHECK(std::vector<std::string>(t.begin() + 4, t.end()) ==
          std::vector<std::string>{"Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
                                   "Trần Văn Bình", "PHỤ LỤC"});
}

TEST_CASE("text layout: header fields broken over lines are rebuilt", "[layout][text]") {
    CHECK(text::header_fragments("CỘNG", "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    CHECK(text::header_fragments("CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM"));
    CHECK(text::header_fragments("Độc lập - Tự do -", "Hạnh phúc"));
    CHECK(text::header_fragments("ĐẢNG CỘNG SẢN", "VIỆT NAM"));
    CHECK(text::header_fragments("Sơn", "La, ngày 11 tháng 3"));
    CHECK(text::header_fragments("Sơn La, ngày 11 tháng 3", "năm 2020"));
    CHECK(text::header_fragments("Số:", "15/QĐ-UBND"));
    CHECK(text::header_fragments("ỦY", "BAN NHÂN DÂN"));
    CHECK_FALSE(text::header_fragments("SỞ Y TẾ", "PHÒNG TỔ CHỨC"));
    CHECK(text::header_fragments("Số: 95", "/TTr-SNV"));
    CHECK(text::header_fragments("Lâm Đồng, ngày", "23 tháng"));
    CHECK_FALSE(text::header_fragments("Số: 95/TTr-SNV", "/QĐ-UBND"));
    // Not fragments: two fields, an agency and a title, a complete date.
    CHECK_FALSE(text::header_fragments("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"));
    CHECK_FALSE(text::header_fragments("TỈNH SƠN LA", "CỘNG"));
    CHECK_FALSE(text::header_fragments("ỦY BAN NHÂN DÂN", "TỈNH SƠN LA"));
    CHECK_FALSE(text::header_fragments("Sơn La, ngày 11 tháng 3 năm 2020", "Số: 15/QĐ-UBND"));
    CHECK_FALSE(text::header_fragments("Số: 15/QĐ-UBND", "Sơn"));
    auto d = recovered(
        "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do -\nHạnh phúc\n"
        "|\nSố: 15/QĐ-UBND\n|\nSơn\nLa, ngày 11 tháng 3\nnăm 2020\n|\nQUYẾT ĐỊNH\nCăn cứ Luật Tổ chức chính quyền địa "
        "phương;\n");
    CHECK(texts(d) == std::vector<std::string>{"ỦY BAN NHÂN DÂN", "TỈNH SƠN LA", "-------",
                                               "CỘNG|HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do -|Hạnh phúc",
                                               "Số: 15/QĐ-UBND", "Sơn|La, ngày 11 tháng 3|năm 2020", "QUYẾT ĐỊNH",
                                               "Căn cứ Luật Tổ chức chính quyền địa phương;"});
    CHECK(d.blocks[6].locate(0) == Pos{12, 1});
    CHECK(d.blocks[6].locate(d.blocks[6].text.find("năm")) == Pos{14, 1});
    CHECK(d.blocks[6].source_line(13) == "La, ngày 11 tháng 3");
    // A PDF's text: the stamped number, a blank line, its symbol; the date in pieces.
    auto p = recovered("ỦY BAN NHÂN DÂN\nTỈNH BẮC NGUYÊN\nSố: 77\n\n/QĐ-UBND\n\nBắc Nguyên, ngày\n\n23 tháng\n\n"
                       "3 năm 2022\nQUYẾT ĐỊNH\n");
    CHECK(texts(p) == std::vector<std::string>{"ỦY BAN NHÂN DÂN", "TỈNH BẮC NGUYÊN", "Số: 77|/QĐ-UBND",
                                               "Bắc Nguyên, ngày|23 tháng|3 năm 2022", "QUYẾT ĐỊNH"});
}

TEST_CASE("text layout: wrap width from the file's own line lengths", "[layout][text]") {
    std::vector<text::Piece> ps;
    uint32_t line = 1;
    for (int p = 0; p < 6; ++p) {
        std::string para = wrapped_paragraph("Mục " + std::to_string(p) + " kế hoạch", 64, 4);
        size_t i = 0;
        while (i < para.size()) {
            size_t e = para.find('\n', i);
            ps.push_back(piece(para.substr(i, e - i), line++));
            i = e + 1;
        }
    }
    auto st = text::wrap_stats(ps);
    CHECK(st.wrapped);
    CHECK(st.width >= 60);
    CHECK(st.width <= 64);
    // One paragraph per line, lengths all over the place: not wrapped.
    std::vector<text::Piece> normal;
    for (uint32_t k = 0; k < 30; ++k)
        normal.push_back(piece("A" + std::string(20 + (k * 37) % 300, 'a') + ".", k + 1));
    CHECK_FALSE(text::wrap_stats(normal).wrapped);
}

TEST_CASE("text layout: hard-wrapped paragraphs are joined, with one anchor per line", "[layout][text]") {
    std::string text = "KẾ HOẠCH\n";
    text += wrapped_paragraph("Sở Y tế xây dựng kế hoạch", 70, 3);
    text += "đến năm 2025.\n";
    text += wrapped_paragraph("1. Mục tiêu của", 70, 2);
    text += "cơ quan.\n";
    text += wrapped_paragraph("Căn cứ tình hình", 70, 2);
    text += "thực tế.\n";
    auto d = recovered(text);
    auto t = texts(d);
    REQUIRE(t.size() == 4);
    CHECK(t[1].rfind("Sở Y tế", 0) == 0);
    CHECK(std::count(t[1].begin(), t[1].end(), '|') == 3);
    CHECK(t[2].rfind("1. Mục tiêu", 0) == 0);
    CHECK(t[3].rfind("Căn cứ", 0) == 0);
    const Block& b = d.blocks[1];
    REQUIRE(b.anchors.size() == 4);
    CHECK(b.anchors[2].line == 4);
    CHECK(b.anchors[2].column == 1);
    CHECK(b.source_line(3) == forms_line(text, 3));
    CHECK(b.locate(b.text.find("đến năm 2025")) == Pos{5, 1});
}

TEST_CASE("text layout: lines that start a block are never joined to the line before", "[layout][text]") {
    for (const char* s : {"I. MỤC TIÊU", "2. Nội dung", "2.1. Tuyên truyền", "175. Kết quả tại huyện", "a) Đối tượng", "đ) Kinh phí", "- Như trên;",
                          "+ Cán bộ", "Điều 2. Hiệu lực", "Căn cứ Luật Ban hành", "Thực hiện Kế hoạch số 12",
                          "Số: 12/KH-UBND", "Hà Nội, ngày 3 tháng 4 năm 2024", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                          "KẾ HOẠCH", "GIÁM ĐỐC", "KT. CHỦ TỊCH", "Nơi nhận:", "Kính gửi: Sở Y tế", "(Đã ký)"})
        CHECK(text::starts_block(s));
    for (const char* s : {"chính sách bảo hiểm xã hội", "Hội Công chứng viên tỉnh", "2025 -2030 là có cơ sở",
                          "2024. Kết quả", "48.209 người, tăng", "1.000 người", "căn cứ quy định", "thực hiện Nghị quyết", "BHXH."})
        CHECK_FALSE(text::starts_block(s));
}

TEST_CASE("text layout: when a wrapped line goes on and when it does not", "[layout][text]") {
    text::WrapStats st;
    st.wrapped = true;
    st.width = 80;
    auto prev = piece("Sở Tư pháp nhận được Tờ trình số 59/TTr-HCCV ngày 28/11/2025 của Hội Công", 10);
    auto go = [&](const text::Piece& a, const std::string& next, uint32_t col = 1) {
        auto b = piece(next, a.line + 1, col);
        return text::continues(a, a, b, st);
    };
    CHECK(go(prev, "chứng viên tỉnh về việc tổ chức Đại hội."));     // lower-case start
    CHECK(go(prev, "Đồng, Bình Thuận và tỉnh Đắk Nông (cũ) như sau:"));  // mid-sentence, upper case
    CHECK_FALSE(go(prev, "1. Cơ sở pháp lý"));                       // a numbered item
    CHECK_FALSE(go(prev, "chứng viên tỉnh", 8));                      // indented: a new paragraph
    // A full stop near the margin, then an upper-case word: a new sentence may
    // be a new paragraph: not joined (unless the file sets paragraphs off by
    // blank lines, or the paragraph's first line is indented and this one is not).
    auto full = piece("Sở Tư pháp nhận được Tờ trình số 59/TTr-HCCV ngày 28/11/2025 của Hội Công.", 10);
    CHECK_FALSE(go(full, "Trên cơ sở hồ sơ đề nghị của Hội, Sở Tư pháp báo cáo."));
    auto indented = piece(std::string(full.text), 10, 6);
    CHECK(text::continues(indented, indented, piece("Trên cơ sở hồ sơ đề nghị, Sở Tư pháp báo cáo.", 11, 1), st));
    st.blank_paragraphs = true;
    CHECK(go(full, "Trên cơ sở hồ sơ đề nghị của Hội, Sở Tư pháp báo cáo."));
    st.blank_paragraphs = false;
    // A short line ends its paragraph.
    CHECK_FALSE(go(piece("Sở Tư pháp nhận được Tờ trình", 10), "Hội Công chứng viên tỉnh."));
    // ... but a line starting in lower case goes on, wherever the line before
    // ended (a web page breaks a paragraph's first line after a few words),
    // unless the line before ends a sentence.
    CHECK(go(piece("Căn cứ Luật Tổ chức chính quyền địa", 10), "phương năm 2015;"));
    CHECK_FALSE(go(piece("Thành phần gồm:", 10), "đại diện Sở Y tế;"));
    CHECK_FALSE(go(piece("Xét đề nghị của Giám đốc", 10), "Sở Nội vụ tỉnh,"));
    CHECK_FALSE(go(piece("Tự BNV Điều Điểm", 10), "đánh đánh tra"));  // scraps of table cells
    // A short upper-case word split off its line.
    CHECK(go(piece("VỀ", 10), "VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC"));
    CHECK_FALSE(go(piece("II", 10), "NỘI DUNG"));
    CHECK_FALSE(go(piece("KẾ HOẠCH", 10), "TUYÊN TRUYỀN"));
    // A blank line ends a paragraph.
    auto after_blank = piece("chứng viên tỉnh", 12);
    after_blank.hard_before = true;
    CHECK_FALSE(text::continues(prev, prev, after_blank, st));
    // ... but not a page break (page number between).
    after_blank.page_before = true;
    CHECK(text::continues(prev, prev, after_blank, st));
    // Not in a file that is not wrapped.
    st.wrapped = false;
    CHECK_FALSE(go(prev, "chứng viên tỉnh về việc tổ chức Đại hội."));
}

TEST_CASE("text layout: page numbers of a wrapped file are set aside, the paragraph goes on", "[layout][text]") {
    CHECK(text::is_page_number("2"));
    CHECK(text::is_page_number("- 3 -"));
    CHECK(text::is_page_number("Trang 4"));
    CHECK_FALSE(text::is_page_number("2025"));
    CHECK_FALSE(text::is_page_number("2. Nội dung"));
    std::string text = "KẾ HOẠCH\n";
    text += wrapped_paragraph("Sở Y tế xây dựng kế hoạch", 70, 3);
    text += "\n                                2\n\n";
    text += wrapped_paragraph("chính sách trong", 70, 2);
    text += "đến năm 2025.\n";
    text += wrapped_paragraph("Sở Nội vụ tổng hợp", 70, 2) + "xong.\n";
    auto d = recovered(text);
    REQUIRE(d.aside.size() == 1);
    CHECK(d.aside[0].text == "2");
    CHECK(d.aside[0].kind == BlockKind::PageHeader);
    CHECK(d.aside[0].line() == 6);
    auto t = texts(d);
    REQUIRE(t.size() == 3);
    CHECK(std::count(t[1].begin(), t[1].end(), '|') == 5);
    CHECK(d.blocks[1].source_line(6).find('2') != std::string::npos);
    // In a file that is not wrapped, a lone number stays a block.
    auto n = recovered("KẾ HOẠCH\n\n2\n\nNội dung.\n");
    CHECK(n.aside.empty());
    CHECK(n.blocks.size() == 3);
}

TEST_CASE("text layout: a footnote printed after the signer is set aside", "[layout][text]") {
    const std::string closing = "KẾ HOẠCH\nNội dung.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTrần Văn Bình\n\n";
    auto d = recovered(closing + "1 Gồm: Sở Tài chính, Sở Nội vụ và Văn phòng UBND tỉnh.\n");
    REQUIRE(d.aside.size() == 1);
    CHECK(d.aside[0].kind == BlockKind::Footnote);
    CHECK(d.aside[0].line() == 11);
    CHECK(d.blocks.back().text == "Trần Văn Bình");
    // Not an appendix, nor a numbered item.
    auto appendix = recovered(closing + "PHỤ LỤC\n1 Sở Tài chính\n");
    CHECK(appendix.aside.empty());
    auto item = recovered(closing + "1. Sở Tài chính\n");
    CHECK(item.aside.empty());
}

TEST_CASE("text layout: a word broken at its hyphen or slash is glued back", "[layout][text]") {
    auto d = recovered(
        "KẾ HOẠCH\n"
        "Sở Y tế tổ chức tuyên truyền chính sách bảo hiểm xã hội cho các đối\n"
        "tượng trên địa bàn tỉnh trong giai đoạn 2025-\n"
        "2030 theo đúng tinh thần chỉ đạo của Thủ tướng tại Quyết định số 1676/QĐ-\n"
        "TTg và hướng dẫn của cơ quan bảo hiểm xã hội cấp trên trong từng năm.\n"
        "Sở Nội vụ tổng hợp kết quả thực hiện theo đúng thời hạn quy định chung\n"
        "của tỉnh.\n"
        "Các phòng, đơn vị thuộc Sở phối hợp thực hiện đầy đủ các nội dung kế\n"
        "hoạch.\n");
    auto t = texts(d);
    REQUIRE(t.size() == 5);
    CHECK(t[1].substr(t[1].size() - 5) == "2025-");  // a short line ends its paragraph, hyphen or not
    CHECK(t[2].find("1676/QĐ-TTg và") != std::string::npos);
    CHECK(d.blocks[2].locate(t[2].find("TTg")) == Pos{5, 1});
    CHECK(d.blocks[2].locate(t[2].find("TTg") - 1) == Pos{4, 73});  // the hyphen
}

TEST_CASE("text layout: rules see the document, not its wrapping", "[layout][text]") {
    // A sentence wrapped after "của" is not a truncated sentence; a word
    // repeated across the break is still a repeated phrase, at its line.
    std::string text =
        "KẾ HOẠCH\n"
        "Tuyên truyền chính sách bảo hiểm xã hội năm 2024\n"
        "Sở Y tế xây dựng kế hoạch tuyên truyền chính sách bảo hiểm xã hội cho\n"
        "người lao động trong các cơ quan, đơn vị trên địa bàn tỉnh, gắn với\n"
        "quyền lợi cụ thể khi ốm đau, thai sản và nghỉ hưu của người lao động của\n"
        "của các cơ quan trên địa bàn tỉnh trong năm 2024.\n"
        "1. Tổ chức hội nghị phổ biến chính sách mới cho cán bộ, công chức của\n"
        "các phòng, đơn vị thuộc Sở.\n"
        "2. Đăng tải tin bài tuyên truyền trên cổng thông tin điện tử của Sở và\n"
        "mạng xã hội.\n"
        "3. Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng\n"
        "12 hằng năm.\n";
    auto book = rules::load_rulebook(test::source_dir() + "/rules");
    pipeline::Options o;
    o.check.today = {23, 11, 2026};
    auto r = pipeline::check_bytes(text, "txt", "t.txt", book, o);
    bool truncated = false;
    std::vector<uint32_t> repeated;
    for (const auto& d : r.diagnostics) {
        truncated |= d.rule == "text.truncated";
        if (d.rule == "text.repeated-phrase") repeated.push_back(d.line);
    }
    CHECK_FALSE(truncated);
    CHECK(repeated == std::vector<uint32_t>{6});  // the second "của", at the start of line 6
}

TEST_CASE("text layout: a decision copied from a legal-database page reads as laid out normally", "[layout][text]") {
    // The page's layout: "ỦY" / "BAN NHÂN DÂN", cell bars, the national title,
    // number and place-date broken in their cells, the title's first word split
    // off, paragraphs broken after a few words, no blank line.
    const std::string web =
        "ỦY\n"
        "BAN NHÂN DÂN\n"
        "TỈNH BẮC NGUYÊN\n"
        "-------\n"
        "|\n"
        "CỘNG\n"
        "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "---------------\n"
        "|\n"
        "Số:\n"
        "215/QĐ-UBND\n"
        "|\n"
        "Tân\n"
        "An, ngày 14 tháng 3\n"
        "năm 2023\n"
        "|\n"
        "QUYẾT ĐỊNH\n"
        "VỀ\n"
        "VIỆC BAN HÀNH KẾ HOẠCH TUYÊN TRUYỀN CHÍNH SÁCH BẢO HIỂM XÃ HỘI TRÊN ĐỊA BÀN TỈNH\n"
        "BẮC NGUYÊN\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n"
        "Căn cứ Luật Tổ chức chính quyền địa\n"
        "phương năm 2015;\n"
        "Căn cứ Quyết định số\n"
        "1676/QĐ-TTg ngày 21/11/2019 của Thủ tướng Chính phủ phê duyệt Đề án đổi mới toàn diện\n"
        "nội dung, hình thức và phương pháp tuyên truyền bảo hiểm xã hội;\n"
        "Theo đề nghị tại Tờ trình số\n"
        "35/TTr-SLĐTBXH ngày 02/3/2023 của Giám đốc Sở Lao động - Thương binh và Xã hội,\n"
        "QUYẾT ĐỊNH:\n"
        "Điều 1. Ban\n"
        "hành kèm theo Quyết định này Kế hoạch tuyên truyền chính sách bảo hiểm xã hội trên địa\n"
        "bàn tỉnh Bắc Nguyên.\n"
        "Điều 2. Quyết định này có hiệu lực từ ngày ký ban hành.\n"
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các sở, ban,\n"
        "ngành; Chủ tịch Ủy ban nhân dân các huyện, thành phố chịu trách nhiệm thi hành Quyết định này./.\n"
        "Nơi nhận:\n"
        "- Như Điều 3;\n"
        "- Lưu: VT.\n"
        "KT. CHỦ TỊCH\n"
        "PHÓ CHỦ TỊCH\n"
        "Nguyễn Văn An\n"
        "";
    const std::string normal =
        "ỦY BAN NHÂN DÂN\n"
        "TỈNH BẮC NGUYÊN\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Số: 215/QĐ-UBND\n"
        "Tân An, ngày 14 tháng 3 năm 2023\n"
        "QUYẾT ĐỊNH\n"
        "VỀ VIỆC BAN HÀNH KẾ HOẠCH TUYÊN TRUYỀN CHÍNH SÁCH BẢO HIỂM XÃ HỘI TRÊN ĐỊA BÀN TỈNH BẮC NGUYÊN\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;\n"
        "Căn cứ Quyết định số 1676/QĐ-TTg ngày 21/11/2019 của Thủ tướng Chính phủ phê duyệt Đề án đổi mới toàn diện nội dung, hình thức và phương pháp tuyên truyền bảo hiểm xã hội;\n"
        "Theo đề nghị tại Tờ trình số 35/TTr-SLĐTBXH ngày 02/3/2023 của Giám đốc Sở Lao động - Thương binh và Xã hội,\n"
        "QUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền chính sách bảo hiểm xã hội trên địa bàn tỉnh Bắc Nguyên.\n"
        "Điều 2. Quyết định này có hiệu lực từ ngày ký ban hành.\n"
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các huyện, thành phố chịu trách nhiệm thi hành Quyết định này./.\n"
        "Nơi nhận:\n"
        "- Như Điều 3;\n"
        "- Lưu: VT.\n"
        "KT. CHỦ TỊCH\n"
        "PHÓ CHỦ TỊCH\n"
        "Nguyễn Văn An\n"
        "";
    auto book = rules::load_rulebook(test::source_dir() + "/rules");
    pipeline::Options o;
    o.check.today = {23, 11, 2026};
    auto a = test::analyze_text(web);
    const auto& h = a->model.outline.header;
    REQUIRE(h.agency.size() == 2);
    CHECK(a->doc.blocks[h.agency[0]].text == "ỦY BAN NHÂN DÂN");
    REQUIRE(h.national_title);
    CHECK(a->doc.blocks[*h.national_title].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    REQUIRE(h.number);
    CHECK(a->doc.blocks[*h.number].text == "Số: 215/QĐ-UBND");
    REQUIRE(h.place_date);
    CHECK(a->doc.blocks[*h.place_date].text == "Tân An, ngày 14 tháng 3 năm 2023");
    CHECK(a->doc.blocks[*h.place_date].line() == 14);
    CHECK(a->model.outline.bases.size() == 3);
    auto rules_of = [&](const std::string& t) {
        std::multiset<std::string> out;
        for (const auto& d : pipeline::check_bytes(t, "txt", "t.txt", book, o).diagnostics) out.insert(d.rule);
        return out;
    };
    CHECK(rules_of(web) == rules_of(normal));
}

TEST_CASE("text layout: bad input never hangs or throws", "[layout][text]") {
    for (std::string s : {std::string("\\"), std::string("\\r\\n\\r\\n\\r\\n"), std::string("|||\n|\n+-+\n"),
                          std::string("\f\f\f\n\f"), std::string(5000, '|'), std::string("\xff\xfe\\n\\n\\n"),
                          std::string("Số:\nSơn\n,"), std::string("                                 \t\tA")}) {
        SourceDocument d = ingest_txt(s);
        CHECK_NOTHROW(recover_text(d));
        for (const auto& b : d.blocks) {
            REQUIRE_FALSE(b.anchors.empty());
            CHECK(b.anchors.front().offset == 0);
        }
    }
}
