// plancheck annotate on .docx files written by docx_writer.h: every finding
// becomes exactly one comment anchored on its text (or one tracked change with
// --suggest), the text Word shows stays the same, run properties survive a
// split, existing comments are kept, and every other part is byte-identical.
#include <zip.h>

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <map>
#include <set>
#include <string>

#include "ingest/annotate.h"
#include "ingest/docx_writer.h"
#include "ingest/ingest.h"
#include "ingest/plugin.h"
#include "normalize/normalize.h"
#include "pipeline/context.h"

using namespace plancheck;
using test::DocxWriter;

namespace {

struct Entry {
    std::string data;
    zip_uint64_t comp_size = 0;
    zip_uint32_t crc = 0;
};

std::map<std::string, Entry> entries(const std::string& bytes) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    REQUIRE(z);
    std::map<std::string, Entry> out;
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
        Entry e;
        e.comp_size = st.comp_size;
        e.crc = st.crc;
        zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
        char buf[4096];
        zip_int64_t n;
        while ((n = zip_fread(f, buf, sizeof buf)) > 0) e.data.append(buf, static_cast<size_t>(n));
        zip_fclose(f);
        out[st.name] = e;
    }
    zip_discard(z);
    zip_error_fini(&err);
    return out;
}

SourceDocument read_ok(const std::string& bytes) {
    auto r = ingest::read_docx_document(bytes, "t.docx", {});
    if (auto* bad = std::get_if<UnreadableInput>(&r)) FAIL("unreadable: " << bad->reason);
    return std::get<SourceDocument>(r);
}

// A diagnostic on the first occurrence of `word` in the read document (its
// positions as the reader gives them; after normalize when `normalized`).
Diagnostic on_word(const SourceDocument& doc, const std::string& word, const std::string& rule = "test.rule") {
    for (const auto& b : doc.blocks) {
        auto at = b.text.find(word);
        if (at == std::string::npos) continue;
        Pos from = b.locate(at), to = b.locate(at + word.size());
        Diagnostic d;
        d.rule = rule;
        d.category = "format.text";
        d.severity = Severity::Warning;
        d.message = "Thông báo về \"" + word + "\"";
        d.legal_basis = "Nghị định 30/2020/NĐ-CP";
        d.line = from.line, d.column = from.column, d.end_line = to.line, d.end_column = to.column;
        return d;
    }
    FAIL("word not found: " << word);
    return {};
}

std::string annotate(const std::string& bytes, const std::vector<Diagnostic>& diags, bool suggest = false,
                     ingest::AnnotateSummary* summary = nullptr) {
    ingest::AnnotateOptions o;
    o.suggest = suggest;
    o.date = "2026-12-01T10:00:00Z";
    std::string error;
    auto out = ingest::annotate_docx_document(bytes, diags, o, &error, summary);
    if (!out) FAIL("annotate failed: " << error);
    return *out;
}

// Comment id -> the text between its range markers (w:t, w:tab as a tab),
// read from document.xml in document order; also the number of reference
// runs per id.
struct Anchors {
    std::map<std::string, std::string> text;
    std::map<std::string, int> starts, ends, refs;
};

Anchors anchors(const std::string& document_xml) {
    pugi::xml_document x;
    REQUIRE(x.load_string(document_xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    Anchors a;
    std::set<std::string> open;
    struct W : pugi::xml_tree_walker {
        Anchors* a;
        std::set<std::string>* open;
        bool for_each(pugi::xml_node& n) override {
            std::string name = n.name();
            std::string id = n.attribute("w:id").value();
            if (name == "w:commentRangeStart") ++a->starts[id], open->insert(id);
            else if (name == "w:commentRangeEnd") ++a->ends[id], open->erase(id);
            else if (name == "w:commentReference") ++a->refs[id];
            else if (name == "w:t" || name == "w:tab") {
                bool in_txbx_fallback = false;
                for (auto p = n.parent(); p; p = p.parent())
                    if (std::string(p.name()) == "mc:Fallback") in_txbx_fallback = true;
                if (in_txbx_fallback) return true;
                for (const auto& o : *open) a->text[o] += name == "w:t" ? n.child_value() : "\t";
            }
            return true;
        }
    } w;
    w.a = &a;
    w.open = &open;
    x.traverse(w);
    return a;
}

std::vector<std::string> body_texts(const SourceDocument& d) {
    std::vector<std::string> out;
    for (const auto& b : d.blocks) out.push_back(std::to_string(b.line()) + ":" + b.text);
    return out;
}

int count(const std::string& s, const std::string& what) {
    int n = 0;
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("annotate: one comment per finding, on its words, text unchanged", "[ingest][annotate]") {
    DocxWriter w;
    w.body = DocxWriter::para("UBND TỈNH BẮC NAM") +
             "<w:p><w:r><w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\">KẾ HOẠCH </w:t></w:r>"
             "<w:r><w:rPr><w:i/></w:rPr><w:t>Triển khai công tác năm 2026</w:t></w:r></w:p>" +
             DocxWriter::para("Căn cứ Luật Tổ chức chính quyền địa phương;") +
             DocxWriter::table({{"Nội dung", "Thời gian"}, {"Tập huấn cán bộ", "Quý II"}});
    std::string original = w.build();
    SourceDocument doc = read_ok(original);
    std::vector<Diagnostic> diags = {on_word(doc, "HOẠCH Triển"), on_word(doc, "Luật"), on_word(doc, "Quý II"),
                                     on_word(doc, "Luật Tổ")};
    Diagnostic whole;  // a whole-file finding
    whole.rule = "test.whole";
    whole.message = "Thiếu chữ ký";
    diags.push_back(whole);
    ingest::AnnotateSummary s;
    std::string out = annotate(original, diags, false, &s);
    CHECK(s.comments == 5);
    CHECK(s.on_paragraph == 1);

    auto before = entries(original), after = entries(out);
    auto a = anchors(after["word/document.xml"].data);
    // The comments part lists them, by plancheck, in order.
    pugi::xml_document c;
    REQUIRE(c.load_string(after["word/comments.xml"].data.c_str()));
    std::vector<std::string> ids;
    for (auto n : c.document_element().children("w:comment")) {
        CHECK(std::string(n.attribute("w:author").value()) == "plancheck");
        CHECK(std::string(n.attribute("w:date").value()) == "2026-12-01T10:00:00Z");
        ids.push_back(n.attribute("w:id").value());
    }
    REQUIRE(ids.size() == 5);
    CHECK(a.text[ids[0]] == "HOẠCH Triển");
    CHECK(a.text[ids[1]] == "Luật");
    CHECK(a.text[ids[2]] == "Quý II");
    CHECK(a.text[ids[3]] == "Luật Tổ");
    CHECK(a.text[ids[4]] == "UBND TỈNH BẮC NAM");  // whole file: the first paragraph
    for (const auto& id : ids) {
        CHECK(a.starts[id] == 1);
        CHECK(a.ends[id] == 1);
        CHECK(a.refs[id] == 1);
    }
    std::string first = c.document_element().child("w:comment").text().get();
    std::string all = after["word/comments.xml"].data;
    CHECK(all.find("Thông báo về \"HOẠCH Triển\"") != std::string::npos);
    CHECK(all.find("Căn cứ: Nghị định 30/2020/NĐ-CP") != std::string::npos);
    CHECK(all.find("toàn văn bản") != std::string::npos);
    // Split runs keep their properties: "KẾ " bold, "HOẠCH " bold, "Triển" italic.
    pugi::xml_document d;
    REQUIRE(d.load_string(after["word/document.xml"].data.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    int bold_runs = 0;
    for (auto t : d.select_nodes("//w:r[w:rPr/w:b]/w:t")) {
        ++bold_runs;
        CHECK(t.node().parent().child("w:rPr").child("w:sz"));
    }
    CHECK(bold_runs == 2);
    CHECK(d.select_nodes("//w:r[w:rPr/w:i]/w:t").size() == 2);
    // The text Word shows is the same, paragraph by paragraph.
    CHECK(body_texts(read_ok(out)) == body_texts(doc));
    // Only the body, the comments and what they need changed.
    for (const auto& [name, e] : before) {
        INFO(name);
        if (name == "word/document.xml" || name == "[Content_Types].xml") continue;
        CHECK(after[name].data == e.data);
        CHECK(after[name].comp_size == e.comp_size);
    }
    CHECK(after.count("word/_rels/document.xml.rels"));
    CHECK(after["[Content_Types].xml"].data.find("/word/comments.xml") != std::string::npos);
    CHECK(after["word/_rels/document.xml.rels"].data.find("relationships/comments") != std::string::npos);
}

TEST_CASE("annotate: positions through tracked changes, fields, soft breaks, text boxes, legacy and NFC",
          "[ingest][annotate]") {
    DocxWriter w;
    std::string tcvn = test::as_legacy_run("Báo cáo tổng kết", legacy::Encoding::Tcvn3);
    std::string vni = test::as_legacy_run("Hội nghị sơ kết", legacy::Encoding::Vni);
    w.body =
        // Tracked changes: the deleted word is not shown, the inserted one is.
        "<w:p><w:r><w:t xml:space=\"preserve\">Tổ chức </w:t></w:r><w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>cũ "
        "</w:delText></w:r></w:del><w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t xml:space=\"preserve\">mới </w:t></w:r></w:ins>"
        "<w:r><w:t>hội thảo</w:t></w:r></w:p>"
        // A field: the instruction is hidden, the result shows.
        "<w:p><w:r><w:t xml:space=\"preserve\">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        "<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
        "<w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t xml:space=\"preserve\"> của kế hoạch</w:t></w:r></w:p>"
        // A soft line break inside one paragraph.
        "<w:p><w:r><w:t>UBND HUYỆN ĐÔNG</w:t><w:br/><w:t>Số: 15/KH-UBND</w:t></w:r></w:p>" +
        DocxWriter::textbox("Nơi nhận:", DocxWriter::para("Lưu văn thư")) +
        DocxWriter::para(std::vector<test::Run>{{tcvn, ".VnTime"}}) +
        DocxWriter::para(std::vector<test::Run>{{vni, "VNI-Times"}}) +
        // Decomposed (NFD) text: "Hoà" with a combining grave accent.
        DocxWriter::para("Ho\x61\xCC\x80n thành kế hoa\xCC\xA3" "ch");
    std::string original = w.build();
    SourceDocument doc = read_ok(original);
    // NFC: positions taken after normalize (composed text), mapped back by its anchors.
    SourceDocument norm = doc;
    normalize::normalize(norm);
    std::vector<std::pair<Diagnostic, std::string>> cases = {
        {on_word(doc, "mới hội"), "mới hội"},
        {on_word(doc, "7 của"), "7 của"},
        {on_word(doc, "15/KH"), "15/KH"},
        {on_word(doc, "văn thư"), "văn thư"},
        {on_word(doc, "tổng kết"), "tổng kết"},
        {on_word(doc, "sơ kết"), "sơ kết"},
        {on_word(norm, "Hoàn thành kế hoạch"), "Ho\x61\xCC\x80n thành kế hoa\xCC\xA3" "ch"},
    };
    std::vector<Diagnostic> diags;
    for (auto& [d, _] : cases) diags.push_back(d);
    ingest::AnnotateSummary s;
    std::string out = annotate(original, diags, false, &s);
    CHECK(s.on_paragraph == 0);
    auto after = entries(out);
    auto a = anchors(after["word/document.xml"].data);
    pugi::xml_document c;
    REQUIRE(c.load_string(after["word/comments.xml"].data.c_str()));
    std::vector<std::string> ids;
    for (auto n : c.document_element().children("w:comment")) ids.push_back(n.attribute("w:id").value());
    REQUIRE(ids.size() == cases.size());
    for (size_t i = 0; i < cases.size(); ++i) {
        INFO(i);
        // Legacy runs hold the characters of the legacy bytes.
        std::string want = i == 4   ? test::as_legacy_run(cases[i].second, legacy::Encoding::Tcvn3)
                           : i == 5 ? test::as_legacy_run(cases[i].second, legacy::Encoding::Vni)
                                    : cases[i].second;
        CHECK(a.text[ids[i]] == want);
    }
    // Existing tracked changes are untouched, and no id is reused.
    CHECK(count(after["word/document.xml"].data, "<w:del ") == 1);
    for (const auto& id : ids) CHECK((id != "1" && id != "2"));
    CHECK(body_texts(read_ok(out)) == body_texts(doc));
}

TEST_CASE("annotate: existing comments are kept and ids merged", "[ingest][annotate]") {
    DocxWriter w;
    w.body = "<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:t>Kế hoạch phòng chống thiên tai</w:t></w:r>"
             "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r></w:p>" +
             DocxWriter::para("Mục tiêu chung của kế hoạch");
    w.comments = "<w:comment w:id=\"0\" w:author=\"Chuyên viên\"><w:p><w:r><w:t>Xem lại tên</w:t></w:r></w:p></w:comment>";
    w.raw_parts["word/_rels/document.xml.rels"] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/>"
        "</Relationships>";
    w.raw_parts["[Content_Types].xml"] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/comments.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/></Types>";
    std::string original = w.build();
    SourceDocument doc = read_ok(original);
    std::string out = annotate(original, {on_word(doc, "thiên tai"), on_word(doc, "Mục tiêu")});
    auto before = entries(original), after = entries(out);
    // The relationships and content types already had what comments need.
    CHECK(after["word/_rels/document.xml.rels"].data == before["word/_rels/document.xml.rels"].data);
    CHECK(after["[Content_Types].xml"].data == before["[Content_Types].xml"].data);
    pugi::xml_document c;
    REQUIRE(c.load_string(after["word/comments.xml"].data.c_str()));
    std::vector<std::string> ids, authors;
    for (auto n : c.document_element().children("w:comment")) {
        ids.push_back(n.attribute("w:id").value());
        authors.push_back(n.attribute("w:author").value());
    }
    CHECK(authors == std::vector<std::string>{"Chuyên viên", "plancheck", "plancheck"});
    CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == 3);
    auto a = anchors(after["word/document.xml"].data);
    CHECK(a.text["0"] == "Kế hoạch phòng chống thiên tai");
    CHECK(a.text[ids[1]] == "thiên tai");
    CHECK(a.text[ids[2]] == "Mục tiêu");
}

TEST_CASE("annotate --suggest: fixes become tracked changes that read back corrected", "[ingest][annotate]") {
    DocxWriter w;
    w.body = "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Ủy ban nhân dân xã \xC3\x90ông Hòa</w:t></w:r></w:p>" +
             DocxWriter::para("Thực hiện thực hiện các nhiệm vụ") + DocxWriter::para("Không có lỗi ở đây");
    std::string original = w.build();
    SourceDocument doc = read_ok(original);
    Diagnostic eth = on_word(doc, "\xC3\x90");
    eth.fix = Fix{eth.line, eth.column, eth.end_line, eth.end_column, "Đ"};
    Diagnostic rep = on_word(doc, " thực hiện");
    rep.fix = Fix{rep.line, rep.column, rep.end_line, rep.end_column, ""};
    Diagnostic plain = on_word(doc, "lỗi");
    // An overlapping second fix stays a comment.
    Diagnostic overlap = on_word(doc, "xã \xC3\x90ông");
    overlap.fix = Fix{overlap.line, overlap.column, overlap.end_line, overlap.end_column, "xã Đông"};
    ingest::AnnotateSummary s;
    std::string out = annotate(original, {eth, rep, plain, overlap}, true, &s);
    CHECK(s.suggestions == 2);
    CHECK(s.comments == 2);
    auto after = entries(out);
    const std::string& body = after["word/document.xml"].data;
    CHECK(count(body, "<w:del ") == 2);
    CHECK(count(body, "<w:ins ") == 1);
    CHECK(count(body, "w:author=\"plancheck\"") == 3);
    pugi::xml_document d;
    REQUIRE(d.load_string(body.c_str()));
    // The inserted Đ keeps the bold of the text it replaces.
    CHECK(d.select_node("//w:ins/w:r[w:rPr/w:b]/w:t[.='Đ']"));
    CHECK(d.select_node("//w:del/w:r/w:delText[.='\xC3\x90']"));
    // Accepted (as the reader reads it), the document is corrected.
    auto texts = body_texts(read_ok(out));
    CHECK(texts[0] == "1:Ủy ban nhân dân xã Đông Hòa");
    CHECK(texts[1] == "2:Thực hiện các nhiệm vụ");
    // Comments on the rest; the overlapping fix is offered in words.
    CHECK(after["word/comments.xml"].data.find("Đề xuất: thay") != std::string::npos);
}

TEST_CASE("annotate: no findings leaves the file as it was; not a .docx is refused", "[ingest][annotate]") {
    DocxWriter w;
    w.body = DocxWriter::para("Kế hoạch");
    std::string original = w.build();
    CHECK(annotate(original, {}) == original);
    std::string error;
    CHECK_FALSE(ingest::annotate_docx_document("not a zip at all", {}, {}, &error, nullptr));
    CHECK(!error.empty());
    // Through the module, as the CLI and the server call it.
    error.clear();
    auto through = ingest::annotate_docx(original, {}, {}, &error);
    REQUIRE(through);
    CHECK(*through == original);
}

TEST_CASE("docx: page breaks the file records, and the context of a finding", "[ingest][annotate][context]") {
    DocxWriter w;
    w.body = DocxWriter::para("Trang một") +
             // Word's own layout broke the page inside this paragraph, before "tiếp".
             "<w:p><w:r><w:t xml:space=\"preserve\">Đoạn dài </w:t><w:lastRenderedPageBreak/><w:t>tiếp</w:t></w:r></w:p>" +
             // A hard break followed by the rendered break Word writes for it: one page.
             "<w:p><w:r><w:br w:type=\"page\"/></w:r><w:r><w:lastRenderedPageBreak/><w:t>Trang ba</w:t></w:r></w:p>" +
             "<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>Trang bốn</w:t></w:r></w:p>" +
             // A section ending here: the next section starts a page, unless continuous.
             "<w:p><w:pPr><w:sectPr><w:type w:val=\"continuous\"/></w:sectPr></w:pPr><w:r><w:t>Vẫn trang bốn</w:t></w:r></w:p>" +
             "<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>Cuối mục</w:t></w:r></w:p>" + DocxWriter::para("Trang năm");
    SourceDocument doc = read_ok(w.build());
    std::vector<Pos> want = {{2, 10}, {3, 2}, {4, 1}, {7, 1}};
    CHECK(doc.page_breaks == want);

    std::vector<Diagnostic> diags(4);
    diags[0].line = 2, diags[0].column = 2;   // before the break in its paragraph
    diags[1].line = 2, diags[1].column = 11;  // after it
    diags[2].line = 7, diags[2].column = 1;
    diags[3].line = 0;  // whole file: nothing to name
    doc.format = "docx";
    pipeline::locate_docx(doc, diags);
    CHECK(diags[0].page == 1);
    CHECK(diags[1].page == 2);
    CHECK(diags[2].page == 5);
    CHECK(diags[0].context == "Đoạn dài tiếp");
    CHECK(diags[2].context == "Trang năm");
    CHECK(diags[3].context.empty());
    CHECK(diags[3].page == 0);

    // No page break recorded: the page is unknown, the words are still given.
    DocxWriter one;
    one.body = DocxWriter::para("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;");
    SourceDocument d1 = read_ok(one.build());
    d1.format = "docx";
    std::vector<Diagnostic> single(1);
    single[0].line = 1, single[0].column = 3;
    pipeline::locate_docx(d1, single);
    CHECK(single[0].page == 0);
    CHECK(single[0].context == "Căn cứ Luật Tổ chức chính quyền địa…");
    CHECK(pipeline::first_words("  Một\thai  ba ") == "Một hai ba");
    CHECK(pipeline::first_words(std::string(60, 'x') + " y") == std::string(60, 'x') + "…");
}

TEST_CASE("annotate: a stored (uncompressed) part stays stored, byte for byte", "[ingest][annotate]") {
    DocxWriter w;
    w.body = DocxWriter::para("Kế hoạch kiểm tra công vụ");
    auto parts = w.parts();
    std::string image(20000, '\0');
    for (size_t i = 0; i < image.size(); ++i) image[i] = static_cast<char>(i * 7 % 251);
    // Zip it with the image stored, as Word stores JPEG files.
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* out_src = zip_source_buffer_create(nullptr, 0, 0, &err);
    zip_source_keep(out_src);
    zip_t* z = zip_open_from_source(out_src, ZIP_TRUNCATE, &err);
    REQUIRE(z);
    parts["word/media/image1.jpeg"] = image;
    for (const auto& [name, data] : parts) {
        zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
        zip_int64_t idx = zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8);
        REQUIRE(idx >= 0);
        if (name == "word/media/image1.jpeg") zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), ZIP_CM_STORE, 0);
    }
    REQUIRE(zip_close(z) == 0);
    std::string original;
    REQUIRE(zip_source_open(out_src) == 0);
    char buf[4096];
    for (zip_int64_t n; (n = zip_source_read(out_src, buf, sizeof buf)) > 0;) original.append(buf, static_cast<size_t>(n));
    zip_source_close(out_src);
    zip_source_free(out_src);
    zip_error_fini(&err);

    SourceDocument doc = read_ok(original);
    std::string out = annotate(original, {on_word(doc, "công vụ")});
    auto before = entries(original), after = entries(out);
    CHECK(after["word/media/image1.jpeg"].data == image);
    CHECK(after["word/media/image1.jpeg"].comp_size == before["word/media/image1.jpeg"].comp_size);
    CHECK(after["word/media/image1.jpeg"].comp_size == image.size());
}

TEST_CASE("annotate: a finding in a footnote is anchored on its reference mark", "[ingest][annotate]") {
    DocxWriter w;
    w.body = DocxWriter::para("Kế hoạch phát triển du lịch") +
             "<w:p><w:r><w:t>Căn cứ Nghị quyết của Hội đồng nhân dân tỉnh</w:t></w:r>"
             "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteReference w:id=\"2\"/></w:r></w:p>";
    w.footnotes = "<w:footnote w:type=\"separator\" w:id=\"0\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                  "<w:footnote w:id=\"2\"><w:p><w:r><w:t>Nghị quyết số 12/NQ-HĐND ngày 5 tháng 3 năm 2026</w:t></w:r></w:p>"
                  "</w:footnote>";
    std::string original = w.build();
    SourceDocument doc = read_ok(original);
    Diagnostic d = on_word(doc, "12/NQ-HĐND");
    CHECK(d.line == 3);  // the note's paragraph follows the body's two
    ingest::AnnotateSummary s;
    std::string out = annotate(original, {d}, false, &s);
    CHECK(s.comments == 1);
    CHECK(s.on_paragraph == 0);
    auto after = entries(out);
    pugi::xml_document x;
    REQUIRE(x.load_string(after["word/document.xml"].data.c_str()));
    // Start marker, the reference run, end marker, comment reference.
    auto start = x.select_node("//w:commentRangeStart").node();
    REQUIRE(start);
    CHECK(start.next_sibling().child("w:footnoteReference"));
    CHECK(std::string(start.next_sibling().next_sibling().name()) == "w:commentRangeEnd");
    CHECK(after["word/comments.xml"].data.find("chú thích đánh dấu ở đây") != std::string::npos);
    // The footnotes part itself is untouched.
    CHECK(after["word/footnotes.xml"].data == entries(original)["word/footnotes.xml"].data);
}
