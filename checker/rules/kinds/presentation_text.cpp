// Size, weight and alignment of the components the structure stage found,
// against Decree 30/2020 Appendix I, Part I.II.
//
// presentation-component: one component (params.component: national-title,
// motto, agency, number, place-date, type-name, title, subject, bases,
// recipients, recipient-items, authority, signer-position, signer-name,
// part-chapter, article) and what it must be: `size: [min, max]` in points,
// `bold`, `italic` (true or false; absent = not judged), `align: center`.
// Each block is judged by the formatting of most of its letters (a bold
// comma is not a bold line); the alignment only where the block has its
// paragraph to itself (two columns laid out with tabs say nothing by their
// alignment). One finding per rule and document, at the first block that
// differs, naming what was found and what is required. For `agency`, `bold`
// is asked of the issuing body (the last agency line), not of the body above.
//
// presentation-body: the running text of the body (Part I.II item 6.e),
// outside tables: `check: size` (13-14 pt), `align` (justified), `indent`
// (first line 1 cm or 1.27 cm), `spacing` (at least 6 pt between
// paragraphs: space before + after) or `line-spacing` (single to 1.5 lines).
// Alignment, indent and spacing are asked of paragraphs of running text (at
// least `min_chars` characters, not a heading, not a numbered list item);
// the size of every body line. One finding per document at the first
// paragraph that differs, with how many of how many differ.
//
// On a PDF (presentation::printed) both kinds give notes: the components
// without their alignment, and the body only its size, judged by the size
// most of it is printed in; lines with no Vietnamese word are skipped.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <stdexcept>

#include "core/utf8.h"
#include "core/vn_syllable.h"
#include "rules/kinds/kinds.h"
#include "rules/kinds/presentation_common.h"

namespace plancheck::rules {
namespace {

using namespace presentation;

struct Range {
    double lo = 0, hi = 0;
    bool set = false;
    bool holds(double v) const { return !set || (v >= lo - 1e-9 && v <= hi + 1e-9); }
};

Range read_range(const Params& p, const std::string& key) {
    Range r;
    if (!p.has(key)) return r;
    auto v = p.strings(key);
    if (v.size() != 2) p.fail(key, "expected [min, max]");
    try {
        r.lo = std::stod(v[0]);
        r.hi = std::stod(v[1]);
    } catch (const std::exception&) {
        p.fail(key, "expected two numbers");
    }
    if (r.lo > r.hi || r.lo <= 0) p.fail(key, "expected 0 < min <= max");
    r.set = true;
    return r;
}

std::string align_name(const std::string& a, bool en) {
    if (a == "right" || a == "end") return en ? "right-aligned" : "canh phải";
    if (a == "both" || a == "distribute") return en ? "justified" : "canh đều hai lề";
    if (a == "center") return en ? "centred" : "canh giữa";
    return en ? "left-aligned" : "canh trái";
}

void add(std::string& list, const std::string& item) {
    if (!list.empty()) list += ", ";
    list += item;
}

enum class Component {
    NationalTitle, Motto, Agency, Number, PlaceDate, TypeName, Title, Subject, Bases, Recipients,
    RecipientItems, Authority, SignerPosition, SignerName, PartChapter, Article
};

class PresentationComponent final : public Rule {
public:
    PresentationComponent(RuleMeta m, Component c, Range size, std::optional<bool> bold, std::optional<bool> italic,
                          bool center)
        : Rule(std::move(m)), component_(c), size_(size), bold_(bold), italic_(italic), center_(center) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const Model& m = ctx.model;
        if (m.outline.header.party) return;  // Party documents follow Hướng dẫn 36-HD/VPTW
        auto blocks = component_blocks(m);
        bool en = english(ctx);
        for (size_t i = 0; i < blocks.size(); ++i) {
            uint32_t b = blocks[i];
            if (b >= m.doc->blocks.size()) continue;
            const Block& blk = m.doc->blocks[b];
            if (!blk.format) continue;
            std::string_view text = utf8::trim(blk.text);
            // "Kính gửi: ..." read as a title line, a dash item read as the
            // signer: not the component this rule is about.
            if (component_ == Component::Title && utf8::fold(text.substr(0, 12)).rfind("kinh gui", 0) == 0) continue;
            bool closing = component_ == Component::Authority || component_ == Component::SignerPosition ||
                           component_ == Component::SignerName;
            if (closing && !text.empty() && (text[0] == '-' || text[0] == '+')) continue;
            // A PDF line with no Vietnamese word at all ("VVV", "LLL": glyphs of a
            // signature image read as letters) is not the component, whatever its font.
            if (printed(m) && vn::measure(text).syllables == 0) continue;
            // An article: "Điều 1." is bold, its running text is not.
            Dominant d = component_ == Component::Article ? article_label(m, b) : dominant(blk);
            if (!d.known()) continue;
            std::string found, required;
            if (size_.set && d.size && !size_.holds(d.size / 2.0)) {
                add(found, (en ? "size " : "cỡ ") + points(d.size, en) + " pt");
                add(required, (en ? "size " : "cỡ ") + point_range(size_.lo, size_.hi, en));
            }
            bool ask_bold = bold_ && (component_ != Component::Agency || i + 1 == blocks.size());
            if (ask_bold && *bold_ != d.mostly_bold()) {
                add(found, *bold_ ? (en ? "not bold" : "không đậm") : (en ? "bold" : "đậm"));
                add(required, *bold_ ? (en ? "bold" : "đậm") : (en ? "not bold" : "không đậm"));
            }
            if (italic_ && *italic_ != d.mostly_italic()) {
                add(found, *italic_ ? (en ? "upright" : "chữ đứng") : (en ? "italic" : "chữ nghiêng"));
                add(required, *italic_ ? (en ? "italic" : "chữ nghiêng") : (en ? "upright" : "chữ đứng"));
            }
            if (center_ && !printed(m) && blk.format->paragraph.alignment != "center" && !shares_line(m, b)) {
                add(found, align_name(blk.format->paragraph.alignment, en));
                add(required, align_name("center", en));
            }
            if (found.empty()) continue;
            on_pdf_a_note(m, emit.at({b, 0, static_cast<uint32_t>(blk.text.size())}, {{"found", found}, {"required", required}}));
            return;
        }
    }

private:
    std::vector<uint32_t> component_blocks(const Model& m) const {
        const HeaderInfo& h = m.outline.header;
        const ClosingInfo& c = m.outline.closing;
        auto one = [](const std::optional<uint32_t>& b) { return b ? std::vector<uint32_t>{*b} : std::vector<uint32_t>{}; };
        switch (component_) {
            case Component::NationalTitle: return one(h.national_title);
            case Component::Motto: return one(h.motto);
            case Component::Agency: return h.agency;
            case Component::Number: return one(h.number);
            case Component::PlaceDate: return one(h.place_date);
            case Component::TypeName: return one(h.doc_type);
            case Component::Title: return h.title;
            case Component::Subject: return one(h.subject);
            case Component::Bases: {
                // The bases of issue ("Căn cứ ..."); "Thực hiện ...", "Triển
                // khai ..." open the body of a plan or report in upright text.
                std::vector<uint32_t> out;
                for (const auto& b : m.outline.bases)
                    if (utf8::fold(b.lead) == "can cu") out.push_back(b.block);
                return out;
            }
            case Component::Recipients: return one(c.recipients);
            case Component::RecipientItems: {
                auto out = c.recipient_items;
                if (c.archive && std::find(out.begin(), out.end(), *c.archive) == out.end()) out.push_back(*c.archive);
                return out;
            }
            case Component::Authority: return one(c.authority);
            case Component::SignerPosition: return c.signer_position;
            case Component::SignerName: return one(c.signer_name);
            case Component::PartChapter:
            case Component::Article: {
                std::vector<uint32_t> out;
                for (const auto& s : m.outline.sections) {
                    if (s.segment != 0) continue;  // an attached Điều lệ keeps its own layout
                    bool part = s.label_kind == LabelKind::Part || s.label_kind == LabelKind::Chapter;
                    if (component_ == Component::PartChapter ? part : s.label_kind == LabelKind::Article)
                        out.push_back(s.block);
                }
                return out;
            }
        }
        return {};
    }

    Dominant article_label(const Model& m, uint32_t b) const {
        for (const auto& s : m.outline.sections) {
            if (s.block != b || s.label_kind != LabelKind::Article) continue;
            const Block& blk = m.doc->blocks[b];
            uint32_t begin = s.label_ref.begin, end = s.label_ref.end;
            if (begin >= end) return {};  // Word numbering: the label is not in the text
            return dominant(blk, begin, end);
        }
        return {};
    }

    Component component_;
    Range size_;
    std::optional<bool> bold_, italic_;
    bool center_;
};

enum class BodyCheck { Size, Align, Indent, Spacing, LineSpacing };

class PresentationBody final : public Rule {
public:
    PresentationBody(RuleMeta m, BodyCheck c, Range size, size_t min_chars)
        : Rule(std::move(m)), check_(c), size_(size), min_chars_(min_chars) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const Model& m = ctx.model;
        if (printed(m)) {
            if (check_ == BodyCheck::Size) printed_size(ctx, emit);
            return;  // alignment, indents and spacing are not in a PDF's text layer
        }
        const auto& blocks = m.doc->blocks;
        std::vector<bool> heading(blocks.size(), false);
        for (const auto& s : m.outline.sections)
            if (s.heading && s.block < heading.size()) heading[s.block] = true;
        bool en = english(ctx);
        size_t total = 0, count = 0;
        std::optional<uint32_t> first;
        std::string found_first;
        uint32_t end = std::min<uint32_t>(m.outline.body_end, static_cast<uint32_t>(blocks.size()));
        for (uint32_t b = m.outline.body_begin; b < end; ++b) {
            const Block& blk = blocks[b];
            if (!blk.format || blk.in_table || blk.kind == BlockKind::Footnote || blk.kind == BlockKind::TableCell)
                continue;
            if (shares_line(m, b)) continue;
            Dominant d = dominant(blk);
            if (!d.known()) continue;
            const ParagraphFormat& pf = blk.format->paragraph;
            // Running text: not a heading (numbered, or a bold line the
            // structure did not number), long enough to wrap, not a Word list item.
            bool running = !heading[b] && !d.mostly_bold() && utf8::count(blk.text) >= min_chars_ && blk.label->empty();
            std::string found;
            switch (check_) {
                case BodyCheck::Size:
                    if (!d.size) continue;
                    ++total;
                    if (!size_.holds(d.size / 2.0)) found = (en ? "size " : "cỡ ") + points(d.size, en) + " pt";
                    break;
                case BodyCheck::Align:
                    if (!running) continue;
                    ++total;
                    if (pf.alignment != "both" && pf.alignment != "distribute") found = align_name(pf.alignment, en);
                    break;
                case BodyCheck::Indent: {
                    if (!running) continue;
                    ++total;
                    double cm = twips_to_cm(pf.first_line);
                    // 1 cm = 567 twips, 1,27 cm = 720 (half an inch); a tenth of a millimetre either way.
                    bool ok = std::abs(cm - 1.0) <= 0.06 || std::abs(cm - 1.27) <= 0.06;
                    if (!ok) found = (en ? "first-line indent " : "lùi đầu dòng ") + decimal_cm(cm, en) + " cm";
                    break;
                }
                case BodyCheck::Spacing: {
                    if (!running) continue;
                    ++total;
                    uint32_t gap = pf.space_before + pf.space_after;
                    if (gap + 5 < 120)
                        found = (en ? "spacing between paragraphs " : "khoảng cách đoạn ") + points(gap / 10, en) + " pt";
                    break;
                }
                case BodyCheck::LineSpacing: {
                    if (!running) continue;
                    ++total;
                    found = line_spacing_issue(pf, d.size, en);
                    break;
                }
            }
            if (found.empty()) continue;
            ++count;
            if (!first) first = b, found_first = found;
        }
        if (!first) return;
        std::string required;
        switch (check_) {
            case BodyCheck::Size: required = (en ? "size " : "cỡ ") + point_range(size_.lo, size_.hi, en); break;
            case BodyCheck::Align: required = align_name("both", en); break;
            case BodyCheck::Indent: required = en ? "1 cm or 1.27 cm" : "1 cm hoặc 1,27 cm"; break;
            case BodyCheck::Spacing: required = en ? "at least 6 pt" : "tối thiểu 6 pt"; break;
            case BodyCheck::LineSpacing: required = en ? "single to 1.5 lines" : "từ dòng đơn đến 1,5 dòng"; break;
        }
        emit.at({*first, 0, static_cast<uint32_t>(blocks[*first].text.size())},
                {{"found", found_first}, {"required", required}, {"count", std::to_string(count)},
                 {"total", std::to_string(total)}});
    }

    // A PDF: only the size, and only the size most of the body is printed in
    // (a table or a quotation in a smaller size cannot be told from the body
    // there: a PDF has no tables, only lines). A note.
    void printed_size(const Context& ctx, Emitter& emit) const {
        const Model& m = ctx.model;
        const auto& blocks = m.doc->blocks;
        bool en = english(ctx);
        std::map<uint32_t, size_t> letters;  // size -> letters
        std::vector<std::pair<uint32_t, uint32_t>> sized;  // block, its size
        uint32_t end = std::min<uint32_t>(m.outline.body_end, static_cast<uint32_t>(blocks.size()));
        for (uint32_t b = m.outline.body_begin; b < end; ++b) {
            const Block& blk = blocks[b];
            if (!blk.format || blk.kind == BlockKind::Footnote) continue;
            Dominant d = dominant(blk);
            if (!d.known() || !d.size) continue;
            letters[d.size] += d.letters;
            sized.push_back({b, d.size});
        }
        uint32_t main = 0;
        size_t most = 0;
        for (auto [sz, n] : letters)
            if (n > most) most = n, main = sz;
        if (!main || size_.holds(main / 2.0)) return;
        std::optional<uint32_t> first;
        size_t count = 0;
        for (auto [b, sz] : sized)
            if (sz == main) {
                ++count;
                if (!first) first = b;
            }
        on_pdf_a_note(m, emit.at({*first, 0, static_cast<uint32_t>(blocks[*first].text.size())},
                                 {{"found", (en ? "size " : "cỡ ") + points(main, en) + " pt"},
                                  {"required", (en ? "size " : "cỡ ") + point_range(size_.lo, size_.hi, en)},
                                  {"count", std::to_string(count)},
                                  {"total", std::to_string(sized.size())}}));
    }

private:
    static std::string decimal_cm(double cm, bool en) {
        double r = std::round(cm * 100.0) / 100.0;
        std::string s = std::to_string(r);
        s = s.substr(0, s.find('.') + 3);
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
        if (!en) std::replace(s.begin(), s.end(), '.', ',');
        return s;
    }
    // Single (240/240 of a line) to 1.5 lines; an exact or minimum spacing is
    // read against the font size (Times New Roman's single line is about 1.15
    // times its size).
    static std::string line_spacing_issue(const ParagraphFormat& pf, uint32_t size_half_points, bool en) {
        uint32_t v = pf.line_spacing;
        if (!v) return {};
        if (pf.line_rule.empty() || pf.line_rule == "auto") {
            if (v + 6 >= 240 && v <= 366) return {};
            return (en ? "line spacing " : "giãn dòng ") + decimal(v / 240.0, en) + (en ? " lines" : " dòng");
        }
        if (!size_half_points) return {};
        double single = size_half_points * 10.0 * 1.15;  // twips
        bool exact = pf.line_rule == "exact";
        if ((exact && v + 10 < size_half_points * 10.0) || v > single * 1.5 + 20)
            return (en ? (exact ? "line spacing exactly " : "line spacing at least ")
                       : (exact ? "giãn dòng chính xác " : "giãn dòng tối thiểu ")) +
                   decimal(v / 20.0, en) + " pt";
        return {};
    }

    BodyCheck check_;
    Range size_;
    size_t min_chars_;
};

std::optional<bool> tri(const Params& p, const std::string& key) {
    if (!p.has(key)) return std::nullopt;
    return p.boolean(key, false);
}

}  // namespace

std::unique_ptr<Rule> make_presentation_component(RuleMeta meta, const Params& p) {
    static const std::pair<const char*, Component> kNames[] = {
        {"national-title", Component::NationalTitle}, {"motto", Component::Motto},
        {"agency", Component::Agency}, {"number", Component::Number},
        {"place-date", Component::PlaceDate}, {"type-name", Component::TypeName},
        {"title", Component::Title}, {"subject", Component::Subject},
        {"bases", Component::Bases}, {"recipients", Component::Recipients},
        {"recipient-items", Component::RecipientItems}, {"authority", Component::Authority},
        {"signer-position", Component::SignerPosition}, {"signer-name", Component::SignerName},
        {"part-chapter", Component::PartChapter}, {"article", Component::Article}};
    std::string name = p.str("component");
    std::optional<Component> c;
    for (auto [n, v] : kNames)
        if (name == n) c = v;
    if (!c) p.fail("component", "unknown component '" + name + "'");
    Range size = read_range(p, "size");
    auto bold = tri(p, "bold"), italic = tri(p, "italic");
    std::string align = p.str("align", "");
    if (!align.empty() && align != "center") p.fail("align", "expected center");
    if (!size.set && !bold && !italic && align.empty()) p.fail("component", "nothing to check: give size, bold, italic or align");
    return std::make_unique<PresentationComponent>(std::move(meta), *c, size, bold, italic, !align.empty());
}

std::unique_ptr<Rule> make_presentation_body(RuleMeta meta, const Params& p) {
    std::string c = p.str("check");
    BodyCheck check = BodyCheck::Size;
    if (c == "size") check = BodyCheck::Size;
    else if (c == "align") check = BodyCheck::Align;
    else if (c == "indent") check = BodyCheck::Indent;
    else if (c == "spacing") check = BodyCheck::Spacing;
    else if (c == "line-spacing") check = BodyCheck::LineSpacing;
    else p.fail("check", "expected size, align, indent, spacing or line-spacing");
    Range size = read_range(p, "size");
    if (check == BodyCheck::Size && !size.set) p.fail("size", "required for check: size");
    long min_chars = p.integer("min_chars", 100);
    if (min_chars < 0) p.fail("min_chars", "expected a number >= 0");
    return std::make_unique<PresentationBody>(std::move(meta), check, size, static_cast<size_t>(min_chars));
}

}  // namespace plancheck::rules
