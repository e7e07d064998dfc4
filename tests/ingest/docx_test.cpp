// .docx reading: paragraph numbers, automatic numbering, legacy fonts, tables,
// text boxes, asides, and hostile containers.
#include <catch2/catch.hpp>

#include <unistd.h>

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
    CHECK(texts == std::vector<std::string>{"Trước@1", "Neo@2", "Trong hộp@3", "Sau@4", "Có ghi chú@5"});
    REQUIRE(d.aside.size() == 3);
    CHECK(d.aside[0].kind == BlockKind::PageHeader);
    CHECK(d.aside[0].text == "UBND TỈNH");
    CHECK(d.aside[1].kind == BlockKind::Footnote);
    CHECK(d.aside[1].line() == 5);
    CHECK(d.aside[2].kind == BlockKind::Comment);
    CHECK(d.aside[2].text == "plancheck-disable text.typo");
    CHECK(d.aside[2].line() == 5);
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
