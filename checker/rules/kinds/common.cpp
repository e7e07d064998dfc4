#include "rules/kinds/common.h"

#include <algorithm>

#include "core/utf8.h"

namespace plancheck::rules {

Scope read_scope(const Params& p, Scope fallback) {
    if (!p.has("scope")) return fallback;
    std::string s = p.str("scope");
    if (s == "all") return Scope::All;
    if (s == "header") return Scope::Header;
    if (s == "title") return Scope::Title;
    if (s == "bases") return Scope::Bases;
    if (s == "body") return Scope::Body;
    if (s == "closing") return Scope::Closing;
    p.fail("scope", "expected all, header, title, bases, body or closing");
}

bool in_scope(const Model& m, uint32_t b, Scope s) {
    const Outline& o = m.outline;
    switch (s) {
        case Scope::All: return true;
        case Scope::Header: return b < o.header.end;
        case Scope::Title: return std::find(o.header.title.begin(), o.header.title.end(), b) != o.header.title.end();
        case Scope::Bases: return b >= o.header.end && b < o.body_begin;
        case Scope::Body: return b >= o.body_begin && b < o.body_end;
        case Scope::Closing: return b >= o.closing.begin;
    }
    return false;
}

namespace {
bool word_char(char32_t c) { return utf8::is_letter(c) || utf8::is_digit(c) || (c >= 0x300 && c <= 0x36F); }
}  // namespace

std::vector<Word> words_of(std::string_view text) {
    // Each code point is decoded once and lower-cased as it is read (the word's
    // lower case is the concatenation of its code points' lower cases: a word
    // never holds an invalid byte, which decodes as U+FFFD, not a word char).
    std::vector<Word> out;
    const size_t n = text.size();
    out.reserve(n / 6);  // a Vietnamese syllable and its space: about six bytes
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        char32_t c = utf8::next(text, i);
        if (!word_char(c)) continue;
        Word w;
        w.begin = static_cast<uint32_t>(start);
        utf8::append(w.lower, utf8::lower_cp(c));
        size_t end = i;
        while (end < n) {
            size_t j = end;
            char32_t d = utf8::next(text, j);
            if (word_char(d)) {
                utf8::append(w.lower, utf8::lower_cp(d));
                end = j;
                continue;
            }
            if ((d == '/' || d == '-' || d == '.') && j < n) {
                size_t k = j;
                char32_t e = utf8::next(text, k);
                if ((d != '.' && word_char(e)) || (d == '.' && utf8::is_digit(e))) {
                    w.lower += static_cast<char>(d);
                    end = j;
                    continue;
                }
            }
            break;
        }
        w.end = static_cast<uint32_t>(end);
        out.push_back(std::move(w));
        i = end;
    }
    return out;
}

char32_t first_cp(std::string_view text, const Word& w) {
    size_t i = w.begin;
    return utf8::next(text, i);
}
bool is_upper_cp(char32_t c) { return utf8::is_letter(c) && utf8::lower_cp(c) != c; }

TextCache::TextCache(const Model& m) : model_(m) {
    // The words take about 13 bytes per byte of text (a Word and its lower
    // case per five or six bytes): kept up to 1 MB, so that the largest
    // report of a batch sets no worker's peak (a 2 MB report: 34 MB of heap
    // with the cache, 8 MB without, in the same time).
    constexpr size_t kMaxCachedText = 1u << 20;
    size_t total = 0;
    if (m.doc)
        for (const auto& b : m.doc->blocks) total += b.text.size();
    if (m.doc && total <= kMaxCachedText) words_.resize(m.doc->blocks.size());
    titles_.resize(m.outline.sections.size());
}

const std::string& TextCache::folded_title(size_t section) {
    auto& t = titles_.at(section);
    if (!t) t = utf8::fold(model_.outline.sections[section].title);
    return *t;
}

const std::string& folded_title(const Context& ctx, size_t section, std::string& scratch) {
    if (ctx.cache) return ctx.cache->folded_title(section);
    scratch = utf8::fold(ctx.model.outline.sections[section].title);
    return scratch;
}

const std::vector<Word>& TextCache::words(uint32_t block) {
    auto& w = words_.at(block);
    if (!w) w = words_of(model_.doc->blocks[block].text);
    return *w;
}

const std::vector<Word>& block_words(const Context& ctx, uint32_t block, std::vector<Word>& scratch) {
    if (ctx.cache && ctx.cache->enabled()) return ctx.cache->words(block);
    scratch = words_of(ctx.model.doc->blocks[block].text);
    return scratch;
}

LoweredText lower_with_offsets(std::string_view hay) {
    LoweredText t;
    t.hay = hay;
    // First try: lower case of the same byte length everywhere, no offset table.
    bool same_length = true;
    t.low = utf8::lower_same_length(hay, &same_length);
    if (same_length) return t;
    t.low.clear();
    t.low.reserve(hay.size());
    t.from.reserve(hay.size() + 1);
    for (size_t i = 0; i < hay.size();) {
        auto b = static_cast<unsigned char>(hay[i]);
        if (b < 0x80) {
            t.low += static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
            t.from.push_back(static_cast<uint32_t>(i++));
            continue;
        }
        size_t s = i, before = t.low.size();
        utf8::append(t.low, utf8::lower_cp(utf8::next_multibyte(hay, i)));
        t.from.insert(t.from.end(), t.low.size() - before, static_cast<uint32_t>(s));
    }
    t.from.push_back(static_cast<uint32_t>(hay.size()));
    return t;
}

std::vector<std::pair<size_t, size_t>> find_words_ci(const LoweredText& t, std::string_view n) {
    std::vector<std::pair<size_t, size_t>> out;
    if (n.empty()) return out;
    std::string_view hay = t.hay;
    for (size_t pos = t.low.find(n); pos != std::string::npos; pos = t.low.find(n, pos + 1)) {
        size_t b = t.at(pos), e = t.at(pos + n.size());
        bool left_ok = b == 0 || !word_char([&] { size_t k = utf8::floor_boundary(hay, b - 1); return utf8::next(hay, k); }());
        bool right_ok = e >= hay.size() || !word_char([&] { size_t k = e; return utf8::next(hay, k); }());
        if (left_ok && right_ok) out.emplace_back(b, e);
    }
    return out;
}

std::vector<std::pair<size_t, size_t>> find_words_ci(std::string_view hay, std::string_view needle) {
    return find_words_ci(lower_with_offsets(hay), utf8::lower(needle));
}

std::string match_case(std::string_view like, std::string_view replacement) {
    if (like.empty() || replacement.empty()) return std::string(replacement);
    size_t i = 0, j = 0;
    char32_t a = utf8::next(like, i);
    std::string first;
    utf8::append(first, a);
    if (utf8::upper(first) != first) return std::string(replacement);  // lower case: keep as given
    if (utf8::is_upper_text(like)) return utf8::upper(replacement);
    utf8::next(replacement, j);
    return utf8::upper(replacement.substr(0, j)) + std::string(replacement.substr(j));
}

}  // namespace plancheck::rules
