// Helpers shared by rule kinds: scopes, words, case-insensitive search.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_hash.h"
#include "rules/params.h"
#include "rules/rule.h"

namespace plancheck::rules {

// Which blocks a rule looks at.
enum class Scope { All, Header, Title, Bases, Body, Closing };
Scope read_scope(const Params& p, Scope fallback);
bool in_scope(const Model& m, uint32_t block, Scope s);

// The hash of a lower-cased word that lists of words are searched by (a key
// looked up first, the string compared only when it is found).
inline uint64_t word_key(std::string_view lower) { return StringHash{}(lower) | 1; }

struct Word {
    uint32_t begin = 0, end = 0;  // byte offsets in the block text
    std::string lower;            // lower-cased (accents kept)
    // word_key(lower), computed on first use and kept with the word (the
    // per-document word cache shares it between rules; most rules never ask).
    uint64_t key() const {
        if (!key_) key_ = word_key(lower);
        return key_;
    }

private:
    mutable uint64_t key_ = 0;  // 0: not computed yet (word_key is never 0)
};
// Words are maximal runs of letters, digits and in-word marks ('/', '-', '.'
// between alphanumerics, as in "1676/QĐ-TTg").
std::vector<Word> words_of(std::string_view text);
// The first code point of `w` in `text`, and whether it is a capital letter.
char32_t first_cp(std::string_view text, const Word& w);
bool is_upper_cp(char32_t c);
inline bool capitalised(std::string_view text, const Word& w) { return is_upper_cp(first_cp(text, w)); }

// What several rules compute from the same paragraph, computed once per
// document (the repeated-phrase and truncated-item checks both split every
// paragraph into words).
// Bounded: a very large document (a 200 MB report) is not cached, so its
// peak memory stays proportional to its text.
class TextCache {
public:
    explicit TextCache(const Model& m);
    bool enabled() const { return !words_.empty(); }
    const std::vector<Word>& words(uint32_t block);
    // utf8::fold of outline.sections[i].title (every required-section rule
    // folds every title; always cached: titles are short).
    const std::string& folded_title(size_t section);

private:
    const Model& model_;
    std::vector<std::optional<std::vector<Word>>> words_;
    std::vector<std::optional<std::string>> titles_;
};
// utf8::fold of the title of section i, through ctx.cache when there is one (else in scratch).
const std::string& folded_title(const Context& ctx, size_t section, std::string& scratch);
// words_of(the block's text), through ctx.cache when there is one (else in scratch).
std::vector<Word> const& block_words(const Context& ctx, uint32_t block, std::vector<Word>& scratch);
// Calls fn(block, text, words) for every block in `scope`.
template <class Fn>
void for_each_words(const Context& ctx, Scope scope, Fn&& fn) {
    const auto& blocks = ctx.model.doc->blocks;
    std::vector<Word> scratch;
    for (uint32_t b = 0; b < blocks.size(); ++b)
        if (in_scope(ctx.model, b, scope)) fn(b, blocks[b].text, block_words(ctx, b, scratch));
}

// Every case-insensitive occurrence of `needle` in `hay` that starts and ends
// on a word boundary. Offsets are in `hay`.
std::vector<std::pair<size_t, size_t>> find_words_ci(std::string_view hay, std::string_view needle);

// `hay` lower-cased once, with the original offset of every lowered byte, so
// many needles can be searched without lowering the text again for each.
struct LoweredText {
    std::string_view hay;
    std::string low;
    // low byte -> hay byte, one extra entry at the end; left empty when every
    // code point keeps its byte length (nearly always), offsets then agree.
    std::vector<uint32_t> from;
    size_t at(size_t low_pos) const { return from.empty() ? low_pos : from[low_pos]; }
};
LoweredText lower_with_offsets(std::string_view hay);
// As above, on a text lowered once; `needle_lower` must already be lower case.
std::vector<std::pair<size_t, size_t>> find_words_ci(const LoweredText& t, std::string_view needle_lower);

// "Phân" + "phấn đấu" -> "Phấn đấu": keeps the case of the first letter.
std::string match_case(std::string_view like, std::string_view replacement);

}  // namespace plancheck::rules
