// Test helper: English words in text that should be Vietnamese.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace plancheck::test {

// The English function words of `text` (whole ASCII tokens; a Vietnamese word
// with a diacritic is one token, so "thể" never reads as "the", and "utf-16be"
// has no "be"). Text meant to
// be Vietnamese has none; names, paths and rule ids in it do not use these.
inline std::vector<std::string> english_words(const std::string& text) {
    static const std::set<std::string> kEnglish = {
        "the", "is",  "are", "cannot", "could", "not",  "must", "unknown", "option", "required", "missing",
        "positional", "found", "with", "and",  "or",   "of",   "does",    "has",     "been",     "be",
        "it",  "its", "than", "should", "expected", "invalid", "given", "unrecognised", "unrecognized", "too"};
    std::vector<std::string> out;
    std::string word;
    bool ascii = true;
    auto flush = [&] {
        if (!word.empty() && ascii) {
            std::string lower;
            for (char c : word) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            if (kEnglish.count(lower)) out.push_back(lower);
        }
        word.clear();
        ascii = true;
    };
    for (unsigned char c : text) {
        if (c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word += static_cast<char>(c);
            if (c >= 0x80) ascii = false;
        } else {
            flush();
        }
    }
    flush();
    return out;
}

}  // namespace plancheck::test
