// HTML (.html/.htm/.xhtml) with tree-sitter-html: the visible text in document
// order. <script>, <style>, <head>, <template> and comments are dropped;
// block elements (p, div, li, h1-h6, td, th, tr, br, ...) end a block; entities
// are decoded. Every character keeps the original line/column of its text (a
// decoded entity: the position of its '&').
#include <tree_sitter/api.h>

#include <algorithm>
#include <memory>

#include "ingest/block_builder.h"
#include "ingest/decode.h"
#include "ingest/directives.h"
#include "ingest/ingest.h"
#include "ingest/ts_children.h"

extern "C" const TSLanguage* tree_sitter_html();

namespace plancheck::ingest {

namespace {

struct Named {
    std::string_view name;
    char32_t cp;
};
// The entities Vietnamese pages use: markup, punctuation, and the Latin-1
// letters Vietnamese shares (the rest are written as numeric references).
constexpr Named kEntities[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
    {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"bull", 0x2022},
    {"middot", 0xB7}, {"deg", 0xB0}, {"copy", 0xA9}, {"reg", 0xAE}, {"times", 0xD7}, {"shy", 0xAD},
    {"agrave", 0xE0}, {"aacute", 0xE1}, {"acirc", 0xE2}, {"atilde", 0xE3}, {"egrave", 0xE8},
    {"eacute", 0xE9}, {"ecirc", 0xEA}, {"igrave", 0xEC}, {"iacute", 0xED}, {"ograve", 0xF2},
    {"oacute", 0xF3}, {"ocirc", 0xF4}, {"otilde", 0xF5}, {"ugrave", 0xF9}, {"uacute", 0xFA},
    {"yacute", 0xFD}, {"Agrave", 0xC0}, {"Aacute", 0xC1}, {"Acirc", 0xC2}, {"Atilde", 0xC3},
    {"Egrave", 0xC8}, {"Eacute", 0xC9}, {"Ecirc", 0xCA}, {"Igrave", 0xCC}, {"Iacute", 0xCD},
    {"Ograve", 0xD2}, {"Oacute", 0xD3}, {"Ocirc", 0xD4}, {"Otilde", 0xD5}, {"Ugrave", 0xD9},
    {"Uacute", 0xDA}, {"Yacute", 0xDD}, {"ETH", 0xD0}, {"eth", 0xF0},
};

// The code point of an entity ("&amp;", "&#7897;", "&#x1EA1;"), or 0.
char32_t entity(std::string_view e) {
    if (e.size() < 3 || e.front() != '&' || e.back() != ';') return 0;
    std::string_view body = e.substr(1, e.size() - 2);
    if (body[0] == '#') {
        bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        std::string digits(body.substr(hex ? 2 : 1));
        if (digits.empty() || digits.size() > 7) return 0;
        try {
            unsigned long v = std::stoul(digits, nullptr, hex ? 16 : 10);
            return (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) ? 0xFFFD : static_cast<char32_t>(v);
        } catch (...) {
            return 0;
        }
    }
    for (const auto& n : kEntities)
        if (n.name == body) return n.cp;
    return 0;
}

bool is_block_tag(std::string_view t) {
    static constexpr std::string_view kTags[] = {
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table",
        "br", "hr", "section", "article", "header", "footer", "blockquote", "pre", "dt", "dd", "dl",
        "caption", "main", "nav", "aside", "body", "html", "center", "address", "figure", "figcaption"};
    return std::find(std::begin(kTags), std::end(kTags), t) != std::end(kTags);
}

// The grid of one open <table>: rows as <tr> come, each cell put in the first
// grid column no cell above still covers (rowspan), and spanning as many
// columns as its colspan. Shared by the tree reader and the linear one.
class TableGrid {
public:
    explicit TableGrid(uint32_t id, uint32_t parent) : id_(id), parent_(parent) {}
    void row() {
        if (started_) ++row_;
        started_ = true;
        col_ = 0;
        for (auto& c : covered_)
            if (c) --c;
    }
    // Columns past this are not tracked (a hostile colspan must not grow the
    // grid without bound); cells there get this column, which no rule reads.
    static constexpr uint32_t kMaxColumns = 4096;
    CellRef cell(uint32_t colspan, uint32_t rowspan) {
        if (!started_) row();  // cells without a <tr>: one row
        rowspan = std::clamp<uint32_t>(rowspan, 1, 10000);
        while (col_ < covered_.size() && covered_[col_]) ++col_;
        col_ = std::min(col_, kMaxColumns);
        colspan = std::clamp<uint32_t>(colspan, 1, kMaxColumns - col_ + 1);  // the grid ends at kMaxColumns + 1
        CellRef r;
        r.table = id_, r.parent = parent_, r.row = row_, r.column = col_;
        r.row_span = rowspan, r.column_span = colspan;
        if (covered_.size() < col_ + colspan) covered_.resize(col_ + colspan, 0);
        // The rows below this one that the cell still covers (row() counts down).
        for (uint32_t k = 0; k < colspan; ++k) covered_[col_ + k] = std::max(covered_[col_ + k], rowspan);
        col_ = std::min(col_ + colspan, kMaxColumns);
        return r;
    }
    uint32_t id() const { return id_; }

private:
    uint32_t id_, parent_;
    uint32_t row_ = 0, col_ = 0;
    bool started_ = false;
    std::vector<uint32_t> covered_;  // per grid column: rows still covered, this one included
};

// The number an attribute of a start tag gives ("colspan=\"2\"", "rowspan=3"), or 1.
uint32_t span_attr(std::string_view tag, std::string_view name) {
    std::string low(tag);
    std::transform(low.begin(), low.end(), low.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    for (size_t p = low.find(name); p != std::string::npos; p = low.find(name, p + 1)) {
        if (p == 0 || !(low[p - 1] == ' ' || low[p - 1] == '\t' || low[p - 1] == '\n' || low[p - 1] == '\r')) continue;
        size_t q = p + name.size();
        while (q < low.size() && low[q] == ' ') ++q;
        if (q >= low.size() || low[q] != '=') continue;
        ++q;
        while (q < low.size() && (low[q] == ' ' || low[q] == '"' || low[q] == '\'')) ++q;
        uint32_t v = 0;
        while (q < low.size() && low[q] >= '0' && low[q] <= '9' && v < 100000) v = v * 10 + static_cast<uint32_t>(low[q++] - '0');
        return v ? v : 1;
    }
    return 1;
}

class HtmlReader {
public:
    HtmlReader(std::string_view text, SourceDocument& doc) : t_(text), src_(text), doc_(doc) {}

    void visit(TSNode n, int depth) {
        if (depth > 256) return;
        std::string_view type = ts_node_type(n);
        if (type == "script_element" || type == "style_element" || type == "comment" || type == "doctype") return;
        if (type == "text") {
            size_t b = ts_node_start_byte(n), e = std::min<size_t>(ts_node_end_byte(n), t_.size());
            gap(b);
            last_end_ = e;
            for (size_t i = b; i < e;) {
                Pos p = src_.at(i);
                char32_t c = utf8::next(t_, i);
                if (c != '\r') bb_.add(c == '\n' || c == '\t' ? ' ' : c, p);
            }
            return;
        }
        if (type == "entity") {
            size_t b = ts_node_start_byte(n);
            std::string_view raw = t_.substr(b, ts_node_end_byte(n) - b);
            gap(b);
            last_end_ = ts_node_end_byte(n);
            char32_t c = entity(raw);
            Pos p = src_.at(b);
            if (c) bb_.add(c, p);
            else
                for (size_t i = 0; i < raw.size();) bb_.add(utf8::next(raw, i), p);
            return;
        }
        if (type == "element") {
            std::string tag = tag_name(n);
            if (tag == "head" || tag == "template" || tag == "title" || tag == "noscript") return;
            bool block = is_block_tag(tag);
            if (block) flush();
            BlockKind saved_kind = kind_;
            int saved_level = level_;
            std::string saved_label = label_;
            bool saved_table = in_table_;
            CellRef saved_cell = cell_;
            int saved_ol = ol_counter_;
            bool opens_table = tag == "table";
            uint32_t saved_part = part_;  // the enclosing cell's count goes on after a nested table
            if (opens_table) {
                grids_.emplace_back(++tables_, grids_.empty() ? 0 : grids_.back().id());
                cell_ = {};
            }
            if (tag == "tr" && !grids_.empty()) grids_.back().row();
            if ((tag == "td" || tag == "th") && !grids_.empty()) {
                std::string_view st = start_tag(n);
                cell_ = grids_.back().cell(span_attr(st, "colspan"), span_attr(st, "rowspan"));
                part_ = 0;
            }
            if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') kind_ = BlockKind::Heading, level_ = tag[1] - '0';
            if (tag == "td" || tag == "th") kind_ = BlockKind::TableCell, in_table_ = true;
            if (tag == "ol") ol_counter_ = start_of(n);
            if (tag == "ul") ol_counter_ = -1;
            if (tag == "li") {
                kind_ = BlockKind::ListItem;
                label_ = ol_counter_ >= 0 ? std::to_string(ol_counter_++) + "." : "•";
                saved_ol = ol_counter_;
            }
            for (TSNode c : ts_children(n)) visit(c, depth + 1);
            if (block) flush();
            if (opens_table) grids_.pop_back(), part_ = saved_part;
            kind_ = saved_kind, level_ = saved_level, label_ = saved_label, in_table_ = saved_table, ol_counter_ = saved_ol;
            cell_ = saved_cell;
            return;
        }
        if (type == "start_tag" || type == "end_tag" || type == "erroneous_end_tag") return;
        if (type == "self_closing_tag") {
            if (is_block_tag(tag_name(n))) flush();
            return;
        }
        for (TSNode c : ts_children(n)) visit(c, depth + 1);
    }

    void flush() {
        Block b;
        if (bb_.take(b, kind_, src_)) {
            b.level = level_;
            b.label = label_;
            b.in_table = in_table_;
            if (cell_.table) b.cell = cell_, b.cell.edit().part = part_++;
            label_.clear();  // a list item's label goes on its first block only
            doc_.blocks.push_back(std::move(b));
        }
    }

private:
    // White space between two pieces of text lies outside every text node
    // ("Đoạn &amp; <b>đậm</b>"): one space for any outside the tags in between.
    void gap(size_t b) {
        bool in_tag = false;
        for (size_t i = last_end_; i < b && i < t_.size(); ++i) {
            char c = t_[i];
            if (c == '<') in_tag = true;
            else if (c == '>') in_tag = false;
            else if (!in_tag && (c == ' ' || c == '\n' || c == '\t' || c == '\r')) {
                if (!bb_.text().empty()) bb_.add(' ', src_.at(i));
                return;
            }
        }
    }

    std::string tag_name(TSNode el) const {
        TSNode start = ts_node_child(el, 0);
        std::string_view st = ts_node_type(start);
        if (st != "start_tag" && st != "self_closing_tag") start = el;
        for (TSNode c : ts_children(start)) {
            if (std::string_view(ts_node_type(c)) == "tag_name") {
                std::string s(t_.substr(ts_node_start_byte(c), ts_node_end_byte(c) - ts_node_start_byte(c)));
                std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
                return s;
            }
        }
        return {};
    }
    std::string_view start_tag(TSNode el) const {
        TSNode start = ts_node_child(el, 0);
        return t_.substr(ts_node_start_byte(start), ts_node_end_byte(start) - ts_node_start_byte(start));
    }
    int start_of(TSNode ol) const {
        std::string_view tag = t_.substr(ts_node_start_byte(ts_node_child(ol, 0)),
                                         ts_node_end_byte(ts_node_child(ol, 0)) - ts_node_start_byte(ts_node_child(ol, 0)));
        auto p = tag.find("start=");
        if (p == std::string_view::npos) return 1;
        p += 6;
        if (p < tag.size() && (tag[p] == '"' || tag[p] == '\'')) ++p;
        int v = 0;
        while (p < tag.size() && tag[p] >= '0' && tag[p] <= '9' && v < 100000) v = v * 10 + (tag[p++] - '0');
        return v ? v : 1;
    }

    std::string_view t_;
    SourceWalker src_;
    SourceDocument& doc_;
    BlockBuilder bb_;
    BlockKind kind_ = BlockKind::Paragraph;
    int level_ = 0;
    std::string label_;
    bool in_table_ = false;
    CellRef cell_;                  // the cell the text is in (table == 0: none)
    uint32_t part_ = 0;             // blocks of the current cell so far
    std::vector<TableGrid> grids_;  // open tables, innermost last
    uint32_t tables_ = 0;
    int ol_counter_ = -1;
    size_t last_end_ = 0;
};

// tree-sitter-html's scanner keeps the stack of open tags and re-reads all of
// it for every token (deserialize), so 10^5 unclosed <b> or <div> cost minutes.
// A page nesting deeper than this is read by the linear reader below instead.
constexpr int kMaxHtmlNesting = 256;

bool void_tag(std::string_view t) {
    static constexpr std::string_view kVoid[] = {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                                 "link", "meta", "param", "source", "track", "wbr", "!doctype"};
    return std::find(std::begin(kVoid), std::end(kVoid), t) != std::end(kVoid);
}

std::string lower_name(std::string_view t, size_t i) {
    std::string name;
    while (i < t.size() && name.size() < 32 && (std::isalnum(static_cast<unsigned char>(t[i])) || t[i] == '-' || t[i] == '!'))
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(t[i++])));
    return name;
}

// The deepest nesting of start tags without their end tags (an upper bound:
// implicitly closed <p> and <li> count as open).
bool html_nests_too_deep(std::string_view t) {
    int depth = 0;
    for (size_t i = t.find('<'); i != std::string_view::npos; i = t.find('<', i + 1)) {
        if (i + 1 >= t.size()) break;
        bool end = t[i + 1] == '/';
        std::string name = lower_name(t, i + (end ? 2 : 1));
        if (name.empty() || name[0] == '!' || void_tag(name)) continue;
        size_t close = t.find('>', i);
        if (close != std::string_view::npos && close > i && t[close - 1] == '/') continue;  // <x/>
        if (end) depth = std::max(0, depth - 1);
        else if (++depth > kMaxHtmlNesting) return true;
    }
    return false;
}

// The linear reader for pathological nesting: tags are dropped, block tags end
// a block, <h1>-<h6> give headings, <li> list items, <td>/<th> table cells;
// script, style, head, template, title, noscript and comments are skipped;
// entities decoded. One pass, no tree: O(size) time and memory.
void read_flat(std::string_view t, SourceDocument& doc) {
    SourceWalker src(t);
    BlockBuilder bb;
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;
    std::string label;
    bool in_table = false;
    // Table cells as the tree reader numbers them; a cell lasts to its end tag
    // (or the next cell, row or table end), whatever block tags it holds.
    std::vector<TableGrid> grids;
    uint32_t tables = 0;
    CellRef cell;
    auto flush = [&] {
        Block b;
        if (bb.take(b, kind, src)) {
            b.level = level, b.label = label, b.in_table = in_table;
            if (cell.table) b.cell = cell, ++cell.part;
            doc.blocks.push_back(std::move(b));
        }
        label.clear();
    };
    bool pending_space = false;
    size_t i = 0;
    while (i < t.size()) {
        deadline::check();
        char c = t[i];
        if (c == '<') {
            if (t.substr(i, 4) == "<!--") {
                size_t e = t.find("-->", i + 4);
                i = e == std::string_view::npos ? t.size() : e + 3;
                continue;
            }
            bool end = i + 1 < t.size() && t[i + 1] == '/';
            std::string name = lower_name(t, i + (end ? 2 : 1));
            size_t close = t.find('>', i);
            if (name.empty() || close == std::string_view::npos) {  // a lone '<' is text
                bb.add('<', src.at(i));
                ++i;
                continue;
            }
            std::string_view tag = t.substr(i, close - i);
            i = close + 1;
            if (!end && (name == "script" || name == "style" || name == "head" || name == "template" ||
                         name == "title" || name == "noscript")) {
                // Skip to its end tag (case-insensitive search on a lowered window).
                std::string want = "</" + name;
                size_t k = i;
                for (; k + want.size() <= t.size(); ++k) {
                    if (t[k] != '<') continue;
                    if (lower_name(t, k + 2) == name && t[k + 1] == '/') break;
                }
                size_t e = t.find('>', k);
                i = e == std::string_view::npos ? t.size() : e + 1;
                continue;
            }
            if (is_block_tag(name)) {
                flush();
                pending_space = false;
                kind = BlockKind::Paragraph, level = 0, in_table = false;
                if (!end && name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6')
                    kind = BlockKind::Heading, level = name[1] - '0';
                if (!end && name == "li") kind = BlockKind::ListItem, label = "•";
                if (!end && (name == "td" || name == "th")) kind = BlockKind::TableCell, in_table = true;
                if (name == "table" || name == "tr" || name == "td" || name == "th") cell = {};
                if (name == "table" && !end) grids.emplace_back(++tables, grids.empty() ? 0 : grids.back().id());
                else if (name == "table" && !grids.empty()) grids.pop_back();
                else if (name == "tr" && !end && !grids.empty()) grids.back().row();
                else if ((name == "td" || name == "th") && !end && !grids.empty())
                    cell = grids.back().cell(span_attr(tag, "colspan"), span_attr(tag, "rowspan"));
            }
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (!bb.text().empty()) pending_space = true;
            ++i;
            continue;
        }
        if (pending_space) bb.add(' ', src.at(i - 1)), pending_space = false;
        if (c == '&') {
            size_t semi = t.find(';', i);
            if (semi != std::string_view::npos && semi - i <= 10)
                if (char32_t cp = entity(t.substr(i, semi - i + 1))) {
                    bb.add(cp, src.at(i));
                    i = semi + 1;
                    continue;
                }
        }
        Pos p = src.at(i);
        bb.add(utf8::next(t, i), p);
    }
    flush();
}

struct ParserDeleter {
    void operator()(TSParser* p) const { ts_parser_delete(p); }
};
struct TreeDeleter {
    void operator()(TSTree* t) const { ts_tree_delete(t); }
};

}  // namespace

Result read_html(std::string_view bytes, const std::string& path, const Options& opts) {
    auto decoded = decode_text(bytes, opts);
    if (auto* bad = std::get_if<UnreadableInput>(&decoded)) return *bad;
    const Decoded& d = std::get<Decoded>(decoded);
    SourceDocument doc;
    doc.path = path;
    doc.format = "html";
    if (html_nests_too_deep(d.text)) {
        read_flat(d.text, doc);
        record_directives(d.text, doc, false);
        record_decoding(doc, d);
        return doc;
    }
    std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
    if (!ts_parser_set_language(parser.get(), tree_sitter_html()))
        return UnreadableInput{"the HTML grammar could not be loaded", "save the page as .txt"};
    std::unique_ptr<TSTree, TreeDeleter> tree(
        ts_parser_parse_string(parser.get(), nullptr, d.text.data(), static_cast<uint32_t>(d.text.size())));
    if (!tree) return UnreadableInput{"the HTML could not be parsed", "save the page as .txt"};
    HtmlReader reader(d.text, doc);
    reader.visit(ts_tree_root_node(tree.get()), 0);
    reader.flush();
    record_directives(d.text, doc, false);
    record_decoding(doc, d);
    return doc;
}

}  // namespace plancheck::ingest
