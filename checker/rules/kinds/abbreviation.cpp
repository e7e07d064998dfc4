// An abbreviation the document uses without ever writing it out ("CCHC",
// "TTHC", "BCĐ"), or uses before the place where it writes it out. Decree 30,
// Appendix I (nội dung văn bản) asks for plain, exact wording; an abbreviation
// is written out at its first use: "cải cách hành chính (CCHC)", "Ban Chỉ đạo
// (sau đây gọi tắt là BCĐ)".
//
// An abbreviation is a word of two or more letters, all capitals (a hyphen may
// join groups: "KT-XH"), that is no Vietnamese syllable (so "MỤC", "AN" are not)
// and no Roman numeral. Not counted: words glued to digits, '/', '.', '&'
// (number-symbols "1676/QĐ-TTg", "GD&ĐT" in a symbol), blocks mostly in
// capitals (headings), the header and the closing ("Lưu: VT, NV"), and the
// universally known abbreviations of params.known.
//
// Written out: "(A)" or "(A," or "(A;" after a phrase, "A (" followed by the
// phrase, "gọi là A", or A after "viết tắt" / "gọi tắt" in the same paragraph
// ("(sau đây gọi tắt là BCĐ)", "Tên viết tắt: LĐYLĐ"), anywhere in the document.
#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include "core/legacy_vn.h"
#include "core/utf8.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

bool roman(std::string_view w) {
    return !w.empty() && w.find_first_not_of("IVXLCDM") == std::string_view::npos;
}

// The abbreviation candidate at word w of t, or "".
std::string candidate(std::string_view t, const Word& w) {
    std::string_view s = t.substr(w.begin, w.end - w.begin);
    if (s.size() < 2) return {};
    // Glued to a symbol, an address or a compound ("GD&ĐT", "/QĐ", "BHXH.").
    auto glue = [](char c) { return c == '/' || c == '&' || c == '@' || c == '_' || c == '\\'; };
    if (w.begin > 0 && (glue(t[w.begin - 1]) || t[w.begin - 1] == '-' || t[w.begin - 1] == '.')) return {};
    if (w.end < t.size() && (glue(t[w.end]) || t[w.end] == '-')) return {};
    // A symbol with a space in it, or split over two lines of a PDF
    // ("126/2024/ NĐ-CP", "3917/BTP-" + "BTTP", "TCXH - NN").
    size_t b = w.begin;
    while (b > 0 && t[b - 1] == ' ') --b;
    if (b > 0 && (t[b - 1] == '/' || t[b - 1] == '-')) return {};
    size_t e = w.end;
    while (e < t.size() && t[e] == ' ') ++e;
    if (e < t.size() && (t[e] == '/' || t[e] == '-')) return {};
    int letters = 0;
    size_t i = 0;
    while (i < s.size()) {
        char32_t c = utf8::next(s, i);
        if (c == '-') continue;
        if (!utf8::is_letter(c)) return {};
        std::string one;
        utf8::append(one, c);
        if (utf8::lower(one) == one) return {};
        ++letters;
    }
    if (letters < 2 || s.front() == '-' || s.back() == '-') return {};
    if (s.find('.') != std::string_view::npos) return {};
    if (roman(s)) return {};
    // Two vowels or more in plain ASCII: a foreign word or name in capitals
    // ("INDEX", "SIPAS", "VNEID"); Vietnamese initialisms have one at most.
    if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }) &&
        std::count_if(s.begin(), s.end(), [](char c) { return std::strchr("AEIOUY", c) != nullptr; }) >= 2)
        return {};
    // A syllable in capitals is a word of a heading or a name, not an abbreviation.
    if (s.find('-') == std::string_view::npos && legacy::is_syllable(s)) return {};
    return std::string(s);
}

// Most words in capitals: a heading, a title or a name in capitals.
bool mostly_capitals(std::string_view t, const std::vector<Word>& w) {
    size_t caps = 0, words = 0;
    for (const auto& x : w) {
        std::string_view s = t.substr(x.begin, x.end - x.begin);
        size_t i = 0;
        if (!utf8::is_letter(utf8::next(s, i))) continue;
        ++words;
        caps += utf8::is_upper_text(s) && s.size() > 1;
    }
    return words > 0 && caps * 2 > words;
}

bool space(char c) { return c == ' ' || c == '\t'; }

// A poor OCR text layer: many words mix lower-case letters and digits ("gi6i",
// "c6c", "s5"). Capital runs there are misread words, not abbreviations.
bool poor_text_layer(const Context& ctx) {
    size_t words = 0, mixed = 0;
    std::vector<Word> scratch;
    const auto& blocks = ctx.model.doc->blocks;
    for (uint32_t b = 0; b < blocks.size(); ++b) {
        const std::string& t = blocks[b].text;
        for (const auto& w : block_words(ctx, b, scratch)) {
            ++words;
            bool digit = false, lower = false;
            for (uint32_t k = w.begin; k < w.end; ++k) {
                unsigned char c = static_cast<unsigned char>(t[k]);
                digit |= c >= '0' && c <= '9';
                lower |= c >= 'a' && c <= 'z';
            }
            mixed += digit && lower;
        }
    }
    return words > 0 && mixed * 50 > words;  // over 2 %
}

// Whether `a` is written out at byte `at` of t (t[at..] == a).
bool defines(std::string_view t, size_t at, size_t len) {
    size_t b = at;
    while (b > 0 && space(t[b - 1])) --b;
    if (b > 0 && t[b - 1] == '(') return true;  // "... hành chính (CCHC)" / "(CCHC:" ...
    for (std::string_view lead : {"gọi là"}) {
        if (b >= lead.size() && t.substr(b - lead.size(), lead.size()) == lead) return true;
    }
    // "(sau đây gọi tắt là BCĐ)", "Tên viết tắt tiếng Việt: LĐYLĐ"
    std::string_view before = t.substr(0, at);
    if (before.find("viết tắt") != std::string_view::npos || before.find("gọi tắt") != std::string_view::npos ||
        before.find("Viết tắt") != std::string_view::npos)
        return true;
    // "CCHC (cải cách hành chính)"
    size_t e = at + len;
    while (e < t.size() && space(t[e])) ++e;
    if (e < t.size() && t[e] == '(') {
        size_t i = e + 1;
        if (i < t.size()) {
            char32_t c = utf8::next(t, i);
            std::string one;
            utf8::append(one, c);
            return utf8::is_letter(c) && utf8::lower(one) == one;
        }
    }
    return false;
}

class Abbreviation final : public Rule {
public:
    Abbreviation(RuleMeta m, std::set<std::string> known) : Rule(std::move(m)), known_(std::move(known)) {}

    void check(const Context& ctx, Emitter& emit) const override {
        if (poor_text_layer(ctx)) return;
        const auto& blocks = ctx.model.doc->blocks;
        const Outline& o = ctx.model.outline;
        struct Use {
            TextRef ref;
            std::string text;
        };
        std::map<std::string, Use> first;       // first use outside a definition
        std::map<std::string, TextRef> defined;  // first place it is written out
        std::vector<std::string> order;
        std::vector<Word> scratch;
        for (uint32_t b = 0; b < blocks.size(); ++b) {
            bool header = b < o.header.end &&
                          std::find(o.header.title.begin(), o.header.title.end(), b) == o.header.title.end();
            if (header || in_scope(ctx.model, b, Scope::Closing)) continue;
            const std::string& t = blocks[b].text;
            // An archive line the closing did not catch ("Lưu: VT, NC.").
            std::string head = utf8::fold(utf8::trim(t).substr(0, std::min<size_t>(12, utf8::trim(t).size())));
            if (head.rfind("luu", 0) == 0 || head.rfind("- luu", 0) == 0) continue;
            // A recipient line the closing did not catch ("- Chủ tịch, PCT UBND tỉnh;").
            std::string_view tt = utf8::trim(t);
            if (!tt.empty() && tt.front() == '-' && (tt.back() == ';' || tt.back() == '.') && t.size() < 90) continue;
            std::string_view prev = b > 0 ? utf8::trim(blocks[b - 1].text) : std::string_view{};
            bool wrapped_symbol = !prev.empty() && (prev.back() == '-' || prev.back() == '/');
            const auto& w = block_words(ctx, b, scratch);
            bool caps = mostly_capitals(t, w);
            for (const auto& x : w) {
                if (wrapped_symbol && &x == &w.front()) continue;
                std::string a = candidate(t, x);
                if (a.empty() || known_.count(a) || misread_known(a)) continue;
                TextRef ref{b, x.begin, x.end};
                if (defines(t, x.begin, x.end - x.begin)) {
                    defined.emplace(a, ref);
                    continue;
                }
                if (caps || blocks[b].in_table) continue;
                if (first.emplace(a, Use{ref, a}).second) order.push_back(a);
            }
        }
        for (const auto& a : order) {
            const Use& u = first.at(a);
            auto d = defined.find(a);
            if (d == defined.end()) {
                emit.at(u.ref, {{"abbr", a}});
            } else if (d->second.block > u.ref.block ||
                       (d->second.block == u.ref.block && d->second.begin > u.ref.begin)) {
                Pos p = ctx.model.block(d->second.block).locate(d->second.begin);
                emit.at(u.ref, {{"abbr", a}, {"defined_line", std::to_string(p.line)}}, "before");
            }
        }
    }

private:
    // A known abbreviation misread by OCR or mistyped ("LIBND", "UNBD" for
    // "UBND"): no new abbreviation. One edit (a swap counts one) from a known
    // one of four letters or more, or two with the same last two letters.
    bool misread_known(const std::string& a) const {
        if (a.size() < 4) return false;
        for (const auto& k : known_) {
            if (k.size() < 4) continue;
            size_t e = edits(a, k);
            if (e <= 1 || (e == 2 && a.compare(a.size() - 2, 2, k, k.size() - 2, 2) == 0)) return true;
        }
        return false;
    }
    static size_t edits(const std::string& a, const std::string& b) {
        const size_t n = a.size(), m = b.size();
        if (n > m + 2 || m > n + 2) return 3;
        std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1));
        for (size_t i = 0; i <= n; ++i) d[i][0] = i;
        for (size_t j = 0; j <= m; ++j) d[0][j] = j;
        for (size_t i = 1; i <= n; ++i)
            for (size_t j = 1; j <= m; ++j) {
                d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        return d[n][m];
    }

    std::set<std::string> known_;
};

}  // namespace

std::unique_ptr<Rule> make_abbreviation(RuleMeta meta, const Params& p) {
    std::set<std::string> known;
    for (const auto& k : p.strings_or_empty("known")) known.insert(utf8::nfc(k));
    return std::make_unique<Abbreviation>(std::move(meta), std::move(known));
}

}  // namespace plancheck::rules
