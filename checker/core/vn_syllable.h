// How much of a text is Vietnamese: the share of its words that are
// well-formed Vietnamese syllables (legacy::is_syllable). Used after
// layout/normalize to tell a document with usable text from one without
// (poor OCR, binary junk decoded as text, only white space or symbols).
#pragma once

#include <string_view>

namespace plancheck::vn {

struct TextMeasure {
    long words = 0;       // runs of letters (with their combining marks)
    long syllables = 0;   // of which well-formed Vietnamese syllables
    long vietnamese = 0;  // of which with a Vietnamese letter or tone mark (not plain ASCII)
    double share() const { return words ? static_cast<double>(syllables) / static_cast<double>(words) : 0.0; }
    TextMeasure& operator+=(const TextMeasure& o) {
        words += o.words;
        syllables += o.syllables;
        vietnamese += o.vietnamese;
        return *this;
    }
};

// Counts the words of UTF-8 text. Digits, punctuation and symbols separate
// words and are not counted.
TextMeasure measure(std::string_view utf8);

}  // namespace plancheck::vn
