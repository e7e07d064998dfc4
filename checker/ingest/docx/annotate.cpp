// plancheck annotate: findings written into the .docx itself (see
// ingest/annotate.h and docs/annotate.md).
//
// The body is read again by the reader itself with its position map on
// (docx_map.h), so that a diagnostic's (paragraph, column) names the same
// character here as in `plancheck check`. Then, in this order:
//   1. each finding is planned: a tracked change (--suggest, a fix that can
//      be applied to plain runs), a comment on its span, or a comment on its
//      whole paragraph (no precise span, a whole-file finding, a finding in a
//      footnote or header, which anchors on the first paragraph);
//   2. runs are split at every boundary a plan needs (the new run copies the
//      run properties), so each boundary falls between two runs;
//   3. the tracked changes are made (w:del around the runs, w:ins after them);
//   4. the comment markers are inserted (w:commentRangeStart before the first
//      run, w:commentRangeEnd and a w:commentReference run after the last).
// Splitting before inserting means no marker is ever moved by a later split.
#include <pugixml.hpp>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <set>
#include <sstream>
#include <stdexcept>

#include "core/utf8.h"
#include "ingest/annotate.h"
#include "ingest/docx/docx_map.h"
#include "ingest/docx/docx_parts.h"
#include "ingest/docx/zip_reader.h"
#include "ingest/docx/zip_writer.h"

namespace plancheck::ingest {

namespace {

using namespace docx;

constexpr const char* kMainNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kRelsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";
constexpr const char* kCommentsRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
constexpr const char* kCommentsType = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

// Keeps what the original had: the declaration, comments, processing
// instructions, white space inside elements.
constexpr unsigned kParse =
    pugi::parse_default | pugi::parse_declaration | pugi::parse_ws_pcdata | pugi::parse_comments | pugi::parse_pi;

std::string save(const pugi::xml_document& x) {
    std::ostringstream os;
    x.save(os, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    return os.str();
}

void parse_or_throw(pugi::xml_document& x, const std::string& data, const std::string& name) {
    auto res = x.load_buffer(data.data(), data.size(), kParse, pugi::encoding_utf8);
    if (!res) throw std::runtime_error(name + " is not well-formed XML (" + res.description() + ")");
}

// The element name prefix ("w") of a root element such as "w:document".
std::string prefix_of(pugi::xml_node root) {
    std::string_view n = root.name();
    auto colon = n.find(':');
    return colon == std::string_view::npos ? std::string() : std::string(n.substr(0, colon));
}

// Text that may go into XML: no control characters other than tab; line
// breaks become spaces.
std::string xml_safe(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        char32_t c = utf8::next(s, i);
        if (c == '\n' || c == '\r') c = ' ';
        if ((c < 0x20 && c != '\t') || c == 0xFFFE || c == 0xFFFF) continue;
        utf8::append(out, c);
    }
    return out;
}

std::string now_iso() {
    std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string_view severity_word(Severity s, const std::string& lang) {
    if (lang == "en") return to_string(s);
    switch (s) {
        case Severity::Error: return "Lỗi";
        case Severity::Warning: return "Cảnh báo";
        case Severity::Info: return "Lưu ý";
    }
    return "";
}

// Largest numeric w:id (any element) in a part, so new ids never collide
// with a comment, bookmark or tracked change already there.
long long max_id(pugi::xml_node n) {
    long long best = -1;
    struct Walker : pugi::xml_tree_walker {
        long long* best;
        bool for_each(pugi::xml_node& x) override {
            for (auto a : x.attributes()) {
                if (local(a.name()) != "id") continue;
                std::string_view v = a.value();
                if (v.empty() || v.size() > 12 || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
                    continue;
                *best = std::max(*best, std::stoll(std::string(v)));
            }
            return true;
        }
    } w;
    w.best = &best;
    n.traverse(w);
    return best;
}

// One finding's plan.
struct Plan {
    const Diagnostic* d = nullptr;
    enum Kind { Span, Paragraph, Change } kind = Paragraph;
    uint32_t para = 0, begin = 0;      // start (0-based column)
    uint32_t end_para = 0, end = 0;    // end (exclusive)
    std::string original;              // the text a fix replaces (shown text)
    long long id = 0, ins_id = 0;  // w:id of the comment or w:del, and of the w:ins
    std::string note;              // said in the comment when it is not on the finding's text
    pugi::xml_node run;            // Paragraph plans: anchor on this run instead (a note's reference mark)
};

class Annotator {
public:
    Annotator(pugi::xml_document& doc, BodyMap& map, const AnnotateOptions& opts)
        : doc_(doc), map_(map), opts_(opts), w_(prefix_of(doc.document_element())) {
        for (auto& p : map_.pieces) by_para_[p.para].push_back(p);
        date_ = opts_.date.empty() ? now_iso() : opts_.date;
    }

    std::string W(const char* name) const { return w_.empty() ? std::string(name) : w_ + ":" + name; }

    // Code points of paragraph `para`'s text (0 when it has none).
    uint32_t length(uint32_t para) const {
        auto it = by_para_.find(para);
        return it == by_para_.end() || it->second.empty() ? 0 : it->second.back().end;
    }

    // The shown text of columns [b, e) of a paragraph.
    std::string shown(uint32_t para, uint32_t b, uint32_t e) const {
        std::string out;
        auto it = by_para_.find(para);
        if (it == by_para_.end()) return out;
        for (const auto& p : it->second) {
            if (p.end <= b || p.begin >= e) continue;
            std::string text;
            std::string_view name = local(p.node.name());
            if (name == "t") text = p.node.child_value();
            else if (name == "tab" || name == "ptab") text = "\t";
            else if (name == "noBreakHyphen") text = "-";
            else text = "\n";
            if (p.legacy && name == "t") {
                // Decode through the piece helpers: columns past the raw text's start.
                size_t from = raw_offset(p, b > p.begin ? b - p.begin : 0);
                size_t to = raw_offset(p, std::min(e, p.end) - p.begin);
                out += decode_legacy(text.substr(from, to - from), *p.legacy);
                continue;
            }
            size_t from = 0, to = text.size();
            if (b > p.begin) from = byte_at(text, b - p.begin);
            if (e < p.end) to = byte_at(text, e - p.begin);
            out += text.substr(from, to - from);
        }
        return out;
    }

    void plan(const std::vector<Diagnostic>& diags) {
        long long next = std::max(max_id(doc_.document_element()), comments_max_) + 1;
        first_para_ = 0;
        for (const auto& [para, pieces] : by_para_)
            if (!pieces.empty() && map_.paras.count(para)) {
                first_para_ = para;
                break;
            }
        for (const auto& d : diags) {
            Plan p;
            p.d = &d;
            p.id = next++;
            if (opts_.suggest && d.fix && change_plan(*d.fix, p)) {
                p.ins_id = next++;
                plans_.push_back(p);
                continue;
            }
            span_plan(d, p);
            plans_.push_back(p);
        }
    }

    void set_comments_max(long long m) { comments_max_ = m; }

    // Steps 2-4 (see the file comment).
    void apply() {
        for (const auto& p : plans_) {
            if (p.kind == Plan::Paragraph) continue;
            split(p.para, p.begin);
            split(p.end_para, p.end);
        }
        for (auto& p : plans_)
            if (p.kind == Plan::Change && !make_change(p)) p.kind = Plan::Paragraph;  // checked before: never
        for (const auto& p : plans_) {
            if (p.kind == Plan::Change) continue;
            if (p.kind == Plan::Span) mark_span(p);
            else if (p.run) mark_run(p);
            else mark_paragraph(p);
        }
    }

    const std::vector<Plan>& plans() const { return plans_; }
    const std::string& date() const { return date_; }

private:
    static size_t byte_at(std::string_view s, uint32_t cps) {
        size_t i = 0;
        for (uint32_t k = 0; k < cps && i < s.size(); ++k) utf8::next(s, i);
        return i;
    }
    static std::string decode_legacy(const std::string& raw, legacy::Encoding enc) {
        std::string bytes;
        for (size_t i = 0; i < raw.size();) {
            char32_t c = utf8::next(raw, i);
            int b = (c >= 0xF020 && c <= 0xF0FF) ? static_cast<int>(c - 0xF000) : legacy::cp1252_byte(c);
            if (b < 0) return raw;
            bytes += static_cast<char>(b);
        }
        return legacy::decode(bytes, enc);
    }

    bool mapped(uint32_t para) const { return map_.paras.count(para) && length(para) > 0; }

    // A comment on the finding's span, or on its paragraph when the span is
    // not one the map knows.
    void span_plan(const Diagnostic& d, Plan& p) {
        p.kind = Plan::Paragraph;
        p.para = mapped(d.line) ? d.line : first_para_;
        const bool en = opts_.lang == "en";
        if (d.line == 0 || map_.paras.empty())
            p.note = en ? "(This finding concerns the whole document.)" : "(Nhận xét này về toàn văn bản.)";
        else if (d.line > map_.last_line) {
            p.note = en ? "(This finding is about a footnote or endnote.)" : "(Nhận xét này về một chú thích.)";
            // On the note's reference mark in the body, when there is one.
            for (const auto& n : map_.notes)
                if (n.first <= d.line && d.line <= n.last)
                    if (auto it = map_.note_refs.find(n.key); it != map_.note_refs.end() && it->second.parent()) {
                        p.run = it->second.parent();
                        p.note = en ? "(This finding is about the footnote or endnote marked here.)"
                                    : "(Nhận xét này về chú thích đánh dấu ở đây.)";
                    }
        }
        else if (!mapped(d.line))
            p.note = en ? "(This finding is about paragraph " + std::to_string(d.line) + ".)"
                        : "(Nhận xét này về đoạn " + std::to_string(d.line) + ".)";
        if (!mapped(d.line) || d.column == 0) return;
        uint32_t len = length(d.line);
        uint32_t b = d.column - 1;
        if (b > len) return;
        uint32_t end_para = d.line, e = len;
        if (d.end_line == d.line) {
            e = std::min(len, d.end_column > 0 ? d.end_column - 1 : b);
        } else if (d.end_line > d.line && mapped(d.end_line) &&
                   map_.paras.at(d.end_line).parent() == map_.paras.at(d.line).parent()) {
            // Over several paragraphs of one container (body, cell, box).
            end_para = d.end_line;
            e = std::min(length(end_para), d.end_column > 0 ? d.end_column - 1 : 0);
            if (e == 0) end_para = d.line, e = len;
        }
        if (end_para == d.line && e <= b) {
            // A point (a missing mark): the character at it, else the one before.
            if (b < len) e = b + 1;
            else if (b > 0) e = b, b = b - 1;
            else return;
        }
        p.kind = Plan::Span;
        p.para = d.line;
        p.begin = b;
        p.end_para = end_para;
        p.end = e;
    }

    // A tracked change for a fix inside one paragraph's plain text.
    bool change_plan(const Fix& f, Plan& p) {
        if (f.line == 0 || f.end_line != f.line || !mapped(f.line) || f.column == 0 || f.end_column < f.column)
            return false;
        if (f.replacement.find_first_of("\t\n\r") != std::string::npos) return false;
        uint32_t b = f.column - 1, e = f.end_column - 1, len = length(f.line);
        if (e > len) return false;
        std::vector<pugi::xml_node> runs;
        for (const auto& piece : by_para_.at(f.line)) {
            bool in = b < e ? piece.end > b && piece.begin < e : piece.begin <= b && b <= piece.end;
            if (!in) continue;
            if (piece.legacy || (b < e && local(piece.node.name()) != "t")) return false;
            if (runs.empty() || runs.back() != piece.node.parent()) runs.push_back(piece.node.parent());
            if (b == e) break;
        }
        if (runs.empty() || !plain_siblings(runs)) return false;
        std::string original = shown(f.line, b, e);
        if (original == f.replacement || (b == e && f.replacement.empty())) return false;
        // Overlapping another change (a point counts as its character): the first one wins.
        for (const auto& q : plans_)
            if (q.kind == Plan::Change && q.para == f.line && b < std::max(q.end, q.begin + 1) &&
                q.begin < std::max(e, b + 1))
                return false;
        p.kind = Plan::Change;
        p.para = p.end_para = f.line;
        p.begin = b;
        p.end = e;
        p.original = original;
        return true;
    }

    // Makes column `col` of `para` a run boundary.
    void split(uint32_t para, uint32_t col) {
        auto it = by_para_.find(para);
        if (it == by_para_.end()) return;
        auto& v = it->second;
        for (size_t i = 0; i < v.size(); ++i) {
            if (!(v[i].begin <= col && col < v[i].end)) continue;
            if (col > v[i].begin) {
                // Inside a w:t: cut its text in two.
                TextPiece& p = v[i];
                std::string text = p.node.child_value();
                size_t off = raw_offset(p, col - p.begin);
                pugi::xml_node t2 = p.node.parent().insert_child_after(p.node.name(), p.node);
                for (auto a : p.node.attributes())
                    if (std::string_view(a.name()) != "xml:space") t2.append_attribute(a.name()) = a.value();
                set_text(p.node, text.substr(0, off));
                set_text(t2, text.substr(off));
                TextPiece tail{t2, para, col, p.end, p.legacy};
                p.end = col;
                v.insert(v.begin() + static_cast<std::ptrdiff_t>(i) + 1, tail);
                split_run_before(v[i + 1].node);
            } else {
                split_run_before(v[i].node);
            }
            return;
        }
    }

    void set_text(pugi::xml_node t, const std::string& s) {
        auto sp = t.attribute("xml:space");
        if (!sp) sp = t.append_attribute("xml:space");
        sp = "preserve";
        t.text().set(s.c_str());
    }

    // Moves `x` and what follows it in its run into a new run right after,
    // with the same properties. Nothing to do when `x` is the run's first
    // content.
    void split_run_before(pugi::xml_node x) {
        pugi::xml_node r = x.parent();
        bool first = true;
        for (auto c = x.previous_sibling(); c; c = c.previous_sibling())
            if (c.type() == pugi::node_element && local(c.name()) != "rPr") first = false;
        if (first) return;
        pugi::xml_node r2 = r.parent().insert_child_after(r.name(), r);
        for (auto a : r.attributes()) r2.append_attribute(a.name()) = a.value();
        if (auto rpr = kid(r, "rPr")) r2.append_copy(rpr);
        for (pugi::xml_node n = x; n;) {
            pugi::xml_node next = n.next_sibling();
            r2.append_move(n);
            n = next;
        }
    }

    // The run holding the text that starts at column `col` / ends at `col`.
    pugi::xml_node run_starting(uint32_t para, uint32_t col) const {
        for (const auto& p : by_para_.at(para))
            if (p.begin == col) return p.node.parent();
        return {};
    }
    pugi::xml_node run_ending(uint32_t para, uint32_t col) const {
        pugi::xml_node found;
        for (const auto& p : by_para_.at(para))
            if (p.end == col && p.begin < col) found = p.node.parent();
        return found;
    }

    void change_attrs(pugi::xml_node n, long long id) {
        n.append_attribute(W("id").c_str()) = std::to_string(id).c_str();
        n.append_attribute(W("author").c_str()) = opts_.author.c_str();
        n.append_attribute(W("date").c_str()) = date_.c_str();
    }

    // w:del around the runs of the span and w:ins with the replacement after
    // them; false (nothing changed) when the runs are not plain siblings.
    bool make_change(Plan& p) {
        const auto& v = by_para_.at(p.para);
        std::vector<pugi::xml_node> runs;
        for (const auto& piece : v)
            if (piece.begin >= p.begin && piece.end <= p.end && piece.end > piece.begin) {
                auto r = piece.node.parent();
                if (runs.empty() || runs.back() != r) runs.push_back(r);
            }
        pugi::xml_node parent, props_from, after;
        if (!runs.empty()) {
            if (!plain_siblings(runs)) return false;
            parent = runs.front().parent();
            props_from = runs.front();
        } else {
            // An insertion at a point: next to the run starting or ending there.
            if (auto r = run_starting(p.para, p.begin); r && plain_run(r)) props_from = r, parent = r.parent();
            else if (auto r2 = run_ending(p.para, p.begin); r2 && plain_run(r2)) props_from = r2, parent = r2.parent(), after = r2;
            else return false;
        }
        pugi::xml_node anchor;  // w:ins goes after it (or before props_from)
        if (!runs.empty()) {
            pugi::xml_node del = parent.insert_child_before(W("del").c_str(), runs.front());
            change_attrs(del, p.id);
            pugi::xml_node last = runs.back();
            for (pugi::xml_node n = runs.front(); n;) {
                pugi::xml_node next = n.next_sibling();
                del.append_move(n);
                if (n == last) break;
                n = next;
            }
            for (auto r : del.children())
                for (auto c : r.children())
                    if (local(c.name()) == "t") c.set_name(W("delText").c_str());
            anchor = del;
            // The deleted run's properties, for the inserted text.
            props_from = runs.front();
        }
        if (!p.d->fix->replacement.empty()) {
            pugi::xml_node ins = anchor ? parent.insert_child_after(W("ins").c_str(), anchor)
                                 : after ? parent.insert_child_after(W("ins").c_str(), after)
                                         : parent.insert_child_before(W("ins").c_str(), props_from);
            change_attrs(ins, p.ins_id);
            pugi::xml_node r = ins.append_child(W("r").c_str());
            if (auto rpr = kid(props_from, "rPr")) r.append_copy(rpr);
            pugi::xml_node t = r.append_child(W("t").c_str());
            set_text(t, xml_safe(p.d->fix->replacement));
        }
        return true;
    }

    // Consecutive plain runs (text and tabs only) of one parent, in order,
    // with at most bookmarks and proofing marks between them.
    static bool plain_siblings(const std::vector<pugi::xml_node>& runs) {
        std::set<pugi::xml_node> wanted(runs.begin(), runs.end());
        size_t seen = 0;
        for (auto n = runs.front(); n; n = n.next_sibling()) {
            if (n.type() != pugi::node_element) continue;
            std::string_view name = local(n.name());
            if (wanted.count(n)) {
                if (name != "r" || !plain_run(n)) return false;
                if (++seen == runs.size()) break;
            } else if (name != "bookmarkStart" && name != "bookmarkEnd" && name != "proofErr") {
                return false;
            }
        }
        return seen == runs.size();
    }

    static bool plain_run(pugi::xml_node r) {
        for (auto c : r.children()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view n = local(c.name());
            if (n != "rPr" && n != "t" && n != "tab" && n != "lastRenderedPageBreak" && n != "softHyphen") return false;
        }
        return true;
    }

    pugi::xml_node reference_run(pugi::xml_node parent, pugi::xml_node after, long long id) {
        pugi::xml_node r = after ? parent.insert_child_after(W("r").c_str(), after) : parent.append_child(W("r").c_str());
        r.append_child(W("commentReference").c_str()).append_attribute(W("id").c_str()) = std::to_string(id).c_str();
        return r;
    }

    void mark_span(const Plan& p) {
        pugi::xml_node first = run_starting(p.para, p.begin);
        pugi::xml_node last = run_ending(p.end_para, p.end);
        if (!first || !last) {
            Plan q = p;
            q.kind = Plan::Paragraph;
            mark_paragraph(q);
            return;
        }
        std::string id = std::to_string(p.id);
        first.parent().insert_child_before(W("commentRangeStart").c_str(), first).append_attribute(W("id").c_str()) =
            id.c_str();
        pugi::xml_node end = last.parent().insert_child_after(W("commentRangeEnd").c_str(), last);
        end.append_attribute(W("id").c_str()) = id.c_str();
        reference_run(last.parent(), end, p.id);
    }

    // Around one run (a note's reference mark).
    void mark_run(const Plan& p) {
        std::string id = std::to_string(p.id);
        p.run.parent().insert_child_before(W("commentRangeStart").c_str(), p.run).append_attribute(W("id").c_str()) =
            id.c_str();
        pugi::xml_node end = p.run.parent().insert_child_after(W("commentRangeEnd").c_str(), p.run);
        end.append_attribute(W("id").c_str()) = id.c_str();
        reference_run(p.run.parent(), end, p.id);
    }

    void mark_paragraph(const Plan& p) {
        auto it = map_.paras.find(p.para);
        if (it == map_.paras.end()) it = map_.paras.begin();
        if (it == map_.paras.end()) throw std::runtime_error("the document has no paragraph to attach a comment to");
        pugi::xml_node para = it->second;
        std::string id = std::to_string(p.id);
        pugi::xml_node ppr = kid(para, "pPr");
        pugi::xml_node start = ppr ? para.insert_child_after(W("commentRangeStart").c_str(), ppr)
                                   : para.prepend_child(W("commentRangeStart").c_str());
        start.append_attribute(W("id").c_str()) = id.c_str();
        pugi::xml_node end = para.append_child(W("commentRangeEnd").c_str());
        end.append_attribute(W("id").c_str()) = id.c_str();
        reference_run(para, end, p.id);
    }

    pugi::xml_document& doc_;
    BodyMap& map_;
    const AnnotateOptions& opts_;
    std::string w_, date_;
    std::map<uint32_t, std::vector<TextPiece>> by_para_;
    std::vector<Plan> plans_;
    uint32_t first_para_ = 0;
    long long comments_max_ = -1;
};

// The text of a finding's comment: severity and message (rule id), the
// legal basis, the suggested correction.
std::vector<std::string> comment_lines(const Plan& p, const AnnotateOptions& opts, const std::string& original) {
    const bool en = opts.lang == "en";
    const Diagnostic& d = *p.d;
    std::vector<std::string> lines;
    lines.push_back(std::string(severity_word(d.severity, opts.lang)) + ": " + d.message + " [" + d.rule + "]");
    if (!d.legal_basis.empty()) lines.push_back((en ? "Basis: " : "Căn cứ: ") + d.legal_basis);
    if (d.fix) {
        const std::string& r = d.fix->replacement;
        std::string q0 = en ? "\xE2\x80\x9C" : "\xE2\x80\x9C", q1 = "\xE2\x80\x9D";
        if (original.empty() && !r.empty()) lines.push_back((en ? "Suggestion: insert " : "Đề xuất: thêm ") + q0 + r + q1);
        else if (r.empty() && !original.empty())
            lines.push_back((en ? "Suggestion: delete " : "Đề xuất: xoá ") + q0 + original + q1);
        else if (!original.empty())
            lines.push_back((en ? "Suggestion: replace " : "Đề xuất: thay ") + q0 + original + q1 + (en ? " with " : " bằng ") +
                            q0 + r + q1);
    }
    if (!p.note.empty()) lines.push_back(p.note);
    return lines;
}

void add_comment(pugi::xml_node root, const std::string& w, const Plan& p, const AnnotateOptions& opts,
                 const std::string& date, const std::string& original) {
    auto W = [&](const char* n) { return w.empty() ? std::string(n) : w + ":" + n; };
    pugi::xml_node c = root.append_child(W("comment").c_str());
    c.append_attribute(W("id").c_str()) = std::to_string(p.id).c_str();
    c.append_attribute(W("author").c_str()) = opts.author.c_str();
    c.append_attribute(W("date").c_str()) = date.c_str();
    c.append_attribute(W("initials").c_str()) = opts.initials.c_str();
    bool first = true;
    for (const auto& line : comment_lines(p, opts, original)) {
        pugi::xml_node para = c.append_child(W("p").c_str());
        if (first) para.append_child(W("r").c_str()).append_child(W("annotationRef").c_str());
        first = false;
        pugi::xml_node t = para.append_child(W("r").c_str()).append_child(W("t").c_str());
        t.append_attribute("xml:space") = "preserve";
        t.text().set(xml_safe(line).c_str());
    }
}

std::string read_part(ZipReader& zip, const std::string& name, bool& found) {
    auto r = zip.read(name);
    if (auto* bad = std::get_if<UnreadableInput>(&r)) throw std::runtime_error(bad->reason);
    auto& data = std::get<std::optional<std::string>>(r);
    found = data.has_value();
    return found ? *data : std::string();
}

bool ieq(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

std::optional<std::string> annotate_docx_document(std::string_view bytes, const std::vector<Diagnostic>& diags,
                                                  const AnnotateOptions& opts, std::string* error,
                                                  AnnotateSummary* summary) {
    auto fail = [&](std::string why) -> std::optional<std::string> {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
    Options ropts;
    auto opened = ZipReader::open(bytes, ropts);
    if (auto* bad = std::get_if<UnreadableInput>(&opened)) return fail(bad->reason);
    auto& zip = *std::get<std::unique_ptr<ZipReader>>(opened);
    bool found = false;
    std::string doc_xml = read_part(zip, "word/document.xml", found);
    if (!found) return fail("not a Word document: word/document.xml is missing from the .docx");
    pugi::xml_document doc;
    parse_or_throw(doc, doc_xml, "word/document.xml");
    BodyMap map;
    if (auto bad = map_body(zip, doc, map)) return fail(bad->reason);

    // Where the comments live: the document's relationship to them, else
    // word/comments.xml (new).
    std::string rels_name = "word/_rels/document.xml.rels";
    std::string rels_xml = read_part(zip, rels_name, found);
    pugi::xml_document rels;
    bool rels_found = found, rels_changed = false;
    if (rels_found) parse_or_throw(rels, rels_xml, rels_name);
    else {
        auto root = rels.append_child("Relationships");
        root.append_attribute("xmlns") = kRelsNs;
        auto decl = rels.prepend_child(pugi::node_declaration);
        decl.append_attribute("version") = "1.0";
        decl.append_attribute("encoding") = "UTF-8";
        decl.append_attribute("standalone") = "yes";
        rels_changed = true;
    }
    std::string comments_name;
    std::set<std::string> rel_ids;
    for (auto r : rels.document_element().children()) {
        if (local(r.name()) != "Relationship") continue;
        rel_ids.insert(r.attribute("Id").value());
        if (std::string_view(r.attribute("Type").value()) == kCommentsRel) {
            std::string target = r.attribute("Target").value();
            if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
            comments_name = !target.empty() && target[0] == '/' ? target.substr(1) : "word/" + target;
        }
    }
    if (comments_name.empty()) {
        comments_name = "word/comments.xml";
        std::string id;
        for (int n = 1;; ++n)
            if (!rel_ids.count(id = "rId" + std::to_string(n))) break;
        auto r = rels.document_element().append_child("Relationship");
        r.append_attribute("Id") = id.c_str();
        r.append_attribute("Type") = kCommentsRel;
        r.append_attribute("Target") = "comments.xml";
        rels_changed = true;
    }

    std::string comments_xml = read_part(zip, comments_name, found);
    pugi::xml_document comments;
    if (found) parse_or_throw(comments, comments_xml, comments_name);
    else {
        auto decl = comments.append_child(pugi::node_declaration);
        decl.append_attribute("version") = "1.0";
        decl.append_attribute("encoding") = "UTF-8";
        decl.append_attribute("standalone") = "yes";
        std::string w = prefix_of(doc.document_element());
        auto root = comments.append_child((w.empty() ? std::string("comments") : w + ":comments").c_str());
        root.append_attribute((w.empty() ? std::string("xmlns") : "xmlns:" + w).c_str()) = kMainNs;
    }
    if (local(comments.document_element().name()) != "comments")
        return fail(comments_name + " is not a comments part");

    // The content type of a new comments part.
    std::string types_xml = read_part(zip, "[Content_Types].xml", found);
    pugi::xml_document types;
    bool types_changed = false;
    if (found) parse_or_throw(types, types_xml, "[Content_Types].xml");
    else {
        auto root = types.append_child("Types");
        root.append_attribute("xmlns") = kTypesNs;
        types_changed = true;
    }
    {
        bool has = false;
        for (auto o : types.document_element().children())
            if (local(o.name()) == "Override" && ieq(o.attribute("PartName").value(), "/" + comments_name)) has = true;
        if (!has) {
            auto o = types.document_element().append_child("Override");
            o.append_attribute("PartName") = ("/" + comments_name).c_str();
            o.append_attribute("ContentType") = kCommentsType;
            types_changed = true;
        }
    }

    Annotator a(doc, map, opts);
    a.set_comments_max(max_id(comments.document_element()));
    a.plan(diags);
    // The text a fix replaces, read before the runs are split and moved.
    std::vector<std::string> originals;
    for (const auto& p : a.plans()) {
        std::string o;
        if (p.d->fix && p.d->fix->line == p.d->fix->end_line && p.d->fix->column > 0 &&
            p.d->fix->end_column >= p.d->fix->column)
            o = a.shown(p.d->fix->line, p.d->fix->column - 1, p.d->fix->end_column - 1);
        originals.push_back(o);
    }
    a.apply();
    AnnotateSummary s;
    std::string w = prefix_of(comments.document_element());
    for (size_t i = 0; i < a.plans().size(); ++i) {
        const auto& p = a.plans()[i];
        if (p.kind == Plan::Change) {
            ++s.suggestions;
            continue;
        }
        ++s.comments;
        if (p.kind == Plan::Paragraph && !p.run) ++s.on_paragraph;
        add_comment(comments.document_element(), w, p, opts, a.date(), originals[i]);
    }
    if (summary) *summary = s;
    if (diags.empty()) return std::string(bytes);

    std::vector<ZipPart> parts;
    parts.push_back({"word/document.xml", save(doc)});
    if (s.comments) {
        parts.push_back({comments_name, save(comments)});
        if (rels_changed) parts.push_back({rels_name, save(rels)});
        if (types_changed) parts.push_back({"[Content_Types].xml", save(types)});
    }
    return rewrite_zip(bytes, parts);
}

}  // namespace plancheck::ingest
