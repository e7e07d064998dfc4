// Words that are no Vietnamese syllable: letters or diacritics lost when a
// legacy-font document was converted or text was copied ("thc hin", "nghiều",
// "gảm"), or a misspelling no confusion list foresees.
//
// The lexicon is Debian's hunspell-vi (the syllables of Vietnamese, read with
// libhunspell); the rule looks up each lower-case word that carries a
// Vietnamese diacritic or đ. Tone placement varies between two accepted
// conventions ("hóa"/"hoá", "thủy"/"thuỷ"), so a word is accepted when its tone
// mark on any of its vowels gives a syllable of the lexicon. Without the
// dictionary the rule falls back to the structural check of
// core/vn_syllable.cpp, which accepts any onset + rime and so finds fewer
// damaged words (docs/real-documents.md has the figures for both).
//
// What is not a misspelling: capitalised words (names; a damaged capitalised
// word is left to the reader), words without any Vietnamese letter (foreign
// words, abbreviations, codes, all-ASCII text), words glued to '/', '.', '-',
// '@', ':' or digits (symbols, addresses), and the words of params.allow.
#include <hunspell/hunspell.hxx>
#include <utf8proc.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sys/stat.h>
#include <unordered_map>

#include "core/legacy_vn.h"
#include "core/utf8.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

bool file_exists(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool is_tone(char32_t c) { return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323; }
bool is_vowel_base(char32_t c) {
    switch (c) {
        case U'a': case U'e': case U'i': case U'o': case U'u': case U'y': return true;
        default: return false;
    }
}

std::string nfd(std::string_view s) {
    utf8proc_uint8_t* buf = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                          &buf, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE));
    if (n < 0) return std::string(s);
    std::string out(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
    std::free(buf);
    return out;
}

// The word with its tone mark placed after each vowel in turn (NFC), the
// original placement first; and the same for the word with a final i written
// y or the reverse ("quí"/"quý", "lí"/"lý": both spellings are in use).
std::vector<std::string> tone_placements(std::string_view word) {
    std::u32string cps;
    std::string d = nfd(word);
    char32_t tone = 0;
    for (size_t i = 0; i < d.size();) {
        char32_t c = utf8::next(d, i);
        if (is_tone(c)) tone = c;
        else cps += c;
    }
    std::vector<std::string> out{std::string(word)};
    std::vector<std::u32string> bases{cps};
    if (!cps.empty() && (cps.back() == U'i' || cps.back() == U'y')) {
        bases.push_back(cps);
        bases.back().back() = cps.back() == U'i' ? U'y' : U'i';
    }
    for (const auto& base : bases) {
        for (size_t k = 0; k < base.size(); ++k) {
            if (!is_vowel_base(base[k])) continue;
            // The vowel's own modifiers (circumflex, breve, horn) come right after it.
            size_t at = k + 1;
            while (at < base.size() && (base[at] == 0x302 || base[at] == 0x306 || base[at] == 0x31B)) ++at;
            std::string s;
            for (size_t j = 0; j < base.size(); ++j) {
                if (j == at && tone) utf8::append(s, tone);
                utf8::append(s, base[j]);
            }
            if (at == base.size() && tone) utf8::append(s, tone);
            out.push_back(utf8::nfc(s));
            if (!tone) break;  // no mark to move: one form per base
        }
    }
    return out;
}

// Lower-case letters only, at least one of them a Vietnamese letter
// (a diacritic or đ): a word a reader takes for Vietnamese.
bool vietnamese_lower_word(std::string_view w) {
    bool vn = false;
    for (size_t i = 0; i < w.size();) {
        char32_t c = utf8::next(w, i);
        if (!utf8::is_letter(c) || utf8::lower_cp(c) != c) return false;
        if (c >= 0x80) vn = true;
    }
    return vn;
}

class Lexicon {
public:
    explicit Lexicon(const std::string& prefix) {
        std::string aff = prefix + ".aff", dic = prefix + ".dic";
        if (file_exists(aff) && file_exists(dic)) speller_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    }
    bool available() const { return speller_ != nullptr; }
    bool known(const std::string& word) {
        std::lock_guard<std::mutex> lock(mu_);
        auto it = seen_.find(word);
        if (it != seen_.end()) return it->second;
        bool ok = false;
        for (const auto& form : tone_placements(word))
            if ((ok = speller_->spell(form))) break;
        if (seen_.size() < 100000) seen_.emplace(word, ok);
        return ok;
    }

private:
    std::unique_ptr<Hunspell> speller_;
    std::mutex mu_;
    std::unordered_map<std::string, bool> seen_;
};

class UnknownSyllable final : public Rule {
public:
    UnknownSyllable(RuleMeta m, std::shared_ptr<Lexicon> lex, std::set<std::string> allow, Scope scope,
                    size_t mass_min)
        : Rule(std::move(m)), lex_(std::move(lex)), allow_(std::move(allow)), scope_(scope), mass_min_(mass_min) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const bool pdf = ctx.model.doc->format == "pdf";
        struct Hit {
            TextRef ref;
            std::string word;
        };
        std::vector<Hit> hits;
        size_t words_seen = 0;
        for_each_words(ctx, scope_, [&](uint32_t b, const std::string& text, const std::vector<Word>& words) {
            if (ctx.model.doc->blocks[b].in_table) return;  // codes and abbreviations in tables
            words_seen += words.size();
            for (const auto& w : words) {
                std::string_view word = std::string_view(text).substr(w.begin, w.end - w.begin);
                if (!vietnamese_lower_word(word) || glued(text, w) || utf8::count(word) < 2) continue;
                std::string s = utf8::nfc(word);
                if (allow_.count(s) || known(s)) continue;
                // A PDF's text layer often loses the space between two words
                // ("hồsơ"): two syllables run together are the extractor's, not the author's.
                if (pdf && two_syllables(s)) continue;
                hits.push_back({{b, w.begin, w.end}, std::move(s)});
            }
        });
        // Damage everywhere is one defect of the whole text (a text layer that
        // lost its capitals, a conversion gone wrong), not dozens of typos.
        if (hits.size() > std::max<size_t>(mass_min_, words_seen / 200)) {
            // In a PDF that is the text layer's damage (a font without a
            // Unicode map), not the printed page's: nothing to tell the author.
            if (pdf) return;
            emit.at(hits.front().ref, {{"found", hits.front().word}, {"count", std::to_string(hits.size())}}, "many");
            return;
        }
        for (const auto& h : hits) emit.at(h.ref, {{"found", h.word}});
    }

private:
    bool known(const std::string& s) const {
        if (lex_->available()) return lex_->known(s);
        return legacy::is_syllable(s);
    }
    bool two_syllables(const std::string& s) const {
        for (size_t i = 0; i < s.size();) {
            utf8::next(s, i);
            if (i < s.size() && known(s.substr(0, i)) && known(s.substr(i))) return true;
        }
        return false;
    }
    // Part of a symbol, an address or a number: "QĐ-TTg", "a.b", "x@y", "5ha".
    static bool glued(std::string_view t, const Word& w) {
        auto bad = [](char c) { return c == '/' || c == '.' || c == '-' || c == '@' || c == ':' || c == '_' ||
                                       (c >= '0' && c <= '9'); };
        if (w.begin > 0 && bad(t[w.begin - 1])) return true;
        if (w.end < t.size() && bad(t[w.end]) && !(t[w.end] == '.' && (w.end + 1 == t.size() || t[w.end + 1] == ' ')))
            return true;
        std::string_view word = t.substr(w.begin, w.end - w.begin);
        return word.find_first_of("/.-0123456789") != std::string_view::npos;
    }

    std::shared_ptr<Lexicon> lex_;
    std::set<std::string> allow_;
    Scope scope_;
    size_t mass_min_;
};

}  // namespace

std::unique_ptr<Rule> make_unknown_syllable(RuleMeta meta, const Params& p) {
    // One dictionary per path for the whole process (every rule set loads once).
    // Never destroyed: freeing Hunspell's tables at exit took as long as a
    // tenth of a small file's check.
    static std::mutex mu;
    static auto& loaded = *new std::map<std::string, std::shared_ptr<Lexicon>>;
    std::string prefix = p.str("dictionary", "/usr/share/hunspell/vi_VN");
    std::shared_ptr<Lexicon> lex;
    {
        std::lock_guard<std::mutex> lock(mu);
        auto& slot = loaded[prefix];
        if (!slot) slot = std::make_shared<Lexicon>(prefix);
        lex = slot;
    }
    std::set<std::string> allow;
    for (const auto& a : p.strings_or_empty("allow")) allow.insert(utf8::nfc(utf8::lower(a)));
    auto scope = read_scope(p, Scope::All);
    long mass = p.integer("mass_min", 8);
    if (mass < 1) p.fail("mass_min", "must be at least 1");
    return std::make_unique<UnknownSyllable>(std::move(meta), std::move(lex), std::move(allow), scope,
                                             static_cast<size_t>(mass));
}

}  // namespace plancheck::rules
