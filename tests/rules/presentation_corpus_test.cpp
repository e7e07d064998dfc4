// The Word files of corpus/presentation: made here with the tests' .docx
// writer, one right document and documents that are wrong for each
// presentation rule (Decree 30/2020 Appendix I). Their findings are in the
// NAME.expected files (tests/pipeline/corpus_test.cpp checks them); the rule
// file's examples name them. This file checks that the committed files are
// what the writer makes (PLANCHECK_WRITE_CORPUS=1 rewrites them), and that a
// Decree 30 template converted to .docx by LibreOffice gives no presentation
// finding (skipped without soffice).
#include <catch2/catch.hpp>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "../helpers.h"
#include "../ingest/docx_writer.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"
#include "rules/ruleset.h"

namespace fs = std::filesystem;
using namespace plancheck;
using test::DocxWriter;
using RF = DocxWriter::RunFmt;
using PF = DocxWriter::ParaFmt;

namespace {

const std::string kTNR = "Times New Roman";

RF f(int size, bool bold = false, bool italic = false, std::string font = kTNR) { return RF{font, size, bold, italic, ""}; }

// What each document varies from the right one.
struct Variant {
    RF national{kTNR, 24, true, false, ""}, motto{kTNR, 28, true, false, ""};
    RF superior{kTNR, 26, false, false, ""}, issuer{kTNR, 26, true, false, ""};
    RF number{kTNR, 26, false, false, ""}, place_date{kTNR, 28, false, true, ""};
    RF type{kTNR, 28, true, false, ""}, title{kTNR, 28, true, false, ""};
    RF basis{kTNR, 28, false, true, ""}, body{kTNR, 28, false, false, ""}, heading{kTNR, 28, true, false, ""};
    RF recipients{kTNR, 24, true, true, ""}, items{kTNR, 22, false, false, ""};
    RF authority{kTNR, 28, true, false, ""}, position{kTNR, 28, true, false, ""}, name{kTNR, 28, true, false, ""};
    PF title_para{"center", -1, -1, -1, -1, ""};
    PF body_para{"both", 720, 0, 120, 312, "auto"};
    DocxWriter::Page page;
    bool page_number = true;
    RF number_run{kTNR, 28, false, false, ""};
    PF number_para{"center", -1, -1, -1, -1, ""};
    bool number_in_footer = false, number_on_first = false;
    std::string extra_body;  // paragraphs added to the body (a coloured or legacy-font line)
    bool table_in_body = false;
    bool swapped = false;  // header and closing tables with their two cells the wrong way round
};

std::string cell(const std::vector<std::pair<std::string, RF>>& lines) {
    std::string x;
    for (const auto& [t, r] : lines) x += DocxWriter::fpara(t, r, PF{"center", -1, -1, -1, -1, ""});
    return x;
}

// A Kế hoạch of an invented department, laid out as Decree 30's template.
DocxWriter plan(const Variant& v) {
    DocxWriter w;
    std::string& b = w.body;
    std::string issuer = cell({{"UBND TỈNH AN PHÚ", v.superior}, {"SỞ VĂN HÓA VÀ THỂ THAO", v.issuer},
                               {"Số: 15/KH-SVHTT", v.number}});
    std::string state = cell({{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", v.national},
                              {"Độc lập - Tự do - Hạnh phúc", v.motto},
                              {"An Phú, ngày 05 tháng 3 năm 2026", v.place_date}});
    b += v.swapped ? DocxWriter::ftable({{state, issuer}}) : DocxWriter::ftable({{issuer, state}});
    b += DocxWriter::fpara("KẾ HOẠCH", v.type, v.title_para);
    b += DocxWriter::fpara("Tổ chức giải chạy việt dã toàn tỉnh năm 2026", v.title, v.title_para);
    PF bp = v.body_para;
    b += DocxWriter::fpara("Căn cứ Kế hoạch số 02/KH-UBND ngày 10 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh về "
                           "phát triển thể dục, thể thao quần chúng năm 2026, Sở Văn hóa và Thể thao xây dựng kế "
                           "hoạch như sau:",
                           v.basis, bp);
    b += DocxWriter::fpara("I. MỤC ĐÍCH, YÊU CẦU", v.heading, bp);
    b += DocxWriter::fpara("1. Mục đích", v.heading, bp);
    b += DocxWriter::fpara("Khuyến khích người dân trong tỉnh tham gia rèn luyện thân thể thường xuyên, nâng cao "
                           "sức khỏe và tinh thần đoàn kết; phát hiện vận động viên có năng khiếu chạy bộ cho các "
                           "đội tuyển của tỉnh.",
                           v.body, bp);
    b += DocxWriter::fpara("2. Yêu cầu", v.heading, bp);
    b += DocxWriter::fpara("Giải chạy được tổ chức an toàn, tiết kiệm, đúng điều lệ; các cơ quan, đơn vị phối hợp "
                           "chặt chẽ trong công tác chuẩn bị, tuyên truyền và bảo đảm an ninh trật tự trên toàn "
                           "tuyến đường chạy.",
                           v.body, bp);
    b += DocxWriter::fpara("II. NỘI DUNG", v.heading, bp);
    b += DocxWriter::fpara("1. Thời gian và địa điểm", v.heading, bp);
    b += DocxWriter::fpara("Giải chạy diễn ra vào sáng Chủ nhật, ngày 26 tháng 4 năm 2026, xuất phát tại quảng "
                           "trường trung tâm tỉnh, cự ly 5 km cho học sinh và 10 km cho các đối tượng còn lại.",
                           v.body, bp);
    if (v.table_in_body)
        b += DocxWriter::ftable({{cell({{"Cự ly", v.items}}), cell({{"Đối tượng", v.items}})},
                                 {cell({{"5 km", v.items}}), cell({{"Học sinh", v.items}})}});
    b += v.extra_body;
    b += DocxWriter::fpara("2. Kinh phí", v.heading, bp);
    b += DocxWriter::fpara("Kinh phí tổ chức giải được bố trí từ nguồn sự nghiệp thể dục, thể thao năm 2026 đã "
                           "giao cho Sở và nguồn xã hội hóa hợp pháp của các doanh nghiệp đồng hành cùng giải chạy.",
                           v.body, bp);
    PF left{"left", -1, -1, -1, -1, ""};
    std::string recipients = DocxWriter::fpara("Nơi nhận:", v.recipients, left) +
                             DocxWriter::fpara("- UBND tỉnh (để b/c);", v.items, left) +
                             DocxWriter::fpara("- Các sở, ngành liên quan;", v.items, left) +
                             DocxWriter::fpara("- Lưu: VT, NVTDTT.", v.items, left);
    PF center{"center", -1, -1, -1, -1, ""};
    std::string signer = DocxWriter::fpara("KT. GIÁM ĐỐC", v.authority, center) +
                         DocxWriter::fpara("PHÓ GIÁM ĐỐC", v.position, center) +
                         DocxWriter::fpara("Trần Minh Khoa", v.name, center);
    b += v.swapped ? DocxWriter::ftable({{signer, recipients}}) : DocxWriter::ftable({{recipients, signer}});
    DocxWriter::Page pg = v.page;
    if (v.page_number) {
        std::string number = DocxWriter::page_number(v.number_run, v.number_para);
        w.add_header_part(v.number_in_footer ? "rIdFooter" : "rIdHeader", v.number_in_footer ? "footer1.xml" : "header1.xml",
                          number, v.number_in_footer);
        (v.number_in_footer ? pg.footer : pg.header) = v.number_in_footer ? "rIdFooter" : "rIdHeader";
        if (!v.number_on_first) {
            pg.title_page = true;
            w.add_header_part("rIdFirst", "header2.xml", "<w:p/>");
            pg.first_header = "rIdFirst";
        }
    }
    b += DocxWriter::sect_pr(pg);
    return w;
}

// The header table, the signature table and the page setup every document shares.
std::string header_table(const Variant& v, const std::string& number, const std::string& under_number = {}) {
    return DocxWriter::ftable({{cell({{"UBND TỈNH AN PHÚ", v.superior}, {"SỞ VĂN HÓA VÀ THỂ THAO", v.issuer},
                                      {number, v.number}}) + under_number,
                                cell({{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", v.national},
                                      {"Độc lập - Tự do - Hạnh phúc", v.motto},
                                      {"An Phú, ngày 05 tháng 3 năm 2026", v.place_date}})}});
}
std::string signature(const Variant& v, const std::vector<std::string>& recipients, const std::string& authority,
                      const std::string& position) {
    PF left{"left", -1, -1, -1, -1, ""}, center{"center", -1, -1, -1, -1, ""};
    std::string r = DocxWriter::fpara("Nơi nhận:", v.recipients, left);
    for (const auto& x : recipients) r += DocxWriter::fpara(x, v.items, left);
    std::string sg;
    if (!authority.empty()) sg += DocxWriter::fpara(authority, v.authority, center);
    sg += DocxWriter::fpara(position, v.position, center) + DocxWriter::fpara("Trần Minh Khoa", v.name, center);
    return DocxWriter::ftable({{r, sg}});
}

// A Quyết định of the same department, its articles under chapters.
DocxWriter decision(const Variant& v, const RF& article, const PF& chapter_para) {
    DocxWriter w;
    std::string& b = w.body;
    b += header_table(v, "Số: 42/QĐ-SVHTT");
    b += DocxWriter::fpara("QUYẾT ĐỊNH", v.type, v.title_para);
    b += DocxWriter::fpara("Về việc ban hành nội quy nhà thi đấu của Sở", v.title, v.title_para);
    b += DocxWriter::fpara("GIÁM ĐỐC SỞ VĂN HÓA VÀ THỂ THAO", v.type, v.title_para);
    b += DocxWriter::fpara("Căn cứ Quyết định số 12/2025/QĐ-UBND ngày 20 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh "
                           "quy định chức năng, nhiệm vụ của Sở Văn hóa và Thể thao;",
                           v.basis, v.body_para);
    b += DocxWriter::fpara("Theo đề nghị của Trưởng phòng Nghiệp vụ thể dục, thể thao.", v.basis, v.body_para);
    b += DocxWriter::fpara("QUYẾT ĐỊNH:", v.type, v.title_para);
    b += DocxWriter::fpara("Chương I", v.heading, chapter_para);
    b += DocxWriter::fpara("QUY ĐỊNH CHUNG", v.heading, chapter_para);
    b += DocxWriter::fpara({{"Điều 1. ", article},
                            {"Ban hành kèm theo Quyết định này nội quy sử dụng nhà thi đấu đa năng của Sở, áp dụng "
                             "cho mọi tổ chức, cá nhân đến tập luyện và thi đấu.",
                             v.body}},
                           v.body_para);
    b += DocxWriter::fpara("Chương II", v.heading, chapter_para);
    b += DocxWriter::fpara("TỔ CHỨC THỰC HIỆN", v.heading, chapter_para);
    b += DocxWriter::fpara({{"Điều 2. ", article},
                            {"Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Trưởng các phòng và "
                             "đơn vị trực thuộc chịu trách nhiệm thi hành Quyết định này.",
                             v.body}},
                           v.body_para);
    b += signature(v, {"- Như Điều 2;", "- Lưu: VT, NVTDTT."}, "", "GIÁM ĐỐC");
    b += DocxWriter::sect_pr(v.page);
    return w;
}

// A Công văn: its subject "V/v ..." under the number.
DocxWriter letter(const Variant& v, const RF& subject) {
    DocxWriter w;
    std::string& b = w.body;
    b += header_table(v, "Số: 25/SVHTT-NVTDTT",
                      DocxWriter::fpara("V/v tổ chức giải chạy việt dã năm 2026", subject, PF{"center", -1, -1, -1, -1, ""}));
    b += DocxWriter::fpara("Kính gửi: Ủy ban nhân dân các huyện, thị xã", v.body, v.title_para);
    b += DocxWriter::fpara("Thực hiện kế hoạch phát triển thể dục, thể thao quần chúng năm 2026, Sở Văn hóa và Thể "
                           "thao đề nghị Ủy ban nhân dân các huyện, thị xã cử vận động viên tham gia giải chạy việt dã "
                           "toàn tỉnh, gửi danh sách về Sở trước ngày 15 tháng 4 năm 2026.",
                           v.body, v.body_para);
    b += DocxWriter::fpara("Sở Văn hóa và Thể thao đề nghị các đơn vị quan tâm phối hợp thực hiện./.", v.body, v.body_para);
    b += signature(v, {"- Như trên;", "- Lưu: VT, NVTDTT."}, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC");
    b += DocxWriter::sect_pr(v.page);
    return w;
}

std::map<std::string, DocxWriter> documents() {
    std::map<std::string, DocxWriter> out;
    out.emplace("nd30-template", plan({}));
    {
        Variant v;
        out.emplace("decision-right", decision(v, f(28, true), PF{"center", -1, -1, 120, -1, ""}));
        out.emplace("decision-wrong", decision(v, f(28, false), PF{"left", -1, -1, 120, -1, ""}));
        out.emplace("letter-right", letter(v, f(26)));
        out.emplace("letter-wrong", letter(v, f(28, true, true)));
    }
    {
        Variant v;
        v.page.width = 12240, v.page.height = 15840;            // Letter
        v.page.top = 851, v.page.left = 1418, v.page.right = 567;  // 15, 25, 10 mm
        v.number_in_footer = true, v.number_on_first = true;
        v.number_para.jc = "right";
        v.number_run.size = 24;
        out.emplace("page-wrong", plan(v));
    }
    {
        Variant v;
        v.page.width = 16838, v.page.height = 11906, v.page.landscape = true;
        out.emplace("landscape-no-table", plan(v));
    }
    {
        Variant v;
        v.body.font = "Arial";
        v.extra_body = DocxWriter::fpara("Các đơn vị báo cáo kết quả về Sở trước ngày 30 tháng 4 năm 2026 để tổng hợp.",
                                         RF{kTNR, 28, false, false, "FF0000"}, v.body_para) +
                       DocxWriter::fpara("Ban tổ chức giải thông báo điều lệ chi tiết trên cổng thông tin của Sở.",
                                         RF{".VnTime", 28, false, false, ""}, v.body_para);
        out.emplace("font-wrong", plan(v));
    }
    {
        Variant v;
        v.national = f(28, false), v.motto = f(24, false), v.issuer = f(26, false), v.number = f(28, false, true);
        v.place_date = f(28, false, false), v.type = f(32, false), v.title = f(28, false, true);
        v.title_para.jc = "left";
        v.basis = f(28, false, false), v.recipients = f(26, true, false), v.items = f(26, false, false);
        v.authority = f(28, false), v.position = f(28, false), v.name = f(28, false);
        out.emplace("header-wrong", plan(v));
    }
    {
        Variant v;
        v.body = f(24);
        v.body_para = PF{"left", 0, 0, 0, 480, "auto"};
        out.emplace("body-wrong", plan(v));
    }
    {
        Variant v;
        v.swapped = true;
        out.emplace("columns-swapped", plan(v));
    }
    return out;
}


fs::path corpus_dir() { return fs::path(test::source_dir()) / "corpus" / "presentation"; }

std::vector<Diagnostic> presentation_findings(const std::string& path) {
    static rules::RuleBook book = rules::load_rulebook(test::source_dir() + "/rules");
    pipeline::Options o;
    o.check.today = {23, 11, 2026};
    std::vector<Diagnostic> out;
    for (auto& d : pipeline::check_file(path, book, o).diagnostics)
        if (d.rule.rfind("nd30.presentation.", 0) == 0) out.push_back(d);
    return out;
}

}  // namespace

TEST_CASE("corpus/presentation holds what the .docx writer makes", "[presentation]") {
    bool write = std::getenv("PLANCHECK_WRITE_CORPUS") != nullptr;
    for (auto& [name, doc] : documents()) {
        fs::path p = corpus_dir() / (name + ".docx");
        if (write) {
            std::ofstream(p, std::ios::binary) << doc.build();
            continue;
        }
        INFO(p.string() << " (PLANCHECK_WRITE_CORPUS=1 rewrites it)");
        REQUIRE(fs::exists(p));
        CHECK(test::unzip_parts(p) == doc.parts());
    }
}

TEST_CASE("the right document gives no presentation finding; each wrong one gives its own", "[presentation]") {
    CHECK(presentation_findings((corpus_dir() / "nd30-template.docx").string()).empty());
    auto rules_of = [](const std::string& name) {
        std::set<std::string> out;
        for (const auto& d : presentation_findings((corpus_dir() / (name + ".docx")).string())) out.insert(d.rule);
        return out;
    };
    CHECK(rules_of("page-wrong") == std::set<std::string>{"nd30.presentation.paper", "nd30.presentation.margins",
                                                            "nd30.presentation.page-number"});
    CHECK(rules_of("landscape-no-table") == std::set<std::string>{"nd30.presentation.paper"});
    CHECK(rules_of("font-wrong") == std::set<std::string>{"nd30.presentation.font", "nd30.presentation.color"});
    CHECK(rules_of("columns-swapped") ==
          std::set<std::string>{"nd30.presentation.position-header", "nd30.presentation.position-number",
                                "nd30.presentation.position-closing"});
    CHECK(rules_of("body-wrong") ==
          std::set<std::string>{"nd30.presentation.body-size", "nd30.presentation.body-align",
                                "nd30.presentation.body-indent", "nd30.presentation.body-spacing",
                                "nd30.presentation.body-line-spacing"});
    auto header = rules_of("header-wrong");
    for (const char* r : {"national-title", "motto", "agency", "number", "place-date", "type-name", "title", "bases",
                          "recipients", "recipient-items", "authority", "signer-position", "signer-name"})
        CHECK(header.count(std::string("nd30.presentation.") + r));
}

TEST_CASE("messages say what was found and what is required, in both languages", "[presentation]") {
    auto found = presentation_findings((corpus_dir() / "page-wrong.docx").string());
    bool margins = false;
    for (const auto& d : found)
        if (d.rule == "nd30.presentation.margins") {
            margins = true;
            CHECK(d.message == "Định lề trang: lề trên 15 mm, lề trái 25 mm, lề phải 10 mm; cần lề trên 20–25 mm, "
                               "lề trái 30–35 mm, lề phải 15–20 mm");
        }
    CHECK(margins);
}

TEST_CASE("a Decree 30 template converted to .docx by LibreOffice gives no presentation finding", "[presentation]") {
    std::string soffice = ingest::find_soffice({});
    if (soffice.empty()) {
        WARN("soffice not found: skipped");
        return;
    }
    fs::path dir = fs::temp_directory_path() / ("plancheck-lo-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::copy_file(fs::path(test::source_dir()) / "tests/data/presentation/nd30-template.fodt", dir / "nd30-template.fodt",
                  fs::copy_options::overwrite_existing);
    std::string cmd = test::shell_quote(soffice) + " -env:UserInstallation=file://" + (dir / "profile").string() +
                      " --headless --convert-to docx --outdir " + test::shell_quote(dir.string()) + " " +
                      test::shell_quote((dir / "nd30-template.fodt").string()) + " >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    fs::path docx = dir / "nd30-template.docx";
    REQUIRE(fs::exists(docx));
    auto found = presentation_findings(docx.string());
    std::string list;
    for (const auto& d : found) list += d.rule + ": " + d.message + "\n";
    INFO(list);
    CHECK(found.empty());
    fs::remove_all(dir);
}
