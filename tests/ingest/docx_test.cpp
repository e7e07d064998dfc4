// .docx reading: paragraph numbers, automatic numbering, legacy fonts, tables,
// text boxes, asides, and hostile containers.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "helpers.h"
#include "ingest/docx/docx_parts.h"
#include "ingest/docx_writer.h"
#include "ingest/ingest.h"

using namespace plancheck;
using test::DocxWriter;

namespace {

SourceDocument read_ok(const std::string& bytes) {
    auto r = ingest::read_bytes(bytes, "docx", "t.docx", {});
    if (auto* bad = std::get_if<UnreadableInput>(&r)) FAIL("unreadable: " << bad->reason);
    return std::get<SourceDocument>(r);
}

std::string reason(const std::string& bytes, ingest::Options o = {}) {
    auto r = ingest::read_bytes(bytes, "docx", "t.docx", o);
    REQUIRE(std::holds_alternative<UnreadableInput>(r));
    return std::get<UnreadableInput>(r).reason;
}

std::vector<std::string> labels(const SourceDocument& d) {
    std::vector<std::string> out;
    for (const auto& b : d.blocks) out.push_back(b.label);
    return out;
}

}  // namespace

TEST_CASE("docx: paragraph numbers count every body paragraph, columns count code points") {
    DocxWriter w;
    w.body = DocxWriter::para("KẾ HOẠCH") + DocxWriter::para("") + DocxWriter::para(std::vector<test::Run>{{"Tuyên ", ""}, {"truyền", ""}}) +
             DocxWriter::table({{"Nội dung", "Thời gian"}}) + DocxWriter::para("Nơi nhận:");
    auto d = read_ok(w.build());
    REQUIRE(d.blocks.size() == 5);
    CHECK(d.blocks[0].line() == 1);
    CHECK(d.blocks[1].text == "Tuyên truyền");
    CHECK(d.blocks[1].line() == 3);
    CHECK(d.blocks[1].locate(std::string("Tuyên ").size()).column == 7);
    CHECK(d.blocks[2].in_table);
    CHECK(d.blocks[2].kind == BlockKind::TableCell);
    CHECK(d.blocks[3].line() == 5);
    CHECK(d.blocks[4].line() == 6);
    CHECK(d.format == "docx");
}

TEST_CASE("docx: automatic numbering gives the labels Word shows") {
    DocxWriter w;
    w.numbering = DocxWriter::plan_abstract(1) + DocxWriter::num(1, 1) + DocxWriter::num(2, 1, {{1, 5}}) +
                  "<w:abstractNum w:abstractNumId=\"7\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
                  "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2.\"/></w:lvl>"
                  "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\xEF\x82\xB7\"/></w:lvl></w:abstractNum>" +
                  DocxWriter::num(3, 7);
    w.styles = "<w:style w:type=\"paragraph\" w:styleId=\"Muc\"><w:name w:val=\"Muc\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>";
    w.body = DocxWriter::para("MỤC TIÊU", 1, 0) + DocxWriter::para("Mục tiêu chung", 1, 1) + DocxWriter::para("Nội dung a", 1, 2) +
             DocxWriter::para("Nội dung b", 1, 2) + DocxWriter::para("Ý một", 1, 3) + DocxWriter::para("Chi tiết", 1, 4) +
             DocxWriter::para("Mục tiêu cụ thể", 1, 1) + DocxWriter::para("Nội dung a mới", 1, 2) +
             DocxWriter::para("NỘI DUNG", 0, 0, "Muc") +        // numbered through its style
             DocxWriter::para("Nhiệm vụ", 2, 1) +                  // startOverride 5 at level 1
             DocxWriter::para("Nhiệm vụ tiếp", 2, 1) + DocxWriter::para("Giai đoạn", 3, 0) +
             DocxWriter::para("Giai đoạn 2021 - 2025", 3, 1) + DocxWriter::para("Chấm", 3, 2) +
             DocxWriter::para("Không đánh số", 0, 0);
    auto d = read_ok(w.build());
    CHECK(labels(d) == std::vector<std::string>{"I.", "1.", "a)", "b)", "-", "+", "2.", "a)", "II.", "5.", "6.", "1.",
                                                 "1.1.", "•", ""});
    CHECK(d.blocks[0].kind == BlockKind::ListItem);
    CHECK(d.blocks[2].level == 3);
    CHECK(d.blocks[0].text == "MỤC TIÊU");  // the label is not in the text
}

TEST_CASE("docx: number formats") {
    using ingest::docx::format_number;
    CHECK(format_number(4, "upperRoman") == "IV");
    CHECK(format_number(14, "lowerRoman") == "xiv");
    CHECK(format_number(5, "lowerLetter") == "e");  // Word has no đ
    CHECK(format_number(27, "upperLetter") == "AA");
    CHECK(format_number(3, "decimalZero") == "03");
}

TEST_CASE("docx: TCVN3 and VNI runs are converted by font") {
    DocxWriter w;
    w.styles = "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
               "<w:style w:type=\"character\" w:styleId=\"Cu\"><w:name w:val=\"Cu\"/><w:rPr><w:rFonts w:ascii=\".VnTime\" w:hAnsi=\".VnTime\"/></w:rPr></w:style>";
    using legacy::Encoding;
    w.body = DocxWriter::para(std::vector<test::Run>{{test::as_legacy_run("Kế hoạch tuyên truyền", Encoding::Tcvn3), ".VnTime"}}) +
             DocxWriter::para(std::vector<test::Run>{{test::as_legacy_run("kế hoạch", Encoding::Tcvn3), ".VnTimeH"}}) +
             DocxWriter::para(std::vector<test::Run>{{"Căn cứ ", "Times New Roman"}, {test::as_legacy_run("Quyết định số 1676", Encoding::Vni), "VNI-Times"}}) +
             "<w:p><w:r><w:rPr><w:rStyle w:val=\"Cu\"/></w:rPr><w:t>" + test::xml_escape(test::as_legacy_run("bảo hiểm xã hội", Encoding::Tcvn3)) + "</w:t></w:r></w:p>";
    auto d = read_ok(w.build());
    REQUIRE(d.blocks.size() == 4);
    CHECK(d.blocks[0].text == "Kế hoạch tuyên truyền");
    CHECK(d.blocks[1].text == "KẾ HOẠCH");
    CHECK(d.blocks[2].text == "Căn cứ Quyết định số 1676");
    CHECK(d.blocks[3].text == "bảo hiểm xã hội");  // font inherited from a character style
    std::vector<std::string> obs;
    for (const auto& o : d.observations) obs.push_back(o.kind + ":" + o.detail);
    CHECK(obs == std::vector<std::string>{"encoding.legacy:tcvn3", "encoding.legacy:vni"});
    CHECK(d.observations[1].ref.block == 2);
    CHECK(d.observations[1].ref.begin == std::string("Căn cứ ").size());
}

TEST_CASE("docx: text boxes in order, once; headers, footnotes and comments kept apart") {
    DocxWriter w;
    w.body = DocxWriter::para("Trước") + DocxWriter::textbox("Neo", DocxWriter::para("Trong hộp")) + DocxWriter::para("Sau") +
             "<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:t>Có ghi chú</w:t></w:r><w:r><w:footnoteReference w:id=\"2\"/></w:r></w:p>";
    w.comments = "<w:comment w:id=\"0\" w:author=\"A\">" + DocxWriter::para("plancheck-disable text.typo") + "</w:comment>";
    w.footnotes = "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:t>---</w:t></w:r></w:p></w:footnote>"
                  "<w:footnote w:id=\"2\">" + DocxWriter::para("Chú thích") + "</w:footnote>";
    w.header = DocxWriter::para("UBND TỈNH");
    auto d = read_ok(w.build());
    std::vector<std::string> texts;
    for (const auto& b : d.blocks) texts.push_back(b.text + "@" + std::to_string(b.line()));
    // The footnote follows the body, numbered on after its last paragraph.
    CHECK(texts == std::vector<std::string>{"Trước@1", "Neo@2", "Trong hộp@3", "Sau@4", "Có ghi chú@5", "Chú thích@6"});
    CHECK(d.blocks[5].kind == BlockKind::Footnote);
    REQUIRE(d.aside.size() == 2);
    CHECK(d.aside[0].kind == BlockKind::PageHeader);
    CHECK(d.aside[0].text == "UBND TỈNH");
    CHECK(d.aside[1].kind == BlockKind::Comment);
    CHECK(d.aside[1].text == "plancheck-disable text.typo");
    CHECK(d.aside[1].line() == 5);
}

TEST_CASE("docx: hostile and broken containers are refused with a reason") {
    DocxWriter ok;
    ok.body = DocxWriter::para("Nội dung");
    std::string good = ok.build();

    SECTION("corrupt zip") {
        std::string bad = good;
        for (size_t i = 30; i < bad.size(); i += 7) bad[i] = static_cast<char>(bad[i] ^ 0x5A);
        CHECK(reason(bad).find("damaged") != std::string::npos);
        CHECK(reason("PK\x03\x04 not really a zip").find("damaged") != std::string::npos);
    }
    SECTION("truncated zip") { CHECK(reason(good.substr(0, good.size() / 2)).find("damaged") != std::string::npos); }
    SECTION("missing word/document.xml") {
        auto bytes = DocxWriter::zip_parts({{"[Content_Types].xml", "<Types/>"}});
        CHECK(reason(bytes).find("word/document.xml is missing") != std::string::npos);
    }
    SECTION("zip bomb: huge inflation ratio") {
        DocxWriter w;
        w.body = DocxWriter::para("x");
        w.raw_parts["word/document.xml"] = std::string(8u << 20, ' ');  // 8 MiB of spaces deflate to ~8 KiB
        CHECK(reason(w.build()).find("safety limit") != std::string::npos);
    }
    SECTION("inflated size above the absolute cap") {
        ingest::Options o;
        o.max_inflated_bytes = 100;
        CHECK(reason(good, o).find("safety limit") != std::string::npos);
    }
    SECTION("password-protected Word file (OLE container)") {
        std::string ole = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0');
        CHECK(reason(ole).find("password-protected") != std::string::npos);
    }
    SECTION("encrypted zip entries") {
        std::string enc;
        try {
            enc = DocxWriter::zip_parts(ok.parts(), "secret");
        } catch (const std::exception& e) {
            WARN("skipped: this libzip cannot write encrypted entries (" << e.what() << ")");
            return;
        }
        CHECK(reason(enc).find("encrypted") != std::string::npos);
    }
    SECTION("malformed XML") {
        DocxWriter w;
        w.raw_parts["word/document.xml"] = "<w:document><w:body><w:p>";
        CHECK(reason(w.build()).find("not well-formed XML") != std::string::npos);
    }
}

TEST_CASE("docx: entity expansion (billion laughs) is not expanded") {
    std::string dtd = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY lol \"lol\">";
    for (int i = 1; i <= 9; ++i) {
        std::string prev = i == 1 ? "lol" : "lol" + std::to_string(i - 1), def;
        for (int k = 0; k < 10; ++k) def += "&" + prev + ";";
        dtd += "<!ENTITY lol" + std::to_string(i) + " \"" + def + "\">";
    }
    dtd += "]>";
    DocxWriter w;
    w.raw_parts["word/document.xml"] = dtd + "<w:document " + std::string(DocxWriter::kNs) +
                                       "><w:body><w:p><w:r><w:t>Kế hoạch &lol9;</w:t></w:r></w:p></w:body></w:document>";
    auto r = ingest::read_bytes(w.build(), "docx", "t.docx", {});
    // Either refused or read without expansion; never a billion "lol"s.
    if (auto* d = std::get_if<SourceDocument>(&r)) {
        REQUIRE(d->blocks.size() == 1);
        CHECK(d->blocks[0].text.size() < 100);
        CHECK(d->blocks[0].text.rfind("Kế hoạch", 0) == 0);
    }
}

namespace {

// Raw paragraph XML from runs of raw inner XML ("<w:t>..</w:t>", "<w:br/>").
std::string p_raw(const std::string& inner, const std::string& ppr = "") {
    return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + inner + "</w:p>";
}
std::string r_t(const std::string& text, const std::string& rpr = "") {
    return "<w:r>" + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") + "<w:t xml:space=\"preserve\">" +
           test::xml_escape(text) + "</w:t></w:r>";
}
const char* kBr = "<w:r><w:br/></w:r>";
const char* kTab = "<w:r><w:tab/></w:r>";
std::string cell(const std::string& paras) { return "<w:tc>" + paras + "</w:tc>"; }
std::string row(const std::vector<std::string>& cells) {
    std::string x = "<w:tr>";
    for (const auto& c : cells) x += cell(c);
    return x + "</w:tr>";
}

std::vector<std::string> texts_at(const SourceDocument& d) {
    std::vector<std::string> out;
    for (const auto& b : d.blocks)
        out.push_back(b.text + "@" + std::to_string(b.line()) + ":" + std::to_string(b.locate(0).column));
    return out;
}

const rules::RuleBook& book() {
    static rules::RuleBook b = rules::load_rulebook(test::source_dir() + "/rules");
    return b;
}
std::vector<Diagnostic> check_docx(const std::string& bytes) {
    pipeline::Options o;
    o.check.today = {1, 12, 2026};
    return pipeline::check_bytes(bytes, "docx", "t.docx", book(), o).diagnostics;
}
std::vector<std::string> rules_of(const std::vector<Diagnostic>& ds, Severity at_least = Severity::Error) {
    std::vector<std::string> out;
    for (const auto& d : ds)
        if (d.severity == at_least) out.push_back(d.rule);
    return out;
}
bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

std::unique_ptr<pipeline::Analysis> analyze_docx(const std::string& bytes) {
    return pipeline::analyze(read_ok(bytes));
}
std::string block_text(const pipeline::Analysis& a, std::optional<uint32_t> b) {
    return b ? a.doc.blocks[*b].text : "(none)";
}

}  // namespace

TEST_CASE("docx: a legacy-font style in a table cell whose text normalize rewrites (regression: internal error)") {
    // VNI-Times through the paragraph style, in a table cell, with runs of
    // spaces and a leading tab that normalize folds and trims: the legacy
    // observation recorded by ingest must follow the rewritten text.
    DocxWriter w;
    w.styles = "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
               "<w:style w:type=\"paragraph\" w:styleId=\"Vni\"><w:name w:val=\"Vni\"/><w:rPr><w:rFonts w:ascii=\"VNI-Times\" w:hAnsi=\"VNI-Times\"/></w:rPr></w:style>";
    std::string legacy_text = test::as_legacy_run("Sở Giao thông vận tải", legacy::Encoding::Vni);
    w.body = "<w:tbl>" +
             row({p_raw(r_t("Nơi nhận:")) + p_raw(kTab + r_t("-    Như trên;     ")),
                  p_raw(std::string(kTab) + kTab + r_t("   " + legacy_text + "     "), "<w:pStyle w:val=\"Vni\"/>")}) +
             "</w:tbl>";
    std::string bytes = w.build();
    auto a = analyze_docx(bytes);
    const Observation* legacy_obs = nullptr;
    for (const auto& o : a->doc.observations)
        if (o.kind == "encoding.legacy") legacy_obs = &o;
    REQUIRE(legacy_obs);
    REQUIRE(legacy_obs->ref.block < a->doc.blocks.size());
    const Block& b = a->doc.blocks[legacy_obs->ref.block];
    REQUIRE(legacy_obs->ref.end <= b.text.size());
    CHECK(a->model.text(legacy_obs->ref) == "Sở Giao thông vận tải");
    auto ds = check_docx(bytes);
    CHECK_FALSE(has(rules_of(ds), "input.unreadable"));
    bool reported = false;
    for (const auto& d : ds)
        if (d.rule == "text.encoding.legacy") {
            reported = true;
            CHECK(d.line == 3);
            CHECK(d.column == 6);  // two tabs and three spaces before it in the paragraph
        }
    CHECK(reported);
}

TEST_CASE("docx: the shared reproduction with VNI-Times styles in a table reads") {
    namespace fs = std::filesystem;
    fs::path f = fs::path(test::shared_dir()) / "repro" / "vni-styles-in-table.docx";
    if (!fs::exists(f)) {
        WARN("skipped: " << f << " is not there");
        return;
    }
    auto ds = check_docx(test::slurp(f));
    CHECK_FALSE(has(rules_of(ds), "input.unreadable"));
    CHECK_FALSE(has(rules_of(ds), "text.encoding.legacy"));  // its VNI-styled text is Unicode
}

TEST_CASE("docx: Unicode text in a .VnTime or VNI font is not converted") {
    DocxWriter w;
    using legacy::Encoding;
    w.body = DocxWriter::para(std::vector<test::Run>{{"Căn cứ Nghị định số 30/2020/NĐ-CP", ".VnTime"}}) +
             DocxWriter::para(std::vector<test::Run>{{"Hà", ".VnTime"}, {" Nội", ".VnTime"}}) +  // Latin-1 letters only, still Unicode
             DocxWriter::para(std::vector<test::Run>{{"Tháng", "VNI-Times"}}) +
             DocxWriter::para(std::vector<test::Run>{{"Số: 12/KH-UBND", ".VnTimeH"}}) +  // ASCII: nothing to convert
             DocxWriter::para(std::vector<test::Run>{{test::as_legacy_run("Kế hoạch tuyên truyền", Encoding::Tcvn3), ".VnTime"}});
    auto d = read_ok(w.build());
    REQUIRE(d.blocks.size() == 5);
    CHECK(d.blocks[0].text == "Căn cứ Nghị định số 30/2020/NĐ-CP");
    CHECK(d.blocks[1].text == "Hà Nội");
    CHECK(d.blocks[2].text == "Tháng");
    CHECK(d.blocks[3].text == "Số: 12/KH-UBND");
    CHECK(d.blocks[4].text == "Kế hoạch tuyên truyền");  // really TCVN3: converted
    REQUIRE(d.observations.size() == 1);
    CHECK(d.observations[0].ref.block == 4);
    CHECK(d.observations[0].detail == "tcvn3");
}

TEST_CASE("docx: soft line breaks make one block per line, each at its column") {
    DocxWriter w;
    // A header table: agency, number and subject in the left cell on soft
    // breaks; national title, motto and place-date in the right cell.
    w.body = "<w:tbl>" +
             row({p_raw(r_t("UBND TỈNH BẮC SƠN") + kBr + r_t("SỞ NÔNG NGHIỆP") + "<w:r><w:cr/></w:r>" + r_t("Số: 12/KH-SNN")),
                  p_raw(r_t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + kBr + r_t("Độc lập - Tự do - Hạnh phúc")) +
                      p_raw(r_t("Bắc Sơn, ngày 5 tháng 3 năm 2026"))}) +
             "</w:tbl>" + DocxWriter::para("KẾ HOẠCH") + DocxWriter::para("Tuyên truyền phòng chống thiên tai năm 2026") +
             DocxWriter::para("I. MỤC ĐÍCH") + DocxWriter::para("Nâng cao nhận thức của người dân.");
    std::string bytes = w.build();
    auto d = read_ok(bytes);
    CHECK(texts_at(d) == std::vector<std::string>{
                             "UBND TỈNH BẮC SƠN@1:1", "SỞ NÔNG NGHIỆP@1:19", "Số: 12/KH-SNN@1:34",
                             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM@2:1", "Độc lập - Tự do - Hạnh phúc@2:36",
                             "Bắc Sơn, ngày 5 tháng 3 năm 2026@3:1", "KẾ HOẠCH@4:1",
                             "Tuyên truyền phòng chống thiên tai năm 2026@5:1", "I. MỤC ĐÍCH@6:1",
                             "Nâng cao nhận thức của người dân.@7:1"});
    CHECK(d.blocks[1].in_table);
    CHECK(d.blocks[1].source == "SỞ NÔNG NGHIỆP");
    auto a = analyze_docx(bytes);
    const auto& h = a->model.outline.header;
    REQUIRE(h.agency.size() == 2);
    CHECK(a->doc.blocks[h.agency[0]].text == "UBND TỈNH BẮC SƠN");
    CHECK(a->doc.blocks[h.agency[1]].text == "SỞ NÔNG NGHIỆP");
    CHECK(block_text(*a, h.number) == "Số: 12/KH-SNN");
    CHECK(block_text(*a, h.national_title) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    CHECK(block_text(*a, h.motto) == "Độc lập - Tự do - Hạnh phúc");
    CHECK(block_text(*a, h.place_date) == "Bắc Sơn, ngày 5 tháng 3 năm 2026");
    // A finding on the second line points into the paragraph at that line's column.
    auto ds = check_docx(bytes);
    auto errs = rules_of(ds);
    CHECK_FALSE(has(errs, "nd30.header.agency"));
    CHECK_FALSE(has(errs, "nd30.header.number"));
    CHECK_FALSE(has(errs, "nd30.header.national-title"));
    CHECK_FALSE(has(errs, "nd30.header.motto"));
    CHECK_FALSE(has(errs, "nd30.header.place-date"));
}

TEST_CASE("docx: a tab run between two columns splits the line; label tabs and aligned values do not") {
    DocxWriter w;
    w.body = p_raw(r_t("Số: 12/UBND") + kTab + kTab + r_t("Bắc Sơn, ngày 5 tháng 3 năm 2026")) +
             p_raw(r_t("Nơi nhận:") + kTab + kTab + kTab + r_t("   KT. CHỦ TỊCH")) +
             p_raw(r_t("1.") + kTab + kTab + r_t("Tổ chức tuyên truyền")) +
             p_raw(r_t("- Số hộ dân được hỗ trợ trong năm: ") + kTab + kTab + r_t("326 hộ.")) +
             p_raw(r_t("Họ và tên") + kTab + r_t("Chức vụ")) +  // one tab to a default stop: one line
             p_raw(r_t("Họ và tên") + kTab + r_t("Chức vụ"), "<w:tabs><w:tab w:val=\"left\" w:pos=\"5000\"/></w:tabs>") +
             p_raw(kTab + r_t("Thụt đầu dòng"));
    auto d = read_ok(w.build());
    // Consecutive two-column lines read as a left column, then a right one;
    // the numbered line "1." spans the page and ends the first group.
    CHECK(texts_at(d) == std::vector<std::string>{
                             "Số: 12/UBND@1:1", "Nơi nhận:@2:1", "Bắc Sơn, ngày 5 tháng 3 năm 2026@1:14",
                             "KT. CHỦ TỊCH@2:16", "1.\t\tTổ chức tuyên truyền@3:1",
                             "- Số hộ dân được hỗ trợ trong năm: \t\t326 hộ.@4:1", "Họ và tên\tChức vụ@5:1",
                             "Họ và tên@6:1", "Chức vụ@6:11", "\tThụt đầu dòng@7:1"});
}

TEST_CASE("docx: columns laid out with spaces split before a capital, blanks for a number or a date do not") {
    DocxWriter w;
    w.body = DocxWriter::para("   VĂN PHÒNG UBND TỈNH          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") +
             DocxWriter::para("Số:            /QĐ-UBND") + DocxWriter::para("Bắc Sơn, ngày        tháng 3 năm 2026") +
             DocxWriter::para("Tổng cộng có 12 đơn vị.  Trong đó 3 đơn vị đạt.");
    auto d = read_ok(w.build());
    CHECK(texts_at(d) == std::vector<std::string>{"   VĂN PHÒNG UBND TỈNH@1:1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM@1:33",
                                                 "Số:            /QĐ-UBND@2:1", "Bắc Sơn, ngày        tháng 3 năm 2026@3:1",
                                                 "Tổng cộng có 12 đơn vị.  Trong đó 3 đơn vị đạt.@4:1"});
}

TEST_CASE("docx: cutting a huge paragraph into lines stays linear") {
    // 400 000 words separated by single spaces and single tabs: every gap is
    // looked at, none splits, and the time must not grow with the square.
    std::string big;
    for (int i = 0; i < 200000; ++i) big += "một\thai ";
    DocxWriter w;
    std::string runs;
    for (size_t at = 0; at < big.size(); at += 60000) {
        std::string piece = big.substr(at, 60000), xml;
        size_t from = 0;
        for (size_t tab = piece.find('\t'); tab != std::string::npos; tab = piece.find('\t', from)) {
            xml += "<w:t xml:space=\"preserve\">" + piece.substr(from, tab - from) + "</w:t><w:tab/>";
            from = tab + 1;
        }
        xml += "<w:t xml:space=\"preserve\">" + piece.substr(from) + "</w:t>";
        runs += "<w:r>" + xml + "</w:r>";
    }
    w.body = "<w:p>" + runs + "</w:p>";
    ingest::Options o;
    o.max_ratio = 100000;  // repetitive text compresses far better than a real document
    auto r = ingest::read_bytes(w.build(), "docx", "t.docx", o);
    REQUIRE(std::holds_alternative<SourceDocument>(r));
    const auto& d = std::get<SourceDocument>(r);
    REQUIRE(d.blocks.size() == 1);
    CHECK(d.blocks[0].text.size() == 2000000);
}

TEST_CASE("docx: header and signature tables of two and three cells give the header and closing fields") {
    DocxWriter w;
    w.body = "<w:tbl>" +
             row({p_raw(r_t("BỘ CÔNG THƯƠNG")) + p_raw(r_t("Số: 45/BCT-KH")) + p_raw(r_t("V/v góp ý dự thảo quy chế")), "",
                  p_raw(r_t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) + p_raw(r_t("Độc lập - Tự do - Hạnh phúc")) +
                      p_raw(r_t("Hà Nội, ngày 10 tháng 9 năm 2026"))}) +
             "</w:tbl>" + DocxWriter::para("Kính gửi: Các đơn vị thuộc Bộ.") +
             DocxWriter::para("Bộ đề nghị các đơn vị góp ý dự thảo và gửi về Vụ Kế hoạch trước ngày 30 tháng 9 năm 2026.") +
             "<w:tbl>" +
             row({p_raw(r_t("Nơi nhận:")) + p_raw(r_t("- Như trên;")) + p_raw(r_t("- Lưu: VT, KH.")),
                  p_raw(r_t("KT. BỘ TRƯỞNG")) + p_raw(r_t("THỨ TRƯỞNG")) + p_raw(r_t("Trần Minh Khoa"))}) +
             "</w:tbl>";
    auto a = analyze_docx(w.build());
    const auto& o = a->model.outline;
    CHECK(block_text(*a, o.header.number) == "Số: 45/BCT-KH");
    CHECK(block_text(*a, o.header.national_title) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    CHECK(block_text(*a, o.header.motto) == "Độc lập - Tự do - Hạnh phúc");
    CHECK(block_text(*a, o.header.place_date) == "Hà Nội, ngày 10 tháng 9 năm 2026");
    CHECK(block_text(*a, o.closing.recipients) == "Nơi nhận:");
    CHECK(block_text(*a, o.closing.archive) == "- Lưu: VT, KH.");
    CHECK(block_text(*a, o.closing.authority) == "KT. BỘ TRƯỞNG");
    CHECK(block_text(*a, o.closing.signer_name) == "Trần Minh Khoa");
}

TEST_CASE("docx: fields show their result, never their instruction") {
    DocxWriter w;
    auto fld = [](const char* type) { return std::string("<w:r><w:fldChar w:fldCharType=\"") + type + "\"/></w:r>"; };
    auto instr = [](const char* t) { return std::string("<w:r><w:instrText xml:space=\"preserve\">") + t + "</w:instrText></w:r>"; };
    w.body = p_raw(r_t("Xem ") + "<w:fldSimple w:instr=\" REF muc2 \\h \">" + r_t("mục 2") + "</w:fldSimple>" + r_t(" dưới đây.")) +
             p_raw(r_t("Ngày ") + fld("begin") + instr(" DATE \\@ \"dd/MM/yyyy\" ") + fld("separate") + r_t("05/03/2026") +
                   fld("end") + r_t(" đã họp.")) +
             // Nested: the inner field sits in the outer one's instruction.
             p_raw(fld("begin") + instr(" IF ") + fld("begin") + instr(" PAGE ") + fld("separate") + r_t("3") + fld("end") +
                   instr(" > 1 \"x\" \"y\" ") + fld("separate") + r_t("Kết quả") + fld("end")) +
             // A field without a result shows nothing.
             p_raw(r_t("Trước") + fld("begin") + instr(" TOC \\o ") + fld("end") + r_t(" sau")) +
             // A result spanning paragraphs (a table of contents) shows whole.
             p_raw(fld("begin") + instr(" TOC \\o \"1-3\" ") + fld("separate") + r_t("Mục lục một")) +
             p_raw(r_t("Mục lục hai") + fld("end")) +
             // A broken field left open in its instruction does not hide what follows.
             p_raw(r_t("Hỏng") + fld("begin") + instr(" PAGE ")) + p_raw(r_t("Vẫn đọc"));
    w.raw_parts["word/footer1.xml"] = std::string("<w:ftr ") + DocxWriter::kNs + ">" +
                                      p_raw(r_t("Trang ") + fld("begin") + instr(" PAGE ") + fld("separate") + r_t("1") + fld("end")) +
                                      "</w:ftr>";
    auto d = read_ok(w.build());
    REQUIRE(d.blocks.size() == 8);
    CHECK(d.blocks[4].text == "Mục lục một");
    CHECK(d.blocks[5].text == "Mục lục hai");
    CHECK(d.blocks[6].text == "Hỏng");
    CHECK(d.blocks[7].text == "Vẫn đọc");
    CHECK(d.blocks[0].text == "Xem mục 2 dưới đây.");
    CHECK(d.blocks[1].text == "Ngày 05/03/2026 đã họp.");
    CHECK(d.blocks[2].text == "Kết quả");
    CHECK(d.blocks[3].text == "Trước sau");
    REQUIRE(d.aside.size() == 1);
    CHECK(d.aside[0].kind == BlockKind::PageHeader);
    CHECK(d.aside[0].text == "Trang 1");
    CHECK(d.aside[0].line() == 0);
}

TEST_CASE("docx: tracked changes are read as accepted, hidden text left out") {
    DocxWriter w;
    auto ins = [](const std::string& x) { return "<w:ins w:id=\"1\" w:author=\"A\">" + x + "</w:ins>"; };
    auto del = [](const std::string& t) {
        return "<w:del w:id=\"2\" w:author=\"A\"><w:r><w:delText xml:space=\"preserve\">" + t + "</w:delText></w:r></w:del>";
    };
    w.body = p_raw(r_t("Tổ chức ") + del("ba ") + ins(r_t("hai ")) + r_t("hội nghị.")) +
             p_raw(r_t("Thời gian: ") + "<w:moveFrom w:id=\"3\" w:author=\"A\">" + r_t("quý I") + "</w:moveFrom>" + r_t("năm 2026")) +
             p_raw("<w:moveTo w:id=\"4\" w:author=\"A\">" + r_t("quý II ") + "</w:moveTo>" + r_t("đến hết năm.")) +
             // The paragraph mark deleted: this paragraph joins the next.
             p_raw(r_t("Đoạn đầu"), "<w:rPr><w:del w:id=\"5\" w:author=\"A\"/></w:rPr>") + p_raw(r_t(" nối tiếp.")) +
             p_raw(r_t("Ẩn ", "<w:vanish/>") + r_t("Hiện") + r_t(" rõ", "<w:vanish w:val=\"0\"/>")) +
             "<w:tbl>" + row({p_raw(r_t("Giữ"))}) +
             "<w:tr><w:trPr><w:del w:id=\"6\" w:author=\"A\"/></w:trPr>" + cell(p_raw(r_t("Hàng đã xóa"))) + "</w:tr></w:tbl>";
    auto d = read_ok(w.build());
    CHECK(texts_at(d) == std::vector<std::string>{"Tổ chức hai hội nghị.@1:1", "Thời gian: năm 2026@2:1",
                                                 "quý II đến hết năm.@3:1", "Đoạn đầu nối tiếp.@4:1", "Hiện rõ@6:1",
                                                 "Giữ@7:1"});
    // The joined block keeps the positions of both paragraphs.
    REQUIRE(d.blocks.size() == 6);
    CHECK(d.blocks[3].locate(std::string("Đoạn đầu ").size()) == Pos{5, 2});
}

TEST_CASE("docx: a VML text box without mc:AlternateContent is read once, after its anchor") {
    DocxWriter w;
    w.body = DocxWriter::para("Trước") +
             "<w:p><w:r><w:t>Neo</w:t></w:r><w:r><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:textbox>"
             "<w:txbxContent>" + DocxWriter::para("DỰ THẢO") + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>" +
             DocxWriter::para("Sau");
    auto d = read_ok(w.build());
    CHECK(texts_at(d) == std::vector<std::string>{"Trước@1:1", "Neo@2:1", "DỰ THẢO@3:1", "Sau@4:1"});
}

TEST_CASE("docx: footnotes are checked by the text rules at positions of their own") {
    DocxWriter w;
    w.body = DocxWriter::para("KẾ HOẠCH") + DocxWriter::para("Tuyên truyền phòng chống thiên tai năm 2026") +
             "<w:p><w:r><w:t>Thực hiện kế hoạch của tỉnh.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>";
    // A look-alike letter (Cyrillic "о" inside a Vietnamese word) in the footnote.
    w.footnotes = "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                  "<w:footnote w:id=\"1\">" + DocxWriter::para("Ghi chú một.") +
                  DocxWriter::para("Theo báo cáo của tỉnh Bắc S\xD0\xBEn.") + "</w:footnote>";
    std::string bytes = w.build();
    auto d = read_ok(bytes);
    REQUIRE(d.blocks.size() == 5);
    CHECK(d.blocks[3].kind == BlockKind::Footnote);
    CHECK(d.blocks[3].line() == 4);  // numbered on after the three body paragraphs
    CHECK(d.blocks[4].line() == 5);
    auto a = analyze_docx(bytes);
    CHECK(a->model.outline.closing.begin <= 3);  // outside the document's structure
    bool found = false;
    for (const auto& diag : check_docx(bytes))
        if (diag.rule.find("mixed-script") != std::string::npos) {
            found = true;
            CHECK(diag.line == 5);
            CHECK(diag.column == 28);
        }
    CHECK(found);
}

TEST_CASE("docx: Word numbering in table cells is not section numbering") {
    DocxWriter w;
    w.numbering = "<w:abstractNum w:abstractNumId=\"3\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
                  "<w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>" + DocxWriter::num(3, 3) + DocxWriter::num(4, 3, {{0, 1}});
    auto numbered = [](int num, const std::string& t) {
        return p_raw(r_t(t), "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"" + std::to_string(num) + "\"/></w:numPr>");
    };
    // Two tables whose first column is numbered 1., 2. each, between real sections.
    std::string tbl1 = "<w:tbl>" + row({numbered(3, "Xã An Bình"), p_raw(r_t("Đạt"))}) + row({numbered(3, "Xã Tân Lập"), p_raw(r_t("Đạt"))}) + "</w:tbl>";
    std::string tbl2 = "<w:tbl>" + row({numbered(4, "Phường 1"), p_raw(r_t("Chưa đạt"))}) + row({numbered(4, "Phường 2"), p_raw(r_t("Đạt"))}) + "</w:tbl>";
    w.body = DocxWriter::para("Số: 7/BC-UBND") + DocxWriter::para("BÁO CÁO") + DocxWriter::para("Kết quả thực hiện năm 2026") +
             DocxWriter::para("I. KẾT QUẢ ĐẠT ĐƯỢC") + tbl1 + DocxWriter::para("II. TỒN TẠI") + tbl2 +
             DocxWriter::para("III. KIẾN NGHỊ") + DocxWriter::para("Đề nghị cấp trên hỗ trợ kinh phí.");
    std::string bytes = w.build();
    auto d = read_ok(bytes);
    std::vector<std::string> cell_labels;
    for (const auto& b : d.blocks)
        if (b.in_table && !b.label->empty()) cell_labels.push_back(b.label);
    CHECK(cell_labels == std::vector<std::string>{"1.", "2.", "1.", "2."});  // read, as Word shows them
    auto a = analyze_docx(bytes);
    std::vector<std::string> sections;
    for (const auto& s : a->model.outline.sections) sections.push_back(s.label);
    CHECK(sections == std::vector<std::string>{"I.", "II.", "III."});
    auto errs = rules_of(check_docx(bytes));
    CHECK_FALSE(has(errs, "structure.numbering-duplicate"));
    CHECK_FALSE(has(errs, "structure.numbering-gap"));
}

TEST_CASE("docx: effective run formatting: defaults, style chain, character style, direct, theme fonts") {
    DocxWriter w;
    w.styles =
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme=\"minorHAnsi\" w:hAnsiTheme=\"minorHAnsi\"/>"
        "<w:sz w:val=\"24\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"259\" "
        "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
        "<w:pPr><w:jc w:val=\"both\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\"/><w:sz w:val=\"28\"/></w:rPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Tieude\"><w:name w:val=\"Tieude\"/><w:basedOn w:val=\"Normal\"/>"
        "<w:pPr><w:jc w:val=\"center\"/><w:spacing w:before=\"120\"/></w:pPr><w:rPr><w:b/><w:caps/></w:rPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Tieude2\"><w:name w:val=\"Tieude2\"/><w:basedOn w:val=\"Tieude\"/>"
        "<w:rPr><w:sz w:val=\"26\"/></w:rPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Theme\"><w:name w:val=\"Theme\"/>"
        "<w:rPr><w:rFonts w:asciiTheme=\"majorHAnsi\" w:hAnsiTheme=\"majorHAnsi\"/></w:rPr></w:style>"
        "<w:style w:type=\"character\" w:styleId=\"Nghieng\"><w:name w:val=\"Nghieng\"/><w:rPr><w:i/></w:rPr></w:style>";
    w.raw_parts["word/theme/theme1.xml"] =
        "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:themeElements><a:fontScheme>"
        "<a:majorFont><a:latin typeface=\"Cambria\"/></a:majorFont><a:minorFont><a:latin typeface=\"Calibri\"/></a:minorFont>"
        "</a:fontScheme></a:themeElements></a:theme>";
    w.body = p_raw(r_t("Căn cứ ") + "<w:r><w:rPr><w:rStyle w:val=\"Nghieng\"/></w:rPr><w:t>Luật</w:t></w:r>" +
                   r_t(" Tổ chức", "<w:b/><w:sz w:val=\"30\"/>")) +
             p_raw(r_t("KẾ HOẠCH", "<w:b w:val=\"0\"/>"), "<w:pStyle w:val=\"Tieude2\"/><w:ind w:firstLine=\"720\"/>") +
             p_raw(r_t("Theo chủ đề"), "<w:pStyle w:val=\"Theme\"/><w:ind w:left=\"567\" w:hanging=\"283\"/>") +
             p_raw(r_t("Chữ ký") + kBr + r_t("Nguyễn Văn An", "<w:b/>"));
    auto d = read_ok(w.build());
    REQUIRE(d.blocks.size() == 5);
    for (const auto& b : d.blocks) REQUIRE(b.format);
    const auto& r0 = d.blocks[0].format->runs;
    REQUIRE(r0.size() == 3);
    CHECK(r0[0].font == "Times New Roman");  // Normal (the default paragraph style) over the theme default
    CHECK(r0[0].size == 28);
    CHECK_FALSE(r0[0].bold);
    CHECK((r0[0].line == 1 && r0[0].column == 1 && r0[0].end_column == 8));
    CHECK(r0[1].italic);                       // character style
    CHECK((r0[1].column == 8 && r0[1].end_column == 12));
    CHECK((r0[2].bold && r0[2].size == 30));  // direct formatting
    CHECK(d.blocks[0].format->paragraph.alignment == "both");
    CHECK(d.blocks[0].format->paragraph.space_after == 160);  // from the document defaults
    CHECK(d.blocks[0].format->paragraph.line_spacing == 259);

    const auto& f1 = *d.blocks[1].format;
    REQUIRE(f1.runs.size() == 1);
    CHECK(f1.runs[0].font == "Times New Roman");  // Tieude2 -> Tieude -> Normal
    CHECK(f1.runs[0].size == 26);
    CHECK(f1.runs[0].caps);
    CHECK_FALSE(f1.runs[0].bold);  // the style's bold turned off directly
    CHECK(f1.paragraph.style == "Tieude2");
    CHECK(f1.paragraph.alignment == "center");
    CHECK(f1.paragraph.space_before == 120);
    CHECK(f1.paragraph.first_line == 720);

    const auto& f2 = *d.blocks[2].format;
    CHECK(f2.runs.at(0).font == "Cambria");  // theme major font
    CHECK(f2.runs.at(0).size == 24);         // no style sets a size: the document default
    CHECK(f2.paragraph.indent_left == 567);
    CHECK(f2.paragraph.first_line == -283);  // hanging

    // A paragraph cut into lines: each line has the runs of its own stretch.
    const auto& f4 = *d.blocks[4].format;
    REQUIRE(f4.runs.size() == 1);
    CHECK(f4.runs[0].bold);
    CHECK((f4.runs[0].line == 4 && f4.runs[0].column == 8 && f4.runs[0].end_column == 21));
    REQUIRE(d.blocks[3].format->runs.size() == 1);
    CHECK_FALSE(d.blocks[3].format->runs[0].bold);
}

// Word picks one of four fonts per character (MS-OI29500 2.1.88): the ascii
// font for ASCII, hAnsi for the rest of Latin (Vietnamese letters), the East
// Asian one for CJK, and the complex-script one for a w:cs / w:rtl run.
TEST_CASE("docx: font slots: theme fonts per slot, hint eastAsia, cs runs, Vietnamese letters in hAnsi") {
    const std::string theme =
        "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:themeElements><a:fontScheme>"
        "<a:majorFont><a:latin typeface=\"Cambria\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:majorFont>"
        "<a:minorFont><a:latin typeface=\"Times New Roman\"/><a:ea typeface=\"\"/><a:cs typeface=\"Arial\"/></a:minorFont>"
        "</a:fontScheme></a:themeElements></a:theme>";
    DocxWriter w;
    // The body font comes from the theme only: no style names a font.
    w.styles =
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme=\"minorHAnsi\" w:eastAsiaTheme=\"minorEastAsia\" "
        "w:hAnsiTheme=\"minorHAnsi\" w:cstheme=\"minorBidi\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"22\"/>"
        "<w:lang w:val=\"vi-VN\" w:eastAsia=\"en-US\"/></w:rPr></w:rPrDefault></w:docDefaults>"
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>";
    w.raw_parts["word/theme/theme1.xml"] = theme;
    w.body =
        // 0: the theme's minor Latin font, for ASCII and Vietnamese letters alike.
        p_raw(r_t("Hà Nội")) +
        // 1: only the ascii slot set directly: "H" in Arial, "à" keeps the theme's hAnsi font.
        p_raw(r_t("Hà", "<w:rFonts w:ascii=\"Arial\"/>")) +
        // 2: hint eastAsia with an East Asian font, East Asian language not Chinese:
        // Vietnamese letters stay in hAnsi; a CJK character takes SimSun.
        p_raw(r_t("Việt 中", "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"SimSun\" w:hint=\"eastAsia\"/>")) +
        // 3: the same with a Chinese East Asian language: Latin Extended letters go to SimSun.
        p_raw(r_t("Việt", "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"SimSun\" w:hint=\"eastAsia\"/>"
                          "<w:lang w:eastAsia=\"zh-CN\"/>")) +
        // 4: a complex-script run: the cs font (theme minorBidi) and szCs, whatever the letters.
        p_raw(r_t("Việt", "<w:cs/><w:b/><w:bCs w:val=\"0\"/>")) +
        // 5: the explicit name and a theme reference on one element: the theme's.
        p_raw(r_t("Nam", "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:asciiTheme=\"majorHAnsi\" w:hAnsiTheme=\"majorHAnsi\"/>")) +
        // 6: East Asian font "Times New Roman" and equal Latin fonts: the ascii font for everything.
        p_raw(r_t("ạ", "<w:rFonts w:ascii=\"Tahoma\" w:hAnsi=\"Tahoma\" w:eastAsia=\"Times New Roman\" w:hint=\"eastAsia\"/>"));
    auto d = read_ok(w.build());
    REQUIRE(d.blocks.size() == 7);
    auto fonts = [&](size_t b) {
        std::vector<std::pair<std::string, uint32_t>> out;  // font, first column
        for (const auto& r : d.blocks[b].format->runs) out.push_back({r.font, r.column});
        return out;
    };
    using V = std::vector<std::pair<std::string, uint32_t>>;
    CHECK(fonts(0) == V{{"Times New Roman", 1}});  // one run: the slots name the same font
    CHECK(d.blocks[0].format->runs[0].size == 28);
    CHECK(fonts(1) == V{{"Arial", 1}, {"Times New Roman", 2}});
    CHECK(fonts(2) == V{{"Times New Roman", 1}, {"SimSun", 6}});
    CHECK(fonts(3) == V{{"Times New Roman", 1}, {"SimSun", 3}, {"Times New Roman", 4}});  // only "ệ" moves
    const auto& cs = d.blocks[4].format->runs;
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].font == "Arial");
    CHECK(cs[0].size == 22);
    CHECK_FALSE(cs[0].bold);  // w:bCs, not w:b, for a complex-script run
    CHECK(fonts(5) == V{{"Cambria", 1}});
    CHECK(fonts(6) == V{{"Tahoma", 1}});
}

TEST_CASE("docx: equal neighbouring runs merge; run positions survive normalize") {
    DocxWriter w;
    w.body = p_raw(r_t("Tuyên ") + r_t("truyền") + r_t("   rộng rãi", "<w:i/>"));
    auto a = analyze_docx(w.build());
    REQUIRE(a->doc.blocks.size() == 1);
    const auto& b = a->doc.blocks[0];
    CHECK(b.text == "Tuyên truyền rộng rãi");  // normalize folded the spaces
    const auto& runs = b.format->runs;
    REQUIRE(runs.size() == 2);
    CHECK((runs[0].column == 1 && runs[0].end_column == 13 && !runs[0].italic));
    CHECK((runs[1].column == 13 && runs[1].end_column == 24 && runs[1].italic));
    // "rộng" starts at column 16 of the original paragraph, inside the italic run.
    Pos p = b.locate(b.text.find("rộng"));
    CHECK(p.column == 16);
    CHECK((p.column >= runs[1].column && p.column < runs[1].end_column));
}

TEST_CASE("docx: page size and margins of each section") {
    DocxWriter w;
    w.body = DocxWriter::para("Phần dọc") +
             p_raw(r_t("Cuối phần một"), "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" "
                                         "w:right=\"851\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr>") +
             DocxWriter::para("Phụ lục ngang") +
             "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/><w:pgMar w:top=\"1701\" w:right=\"1134\" "
             "w:bottom=\"1134\" w:left=\"1134\" w:header=\"0\" w:footer=\"0\" w:gutter=\"0\"/></w:sectPr>";
    auto d = read_ok(w.build());
    REQUIRE(d.sections.size() == 2);
    CHECK(d.sections[0].first_line == 1);
    CHECK((d.sections[0].width == 11906 && d.sections[0].height == 16838 && !d.sections[0].landscape));
    CHECK((d.sections[0].margin_top == 1134 && d.sections[0].margin_left == 1701 && d.sections[0].margin_right == 851));
    CHECK(d.sections[0].header == 709);
    CHECK(d.sections[1].first_line == 3);
    CHECK(d.sections[1].landscape);
    CHECK(d.sections[1].margin_top == 1701);
    CHECK(d.blocks.size() == 3);  // a w:sectPr is no text
}

TEST_CASE("docx: every real .docx reads with consistent blocks, positions, observations and formats") {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(test::shared_dir()) / "real";
    if (!fs::is_directory(dir)) {
        WARN("skipped: " << dir << " is not there");
        return;
    }
    int files = 0, with_pages = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() != ".docx") continue;
        ++files;
        INFO(e.path().filename().string());
        auto r = ingest::read_bytes(test::slurp(e.path()), "docx", e.path().string(), {});
        REQUIRE(std::holds_alternative<SourceDocument>(r));
        auto a = pipeline::analyze(std::get<SourceDocument>(std::move(r)));
        if (!a->doc.sections.empty()) ++with_pages;
        uint32_t last_line = 0;  // columns laid out with tabs are read left column first
        for (const auto& b : a->doc.blocks) {
            CHECK_FALSE(utf8::trim(b.text).empty());
            CHECK(b.text.find('\n') == std::string::npos);  // one printed line per block
            REQUIRE(b.format);
            CHECK(b.line() >= 1);
            last_line = std::max(last_line, b.line());
            for (const auto& run : b.format->runs) CHECK(run.line == b.line());
        }
        for (const auto& o : a->doc.observations) {
            REQUIRE(o.ref.block < a->doc.blocks.size());
            CHECK(o.ref.begin <= o.ref.end);
            CHECK(o.ref.end <= a->doc.blocks[o.ref.block].text.size());
        }
    }
    CHECK(with_pages == files);  // every Word file has a w:sectPr
    CHECK(files > 0);
}

TEST_CASE("docx: two columns laid out with tabs are read left column first, then the right one") {
    DocxWriter w;
    w.body = DocxWriter::para("Trên đây là kế hoạch của Sở./.") +
             p_raw(r_t("Nơi nhận:") + kTab + kTab + kTab + r_t("KT. GIÁM ĐỐC")) +
             p_raw(r_t("- Như trên;") + kTab + kTab + kTab + r_t("PHÓ GIÁM ĐỐC")) + DocxWriter::para("- UBND tỉnh;") +
             DocxWriter::para("- Lưu: VT, KH.") + DocxWriter::para("") +
             p_raw(std::string(kTab) + kTab + kTab + kTab + r_t("Lê Thị Hoa")) +
             DocxWriter::para("PHỤ LỤC") + DocxWriter::para("Danh mục nhiệm vụ");
    std::string bytes = w.build();
    auto d = read_ok(bytes);
    CHECK(texts_at(d) == std::vector<std::string>{"Trên đây là kế hoạch của Sở./.@1:1", "Nơi nhận:@2:1",
                                                 "- Như trên;@3:1", "- UBND tỉnh;@4:1", "- Lưu: VT, KH.@5:1",
                                                 "KT. GIÁM ĐỐC@2:13", "PHÓ GIÁM ĐỐC@3:15", "\t\t\t\tLê Thị Hoa@7:1",
                                                 "PHỤ LỤC@8:1", "Danh mục nhiệm vụ@9:1"});
    // The header: one two-column line stays in place; what follows is read in order.
    DocxWriter h;
    h.body = p_raw(r_t("UBND TỈNH BẮC SƠN") + kTab + kTab + r_t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) +
             p_raw(r_t("SỞ NÔNG NGHIỆP") + kTab + kTab + r_t("Độc lập - Tự do - Hạnh phúc")) +
             p_raw(r_t("Số: 8/KH-SNN") + kTab + kTab + r_t("Bắc Sơn, ngày 2 tháng 4 năm 2026")) +
             DocxWriter::para("KẾ HOẠCH") + DocxWriter::para("Trồng rừng năm 2026") + DocxWriter::para("I. MỤC ĐÍCH") +
             DocxWriter::para("Phủ xanh đất trống.") + DocxWriter::para("II. TỔ CHỨC THỰC HIỆN") +
             DocxWriter::para("Các phòng thực hiện.") + DocxWriter::para("Nơi nhận:") + DocxWriter::para("- Phòng KH;") +
             DocxWriter::para("- Lưu: VT.") + DocxWriter::para("GIÁM ĐỐC") + DocxWriter::para("Trần Văn Bình");
    std::string hb = h.build();
    auto hd = read_ok(hb);
    std::vector<std::string> first6;
    for (size_t i = 0; i < 6; ++i) first6.push_back(hd.blocks.at(i).text);
    CHECK(first6 == std::vector<std::string>{"UBND TỈNH BẮC SƠN", "SỞ NÔNG NGHIỆP", "Số: 8/KH-SNN",
                                             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                             "Bắc Sơn, ngày 2 tháng 4 năm 2026"});
    CHECK(hd.blocks.at(6).text == "KẾ HOẠCH");
    auto a = analyze_docx(hb);
    const auto& o = a->model.outline;
    REQUIRE(o.header.agency.size() == 2);
    CHECK(block_text(*a, o.header.number) == "Số: 8/KH-SNN");
    CHECK(block_text(*a, o.header.place_date) == "Bắc Sơn, ngày 2 tháng 4 năm 2026");
    CHECK(block_text(*a, o.header.doc_type) == "KẾ HOẠCH");
    CHECK(block_text(*a, o.closing.signer_name) == "Trần Văn Bình");
    auto errs = rules_of(check_docx(hb));
    for (const char* r : {"nd30.header.agency", "nd30.header.number", "nd30.header.place-date", "nd30.header.national-title",
                          "nd30.header.motto", "nd30.header.type-name", "nd30.closing.recipients", "nd30.closing.signer"})
        CHECK_FALSE(has(errs, r));
}

TEST_CASE("docx: typed labels are told from words before a tab") {
    DocxWriter w;
    w.body = p_raw(r_t("II.") + kTab + kTab + r_t("NỘI DUNG")) + p_raw(r_t("a)") + kTab + kTab + r_t("Tuyên truyền")) +
             p_raw(r_t("1.2.") + kTab + kTab + r_t("Tập huấn")) + p_raw(r_t("Điều 4.") + kTab + kTab + r_t("Hiệu lực")) +
             p_raw(r_t("Ghi chú") + kTab + kTab + r_t("Xem phụ lục")) + p_raw(r_t("KT.") + kTab + kTab + r_t("GIÁM ĐỐC"));
    auto d = read_ok(w.build());
    std::vector<std::string> t;
    for (const auto& b : d.blocks) t.push_back(b.text);
    // The last two are words, so their tab runs separate two columns (read
    // left column first).
    CHECK(t == std::vector<std::string>{"II.\t\tNỘI DUNG", "a)\t\tTuyên truyền", "1.2.\t\tTập huấn", "Điều 4.\t\tHiệu lực",
                                        "Ghi chú", "KT.", "Xem phụ lục", "GIÁM ĐỐC"});
}

TEST_CASE("docx: many paragraphs joined by deleted marks, each with line breaks, read in linear time") {
    // 20 000 paragraphs whose marks are deleted join into one (each one's last
    // line runs on into the next one's first), cut at 20 000 line breaks:
    // every piece keeps its own paragraphs' positions.
    std::string body;
    for (int i = 0; i < 20000; ++i)
        body += p_raw(r_t("dòng " + std::to_string(i)) + kBr + r_t("tiếp"), "<w:rPr><w:del w:id=\"1\" w:author=\"A\"/></w:rPr>");
    body += DocxWriter::para("cuối");
    DocxWriter w;
    w.body = body;
    ingest::Options o;
    o.max_ratio = 100000;
    auto r = ingest::read_bytes(w.build(), "docx", "t.docx", o);
    REQUIRE(std::holds_alternative<SourceDocument>(r));
    const auto& d = std::get<SourceDocument>(r);
    REQUIRE(d.blocks.size() == 20001);
    CHECK(d.blocks[0].text == "dòng 0");
    CHECK(d.blocks[1].text == "tiếpdòng 1");
    CHECK(d.blocks[1].locate(0) == Pos{1, 8});
    CHECK(d.blocks[1].locate(std::string("tiếp").size()) == Pos{2, 1});
    CHECK(d.blocks[20000].text == "tiếpcuối");
    CHECK(d.blocks[20000].locate(std::string("tiếp").size()) == Pos{20001, 1});
}

TEST_CASE("docx: a table style formats its cells under the paragraph styles") {
    DocxWriter w;
    w.styles = "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
               "<w:style w:type=\"paragraph\" w:styleId=\"To\"><w:name w:val=\"To\"/><w:rPr><w:sz w:val=\"32\"/></w:rPr></w:style>"
               "<w:style w:type=\"table\" w:styleId=\"Bang\"><w:name w:val=\"Bang\"/><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
               "<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\"/><w:sz w:val=\"22\"/></w:rPr></w:style>";
    w.body = "<w:tbl><w:tblPr><w:tblStyle w:val=\"Bang\"/></w:tblPr>" + row({DocxWriter::para("Ô thường"), p_raw(r_t("Ô to"), "<w:pStyle w:val=\"To\"/>")}) +
             "</w:tbl>" + DocxWriter::para("Ngoài bảng");
    auto d = read_ok(w.build());
    REQUIRE(d.blocks.size() == 3);
    CHECK(d.blocks[0].format->runs.at(0).font == "Arial");
    CHECK(d.blocks[0].format->runs.at(0).size == 22);
    CHECK(d.blocks[0].format->paragraph.alignment == "center");
    CHECK(d.blocks[1].format->runs.at(0).size == 32);  // the paragraph style wins over the table style
    CHECK(d.blocks[1].format->runs.at(0).font == "Arial");
    CHECK(d.blocks[2].format->runs.at(0).font.empty());  // outside the table: nothing sets a font
    CHECK(d.blocks[2].format->paragraph.alignment.empty());
}
