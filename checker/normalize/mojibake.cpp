// Legacy mojibake: UTF-8 text whose letters are really TCVN3 or VNI bytes shown
// through a Western code page ("KÕ ho¹ch" for "Kế hoạch", "Keá hoaïch" in VNI).
// It happens when a .VnTime/VNI document is copied or converted without its
// font. We only detect it: the words are mapped back to Windows-1252 bytes and
// decoded with each legacy table; when most words that are not Vietnamese
// become Vietnamese syllables, an "encoding.mojibake" Observation names the
// table and points at the first such word.
#include "normalize/normalize.h"

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

}  // namespace

void detect_mojibake(SourceDocument& doc) {
    using legacy::Encoding;
    constexpr Encoding kTables[] = {Encoding::Tcvn3, Encoding::Vni};
    int candidates = 0, hits[2] = {0, 0};
    TextRef first[2];
    for (uint32_t b = 0; b < doc.blocks.size(); ++b) {
        const std::string& t = doc.blocks[b].text;
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
            if (!non_ascii || legacy::is_syllable(word)) continue;
            ++candidates;
            std::string bytes = to_bytes(word);
            if (bytes.empty()) continue;
            for (int e = 0; e < 2; ++e) {
                if (!legacy::is_syllable(legacy::decode(bytes, kTables[e]))) continue;
                if (hits[e]++ == 0) first[e] = {b, static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
            }
        }
    }
    int best = hits[1] > hits[0] ? 1 : 0;
    if (hits[best] >= 2 && hits[best] * 2 >= candidates)
        doc.observations.push_back({"encoding.mojibake", first[best], std::string(legacy::name(kTables[best]))});
}

}  // namespace plancheck::normalize
