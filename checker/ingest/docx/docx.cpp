// .docx: word/document.xml read with pugixml out of a bounded zip reader.
//
// Positions: `line` is the paragraph number counting EVERY w:p of the body in
// document order, empty ones and table-cell and text-box paragraphs included
// (text-box paragraphs right after the paragraph that anchors them); `column`
// is 1 + the code point offset in the paragraph text. `plancheck outline`
// prints the same numbers because it prints Block::line().
//
// Word automatic numbering becomes Block::label ("II.", "1.", "a)", "-").
// Runs in TCVN3 (.Vn* fonts) or VNI (VNI-* fonts) are converted to Unicode by
// font. Headers/footers, footnotes and comments go to SourceDocument::aside.
//
// XML safety: pugixml never expands DTD-declared entities (a "billion laughs"
// document stays as small as its text), and the zip reader bounds inflation.
#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "core/legacy_vn.h"
#include "core/utf8.h"
#include "ingest/docx/docx_parts.h"
#include "ingest/plugin.h"
#include "ingest/docx/zip_reader.h"

namespace plancheck::ingest {

namespace {

using namespace docx;

struct LegacyFont {
    legacy::Encoding enc;
    bool upper;  // .VnTimeH and friends show the lower-case codes as capitals
};

std::optional<LegacyFont> legacy_font(std::string_view font) {
    std::string f(font);
    std::transform(f.begin(), f.end(), f.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (f.rfind(".vn", 0) == 0) return LegacyFont{legacy::Encoding::Tcvn3, f.size() > 4 && f.back() == 'h'};
    if (f.rfind("vni-", 0) == 0 || f.rfind("vni ", 0) == 0) return LegacyFont{legacy::Encoding::Vni, false};
    return std::nullopt;
}

// Text typed in a legacy font is stored as the Windows-1252 characters of its
// bytes (or U+F0xx for symbol-mapped fonts); map back to bytes, then decode.
std::string convert_legacy(std::string_view text, LegacyFont lf) {
    std::string out, bytes;
    auto flush = [&] {
        if (!bytes.empty()) out += legacy::decode(bytes, lf.enc);
        bytes.clear();
    };
    for (size_t i = 0; i < text.size();) {
        char32_t c = utf8::next(text, i);
        int b = (c >= 0xF020 && c <= 0xF0FF) ? static_cast<int>(c - 0xF000) : legacy::cp1252_byte(c);
        if (b >= 0) {
            bytes += static_cast<char>(b);
        } else {
            flush();
            utf8::append(out, c);
        }
    }
    flush();
    return lf.upper ? utf8::upper(out) : out;
}

constexpr int kMaxDepth = 64;  // deeper nesting is ignored, never recursed into

class BodyReader {
public:
    BodyReader(const Styles& s, Numbering& n, SourceDocument& d) : styles_(s), numbering_(n), doc_(d) {}

    void container(pugi::xml_node n, bool in_table, int depth) {
        if (depth > kMaxDepth) return;
        for (auto c : n.children()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view name = local(c.name());
            if (name == "p") paragraph(c, in_table, depth + 1);
            else if (name == "tbl") table(c, depth + 1);
            else if (name == "sdt") container(kid(c, "sdtContent"), in_table, depth + 1);
            else if (name == "customXml" || name == "ins" || name == "moveTo") container(c, in_table, depth + 1);
        }
    }

    std::map<std::string, uint32_t> comment_para, footnote_para;  // id -> paragraph number

private:
    struct Para {
        std::string text;
        std::vector<pugi::xml_node> boxes;  // w:txbxContent anchored here
        std::vector<std::pair<legacy::Encoding, std::pair<size_t, size_t>>> legacy;
        std::string pstyle;
    };

    void table(pugi::xml_node t, int depth) {
        if (depth > kMaxDepth) return;
        for (auto tr : t.children()) {
            if (local(tr.name()) != "tr") continue;
            for (auto tc : tr.children())
                if (local(tc.name()) == "tc") container(tc, true, depth + 1);
        }
    }

    void run(pugi::xml_node r, Para& p, int depth) {
        auto rpr = kid(r, "rPr");
        std::string font = rfonts(rpr);
        if (font.empty()) font = styles_.font(attr(kid(rpr, "rStyle"), "val"), p.pstyle);
        auto lf = legacy_font(font);
        std::string text;
        for (auto c : r.children()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view name = local(c.name());
            if (name == "t") text += c.child_value();
            else if (name == "tab" || name == "ptab") text += '\t';
            else if (name == "br" || name == "cr") text += '\n';
            else if (name == "noBreakHyphen") text += '-';
            else if (name == "footnoteReference" || name == "endnoteReference") footnote_para[attr(c, "id")] = para_no_;
            else if (name == "commentReference") comment_para.emplace(attr(c, "id"), para_no_);
            else if (name == "drawing" || name == "pict" || name == "AlternateContent" || name == "object")
                boxes(c, p, depth + 1);
        }
        if (lf && !text.empty()) {
            size_t b = p.text.size();
            p.text += convert_legacy(text, *lf);
            p.legacy.push_back({lf->enc, {b, p.text.size()}});
        } else {
            p.text += text;
        }
    }

    // Text boxes inside a run; mc:Fallback repeats mc:Choice, so it is skipped.
    void boxes(pugi::xml_node n, Para& p, int depth) {
        if (depth > kMaxDepth) return;
        for (auto c : n.children()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view name = local(c.name());
            if (name == "Fallback") continue;
            if (name == "txbxContent") p.boxes.push_back(c);
            else boxes(c, p, depth + 1);
        }
    }

    void inline_content(pugi::xml_node n, Para& p, int depth) {
        if (depth > kMaxDepth) return;
        for (auto c : n.children()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view name = local(c.name());
            if (name == "r") run(c, p, depth + 1);
            else if (name == "commentRangeStart") comment_para.emplace(attr(c, "id"), para_no_);
            else if (name == "hyperlink" || name == "ins" || name == "smartTag" || name == "fldSimple" ||
                     name == "customXml" || name == "moveTo" || name == "dir" || name == "bdo")
                inline_content(c, p, depth + 1);
            else if (name == "sdt") inline_content(kid(c, "sdtContent"), p, depth + 1);
            else if (name == "AlternateContent") inline_content(kid(c, "Choice"), p, depth + 1);
        }
    }

    void paragraph(pugi::xml_node pn, bool in_table, int depth) {
        ++para_no_;
        Para p;
        auto ppr = kid(pn, "pPr");
        p.pstyle = attr(kid(ppr, "pStyle"), "val");
        std::optional<NumRef> num;
        if (auto np = kid(ppr, "numPr")) {
            NumRef r;
            try {
                r.num_id = std::stoi("0" + attr(kid(np, "numId"), "val"));
                r.ilvl = std::stoi("0" + attr(kid(np, "ilvl"), "val"));
            } catch (...) {
                r = {};
            }
            num = r;
        } else {
            num = styles_.numbering(p.pstyle);
        }
        std::string label = num ? numbering_.next(*num) : "";
        inline_content(pn, p, depth);
        if (!utf8::trim(p.text).empty()) {
            int heading = styles_.heading_level(p.pstyle);
            BlockKind kind = in_table ? BlockKind::TableCell
                             : heading ? BlockKind::Heading
                             : label.empty() ? BlockKind::Paragraph : BlockKind::ListItem;
            Block b = make_block(p.text, para_no_, 1, kind);
            b.label = label;
            b.level = heading ? heading : (label.empty() ? 0 : num->ilvl + 1);
            b.in_table = in_table;
            auto index = static_cast<uint32_t>(doc_.blocks.size());
            doc_.blocks.push_back(std::move(b));
            for (auto& [enc, range] : p.legacy) {
                if (!legacy_seen_.insert(enc).second) continue;
                doc_.observations.push_back({"encoding.legacy",
                                             {index, static_cast<uint32_t>(range.first), static_cast<uint32_t>(range.second)},
                                             std::string(legacy::name(enc))});
            }
        }
        for (auto box : p.boxes) container(box, in_table, depth + 1);
    }

    const Styles& styles_;
    Numbering& numbering_;
    SourceDocument& doc_;
    uint32_t para_no_ = 0;
    std::set<legacy::Encoding> legacy_seen_;
};

std::variant<pugi::xml_document*, UnreadableInput> parse(const std::string& xml, const std::string& name,
                                                        pugi::xml_document& out) {
    // parse_ws_pcdata keeps <w:t xml:space="preserve"> </w:t>; no parse_doctype:
    // a DTD is skipped and its entities are never expanded.
    auto res = out.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!res)
        return UnreadableInput{"the .docx is damaged: " + name + " is not well-formed XML (" + res.description() +
                                   " at byte " + std::to_string(res.offset) + ")",
                               "open it in Word and save it again"};
    return &out;
}

// Reads an optional part; an error (bomb, encryption, bad XML) is fatal.
std::optional<UnreadableInput> load_part(ZipReader& zip, const std::string& name, pugi::xml_document& xml, bool& found) {
    auto r = zip.read(name);
    if (auto* bad = std::get_if<UnreadableInput>(&r)) return *bad;
    auto& data = std::get<std::optional<std::string>>(r);
    found = data.has_value();
    if (!found) return std::nullopt;
    auto p = parse(*data, name, xml);
    if (auto* bad = std::get_if<UnreadableInput>(&p)) return *bad;
    return std::nullopt;
}

// Paragraphs of a header, footer, footnote or comment as aside blocks.
void aside_blocks(pugi::xml_node n, BlockKind kind, uint32_t line, SourceDocument& doc, int depth = 0) {
    if (depth > kMaxDepth) return;
    for (auto c : n.children()) {
        if (c.type() != pugi::node_element) continue;
        if (local(c.name()) == "p") {
            std::string text;
            for (auto t : c.select_nodes(".//*[local-name()='t']")) text += t.node().child_value();
            if (!utf8::trim(text).empty()) doc.aside.push_back(make_block(text, line, 1, kind));
        } else {
            aside_blocks(c, kind, line, doc, depth + 1);
        }
    }
}

}  // namespace

Result read_docx_document(std::string_view bytes, const std::string& path, const Options& opts) {
    auto opened = ZipReader::open(bytes, opts);
    if (auto* bad = std::get_if<UnreadableInput>(&opened)) return *bad;
    auto& zip = *std::get<std::unique_ptr<ZipReader>>(opened);

    pugi::xml_document body_xml, styles_xml, numbering_xml;
    bool found = false;
    if (auto bad = load_part(zip, "word/document.xml", body_xml, found)) return *bad;
    if (!found)
        return UnreadableInput{"not a Word document: word/document.xml is missing from the .docx",
                               "open it in Word or LibreOffice and save it as .docx"};
    Styles styles;
    Numbering numbering;
    if (auto bad = load_part(zip, "word/styles.xml", styles_xml, found)) return *bad;
    if (found) styles.load(styles_xml);
    if (auto bad = load_part(zip, "word/numbering.xml", numbering_xml, found)) return *bad;
    if (found) numbering.load(numbering_xml);

    SourceDocument doc;
    doc.path = path;
    doc.format = "docx";
    doc.encoding = "utf-8";
    auto body = kid(body_xml.document_element(), "body");
    if (!body) return UnreadableInput{"the .docx has no document body", "open it in Word and save it again"};
    BodyReader reader(styles, numbering, doc);
    reader.container(body, false, 0);

    // Headers and footers (numbered parts), then footnotes and comments.
    for (const char* kind : {"header", "footer"}) {
        for (int i = 1; i <= 32; ++i) {
            pugi::xml_document x;
            if (auto bad = load_part(zip, std::string("word/") + kind + std::to_string(i) + ".xml", x, found)) return *bad;
            if (found) aside_blocks(x.document_element(), BlockKind::PageHeader, 0, doc);
        }
    }
    for (auto [part, elem, kind, where] :
         {std::tuple{"word/footnotes.xml", "footnote", BlockKind::Footnote, &reader.footnote_para},
          std::tuple{"word/comments.xml", "comment", BlockKind::Comment, &reader.comment_para}}) {
        pugi::xml_document x;
        if (auto bad = load_part(zip, part, x, found)) return *bad;
        if (!found) continue;
        for (auto n : x.document_element().children()) {
            if (local(n.name()) != elem) continue;
            std::string type = attr(n, "type");
            if (type == "separator" || type == "continuationSeparator") continue;
            auto it = where->find(attr(n, "id"));
            aside_blocks(n, kind, it == where->end() ? 0 : it->second, doc);
        }
    }
    return doc;
}

}  // namespace plancheck::ingest
