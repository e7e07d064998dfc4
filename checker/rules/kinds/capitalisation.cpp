// Capitalisation as Decree 30/2020/NĐ-CP, Appendix II, sets it. One kind,
// several checks (params.check), each written from one item of the Appendix
// so that every rule entry cites its item:
//
//   sentence-start       I     first word after . ? ! and of a new paragraph
//   administrative-unit  III.1 "tỉnh Lâm Đồng", not "Tỉnh Lâm Đồng" mid-sentence
//   agency-field         IV.1  "Sở Tài chính", "Bộ Công an": the field is capitalised
//   special-noun         V.1   "Nhân dân" as a noun of its own
//   title-before-name    V.3   "Chủ tịch Nguyễn Văn A": a title next to a name
//   document-type        V.6   "Quyết định số 12/QĐ-UBND", "Luật Đất đai"
//   article              V.7   "khoản 2 Điều 5", "Chương II"
//
// All the word lists come from the rule file. ALL-CAPS blocks (headings, the
// header) are never looked at: capitals there are the layout's, not spelling.
// Each check looks for the specific, unambiguous form the Appendix names; a
// common noun that is only sometimes part of a name (nhà nước, ban, phòng)
// is not guessed at.
#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "core/utf8.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

enum class Check { SentenceStart, AdministrativeUnit, AgencyField, SpecialNoun, TitleBeforeName, DocumentType, Article };

using Phrase = std::vector<std::string>;  // lower-case words

// Phrases, longest first, with the keys of their first words (sorted): a word
// that starts none of them is passed over without comparing any phrase. The
// seven checks look up every word of the text, so the key is the word's own
// (Word::key, computed once per word for all of them).
// A bit per key (of 1,024, from the key's top bits) is tried before the
// sorted keys: nearly every word of a text starts no phrase, and the seven
// checks ask for every word.
struct Phrases {
    std::vector<Phrase> list;
    std::vector<uint64_t> first;
    std::array<uint64_t, 16> bits{};
    static size_t bit_of(uint64_t key) { return static_cast<size_t>(key >> 54); }  // word_key is a hash already
    void add_first(uint64_t key) {
        first.push_back(key);
        bits[bit_of(key) >> 6] |= uint64_t{1} << (bit_of(key) & 63);
    }
    bool may_start(const Word& w) const {
        const uint64_t k = w.key();
        const size_t bit = bit_of(k);
        return (bits[bit >> 6] >> (bit & 63) & 1) && std::binary_search(first.begin(), first.end(), k);
    }
    auto begin() const { return list.begin(); }
    auto end() const { return list.end(); }
};

Phrase split_words(const std::string& s) {
    Phrase out;
    for (const auto& w : words_of(utf8::nfc(s))) out.push_back(w.lower);
    return out;
}
Phrases phrases(const Params& p, const std::string& key) {
    Phrases out;
    for (const auto& s : p.strings_or_empty(key)) {
        auto ph = split_words(s);
        if (ph.empty()) p.fail(key, "holds an empty phrase");
        out.add_first(word_key(ph.front()));
        out.list.push_back(std::move(ph));
    }
    std::sort(out.first.begin(), out.first.end());
    // Longest first: "phó chủ tịch" before "chủ tịch".
    std::stable_sort(out.list.begin(), out.list.end(),
                     [](const Phrase& a, const Phrase& b) { return a.size() > b.size(); });
    return out;
}

bool is_lower_cp(char32_t c) { return utf8::is_letter(c) && utf8::lower_cp(c) == c && c < 0x2000; }
bool lowercase(std::string_view text, const Word& w) { return is_lower_cp(first_cp(text, w)); }

// The word with its first letter upper- (or lower-) cased.
std::string recase_first(std::string_view text, const Word& w, bool upper) {
    size_t i = w.begin;
    char32_t c = utf8::next(text, i);
    std::string one;
    utf8::append(one, c);
    std::string out = upper ? utf8::upper(one) : utf8::lower(one);
    out += text.substr(i, w.end - i);
    return out;
}

bool matches(const std::vector<Word>& words, size_t at, const Phrase& ph) {
    if (at + ph.size() > words.size()) return false;
    for (size_t k = 0; k < ph.size(); ++k)
        if (words[at + k].lower != ph[k]) return false;
    return true;
}

// More than one letter, and every letter a capital: a heading or header line.
// Ends at the first small letter (nearly every paragraph has one early).
bool all_caps_block(std::string_view t) {
    int upper = 0;
    for (size_t i = 0; i < t.size();) {
        auto b = static_cast<unsigned char>(t[i]);
        if (b < 0x80) {
            ++i;
            if (b >= 'a' && b <= 'z') return false;
            if (b >= 'A' && b <= 'Z') ++upper;
            continue;
        }
        char32_t c = utf8::next(t, i);
        if (is_upper_cp(c)) ++upper;
        else if (is_lower_cp(c)) return false;
    }
    return upper > 1;
}

// The last non-space character before byte `at`, or 0 at the block start.
char prev_char(std::string_view t, size_t at) {
    while (at > 0 && (t[at - 1] == ' ' || t[at - 1] == '\t')) --at;
    return at == 0 ? '\0' : t[at - 1];
}

// Typed labels that start an item: "I." "1." "2.1." "a)" "-" "+" "*" "•" "–".
size_t after_label(std::string_view t) {
    size_t i = 0;
    while (i < t.size() && (t[i] == ' ')) ++i;
    size_t j = i;
    while (j < t.size() && ((t[j] >= '0' && t[j] <= '9') || t[j] == '.' || t[j] == 'I' || t[j] == 'V' || t[j] == 'X'))
        ++j;
    if (j > i && j < t.size() && (t[j - 1] == '.' || t[j] == ')')) return j + (t[j] == ')' ? 1 : 0);
    if (i + 1 < t.size() && t[i] >= 'a' && t[i] <= 'z' && (t[i + 1] == ')' || t[i + 1] == '.')) return i + 2;
    if (t.substr(i, 3) == "đ)") return i + 3;
    for (std::string_view m : {"-", "+", "*", "\u2022", "\u2013", "\u2014"})
        if (t.substr(i, m.size()) == m) return i + m.size();
    return i;
}

// A word a sentence can start with: two letters or more and no digit (not a
// variable "b", a code "b1" or an OCR fragment).
bool plain_word(std::string_view text, const Word& w) {
    std::string_view s = text.substr(w.begin, w.end - w.begin);
    return utf8::count(s) >= 2 && s.find_first_of("0123456789") == std::string_view::npos;
}

bool ends_sentence(std::string_view t) {
    auto s = utf8::trim(t);
    return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

class Capitalisation final : public Rule {
public:
    struct Lists {
        Phrases types, statutes, titles, units, fields, agencies, before;
        std::set<std::string> surnames, unit_next_exceptions, not_after, common_before;
        Phrases unit_name_exceptions;
    };
    Capitalisation(RuleMeta m, Check c, Lists l) : Rule(std::move(m)), check_(c), l_(std::move(l)) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const auto& blocks = ctx.model.doc->blocks;
        Scope scope = check_ == Check::SentenceStart ? Scope::Body : Scope::All;
        for_each_words(ctx, scope, [&](uint32_t b, const std::string& text, const std::vector<Word>& words) {
            if (words.empty() || all_caps_block(text)) return;
            if (check_ == Check::SentenceStart) {
                // A PDF's text layer is no witness for the first letter of a
                // sentence: capitals lost by the font's map, a footnote read into
                // a sentence that goes on over the page, a cell of a table read as
                // a line (7 of 7 on the real set were such). Word and text files only.
                if (blocks[b].in_table || ctx.model.doc->format == "pdf") return;
                sentence_start(ctx, emit, b, text, words);
                return;
            }
            for (size_t i = 0; i < words.size(); ++i) one(emit, b, text, words, i, blocks[b].in_table);
        });
    }

private:
    void flag(Emitter& emit, uint32_t b, std::string_view text, const Word& w, bool upper) const {
        std::string fixed = recase_first(text, w, upper);
        auto& d = emit.at({b, w.begin, w.end}, {{"found", std::string(text.substr(w.begin, w.end - w.begin))},
                                                {"expected", fixed}});
        d.fix = Fix{d.line, d.column, d.end_line, d.end_column, fixed};
    }

    void sentence_start(const Context& ctx, Emitter& emit, uint32_t b, std::string_view text,
                        const std::vector<Word>& words) const {
        const auto& blocks = ctx.model.doc->blocks;
        // A new paragraph after one that ended a sentence starts a sentence
        // (after ':' ';' ',' it is an item of a list, lower case by custom).
        size_t start = after_label(text);
        while (start < text.size() && text[start] == ' ') ++start;
        for (const auto& w : words) {
            if (w.begin < start) continue;
            bool fresh = w.begin == start && b > ctx.model.outline.body_begin && !blocks[b - 1].in_table &&
                         ends_sentence(blocks[b - 1].text) && !all_caps_block(blocks[b - 1].text);
            if (fresh && lowercase(text, w) && plain_word(text, w)) flag(emit, b, text, w, true);
            break;
        }
        for (size_t i = 1; i < words.size(); ++i) {
            const Word& w = words[i];
            const Word& prev = words[i - 1];
            char p = prev_char(text, w.begin);
            // The point closes the word before it and a space follows ("45 .docx" is no sentence end).
            if ((p != '.' && p != '?' && p != '!') || w.begin == prev.end + 1 || text[w.begin - 1] != ' ' ||
                (text[prev.end] != '.' && text[prev.end] != '?' && text[prev.end] != '!') || !lowercase(text, w) ||
                !plain_word(text, w))
                continue;
            // An ellipsis ("...", "…") leaves the sentence open.
            std::string_view gap = text.substr(prev.end, w.begin - prev.end);
            if (gap.find("..") != std::string_view::npos || gap.find("\u2026") != std::string_view::npos) continue;
            // "v.v. và", "TP. Hà Nội", "tr. 5": an abbreviation's point ends no sentence.
            std::string_view pw = text.substr(prev.begin, prev.end - prev.begin);
            if (prev.end + 1 != w.begin - 1 && text.substr(prev.end, w.begin - prev.end).find_first_not_of(".?! )\"”’") != std::string_view::npos)
                continue;
            if (pw.find('.') != std::string_view::npos || utf8::count(pw) < 2 || all_caps_block(pw)) continue;
            flag(emit, b, text, w, true);
        }
    }

    void one(Emitter& emit, uint32_t b, std::string_view text, const std::vector<Word>& words, size_t i,
             bool in_table) const {
        const Word& w = words[i];
        auto next_is = [&](size_t k, auto pred) { return k < words.size() && pred(words[k]); };
        // A document's number and symbol: digits, '/', then letters ("12/QĐ-UBND",
        // "30/2020/NĐ-CP"), not a ratio ("114/114").
        auto numbered = [&](const Word& x) {
            std::string_view s = text.substr(x.begin, x.end - x.begin);
            size_t slash = s.find('/');
            if (slash == std::string_view::npos || slash == 0 || !(s[0] >= '0' && s[0] <= '9')) return false;
            for (size_t at = slash; at < s.size();)
                if (utf8::is_letter(utf8::next(s, at))) return true;
            return false;
        };
        auto starts_digit = [&](const Word& x) { return text[x.begin] >= '0' && text[x.begin] <= '9'; };
        auto roman = [&](const Word& x) {
            std::string_view s = text.substr(x.begin, x.end - x.begin);
            return !s.empty() && s.find_first_not_of("IVXL") == std::string_view::npos;
        };
        switch (check_) {
            case Check::DocumentType:
                if ((!l_.types.may_start(w) && !l_.statutes.may_start(w)) || !lowercase(text, w) ||
                    (i > 0 && l_.not_after.count(words[i - 1].lower)))
                    return;
                for (const auto& ph : l_.types) {
                    if (!matches(words, i, ph)) continue;
                    size_t k = i + ph.size();
                    if (next_is(k, numbered) || (k < words.size() && words[k].lower == "số" && next_is(k + 1, numbered)))
                        flag(emit, b, text, w, true);
                    return;
                }
                for (const auto& ph : l_.statutes) {
                    if (!matches(words, i, ph)) continue;
                    if (next_is(i + ph.size(), [&](const Word& x) { return capitalised(text, x); })) flag(emit, b, text, w, true);
                    return;
                }
                return;
            case Check::Article:
                if ((w.lower != "điều" && w.lower != "chương") || !lowercase(text, w)) return;
                if ((w.lower == "điều" && next_is(i + 1, starts_digit)) || (w.lower == "chương" && next_is(i + 1, roman)))
                    flag(emit, b, text, w, true);
                return;
            case Check::TitleBeforeName:
                if (!l_.titles.may_start(w) || !lowercase(text, w)) return;
                // Inside a longer title ("giám đốc" of "phó giám đốc"): found at its start.
                if (i > 0 && l_.titles.may_start(words[i - 1]))
                    for (const auto& ph : l_.titles)
                        if (ph.size() > 1 && matches(words, i - 1, ph)) return;
                for (const auto& ph : l_.titles) {
                    if (!matches(words, i, ph)) continue;
                    size_t k = i + ph.size();
                    if (k + 1 < words.size() && l_.surnames.count(words[k].lower) && capitalised(text, words[k]) &&
                        capitalised(text, words[k + 1]))
                        flag(emit, b, text, w, true);
                    return;
                }
                return;
            case Check::AgencyField:
                if (!l_.agencies.may_start(w)) return;
                for (const auto& ag : l_.agencies) {
                    if (!matches(words, i, ag)) continue;
                    // Only a lower-case "sở" is taken for the agency ("bộ" is the
                    // common noun of "cán bộ y tế"), and not in "cơ sở", "trụ sở".
                    bool lower_ag = lowercase(text, w);
                    if (lower_ag && (ag.size() != 1 || ag[0] != "sở" || (i > 0 && l_.common_before.count(words[i - 1].lower))))
                        return;
                    size_t k = i + ag.size();
                    for (const auto& f : l_.fields)
                        if (matches(words, k, f) && lowercase(text, words[k])) {
                            if (lower_ag) flag(emit, b, text, w, true);
                            flag(emit, b, text, words[k], true);
                            return;
                        }
                    return;
                }
                return;
            case Check::AdministrativeUnit: {
                if (!l_.units.may_start(w) || !capitalised(text, w) || i == 0 || in_table ||
                    all_caps_block(text.substr(w.begin, w.end - w.begin)))
                    return;
                char p = prev_char(text, w.begin);
                if (p == '.' || p == '!' || p == '?' || p == ':' || p == '(' || p == '"' || p == '-' || p == '\0') return;
                for (const auto& ph : l_.units) {
                    if (!matches(words, i, ph)) continue;
                    size_t k = i + ph.size();
                    // The proper name follows in the same sentence, after one space.
                    if (k >= words.size() || !capitalised(text, words[k]) || l_.unit_next_exceptions.count(words[k].lower) ||
                        words[k].begin != words[k - 1].end + 1 || text[words[k - 1].end] != ' ')
                        return;
                    for (const auto& ex : l_.unit_name_exceptions)
                        if (matches(words, i, ex)) return;
                    flag(emit, b, text, w, false);
                    return;
                }
                return;
            }
            case Check::SpecialNoun:
                if (w.lower != "nhân" || i + 1 >= words.size() || words[i + 1].lower != "dân" || !lowercase(text, w) || i == 0)
                    return;
                for (const auto& ph : l_.before)
                    if (i >= ph.size() && matches(words, i - ph.size(), ph)) {
                        flag(emit, b, text, w, true);
                        return;
                    }
                return;
            case Check::SentenceStart:
                return;
        }
    }

    Check check_;
    Lists l_;
};

std::set<std::string> word_set(const Params& p, const std::string& key) {
    std::set<std::string> out;
    for (const auto& s : p.strings_or_empty(key)) out.insert(utf8::lower(utf8::nfc(s)));
    return out;
}

}  // namespace

std::unique_ptr<Rule> make_capitalisation(RuleMeta meta, const Params& p) {
    static const std::map<std::string, Check> kChecks = {
        {"sentence-start", Check::SentenceStart},     {"administrative-unit", Check::AdministrativeUnit},
        {"agency-field", Check::AgencyField},         {"special-noun", Check::SpecialNoun},
        {"title-before-name", Check::TitleBeforeName}, {"document-type", Check::DocumentType},
        {"article", Check::Article}};
    std::string name = p.str("check");
    auto it = kChecks.find(name);
    if (it == kChecks.end())
        p.fail("check", "must be one of sentence-start, administrative-unit, agency-field, special-noun, "
                        "title-before-name, document-type, article");
    Capitalisation::Lists l;
    l.types = phrases(p, "types");
    l.statutes = phrases(p, "statutes");
    l.titles = phrases(p, "titles");
    l.units = phrases(p, "units");
    l.unit_name_exceptions = phrases(p, "unit_name_exceptions");
    l.fields = phrases(p, "fields");
    l.agencies = phrases(p, "agencies");
    l.before = phrases(p, "before");
    l.surnames = word_set(p, "surnames");
    l.unit_next_exceptions = word_set(p, "unit_next_exceptions");
    l.not_after = word_set(p, "not_after");
    l.common_before = word_set(p, "common_before");
    return std::make_unique<Capitalisation>(std::move(meta), it->second, std::move(l));
}

}  // namespace plancheck::rules
