#include "plancheck/suppression.h"

#include "core/utf8.h"

namespace plancheck {

namespace {
bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ','; }
}  // namespace

std::string_view to_string(Directive::Kind k) {
    switch (k) {
        case Directive::Kind::Disable: return "plancheck-disable";
        case Directive::Kind::Enable: return "plancheck-enable";
        case Directive::Kind::DisableNextLine: return "plancheck-disable-next-line";
        case Directive::Kind::Unknown:
        case Directive::Kind::Overflow: break;
    }
    return "plancheck-?";
}

std::optional<Directive> parse_directive(std::string_view comment) {
    std::string_view s = utf8::trim(comment);
    constexpr std::string_view kPrefix = "plancheck-";
    if (s.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
    Directive d;
    d.text = std::string(s);
    // A reason after " -- " is for the reader of the document, not for plancheck.
    if (auto dash = s.find("--"); dash != std::string_view::npos && dash > 0 && space(s[dash - 1]))
        s = utf8::trim(s.substr(0, dash));
    size_t i = 0;
    auto word = [&]() -> std::string_view {
        while (i < s.size() && space(s[i])) ++i;
        size_t b = i;
        while (i < s.size() && !space(s[i])) ++i;
        return s.substr(b, i - b);
    };
    std::string_view head = word();
    if (head == "plancheck-disable") d.kind = Directive::Kind::Disable;
    else if (head == "plancheck-enable") d.kind = Directive::Kind::Enable;
    else if (head == "plancheck-disable-next-line") d.kind = Directive::Kind::DisableNextLine;
    else d.kind = Directive::Kind::Unknown;
    for (std::string_view w = word(); !w.empty() && d.names.size() < kMaxDirectiveNames; w = word())
        d.names.emplace_back(w);
    if (d.kind == Directive::Kind::Unknown) d.names = {std::string(head)};  // the word to correct
    return d;
}

}  // namespace plancheck
