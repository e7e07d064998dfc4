// A paragraph repeated word for word, or a clause (between ';') repeated
// inside one paragraph. Leading "Căn cứ"/"Thực hiện" is ignored when comparing
// clauses, so "Căn cứ X; X;" is caught.
#include <algorithm>
#include <map>
#include <unordered_map>
#include <vector>

#include "core/utf8.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

std::string strip_lead(const std::string& folded) {
    for (const char* lead : {"can cu theo ", "can cu ", "thuc hien ", "trien khai "}) {
        std::string l(lead);
        if (folded.compare(0, l.size(), l) == 0) return folded.substr(l.size());
    }
    return folded;
}

class DuplicateParagraph final : public Rule {
public:
    DuplicateParagraph(RuleMeta m, size_t min_chars, size_t min_clause, bool clauses, Scope scope, Scope clause_scope)
        : Rule(std::move(m)), min_(min_chars), min_clause_(min_clause), clauses_(clauses), scope_(scope),
          clause_scope_(clause_scope) {}

    // What is not compared as a paragraph: the closing, table cells (an appendix table that
    // restates the tasks with their agencies, a cell repeated down a column)
    // and section headings (the same sub-heading under every part of a report;
    // text.duplicate-heading judges headings under one parent).
    static std::vector<bool> excluded(const Model& m) {
        const auto& blocks = m.doc->blocks;
        std::vector<bool> out(blocks.size(), false);
        // The closing's recipients ("Nơi nhận") name again whom the letter was sent to.
        for (uint32_t b = 0; b < blocks.size(); ++b)
            out[b] = blocks[b].in_table || blocks[b].kind == BlockKind::TableCell || in_scope(m, b, Scope::Closing);
        for (const auto& s : m.outline.sections)
            if (s.heading && s.block < out.size()) out[s.block] = true;
        return out;
    }

    void check(const Context& ctx, Emitter& emit) const override {
        const auto& blocks = ctx.model.doc->blocks;
        std::vector<bool> skip = excluded(ctx.model);
        struct Seen {
            uint32_t first;
            int count;
        };
        // Paragraphs by the hash of their folded text (a text compared with the
        // first of its hash only when the hash is met again: a long report's
        // folded paragraphs were kept as keys, a byte for each of its bytes).
        std::vector<Seen> seen;
        std::unordered_multimap<uint64_t, uint32_t> by_hash;  // -> index into seen
        std::vector<std::pair<uint32_t, uint32_t>> repeats;   // block, index into seen
        for (uint32_t b = 0; b < blocks.size(); ++b) {
            if (!in_scope(ctx.model, b, scope_)) continue;
            const std::string& t = blocks[b].text;
            if (!skip[b]) {
                std::string f = utf8::fold(t);
                if (f.size() >= min_) {
                    const uint64_t h = std::hash<std::string>{}(f);
                    auto [lo, hi] = by_hash.equal_range(h);
                    auto same = std::find_if(lo, hi, [&](const auto& e) {
                        return utf8::fold(blocks[seen[e.second].first].text) == f;
                    });
                    if (same != hi) {
                        ++seen[same->second].count;
                        repeats.emplace_back(b, same->second);
                        continue;
                    }
                    by_hash.emplace(h, static_cast<uint32_t>(seen.size()));
                    seen.push_back({b, 1});
                }
            }
            if (clauses_ && in_scope(ctx.model, b, clause_scope_)) check_clauses(b, blocks[b], emit);
        }
        // A text written three times or more is a form's boilerplate (a scoring
        // formula under every criterion, a caption on every page), not a
        // paragraph pasted twice by mistake.
        for (const auto& [b, k] : repeats) {
            const Seen& s = seen[k];
            if (s.count > 2) continue;
            Pos first = blocks[s.first].locate(0);
            emit.at_block(b, {{"first_line", std::to_string(first.line)}, {"first_column", std::to_string(first.column)}});
        }
    }

private:
    void check_clauses(uint32_t b, const Block& blk, Emitter& emit) const {
        const std::string& t = blk.text;
        // One clause cannot repeat itself: without a ';' there is nothing to
        // compare, and folding the paragraph a second time was a tenth of a check.
        if (t.find(';') == std::string::npos) return;
        std::map<std::string, size_t> seen;
        size_t start = 0;
        while (start < t.size()) {
            size_t end = t.find(';', start);
            if (end == std::string::npos) end = t.size();
            std::string_view clause = utf8::trim(std::string_view(t).substr(start, end - start));
            std::string f = strip_lead(utf8::fold(clause));
            if (f.size() >= min_clause_) {
                auto cb = static_cast<size_t>(clause.data() - t.data());
                auto [it, fresh] = seen.emplace(f, cb);
                if (!fresh) {
                    Pos first = blk.locate(it->second);
                    emit.at({b, static_cast<uint32_t>(cb), static_cast<uint32_t>(cb + clause.size())},
                            {{"first_line", std::to_string(first.line)},
                             {"first_column", std::to_string(first.column)}});
                }
            }
            start = end + 1;
        }
    }
    size_t min_, min_clause_;
    bool clauses_;
    Scope scope_, clause_scope_;
};

Scope parse_scope_value(const Params& p, const std::string& key, Scope fallback) {
    if (!p.has(key)) return fallback;
    std::string s = p.str(key);
    if (s == "all") return Scope::All;
    if (s == "body") return Scope::Body;
    if (s == "bases") return Scope::Bases;
    p.fail(key, "expected all, body or bases");
}

}  // namespace

std::unique_ptr<Rule> make_duplicate_paragraph(RuleMeta meta, const Params& p) {
    long min_chars = p.integer("min_chars", 40);
    if (min_chars < 1) p.fail("min_chars", "must be positive");
    long min_clause = p.integer("min_clause_chars", 20);
    if (min_clause < 1) p.fail("min_clause_chars", "must be positive");
    bool clauses = p.boolean("clauses", true);
    Scope scope = read_scope(p, Scope::All);
    Scope clause_scope = parse_scope_value(p, "clause_scope", Scope::Body);
    return std::make_unique<DuplicateParagraph>(std::move(meta), static_cast<size_t>(min_chars),
                                                static_cast<size_t>(min_clause), clauses, scope,
                                                clause_scope);
}

}  // namespace plancheck::rules
