#include "rules/kinds/phrases.h"

#include <cmath>
#include <cstdio>

#include "core/utf8.h"

namespace plancheck::rules {

PhraseSet::PhraseSet(const Params& p, const std::string& key) {
    if (!p.has(key)) p.fail(key, "missing required key '" + key + "'");
    const yaml::Node& n = *p.value(key);
    if (!n.is_sequence() || n.size() == 0) p.fail(key, "expected a non-empty list of phrases or lists of phrases");
    for (const auto& alt : n.children) {
        std::vector<std::string> all;
        if (alt.is_scalar()) {
            all.push_back(utf8::fold(alt.scalar));
        } else if (alt.is_sequence()) {
            for (const auto& ph : alt.children) {
                if (!ph.is_scalar()) p.fail_at(ph, key + ": expected a phrase");
                all.push_back(utf8::fold(ph.scalar));
            }
        } else {
            p.fail_at(alt, key + ": expected a phrase or a list of phrases");
        }
        for (const auto& f : all)
            if (f.empty()) p.fail_at(alt, key + ": a phrase has no letters or digits");
        alternatives_.push_back(std::move(all));
    }
}

bool PhraseSet::matches(std::string_view folded) const {
    // Phrases match on word boundaries of the folded text.
    auto has = [&](const std::string& ph) {
        for (size_t at = folded.find(ph); at != std::string_view::npos; at = folded.find(ph, at + 1)) {
            bool left = at == 0 || folded[at - 1] == ' ';
            bool right = at + ph.size() == folded.size() || folded[at + ph.size()] == ' ';
            if (left && right) return true;
        }
        return false;
    };
    for (const auto& alt : alternatives_) {
        bool all = true;
        for (const auto& ph : alt) all = all && has(ph);
        if (all) return true;
    }
    return false;
}

std::string format_number(double v) {
    char buf[32];
    if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%g", v);
    std::string s = buf;
    for (auto& c : s)
        if (c == '.') c = ',';
    return s;
}

}  // namespace plancheck::rules
