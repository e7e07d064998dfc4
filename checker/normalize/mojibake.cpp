// Legacy mojibake: UTF-8 text whose letters are really TCVN3 or VNI bytes shown
// through a Western code page ("KÕ ho¹ch" for "Kế hoạch", "Keá hoaïch" in VNI).
// It happens when a .VnTime/VNI document is copied or converted without its
// font. We only detect it: the words are mapped back to Windows-1252 bytes and
// decoded with each legacy table; when most words that are not Vietnamese
// become Vietnamese syllables, an "encoding.mojibake" Observation names the
// table and points at the first such word.
#include "normalize/normalize.h"

#include <algorithm>
#include <utf8proc.h>

#include "core/legacy_vn.h"
#include "core/utf8.h"

namespace plancheck::normalize {

namespace {

bool word_char(char32_t c) {
    if (utf8::is_letter(c)) return true;
    if (c < 0x80) return false;  // ASCII punctuation and digits: no mark, no code-page letter
    if (utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_MN) return true;
    return (c >= 0xA1 && c <= 0xBF) || (c >= 0x0152 && c <= 0x02DC && legacy::cp1252_byte(c) >= 0);
}

// Windows-1252 bytes that display as `word`; empty when some character has none.
// Đ/đ are accepted for Ð/ð because normalize has already replaced those.
std::string to_bytes(std::string_view word) {
    std::string out;
    for (size_t i = 0; i < word.size();) {
        char32_t c = utf8::next(word, i);
        int b = c == 0x0110 ? 0xD0 : c == 0x0111 ? 0xF0 : legacy::cp1252_byte(c);
        if (b < 0) return {};
        out += static_cast<char>(b);
    }
    return out;
}

// Đ/đ is a Vietnamese letter, and in abbreviations it stands next to letters
// that do not make a syllable: "NĐ-CP", "QĐ", "HĐND", a list label "đ)". Such
// a word is evidence of nothing, while TCVN3 é shown as Ð (normalize turns it
// into Đ) sits inside a lower-case word: "phĐp". A word whose only non-ASCII
// letters are Đ/đ is set aside when it is one letter, all upper case, or has
// Đ/đ only first.
bool abbreviation_with_d(std::string_view word) {
    bool upper = true, d_inside = false;
    int letters = 0;
    for (size_t i = 0; i < word.size();) {
        size_t at = i;
        char32_t c = utf8::next(word, i);
        ++letters;
        if (c == 0x0110 || c == 0x0111) {
            d_inside |= at > 0;
            upper &= c == 0x0110;
            continue;
        }
        if (c >= 0x80) return false;
        if (c >= 'a' && c <= 'z') upper = false;
    }
    return letters == 1 || upper || !d_inside;
}

}  // namespace

void detect_mojibake(SourceDocument& doc) {
    using legacy::Encoding;
    constexpr Encoding kTables[] = {Encoding::Tcvn3, Encoding::Vni};
    // Evidence is weighed block by block: a block counts only when the words
    // that decode to Vietnamese outnumber the Vietnamese syllables already in
    // it. A Unicode block with two odd words is Unicode; a pasted mojibake
    // paragraph in a Unicode document still counts.
    int candidates = 0, hits[2] = {0, 0};
    TextRef first[2];
    for (uint32_t b = 0; b < doc.blocks.size(); ++b) {
        const std::string& t = doc.blocks[b].text;
        int block_candidates = 0, native = 0, block_hits[2] = {0, 0};
        TextRef block_first[2];
        size_t i = 0;
        while (i < t.size()) {
            size_t start = i, end = i;
            bool non_ascii = false;
            while (end < t.size()) {
                size_t k = end;
                char32_t c = utf8::next(t, k);
                if (!word_char(c)) break;
                non_ascii |= c >= 0x80;
                end = k;
            }
            if (end == start) {
                utf8::next(t, i);
                continue;
            }
            i = end;
            std::string_view word(t.data() + start, end - start);
            if (!non_ascii) continue;
            if (legacy::is_syllable(word)) {
                ++native;
                continue;
            }
            if (abbreviation_with_d(word)) continue;
            ++block_candidates;
            std::string bytes = to_bytes(word);
            if (bytes.empty()) continue;
            for (int e = 0; e < 2; ++e) {
                if (!legacy::is_syllable(legacy::decode(bytes, kTables[e]))) continue;
                if (block_hits[e]++ == 0)
                    block_first[e] = {b, static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
            }
        }
        if (std::max(block_hits[0], block_hits[1]) <= native) continue;
        candidates += block_candidates;
        for (int e = 0; e < 2; ++e) {
            if (block_hits[e] && hits[e] == 0) first[e] = block_first[e];
            hits[e] += block_hits[e];
        }
    }
    int best = hits[1] > hits[0] ? 1 : 0;
    if (hits[best] >= 2 && hits[best] * 2 >= candidates)
        doc.observations.push_back({"encoding.mojibake", first[best], std::string(legacy::name(kTables[best]))});
}

}  // namespace plancheck::normalize
