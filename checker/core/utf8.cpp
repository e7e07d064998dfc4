#include "core/utf8.h"

#include <utf8proc.h>

#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace plancheck::utf8 {

char32_t next_multibyte(std::string_view s, size_t& i) {
    auto b0 = static_cast<unsigned char>(s[i]);
    const size_t left = s.size() - i;
    // The two- and three-byte forms first, without the general loop: every
    // Vietnamese letter with a mark is one of them (U+00C0-U+01B0, U+1EA0-U+1EF9),
    // and this decoder was a tenth of a check's instructions.
    if (b0 >= 0xC2 && b0 <= 0xDF) {  // C0 and C1 only start overlong forms
        if (left >= 2) {
            auto b1 = static_cast<unsigned char>(s[i + 1]);
            if ((b1 & 0xC0) == 0x80) {
                i += 2;
                return (static_cast<char32_t>(b0 & 0x1F) << 6) | (b1 & 0x3F);
            }
        }
        ++i;
        return 0xFFFD;
    }
    if ((b0 & 0xF0) == 0xE0) {
        if (left >= 3) {
            auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
            if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
                char32_t cp = (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) |
                              (b2 & 0x3F);
                if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
                    i += 3;
                    return cp;
                }
            }
        }
        ++i;
        return 0xFFFD;
    }
    // Four bytes (U+10000-U+10FFFF). Anything else, C0 and C1 included, is
    // one invalid byte; overlong forms and surrogates are rejected so that
    // valid() agrees with other decoders.
    if ((b0 & 0xF8) == 0xF0 && left >= 4) {
        auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]),
             b3 = static_cast<unsigned char>(s[i + 3]);
        if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && (b3 & 0xC0) == 0x80) {
            char32_t cp = (static_cast<char32_t>(b0 & 0x07) << 18) | (static_cast<char32_t>(b1 & 0x3F) << 12) |
                          (static_cast<char32_t>(b2 & 0x3F) << 6) | (b3 & 0x3F);
            if (cp >= 0x10000 && cp <= 0x10FFFF) {
                i += 4;
                return cp;
            }
        }
    }
    ++i;
    return 0xFFFD;
}

namespace {
// UTF-8 bytes of a code point of U+0080 or more into `out`: their count.
size_t encode_multibyte(char32_t cp, char* out) {
    if (cp < 0x800) {
        out[0] = static_cast<char>(0xC0 | (cp >> 6));
        out[1] = static_cast<char>(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = static_cast<char>(0xE0 | (cp >> 12));
        out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out[2] = static_cast<char>(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = static_cast<char>(0xF0 | (cp >> 18));
    out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (cp & 0x3F));
    return 4;
}
}  // namespace

void append_multibyte(std::string& out, char32_t cp) {
    char buf[4];
    out.append(buf, encode_multibyte(cp, buf));
}

size_t count(std::string_view s) {
    // Eight bytes at a time: a byte starts a code point unless it is 10xxxxxx.
    // Block::locate counts from an anchor for every position it maps, so this
    // loop ran over most of the text many times (see bench/RESULTS.md).
    size_t n = 0, i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        // One per byte that is 10xxxxxx, summed by a multiply (no popcount:
        // the baseline x86-64 target has no POPCNT instruction).
        uint64_t cont = ((w >> 7) & ~(w >> 6)) & 0x0101010101010101ULL;
        n += 8 - static_cast<size_t>((cont * 0x0101010101010101ULL) >> 56);
    }
    for (; i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    return n;
}

bool valid(std::string_view s) {
    // The forms next_multibyte accepts, checked in place: decoding each code
    // point through it was 18 instructions a byte of Vietnamese text, where
    // the ASCII runs between marked letters are too short for the eight-byte
    // step, and every file is checked whole before it is split.
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const unsigned char* const e = p + s.size();
    auto cont = [](unsigned char b) { return (b & 0xC0) == 0x80; };
    while (p < e) {
        if (e - p >= 8) {  // ASCII eight bytes at a time
            uint64_t w;
            std::memcpy(&w, p, 8);
            if ((w & 0x8080808080808080ULL) == 0) {
                p += 8;
                continue;
            }
        }
        const unsigned char b0 = *p;
        if (b0 < 0x80) {
            ++p;
        } else if (b0 >= 0xC2 && b0 <= 0xDF) {  // C0 and C1 only start overlong forms
            if (e - p < 2 || !cont(p[1])) return false;
            p += 2;
        } else if ((b0 & 0xF0) == 0xE0) {
            if (e - p < 3 || !cont(p[1]) || !cont(p[2])) return false;
            if (b0 == 0xE0 && p[1] < 0xA0) return false;   // overlong (below U+0800)
            if (b0 == 0xED && p[1] >= 0xA0) return false;  // a surrogate
            p += 3;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            if (e - p < 4 || !cont(p[1]) || !cont(p[2]) || !cont(p[3])) return false;
            if (b0 == 0xF0 && p[1] < 0x90) return false;   // overlong (below U+10000)
            if (b0 == 0xF4 && p[1] >= 0x90) return false;  // above U+10FFFF
            p += 4;
        } else {
            return false;
        }
    }
    return true;
}

size_t floor_boundary(std::string_view s, size_t offset) {
    if (offset >= s.size()) return s.size();
    while (offset > 0 && (static_cast<unsigned char>(s[offset]) & 0xC0) == 0x80) --offset;
    return offset;
}

namespace {
struct FreeDeleter {
    void operator()(void* p) const { std::free(p); }
};

std::string map(std::string_view s, int options) {
    utf8proc_uint8_t* out = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                          static_cast<utf8proc_ssize_t>(s.size()), &out,
                          static_cast<utf8proc_option_t>(options));
    std::unique_ptr<utf8proc_uint8_t, FreeDeleter> hold(out);
    if (n < 0) return std::string(s);
    return std::string(reinterpret_cast<char*>(out), static_cast<size_t>(n));
}

// Case mapping and letter class for the code points Vietnamese text is made of
// (ASCII, Latin-1, Latin Extended-A/B, combining marks, Latin Extended
// Additional U+1E00-1EFF, General Punctuation), looked up once: utf8proc_get_property was the single
// hottest function of a full check. Built on first use (thread-safe static).
constexpr char32_t kTableEnd = 0x2100;  // to General Punctuation: dashes, quotes
struct Tables {
    std::array<char32_t, kTableEnd> lower{};
    std::array<bool, kTableEnd> letter{};
    // 1: has a lower case (an upper-case letter); 2: only an upper case (a
    // lower-case letter); 0: neither.
    std::array<uint8_t, kTableEnd> case_class{};
    Tables() {
        for (char32_t c = 0; c < kTableEnd; ++c) {
            auto cp = static_cast<utf8proc_int32_t>(c);
            lower[c] = static_cast<char32_t>(utf8proc_tolower(cp));
            auto cat = utf8proc_category(cp);
            letter[c] = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
            case_class[c] = lower[c] != c ? 1 : utf8proc_toupper(cp) != cp ? 2 : 0;
        }
    }
};
// Built at load time (about 16k utf8proc look-ups, tens of microseconds) so the
// hot paths need no initialisation guard.
const Tables g_tables;
const Tables& tables() { return g_tables; }

// True when every code point is in U+0000-024F or U+1E00-1EFF (ASCII, Latin-1,
// Latin Extended-A/B, Latin Extended Additional: all precomposed Vietnamese
// letters). No such code point changes under NFC, alone or next to another one
// of them (checked exhaustively against the Unicode data), so such text is
// already NFC. Normalisation calls nfc() per letter; utf8proc_map costs ~1 us.
bool latin_is_nfc(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        size_t at = i;
        char32_t c = next_multibyte(s, i);
        if (c == 0xFFFD && i - at != 3) return false;  // invalid byte: let utf8proc decide
        if (!(c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF))) return false;
    }
    return true;
}
}  // namespace

char32_t lower_cp(char32_t c) {
    if (c < kTableEnd) return tables().lower[c];
    return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
}

std::string nfc(std::string_view s) {
    if (latin_is_nfc(s)) return std::string(s);
    return map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x2007 ||
           c == 0x202F || (c >= 0x2000 && c <= 0x200B) || c == 0x3000 || c == 0xFEFF;
}
bool is_letter_nonascii(char32_t c) {
    if (c < kTableEnd) return tables().letter[c];
    auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

namespace {
constexpr int kFoldOptions = UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD;

// Appends one code point of the decomposed, case-folded text to a fold result.
void fold_put(std::string& out, bool& pending_space, char32_t c) {
    if (c == 0x0111 || c == 0x0110 || c == 0x00D0 || c == 0x00F0) c = 'd';
    if (is_letter(c) || is_digit(c)) {
        if (pending_space && !out.empty()) out += ' ';
        pending_space = false;
        append(out, c);
    } else {
        pending_space = true;
    }
}

std::string fold_slow(std::string_view s) {
    std::string decomposed = map(s, kFoldOptions);
    std::string out;
    out.reserve(decomposed.size());
    bool pending_space = false;
    for (size_t i = 0; i < decomposed.size();) fold_put(out, pending_space, next(decomposed, i));
    return out;
}

// Per code point below kTableEnd: what fold() writes for it, when map(c,
// kFoldOptions) is zero or one code point with combining class 0 (then the map
// of a string is the concatenation of the maps of its code points: STRIPMARK
// removes every mark, so canonical reordering cannot matter). Filled lazily,
// at most once per code point seen; racing threads compute the same value.
// An entry is kFoldUnknown, kFoldComplex (utf8proc_map on the whole string),
// kFoldRemoved (nothing), kFoldSeparator (as fold_put: a pending space) or
// kFoldOutput | length << 24 | the UTF-8 bytes of what fold_put appends, at
// most as many as the code point's own (so the output fits the input's size).
constexpr uint32_t kFoldUnknown = 0, kFoldComplex = 1, kFoldRemoved = 2, kFoldSeparator = 3;
constexpr uint32_t kFoldOutput = 0x80000000u;
std::array<std::atomic<uint32_t>, kTableEnd> g_fold{};

uint32_t fold_entry(char32_t c) {
    uint32_t v = g_fold[c].load(std::memory_order_relaxed);
    if (v != kFoldUnknown) return v;
    std::string one;
    append(one, c);
    std::string m = map(one, kFoldOptions);
    size_t i = 0;
    if (m.empty()) {
        v = kFoldRemoved;
    } else {
        char32_t f = next(m, i);
        bool single = i == m.size() && f != 0xFFFD &&
                      utf8proc_get_property(static_cast<utf8proc_int32_t>(f))->combining_class == 0;
        v = kFoldComplex;
        if (single) {
            std::string put;
            bool pending = false;
            fold_put(put, pending, f);
            if (put.empty()) v = kFoldSeparator;
            else if (put.size() <= one.size()) {
                v = kFoldOutput | static_cast<uint32_t>(put.size()) << 24;
                for (size_t k = 0; k < put.size(); ++k) v |= static_cast<uint32_t>(static_cast<unsigned char>(put[k])) << (8 * k);
            }
        }
    }
    g_fold[c].store(v, std::memory_order_relaxed);
    return v;
}

// ASCII as fold_put treats it: letters lower-cased, digits kept, 0 for the
// rest (a separator).
constexpr std::array<char, 128> kAsciiFold = [] {
    std::array<char, 128> t{};
    for (int b = '0'; b <= '9'; ++b) t[b] = static_cast<char>(b);
    for (int b = 'a'; b <= 'z'; ++b) t[b] = static_cast<char>(b);
    for (int b = 'A'; b <= 'Z'; ++b) t[b] = static_cast<char>(b + ('a' - 'A'));
    return t;
}();
}  // namespace

std::string fold(std::string_view s) {
    // Fast path for the letters documents are written in; anything else (or
    // invalid UTF-8) takes utf8proc_map on the whole string as before. Same
    // result either way: the duplicate-paragraph check folds every paragraph.
    // Written in place: no code point's output is longer than the code point,
    // and a run of separators becomes at most one space.
    std::string out(s.size(), '\0');
    char* const first = out.data();
    char* o = first;
    bool pending_space = false;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const unsigned char* const e = p + s.size();
    while (p < e) {
        const unsigned char b = *p;
        if (b < 0x80) {
            ++p;
            const char m = kAsciiFold[b];
            if (!m) {
                pending_space = true;
                continue;
            }
            if (pending_space && o != first) *o++ = ' ';
            pending_space = false;
            *o++ = static_cast<char>(m);
            continue;
        }
        char32_t c;
        if (b >= 0xC2 && b <= 0xDF && e - p >= 2 && (p[1] & 0xC0) == 0x80) {
            c = static_cast<char32_t>(b & 0x1F) << 6 | (p[1] & 0x3F);
            p += 2;
        } else if ((b & 0xF0) == 0xE0 && e - p >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
                   (b != 0xE0 || p[1] >= 0xA0) && (b != 0xED || p[1] < 0xA0)) {
            c = static_cast<char32_t>(b & 0x0F) << 12 | static_cast<char32_t>(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
            p += 3;
        } else {
            return fold_slow(s);  // four bytes (beyond the table) or invalid
        }
        if (c >= kTableEnd) return fold_slow(s);
        const uint32_t v = fold_entry(c);
        if (v == kFoldComplex) return fold_slow(s);
        if (v == kFoldRemoved) continue;
        if (v == kFoldSeparator) {
            pending_space = true;
            continue;
        }
        if (pending_space && o != first) *o++ = ' ';
        pending_space = false;
        const uint32_t len = (v >> 24) & 0x7F;
        for (uint32_t k = 0; k < len; ++k) *o++ = static_cast<char>(v >> (8 * k));
    }
    out.resize(static_cast<size_t>(o - first));
    return out;
}

std::string fold_head(std::string_view s, size_t want) {
    // The fold of a prefix cut at a code point boundary is a prefix of the
    // whole fold (code points fold one by one; a separator at the cut is only
    // pending), so a prefix long enough to give `want` bytes gives them right.
    // Not so for invalid UTF-8, which fold() as a whole treats apart.
    if (!valid(s)) return fold(s);
    for (size_t take = std::max<size_t>(32, 2 * want);; take *= 4) {
        if (take >= s.size()) return fold(s);
        std::string f = fold(s.substr(0, floor_boundary(s, take)));
        if (f.size() >= want) return f;
    }
}

std::string lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
            ++i;
            continue;
        }
        append(out, lower_cp(next_multibyte(s, i)));
    }
    return out;
}

std::string lower_same_length(std::string_view s, bool* all_lowered) {
    // Copied first, then only upper-case ASCII and multi-byte letters that
    // change are written over (most bytes are lower-case ASCII already).
    std::string out(s);
    bool all = true;
    for (size_t i = 0; i < s.size();) {
        auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            if (b >= 'A' && b <= 'Z') out[i] = static_cast<char>(b + ('a' - 'A'));
            ++i;
            continue;
        }
        size_t at = i;
        char32_t c = next_multibyte(s, i);
        if (c == 0xFFFD && i - at != 3) {  // invalid byte
            all = false;
            continue;
        }
        char32_t l = lower_cp(c);
        if (l == c) continue;
        char enc[4];
        size_t n = 1;
        if (l < 0x80) enc[0] = static_cast<char>(l);
        else n = encode_multibyte(l, enc);
        if (n != i - at) {
            all = false;
            continue;
        }
        std::memcpy(out.data() + at, enc, n);
    }
    if (all_lowered) *all_lowered = all;
    return out;
}

std::string upper(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        char32_t c = next(s, i);
        append(out, static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(c))));
    }
    return out;
}

bool is_upper_text(std::string_view s) {
    bool any = false;
    for (size_t i = 0; i < s.size();) {
        char32_t c = next(s, i);
        // Above the table (rare in this text) utf8proc is asked, as the table was built.
        uint8_t cls = c < kTableEnd ? tables().case_class[c]
                      : utf8proc_tolower(static_cast<utf8proc_int32_t>(c)) != static_cast<utf8proc_int32_t>(c) ? 1
                      : utf8proc_toupper(static_cast<utf8proc_int32_t>(c)) != static_cast<utf8proc_int32_t>(c) ? 2
                                                                                                                : 0;
        if (cls == 1) any = true;
        else if (cls == 2) return false;
    }
    return any;
}

std::string_view trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e) {
        size_t i = b;
        if (!is_space(next(s, i))) break;
        b = i;
    }
    while (e > b) {
        size_t start = floor_boundary(s, e - 1), i = start;
        if (!is_space(next(s, i))) break;
        e = start;
    }
    return s.substr(b, e - b);
}

}  // namespace plancheck::utf8
