// A read-only view of one text with the helpers the citation scanner needs:
// code-point classes, word boundaries and case-insensitive literals, over a
// lower-cased copy that keeps every byte offset (internal to the extract stage).
#pragma once

#include <string>
#include <string_view>

namespace plancheck::extract {

class Text {
public:
    explicit Text(std::string_view t);

    std::string_view t;
    std::string low;  // same byte length as t: a code point whose lower case
                      // would change length is left as is
    size_t size() const { return t.size(); }

    char32_t cp(size_t i, size_t* len = nullptr) const;
    size_t prev(size_t i) const;           // start of the code point before i
    static bool word_cp(char32_t c);       // a letter or digit code point
    bool word_char(size_t i) const;        // letter or digit at i
    bool word_start(size_t i) const;
    size_t word_end(size_t i) const;       // end of the letter/digit run starting at i
    size_t skip_spaces(size_t i) const;
    bool upper_initial(size_t i) const;    // an upper-case letter starts at i
    bool digit(size_t i) const { return i < t.size() && t[i] >= '0' && t[i] <= '9'; }
    bool boundary(size_t i) const { return i >= t.size() || !word_char(i); }
    // Case-insensitive `lit` (lower case) at i ending on a word boundary: its length, or 0.
    size_t lit(size_t i, std::string_view lit) const;
    // Case-sensitive `s` at i ending on a word boundary: its length, or 0.
    size_t exact(size_t i, std::string_view s) const;
    // The word at i in lower case ("" if no word starts there).
    std::string_view low_word(size_t i) const;
};

}  // namespace plancheck::extract
