// Citations across the document: runs the scanner on every block, joins a
// .txt/.pdf line with the next when a citation wraps onto it, marks citations
// in the legal bases, and resolves back-references to earlier full citations.
//
// Wrapped lines. In .txt and .pdf every physical line is a block, so a
// paragraph typed with hard line breaks splits a citation in two. A block is
// scanned together with the next one when the next is the very next physical
// line (no blank line between), the block does not end a clause (. ; : ! ?)
// and the next line does not start a numbered item or another basis. A
// citation that crosses the join keeps its start in `ref` (up to the end of
// the first line) and the rest in `tail`; the next line's own scan starts
// after the tail so nothing is found twice. .md/.html/.docx paragraphs are one
// block already (normalize turns their line breaks into spaces).
#include <map>
#include <set>

#include "core/deadline.h"
#include "core/utf8.h"
#include "extract/citation_lexicon.h"
#include "extract/citation_scan.h"
#include "extract/extract.h"
#include "structure/structure.h"

namespace plancheck::extract {
namespace {

bool ends_clause(std::string_view t) {
    t = utf8::trim(t);
    if (t.empty()) return true;
    char c = t.back();
    return c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

bool joinable(const SourceDocument& doc, const Outline& outline, uint32_t b) {
    if (doc.format != "txt" && doc.format != "pdf") return false;
    if (b + 1 >= doc.blocks.size()) return false;
    const Block& a = doc.blocks[b];
    const Block& n = doc.blocks[b + 1];
    if (a.in_table || n.in_table || a.kind != BlockKind::Paragraph || n.kind != BlockKind::Paragraph) return false;
    uint32_t last_line = a.anchors.empty() ? 0 : a.anchors.back().line;
    if (n.line() != last_line + 1) return false;
    if (ends_clause(a.text)) return false;
    if (structure::parse_label(n.text).kind != LabelKind::None) return false;
    for (const auto& basis : outline.bases)
        if (basis.block == b + 1) return false;
    return true;
}

// Moves a ref computed on "first + ' ' + second" onto the right block.
TextRef place(TextRef r, uint32_t b, uint32_t first_len) {
    if (r.begin > first_len) return TextRef{b + 1, r.begin - first_len - 1, r.end - first_len - 1};
    r.block = b;
    if (r.end > first_len) r.end = first_len;  // clipped (a summary running on)
    return r;
}

// ';' positions outside quotes.
std::vector<uint32_t> item_breaks(std::string_view t) {
    std::vector<uint32_t> out;
    bool quoted = false;
    for (size_t k = 0; k < t.size(); ++k) {
        if (t.substr(k, 3) == "“") quoted = true;
        else if (t.substr(k, 3) == "”") quoted = false;
        else if (t[k] == '"') quoted = !quoted;
        else if (t[k] == ';' && !quoted) out.push_back(static_cast<uint32_t>(k));
    }
    return out;
}

bool only_connectors(std::string_view gap) {
    std::string f = utf8::fold(gap);
    size_t i = 0;
    while (i < f.size()) {
        size_t e = f.find(' ', i);
        if (e == std::string::npos) e = f.size();
        std::string_view w(f.data() + i, e - i);
        if (w != "va" && w != "cac" && w != "cung" && w != "hoac") return false;
        i = e + 1;
    }
    return true;
}

// Marks which citations of a basis block are what the basis cites: the first
// of each ';'-separated item, and those joined to it by a list connector.
void mark_basis_items(const SourceDocument& doc, std::vector<Citation>& cits, size_t from, size_t to) {
    const Citation* last_item = nullptr;
    size_t last_item_no = static_cast<size_t>(-1);
    uint32_t breaks_of = static_cast<uint32_t>(-1);
    std::vector<uint32_t> breaks;
    for (size_t n = from; n < to; ++n) {
        Citation& c = cits[n];
        const std::string& t = doc.blocks[c.ref.block].text;
        if (breaks_of != c.ref.block) {  // once per block: linear
            breaks = item_breaks(t);
            breaks_of = c.ref.block;
        }
        size_t item = 0;
        while (item < breaks.size() && breaks[item] < c.ref.begin) ++item;
        if (item != last_item_no) {
            c.basis_item = true;
            last_item_no = item;
        } else if (last_item && last_item->ref.block == c.ref.block && last_item->ref.end <= c.ref.begin &&
                   (c.list_member || only_connectors(std::string_view(t).substr(
                                         last_item->ref.end, c.ref.begin - last_item->ref.end)))) {
            c.basis_item = true;
        }
        if (c.basis_item) last_item = &c;
    }
}

std::string identity_type(const Citation& c) { return c.type; }

// "Số: 116/KH-UBND" or the Party "Số 45-KH/ĐUK" alone on its line is the
// document's own number even where the header was not recognised.
bool own_number_line(std::string_view t) {
    std::string f = utf8::fold(t.substr(0, std::min<size_t>(t.size(), 4)));
    if (f.rfind("so", 0) != 0) return false;
    auto cits = scan_citations(t);
    return cits.size() == 1 && cits[0].ref.end == utf8::trim(t).size() && cits[0].ref.begin <= 5 &&
           cits[0].date.empty() && cits[0].issuer.empty();
}

// "Quyết định 1676" -> the key of the document's full citation of Quyết định 1676,
// when exactly one key fits; a Law named again without its number likewise.
void resolve_back_references(std::vector<Citation>& cits) {
    std::map<std::pair<std::string, std::string>, std::set<std::string>> by_number, by_name;
    for (const auto& c : cits) {
        if (c.key.empty()) continue;
        if (!c.number.empty()) by_number[{identity_type(c), c.number}].insert(c.key);
        if (!c.name.empty()) by_name[{identity_type(c), utf8::fold(c.name)}].insert(c.key);
    }
    for (auto& c : cits) {
        if (!c.key.empty()) continue;
        const std::set<std::string>* keys = nullptr;
        if (!c.number.empty()) {
            auto it = by_number.find({identity_type(c), c.number});
            if (it != by_number.end()) keys = &it->second;
        } else if (!c.name.empty()) {
            auto it = by_name.find({identity_type(c), utf8::fold(c.name)});
            if (it != by_name.end()) keys = &it->second;
        }
        if (keys && keys->size() == 1) c.key = *keys->begin();
    }
}

}  // namespace

std::vector<Citation> extract_citations(const SourceDocument& doc, const Outline& outline) {
    std::vector<Citation> out;
    std::set<uint32_t> bases;
    for (const auto& b : outline.bases) bases.insert(b.block);
    // The trích yếu right under the type name ("KẾ HOẠCH / Triển khai Quyết định số
    // 1676/QĐ-TTg ...") is the title even when it opens with a basis lead word.
    if (outline.header.doc_type && outline.header.title.empty()) bases.erase(*outline.header.doc_type + 1);
    std::vector<uint32_t> start(doc.blocks.size(), 0);
    for (uint32_t b = 0; b < doc.blocks.size(); ++b) {
        deadline::check();
        if (outline.header.number && *outline.header.number == b) continue;  // the document's own number
        const std::string& text = doc.blocks[b].text;
        if (own_number_line(text)) continue;
        bool join = joinable(doc, outline, b);
        std::string joined = join ? text + " " + doc.blocks[b + 1].text : std::string();
        auto len = static_cast<uint32_t>(text.size());
        size_t first = out.size();
        for (Citation c : scan_citations(join ? std::string_view(joined) : std::string_view(text), start[b], len)) {
            if (c.ref.begin >= len) break;  // the next line's own scan finds it
            if (c.ref.end > len + 1) {
                c.continued = true;
                c.tail = TextRef{b + 1, 0, c.ref.end - len - 1};
                start[b + 1] = std::max(start[b + 1], c.tail.end);
            }
            c.ref = place(c.ref, b, len);
            c.number_ref = place(c.number_ref, b, len);
            c.date_ref = place(c.date_ref, b, len);
            c.issuer_ref = place(c.issuer_ref, b, len);
            c.summary_ref = place(c.summary_ref, b, len);
            if (c.summary_ref.block != b) c.summary_ref = TextRef{b, len, len};
            c.summary = std::string(std::string_view(text).substr(c.summary_ref.begin, c.summary_ref.end - c.summary_ref.begin));
            if (!c.name.empty()) c.summary = c.name;
            c.in_bases = bases.count(b) > 0;
            out.push_back(std::move(c));
        }
        if (bases.count(b)) mark_basis_items(doc, out, first, out.size());
    }
    resolve_back_references(out);
    return out;
}

}  // namespace plancheck::extract
