// The number and symbol line (Decree 30, Appendix I, Part I, II.3; Appendix III):
// "Số: 05/KH-UBND" for State documents, "Số 28-NQ/TW" for Party documents.
//   check: blank   the number is left empty ("Số: /KH-STNMT"); info with --draft
//   check: format  slash after the number, hyphens between groups, no spaces,
//                  a leading zero below 10 (the message shows the corrected line)
//   check: type    the type abbreviation (Appendix III) agrees with the type name
#include <algorithm>

#include "core/utf8.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

enum class Check { Blank, Format, Type };

struct NumberLine {
    size_t value_begin = 0;    // after "Số" and the colon
    bool colon = false;
    std::string number;        // digits, "" when blank
    std::vector<std::string> groups;  // symbol groups: {"KH", "UBND"}; a year group "2023" stays first
    bool hyphen_after_number = false;
    std::string_view value;    // the text after "Số:" trimmed, up to the end of the symbol
    bool stamp_gap = false;    // spaces between the number and the slash
};

bool is_dash(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2013 || c == 0x2014; }

NumberLine parse(std::string_view t) {
    NumberLine n;
    size_t i = 0;
    utf8::next(t, i);  // S
    utf8::next(t, i);  // ố
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
    if (i < t.size() && t[i] == ':') { n.colon = true; ++i; }
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
    n.value_begin = i;
    n.value = utf8::trim(t.substr(i));
    // Two header columns merged into one line ("Số: 12/KH-STNMT Khánh Hòa, ngày
    // ..."): the symbol ends before the first word with a lower-case letter or
    // a comma. Symbols are upper case, digits and separators only.
    for (size_t w = 0; w < n.value.size();) {
        size_t e = n.value.find(' ', w);
        if (e == std::string_view::npos) e = n.value.size();
        std::string_view word = n.value.substr(w, e - w);
        bool lower = false;
        for (size_t k = 0; k < word.size();) {
            std::string one;
            utf8::append(one, utf8::next(word, k));
            lower = lower || utf8::upper(one) != one;
        }
        if (w > 0 && (lower || word.back() == ',')) {
            n.value = utf8::trim(n.value.substr(0, w));
            break;
        }
        w = e + 1;
    }
    size_t k = 0;
    auto digit = [&](size_t at) { return at < n.value.size() && std::isdigit(static_cast<unsigned char>(n.value[at])); };
    while (digit(k)) n.number += n.value[k++];
    // A register number in two parts ("122-12/PT-NC") is one number: the hyphen
    // joins digits, not the number and a symbol group.
    if (!n.number.empty() && k < n.value.size() && n.value[k] == '-' && digit(k + 1)) {
        size_t e = k + 1;
        while (digit(e)) ++e;
        size_t s = e;
        while (s < n.value.size() && n.value[s] == ' ') ++s;
        if (s < n.value.size() && n.value[s] == '/') {
            n.number += n.value.substr(k, e - k);
            k = e;
        }
    }
    // The gap left for the number to be written or stamped in after signing
    // ("Số: 144 /KH-UBND") is where the blank was, not a typing error.
    size_t gap = k;
    while (gap < n.value.size() && (n.value[gap] == ' ' || n.value[gap] == '\t')) ++gap;
    if (!n.number.empty() && gap > k && gap < n.value.size() && n.value[gap] == '/') {
        n.stamp_gap = true;
        k = gap;
    }
    std::string group;
    bool first_sep = true;
    for (size_t j = k; j < n.value.size();) {
        char32_t c = utf8::next(n.value, j);
        if (c == '/' || is_dash(c) || utf8::is_space(c) || c == '.' || c == 0x2026 || c == '_') {
            if (first_sep && !n.number.empty() && is_dash(c)) n.hyphen_after_number = true;
            if (c == '/' || is_dash(c)) first_sep = false;
            if (!group.empty()) n.groups.push_back(std::move(group));
            group.clear();
        } else {
            first_sep = false;
            utf8::append(group, c);
        }
    }
    if (!group.empty()) n.groups.push_back(std::move(group));
    return n;
}

std::string pad(const std::string& num) {
    std::string s = num;
    while (s.size() > 1 && s[0] == '0' && s.size() > 2) s.erase(0, 1);
    if (s.size() == 1) s = "0" + s;
    return s;
}

class NumberSymbol final : public Rule {
public:
    NumberSymbol(RuleMeta m, Check c, bool party, std::vector<std::pair<std::string, std::string>> types)
        : Rule(std::move(m)), check_(c), party_(party), types_(std::move(types)) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const Model& m = ctx.model;
        const HeaderInfo& h = m.outline.header;
        if (!h.number) return;
        const uint32_t b = *h.number;
        std::string_view t = m.doc->blocks[b].text;
        NumberLine n = parse(t);
        auto value_ref = [&] {
            auto vb = static_cast<uint32_t>(n.value.data() - t.data());
            return TextRef{b, vb, static_cast<uint32_t>(vb + n.value.size())};
        };
        switch (check_) {
            case Check::Blank: {
                if (!n.number.empty()) return;
                auto& d = emit.at(value_ref(), {{"found", std::string(t)}});
                if (emit.options().draft || ctx.model.outline.draft) emit.with_severity(d, Severity::Info);
                return;
            }
            case Check::Format: {
                if (n.groups.empty()) return;
                std::string expected = expected_line(n);
                std::string found = "Số" + std::string(n.colon ? ": " : " ") + without_gap(n);
                if (n.number.empty()) {
                    // Blank number: only the symbol can be judged.
                    if (symbol_of(n) == canonical_symbol_text(n)) return;
                } else if (found == expected) {
                    return;
                }
                // Only the number line itself: a merged header column (place and
                // date, V/v line) after the symbol is not part of what is wrong.
                auto end = static_cast<uint32_t>(n.value.data() + n.value.size() - t.data());
                emit.at(TextRef{b, 0, end}, {{"found", std::string(utf8::trim(t.substr(0, end)))}, {"expected", expected}});
                return;
            }
            case Check::Type: {
                if (n.groups.empty() || h.doc_type_name.empty()) return;
                std::string type = utf8::fold(h.doc_type_name);
                const std::string* want = nullptr;
                for (const auto& [name, abbr] : types_)
                    if (name == type) want = &abbr;
                if (!want) return;
                // Normative documents carry the year first: "15/2023/QĐ-UBND".
                size_t g = (n.groups.size() > 1 && n.groups[0].size() == 4 &&
                            std::all_of(n.groups[0].begin(), n.groups[0].end(), ::isdigit)) ? 1 : 0;
                if (n.groups[g] == *want) return;
                emit.at(value_ref(), {{"found", n.groups[g]}, {"expected", *want}, {"type", h.doc_type_name}});
                return;
            }
        }
    }

private:
    // The value with the stamping gap before the slash closed up.
    static std::string without_gap(const NumberLine& n) {
        std::string v(n.value);
        if (!n.stamp_gap) return v;
        size_t slash = v.find('/');
        size_t s = slash;
        while (s > 0 && (v[s - 1] == ' ' || v[s - 1] == '\t')) --s;
        return v.erase(s, slash - s);
    }
    // The symbol as typed, from its first letter.
    static std::string symbol_of(const NumberLine& n) {
        std::string_view v = n.value;
        size_t k = 0;
        while (k < v.size() && (std::isdigit(static_cast<unsigned char>(v[k])) || v[k] == '/' || v[k] == ' ' ||
                                v[k] == '.' || v[k] == '_' || v[k] == '-'))
            ++k;
        return std::string(v.substr(k));
    }
    std::string canonical_symbol_text(const NumberLine& n) const {
        std::string s;
        size_t g = 0;
        if (n.groups.size() > 1 && n.groups[0].size() == 4 &&
            std::all_of(n.groups[0].begin(), n.groups[0].end(), ::isdigit))
            g = 1;  // the year of a normative document is judged with the number
        for (size_t i = g; i < n.groups.size(); ++i) {
            if (i > g) s += (party_ && i == g + 1) ? "/" : "-";
            s += n.groups[i];
        }
        return s;
    }
    std::string expected_line(const NumberLine& n) const {
        std::string num = n.number.empty() ? "" : pad(n.number);
        std::string out = party_ ? "Số " : "Số: ";
        if (party_) {
            out += num + "-" + canonical_symbol_text(n);
            return out;
        }
        out += num + "/";
        if (n.groups.size() > 1 && n.groups[0].size() == 4 &&
            std::all_of(n.groups[0].begin(), n.groups[0].end(), ::isdigit))
            out += n.groups[0] + "/";
        out += canonical_symbol_text(n);
        return out;
    }

    Check check_;
    bool party_;
    std::vector<std::pair<std::string, std::string>> types_;  // folded type name -> abbreviation
};

}  // namespace

std::unique_ptr<Rule> make_number_symbol(RuleMeta meta, const Params& p) {
    std::string c = p.str("check");
    Check check;
    if (c == "blank") check = Check::Blank;
    else if (c == "format") check = Check::Format;
    else if (c == "type") check = Check::Type;
    else p.fail("check", "expected blank, format or type");
    std::string form = p.str("form", "state");
    if (form != "state" && form != "party") p.fail("form", "expected state or party");
    std::vector<std::pair<std::string, std::string>> types;
    if (check == Check::Type) {
        for (const auto& e : p.list("types")) {
            types.emplace_back(utf8::fold(e.str("name")), utf8::nfc(e.str("abbreviation")));
            e.finish();
        }
    }
    return std::make_unique<NumberSymbol>(std::move(meta), check, form == "party", std::move(types));
}

}  // namespace plancheck::rules
