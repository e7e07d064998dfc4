// Page facts the .docx reader records for the presentation rules: colour,
// w:titlePg, and where each section's page number shows (a PAGE field in the
// header or footer it uses, inherited from the previous section).
#include <catch2/catch.hpp>

#include "ingest/docx_writer.h"
#include "ingest/ingest.h"

using namespace plancheck;
using test::DocxWriter;

namespace {

SourceDocument read(const DocxWriter& w) {
    auto r = ingest::read_bytes(w.build(), "docx", "t.docx", {});
    REQUIRE(std::holds_alternative<SourceDocument>(r));
    return std::get<SourceDocument>(std::move(r));
}

DocxWriter::RunFmt run(int size, std::string color = "") { return {"Times New Roman", size, false, false, color}; }

}  // namespace

TEST_CASE("docx page facts: the page number's part, alignment and size, the first page, inheritance", "[docx][page]") {
    DocxWriter w;
    DocxWriter::ParaFmt center;
    center.jc = "center";
    w.add_header_part("rH", "header1.xml", DocxWriter::page_number(run(26), center));
    w.add_header_part("rF", "header2.xml", "<w:p/>");
    DocxWriter::Page first;
    first.header = "rH", first.first_header = "rF", first.title_page = true;
    // Section 1 ends with its paragraph's w:sectPr; section 2 names no header and keeps section 1's.
    w.body += "<w:p><w:pPr>" + DocxWriter::sect_pr(first) + "</w:pPr><w:r><w:t>Một</w:t></w:r></w:p>";
    w.body += DocxWriter::fpara("Hai", run(28, "FF0000"));
    DocxWriter::Page second;
    second.width = 16838, second.height = 11906, second.landscape = true;
    w.body += DocxWriter::sect_pr(second);
    auto doc = read(w);
    REQUIRE(doc.sections.size() == 2);
    const PageSetup& a = doc.sections[0];
    CHECK(a.facts);
    CHECK(a.title_page);
    CHECK(a.number_in == "header");
    CHECK(a.number_alignment == "center");
    CHECK(a.number_size == 26);
    CHECK_FALSE(a.number_on_first_page);
    const PageSetup& b = doc.sections[1];
    CHECK(b.first_line == 2);
    CHECK(b.landscape);
    CHECK(b.number_in == "header");  // inherited
    CHECK_FALSE(b.title_page);
    CHECK(b.number_on_first_page);  // no w:titlePg: its first page shows the default header
    REQUIRE(doc.blocks.size() == 2);
    REQUIRE(doc.blocks[1].format);
    CHECK(doc.blocks[1].format->runs.at(0).color == "FF0000");
    CHECK(doc.blocks[1].format->runs.at(0).size == 28);
}

TEST_CASE("docx page facts: a footer number, NUMPAGES is not a page number, no header at all", "[docx][page]") {
    DocxWriter::ParaFmt right;
    right.jc = "right";
    {
        DocxWriter w;
        w.add_header_part("rF", "footer1.xml", DocxWriter::page_number(run(24), right), true);
        DocxWriter::Page pg;
        pg.footer = "rF";
        w.body += DocxWriter::fpara("Một", run(28)) + DocxWriter::sect_pr(pg);
        auto doc = read(w);
        REQUIRE(doc.sections.size() == 1);
        CHECK(doc.sections[0].number_in == "footer");
        CHECK(doc.sections[0].number_alignment == "right");
        CHECK(doc.sections[0].number_size == 24);
        CHECK(doc.sections[0].number_on_first_page);
    }
    {
        DocxWriter w;
        w.add_header_part("rH", "header1.xml",
                          "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> NUMPAGES </w:instrText></w:r>"
                          "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>"
                          "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
        DocxWriter::Page pg;
        pg.header = "rH";
        w.body += DocxWriter::fpara("Một", run(28)) + DocxWriter::sect_pr(pg);
        auto doc = read(w);
        CHECK(doc.sections.at(0).number_in.empty());
    }
    {
        DocxWriter w;
        w.body += DocxWriter::fpara("Một", run(28)) + DocxWriter::sect_pr({});
        auto doc = read(w);
        CHECK(doc.sections.at(0).facts);
        CHECK(doc.sections.at(0).number_in.empty());
        CHECK(doc.sections.at(0).width == 11906);
    }
}
