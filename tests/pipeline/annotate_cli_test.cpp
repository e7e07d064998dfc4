// `plancheck annotate` end to end with the built binary: one comment per
// finding of `check`, the input never written, .docx findings named by their
// paragraph's first words and page, and a LibreOffice round trip that reads
// the comments and tracked changes back (skipped when soffice is absent).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>

#include "helpers.h"
#include "ingest/docx_writer.h"

using namespace plancheck;
using test::DocxWriter;
namespace fs = std::filesystem;

namespace {

// A complete package (relationships and content types as Word writes them),
// so that LibreOffice opens it too.
std::string plan_docx() {
    DocxWriter w;
    w.body = DocxWriter::para("ỦY BAN NHÂN DÂN TỈNH BẮC NAM") + DocxWriter::para("Số: 25/KH-UBND") +
             DocxWriter::para("KẾ HOẠCH") + DocxWriter::para("Triển khai công tác chuyển đổi số năm 2026") +
             DocxWriter::para("I. MỤC ĐÍCH, YÊU CẦU") +
             DocxWriter::para("Các phòng thực hiện thực hiện các nhiệm vụ trọng tâm về chuyển đổi số của tỉnh.") +
             "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" +
             DocxWriter::para("Theo báo cáo của phòng Kế h\xD0\xBE" "ạch, các xã đã hoàn thành.");
    w.raw_parts["_rels/.rels"] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
        "Target=\"word/document.xml\"/></Relationships>";
    w.raw_parts["[Content_Types].xml"] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
        "ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    return w.build();
}

std::string bin() { return test::shell_quote(PLANCHECK_BINARY); }

int count(const std::string& s, const std::string& what) {
    int n = 0;
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

// One part of a zip, through unzip(1) (present wherever the tests run: ci/setup).
std::string part(const fs::path& dir, const std::string& zip, const std::string& name) {
    return test::run_shell(dir, "unzip -p " + test::shell_quote(zip) + " " + test::shell_quote(name)).out;
}

std::string soffice() {
    for (const char* c : {"soffice", "libreoffice"}) {
        auto r = test::run_shell(fs::temp_directory_path(), std::string("command -v ") + c);
        if (r.code == 0 && !r.out.empty()) return r.out.substr(0, r.out.find('\n'));
    }
    return {};
}

}  // namespace

TEST_CASE("annotate CLI: a comment per finding, the input untouched", "[cli][annotate]") {
    test::TempDir dir("annotate");
    std::string original = plan_docx();
    std::string in = dir.write("ke-hoach.docx", original);
    auto check = test::run_shell(dir.path, bin() + " check --format json ke-hoach.docx");
    auto j = nlohmann::json::parse(check.out);
    auto diags = j["files"][0]["diagnostics"];
    REQUIRE(diags.size() >= 2);

    // .docx findings name the paragraph's first words, and the page after the break.
    bool paged = false;
    for (const auto& d : diags) {
        INFO(d.dump());
        REQUIRE(d.contains("context"));
        CHECK(d["line"].get<int>() >= 1);
        CHECK(!d.contains("page_line"));
        if (d["line"].get<int>() == 8) {
            CHECK(d["page"] == 2);
            CHECK(d["context"] == "Theo báo cáo của phòng Kế h\xD0\xBE" "ạch, các…");
            paged = true;
        } else {
            CHECK(d["page"] == 1);
        }
    }
    CHECK(paged);
    auto text = test::run_shell(dir.path, bin() + " check ke-hoach.docx");
    CHECK(text.out.find("(trang 2, đoạn \xE2\x80\x9CTheo báo cáo") != std::string::npos);

    auto run = test::run_shell(dir.path, "PLANCHECK_ANNOTATE_DATE=2026-12-01T10:00:00Z " + bin() +
                                             " annotate ke-hoach.docx -o ke-hoach.checked.docx --fail-on none");
    INFO(run.err);
    CHECK(run.code == 0);
    CHECK(run.out.find(std::to_string(diags.size()) + " nhận xét") != std::string::npos);
    CHECK(test::slurp(in) == original);
    std::string comments = part(dir.path, "ke-hoach.checked.docx", "word/comments.xml");
    CHECK(count(comments, "<w:comment ") == static_cast<int>(diags.size()));
    CHECK(count(comments, "w:author=\"plancheck\"") == static_cast<int>(diags.size()));
    std::string body = part(dir.path, "ke-hoach.checked.docx", "word/document.xml");
    CHECK(count(body, "<w:commentRangeStart ") == static_cast<int>(diags.size()));
    CHECK(count(body, "<w:commentReference ") == static_cast<int>(diags.size()));
    // The annotated copy reads the same: same findings, same places.
    auto again = test::run_shell(dir.path, bin() + " check --format json ke-hoach.checked.docx");
    auto j2 = nlohmann::json::parse(again.out);
    CHECK(j2["files"][0]["diagnostics"] == diags);
    // The default output name, and --lang en.
    auto en = test::run_shell(dir.path, bin() + " annotate --lang en ke-hoach.docx");
    CHECK(en.code == 1);  // errors among the findings, --fail-on error
    CHECK(en.out.find("ke-hoach.checked.docx: " + std::to_string(diags.size()) + " comments") != std::string::npos);

    SECTION("never the input") {
        for (const char* target : {"ke-hoach.docx", "./ke-hoach.docx", "../$(basename $PWD)/ke-hoach.docx"}) {
            auto r = test::run_shell(dir.path, bin() + " annotate ke-hoach.docx -o " + target);
            CHECK(r.code == 2);
            CHECK(r.err.find("trùng với tệp cần kiểm tra") != std::string::npos);
            CHECK(test::slurp(in) == original);
        }
        fs::create_symlink(in, dir.path / "link.docx");
        auto r = test::run_shell(dir.path, bin() + " annotate ke-hoach.docx -o link.docx");
        CHECK(r.code == 2);
        CHECK(test::slurp(in) == original);
    }
    SECTION("only .docx") {
        dir.write("ke-hoach.txt", "KẾ HOẠCH\nTriển khai\n");
        auto r = test::run_shell(dir.path, bin() + " annotate ke-hoach.txt -o x.docx");
        CHECK(r.code == 2);
        CHECK(r.err.find("không phải tệp Word .docx") != std::string::npos);
        CHECK(!fs::exists(dir.path / "x.docx"));
    }
}

TEST_CASE("annotate: LibreOffice reads the comments and the tracked changes back", "[cli][annotate][soffice]") {
    std::string office = soffice();
    if (office.empty()) {
        WARN("soffice not installed: LibreOffice round trip skipped");
        return;
    }
    test::TempDir dir("annotate-lo");
    dir.write("plan.docx", plan_docx());
    auto a = test::run_shell(dir.path, bin() + " annotate plan.docx -o comments.docx --fail-on none");
    REQUIRE(a.code == 0);
    auto s = test::run_shell(dir.path, bin() + " annotate --suggest plan.docx -o suggest.docx --fail-on none");
    REQUIRE(s.code == 0);
    int comments = count(part(dir.path, "comments.docx", "word/comments.xml"), "<w:comment ");
    std::string profile = "-env:UserInstallation=file://" + (dir.path / "profile").string();
    auto conv = test::run_shell(dir.path, "timeout 180 " + test::shell_quote(office) + " " + test::shell_quote(profile) +
                                              " --headless --convert-to odt --outdir out comments.docx suggest.docx");
    INFO(conv.out << conv.err);
    REQUIRE(fs::exists(dir.path / "out" / "comments.odt"));
    std::string content = part(dir.path, "out/comments.odt", "content.xml");
    CHECK(count(content, "<office:annotation>") + count(content, "<office:annotation ") == comments);
    CHECK(count(content, "<dc:creator>plancheck</dc:creator>") == comments);
    // The repeated "thực hiện" goes in as a tracked deletion by plancheck.
    REQUIRE(fs::exists(dir.path / "out" / "suggest.odt"));
    std::string changed = part(dir.path, "out/suggest.odt", "content.xml");
    CHECK(count(changed, "<text:changed-region") >= 1);
    CHECK(count(changed, "<text:deletion>") >= 1);
    CHECK(changed.find("<dc:creator>plancheck</dc:creator>") != std::string::npos);
}
