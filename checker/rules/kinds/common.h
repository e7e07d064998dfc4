// Helpers shared by rule kinds: scopes, words, case-insensitive search.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/params.h"
#include "rules/rule.h"

namespace plancheck::rules {

// Which blocks a rule looks at.
enum class Scope { All, Header, Title, Bases, Body, Closing };
Scope read_scope(const Params& p, Scope fallback);
bool in_scope(const Model& m, uint32_t block, Scope s);

struct Word {
    uint32_t begin = 0, end = 0;  // byte offsets in the block text
    std::string lower;            // lower-cased (accents kept)
};
// Words are maximal runs of letters, digits and in-word marks ('/', '-', '.'
// between alphanumerics, as in "1676/QĐ-TTg").
std::vector<Word> words_of(std::string_view text);

// Every case-insensitive occurrence of `needle` in `hay` that starts and ends
// on a word boundary. Offsets are in `hay`.
std::vector<std::pair<size_t, size_t>> find_words_ci(std::string_view hay, std::string_view needle);

// `hay` lower-cased once, with the original offset of every lowered byte, so
// many needles can be searched without lowering the text again for each.
struct LoweredText {
    std::string_view hay;
    std::string low;
    std::vector<uint32_t> from;  // low byte -> hay byte; one extra entry at the end
};
LoweredText lower_with_offsets(std::string_view hay);
// As above, on a text lowered once; `needle_lower` must already be lower case.
std::vector<std::pair<size_t, size_t>> find_words_ci(const LoweredText& t, std::string_view needle_lower);

// "Phân" + "phấn đấu" -> "Phấn đấu": keeps the case of the first letter.
std::string match_case(std::string_view like, std::string_view replacement);

}  // namespace plancheck::rules
