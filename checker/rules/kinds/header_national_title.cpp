// The exact text of the national title and motto (Decree 30, Appendix I):
// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh phúc".
// The structure stage finds the lines by folded text, so a misspelt line is
// still found; this kind compares it with the expected text. Spacing and the
// dash characters people type (-, –, —) are accepted, and so is the older tone
// placement "HOÀ" for "HÒA": both are the same syllable.
#include <cstring>
#include <optional>

#include "core/utf8.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

bool is_dash(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2013 || c == 0x2014 || c == 0x2212; }

// Collapses white space, turns every dash into " - ", and the old tone placement into the new.
std::string canonical(std::string_view s) {
    std::string out;
    bool space = false;
    for (size_t i = 0; i < s.size();) {
        char32_t c = utf8::next(s, i);
        if (utf8::is_space(c)) { space = true; continue; }
        if (is_dash(c)) {
            while (!out.empty() && out.back() == ' ') out.pop_back();
            out += " - ";
            space = false;
            continue;
        }
        if (space && !out.empty() && out.back() != ' ') out += ' ';
        space = false;
        utf8::append(out, c);
    }
    for (auto [old_form, new_form] : {std::pair{"HOÀ", "HÒA"}, std::pair{"Hoà", "Hòa"}}) {
        for (size_t at = out.find(old_form); at != std::string::npos; at = out.find(old_form, at))
            out.replace(at, std::strlen(old_form), new_form);
    }
    return out;
}

class NationalTitleText final : public Rule {
public:
    NationalTitleText(RuleMeta m, bool motto, std::string expected)
        : Rule(std::move(m)), motto_(motto), expected_(std::move(expected)),
          folded_(utf8::fold(expected_)), canonical_(canonical(expected_)) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const HeaderInfo& h = ctx.model.outline.header;
        if (h.party) return;  // the Party header replaces both lines
        auto at = motto_ ? h.motto : h.national_title;
        if (!at) return;  // absence is header-part's finding
        std::string_view t = ctx.model.doc->blocks[*at].text;
        // The line may also hold the agency or the other line (merged columns):
        // find the span whose folded text equals the expected folded text.
        auto span = find_span(t);
        if (!span) {
            // Found by its first words but worse than a misplaced accent: show the line.
            std::string_view whole = utf8::trim(t);
            span = std::pair{static_cast<size_t>(whole.data() - t.data()),
                             static_cast<size_t>(whole.data() - t.data() + whole.size())};
        }
        std::string_view found = t.substr(span->first, span->second - span->first);
        if (canonical(found) == canonical_) return;
        emit.at({*at, static_cast<uint32_t>(span->first), static_cast<uint32_t>(span->second)},
                {{"found", std::string(found)}, {"expected", expected_}});
    }

private:
    std::optional<std::pair<size_t, size_t>> find_span(std::string_view t) const {
        for (size_t b = 0; b < t.size();) {
            size_t i = b;
            char32_t c = utf8::next(t, i);
            if (utf8::is_letter(c) && (b == 0 || !utf8::is_letter(prev(t, b)))) {
                // Extend word by word until the folded text reaches the expected length.
                for (size_t e = i; e <= t.size();) {
                    std::string f = utf8::fold(t.substr(b, e - b));
                    if (f == folded_) {
                        while (e < t.size()) {  // include trailing letters of the last word only
                            size_t k = e;
                            if (!utf8::is_letter(utf8::next(t, k))) break;
                            e = k;
                        }
                        return std::pair{b, e};
                    }
                    if (f.size() > folded_.size() || folded_.compare(0, f.size(), f) != 0) break;
                    if (e == t.size()) break;
                    utf8::next(t, e);
                }
            }
            b = i;
        }
        return std::nullopt;
    }
    static char32_t prev(std::string_view t, size_t b) {
        size_t k = utf8::floor_boundary(t, b - 1);
        return utf8::next(t, k);
    }
    bool motto_;
    std::string expected_, folded_, canonical_;
};

}  // namespace

std::unique_ptr<Rule> make_national_title_text(RuleMeta meta, const Params& p) {
    std::string part = p.str("part");
    if (part != "national-title" && part != "motto") p.fail("part", "expected national-title or motto");
    std::string expected = utf8::nfc(p.str("expected"));
    if (utf8::fold(expected).empty()) p.fail("expected", "must contain letters");
    return std::make_unique<NationalTitleText>(std::move(meta), part == "motto", std::move(expected));
}

}  // namespace plancheck::rules
