// Word automatic numbering, resolved the way Word displays it. Counters belong
// to the abstract numbering definition (lists that share one continue each
// other); a w:num with a startOverride restarts its level the first time it is
// used; advancing a level resets every deeper level.
#include <array>
#include <string>

#include "core/utf8.h"
#include "ingest/docx/docx_parts.h"

namespace plancheck::ingest::docx {

namespace {

std::string roman(int n) {
    static const std::array<std::pair<int, const char*>, 13> kParts = {{{1000, "M"}, {900, "CM"}, {500, "D"},
        {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}};
    std::string out;
    for (auto [v, s] : kParts)
        while (n >= v && out.size() < 32) {
            out += s;
            n -= v;
        }
    return out;
}

// Word's letter numbering: a..z, then aa..zz, aaa.. (no Vietnamese đ).
std::string letters(int n, char a) {
    if (n < 1) return "";
    int rep = (n - 1) / 26 + 1;
    return std::string(static_cast<size_t>(std::min(rep, 8)), static_cast<char>(a + (n - 1) % 26));
}

Numbering::Level read_level(pugi::xml_node lvl) {
    Numbering::Level l;
    l.start = to_int(attr(kid(lvl, "start"), "val"), 1);
    if (auto f = kid(lvl, "numFmt")) l.fmt = attr(f, "val");
    if (auto t = kid(lvl, "lvlText")) l.text = attr(t, "val");
    else l.text = "%" + std::to_string(to_int(attr(lvl, "ilvl"), 0) + 1) + ".";
    l.legal = static_cast<bool>(kid(lvl, "isLgl"));
    return l;
}

// Bullets from symbol fonts are private-use code points; show the character
// a reader sees.
std::string bullet(const std::string& text) {
    size_t i = 0;
    char32_t c = text.empty() ? U'•' : utf8::next(text, i);
    switch (c) {
        case 0xF0B7: case 0xF0A8: case 0xF0FC: case 0xF076: case 0xF0D8: case 0xF0E0: return "•";
        case 0xF0A7: case 0xF06E: return "▪";
        case 'o': return "◦";
        default: return text.empty() ? "•" : text;
    }
}

}  // namespace

std::string format_number(int n, const std::string& fmt) {
    if (fmt == "upperRoman") return roman(n);
    if (fmt == "lowerRoman") {
        std::string r = roman(n);
        for (auto& ch : r) ch = static_cast<char>(ch - 'A' + 'a');
        return r;
    }
    if (fmt == "upperLetter") return letters(n, 'A');
    if (fmt == "lowerLetter") return letters(n, 'a');
    if (fmt == "decimalZero") return (n < 10 ? "0" : "") + std::to_string(n);
    return std::to_string(n);  // decimal and formats plancheck does not distinguish
}

void Numbering::load(const pugi::xml_document& xml) {
    auto root = xml.document_element();
    for (auto n : root.children()) {
        std::string_view name = local(n.name());
        if (name == "abstractNum") {
            auto& levels = abstract_[to_int(attr(n, "abstractNumId"), -1)];
            for (auto l : n.children())
                if (local(l.name()) == "lvl") levels[to_int(attr(l, "ilvl"), 0)] = read_level(l);
        } else if (name == "num") {
            Num num;
            num.abstract = to_int(attr(kid(n, "abstractNumId"), "val"), -1);
            for (auto o : n.children()) {
                if (local(o.name()) != "lvlOverride") continue;
                int il = to_int(attr(o, "ilvl"), 0);
                if (auto so = kid(o, "startOverride")) num.start_override[il] = to_int(attr(so, "val"), 1);
                if (auto l = kid(o, "lvl")) num.level_override[il] = read_level(l);
            }
            nums_[to_int(attr(n, "numId"), 0)] = std::move(num);
        }
    }
}

const Numbering::Level* Numbering::level(const Num& n, int ilvl) const {
    if (auto it = n.level_override.find(ilvl); it != n.level_override.end()) return &it->second;
    auto a = abstract_.find(n.abstract);
    if (a == abstract_.end()) return nullptr;
    auto it = a->second.find(ilvl);
    return it == a->second.end() ? nullptr : &it->second;
}

std::string Numbering::next(NumRef ref) {
    if (ref.num_id == 0 || ref.ilvl < 0 || ref.ilvl > 8) return "";
    auto nit = nums_.find(ref.num_id);
    if (nit == nums_.end()) return "";
    Num& num = nit->second;
    const Level* lv = level(num, ref.ilvl);
    if (!lv) return "";
    auto& cnt = counters_[num.abstract];
    cnt.resize(9);
    if (!num.used) {
        num.used = true;
        for (auto [il, start] : num.start_override)
            if (il >= 0 && il < 9) cnt[static_cast<size_t>(il)] = start - 1;
    }
    auto& c = cnt[static_cast<size_t>(ref.ilvl)];
    auto start_of = [&](int il) {
        auto so = num.start_override.find(il);
        const Level* l = level(num, il);
        return so != num.start_override.end() ? so->second : l ? l->start : 1;
    };
    c = c ? *c + 1 : start_of(ref.ilvl);
    for (size_t d = static_cast<size_t>(ref.ilvl) + 1; d < cnt.size(); ++d) cnt[d].reset();
    if (lv->fmt == "none") return "";
    if (lv->fmt == "bullet") return bullet(lv->text);
    std::string out;
    const std::string& t = lv->text;
    for (size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
            int il = t[i + 1] - '1';
            const Level* ol = level(num, il);
            int value = cnt[static_cast<size_t>(il)].value_or(start_of(il));
            bool legal = lv->legal && il < ref.ilvl;
            out += format_number(value, legal || !ol ? "decimal" : ol->fmt);
            ++i;
        } else {
            out += t[i];
        }
    }
    return out;
}

}  // namespace plancheck::ingest::docx
