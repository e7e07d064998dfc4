// Formats recognised by content, not by name, and legacy formats read through
// LibreOffice (checker/ingest/convert.cpp). Conversion tests skip when
// LibreOffice is not installed; the rest builds its inputs here.
#include <catch2/catch.hpp>

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>

#include "helpers.h"
#include "ingest/docx_writer.h"
#include "ingest/pdf_writer.h"

namespace fs = std::filesystem;
using namespace plancheck;
using plancheck::test::DocxWriter;

namespace {

const char* kPlanLines[] = {"KẾ HOẠCH", "Tuyên truyền chính sách bảo hiểm xã hội năm 2026",
                            "I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao nhận thức của cán bộ, công chức trên địa bàn."};

std::string plan_docx() {
    DocxWriter w;
    for (const char* l : kPlanLines) w.body += DocxWriter::para(l);
    return w.build();
}

std::string plan_pdf() {
    test::PdfWriter w;
    uint32_t n = 0;
    for (const char* l : kPlanLines) w.paragraph(l, ++n);
    return w.build();
}

// A minimal OLE compound file: the header and one directory sector holding a
// "WordDocument" stream entry whose first sector carries a Word 97 FIB with
// the given flags (0x0100: encrypted).
std::string ole_with(const std::u16string& stream, uint16_t fib_flags = 0) {
    std::string b(512 * 3, '\0');
    const char magic[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    b.replace(0, 8, magic, 8);
    b[0x1E] = 9;  // 512-byte sectors
    size_t dir = 512;  // sector 0
    for (size_t i = 0; i < stream.size(); ++i) {
        b[dir + 2 * i] = static_cast<char>(stream[i] & 0xFF);
        b[dir + 2 * i + 1] = static_cast<char>(stream[i] >> 8);
    }
    b[dir + 0x40] = static_cast<char>(2 * (stream.size() + 1));
    b[dir + 0x42] = 2;  // stream
    b[dir + 0x74] = 1;  // starts at sector 1
    size_t fib = 512 * 2;
    b[fib] = static_cast<char>(0xEC);
    b[fib + 1] = static_cast<char>(0xA5);
    b[fib + 0x0A] = static_cast<char>(fib_flags & 0xFF);
    b[fib + 0x0B] = static_cast<char>(fib_flags >> 8);
    return b;
}

std::string reason_of(const ingest::Result& r) {
    if (auto* bad = std::get_if<UnreadableInput>(&r)) return bad->reason;
    return "(readable)";
}

std::vector<std::string> texts(const SourceDocument& d) {
    std::vector<std::string> out;
    for (const auto& b : d.blocks) out.push_back(b.text);
    return out;
}

// Alive and not a zombie waiting for a parent to reap it (killed processes
// reparented to a PID 1 that reaps slowly stay zombies for a while).
bool running(pid_t pid) {
    for (int i = 0; i < 50; ++i) {
        std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
        std::string line;
        if (!std::getline(stat, line)) return false;
        auto close = line.rfind(')');
        if (close != std::string::npos && close + 2 < line.size() && line[close + 2] == 'Z') return false;
        usleep(20000);
    }
    return true;
}

bool has_soffice() { return !ingest::find_soffice({}).empty(); }

}  // namespace

TEST_CASE("formats: the container is recognised by its content") {
    std::string docx = plan_docx(), pdf = plan_pdf();
    CHECK(ingest::sniff_format(docx, "doc") == "docx");
    CHECK(ingest::sniff_format(docx, "txt") == "docx");
    CHECK(ingest::sniff_format(pdf, "doc") == "pdf");
    CHECK(ingest::sniff_format(pdf, "") == "pdf");
    CHECK(ingest::sniff_format("{\\rtf1\\ansi x}", "doc") == "rtf");
    CHECK(ingest::sniff_format("\xEF\xBB\xBF  <!DOCTYPE html><p>x</p>", "txt") == "html");
    CHECK(ingest::sniff_format("<HTML><body>x</body></HTML>", "md") == "html");
    CHECK(ingest::sniff_format("<?xml version=\"1.0\"?>\n<w:wordDocument xmlns:w=\"x\"/>", "doc") == "wordxml");
    CHECK(ingest::sniff_format("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n", "doc") ==
          "mhtml");
    CHECK(ingest::sniff_format("KẾ HOẠCH\n", "txt") == "txt");
    CHECK(ingest::sniff_format("# KẾ HOẠCH\n", "md") == "md");
    CHECK(ingest::sniff_format("KẾ HOẠCH\n", "") == "");
    CHECK(ingest::sniff_format(ole_with(u"WordDocument"), "doc") == "doc");
    CHECK(ingest::sniff_format(ole_with(u"WordDocument"), "docx") == "doc");
    CHECK(ingest::sniff_format(ole_with(u"WordDocument", 0x0100), "doc") == "doc-encrypted");
    CHECK(ingest::sniff_format(ole_with(u"EncryptedPackage"), "docx") == "docx-encrypted");
    CHECK(ingest::sniff_format(ole_with(u"Workbook"), "doc") == "xls");
    auto xlsx = DocxWriter::zip_parts({{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>"}});
    CHECK(ingest::sniff_format(xlsx, "docx") == "xlsx");
    auto odt = DocxWriter::zip_parts({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                      {"content.xml", "<office:document-content/>"},
                                      {"META-INF/manifest.xml", "<manifest/>"}});
    CHECK(ingest::sniff_format(odt, "odt") == "odt");
    CHECK(ingest::sniff_format(odt, "docx") == "odf");
    // No signature: a damaged container keeps its name, so its reader says so.
    CHECK(ingest::sniff_format("PK\x03\x04 not really a zip", "docx") == "docx");
    CHECK(ingest::sniff_format("not a pdf", "pdf") == "pdf");
}

TEST_CASE("formats: a .docx named .doc or .txt, a PDF named .doc, HTML named .txt are read as what they are") {
    auto as_doc = ingest::read_bytes(plan_docx(), "doc", "plan.doc", {});
    REQUIRE(std::holds_alternative<SourceDocument>(as_doc));
    CHECK(std::get<SourceDocument>(as_doc).format == "docx");
    CHECK(texts(std::get<SourceDocument>(as_doc))[0] == "KẾ HOẠCH");

    auto pdf_doc = ingest::read_bytes(plan_pdf(), "doc", "plan.doc", {});
    REQUIRE(std::holds_alternative<SourceDocument>(pdf_doc));
    CHECK(std::get<SourceDocument>(pdf_doc).format == "pdf");

    auto html = ingest::read_bytes("<!DOCTYPE html>\n<html><body><p>KẾ HOẠCH</p>\n<p>Tuyên truyền</p></body></html>\n",
                                   "txt", "plan.txt", {});
    REQUIRE(std::holds_alternative<SourceDocument>(html));
    CHECK(std::get<SourceDocument>(html).format == "html");
    CHECK(texts(std::get<SourceDocument>(html)) == std::vector<std::string>{"KẾ HOẠCH", "Tuyên truyền"});
}

TEST_CASE("formats: the committed samples named for another format are read by content") {
    fs::path dir = fs::path(test::source_dir()) / "corpus" / "hostile";
    auto docx = ingest::read_file((dir / "really-docx.doc").string());
    REQUIRE(std::holds_alternative<SourceDocument>(docx));
    CHECK(std::get<SourceDocument>(docx).format == "docx");
    CHECK(texts(std::get<SourceDocument>(docx)).at(3) == "THÔNG BÁO");
    CHECK(std::get<SourceDocument>(docx).blocks.at(3).line() == 4);
    auto html = ingest::read_file((dir / "really-html.txt").string());
    REQUIRE(std::holds_alternative<SourceDocument>(html));
    CHECK(std::get<SourceDocument>(html).format == "html");
    CHECK(texts(std::get<SourceDocument>(html)).at(0) == "THÔNG BÁO");
    auto book = rules::load_rulebook(test::source_dir() + "/rules");
    auto nul = pipeline::check_file((dir / "all-nul.txt").string(), book, {});
    REQUIRE(nul.unreadable);
    REQUIRE(nul.diagnostics.size() == 1);
    CHECK(nul.diagnostics[0].message.find("không có chữ dùng được") != std::string::npos);
}

TEST_CASE("formats: password-protected and foreign containers get a clear reason without converting") {
    ingest::Options o;
    o.soffice = "off";
    auto enc = ingest::read_bytes(ole_with(u"WordDocument", 0x0100), "doc", "secret.doc", o);
    CHECK(reason_of(enc) == "the document is password-protected");
    CHECK(reason_of(ingest::read_bytes(ole_with(u"EncryptedPackage"), "docx", "secret.docx", o)) ==
          "the document is password-protected");
    auto xls = DocxWriter::zip_parts({{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>"}});
    CHECK(reason_of(ingest::read_bytes(xls, "docx", "table.docx", o)) == "unsupported file type: a spreadsheet");
    CHECK(reason_of(ingest::read_bytes(ole_with(u"PowerPoint Document"), "doc", "slides.doc", o)) ==
          "unsupported file type: a presentation");
    CHECK(reason_of(ingest::read_bytes("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n--x\n", "doc",
                                       "web.doc", o)) == "unsupported file type: a web archive (MHTML)");
}

TEST_CASE("formats: without LibreOffice a .doc, .rtf or .odt is one clear unreadable reason") {
    ingest::Options o;
    o.soffice = "off";
    for (auto [bytes, fmt, shown] : {std::tuple<std::string, const char*, const char*>{ole_with(u"WordDocument"), "doc", ".doc"},
                                     {"{\\rtf1\\ansi Ke hoach}", "rtf", ".rtf"}}) {
        auto r = ingest::read_bytes(bytes, fmt, std::string("old.") + fmt, o);
        REQUIRE(std::holds_alternative<UnreadableInput>(r));
        const auto& why = std::get<UnreadableInput>(r);
        CHECK(why.reason == std::string("cannot read ") + shown + " files without LibreOffice");
        CHECK(why.hint == "install LibreOffice (libreoffice-writer-nogui) or save it as .docx");
        auto vi = ingest::localized(why, "vi");
        CHECK(vi.reason == std::string("không đọc được tệp ") + shown + " khi máy chưa cài LibreOffice");
        CHECK(vi.hint == "cài LibreOffice (libreoffice-writer-nogui) hoặc lưu văn bản thành .docx");
        CHECK(ingest::localized(why, "en").reason == why.reason);
    }
    // A program that does not exist is no LibreOffice either.
    o.soffice = "/nonexistent/soffice";
    CHECK(reason_of(ingest::read_bytes(ole_with(u"WordDocument"), "doc", "old.doc", o)) ==
          "cannot read .doc files without LibreOffice");
}

TEST_CASE("formats: localized reasons translate known phrases and keep unknown ones") {
    UnreadableInput u{"the document has no usable text: only 3 of its 40 words are Vietnamese syllables (poor OCR, or not Vietnamese text?)",
                      "if it is a scan, OCR it with Vietnamese selected; otherwise check that the right file was saved"};
    auto vi = ingest::localized(u, "vi");
    CHECK(vi.reason == "văn bản không có chữ dùng được: chỉ 3 trong 40 từ là âm tiết tiếng Việt (nhận dạng chữ kém, hoặc không phải văn bản tiếng Việt?)");
    CHECK(vi.hint.find("OCR") != std::string::npos);
    UnreadableInput other{"something no table knows", "a hint"};
    CHECK(ingest::localized(other, "vi").reason == other.reason);
    CHECK(ingest::localized(other, "vi").hint == other.hint);
}

TEST_CASE("formats: a conversion that hangs is killed with its process group at the time limit") {
    test::TempDir t("formats");
    fs::path script = t.path / "fake-soffice";
    fs::path pids = t.path / "pids";
    // Stands for a LibreOffice stuck on a dialog: it and a child sleep on.
    test::spit(script, "#!/bin/sh\nsleep 30 &\necho $! > '" + pids.string() + "'\necho $$ >> '" + pids.string() +
                           "'\nwait\n");
    fs::permissions(script, fs::perms::owner_all);
    fs::create_directory(t.path / "tmp");
    std::optional<std::string> old_tmp;
    if (const char* v = std::getenv("TMPDIR")) old_tmp = v;
    ::setenv("TMPDIR", (t.path / "tmp").c_str(), 1);
    ingest::Options o;
    o.soffice = script.string();
    o.convert_timeout_seconds = 2;
    auto start = std::chrono::steady_clock::now();
    auto r = ingest::read_bytes(ole_with(u"WordDocument"), "doc", "stuck.doc", o);
    auto took = std::chrono::steady_clock::now() - start;
    CHECK(reason_of(r) == "LibreOffice did not finish converting the .doc file within 2 seconds");
    CHECK(took < std::chrono::seconds(10));
    std::ifstream in(pids);
    int killed = 0;
    for (pid_t pid; in >> pid;) {
        INFO(pid);
        CHECK_FALSE(running(pid));
        ++killed;
    }
    CHECK(killed == 2);
    // The private folder is gone (TMPDIR pointed at a folder of this test).
    std::error_code ec;
    CHECK(fs::is_empty(t.path / "tmp", ec));
    CHECK_FALSE(ec);
    if (old_tmp) ::setenv("TMPDIR", old_tmp->c_str(), 1);
    else ::unsetenv("TMPDIR");
}

TEST_CASE("formats: a converter that fails or writes nothing gives a clear reason") {
    test::TempDir t("formats");
    fs::path script = t.path / "failing-soffice";
    test::spit(script, "#!/bin/sh\necho 'Error: source file could not be loaded'\nexit 0\n");
    fs::permissions(script, fs::perms::owner_all);
    ingest::Options o;
    o.soffice = script.string();
    CHECK(reason_of(ingest::read_bytes("{\\rtf1 x}", "rtf", "x.rtf", o)) ==
          "LibreOffice could not open the .rtf file: it is damaged, password-protected or not a document");
}

TEST_CASE("formats: legacy .doc, .rtf and .odt are read through LibreOffice") {
    if (!has_soffice()) {
        WARN("skipped: LibreOffice (soffice) is not installed");
        return;
    }
    test::TempDir t("formats");
    // A .doc of our own: the plan as HTML, saved as Word 97-2003 by LibreOffice.
    std::string html = "<html><head><meta charset=\"utf-8\"></head><body>";
    for (const char* l : kPlanLines) html += std::string("<p>") + l + "</p>";
    test::spit(t.path / "plan.html", html + "</body></html>");
    std::string cmd = "cd '" + t.path.string() + "' && HOME='" + t.path.string() + "' '" + ingest::find_soffice({}) +
                      "' -env:UserInstallation=file://" + (t.path / "profile").string() +
                      " --headless --infilter='HTML (StarWriter)' --convert-to doc:'MS Word 97' --outdir out plan.html"
                      " >log 2>&1";
    int rc = std::system(cmd.c_str());
    INFO(test::slurp(t.path / "log"));
    REQUIRE(rc == 0);
    REQUIRE(fs::exists(t.path / "out" / "plan.doc"));
    std::string doc = test::slurp(t.path / "out" / "plan.doc");
    CHECK(ingest::sniff_format(doc, "doc") == "doc");
    auto r = ingest::read_file((t.path / "out" / "plan.doc").string());
    INFO(reason_of(r));
    REQUIRE(std::holds_alternative<SourceDocument>(r));
    const auto& d = std::get<SourceDocument>(r);
    CHECK(texts(d) == std::vector<std::string>(std::begin(kPlanLines), std::end(kPlanLines)));
    // Positions: the converted document's paragraphs.
    CHECK(d.blocks[2].line() == 3);

    // The same plan as .odt.
    std::string odt_cmd = cmd;
    odt_cmd.replace(odt_cmd.find("doc:'MS Word 97'"), std::string("doc:'MS Word 97'").size(), "odt");
    REQUIRE(std::system(odt_cmd.c_str()) == 0);
    std::string odt = test::slurp(t.path / "out" / "plan.odt");
    CHECK(ingest::sniff_format(odt, "odt") == "odt");
    auto ro = ingest::read_file((t.path / "out" / "plan.odt").string());
    INFO(reason_of(ro));
    REQUIRE(std::holds_alternative<SourceDocument>(ro));
    CHECK(texts(std::get<SourceDocument>(ro)) == std::vector<std::string>(std::begin(kPlanLines), std::end(kPlanLines)));

    // RTF with Unicode escapes (as Word writes Vietnamese).
    std::string rtf = "{\\rtf1\\ansi\\uc1 {\\pard K\\u7870?\\par}{\\pard Tuy\\u234?n truy\\u7873?n\\par}}";
    test::spit(t.path / "plan.rtf", rtf);
    auto rr = ingest::read_file((t.path / "plan.rtf").string());
    INFO(reason_of(rr));
    REQUIRE(std::holds_alternative<SourceDocument>(rr));
    CHECK(texts(std::get<SourceDocument>(rr)) == std::vector<std::string>{"KẾ", "Tuyên truyền"});

    // A damaged .doc (cut in half) does not hang and says why.
    test::spit(t.path / "cut.doc", doc.substr(0, doc.size() / 3));
    auto start = std::chrono::steady_clock::now();
    auto cut = ingest::read_file((t.path / "cut.doc").string());
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));
    CHECK(reason_of(cut).find("LibreOffice could not open the .doc file") == 0);
}
