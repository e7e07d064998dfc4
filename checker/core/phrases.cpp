#include "core/phrases.h"

#include <vector>

namespace plancheck::phrases {

namespace {

// Matches `text` against `pattern`; fills `holes` on success.
bool match(std::string_view pattern, std::string_view text, std::vector<std::string>& holes) {
    holes.clear();
    std::vector<std::string_view> lits;
    for (size_t at; (at = pattern.find("{}")) != std::string_view::npos; pattern.remove_prefix(at + 2))
        lits.push_back(pattern.substr(0, at));
    lits.push_back(pattern);
    if (lits.size() == 1) return lits[0] == text;
    const std::string_view last = lits.back();
    if (text.size() < lits[0].size() + last.size() || text.compare(0, lits[0].size(), lits[0]) != 0 ||
        text.compare(text.size() - last.size(), last.size(), last) != 0)
        return false;
    text = text.substr(lits[0].size(), text.size() - lits[0].size() - last.size());
    for (size_t i = 1; i + 1 < lits.size(); ++i) {
        size_t at = lits[i].empty() ? 1 : text.find(lits[i], 1);
        if (at == std::string_view::npos || at > text.size()) return false;
        holes.emplace_back(text.substr(0, at));
        text.remove_prefix(at + lits[i].size());
    }
    if (text.empty()) return false;
    holes.emplace_back(text);
    return true;
}

}  // namespace

std::string translate(std::string_view text, std::span<const Phrase> table, int depth) {
    std::vector<std::string> holes;
    for (const auto& p : table) {
        if (!match(p.en, text, holes)) continue;
        std::string out;
        std::string_view vi = p.vi;
        for (const auto& h : holes) {
            size_t at = vi.find("{}");
            out += vi.substr(0, at);
            out += depth > 0 ? translate(h, table, depth - 1) : h;
            vi.remove_prefix(at + 2);
        }
        out += vi;
        return out;
    }
    return std::string(text);
}

}  // namespace plancheck::phrases
