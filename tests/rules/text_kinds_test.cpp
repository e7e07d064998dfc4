// The text rule kinds on small documents, through the whole pipeline.
#include <catch2/catch.hpp>

#include "helpers.h"
#include "rules/engine.h"

using namespace plancheck;

namespace {

std::vector<Diagnostic> check(const std::string& text, const std::string& rule) {
    static rules::RuleBook book = rules::load_rulebook(test::source_dir() + "/rules");
    auto a = test::analyze_text(text);
    std::vector<rules::AppliedSet> sets;
    for (const auto& s : book.sets) sets.push_back({&s, true, ""});
    rules::CheckOptions opts;
    return rules::evaluate(book, sets, a->model, opts, rule);
}

std::vector<Diagnostic> check_md(const std::string& text, const std::string& rule) {
    static rules::RuleBook book = rules::load_rulebook(test::source_dir() + "/rules");
    auto a = pipeline::analyze(std::get<SourceDocument>(ingest::read_markdown(text, "test.md", {})));
    std::vector<rules::AppliedSet> sets;
    for (const auto& s : book.sets) sets.push_back({&s, true, ""});
    rules::CheckOptions opts;
    return rules::evaluate(book, sets, a->model, opts, rule);
}

}  // namespace

TEST_CASE("duplicate-paragraph: a paragraph pasted twice, not tables, headings or boilerplate") {
    const std::string task = "Rà soát, cập nhật danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của huyện.";
    // Pasted twice in the body: reported once, at the second copy.
    auto twice = check("1. Nhiệm vụ\n" + task + "\n2. Giải pháp\n" + task + "\n", "text.duplicate-paragraph");
    REQUIRE(twice.size() == 1);
    CHECK(twice[0].line == 4);
    // An appendix table that restates the task with its agency.
    std::string md = "Nhiệm vụ trọng tâm\n\n" + task + "\n\n| Nhiệm vụ | Cơ quan |\n|---|---|\n| " + task +
                     " | Phòng Nội vụ |\n| " + task + " | Văn phòng HĐND và UBND |\n";
    CHECK(check_md(md, "text.duplicate-paragraph").empty());
    // The same sub-heading under each part of a report.
    CHECK(check("I. CHỈ SỐ CẢI CÁCH HÀNH CHÍNH\n1. Tình hình thực hiện trong năm và kết quả đạt được\nNội dung một.\n"
                "II. CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN\n1. Tình hình thực hiện trong năm và kết quả đạt được\nNội dung hai.\n",
                "text.duplicate-paragraph")
              .empty());
    // A scoring formula written under every criterion.
    std::string formula = "Cách tính điểm: lấy số hồ sơ đúng hạn chia cho tổng số hồ sơ, nhân với điểm tối đa.";
    CHECK(check("a) Tiêu chí một\n" + formula + "\nb) Tiêu chí hai\n" + formula + "\nc) Tiêu chí ba\n" + formula + "\n",
                "text.duplicate-paragraph")
              .empty());
}

TEST_CASE("typo: positions, case and fix") {
    auto d = check("x\nĐến năm 2025, Phân đầu 100% cán bộ.", "text.typo.confusions");
    REQUIRE(d.size() == 1);
    CHECK(d[0].line == 2);
    CHECK(d[0].column == 15);
    CHECK(d[0].end_column == 23);
    REQUIRE(d[0].fix);
    CHECK(d[0].fix->replacement == "Phấn đấu");
    CHECK(d[0].message.find("Phân đầu") != std::string::npos);
}

TEST_CASE("typo: overlapping entries give one finding, the longest") {
    // rules/common/text.yaml lists both "bảo hiễm" and "bảo hiễm xã hội".
    auto d = check("Chính sách bảo hiễm xã hội.", "text.typo.confusions");
    REQUIRE(d.size() == 1);
    CHECK(d[0].column == 12);
    CHECK(d[0].end_column == 27);
    REQUIRE(d[0].fix);
    CHECK(d[0].fix->replacement == "bảo hiểm xã hội");
    CHECK(check("Quỹ bảo hiễm y tế.", "text.typo.confusions").size() == 1);
}

TEST_CASE("typo: positions stay right after a letter whose lower case is shorter") {
    // U+0130 (İ, 2 bytes) lowers to "i" (1 byte) and U+212A (Kelvin sign, 3
    // bytes) to "k": the lowered copy needs its offset table there; without
    // such letters it has none (the fast path).
    auto d = check("İİ \u212A Phân đầu", "text.typo.confusions");
    REQUIRE(d.size() == 1);
    CHECK(d[0].column == 6);
    CHECK(d[0].end_column == 14);
    REQUIRE(d[0].fix);
    CHECK(d[0].fix->replacement == "Phấn đấu");
    auto plain = check("Ab Phân đầu", "text.typo.confusions");
    REQUIRE(plain.size() == 1);
    CHECK(plain[0].column == 4);
}

TEST_CASE("typo: whole words only") {
    CHECK(check("phân đầux", "text.typo.confusions").empty());
    CHECK(check("xphân đầu", "text.typo.confusions").empty());
    CHECK(check("(phân đầu)", "text.typo.confusions").size() == 1);
}

TEST_CASE("repeated phrase: reduplication is not an error, doubled phrases are") {
    CHECK(check("Mở rộng từ từ và xa xa.", "text.repeated-phrase").empty());
    auto d = check("Theo Quyết định số Quyết định số 1676.", "text.repeated-phrase");
    REQUIRE(d.size() == 1);
    CHECK(d[0].column == 20);
    REQUIRE(d[0].fix);
    CHECK(d[0].fix->column == 19);  // removes " Quyết định số" after the first copy
    CHECK(d[0].fix->end_column == 33);
    CHECK(check("chỉ tiêu của của Nghị quyết", "text.repeated-phrase").size() == 1);
    // Punctuation between the copies means a list, not a slip.
    CHECK(check("Quyết định số, Quyết định số", "text.repeated-phrase").empty());
}

TEST_CASE("numbering: gap, duplicate and Vietnamese letter order") {
    CHECK(check("I. A\n1. x\na) m\nb) n\nc) o\nd) p\nđ) q\ne) r", "structure.numbering-gap").empty());
    auto gap = check("I. A\n1. x\na) m\nb) n\nd) p", "structure.numbering-gap");
    REQUIRE(gap.size() == 1);
    CHECK(gap[0].line == 5);
    CHECK(gap[0].message.find("c)") != std::string::npos);
    auto dup = check("I. A\nII. B\nII. C", "structure.numbering-duplicate");
    REQUIRE(dup.size() == 1);
    CHECK(dup[0].line == 3);
}

TEST_CASE("numbering: amounts and years are not labels") {
    CHECK(check("I. A\n1.000 người tham gia.\n2025. Năm bản lề.", "structure.numbering-gap").empty());
}

TEST_CASE("mixed script: Ð is reported with the right letter and fixed") {
    auto d = check("Ðào Việt Ánh", "text.mixed-script");
    REQUIRE(d.size() == 1);
    CHECK(d[0].column == 1);
    REQUIRE(d[0].fix);
    CHECK(d[0].fix->replacement == "Đ");
    // Cyrillic words are not Vietnamese look-alikes.
    CHECK(check("Слово на русском", "text.mixed-script").empty());
    CHECK(check("Bаo hiểm", "text.mixed-script").size() == 1);  // Cyrillic а inside a Latin word
}

TEST_CASE("truncated: only when nothing follows the continuation word") {
    CHECK(check("1. Tổ chức hội nghị hằng năm hoặc", "text.truncated").size() == 1);
    CHECK(check("1. Tổ chức hội nghị hằng năm hoặc đột xuất.", "text.truncated").empty());
}

TEST_CASE("truncated: the document's last paragraph stops mid-word or mid-sentence") {
    const std::string head = "1. Rà soát hồ sơ của các hộ dân trong quý I.\n";
    auto cut = check(head + "2. Phối hợp với Bảo hiểm xã hội huyện tổ chức đối thoại chính sách tại các nhiệm v",
                     "text.truncated");
    REQUIRE(cut.size() == 1);
    CHECK(cut[0].line == 2);
    CHECK(cut[0].column == cut[0].end_column - 1);  // the cut word "v"
    // A comma at the end is no end of a sentence either.
    CHECK(check(head + "Giao Phòng Nội vụ chủ trì, phối hợp với Ủy ban nhân dân các xã, thị trấn,", "text.truncated").size() ==
          1);
    // Reported once, not also as a paragraph ending on a continuation word.
    CHECK(check(head + "Giao Phòng Nội vụ chủ trì tổ chức thực hiện, phối hợp với", "text.truncated").size() == 1);
    // Complete endings: a full stop, a blank form field, a signer's name, a heading in capitals.
    CHECK(check(head + "2. Các xã báo cáo kết quả trước ngày 05 tháng 12 năm 2023.", "text.truncated").empty());
    CHECK(check(head + "9. Ý kiến của lãnh đạo Ủy ban nhân dân huyện", "text.truncated").empty());
    CHECK(check(head + "Chuyên viên theo dõi: Trần Thị Bích Ngọc", "text.truncated").empty());
    CHECK(check(head + "PHỤ LỤC KÈM THEO KẾ HOẠCH TUYÊN TRUYỀN", "text.truncated").empty());
}

TEST_CASE("citation.mismatch.date: a Party resolution's year within the Central Committee's term") {
    const std::string rule = "citation.mismatch.date";
    // 28-NQ/TW of 23/5/2018 (term XII, 2016-2021): 2019 and 2020 are the same document, wrongly dated.
    CHECK(check("Các xã triển khai Nghị quyết số 28-NQ/TW ngày 23/5/2019, bảo đảm các chỉ tiêu.", rule).size() == 1);
    CHECK(check("Các xã triển khai Nghị quyết số 28-NQ/TW ngày 23 tháng 5 năm 2020 của Trung ương.", rule).size() == 1);
    // Another term: another resolution 28 of the Central Committee, not a mismatch.
    CHECK(check("Các xã triển khai Nghị quyết số 28-NQ/TW ngày 12/9/2022, bảo đảm các chỉ tiêu.", rule).empty());
    CHECK(check("Các xã triển khai Nghị quyết số 28-NQ/TW ngày 23/5/2018, bảo đảm các chỉ tiêu.", rule).empty());
    // A State document's number runs within a year: another year is another document.
    CHECK(check("Các xã thực hiện Quyết định số 1676/QĐ-TTg ngày 05/6/2021 về điều động cán bộ.", rule).empty());
}

TEST_CASE("citation.repeated-full: a later citation written in full again (Decree 30, Appendix I §6b)") {
    const std::string rule = "citation.repeated-full";
    const std::string basis =
        "Căn cứ Quyết định số 1676/QĐ-TTg ngày 21/11/2019 của Thủ tướng Chính phủ phê duyệt Đề án đổi mới toàn diện "
        "nội dung, hình thức và phương pháp tuyên truyền bảo hiểm xã hội;\nỦy ban nhân dân huyện ban hành Kế hoạch như "
        "sau:\nI. MỤC TIÊU\n";
    auto twice = check(basis + "1. Triển khai Quyết định số 1676/QĐ-TTg ngày 21/11/2019 của Thủ tướng Chính phủ.\n"
                               "2. Bám sát Quyết định số 1676/QĐ-TTg ngày 21/11/2019.\n",
                       rule);
    REQUIRE(twice.size() == 1);  // once per document
    CHECK(twice[0].line == 4);
    CHECK(twice[0].severity == Severity::Info);
    // The short form, a quotation, and another district's plan with the same number.
    CHECK(check(basis + "1. Triển khai Quyết định số 1676/QĐ-TTg, bảo đảm các chỉ tiêu.\n", rule).empty());
    CHECK(check(basis + "1. Ghi đúng: “Quyết định số 1676/QĐ-TTg ngày 21/11/2019 của Thủ tướng Chính phủ”.\n", rule)
              .empty());
    CHECK(check("Căn cứ Kế hoạch số 15/KH-UBND ngày 10/3/2025 của Ủy ban nhân dân huyện Tân Phước về tuyên truyền;\n"
                "Ủy ban nhân dân huyện ban hành Kế hoạch như sau:\nI. MỤC TIÊU\n"
                "1. Học tập Kế hoạch số 15/KH-UBND ngày 02/4/2024 của Ủy ban nhân dân huyện Cái Bè.\n",
                rule)
              .empty());
}

TEST_CASE("text.abbreviation: first use of an abbreviation never written out, or written out later") {
    const std::string rule = "text.abbreviation";
    auto never = check("Kết quả CCHC được đánh giá hằng năm.\nCCHC là nhiệm vụ trọng tâm.\n", rule);
    REQUIRE(never.size() == 1);  // the first use only
    CHECK(never[0].line == 1);
    auto later = check("Các xã giải quyết TTHC đúng hạn.\nRà soát thủ tục hành chính (TTHC) hằng quý.\n", rule);
    REQUIRE(later.size() == 1);
    CHECK(later[0].message.find("dòng 2") != std::string::npos);
    // Written out first, in either order, or by "sau đây gọi tắt là".
    CHECK(check("Đẩy mạnh cải cách hành chính (CCHC).\nKết quả CCHC tốt.\n", rule).empty());
    CHECK(check("Đẩy mạnh CCHC (cải cách hành chính).\nKết quả CCHC tốt.\n", rule).empty());
    CHECK(check("Thành lập Ban Chỉ đạo (sau đây gọi tắt là BCĐ).\nBCĐ họp hằng quý.\n", rule).empty());
    // Known ones, symbols, Roman numerals, words of a heading in capitals, foreign names,
    // a misread UBND, a recipient line.
    CHECK(check("UBND các xã phối hợp với BHXH huyện.\n", rule).empty());
    CHECK(check("Thực hiện Công văn số 1064/BHXH-TT ngày 05/6/2023 và Nghị quyết khóa XII.\n", rule).empty());
    CHECK(check("II. NỘI DUNG CCHC TRỌNG TÂM\n", rule).empty());
    CHECK(check("Cài đặt ứng dụng VNEID cho người dân; cải thiện chỉ số SIPAS.\n", rule).empty());
    CHECK(check("Họp tại Văn phòng LIBND tỉnh.\n", rule).empty());
    CHECK(check("- Chủ tịch, các PCT UBND huyện;\n", rule).empty());
}

TEST_CASE("repeated-phrase: a word or phrase doubled across the line break of a .txt paragraph") {
    const std::string rule = "text.repeated-phrase";
    auto one = check("Các phòng, ban chuyên môn bổ sung tài\ntài liệu kiểm chứng trước ngày 31/12/2025.\n", rule);
    REQUIRE(one.size() == 1);
    CHECK(one[0].line == 2);
    CHECK(check("Các phòng, ban phối hợp tổ chức Đại\nĐại hội đại biểu nhiệm kỳ 2025 - 2030.\n", rule).size() == 1);
    CHECK(check("Giao các cơ quan triển khai thực hiện các nhiệm vụ\nnhiệm vụ được giao trong năm.\n", rule).size() == 1);
    // Not doubled: a clause ends, a heading then its first sentence, a new item, table-like short lines.
    CHECK(check("Các phòng, ban bổ sung tài liệu.\nTài liệu gửi về Văn phòng trước ngày 31/12.\n", rule).empty());
    CHECK(check("1. Mục tiêu chung của kế hoạch\nMục tiêu chung của kế hoạch là nâng cao nhận thức.\n", rule).empty());
    CHECK(check("Các phòng, ban thực hiện các nội dung sau\n2. Các nội dung sau được thực hiện.\n", rule).empty());
    CHECK(check("Số Người\nNgười lao động\n", rule).empty());
}

TEST_CASE("text.inconsistent.range-style: year ranges in two styles, reported once") {
    const std::string rule = "text.inconsistent.range-style";
    auto two = check("Giai đoạn 2021-2025.\nĐịnh hướng 2026 - 2030.\nTầm nhìn 2031 - 2045.\n", rule);
    REQUIRE(two.size() == 1);
    CHECK(two[0].line == 2);
    CHECK(two[0].severity == Severity::Info);
    CHECK(check("Giai đoạn 2021 – 2025, định hướng 2026 - 2030.\n", rule).size() == 1);  // en dash and hyphen
    CHECK(check("Giai đoạn 2021 - 2025 và 2026 - 2030.\n", rule).empty());
    // Not ranges: a symbol, a date, numbers that are no period.
    CHECK(check("Luật số 58/2014/QH13; ngày 21-11-2019; giai đoạn 2021 - 2025; mã 2019-2100.\n", rule).empty());
}

TEST_CASE("citation.inconsistent.date: one number-symbol with two dates of one year") {
    const std::string rule = "citation.inconsistent.date";
    const std::string basis =
        "Căn cứ Kế hoạch số 57/KH-UBND ngày 02/3/2022 của Ủy ban nhân dân tỉnh Khánh Hòa về tuyên truyền;\n"
        "Ủy ban nhân dân huyện ban hành Kế hoạch như sau:\nI. MỤC TIÊU\n";
    auto two = check(basis + "1. Triển khai Kế hoạch số 57/KH-UBND ngày 20/3/2022.\n"
                              "2. Bám sát Kế hoạch số 57/KH-UBND ngày 22/3/2022.\n",
                     rule);
    REQUIRE(two.size() == 1);  // once per document cited
    CHECK(two[0].line == 4);
    // The same date again; another year (another document); another issuer.
    CHECK(check(basis + "1. Triển khai Kế hoạch số 57/KH-UBND ngày 02/3/2022.\n", rule).empty());
    CHECK(check(basis + "1. Kế thừa Kế hoạch số 57/KH-UBND ngày 12/4/2021.\n", rule).empty());
    CHECK(check(basis + "1. Học tập Kế hoạch số 57/KH-UBND ngày 20/3/2022 của Ủy ban nhân dân huyện Cam Lâm.\n", rule)
              .empty());
}

TEST_CASE("text.fragment: an introductory clause closed by a full stop, its main clause the next paragraph") {
    const std::string rule = "text.fragment";
    const std::string cv = "Công văn số 1185/SNV-CCVC ngày 15/5/2025 của Sở Nội vụ về việc báo cáo số lượng viên chức";
    auto frag = check("I. TÌNH HÌNH CHUNG\nThực hiện " + cv + ".\nỦy ban nhân dân huyện báo cáo như sau:\n1. Viên chức.\n",
                      rule);
    REQUIRE(frag.size() == 1);
    CHECK(frag[0].line == 2);
    // Wrapped over two lines of a .txt paragraph.
    CHECK(check("I. TÌNH HÌNH CHUNG\nThực hiện Công văn số 1185/SNV-CCVC ngày 15/5/2025 của Sở Nội vụ\nvề việc báo cáo số "
                "lượng viên chức.\nỦy ban nhân dân huyện báo cáo như sau:\n1. Viên chức.\n",
                rule)
              .size() == 1);
    // One sentence; a main clause of its own; a decision's bases followed by QUYẾT ĐỊNH:.
    CHECK(check("I. TÌNH HÌNH CHUNG\nThực hiện " + cv + ", Ủy ban nhân dân huyện báo cáo như sau:\n1. Viên chức.\n", rule)
              .empty());
    CHECK(check("I. TÌNH HÌNH CHUNG\nThực hiện " + cv + ", Sở đã rà soát toàn bộ hồ sơ.\nKết quả như sau:\n", rule)
              .empty());
    CHECK(check("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2025;\nTheo đề nghị của Giám đốc Sở Nội "
                "vụ tại Tờ trình số 12/TTr-SNV ngày 03 tháng 10 năm 2025.\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt.\n",
                rule)
              .empty());
}

TEST_CASE("text.repeated-full-name: the full name again after '(sau đây gọi tắt là ...)'") {
    const std::string rule = "text.repeated-full-name";
    const std::string def = "Triển khai Đề án đổi mới toàn diện nội dung, hình thức và phương pháp tuyên truyền bảo hiểm xã "
                            "hội (sau đây gọi tắt là Đề án).\n";
    const std::string full = "Đề án đổi mới toàn diện nội dung, hình thức và phương pháp tuyên truyền bảo hiểm xã hội";
    auto again = check(def + "Các xã thực hiện " + full + " theo lộ trình.\nCác xã báo cáo " + full + ".\n", rule);
    REQUIRE(again.size() == 1);  // once per short form
    CHECK(again[0].line == 2);
    CHECK(check(def + "Các xã thực hiện Đề án theo lộ trình.\n", rule).empty());
    CHECK(check(def + "Trích: “" + full + "”.\n", rule).empty());  // a quotation
    // The full name before the definition is not a repetition.
    CHECK(check("Các xã thực hiện " + full + ".\n" + def, rule).empty());
}

TEST_CASE("citation.inconsistent.self: the document cites its own number with another date") {
    const std::string head = "ỦY BAN NHÂN DÂN\nHUYỆN DIÊN KHÁNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh "
                             "phúc\nSố: 91/KH-UBND\nDiên Khánh, ngày 12 tháng 4 năm 2022\n\nKẾ HOẠCH\nTuyên truyền bảo "
                             "hiểm xã hội năm 2022\n\n";
    auto self = check(head + "Trên đây là Kế hoạch số 91/KH-UBND ngày 12/5/2022 của Ủy ban nhân dân huyện.\n",
                      "citation.inconsistent.self");
    REQUIRE(self.size() == 1);
    CHECK(check(head + "Trên đây là Kế hoạch số 91/KH-UBND ngày 12/5/2022 của Ủy ban nhân dân huyện.\n",
                "citation.anachronism")
              .empty());
    CHECK(check(head + "Trên đây là Kế hoạch số 91/KH-UBND ngày 12/4/2022 của Ủy ban nhân dân huyện.\n",
                "citation.inconsistent.self")
              .empty());
    // Another plan of the same district: not the document itself.
    CHECK(check(head + "Kế thừa Kế hoạch số 19/KH-UBND ngày 12/5/2021 của Ủy ban nhân dân huyện.\n",
                "citation.inconsistent.self")
              .empty());
}

TEST_CASE("text.inconsistent.quoted-period: one quoted title with two periods") {
    const std::string rule = "text.inconsistent.quoted-period";
    auto two = check("Thực hiện “Chương trình chuyển đổi số giai đoạn 2021 - 2025” của tỉnh.\n"
                     "Kết quả “Chương trình chuyển đổi số giai đoạn 2021 - 2030” được đánh giá.\n"
                     "Tổng kết “Chương trình chuyển đổi số giai đoạn 2022 - 2030”.\n",
                     rule);
    REQUIRE(two.size() == 1);  // once per title
    CHECK(two[0].line == 2);
    // The same period (spacing aside); another title; a short quotation.
    CHECK(check("Thực hiện “Chương trình chuyển đổi số giai đoạn 2021 - 2025”.\n"
                "Kết quả “Chương trình chuyển đổi số giai đoạn 2021-2025”.\n",
                rule)
              .empty());
    CHECK(check("Thực hiện “Chương trình chuyển đổi số giai đoạn 2021 - 2025”.\n"
                "Kết quả “Chương trình cải cách hành chính giai đoạn 2021 - 2030”.\n",
                rule)
              .empty());
    CHECK(check("Khẩu hiệu “năm 2024”.\nKhẩu hiệu “năm 2025”.\n", rule).empty());
}

TEST_CASE("figure.contradiction: a summary against its detail, not one unit's part against another's") {
    const std::string head = "BÁO CÁO\nKết quả công tác tuyên truyền năm 2026\nI. KẾT QUẢ THỰC HIỆN\n";
    // The same count in a summary and in its detail, with two values: reported.
    auto d = check(head + "1. Tóm tắt\nCó 58 doanh nghiệp được kiểm tra về việc đóng bảo hiểm xã hội.\n"
                          "2. Kết quả cụ thể\nCó 40 doanh nghiệp được kiểm tra về việc đóng bảo hiểm xã hội.\n",
                   "figure.contradiction");
    REQUIRE(d.size() == 1);
    CHECK(d[0].line == 7);
    CHECK(d[0].message.find("40 doanh nghiệp") != std::string::npos);
    CHECK(d[0].message.find("58 doanh nghiệp") != std::string::npos);
    // A part per district: each district's own figure.
    CHECK(check(head + "1. Kết quả tại huyện Ea Kar\nCó 58 doanh nghiệp được kiểm tra về việc đóng bảo hiểm xã hội.\n"
                       "2. Kết quả tại huyện Duy Xuyên\nCó 40 doanh nghiệp được kiểm tra về việc đóng bảo hiểm xã hội.\n",
                "figure.contradiction")
              .empty());
    // Headings in capitals name the unit after its kind.
    CHECK(check("BÁO CÁO\nKết quả năm 2026\nI. HUYỆN EA KAR\nCó 58 doanh nghiệp được kiểm tra về việc đóng bảo hiểm.\n"
                "II. HUYỆN DUY XUYÊN\nCó 40 doanh nghiệp được kiểm tra về việc đóng bảo hiểm.\n",
                "figure.contradiction")
              .empty());
    // The same district in a second round.
    CHECK(check(head + "1. Kết quả tại huyện Ea Kar\nCó 58 doanh nghiệp được kiểm tra về việc đóng bảo hiểm xã hội.\n"
                       "2. Kết quả tại huyện Ea Kar (đợt 2)\nCó 40 doanh nghiệp được kiểm tra về việc đóng bảo hiểm xã hội.\n",
                "figure.contradiction")
              .empty());
    // Two counts of one clause are two things: "7 ... chậm đóng" is not "58 ... được kiểm tra".
    auto two = check(head + "1. Tóm tắt\nCó 58 doanh nghiệp được kiểm tra, trong đó 8 doanh nghiệp chậm đóng đã được nhắc nhở.\n"
                            "2. Kết quả cụ thể\nCó 58 doanh nghiệp được kiểm tra, trong đó 7 doanh nghiệp chậm đóng đã được nhắc nhở.\n",
                     "figure.contradiction");
    REQUIRE(two.size() == 1);
    CHECK(two[0].message.find("7 doanh nghiệp") != std::string::npos);
    CHECK(two[0].message.find("8 doanh nghiệp") != std::string::npos);
}
