#include "core/deadline.h"
#include "core/utf8.h"
#include "rules/rule.h"

namespace plancheck::rules {

namespace {

// A source line longer than this is cut to a window around the finding in its
// excerpt (docs/architecture.md, "Budgets and limits"): 6,250 findings on one
// 100 KB line each copied the whole line (2.6 GB). The longest excerpt on the
// 103 real documents (a .docx paragraph) is 3.4 KB, which stays whole.
constexpr size_t kMaxExcerptBytes = 8192;
constexpr size_t kExcerptContext = 2048;  // bytes each side of the finding's start

std::string excerpt_of(std::string_view line, uint32_t column) {
    if (line.size() <= kMaxExcerptBytes) return std::string(line);
    size_t at = 0;  // byte offset of the finding's first code point
    for (uint32_t c = 1; c < column && at < line.size(); ++c) utf8::next(line, at);
    auto boundary = [&](size_t i) {
        while (i > 0 && i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) --i;
        return i;
    };
    size_t from = boundary(at > kExcerptContext ? at - kExcerptContext : 0);
    size_t to = boundary(std::min(line.size(), at + kExcerptContext));
    std::string out = from > 0 ? "…" : "";
    out.append(line.substr(from, to - from));
    if (to < line.size()) out += "…";
    return out;
}

}  // namespace

std::string Emitter::render(const Args& args, const std::string& variant) const {
    const auto* messages = &meta_.message;
    if (!variant.empty()) {
        auto v = meta_.variants.find(variant);
        if (v != meta_.variants.end()) messages = &v->second;
    }
    auto it = messages->find(opts_.lang);
    if (it == messages->end()) it = messages->find("vi");
    std::string tpl = it == messages->end() ? meta_.id : it->second;
    std::string out;
    for (size_t i = 0; i < tpl.size(); ++i) {
        if (tpl[i] == '{') {
            auto close = tpl.find('}', i);
            if (close != std::string::npos) {
                std::string name = tpl.substr(i + 1, close - i - 1);
                bool found = false;
                for (const auto& [k, v] : args)
                    if (k == name) { out += v; found = true; break; }
                if (found) { i = close; continue; }
            }
        }
        out += tpl[i];
    }
    return out;
}

Diagnostic& Emitter::at(const TextRef& ref, const Args& args, const std::string& variant) {
    deadline::check();  // a rule finding very many things (one per typo of a 100 KB line)
    const Block& b = model_.doc->blocks.at(ref.block);
    Pos s = b.locate(ref.begin);
    if (listed_ >= kMaxFindingsPerRule) {
        if (over_++ == 0) {
            first_over_ = s;
            first_over_block_ = ref.block;
        }
        spare_ = Diagnostic();
        return spare_;
    }
    ++listed_;
    Pos e = b.locate(ref.end);
    if (e.line == s.line && e.column <= s.column) e.column = s.column + 1;
    Diagnostic d;
    d.rule = meta_.id;
    d.category = meta_.category;
    d.severity = meta_.severity;
    d.message = render(args, variant);
    d.line = s.line;
    d.column = s.column;
    d.end_line = e.line;
    d.end_column = e.column;
    d.excerpt = excerpt_of(b.source_line(s.line), s.column);
    d.legal_basis = meta_.legal_basis;
    out_.push_back(std::move(d));
    return out_.back();
}

Diagnostic& Emitter::at_block(uint32_t b, const Args& args) {
    const Block& blk = model_.doc->blocks.at(b);
    return at(TextRef{b, 0, static_cast<uint32_t>(blk.text.size())}, args);
}

Diagnostic& Emitter::missing_before(uint32_t b, const Args& args) {
    const auto& blocks = model_.doc->blocks;
    if (b < blocks.size()) {
        Diagnostic& d = at(TextRef{b, 0, 0}, args);
        d.end_line = d.line;
        d.end_column = d.column;
        return d;
    }
    if (!blocks.empty()) {
        // Past the last block: point just after its end.
        const Block& last = blocks.back();
        auto n = static_cast<uint32_t>(last.text.size());
        Diagnostic& d = at(TextRef{static_cast<uint32_t>(blocks.size() - 1), n, n}, args);
        d.end_line = d.line;
        d.end_column = d.column;
        return d;
    }
    Diagnostic d;
    d.rule = meta_.id;
    d.category = meta_.category;
    d.severity = meta_.severity;
    d.message = render(args);
    d.line = d.column = d.end_line = d.end_column = 1;
    d.legal_basis = meta_.legal_basis;
    out_.push_back(std::move(d));
    return out_.back();
}

void Emitter::finish() {
    if (over_ == 0) return;
    Diagnostic d;
    d.rule = meta_.id;
    d.category = meta_.category;
    d.severity = meta_.severity;
    const std::string n = std::to_string(over_), max = std::to_string(kMaxFindingsPerRule);
    d.message = opts_.lang == "en"
                    ? "… and " + n + " more findings of this rule, not listed: plancheck lists the first " + max +
                          " of each rule in a document"
                    : "… và " + n + " chỗ khác cùng loại không được liệt kê: plancheck chỉ liệt kê " + max +
                          " chỗ đầu tiên của mỗi quy tắc trong một văn bản";
    d.line = d.end_line = first_over_.line;
    d.column = first_over_.column;
    d.end_column = first_over_.column + 1;
    d.excerpt = excerpt_of(model_.doc->blocks.at(first_over_block_).source_line(first_over_.line), first_over_.column);
    d.legal_basis = meta_.legal_basis;
    out_.push_back(std::move(d));
}

}  // namespace plancheck::rules
