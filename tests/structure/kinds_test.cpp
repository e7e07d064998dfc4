// Document kinds and classes, the evidence for them, draft mode, and the outline
// of Phần/Chương/Mục/Điều/khoản/điểm with numbering restarting under each parent.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "helpers.h"
#include "pipeline/pipeline.h"
#include "rules/engine.h"
#include "rules/ruleset.h"
#include "structure/structure.h"

using plancheck::test::analyze_text;
using namespace plancheck;

namespace {

std::unique_ptr<pipeline::Analysis> analyze_named(const std::string& text, const std::string& path) {
    auto r = ingest::read_text(text, path, {});
    return pipeline::analyze(std::move(std::get<SourceDocument>(r)));
}

const rules::RuleBook& book() {
    static rules::RuleBook b = rules::load_rulebook(test::source_dir() + "/rules");
    return b;
}

std::vector<Diagnostic> check(const std::string& text, const std::string& path = "test.txt") {
    auto a = analyze_named(text, path);
    auto sets = rules::select_sets(book(), a->model, {});
    rules::CheckOptions opts;
    opts.today = {23, 11, 2026};
    return rules::evaluate(book(), sets, a->model, opts);
}

size_t count_rule(const std::vector<Diagnostic>& ds, const std::string& prefix) {
    return static_cast<size_t>(std::count_if(ds.begin(), ds.end(), [&](const Diagnostic& d) {
        return d.rule.compare(0, prefix.size(), prefix) == 0;
    }));
}

bool has_evidence(const Outline& o, const std::string& part) {
    return std::any_of(o.evidence.begin(), o.evidence.end(),
                       [&](const std::string& e) { return e.find(part) != std::string::npos; });
}

const char* kLetter =
    "BỘ NÔNG NGHIỆP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 41/BNN-KH\n"
    "Hà Nội, ngày 07 tháng 4 năm 2025\nV/v góp ý dự thảo quy chế\nKính gửi: Các Sở Nông nghiệp.\n"
    "Bộ đề nghị các Sở góp ý dự thảo.\nNơi nhận:\n- Như trên;\n- Lưu: VT, KH.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n"
    "Trần Văn Bình\n";

}  // namespace

TEST_CASE("kinds: an official letter keeps its agency, has no type name and is administrative") {
    auto a = analyze_text(kLetter);
    const Outline& o = a->model.outline;
    CHECK(o.kind == DocKind::Letter);
    CHECK(o.doc_class == DocClass::Administrative);
    REQUIRE(o.header.agency.size() == 1);
    CHECK(a->doc.blocks[o.header.agency[0]].text == "BỘ NÔNG NGHIỆP");
    REQUIRE(o.header.subject);
    CHECK(a->doc.blocks[*o.header.subject].line() == 6);
    CHECK(has_evidence(o, "V/v"));
    auto ds = check(kLetter);
    CHECK(count_rule(ds, "nd30.header.agency") == 0);
    CHECK(count_rule(ds, "nd30.header.type-name") == 0);
    CHECK(count_rule(ds, "nd30.closing") == 0);
}

TEST_CASE("kinds: the symbol tells the kind when the type name is missing, and is recorded as evidence") {
    auto a = analyze_text("SỞ NỘI VỤ\nSố: 12/TTr-SNV\nBình Định, ngày 02 tháng 3 năm 2025\nĐề nghị phê duyệt đề án\n");
    CHECK(a->model.outline.kind == DocKind::Submission);
    CHECK(has_evidence(a->model.outline, "TTr"));
    auto b = analyze_text("SỞ NỘI VỤ\nSố: 12/TTr-SNV\nTỜ TRÌNH\nĐề nghị phê duyệt đề án\n");
    CHECK(b->model.outline.kind == DocKind::Submission);
    CHECK(has_evidence(b->model.outline, "agrees"));
    // The type name wins over a symbol that names another type (number-type reports it).
    auto c = analyze_text("SỞ NỘI VỤ\nSố: 12/QĐ-SNV\nTỜ TRÌNH\nĐề nghị phê duyệt đề án\n");
    CHECK(c->model.outline.kind == DocKind::Submission);
    CHECK(has_evidence(c->model.outline, "another type"));
}

TEST_CASE("kinds: every Appendix III type name is recognised") {
    struct Case { const char* name; DocKind kind; };
    for (auto [name, kind] : {Case{"THÔNG BÁO", DocKind::Notice}, Case{"GIẤY MỜI", DocKind::Invitation},
                              Case{"BIÊN BẢN", DocKind::Minutes}, Case{"CÔNG ĐIỆN", DocKind::Telegram},
                              Case{"QUY CHẾ", DocKind::Regulation}, Case{"QUY ĐỊNH", DocKind::Rules},
                              Case{"HƯỚNG DẪN", DocKind::Guidance}, Case{"PHƯƠNG ÁN", DocKind::Scheme},
                              Case{"ĐỀ ÁN", DocKind::Project}, Case{"DỰ ÁN", DocKind::Venture},
                              Case{"HỢP ĐỒNG", DocKind::Contract}, Case{"BẢN GHI NHỚ", DocKind::Memorandum},
                              Case{"BẢN THỎA THUẬN", DocKind::Agreement}, Case{"GIẤY ỦY QUYỀN", DocKind::Authorization},
                              Case{"GIẤY GIỚI THIỆU", DocKind::Referral}, Case{"GIẤY NGHỈ PHÉP", DocKind::Leave},
                              Case{"PHIẾU GỬI", DocKind::SendingSlip}, Case{"PHIẾU CHUYỂN", DocKind::TransferSlip},
                              Case{"PHIẾU BÁO", DocKind::NoticeSlip}, Case{"THÔNG CÁO", DocKind::Communique},
                              Case{"CHỈ THỊ", DocKind::Directive}, Case{"NGHỊ QUYẾT", DocKind::Resolution}}) {
        auto a = analyze_text(std::string("UBND HUYỆN AN LÃO\nSố: 03/XX-UBND\n") + name + "\nVề công tác năm 2025\n");
        INFO(name);
        CHECK(a->model.outline.kind == kind);
        CHECK(a->model.outline.doc_class == DocClass::Administrative);
    }
}

TEST_CASE("kinds: legal normative documents are recognised and not held to the administrative header") {
    const char* decree =
        "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 88/2024/NĐ-CP\n"
        "Hà Nội, ngày 02 tháng 7 năm 2024\nNGHỊ ĐỊNH\nQuy định về bồi thường\nĐiều 1. Phạm vi\nNghị định này quy định.\n"
        "Điều 2. Hiệu lực\n1. Có hiệu lực.\n2. Bộ trưởng thi hành.\n";
    auto a = analyze_text(decree);
    CHECK(a->model.outline.kind == DocKind::Decree);
    CHECK(a->model.outline.doc_class == DocClass::LegalNormative);
    auto ds = check(decree);
    CHECK(count_rule(ds, "nd30.header") == 0);
    CHECK(count_rule(ds, "nd30.closing") == 0);  // no recipients or signer here, still no finding
    // A decision with the year in its number is a legal normative one.
    auto b = analyze_text("ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN\nSố: 15/2023/QĐ-UBND\nQUYẾT ĐỊNH\nBan hành quy định\n");
    CHECK(b->model.outline.kind == DocKind::Decision);
    CHECK(b->model.outline.doc_class == DocClass::LegalNormative);
    auto c = analyze_text("QUỐC HỘI\nLuật số: 61/2024/QH15\nLUẬT\nDi sản văn hóa\n");
    CHECK(c->model.outline.kind == DocKind::Law);
    CHECK(c->model.outline.doc_class == DocClass::LegalNormative);
}

TEST_CASE("kinds: an attachment is judged as an attachment") {
    const char* charter =
        "ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nĐIỀU LỆ\n"
        "HỘI CỰU THANH NIÊN XUNG PHONG TỈNH PHÚ YÊN\n(Ban hành kèm theo Quyết định số 88/QĐ-UBND ngày 02 tháng 3 năm 2025\n"
        "của Chủ tịch Ủy ban nhân dân tỉnh)\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Tên gọi\n1. Tên tiếng Việt.\n2. Tên viết tắt.\n"
        "Điều 2. Tôn chỉ\n1. Hội là tổ chức xã hội.\nChương II\nHỘI VIÊN\nĐiều 3. Hội viên\n1. Công dân Việt Nam.\n";
    auto a = analyze_text(charter);
    const Outline& o = a->model.outline;
    CHECK(o.kind == DocKind::Charter);
    CHECK(o.doc_class == DocClass::Attachment);
    REQUIRE(o.header.attachment_note);
    CHECK(a->doc.blocks[*o.header.attachment_note].line() == 7);
    CHECK(o.header.end == 8);  // the note runs on to its ')'; the body starts after it
    auto ds = check(charter);
    CHECK(count_rule(ds, "nd30.") == 0);
    CHECK(count_rule(ds, "structure.numbering") == 0);
}

TEST_CASE("kinds: Phiếu trình and Đơn are not administrative documents") {
    auto a = analyze_text("VĂN PHÒNG UBND TỈNH\nPHÒNG TỔNG HỢP\nPHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC\nKính gửi: Lãnh đạo UBND tỉnh.\n"
                          "1. Vấn đề trình: phê duyệt.\n2. Ý kiến của chuyên viên.\n");
    CHECK(a->model.outline.kind == DocKind::SubmissionSlip);
    CHECK(a->model.outline.doc_class == DocClass::Internal);
    auto b = analyze_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nĐƠN ĐỀ NGHỊ\nHợp nhất hai quỹ\n"
                          "Kính gửi: Sở Nội vụ tỉnh.\n");
    CHECK(b->model.outline.kind == DocKind::Application);
    CHECK(b->model.outline.doc_class == DocClass::Application);
    // "ĐƠN VỊ" (a unit) is not an application.
    auto c = analyze_text("ĐƠN VỊ THỰC HIỆN\nNội dung.\n");
    CHECK(c->model.outline.kind != DocKind::Application);
}

TEST_CASE("kinds: an unknown kind gives one note and no header or closing findings") {
    const char* text =
        "Một số ý kiến về công tác tuyên truyền.\nNội dung trao đổi.\n1. Ý kiến thứ nhất.\n2. Ý kiến thứ hai.\n3. Ý kiến thứ ba.\n";
    auto a = analyze_text(text);
    CHECK(a->model.outline.kind == DocKind::Unknown);
    CHECK(a->model.outline.doc_class == DocClass::Unknown);
    auto ds = check(text);
    CHECK(count_rule(ds, "structure.kind-unknown") == 1);
    CHECK(count_rule(ds, "nd30.") == 0);
    // A type word over a conference agenda, with no header at all.
    auto b = check("CHƯƠNG TRÌNH\nHội nghị sơ kết năm 2025\n1. Khai mạc\n2. Báo cáo\nBAN TỔ CHỨC\n");
    CHECK(count_rule(b, "structure.kind-unknown") == 1);
    CHECK(count_rule(b, "nd30.") == 0);
    // A pasted fragment gets no note.
    CHECK(count_rule(check("Kế hoạch tuyên truyền chính sách bảo hiểm xã hội.\n"), "structure.kind-unknown") == 0);
}

TEST_CASE("kinds: draft mode from the DỰ THẢO mark or the file name") {
    const char* blank = "UBND XÃ AN HÒA\nSố:    /KH-UBND\nAn Hòa, ngày    tháng 3 năm 2025\nKẾ HOẠCH\nPhòng chống thiên tai\n";
    auto sev = [](const std::vector<Diagnostic>& ds, const std::string& rule) {
        for (const auto& d : ds)
            if (d.rule == rule) return d.severity;
        FAIL("no " << rule);
        return Severity::Error;
    };
    // Number and day both still blank in an editable file: not signed yet, a
    // draft by itself. Only the number blank: a warning.
    const char* number_only = "UBND XÃ AN HÒA\nSố:    /KH-UBND\nAn Hòa, ngày 12 tháng 3 năm 2025\nKẾ HOẠCH\nPhòng chống thiên tai\n";
    auto plain = check(blank);
    CHECK(analyze_text(blank)->model.outline.draft);
    CHECK(sev(plain, "nd30.header.number-blank") == Severity::Info);
    CHECK(sev(plain, "nd30.header.date-blank") == Severity::Info);
    CHECK(sev(check(number_only), "nd30.header.number-blank") == Severity::Warning);
    CHECK_FALSE(analyze_text(number_only)->model.outline.draft);
    CHECK(analyze_text(std::string("(Dự thảo lần 2)\n") + blank)->model.outline.draft);
    CHECK_FALSE(analyze_text("UBND XÃ AN HÒA\nSố: 03/TTr-UBND\nTỜ TRÌNH\nDự thảo Quy chế làm việc\n")->model.outline.draft);
    auto marked = check(std::string("DỰ THẢO\n") + blank);
    CHECK(sev(marked, "nd30.header.number-blank") == Severity::Info);
    CHECK(sev(marked, "nd30.header.date-blank") == Severity::Info);
    for (const char* name : {"Du_thao_ke_hoach.txt", "KE HOACH (DỰ THẢO).txt", "plan-draft.txt", "ke-hoach-du-thao.txt"}) {
        INFO(name);
        auto a = analyze_named(number_only, name);
        CHECK(a->model.outline.draft);
        CHECK(sev(check(number_only, name), "nd30.header.number-blank") == Severity::Info);
    }
    for (const char* name : {"Vv_gop_y_du_thao_quy_che.txt", "lay_y_kien_du_thao.txt", "drafting.txt", "ke-hoach.txt"}) {
        INFO(name);
        CHECK_FALSE(analyze_named(number_only, name)->model.outline.draft);
    }
}

TEST_CASE("outline: Phần, Chương, Mục, Điều with khoản and điểm") {
    using structure::parse_label;
    CHECK(parse_label("Chương I").kind == LabelKind::Chapter);
    CHECK(parse_label("CHƯƠNG II. QUY ĐỊNH CHUNG").number == std::vector<int>{2});
    CHECK(parse_label("Phần thứ hai").kind == LabelKind::Part);
    CHECK(parse_label("Phần thứ hai").number == std::vector<int>{2});
    CHECK(parse_label("Mục 1. Hội viên").kind == LabelKind::Subsection);
    // A stray point after the parenthesis ("d). Các ...") is still item d).
    CHECK(parse_label("d). Các tổ chức thành viên").kind == LabelKind::Letter);
    CHECK(parse_label("d). Các tổ chức thành viên").number == std::vector<int>{4});
    CHECK(parse_label("Điều 5. Hiệu lực").kind == LabelKind::Article);
    CHECK(parse_label("Điều 5. Hiệu lực").number == std::vector<int>{5});
    CHECK(parse_label("Điều 12 Phạm vi").kind == LabelKind::Article);
    CHECK(parse_label("Điều 5 của Luật này quy định").kind == LabelKind::None);  // a reference
    CHECK(parse_label("Phần kinh phí do ngân sách bảo đảm").kind == LabelKind::None);
    CHECK(parse_label("Mục tiêu chung").kind == LabelKind::None);

    auto a = analyze_text(
        "UBND TỈNH PHÚ YÊN\nSố: 09/QĐ-UBND\nQUYẾT ĐỊNH\nBan hành quy chế\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n1. Phạm vi.\na) Cơ quan.\nb) Đơn vị.\n"
        "2. Đối tượng.\na) Công chức.\nĐiều 2. Hiệu lực.\n1. Có hiệu lực.\n2. Bãi bỏ.\n");
    const Outline& o = a->model.outline;
    REQUIRE(o.header.authority);
    CHECK(a->doc.blocks[*o.header.authority].line() == 5);
    REQUIRE(o.sections.size() == 9);
    CHECK(o.sections[0].label_kind == LabelKind::Article);
    CHECK(o.sections[1].parent == 0);            // khoản 1 under Điều 1
    CHECK(o.sections[2].parent == 1);            // điểm a under khoản 1
    CHECK(o.sections[6].label_kind == LabelKind::Article);
    CHECK(o.sections[7].parent == 6);            // khoản 1 again, under Điều 2
}

TEST_CASE("numbering: restarts under each parent; true duplicates and gaps within one parent are found") {
    const char* head = "UBND TỈNH PHÚ YÊN\nSố: 09/QĐ-UBND\nQUYẾT ĐỊNH\nBan hành quy chế\nQUYẾT ĐỊNH:\n";
    auto ok = check(std::string(head) + "Điều 1. Ban hành.\n1. Phạm vi.\n2. Đối tượng.\nĐiều 2. Hiệu lực.\n1. Có hiệu lực.\n"
                                        "2. Bãi bỏ.\nĐiều 3. Thi hành.\n");
    CHECK(count_rule(ok, "structure.numbering") == 0);
    auto dup = check(std::string(head) + "Điều 1. Ban hành.\n1. Phạm vi.\n2. Đối tượng.\n2. Trình tự.\nĐiều 2. Hiệu lực.\n");
    CHECK(count_rule(dup, "structure.numbering-duplicate") == 1);
    // Điều run on through the Chương: "Điều 1" again under Chương II is a duplicate.
    auto art = check(std::string(head) + "Chương I\nĐiều 1. Tên.\nĐiều 2. Mục đích.\nChương II\nĐiều 1. Hội viên.\n");
    CHECK(count_rule(art, "structure.numbering-duplicate") == 1);
    auto gap = check(std::string(head) + "Điều 1. Ban hành.\nĐiều 3. Hiệu lực.\n");
    CHECK(count_rule(gap, "structure.numbering-gap") == 1);
    // d) then e): the Latin alphabet without đ is accepted; c) then e) is a gap.
    auto latin = check(std::string(head) + "Điều 1. Ban hành.\na) Một.\nb) Hai.\nc) Ba.\nd) Bốn.\ne) Năm.\n");
    CHECK(count_rule(latin, "structure.numbering-gap") == 0);
    auto skip = check(std::string(head) + "Điều 1. Ban hành.\na) Một.\nb) Hai.\nc) Ba.\ne) Năm.\n");
    CHECK(count_rule(skip, "structure.numbering-gap") == 1);
}

TEST_CASE("numbering: quotations, table rows, appendices and garbled lines are not the document's numbering") {
    const char* head = "SỞ TƯ PHÁP\nSố: 14/TTr-STP\nTỜ TRÌNH\nĐề nghị phê duyệt\n";
    // A quoted clause with its own numbering, running over several lines.
    auto q = check(std::string(head) + "1. Cơ sở pháp lý.\nKhoản 4 Điều 19 quy định: “4. Nhiệm kỳ đại hội:\n"
                                       "a) Nhiệm kỳ không quá năm năm;\nb) Hội báo cáo lý do.”\n2. Đề xuất.\n");
    CHECK(count_rule(q, "structure.numbering") == 0);
    // An appendix restarts the numbering.
    auto app = check(std::string(head) + "I. SỰ CẦN THIẾT\nII. ĐỀ XUẤT\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n"
                                         "Lê Văn Hùng\nPhụ lục I\nDANH SÁCH\nI. CẤP TỈNH\nII. CẤP XÃ\n");
    CHECK(count_rule(app, "structure.numbering") == 0);
    // Poor OCR: "l." for "1." and unreadable words are no evidence.
    auto ocr = check(std::string(head) + "l. Cht tri: Ddng chi Nguy6n Ngqc Phirc Tinh riy\n2. Thirnh phin mtri cua cac sd:\n");
    CHECK(count_rule(ocr, "structure.numbering") == 0);
}

TEST_CASE("repro: the shared reproductions of wrong kinds give no error (skipped without the shared folder)") {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path dir = fs::path(test::shared_dir()) / "repro";
    if (!fs::is_directory(dir, ec)) {
        WARN("no shared repro folder: skipped");
        return;
    }
    struct Case { const char* file; DocKind kind; DocClass cls; };
    for (auto [file, kind, cls] : {Case{"cong-van-header.txt", DocKind::Letter, DocClass::Administrative},
                                   Case{"decision-articles.txt", DocKind::Decision, DocClass::Administrative},
                                   Case{"decree-header.txt", DocKind::Decree, DocClass::LegalNormative}}) {
        fs::path p = dir / file;
        if (!fs::exists(p, ec)) continue;
        INFO(file);
        std::string text = test::slurp(p);
        auto a = analyze_named(text, p.string());
        CHECK(a->model.outline.kind == kind);
        CHECK(a->model.outline.doc_class == cls);
        for (const auto& d : check(text, p.string())) {
            INFO(d.rule << " at line " << d.line);
            CHECK(d.severity != Severity::Error);
        }
    }
}

TEST_CASE("numbering: numbered rows of a table are not sections") {
    // Tables come from .docx/.html/.md cells; mark the rows as cells.
    auto r = ingest::read_text("SỞ Y TẾ\nSố: 04/BC-SYT\nBÁO CÁO\nKết quả năm 2025\nI. KẾT QUẢ\n1. Tiêm chủng.\n"
                               "1. Huyện A\n2. Huyện B\n2. Huyện C\n2. Phòng dịch.\n",
                               "t.txt", {});
    auto sd = std::get<SourceDocument>(std::move(r));
    for (auto& b : sd.blocks)
        if (b.text.find("Huyện") != std::string::npos) b.in_table = true;
    auto a = pipeline::analyze(std::move(sd));
    for (const auto& s : a->model.outline.sections) CHECK(a->doc.blocks[s.block].text.find("Huyện") == std::string::npos);
    auto sets = rules::select_sets(book(), a->model, {});
    rules::CheckOptions opts;
    opts.today = {23, 11, 2026};
    auto ds = rules::evaluate(book(), sets, a->model, opts);
    CHECK(count_rule(ds, "structure.numbering") == 0);
}

TEST_CASE("attachments: a Phụ lục heading before the closing is part of the body") {
    const char* text =
        "UBND HUYỆN AN LÃO\nSố: 03/KH-UBND\nAn Lão, ngày 02 tháng 3 năm 2025\nKẾ HOẠCH\nTuyên truyền năm 2025\n"
        "I. NỘI DUNG\n1. Tuyên truyền.\nPhụ lục I\nII. TỔ CHỨC THỰC HIỆN\nNơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\n"
        "CHỦ TỊCH\nLê Văn Tâm\n";
    auto a = analyze_text(text);
    CHECK(a->model.outline.attachments.empty());
    CHECK(a->model.outline.closing.signer_name);
    auto after = analyze_text(std::string(text) + "Phụ lục I\nDANH SÁCH ĐƠN VỊ\nI. CẤP HUYỆN\n");
    REQUIRE(after->model.outline.attachments.size() == 1);
    CHECK(after->doc.blocks[after->model.outline.attachments[0].begin].line() == 15);
    CHECK(after->model.outline.closing.signer_name);
    CHECK(after->model.outline.sections.back().segment == 1);
}
