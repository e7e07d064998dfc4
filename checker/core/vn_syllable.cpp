// A small Vietnamese syllable checker: onset + rime, at most one tone mark.
// It only has to separate real Vietnamese from text decoded with the wrong
// code table (where letters come out as "KÕ ho¹ch" or "ờỡ"), so it accepts
// every real syllable and some impossible ones (no tone/coda constraints).
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>
#include <utf8proc.h>

#include "core/legacy_vn.h"
#include "core/string_hash.h"
#include "core/vn_syllable.h"
#include "core/utf8.h"

namespace plancheck::legacy {

namespace {

constexpr std::array<std::u32string_view, 27> kOnsets = {
    U"ngh", U"ng", U"nh", U"ch", U"gh", U"gi", U"kh", U"ph", U"qu", U"th", U"tr", U"b", U"c",
    U"d",   U"đ",  U"g",  U"h",  U"k",  U"l",  U"m",  U"n",  U"p",  U"r",  U"s",  U"t", U"v",
    U"x"};

constexpr std::array<std::u32string_view, 51> kNuclei = {
    U"iêu", U"oai", U"oay", U"oeo", U"uây", U"uôi", U"uya", U"uyê", U"uyu", U"ươi", U"ươu",
    U"yêu", U"ai",  U"ao",  U"au",  U"ay",  U"âu",  U"ây",  U"eo",  U"êu",  U"ia",  U"iê",
    U"iu",  U"oa",  U"oă",  U"oe",  U"oi",  U"ôi",  U"ơi",  U"oo",  U"ua",  U"uâ",  U"uê",
    U"ui",  U"uô",  U"uơ",  U"uy",  U"ưa",  U"ưi",  U"ươ",  U"ưu",  U"yê",  U"a",   U"ă",
    U"â",   U"e",   U"ê",   U"i",   U"o",   U"ô",   U"ơ"};
constexpr std::array<std::u32string_view, 3> kNuclei2 = {U"u", U"ư", U"y"};

constexpr std::array<std::u32string_view, 9> kCodas = {U"", U"ch", U"ng", U"nh", U"c",
                                                        U"m",  U"n",  U"p",  U"t"};

bool is_nucleus(std::u32string_view v) {
    for (auto n : kNuclei)
        if (n == v) return true;
    for (auto n : kNuclei2)
        if (n == v) return true;
    return false;
}

bool is_rime(std::u32string_view r) {
    for (auto coda : kCodas) {
        if (r.size() <= coda.size() || r.substr(r.size() - coda.size()) != coda) continue;
        if (is_nucleus(r.substr(0, r.size() - coda.size()))) return true;
    }
    return false;
}

bool compute_syllable(std::string_view word) {
    // Lower case, decompose, drop the (single) tone mark, recompose the vowel
    // modifiers (circumflex, breve, horn) which are part of the letters.
    utf8proc_uint8_t* buf = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                          static_cast<utf8proc_ssize_t>(word.size()), &buf,
                          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                                                         UTF8PROC_CASEFOLD));
    if (n < 0) return false;
    std::string d(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
    std::free(buf);
    std::string toneless;
    int tones = 0;
    for (size_t i = 0; i < d.size();) {
        char32_t c = utf8::next(d, i);
        if (c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323) ++tones;
        else utf8::append(toneless, c);
    }
    if (tones > 1) return false;
    std::string composed = utf8::nfc(toneless);
    std::u32string w;
    for (size_t i = 0; i < composed.size();) {
        char32_t c = utf8::next(composed, i);
        if (!(c >= 'a' && c <= 'z') && c != U'đ' && c != U'ă' && c != U'â' && c != U'ê' &&
            c != U'ô' && c != U'ơ' && c != U'ư')
            return false;
        w += c;
    }
    if (is_rime(w)) return true;
    for (auto on : kOnsets) {
        if (w.size() > on.size() && w.compare(0, on.size(), on) == 0 && is_rime(std::u32string_view(w).substr(on.size())))
            return true;
        // "gì", "quá": the onset's last letter doubles as the vowel.
    }
    if (w.size() >= 2 && w.compare(0, 2, U"gi") == 0 && is_rime(U"i" + w.substr(2))) return true;
    return false;
}

}  // namespace

// Memoised per thread: a text uses a few thousand distinct syllables, and the
// check (case fold, decomposition, recomposition) was a third of a full check
// when run for every word. Two levels: a direct-mapped table of recent words
// (a slot per hash, the newest word wins it; a hit is a hash and three
// compares) in front of a hash map, emptied when it fills. The encoding score,
// the usable-text measure and the outline's readability ask for every word of
// a text, and the hash map's look-up alone was a twentieth of a batch check.
// Both are heap objects (std::vector, std::unordered_map) owned by the thread.
bool is_syllable(std::string_view word) {
    if (word.empty() || word.size() > 40) return false;
    constexpr size_t kKeyBytes = 24, kSlotBits = 12;
    struct Slot {
        uint64_t key[3];
        uint8_t size;  // 0: empty
        bool result;
    };
    thread_local std::vector<Slot> recent;
    thread_local std::unordered_map<std::string, bool, StringHash, std::equal_to<>> memo;
    Slot* slot = nullptr;
    uint64_t key[3] = {0, 0, 0};
    if (word.size() <= kKeyBytes) {
        if (recent.empty()) recent.resize(size_t{1} << kSlotBits);
        std::memcpy(key, word.data(), word.size());
        slot = &recent[static_cast<uint64_t>(StringHash{}(word)) >> (64 - kSlotBits)];
        if (slot->size == word.size() && slot->key[0] == key[0] && slot->key[1] == key[1] && slot->key[2] == key[2])
            return slot->result;
    }
    bool r;
    if (auto it = memo.find(word); it != memo.end()) {
        r = it->second;
    } else {
        r = compute_syllable(word);
        if (memo.size() >= (1u << 14)) memo.clear();
        memo.emplace(word, r);
    }
    if (slot) *slot = {{key[0], key[1], key[2]}, static_cast<uint8_t>(word.size()), r};
    return r;
}

namespace {
// Splits `s` into words (letters and combining marks): word(w, non_ascii) for
// each word, other(c) for every other code point.
template <class Word, class Other>
void scan_words(std::string_view s, Word&& word_fn, Other&& other) {
    std::string word;
    bool non_ascii = false;
    auto end_word = [&] {
        if (!word.empty()) word_fn(word, non_ascii);
        word.clear();
        non_ascii = false;
    };
    for (size_t i = 0; i < s.size();) {
        char32_t c = utf8::next(s, i);
        bool letter = utf8::is_letter(c) ||
                      utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_MN;
        if (letter) {
            utf8::append(word, c);
            if (c >= 0x80) non_ascii = true;
            continue;
        }
        end_word();
        other(c);
    }
    end_word();
}
}  // namespace

Score score(std::string_view s) {
    Score sc;
    scan_words(
        s,
        [&](const std::string& word, bool non_ascii) {
            if (!non_ascii) return;
            if (is_syllable(word)) ++sc.valid;
            else ++sc.invalid;
        },
        [&](char32_t c) {
            bool bad = c == 0xFFFD || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ||
                       (c >= 0x80 && c < 0xA0) ||
                       (c >= 0xA1 && c <= 0xBF && c != 0xAB && c != 0xBB && c != 0xB0) ||
                       c == 0x00D7 || c == 0x00F7 || c == 0x0192 || c == 0x02C6 || c == 0x2030 ||
                       c == 0x2039 || c == 0x203A || c == 0x02DC || c == 0x2122 || c == 0x2020 ||
                       c == 0x2021;
            if (bad) ++sc.bad;
        });
    return sc;
}

}  // namespace plancheck::legacy

namespace plancheck::vn {

TextMeasure measure(std::string_view s) {
    TextMeasure m;
    legacy::scan_words(
        s,
        [&](const std::string& word, bool non_ascii) {
            ++m.words;
            if (legacy::is_syllable(word)) {
                ++m.syllables;
                if (non_ascii) ++m.vietnamese;
            }
        },
        [](char32_t) {});
    return m;
}

}  // namespace plancheck::vn
