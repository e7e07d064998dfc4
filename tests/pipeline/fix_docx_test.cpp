// --fix on a .docx: the page setup of Decree 30 Appendix I (paper, margins),
// written into word/document.xml's w:pgSz/w:pgMar values only, and the body
// text's font and size, written into its runs' w:rPr; every other part of the
// package stays byte-identical and the fixed file re-checks clean for those
// rules, with every other finding as it was.
#include <catch2/catch.hpp>
#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

#include "helpers.h"
#include "ingest/docx_writer.h"
#include "ingest/ingest.h"
#include "pipeline/fix.h"

using namespace plancheck;
namespace fs = std::filesystem;

namespace {

rules::RuleBook& book() {
    static rules::RuleBook b = rules::load_rulebook(test::source_dir() + "/rules");
    return b;
}

// Every entry of a zip: name -> uncompressed bytes.
std::map<std::string, std::string> entries(const fs::path& p) {
    auto out = test::unzip_parts(p);
    REQUIRE_FALSE(out.empty());
    return out;
}

bool has_rule(const pipeline::FileResult& r, const std::string& rule) {
    for (const auto& d : r.diagnostics)
        if (d.rule == rule) return true;
    return false;
}

}  // namespace

TEST_CASE("fix on a .docx: paper and margins only, every other part byte-identical", "[fix][docx]") {
    test::TempDir dir("fixdocx");
    fs::path src = fs::path(test::source_dir()) / "corpus/presentation/page-wrong.docx";
    fs::path p = dir.path / "page-wrong.docx";
    fs::copy_file(src, p);
    pipeline::Options opts;
    opts.check.today = {23, 11, 2026};

    // --diff: what would change, and the file untouched.
    auto dry = pipeline::fix_file(p.string(), book(), opts, true);
    CHECK(dry.status == pipeline::FixStatus::Fixed);
    CHECK(dry.diff.find("lề trái: 25 mm → 30 mm") != std::string::npos);
    CHECK(dry.diff.find("lề phải: 10 mm → 15 mm") != std::string::npos);
    CHECK(dry.diff.find("lề trên: 15 mm → 20 mm") != std::string::npos);
    CHECK(dry.diff.find("khổ giấy: 215,9 × 279,4 mm → A4 210 × 297 mm") != std::string::npos);
    CHECK(test::slurp(p) == test::slurp(src));
    CHECK_FALSE(has_rule(dry.remaining, "nd30.presentation.margins"));

    auto done = pipeline::fix_file(p.string(), book(), opts, false);
    REQUIRE(done.status == pipeline::FixStatus::Fixed);
    CHECK(done.applied == 4);
    CHECK_FALSE(has_rule(done.remaining, "nd30.presentation.margins"));
    CHECK_FALSE(has_rule(done.remaining, "nd30.presentation.paper"));
    CHECK(has_rule(done.remaining, "nd30.presentation.page-number"));  // not a page-setup fix

    auto before = entries(src), after = entries(p);
    REQUIRE(before.size() == after.size());
    for (const auto& [name, data] : before) {
        INFO(name);
        REQUIRE(after.count(name));
        if (name != "word/document.xml") CHECK(after[name] == data);
    }
    // In document.xml only the attribute values changed.
    std::string old_xml = before["word/document.xml"], new_xml = after["word/document.xml"];
    for (auto [from, to] : {std::pair{"w:w=\"12240\"", "w:w=\"11906\""}, std::pair{"w:h=\"15840\"", "w:h=\"16838\""},
                            std::pair{"w:top=\"851\"", "w:top=\"1134\""}, std::pair{"w:left=\"1418\"", "w:left=\"1701\""},
                            std::pair{"w:right=\"567\"", "w:right=\"850\""}}) {
        auto at = old_xml.find(from);
        REQUIRE(at != std::string::npos);
        old_xml.replace(at, std::strlen(from), to);
    }
    CHECK(old_xml == new_xml);

    // Fixed again: nothing left to do.
    auto again = pipeline::fix_file(p.string(), book(), opts, false);
    CHECK(again.status == pipeline::FixStatus::NothingToFix);
}

TEST_CASE("fix on a .docx: a right document is left alone; LibreOffice opens the fixed one", "[fix][docx]") {
    test::TempDir dir("fixdocx2");
    fs::path right = dir.path / "right.docx";
    fs::copy_file(fs::path(test::source_dir()) / "corpus/presentation/nd30-template.docx", right);
    pipeline::Options opts;
    auto r = pipeline::fix_file(right.string(), book(), opts, false);
    CHECK(r.status == pipeline::FixStatus::NothingToFix);

    std::string soffice = ingest::find_soffice({});
    if (soffice.empty()) {
        WARN("soffice not found: the LibreOffice check is skipped");
        return;
    }
    // A file LibreOffice wrote (the tests' writer makes a minimal package it
    // does not open): the template with a 25 mm left margin, fixed, then opened.
    std::string fodt = test::slurp(fs::path(test::source_dir()) / "tests/data/presentation/nd30-template.fodt");
    auto at = fodt.find("fo:margin-left=\"3cm\"");
    REQUIRE(at != std::string::npos);
    fodt.replace(at, std::strlen("fo:margin-left=\"3cm\""), "fo:margin-left=\"2.5cm\"");
    test::spit(dir.path / "wrong.fodt", fodt);
    auto run = [&](const char* to, const fs::path& file) {
        std::string cmd = test::shell_quote(soffice) + " -env:UserInstallation=file://" + (dir.path / "profile").string() +
                          " --headless --convert-to " + to + " --outdir " + test::shell_quote(dir.path.string()) + " " +
                          test::shell_quote(file.string()) + " >/dev/null 2>&1";
        return std::system(cmd.c_str());
    };
    REQUIRE(run("docx", dir.path / "wrong.fodt") == 0);
    fs::path wrong = dir.path / "wrong.docx";
    REQUIRE(fs::exists(wrong));
    fs::copy_file(wrong, dir.path / "original.docx");
    auto fixed = pipeline::fix_file(wrong.string(), book(), opts, false);
    REQUIRE(fixed.status == pipeline::FixStatus::Fixed);
    CHECK(fixed.applied == 1);
    CHECK_FALSE(has_rule(fixed.remaining, "nd30.presentation.margins"));
    auto before = entries(dir.path / "original.docx"), after = entries(wrong);
    for (const auto& [name, data] : before)
        if (name != "word/document.xml") CHECK(after[name] == data);
    REQUIRE(run("pdf", wrong) == 0);
    CHECK(fs::exists(dir.path / "wrong.pdf"));
}

namespace {

std::multiset<std::string> rule_set(const pipeline::FileResult& r) {
    std::multiset<std::string> out;
    for (const auto& d : r.diagnostics) out.insert(d.rule + ":" + std::to_string(d.line));
    return out;
}

// Every part but word/document.xml byte-identical.
void only_document_changed(const fs::path& before_path, const fs::path& after_path) {
    auto before = entries(before_path), after = entries(after_path);
    REQUIRE(before.size() == after.size());
    for (const auto& [name, data] : before) {
        INFO(name);
        REQUIRE(after.count(name));
        if (name != "word/document.xml") CHECK(after[name] == data);
    }
}

}  // namespace

TEST_CASE("fix on a .docx: the body's font becomes Times New Roman; header, table and other findings stay", "[fix][docx]") {
    test::TempDir dir("fixfont");
    fs::path src = fs::path(test::source_dir()) / "corpus/presentation/font-wrong.docx";
    fs::path p = dir.path / "font-wrong.docx";
    fs::copy_file(src, p);
    pipeline::Options opts;
    opts.check.today = {23, 11, 2026};
    auto before = pipeline::check_file(p.string(), book(), opts);
    REQUIRE(has_rule(before, "nd30.presentation.font"));

    auto dry = pipeline::fix_file(p.string(), book(), opts, true);
    REQUIRE(dry.status == pipeline::FixStatus::Fixed);
    // Four paragraphs of running text in Arial, one in .VnTime (its text is
    // Unicode already: only the font name is old).
    CHECK(dry.diff.find("phông chữ nội dung: Arial → Times New Roman (4 đoạn)") != std::string::npos);
    CHECK(dry.diff.find("phông chữ nội dung: .VnTime → Times New Roman (1 đoạn)") != std::string::npos);
    CHECK(dry.diff.find("cỡ chữ") == std::string::npos);  // the sizes are right
    CHECK(test::slurp(p) == test::slurp(src));

    auto done = pipeline::fix_file(p.string(), book(), opts, false);
    REQUIRE(done.status == pipeline::FixStatus::Fixed);
    CHECK_FALSE(has_rule(done.remaining, "nd30.presentation.font"));
    // Everything else is as it was: the red line is still red.
    auto want = rule_set(before);
    for (auto it = want.begin(); it != want.end();)
        it = it->rfind("nd30.presentation.font:", 0) == 0 ? want.erase(it) : std::next(it);
    CHECK(rule_set(done.remaining) == want);
    only_document_changed(src, p);
    // The header table (its own fonts and sizes) is not touched: each of its
    // runs keeps its w:rPr as written.
    std::string old_xml = entries(src)["word/document.xml"], new_xml = entries(p)["word/document.xml"];
    auto header_end = old_xml.find("</w:tbl>");
    REQUIRE(header_end != std::string::npos);
    CHECK(new_xml.compare(0, header_end, old_xml, 0, header_end) == 0);
    CHECK(pipeline::fix_file(p.string(), book(), opts, false).status == pipeline::FixStatus::NothingToFix);
}

TEST_CASE("fix on a .docx: a body at 12 pt becomes 14 pt; the 11 pt recipients keep theirs", "[fix][docx]") {
    test::TempDir dir("fixsize");
    fs::path src = fs::path(test::source_dir()) / "corpus/presentation/body-wrong.docx";
    fs::path p = dir.path / "body-wrong.docx";
    fs::copy_file(src, p);
    pipeline::Options opts;
    opts.check.today = {23, 11, 2026};
    auto before = pipeline::check_file(p.string(), book(), opts);
    REQUIRE(has_rule(before, "nd30.presentation.body-size"));
    pipeline::Options en = opts;
    en.check.lang = "en";
    auto dry = pipeline::fix_file(p.string(), book(), en, true);
    REQUIRE(dry.status == pipeline::FixStatus::Fixed);
    CHECK(dry.diff.find("body size: 12 pt → 14 pt (") != std::string::npos);
    CHECK(dry.diff.find("body font") == std::string::npos);
    auto done = pipeline::fix_file(p.string(), book(), opts, false);
    REQUIRE(done.status == pipeline::FixStatus::Fixed);
    CHECK_FALSE(has_rule(done.remaining, "nd30.presentation.body-size"));
    CHECK(has_rule(done.remaining, "nd30.presentation.body-align"));  // not a font fix
    auto want = rule_set(before);
    for (auto it = want.begin(); it != want.end();)
        it = it->rfind("nd30.presentation.body-size:", 0) == 0 ? want.erase(it) : std::next(it);
    CHECK(rule_set(done.remaining) == want);  // the recipients' list (11 pt) is still right
    only_document_changed(src, p);
}

TEST_CASE("fix on a .docx: body font and size set on runs without properties; LibreOffice opens the result", "[fix][docx]") {
    std::string soffice = ingest::find_soffice({});
    if (soffice.empty()) {
        WARN("soffice not found: the LibreOffice check is skipped");
        return;
    }
    test::TempDir dir("fixfontlo");
    // The template with its body style in Arial 12 pt: LibreOffice writes the
    // font and size in styles.xml and none on the runs, so --fix adds w:rPr
    // to the body's runs and leaves the style (the header uses it too).
    std::string fodt = test::slurp(fs::path(test::source_dir()) / "tests/data/presentation/nd30-template.fodt");
    size_t replaced = 0;
    for (auto [from, to] : {std::pair<std::string, std::string>{"style:font-name=\"Times New Roman\"", "style:font-name=\"Arial\""},
                            std::pair<std::string, std::string>{"fo:font-size=\"14pt\"", "fo:font-size=\"12pt\""}})
        for (size_t at = fodt.find(from); at != std::string::npos; at = fodt.find(from, at + to.size())) {
            fodt.replace(at, from.size(), to);
            ++replaced;
        }
    REQUIRE(replaced > 0);
    test::spit(dir.path / "arial.fodt", fodt);
    auto run = [&](const char* to, const fs::path& file) {
        std::string cmd = test::shell_quote(soffice) + " -env:UserInstallation=file://" + (dir.path / "profile").string() +
                          " --headless --convert-to " + to + " --outdir " + test::shell_quote(dir.path.string()) + " " +
                          test::shell_quote(file.string()) + " >/dev/null 2>&1";
        return std::system(cmd.c_str());
    };
    REQUIRE(run("docx", dir.path / "arial.fodt") == 0);
    fs::path doc = dir.path / "arial.docx";
    REQUIRE(fs::exists(doc));
    fs::copy_file(doc, dir.path / "original.docx");
    pipeline::Options opts;
    auto before = pipeline::check_file(doc.string(), book(), opts);
    REQUIRE(has_rule(before, "nd30.presentation.font"));
    auto fixed = pipeline::fix_file(doc.string(), book(), opts, false);
    REQUIRE(fixed.status == pipeline::FixStatus::Fixed);
    // (LibreOffice writes the font the machine has in place of Arial: its name varies.)
    CHECK(fixed.diff.find("phông chữ nội dung: ") != std::string::npos);
    CHECK(fixed.diff.find(" → Times New Roman (") != std::string::npos);
    CHECK(fixed.diff.find("cỡ chữ nội dung: 12 pt → 14 pt") != std::string::npos);
    CHECK_FALSE(has_rule(fixed.remaining, "nd30.presentation.body-size"));
    only_document_changed(dir.path / "original.docx", doc);
    fs::remove(dir.path / "arial.pdf");
    REQUIRE(run("pdf", doc) == 0);
    CHECK(fs::exists(dir.path / "arial.pdf"));
}
