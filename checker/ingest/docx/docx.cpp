// .docx: word/document.xml read with pugixml out of a bounded zip reader.
//
// Positions: `line` is the paragraph number counting EVERY w:p of the body in
// document order, empty ones and table-cell and text-box paragraphs included
// (text-box paragraphs right after the paragraph that anchors them); `column`
// is 1 + the code point offset in the paragraph text. `plancheck outline`
// prints the same numbers because it prints Block::line().
//
// A paragraph becomes one block per printed line: soft line breaks (w:br,
// w:cr) and tab runs separating two columns cut it, and each piece keeps the
// column where it starts ("UBND TỈNH X<br/>Số: 12/KH" gives "UBND TỈNH X" at
// (n, 1) and "Số: 12/KH" at (n, 13)).
//
// The text is what prints with tracked changes accepted (w:ins, w:moveTo kept;
// w:del, w:moveFrom, deleted rows dropped; a deleted paragraph mark joins the
// paragraph to the next) and fields showing their result (w:fldSimple, and
// w:fldChar begin/separate/end: the w:instrText instruction never shows).
//
// Word automatic numbering becomes Block::label ("II.", "1.", "a)", "-").
// Runs in TCVN3 (.Vn* fonts) or VNI (VNI-* fonts) are converted to Unicode by
// font, unless their text is already Unicode. Footnotes and endnotes follow
// the body blocks, numbered on after its last paragraph; headers/footers
// (line 0) and comments (line of the paragraph they annotate) go to
// SourceDocument::aside.
//
// Formatting facts: each block carries its effective paragraph and run
// formatting (BlockFormat: document defaults, then the style chain, then
// direct formatting; theme fonts resolved), and SourceDocument::sections the
// page size and margins of every section (w:sectPr), with its first-page
// setting (w:titlePg) and where its page number shows: the PAGE field of the
// header or footer it uses (inherited from the previous section when it
// names none), that paragraph's alignment and the number's size.
//
// XML safety: pugixml never expands DTD-declared entities (a "billion laughs"
// document stays as small as its text), and the zip reader bounds inflation.
#include <pugixml.hpp>

#include <algorithm>
#include <cstring>
#include <map>
#include <new>
#include <set>
#include <variant>

#include "core/legacy_vn.h"
#include "core/utf8.h"
#include "ingest/docx/docx_map.h"
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
// bytes (or U+F0xx for symbol-mapped fonts). Returns those bytes, or nothing
// when the text cannot be legacy bytes: a code point outside that set (a
// Unicode Vietnamese letter such as "ơ", "ạ", "đ") means the run was typed in
// Unicode and only carries an old font name.
std::optional<std::string> legacy_bytes(std::string_view text) {
    std::string bytes;
    for (size_t i = 0; i < text.size();) {
        char32_t c = utf8::next(text, i);
        int b = (c >= 0xF020 && c <= 0xF0FF) ? static_cast<int>(c - 0xF000) : legacy::cp1252_byte(c);
        if (b < 0) return std::nullopt;
        bytes += static_cast<char>(b);
    }
    return bytes;
}

// The run's text as it prints, and whether it really was legacy-encoded.
// Unicode text in a .VnTime/VNI font is kept as it is; text whose bytes are
// all ASCII reads the same either way. Otherwise the decoded text is used when
// it reads as more Vietnamese than the text taken as Unicode (a run of Latin-1
// letters such as "Hà" is valid Unicode Vietnamese and stays).
std::pair<std::string, bool> convert_legacy(std::string_view text, LegacyFont lf) {
    auto bytes = legacy_bytes(text);
    if (!bytes || std::all_of(bytes->begin(), bytes->end(), [](char b) { return static_cast<unsigned char>(b) < 0x80; }))
        return {std::string(text), false};
    std::string decoded = legacy::decode(*bytes, lf.enc);
    if (lf.upper) decoded = utf8::upper(decoded);
    auto as_legacy = legacy::score(decoded), as_unicode = legacy::score(text);
    if (as_legacy.points() <= as_unicode.points()) return {std::string(text), false};
    return {decoded, true};
}

constexpr int kMaxDepth = 64;  // deeper nesting is ignored, never recursed into

// "1.", "1.2.", "a)", "II.", "-", "Điều 3.": a typed numbering label, after
// which a tab is indentation, not a second column. Words ("Nơi", "KT.") are not.
bool is_typed_label(std::string_view s) {
    s = utf8::trim(s);
    for (std::string_view lead : {"Điều ", "Chương ", "Mục ", "Phần ", "Khoản "})
        if (s.substr(0, lead.size()) == lead) s.remove_prefix(lead.size());
    if (s.empty() || s.size() > 24) return false;
    if (s == "-" || s == "+" || s == "*" || s == "\xE2\x80\xA2" || s == "\xE2\x80\x93") return true;
    if (s.back() != '.' && s.back() != ')') return false;
    std::string_view core = s.substr(0, s.size() - 1);
    if (core.empty()) return false;
    auto all = [&](auto pred) { return std::all_of(core.begin(), core.end(), pred); };
    if (core[0] != '.' && all([](char c) { return (c >= '0' && c <= '9') || c == '.'; })) return true;
    if (all([](char c) { return std::strchr("IVXLCDM", c) && c; }) || all([](char c) { return std::strchr("ivxlcdm", c) && c; }))
        return true;
    size_t i = 0;
    char32_t c = utf8::next(core, i);
    return i == core.size() && utf8::is_letter(c);  // a), b), đ)
}

// More than `n` words (stops counting there).
bool more_words_than(std::string_view s, size_t n) {
    size_t words = 0;
    bool in = false;
    for (char c : s) {
        bool sp = c == ' ' || c == '\t';
        if (!sp && !in && ++words > n) return true;
        in = !sp;
    }
    return false;
}

// w:titlePg and other on/off elements: present means on unless w:val is 0/false/off.
bool on(pugi::xml_node n) {
    if (!n) return false;
    std::string v = attr(n, "val");
    return !(v == "0" || v == "false" || v == "off");
}

class BodyReader {
public:
    // Paragraphs of one part: `first_line` is the number of its first w:p;
    // `kind` forces the block kind (asides), nullopt for the body.
    BodyReader(const Styles& s, Numbering& n, SourceDocument& d, std::vector<Block>& out, uint32_t first_line,
               std::optional<BlockKind> kind)
        : styles_(s), numbering_(n), doc_(d), out_(out), para_no_(first_line - 1), kind_(kind) {}

    void container(pugi::xml_node n, bool in_table, int depth) {
        if (depth > kMaxDepth) return;
        flush_group();  // columns laid out with tabs never reach across a cell, a box or a table
        struct Flush {
            BodyReader& r;
            ~Flush() { r.flush_group(); }
        } at_end{*this};
        for (auto c : n.children()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view name = local(c.name());
            if (name == "p") paragraph(c, in_table, depth + 1);
            else if (name == "tbl") table(c, depth + 1);
            else if (name == "sdt") container(kid(c, "sdtContent"), in_table, depth + 1);
            else if (name == "AlternateContent") container(kid(c, "Choice"), in_table, depth + 1);
            else if (name == "customXml" || name == "ins" || name == "moveTo") container(c, in_table, depth + 1);
            else if (name == "sectPr" && !kind_) section(c);  // the last section's, at the end of the body
        }
    }
    // A paragraph whose mark was deleted waits for the next one; at the end
    // of a part it stands alone.
    void finish() {
        if (pending_) {
            Para p = std::move(*pending_);
            pending_.reset();
            emit(p);
            for (auto box : p.boxes) container(box, p.in_table, 1);
        }
        flush_group();
    }
    uint32_t last_line() const { return para_no_; }
    // Tables are numbered on across the readers of one document's parts.
    uint32_t tables() const { return tables_; }
    void number_tables_after(uint32_t n) { tables_ = n; }
    // Record where each paragraph's text is in the XML (annotate).
    void record(BodyMap* map) { map_ = map; }

    std::map<std::string, uint32_t> comment_para;  // id -> paragraph number
    // Per section (as doc.sections): "header default", "footer first", ... -> relationship id.
    std::vector<std::map<std::string, std::string>> section_refs;
    std::map<std::string, uint32_t> comment_end;   // id -> paragraph where its range ends

private:
    struct LegacySpan {
        legacy::Encoding enc;
        size_t begin, end;  // bytes in Para::text
    };
    struct Para {
        std::string text;  // '\n' for line breaks, '\t' for tabs
        std::vector<Anchor> anchors;  // offset in text -> (paragraph, column)
        std::vector<pugi::xml_node> boxes;  // w:txbxContent anchored here
        std::vector<LegacySpan> legacy;
        std::string pstyle, label;
        std::optional<NumRef> num;
        bool custom_tabs = false;  // w:tabs or w:ptab: a tab goes to a set column
        bool in_table = false;
        struct Span {
            size_t begin, end;  // bytes in text
            RunFormat format;   // positions filled in when the blocks are made
        };
        std::vector<Span> runs;
        ParagraphFormat format;
    };

    // Original positions of increasing byte offsets of a paragraph's text, in
    // one pass (locate() per offset would be quadratic on long paragraphs).
    class Locator {
    public:
        Locator(const std::string& t, const std::vector<Anchor>& a) : t_(t), a_(a), cur_{a[0].line, a[0].column} {}
        Pos at(size_t target) {
            while (ai_ + 1 < a_.size() && a_[ai_ + 1].offset <= target) {
                ++ai_;
                off_ = a_[ai_].offset;
                cur_ = {a_[ai_].line, a_[ai_].column};
            }
            if (target > off_) {
                cur_.column += static_cast<uint32_t>(utf8::count(std::string_view(t_).substr(off_, target - off_)));
                off_ = target;
            }
            return cur_;
        }

    private:
        const std::string& t_;
        const std::vector<Anchor>& a_;
        size_t ai_ = 0, off_ = 0;
        Pos cur_;
    };

    static bool raised(pugi::xml_node rpr) {
        auto v = kid(rpr, "vertAlign");
        return v && attr(v, "val") != "baseline";
    }

    const RunProps& style_run_props(const std::string& rstyle, const std::string& pstyle) {
        const std::string& tstyle = table_styles_.empty() ? std::string() : table_styles_.back();
        auto key = rstyle + '\n' + pstyle + '\n' + tstyle;
        auto it = run_props_.find(key);
        if (it == run_props_.end()) it = run_props_.emplace(key, styles_.run_props(rstyle, pstyle, tstyle)).first;
        return it->second;
    }

    // Table grid: every cell's blocks get the table's number, the row and the
    // grid column (w:gridBefore, then each w:tc's w:gridSpan), and a
    // w:vMerge="continue" cell lengthens the row span of the cell it
    // continues. A nested table numbers its own cells (its blocks are given
    // their coordinates first, so the outer cell leaves them alone).
    struct TableState {
        uint32_t id = 0;
        uint32_t row = 0;
        // Per grid column: the blocks [begin, end) of the vertically merged
        // cell that starts above, still open.
        std::map<uint32_t, std::pair<size_t, size_t>> merges;
    };

    void table(pugi::xml_node t, int depth) {
        if (depth > kMaxDepth) return;
        flush_group();  // blocks placed before the table are out before its cells are counted
        // The table's style formats its text (under the paragraph styles).
        table_styles_.push_back(attr(kid(kid(t, "tblPr"), "tblStyle"), "val"));
        TableState ts;
        ts.id = ++tables_;
        tables_open_.push_back(&ts);
        struct Pop {
            std::vector<std::string>& v;
            std::vector<TableState*>& open;
            ~Pop() { v.pop_back(), open.pop_back(); }
        } pop{table_styles_, tables_open_};
        for (auto tr : t.children()) {
            std::string_view name = local(tr.name());
            if (name == "sdt" || name == "customXml") {
                auto inner = name == "sdt" ? kid(tr, "sdtContent") : tr;
                for (auto x : inner.children())
                    if (local(x.name()) == "tr") row(x, ts, depth + 1);
            } else if (name == "tr") {
                row(tr, ts, depth + 1);
            }
        }
    }
    void row(pugi::xml_node tr, TableState& ts, int depth) {
        if (depth > kMaxDepth) return;
        // A deleted row (tracked change) is gone once the change is accepted.
        if (kid(kid(tr, "trPr"), "del")) return;
        auto grid = static_cast<uint32_t>(std::clamp(to_int(attr(kid(kid(tr, "trPr"), "gridBefore"), "val"), 0), 0, 1000));
        auto cell = [&](pugi::xml_node tc) {
            auto tcpr = kid(tc, "tcPr");
            auto span = static_cast<uint32_t>(std::clamp(to_int(attr(kid(tcpr, "gridSpan"), "val"), 1), 1, 1000));
            auto vm = kid(tcpr, "vMerge");
            bool continues = vm && attr(vm, "val") != "restart";
            size_t begin = out_.size();
            container(tc, true, depth + 1);
            size_t end = out_.size();
            CellRef ref;
            ref.table = ts.id;
            ref.parent = tables_open_.size() > 1 ? tables_open_[tables_open_.size() - 2]->id : 0;
            ref.row = ts.row;
            ref.column = grid;
            ref.column_span = span;
            for (size_t b = begin; b < end; ++b) {
                if (out_[b].cell->table) continue;  // a nested table's cell
                out_[b].cell = ref;
                ++ref.part;
            }
            auto open = ts.merges.find(grid);
            if (continues && open != ts.merges.end()) {
                for (size_t b = open->second.first; b < open->second.second; ++b)
                    if (out_[b].cell->table == ts.id && out_[b].cell->column == grid) ++out_[b].cell.edit().row_span;
            } else if (vm) {
                ts.merges[grid] = {begin, end};
            } else if (open != ts.merges.end()) {
                ts.merges.erase(open);
            }
            grid += span;
        };
        for (auto tc : tr.children()) {
            std::string_view name = local(tc.name());
            if (name == "tc") cell(tc);
            else if (name == "sdt") {
                for (auto x : kid(tc, "sdtContent").children())
                    if (local(x.name()) == "tc") cell(x);
            }
        }
        ++ts.row;
    }

    void section(pugi::xml_node sect) {
        PageSetup ps;
        ps.first_line = section_start_;
        auto sz = kid(sect, "pgSz");
        auto u = [](pugi::xml_node n, const char* a) { return static_cast<uint32_t>(std::max(0, to_int(attr(n, a), 0))); };
        ps.width = u(sz, "w");
        ps.height = u(sz, "h");
        ps.landscape = attr(sz, "orient") == "landscape";
        auto mar = kid(sect, "pgMar");
        ps.margin_top = to_int(attr(mar, "top"), 0);
        ps.margin_bottom = to_int(attr(mar, "bottom"), 0);
        ps.margin_left = u(mar, "left");
        ps.margin_right = u(mar, "right");
        ps.header = u(mar, "header");
        ps.footer = u(mar, "footer");
        ps.gutter = u(mar, "gutter");
        ps.facts = true;
        ps.title_page = on(kid(sect, "titlePg"));
        ps.number_format = attr(kid(sect, "pgNumType"), "fmt");
        if (ps.number_format == "decimal") ps.number_format.clear();
        // Header and footer references ("header default" -> relationship id).
        std::map<std::string, std::string> refs;
        for (auto c : sect.children()) {
            std::string_view n = local(c.name());
            if (n != "headerReference" && n != "footerReference") continue;
            std::string type = attr(c, "type");
            refs[std::string(n.substr(0, 6)) + ' ' + (type.empty() ? "default" : type)] = attr(c, "id");
        }
        section_refs.push_back(std::move(refs));
        doc_.sections.push_back(ps);
        section_start_ = para_no_ + 1;
    }

    bool visible() const {
        return std::all_of(fields_.begin(), fields_.end(), [](bool result) { return result; });
    }

    void add_text(Para& p, std::string_view s) {
        if (!visible()) return;
        // The first text after a page break starts the next page (body only;
        // several breaks with no text between them make one).
        if (page_pending_ && !kind_ && !s.empty()) {
            doc_.page_breaks.push_back({para_no_, static_cast<uint32_t>(utf8::count(p.text) + 1)});
            page_pending_ = false;
        }
        p.text += s;
    }

    void run(pugi::xml_node r, Para& p, int depth) {
        deadline::check();
        auto rpr = kid(r, "rPr");
        std::string rstyle = attr(kid(rpr, "rStyle"), "val");
        // Hidden text (w:vanish) does not print.
        if (auto v = kid(rpr, "vanish"); v && attr(v, "val") != "0" && attr(v, "val") != "false" && attr(v, "val") != "off")
            return;
        std::string font = rfonts(rpr);
        if (font.empty()) font = styles_.font(rstyle, p.pstyle);
        auto lf = legacy_font(font);
        size_t begin = p.text.size();
        struct Part {
            pugi::xml_node node;
            size_t begin, end;  // bytes of p.text
        };
        std::vector<Part> parts;  // only when recording
        for (auto c : r.children()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view name = local(c.name());
            size_t before = p.text.size();
            struct Note {
                BodyReader& r;
                std::vector<Part>& parts;
                pugi::xml_node c;
                size_t before;
                const Para& p;
                ~Note() {
                    if (r.map_ && p.text.size() > before) parts.push_back({c, before, p.text.size()});
                }
            } note{*this, parts, c, before, p};
            if (name == "lastRenderedPageBreak") page_pending_ = true;
            if (name == "t") add_text(p, c.child_value());
            else if (name == "tab") add_text(p, "\t");
            else if (name == "ptab") {
                add_text(p, "\t");
                p.custom_tabs = true;
            } else if (name == "br" || name == "cr") {
                add_text(p, "\n");
                if (name == "br" && attr(c, "type") == "page") page_pending_ = true;
            }
            else if (name == "noBreakHyphen") add_text(p, "-");
            else if (name == "fldChar") {
                // Complex field: begin, instruction (w:instrText, never shown),
                // separate, the displayed result, end. Fields nest.
                std::string type = attr(c, "fldCharType");
                if (type == "begin") fields_.push_back(false);
                else if (type == "separate" && !fields_.empty()) fields_.back() = true;
                else if (type == "end" && !fields_.empty()) fields_.pop_back();
            } else if (name == "commentReference") {
                comment_para.emplace(attr(c, "id"), para_no_);
                comment_end.emplace(attr(c, "id"), para_no_);
            } else if (map_ && (name == "footnoteReference" || name == "endnoteReference"))
                map_->note_refs[(name == "footnoteReference" ? "f" : "e") + attr(c, "id")] = c;
            else if (name == "drawing" || name == "pict" || name == "AlternateContent" || name == "object")
                boxes(c, p, depth + 1);
        }
        bool legacy_text = false;
        if (lf && p.text.size() > begin) {
            auto [text, converted] = convert_legacy(std::string_view(p.text).substr(begin), *lf);
            legacy_text = converted;
            if (converted) {
                if (map_) record_run(p, begin, parts, text, lf->enc);
                parts.clear();
                p.text.resize(begin);
                p.text += text;
                p.legacy.push_back({lf->enc, begin, p.text.size()});
            }
        }
        if (!parts.empty()) {
            auto col = static_cast<uint32_t>(utf8::count(std::string_view(p.text).substr(0, begin)));
            for (const auto& part : parts) {
                auto len = static_cast<uint32_t>(utf8::count(std::string_view(p.text).substr(part.begin, part.end - part.begin)));
                map_->pieces.push_back({part.node, para_no_, col, col + len, std::nullopt});
                col += len;
            }
        }
        if (p.text.size() > begin) {
            RunProps props = style_run_props(rstyle, p.pstyle);
            props.apply(rpr, styles_.theme());
            if (map_)
                map_->runs.push_back({r, para_no_, props.latin(), props.size, legacy_text,
                                      raised(rpr), !table_styles_.empty()});
            // One span per font slot: "Hà" is H in the ascii font and à in the
            // hAnsi one; equal neighbours are merged when the blocks are made.
            std::string_view text(p.text);
            for (size_t i = begin; i < text.size();) {
                size_t from = i;
                FontSlot slot = props.slot(utf8::next(text, i));
                for (size_t k = i; k < text.size(); i = k)
                    if (props.slot(utf8::next(text, k)) != slot) break;
                bool cs = slot == FontSlot::cs;
                RunFormat f;
                f.font = props.font(slot);
                f.size = cs ? props.size_cs : props.size;
                f.bold = cs ? props.bold_cs : props.bold;
                f.italic = cs ? props.italic_cs : props.italic;
                f.underline = props.underline;
                f.caps = props.caps;
                f.color = props.color;
                p.runs.push_back({from, i, std::move(f)});
            }
        }
    }

    // The pieces of a run converted from a legacy encoding: each node's shown
    // length is that of its own text decoded (the last one takes what is left,
    // should decoding piece by piece differ from decoding the run).
    template <class Parts>
    void record_run(const Para& p, size_t begin, const Parts& parts, const std::string& converted, legacy::Encoding enc) {
        auto col = static_cast<uint32_t>(utf8::count(std::string_view(p.text).substr(0, begin)));
        auto end = col + static_cast<uint32_t>(utf8::count(converted));
        for (size_t i = 0; i < parts.size(); ++i) {
            TextPiece piece{parts[i].node, para_no_, col, col, enc};
            piece.end = i + 1 == parts.size() ? end : std::min(end, col + shown_length(piece));
            map_->pieces.push_back(piece);
            col = piece.end;
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

    // Deleted text (w:del, w:moveFrom) is left out: the document is read as it
    // prints once its tracked changes are accepted.
    void inline_content(pugi::xml_node n, Para& p, int depth) {
        if (depth > kMaxDepth) return;
        for (auto c : n.children()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view name = local(c.name());
            if (name == "r") run(c, p, depth + 1);
            else if (name == "commentRangeStart") comment_para.emplace(attr(c, "id"), para_no_);
            else if (name == "commentRangeEnd") comment_end[attr(c, "id")] = para_no_;
            else if (name == "hyperlink" || name == "ins" || name == "smartTag" || name == "fldSimple" ||
                     name == "customXml" || name == "moveTo" || name == "dir" || name == "bdo")
                inline_content(c, p, depth + 1);
            else if (name == "sdt") inline_content(kid(c, "sdtContent"), p, depth + 1);
            else if (name == "AlternateContent") inline_content(kid(c, "Choice"), p, depth + 1);
        }
    }

    void paragraph(pugi::xml_node pn, bool in_table, int depth) {
        deadline::check();
        ++para_no_;
        if (map_) map_->paras[para_no_] = pn;
        Para p;
        p.in_table = in_table;
        auto ppr = kid(pn, "pPr");
        p.pstyle = attr(kid(ppr, "pStyle"), "val");
        {
            ParaProps props = styles_.para_props(p.pstyle, table_styles_.empty() ? std::string() : table_styles_.back());
            props.apply(ppr);
            auto& f = p.format;
            f.style = p.pstyle;
            f.alignment = props.alignment;
            f.line_rule = props.line_rule;
            f.indent_left = props.indent_left;
            f.indent_right = props.indent_right;
            f.first_line = props.first_line;
            f.space_before = props.space_before;
            f.space_after = props.space_after;
            f.line_spacing = props.line_spacing;
        }
        for (auto tab : kid(ppr, "tabs").children())
            if (local(tab.name()) == "tab" && attr(tab, "val") != "clear") p.custom_tabs = true;
        if (auto np = kid(ppr, "numPr")) {
            NumRef r;
            r.num_id = to_int(attr(kid(np, "numId"), "val"), 0);
            r.ilvl = std::clamp(to_int(attr(kid(np, "ilvl"), "val"), 0), 0, 8);
            p.num = r;
        } else {
            p.num = styles_.numbering(p.pstyle);
        }
        // The paragraph mark itself deleted: once accepted, the text runs on
        // into the next paragraph (which keeps its own numbering).
        bool mark_deleted = static_cast<bool>(kid(kid(ppr, "rPr"), "del"));
        // A section ends with this paragraph: its page setup covers the
        // paragraphs since the previous section's end.
        auto sect = kid(ppr, "sectPr");
        if (sect && !kind_) section(sect);
        if (!mark_deleted) p.label = p.num ? numbering_.next(*p.num) : "";
        p.anchors.push_back({0, para_no_, 1});
        if (auto pb = kid(ppr, "pageBreakBefore"); pb && attr(pb, "val") != "0" && attr(pb, "val") != "false") page_pending_ = true;
        inline_content(pn, p, depth);
        // A section break other than a continuous one starts a new page.
        if (sect && attr(kid(sect, "type"), "val") != "continuous") page_pending_ = true;
        // A field instruction never runs past its paragraph in practice; one
        // left open (no "separate") would hide the rest of the document, so
        // it is closed here. Field results (a TOC) do span paragraphs.
        std::erase(fields_, false);
        if (pending_) {
            // Join: the pending text first, then this paragraph's, each with its positions.
            Para joined = std::move(*pending_);
            pending_.reset();
            auto shift = static_cast<uint32_t>(joined.text.size());
            for (auto a : p.anchors) joined.anchors.push_back({a.offset + shift, a.line, a.column});
            for (auto l : p.legacy) joined.legacy.push_back({l.enc, l.begin + shift, l.end + shift});
            for (auto& r : p.runs) joined.runs.push_back({r.begin + shift, r.end + shift, std::move(r.format)});
            joined.format = p.format;
            joined.text += p.text;
            joined.boxes.insert(joined.boxes.end(), p.boxes.begin(), p.boxes.end());
            joined.pstyle = p.pstyle;
            joined.label = p.label;
            joined.num = p.num;
            joined.custom_tabs = joined.custom_tabs || p.custom_tabs;
            joined.in_table = in_table;
            p = std::move(joined);
        }
        if (mark_deleted) {
            pending_ = std::move(p);
            return;
        }
        emit(p);
        for (auto box : p.boxes) container(box, in_table, depth + 1);
    }

    // Where the paragraph text is cut into blocks: at every line break, and
    // at a gap that separates two columns (two texts side by side, such as
    // "Số: 12/UBND<tab><tab>Hà Nội, ngày ..."): two or more tabs, one tab to a
    // tab stop the paragraph sets, or six or more spaces before a capital. A
    // tab after a typed label ("1.<tab>") is indentation, and a single tab to
    // a default tab stop, or tabs aligning a value after a long "label:", keep
    // the line whole. Linear in the paragraph length.
    struct Segment {
        size_t begin, end;
        bool after_gap;  // starts after a column gap on the same line
    };
    std::vector<Segment> segments(const Para& p) const {
        std::vector<Segment> out;
        const std::string& t = p.text;
        size_t line_start = 0;
        while (line_start <= t.size()) {
            size_t line_end = t.find('\n', line_start);
            if (line_end == std::string::npos) line_end = t.size();
            size_t seg = line_start;
            bool after_gap = false;
            for (size_t i = line_start; i < line_end;) {
                if (t[i] != '\t' && t[i] != ' ') { ++i; continue; }
                size_t j = i, tabs = 0, k = i;
                while (k > seg && t[k - 1] == ' ') --k;  // spaces before the tabs belong to the gap
                while (j < line_end && (t[j] == '\t' || t[j] == ' ')) tabs += t[j++] == '\t';
                // Cheap tests first: most gaps are one space between words.
                if ((tabs == 0 && j - k < 6) || k == seg || j == line_end) { i = j; continue; }
                std::string_view left = utf8::trim(std::string_view(t).substr(seg, k - seg));
                bool column_gap = tabs >= 2 || (tabs == 1 && p.custom_tabs);
                if (tabs == 0) {
                    // Columns laid out with spaces: a wide gap before a capital
                    // ("UBND TỈNH X          CỘNG HÒA ..."). A blank left for a
                    // number or a date ("Số:        /QĐ-UB", "ngày      tháng")
                    // is followed by a slash, a digit or a small letter.
                    size_t q = j;
                    char32_t first = utf8::next(t, q);
                    column_gap = utf8::is_letter(first) && utf8::lower_cp(first) != first && !left.empty() &&
                                 left.back() != ':';
                }
                bool split = column_gap && !left.empty() && !is_typed_label(left) &&
                             !(left.back() == ':' && more_words_than(left, 3));
                if (split) {
                    out.push_back({seg, k, after_gap});
                    seg = j;
                    after_gap = true;
                }
                i = j;
            }
            out.push_back({seg, line_end, after_gap});
            line_start = line_end + 1;
        }
        return out;
    }

    void emit(const Para& p) {
        if (utf8::trim(p.text).empty()) return;
        Locator loc(p.text, p.anchors);
        size_t span = 0;    // first run not wholly before the current segment
        size_t anchor = 0;  // first anchor not before the current segment
        int heading = styles_.heading_level(p.pstyle);
        BlockKind kind = kind_ ? *kind_
                         : p.in_table ? BlockKind::TableCell
                         : heading ? BlockKind::Heading
                         : p.label.empty() ? BlockKind::Paragraph : BlockKind::ListItem;
        bool first = true;
        std::vector<Piece> pieces;
        bool any_gap = false;
        for (auto [b, e, after_gap] : segments(p)) {
            std::string_view seg = std::string_view(p.text).substr(b, e - b);
            if (utf8::trim(seg).empty()) continue;
            any_gap = any_gap || after_gap;
            Block blk;
            blk.kind = kind;
            blk.text = std::string(seg);
            blk.source = blk.text;
            for (char& c : blk.source)
                if (c == '\t') c = ' ';
            Pos at = loc.at(b);
            blk.anchors.push_back({0, at.line, at.column});
            auto fmt = std::make_shared<BlockFormat>();
            fmt->paragraph = p.format;
            while (span < p.runs.size() && p.runs[span].end <= b) ++span;
            for (size_t r = span; r < p.runs.size() && p.runs[r].begin < e; ++r) {
                size_t rb = std::max(p.runs[r].begin, b), re = std::min(p.runs[r].end, e);
                if (rb >= re) continue;
                RunFormat f = p.runs[r].format;
                Pos from = loc.at(rb), to = loc.at(re);
                f.line = from.line, f.column = from.column, f.end_line = to.line, f.end_column = to.column;
                if (!fmt->runs.empty()) {
                    RunFormat& last = fmt->runs.back();
                    RunFormat probe = f;
                    probe.line = last.line, probe.column = last.column;
                    probe.end_line = last.end_line, probe.end_column = last.end_column;
                    if (probe == last && last.end_line == f.line && last.end_column == f.column) {
                        last.end_line = f.end_line, last.end_column = f.end_column;
                        continue;
                    }
                }
                fmt->runs.push_back(std::move(f));
            }
            loc.at(e);
            blk.format = std::move(fmt);
            // Anchors inside the segment (paragraphs joined by a deleted mark),
            // with a moving index: segments and anchors both go forward.
            while (anchor < p.anchors.size() && p.anchors[anchor].offset <= b) ++anchor;
            for (size_t k = anchor; k < p.anchors.size() && p.anchors[k].offset < e; ++k)
                blk.anchors.push_back({static_cast<uint32_t>(p.anchors[k].offset - b), p.anchors[k].line, p.anchors[k].column});
            // The numbering label belongs to the paragraph's first line.
            if (first) {
                blk.label = p.label;
                blk.level = heading ? heading : (p.label.empty() ? 0 : p.num->ilvl + 1);
            } else if (heading) {
                blk.level = heading;
            }
            if (!first && !kind_ && !p.in_table && !heading) blk.kind = BlockKind::Paragraph;
            first = false;
            blk.in_table = p.in_table;
            Piece piece;
            piece.block = std::move(blk);
            piece.after_gap = after_gap;
            if (&out_ == &doc_.blocks) {  // asides carry no observations
                for (const auto& l : p.legacy) {
                    size_t lb = std::max(l.begin, b), le = std::min(l.end, e);
                    if (lb < le) piece.legacy.push_back({l.enc, lb - b, le - b});
                }
            }
            pieces.push_back(std::move(piece));
        }
        if (pieces.empty()) return;
        // Two columns side by side on one line, or a line with only its right
        // column (a signer's name pushed right with tabs).
        bool two = pieces.size() == 2 && pieces[1].after_gap && !pieces[0].after_gap &&
                   p.text.find('\n') == std::string::npos;
        bool right_only = pieces.size() == 1 && !any_gap && leading_gap(p);
        place(std::move(pieces), two ? Layout::TwoColumns : right_only ? Layout::RightOnly : Layout::Plain, p.in_table,
              !two && !right_only && spans_page(p));
    }

    // A one-column line that cannot sit in a left column: centred or
    // right-aligned (a type name, a title), long running text, or a numbered
    // heading or item ("I.", "1.", Word numbering other than bullets).
    static bool spans_page(const Para& p) {
        const std::string& a = p.format.alignment;
        if (a == "center" || a == "right" || a == "end") return true;
        std::string_view t = utf8::trim(p.text);
        if (utf8::count(t) > 120) return true;
        auto is_bullet = [](std::string_view l) {
            l = utf8::trim(l);
            return l == "-" || l == "+" || l == "*" || l == "\xE2\x80\xA2" || l == "\xE2\x80\x93" || l == "\xE2\x96\xAA" ||
                   l == "\xE2\x97\xA6";
        };
        if (!p.label.empty()) return !is_bullet(p.label);
        std::string_view first = t.substr(0, t.find_first_of(" \t"));
        return is_typed_label(first) && !is_bullet(first);
    }

    // Reading order of text laid out in two columns with tabs: Word shows
    // consecutive two-column lines as a left and a right column, so the left
    // column is read first, then the right one (as a two-cell table would be):
    // "Nơi nhận:<tab>KT. CHỦ TỊCH", "- Như trên;<tab>PHÓ CHỦ TỊCH", "- Lưu: VT.",
    // "<tab><tab>Trần Văn B" reads "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
    // "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn B". Lines with one column
    // between two-column ones belong to the left column. The group ends at a
    // line that spans the page (spans_page: centred, long, a numbered heading),
    // or kGroupReach paragraphs after its last two-column or right-only line;
    // what followed that line is then read in its own order.
    enum class Layout { Plain, TwoColumns, RightOnly };
    struct Piece {
        Block block;
        bool after_gap = false;
        std::vector<LegacySpan> legacy;  // relative to the piece's text
    };
    static constexpr size_t kGroupReach = 8;

    // The line starts with a column's worth of white space: two tabs, one tab
    // to a tab stop the paragraph sets, a tab and six spaces, or twenty spaces.
    bool leading_gap(const Para& p) const {
        size_t tabs = 0, i = 0;
        for (; i < p.text.size() && (p.text[i] == '\t' || p.text[i] == ' '); ++i) tabs += p.text[i] == '\t';
        size_t spaces = i - tabs;
        return i < p.text.size() && p.text.find('\n') == std::string::npos &&
               (tabs >= 2 || (tabs == 1 && (p.custom_tabs || spaces >= 6)) || spaces >= 20);
    }

    void place(std::vector<Piece> pieces, Layout layout, bool in_table, bool spans_page) {
        if (group_open_ && (in_table != group_in_table_ || spans_page)) flush_group();
        if (layout == Layout::Plain) {
            if (!group_open_) {
                for (auto& pc : pieces) put(std::move(pc));
                return;
            }
            ++tentative_paras_;
            for (auto& pc : pieces) tentative_.push_back(std::move(pc));
            if (tentative_paras_ > kGroupReach) flush_group();
            return;
        }
        if (layout == Layout::RightOnly && !group_open_) {
            for (auto& pc : pieces) put(std::move(pc));
            return;
        }
        if (!group_open_) {
            group_open_ = true;
            group_in_table_ = in_table;
        }
        for (auto& pc : tentative_) left_.push_back(std::move(pc));
        tentative_.clear();
        tentative_paras_ = 0;
        if (layout == Layout::TwoColumns) {
            left_.push_back(std::move(pieces[0]));
            right_.push_back(std::move(pieces[1]));
        } else {
            right_.push_back(std::move(pieces[0]));
        }
    }

    void flush_group() {
        if (!group_open_) return;
        group_open_ = false;
        for (auto* list : {&left_, &right_, &tentative_}) {
            for (auto& pc : *list) put(std::move(pc));
            list->clear();
        }
        tentative_paras_ = 0;
    }

    void put(Piece pc) {
        auto index = static_cast<uint32_t>(out_.size());
        out_.push_back(std::move(pc.block));
        for (const auto& l : pc.legacy) {
            if (!legacy_seen_.insert(l.enc).second) continue;
            doc_.observations.push_back({"encoding.legacy",
                                         {index, static_cast<uint32_t>(l.begin), static_cast<uint32_t>(l.end)},
                                         std::string(legacy::name(l.enc))});
        }
    }

    const Styles& styles_;
    Numbering& numbering_;
    SourceDocument& doc_;
    std::vector<Block>& out_;
    uint32_t para_no_ = 0;
    std::optional<BlockKind> kind_;
    std::vector<bool> fields_;  // open complex fields: true once past "separate"
    std::optional<Para> pending_;
    bool group_open_ = false, group_in_table_ = false;
    std::vector<Piece> left_, right_, tentative_;
    size_t tentative_paras_ = 0;
    uint32_t section_start_ = 1;
    std::map<std::string, RunProps> run_props_;  // style triple -> properties, computed once
    std::vector<std::string> table_styles_;      // style of each open table, innermost last
    std::vector<TableState*> tables_open_;       // the open tables, innermost last
    uint32_t tables_ = 0;                        // tables numbered so far
    std::set<legacy::Encoding> legacy_seen_;
    bool page_pending_ = false;  // a page break was seen; the next text starts a page
    BodyMap* map_ = nullptr;
};

std::variant<pugi::xml_document*, UnreadableInput> parse(const std::string& xml, const std::string& name,
                                                        pugi::xml_document& out) {
    // parse_ws_pcdata keeps <w:t xml:space="preserve"> </w:t>; no parse_doctype:
    // a DTD is skipped and its entities are never expanded.
    auto res = out.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    // Not damaged: the caller reports the memory budget (it was "not well-formed XML").
    if (res.status == pugi::status_out_of_memory) throw std::bad_alloc();
    if (!res)
        return UnreadableInput{"the .docx is damaged: " + name + " is not well-formed XML (" + res.description() +
                                   " at byte " + std::to_string(res.offset) + ")",
                               "open it in Word and save it again"};
    return &out;
}

// A part larger than this is refused before it is inflated (docs/formats.md,
// "Limits"): parsed, a part takes about 9 times its size (measured: a 50 MB
// document.xml needed 440 MB), and the largest document.xml of the 103 real
// documents is 0.9 MB.
constexpr uint64_t kMaxPartBytes = 32ull << 20;

// Reads an optional part; an error (bomb, encryption, bad XML, too large) is fatal.
std::optional<UnreadableInput> load_part(ZipReader& zip, const std::string& name, pugi::xml_document& xml, bool& found) {
    if (uint64_t size = zip.declared_size(name); size > kMaxPartBytes)
        return UnreadableInput{"the .docx is too large to read: " + name + " holds " + std::to_string(size >> 20) +
                                   " MiB of XML, and plancheck reads at most " + std::to_string(kMaxPartBytes >> 20) +
                                   " MiB per part (the largest real document has under 1 MiB)",
                               "remove what makes it so large (pasted tables, embedded data), or split the document"};
    auto r = zip.read(name);
    if (auto* bad = std::get_if<UnreadableInput>(&r)) return *bad;
    auto& data = std::get<std::optional<std::string>>(r);
    found = data.has_value();
    if (!found) return std::nullopt;
    if (data->size() > kMaxPartBytes)  // the directory understated it
        return UnreadableInput{"the .docx is too large to read: " + name + " holds more than " +
                                   std::to_string(kMaxPartBytes >> 20) + " MiB of XML, and plancheck reads at most " +
                                   std::to_string(kMaxPartBytes >> 20) + " MiB per part (the largest real document has under 1 MiB)",
                               "remove what makes it so large (pasted tables, embedded data), or split the document"};
    auto p = parse(*data, name, xml);
    if (auto* bad = std::get_if<UnreadableInput>(&p)) return *bad;
    return std::nullopt;
}

// Styles (with the theme's fonts) and numbering; the documents hold the
// nodes `styles` points into.
std::optional<UnreadableInput> load_styles(ZipReader& zip, pugi::xml_document& styles_xml,
                                           pugi::xml_document& numbering_xml, Styles& styles, Numbering& numbering) {
    bool found = false;
    if (auto bad = load_part(zip, "word/styles.xml", styles_xml, found)) return *bad;
    if (found) styles.load(styles_xml);
    {
        // Theme fonts (w:asciiTheme); Word names the part theme1.xml.
        pugi::xml_document theme_xml;
        if (auto bad = load_part(zip, "word/theme/theme1.xml", theme_xml, found)) return *bad;
        Theme theme;
        if (found) theme.load(theme_xml);
        styles.set_theme(std::move(theme));
    }
    if (auto bad = load_part(zip, "word/numbering.xml", numbering_xml, found)) return *bad;
    if (found) numbering.load(numbering_xml);
    return std::nullopt;
}

// A PAGE field in a header or footer part: the paragraph holding it, how it
// is aligned, and the size of the number.
struct PageField {
    bool found = false;
    std::string alignment;
    uint32_t size = 0;
};

// The field instruction names PAGE (" PAGE \\* MERGEFORMAT "), not NUMPAGES or PAGEREF.
bool is_page_instruction(std::string_view instr) {
    instr = utf8::trim(instr);
    std::string_view word = instr.substr(0, instr.find_first_of(" \t\\"));
    if (word.size() != 4) return false;
    std::string w(word);
    std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return w == "PAGE";
}

class PageFieldFinder {
public:
    explicit PageFieldFinder(const Styles& s) : styles_(s) {}
    PageField find(pugi::xml_node root) {
        walk(root, 0);
        return out_;
    }

private:
    void walk(pugi::xml_node n, int depth) {
        if (depth > kMaxDepth || out_.found) return;
        for (auto c : n.children()) {
            if (out_.found) return;
            if (c.type() != pugi::node_element) continue;
            std::string_view name = local(c.name());
            if (name == "Fallback") continue;  // repeats mc:Choice
            if (name == "p") paragraph(c, depth + 1);
            if (out_.found) return;
            walk(c, depth + 1);
        }
    }
    void paragraph(pugi::xml_node p, int depth) {
        auto ppr = kid(p, "pPr");
        std::string pstyle = attr(kid(ppr, "pStyle"), "val");
        instr_.clear();
        in_instr_ = after_page_ = hit_ = false;
        instr_run_ = {};
        pugi::xml_node number_run;
        runs(p, pstyle, number_run, depth);
        if (!hit_) return;
        ParaProps props = styles_.para_props(pstyle);
        props.apply(ppr);
        out_.found = true;
        out_.alignment = props.alignment;
        // A frame placed by alignment (w:framePr w:xAlign) is where the number shows.
        if (std::string x = attr(kid(ppr, "framePr"), "xAlign"); !x.empty()) out_.alignment = x;
        auto rpr = kid(number_run, "rPr");
        RunProps r = styles_.run_props(attr(kid(rpr, "rStyle"), "val"), pstyle);
        r.apply(rpr, styles_.theme());
        out_.size = r.size;
    }
    // The run showing the number: the first run with text of the field's
    // result, else the run holding the instruction.
    void runs(pugi::xml_node n, const std::string& pstyle, pugi::xml_node& number_run, int depth) {
        if (depth > kMaxDepth) return;
        for (auto c : n.children()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view name = local(c.name());
            if (name == "txbxContent" || name == "Fallback" || name == "pPr") continue;
            if (name == "fldSimple" && is_page_instruction(attr(c, "instr"))) {
                hit_ = true;
                for (auto r : c.children())
                    if (local(r.name()) == "r") { number_run = r; break; }
                if (!number_run) number_run = c;
                continue;
            }
            if (name == "r") {
                for (auto x : c.children()) {
                    std::string_view k = local(x.name());
                    if (k == "fldChar") {
                        std::string type = attr(x, "fldCharType");
                        if (type == "begin") { in_instr_ = true; instr_.clear(); }
                        else if (type == "separate") {
                            in_instr_ = false;
                            if (is_page_instruction(instr_)) after_page_ = hit_ = true;
                        } else if (type == "end") {
                            in_instr_ = false;
                            if (!hit_ && is_page_instruction(instr_)) hit_ = true;  // no result shown yet
                            after_page_ = false;
                        }
                    } else if (k == "instrText" && in_instr_) {
                        instr_ += x.child_value();
                        if (!number_run && is_page_instruction(instr_)) instr_run_ = c;
                    } else if (k == "t" && after_page_ && !number_run) {
                        number_run = c;
                    }
                }
                continue;
            }
            runs(c, pstyle, number_run, depth + 1);
        }
        if (hit_ && !number_run) number_run = instr_run_;
    }
    const Styles& styles_;
    PageField out_;
    std::string instr_;
    bool in_instr_ = false, after_page_ = false, hit_ = false;
    pugi::xml_node instr_run_;
};

// Relationship id -> part name ("word/header1.xml"), from word/_rels/document.xml.rels.
std::map<std::string, std::string> load_relationships(const pugi::xml_document& rels) {
    std::map<std::string, std::string> out;
    for (auto r : rels.document_element().children()) {
        if (local(r.name()) != "Relationship") continue;
        std::string target = attr(r, "Target");
        if (target.empty() || attr(r, "TargetMode") == "External") continue;
        out[attr(r, "Id")] = target[0] == '/' ? target.substr(1) : "word/" + target;
    }
    return out;
}

}  // namespace

namespace docx {

std::optional<UnreadableInput> map_body(ZipReader& zip, pugi::xml_document& document, BodyMap& out) {
    pugi::xml_document styles_xml, numbering_xml;
    Styles styles;
    Numbering numbering;
    if (auto bad = load_styles(zip, styles_xml, numbering_xml, styles, numbering)) return *bad;
    auto body = kid(document.document_element(), "body");
    if (!body) return UnreadableInput{"the .docx has no document body", "open it in Word and save it again"};
    SourceDocument scratch;
    BodyReader reader(styles, numbering, scratch, scratch.blocks, 1, std::nullopt);
    reader.record(&out);
    reader.container(body, false, 0);
    reader.finish();
    out.last_line = reader.last_line();
    // The notes' paragraph numbers, counted as read_docx_document counts them.
    uint32_t next_line = out.last_line + 1;
    for (auto [part, elem] : {std::pair{"word/footnotes.xml", "footnote"}, std::pair{"word/endnotes.xml", "endnote"}}) {
        pugi::xml_document x;
        bool found = false;
        if (auto bad = load_part(zip, part, x, found)) return *bad;
        if (!found) continue;
        for (auto n : x.document_element().children()) {
            if (local(n.name()) != elem) continue;
            std::string type = attr(n, "type");
            if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") continue;
            BodyReader r(styles, numbering, scratch, scratch.blocks, next_line, BlockKind::Footnote);
            r.container(n, false, 0);
            r.finish();
            if (r.last_line() >= next_line)
                out.notes.push_back({next_line, r.last_line(), std::string(elem[0] == 'f' ? "f" : "e") + attr(n, "id")});
            next_line = r.last_line() + 1;
        }
    }
    return std::nullopt;
}

namespace {
// The shown text of the first `n` bytes of a legacy piece's node text.
std::string legacy_shown(std::string_view raw, legacy::Encoding enc) {
    auto bytes = legacy_bytes(raw);
    return bytes ? legacy::decode(*bytes, enc) : std::string(raw);
}
}  // namespace

uint32_t shown_length(const TextPiece& piece) {
    std::string_view name = local(piece.node.name());
    if (name != "t") return 1;
    std::string_view raw = piece.node.child_value();
    return static_cast<uint32_t>(utf8::count(piece.legacy ? legacy_shown(raw, *piece.legacy) : std::string(raw)));
}

size_t raw_offset(const TextPiece& piece, uint32_t k) {
    std::string_view raw = piece.node.child_value();
    if (local(piece.node.name()) != "t") return k == 0 ? 0 : raw.size();
    size_t i = 0;
    if (!piece.legacy) {
        for (uint32_t seen = 0; i < raw.size() && seen < k; ++seen) utf8::next(raw, i);
        return i;
    }
    // Legacy: the longest raw prefix that shows at most k characters (a VNI
    // diacritic byte stays with its letter). The shown length grows with the
    // prefix, so a binary search over code point boundaries finds it.
    std::vector<size_t> cuts{0};
    while (i < raw.size()) {
        utf8::next(raw, i);
        cuts.push_back(i);
    }
    size_t lo = 0, hi = cuts.size() - 1;  // cuts[lo] shows <= k
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        if (utf8::count(legacy_shown(raw.substr(0, cuts[mid]), *piece.legacy)) <= k) lo = mid;
        else hi = mid - 1;
    }
    return cuts[lo];
}

}  // namespace docx

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
    if (auto bad = load_styles(zip, styles_xml, numbering_xml, styles, numbering)) return *bad;

    SourceDocument doc;
    doc.path = path;
    doc.format = "docx";
    doc.encoding = "utf-8";
    auto body = kid(body_xml.document_element(), "body");
    if (!body) return UnreadableInput{"the .docx has no document body", "open it in Word and save it again"};
    BodyReader reader(styles, numbering, doc, doc.blocks, 1, std::nullopt);
    reader.container(body, false, 0);
    reader.finish();
    uint32_t tables = reader.tables();

    // Page numbers: the PAGE field of the header or footer each section shows
    // (a section that names none keeps the previous section's).
    {
        pugi::xml_document rels_xml;
        if (auto bad = load_part(zip, "word/_rels/document.xml.rels", rels_xml, found)) return *bad;
        auto rels = found ? load_relationships(rels_xml) : std::map<std::string, std::string>{};
        std::map<std::string, PageField> fields;  // part name -> its page field
        auto field_of = [&](const std::string& rid) -> std::variant<PageField, UnreadableInput> {
            auto it = rels.find(rid);
            if (rid.empty() || it == rels.end()) return PageField{};
            if (auto f = fields.find(it->second); f != fields.end()) return f->second;
            pugi::xml_document x;
            bool part_found = false;
            if (auto bad = load_part(zip, it->second, x, part_found)) return *bad;
            PageField f = part_found ? PageFieldFinder(styles).find(x.document_element()) : PageField{};
            fields[it->second] = f;
            return f;
        };
        std::map<std::string, std::string> current;  // inherited references
        for (size_t i = 0; i < doc.sections.size() && i < reader.section_refs.size(); ++i) {
            for (const auto& [k, v] : reader.section_refs[i]) current[k] = v;
            PageSetup& ps = doc.sections[i];
            auto get = [&](const char* key) -> std::variant<PageField, UnreadableInput> {
                auto it = current.find(key);
                return it == current.end() ? PageField{} : field_of(it->second);
            };
            PageField shown[2][2];  // [first page?][header, footer]
            const char* keys[2][2] = {{"header default", "footer default"}, {"header first", "footer first"}};
            for (int first = 0; first < 2; ++first)
                for (int part = 0; part < 2; ++part) {
                    auto f = get(keys[first && ps.title_page ? 1 : 0][part]);
                    if (auto* bad = std::get_if<UnreadableInput>(&f)) return *bad;
                    shown[first][part] = std::get<PageField>(f);
                }
            for (int part = 0; part < 2; ++part) {
                if (!shown[0][part].found || !ps.number_in.empty()) continue;
                ps.number_in = part == 0 ? "header" : "footer";
                ps.number_alignment = shown[0][part].alignment;
                ps.number_size = shown[0][part].size;
            }
            ps.number_on_first_page = shown[1][0].found || shown[1][1].found;
        }
    }

    // Headers and footers (numbered parts): line 0, as whole-file text.
    // Their paragraphs are read like the body's (fields show their result,
    // PAGE included; tracked changes accepted; text boxes once).
    for (const char* kind : {"header", "footer"}) {
        for (int i = 1; i <= 32; ++i) {
            pugi::xml_document x;
            if (auto bad = load_part(zip, std::string("word/") + kind + std::to_string(i) + ".xml", x, found)) return *bad;
            if (!found) continue;
            std::vector<Block> blocks;
            BodyReader r(styles, numbering, doc, blocks, 1, BlockKind::PageHeader);
            r.container(x.document_element(), false, 0);
            r.finish();
            for (auto& b : blocks) {
                for (auto& a : b.anchors) a.line = 0;
                doc.aside.push_back(std::move(b));
            }
        }
    }
    // Footnotes and endnotes follow the body in `blocks` (kind Footnote), so
    // the text rules check them; the structure stage stops before them. Their
    // paragraphs are numbered on after the last body paragraph (footnotes.xml,
    // then endnotes.xml, every w:p of a real note in order), so their
    // positions are their own. Comments keep the line of the paragraph they
    // are attached to.
    uint32_t next_line = reader.last_line() + 1;
    for (auto [part, elem] : {std::pair{"word/footnotes.xml", "footnote"}, std::pair{"word/endnotes.xml", "endnote"}}) {
        pugi::xml_document x;
        if (auto bad = load_part(zip, part, x, found)) return *bad;
        if (!found) continue;
        for (auto n : x.document_element().children()) {
            if (local(n.name()) != elem) continue;
            std::string type = attr(n, "type");
            if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") continue;
            BodyReader r(styles, numbering, doc, doc.blocks, next_line, BlockKind::Footnote);
            r.number_tables_after(tables);
            r.container(n, false, 0);
            r.finish();
            next_line = r.last_line() + 1;
            tables = r.tables();
        }
    }
    {
        pugi::xml_document x;
        if (auto bad = load_part(zip, "word/comments.xml", x, found)) return *bad;
        if (found) {
            for (auto n : x.document_element().children()) {
                if (local(n.name()) != "comment") continue;
                auto it = reader.comment_para.find(attr(n, "id"));
                uint32_t line = it == reader.comment_para.end() ? 0 : it->second;
                std::vector<Block> blocks;
                BodyReader r(styles, numbering, doc, blocks, 1, BlockKind::Comment);
                r.container(n, false, 0);
                r.finish();
                // A comment that is a suppression directive covers the
                // paragraphs it is anchored on (plancheck/suppression.h).
                std::string said;
                for (const auto& b : blocks) said += (said.empty() ? "" : " ") + b.text;
                if (auto d = parse_directive(said); d && line > 0 && doc.directives.size() <= kMaxDirectives) {
                    if (doc.directives.size() == kMaxDirectives) d->kind = Directive::Kind::Overflow, d->names.clear();
                    auto end = reader.comment_end.find(attr(n, "id"));
                    d->anchored = true;
                    d->first_line = d->line = d->end_line = line;
                    d->last_line = std::max(line, end == reader.comment_end.end() ? line : end->second);
                    d->column = d->end_column = 1;
                    d->source = said;
                    doc.directives.push_back(std::move(*d));
                }
                for (auto& b : blocks) {
                    for (auto& a : b.anchors) a.line = line;
                    doc.aside.push_back(std::move(b));
                }
            }
        }
    }
    return doc;
}

}  // namespace plancheck::ingest
