// UTF-8 and Vietnamese text helpers shared by every stage.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plancheck::utf8 {

// The out-of-line halves of next() and append() below.
char32_t next_multibyte(std::string_view s, size_t& i);
void append_multibyte(std::string& out, char32_t cp);

// Decodes the code point at s[i], advancing i. Invalid bytes decode as U+FFFD
// and advance by one byte, so loops always terminate.
// Inline with an ASCII fast path: every stage and rule kind decodes text code
// point by code point, and the call itself was a visible share of the profile.
inline char32_t next(std::string_view s, size_t& i) {
    auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    return next_multibyte(s, i);
}
inline void append(std::string& out, char32_t cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else append_multibyte(out, cp);
}
size_t count(std::string_view s);  // code points
bool valid(std::string_view s);
// Byte offset of the code point that starts at or before `offset`.
size_t floor_boundary(std::string_view s, size_t offset);

// Unicode NFC (utf8proc). Invalid UTF-8 is returned unchanged.
std::string nfc(std::string_view s);

// Folding for matching headings and phrases: NFD, combining marks removed,
// đ/Đ/Ð -> d, lower case, runs of white space and punctuation in `sep` -> one
// space, trimmed. "MỤC TIÊU:" and "Mục tiêu" fold to "muc tieu".
std::string fold(std::string_view s);
// The start of fold(s), at least `want` bytes of it (all of it when shorter),
// folding only as much of s as that takes: for tests of how a paragraph
// begins ("noi nhan", "kinh gui") run on every paragraph of a document.
std::string fold_head(std::string_view s, size_t want);

// Lower case with accents kept (NFC), for case-insensitive exact matching.
std::string lower(std::string_view s);
// Lower case of the same byte length as `s`, offsets shared: a code point whose
// lower case has another UTF-8 length (U+0130 İ -> i, U+212A Kelvin -> k) and an
// invalid byte are left as they are, and then *all_lowered is set to false.
// For scanners that index the lowered copy with offsets into the original.
std::string lower_same_length(std::string_view s, bool* all_lowered = nullptr);
// One code point's simple lower case (table lookup for Vietnamese letters).
char32_t lower_cp(char32_t c);
// Upper case with accents kept.
std::string upper(std::string_view s);
// True when every cased letter in s is upper case and there is at least one.
bool is_upper_text(std::string_view s);

bool is_space(char32_t c);
// Letter (Unicode categories Lu..Lo). Inline for ASCII: called per code point
// by the scanners and word splitters.
bool is_letter_nonascii(char32_t c);
inline bool is_letter(char32_t c) {
    if (c < 0x80) return ((c | 0x20) - U'a') < 26;
    return is_letter_nonascii(c);
}
inline bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s);

}  // namespace plancheck::utf8
