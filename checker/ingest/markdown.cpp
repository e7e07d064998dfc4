// Markdown (.md) with the tree-sitter-markdown block grammar.
//
// Blocks: headings (level from the #'s), paragraphs (a paragraph over several
// lines is one block; its lines are joined with '\n', each character keeping
// its own original line/column), list items (the marker "1.", "-", "+" goes to
// Block::label, as a container label the structure stage parses), and table
// cells. Code blocks, HTML blocks and rules are not prose and are skipped.
// The block grammar leaves inline markup alone, so strip_inline() removes
// emphasis, code ticks, link targets and escapes while keeping positions.
#include <tree_sitter/api.h>

#include <cstring>
#include <map>
#include <memory>

#include "ingest/block_builder.h"
#include "ingest/decode.h"
#include "ingest/directives.h"
#include "ingest/ingest.h"
#include "ingest/ts_children.h"

extern "C" const TSLanguage* tree_sitter_markdown();

namespace plancheck::ingest {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) >= 0x80); }

// Appends text[b, e) to `out` without inline markup; positions from `src`.
void strip_inline(std::string_view t, size_t b, size_t e, SourceWalker& src, BlockBuilder& out) {
    std::map<size_t, size_t> jumps;  // a link's "](url)" -> where the text resumes
    bool line_start = false;
    size_t i = b;
    while (i < e) {
        if (auto j = jumps.find(i); j != jumps.end()) {
            i = j->second;
            continue;
        }
        char c = t[i];
        if (line_start && (c == ' ' || c == '\t' || c == '>')) {  // continuation indent, quote markers
            ++i;
            continue;
        }
        line_start = false;
        if (c == '\\' && i + 1 < e && std::ispunct(static_cast<unsigned char>(t[i + 1]))) {
            out.add(static_cast<unsigned char>(t[i + 1]), src.at(i + 1));
            i += 2;
            continue;
        }
        if (c == '`') {
            while (i < e && t[i] == '`') ++i;
            continue;
        }
        if (c == '*' || c == '_') {
            size_t r = i;
            while (r < e && t[r] == c) ++r;
            char prev = i > b ? t[i - 1] : ' ', next = r < e ? t[r] : ' ';
            bool both_space = is_space(prev) && is_space(next);
            bool intraword = c == '_' && is_alnum(prev) && is_alnum(next);
            if (!both_space && !intraword) {
                i = r;
                continue;
            }
        }
        if (c == '[' || (c == '!' && i + 1 < e && t[i + 1] == '[')) {
            size_t open = c == '!' ? i + 1 : i;
            size_t close = t.substr(0, e).find(']', open);  // within the block: no rescans to the end
            if (close != std::string_view::npos && close + 1 < e && t[close + 1] == '(') {
                size_t paren = t.substr(0, e).find(')', close);
                if (paren != std::string_view::npos && paren < e) {
                    jumps[close] = paren + 1;
                    i = open + 1;
                    continue;
                }
            }
        }
        if (c == '<' && t.substr(i, 4) == "<!--") {  // an inline HTML comment is not shown: not text
            size_t close = t.substr(0, e).find("-->", i + 4);
            if (close != std::string_view::npos) {
                i = close + 3;
                continue;
            }
        }
        if (c == '<' && (t.substr(i, 5) == "<http" || t.substr(i, 5) == "<mail" || t.substr(i, 4) == "<www")) {
            size_t close = t.substr(0, e).find('>', i);
            if (close != std::string_view::npos && close < e) {
                jumps[close] = close + 1;
                ++i;
                continue;
            }
        }
        Pos p = src.at(i);
        size_t k = i;
        char32_t cp = utf8::next(t, k);
        if (cp == '\r') {
            i = k;
            continue;
        }
        out.add(cp, p);
        if (cp == '\n') line_start = true;
        i = k;
    }
}

class MdReader {
public:
    MdReader(std::string_view text, SourceDocument& doc) : t_(text), src_(text), doc_(doc) {}

    void visit(TSNode n, int depth) {
        if (depth > 256) return;  // pathological nesting: the rest is ignored, not recursed
        deadline::check();
        std::string_view type = ts_node_type(n);
        if (type == "atx_heading") {
            int level = 1;
            TSNode content{};
            bool has = false;
            for (TSNode c : ts_children(n)) {
                std::string_view ct = ts_node_type(c);
                if (ct.rfind("atx_h", 0) == 0 && ct.size() > 6) level = ct[5] - '0';
                if (ct == "inline") content = c, has = true;
            }
            if (has) emit(content, BlockKind::Heading, level);
            return;
        }
        if (type == "setext_heading") {
            int level = 1;
            for (TSNode c : ts_children(n))
                if (std::string_view(ts_node_type(c)) == "setext_h2_underline") level = 2;
            for (TSNode c : ts_children(n)) {
                if (std::string_view(ts_node_type(c)) == "paragraph") emit(c, BlockKind::Heading, level);
            }
            return;
        }
        if (type == "paragraph") {
            emit(n, label_.empty() ? BlockKind::Paragraph : BlockKind::ListItem, list_depth_);
            return;
        }
        if (type == "list_item") {
            std::string saved = label_;
            ++list_depth_;
            for (TSNode c : ts_children(n)) {
                std::string_view ct = ts_node_type(c);
                if (ct.rfind("list_marker", 0) == 0) {
                    label_ = std::string(utf8::trim(slice(c)));
                    continue;
                }
                visit(c, depth + 1);
                label_.clear();  // only the item's first block carries the label
            }
            --list_depth_;
            label_ = saved;
            return;
        }
        if (type == "pipe_table") {
            // Rows in order, the header row first; a cell's column counts the
            // bars before it in its row, so an empty cell keeps its place.
            CellRef saved = cell_;
            cell_ = {};
            cell_.table = ++tables_;
            cell_.parent = saved.table;
            row_ = -1;
            for (TSNode c : ts_children(n)) visit(c, depth + 1);
            cell_ = saved;
            return;
        }
        if ((type == "pipe_table_header" || type == "pipe_table_row") && cell_.table) {
            ++row_;
            bars_ = BarScan{ts_node_start_byte(n)};
            for (TSNode c : ts_children(n)) visit(c, depth + 1);
            return;
        }
        if (type == "pipe_table_cell") {
            CellRef ref;
            if (cell_.table && row_ >= 0) {
                ref = cell_;
                ref.row = static_cast<uint32_t>(row_);
                ref.column = bars_before(ts_node_start_byte(n));
            }
            emit(n, BlockKind::TableCell, 0, true, ref);
            return;
        }
        if (type == "pipe_table_delimiter_row" || type == "fenced_code_block" || type == "indented_code_block" ||
            type == "html_block" || type == "thematic_break" || type == "link_reference_definition")
            return;
        for (TSNode c : ts_children(n)) visit(c, depth + 1);
    }

private:
    std::string_view slice(TSNode n) const {
        return t_.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
    }
    // The cell bars between a row's start and byte `at` (a "\\|" is text), less
    // the row's leading bar: the 0-based column of a cell starting at `at`.
    // The cells of a row come in order, so the scan goes on from where the
    // previous cell left it: linear in the row, however many cells it has.
    uint32_t bars_before(size_t at) {
        BarScan& r = bars_;
        for (; r.at < at && r.at < t_.size(); ++r.at) {
            char c = t_[r.at];
            if (c == '\\') {
                ++r.at;
                r.text_seen = true;
                continue;
            }
            if (c == '|') {
                if (!r.text_seen && r.bars == 0) r.leading = true;
                ++r.bars;
            } else if (c != ' ' && c != '\t') {
                r.text_seen = true;
            }
        }
        return r.bars - (r.leading && r.bars ? 1 : 0);
    }
    void emit(TSNode n, BlockKind kind, int level, bool in_table = false, CellRef cell = {}) {
        size_t b = ts_node_start_byte(n), e = std::min<size_t>(ts_node_end_byte(n), t_.size());
        while (e > b && (t_[e - 1] == '\n' || t_[e - 1] == '\r')) --e;
        BlockBuilder bb;
        strip_inline(t_, b, e, src_, bb);
        Block blk;
        if (!bb.take(blk, kind, src_)) return;
        blk.label = label_;
        blk.level = level;
        blk.in_table = in_table;
        blk.cell = cell;
        doc_.blocks.push_back(std::move(blk));
    }

    std::string_view t_;
    SourceWalker src_;
    SourceDocument& doc_;
    std::string label_;
    int list_depth_ = 0;
    CellRef cell_;  // the open pipe table (table == 0: none)
    uint32_t tables_ = 0;
    long row_ = -1;
    struct BarScan {
        size_t at = 0;  // next byte to scan in the row
        uint32_t bars = 0;
        bool leading = false, text_seen = false;
    };
    BarScan bars_;  // the current table row's scan
};

// The deepest container nesting (block quotes, list items, indentation) any
// line may open. tree-sitter-markdown's scanner counts open blocks in a uint8_t
// and serialises them into a 1 KiB buffer: past about 255 levels it overruns
// (SIGSEGV, SIGBUS, SIGABRT on 256 "- " or 300 "> "). Documents beyond this
// bound are read as plain text instead (every line one block), which still
// checks their words; no real document nests this deep.
constexpr int kMaxMdNesting = 64;

// An upper estimate of a line's nesting: each '>' or list marker at its start,
// and every 2 columns of indentation (a nested list item's indentation).
bool nests_too_deep(std::string_view t) {
    size_t i = 0;
    while (i < t.size()) {
        int depth = 0, cols = 0;
        for (;;) {
            if (i >= t.size()) break;
            char c = t[i];
            if (c == ' ') ++cols, ++i;
            else if (c == '\t') cols += 4, ++i;
            else if (c == '>') ++depth, ++i;
            else if ((c == '-' || c == '*' || c == '+') && i + 1 < t.size() && (t[i + 1] == ' ' || t[i + 1] == '\t'))
                ++depth, i += 2, ++cols;
            else if (c >= '0' && c <= '9') {
                size_t k = i;
                while (k < t.size() && k - i < 9 && t[k] >= '0' && t[k] <= '9') ++k;
                if (k + 1 < t.size() && (t[k] == '.' || t[k] == ')') && (t[k + 1] == ' ' || t[k + 1] == '\t'))
                    ++depth, i = k + 2, ++cols;
                else
                    break;
            } else
                break;
            if (depth + cols / 2 > kMaxMdNesting) return true;
        }
        size_t nl = t.find('\n', i);
        if (nl == std::string_view::npos) break;
        i = nl + 1;
    }
    return false;
}

struct ParserDeleter {
    void operator()(TSParser* p) const { ts_parser_delete(p); }
};
struct TreeDeleter {
    void operator()(TSTree* t) const { ts_tree_delete(t); }
};

}  // namespace

Result read_markdown(std::string_view bytes, const std::string& path, const Options& opts) {
    auto decoded = decode_text(bytes, opts);
    if (auto* bad = std::get_if<UnreadableInput>(&decoded)) return *bad;
    const Decoded& d = std::get<Decoded>(decoded);
    if (nests_too_deep(d.text)) {
        return read_text(bytes, path, opts);  // format "txt": the layout stage reads it as lines
    }
    SourceDocument doc;
    doc.path = path;
    doc.format = "md";
    std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
    if (!ts_parser_set_language(parser.get(), tree_sitter_markdown()))
        return UnreadableInput{"the Markdown grammar could not be loaded", "convert the file to .txt"};
    std::unique_ptr<TSTree, TreeDeleter> tree(
        ts_parser_parse_string(parser.get(), nullptr, d.text.data(), static_cast<uint32_t>(d.text.size())));
    if (!tree) return UnreadableInput{"the Markdown could not be parsed", "convert the file to .txt"};
    MdReader reader(d.text, doc);
    reader.visit(ts_tree_root_node(tree.get()), 0);
    record_directives(d.text, doc, false);
    record_decoding(doc, d);
    return doc;
}

}  // namespace plancheck::ingest
