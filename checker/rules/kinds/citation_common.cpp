#include "rules/kinds/citation_common.h"

#include <cctype>

#include "core/utf8.h"
#include "extract/date_line.h"
#include "extract/dates.h"

namespace plancheck::rules {

Date document_date(const Model& m) {
    if (!m.issue_date.empty()) return m.issue_date;
    if (!m.doc || !m.outline.header.place_date) return {};
    // A place-date line is short before its "ngày"; a long sentence that merely
    // contains a date (a basis taken for the place-date line) is not the document's date.
    // A V/v line citing a document is not the place-date line either.
    const std::string& t = m.doc->blocks[*m.outline.header.place_date].text;
    size_t ngay = t.find("ngày");
    if (ngay == std::string::npos || ngay > 60 || t.find("Căn cứ") != std::string::npos) return {};
    if (auto dl = extract::parse_date_line(*m.doc, *m.outline.header.place_date); dl && !extract::place_like(*dl))
        return {};
    return extract::parse_place_date(t);
}

Date earliest(const Date& d) {
    if (d.empty()) return d;
    return {d.day ? d.day : 1, d.month ? d.month : 1, d.year};
}

Date latest(const Date& d) {
    if (d.empty()) return d;
    Date l{d.day, d.month ? d.month : 12, d.year};
    if (!l.day) {
        l.day = 31;
        while (l.day > 28 && !is_real_date(l)) --l.day;
    }
    return l;
}

std::string cite_text(const Model& m, const Citation& c) { return std::string(m.text(c.ref)); }

std::string cite_label(const Model& m, const Citation& c) {
    if (c.key.empty() || c.type.empty()) return cite_text(m, c);
    return c.type + " số " + c.key;
}

Severity capped(Severity s, Confidence c) {
    if (c != Confidence::Confirmed && s == Severity::Error) return Severity::Warning;
    return s;
}

Resolution lookup(const Context& ctx, const Citation& c) {
    if (!ctx.registry) return {};
    return resolve(*ctx.registry, c);
}

std::string identity(const Citation& c) {
    if (!c.key.empty()) return c.key;
    if (!c.name.empty())
        return c.type + "|" + utf8::fold(c.name) + "|" + (c.date.empty() ? "" : extract::format_date(c.date));
    return {};
}

// The document's own number-symbol from its "Số: 91/KH-UBND" line, lower case,
// spaces removed ("Số: 144 /KH-UBND" of a signed draft); "" when absent or blank.
std::string own_key(const Model& m) {
    const auto& h = m.outline.header;
    if (!h.number) return {};
    std::string t = utf8::lower(m.doc->blocks[*h.number].text);
    size_t p = t.find("số");
    if (p == std::string::npos) return {};
    std::string key;
    bool started = false;
    for (size_t i = p + std::string_view("số").size(); i < t.size(); ++i) {
        char c = t[i];
        if ((c == ' ' || c == ':' || c == '\t') && !started) continue;
        if (c == ' ') {
            // "144 /kh-ubnd": a space before the slash of a stamped number.
            size_t n = t.find_first_not_of(' ', i);
            if (n != std::string::npos && t[n] == '/' && key.find('/') == std::string::npos) { i = n - 1; continue; }
            break;
        }
        started = true;
        key += c;
    }
    if (key.empty() || !std::isdigit(static_cast<unsigned char>(key[0])) || key.find('/') == std::string::npos) return {};
    return key;
}


}  // namespace plancheck::rules
