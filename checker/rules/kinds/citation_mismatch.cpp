// citation.mismatch: a known document cited with another date, issuer, type,
// symbol or (for a Law) name than the registry's. One rule per field (params.field), so each has
// its own message and severity; facts not CONFIRMED give warnings at most.
#include "core/utf8.h"
#include "extract/citation_lexicon.h"
#include "extract/dates.h"
#include "rules/kinds/citation_common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

enum class Field { Date, Issuer, Type, Symbol, Name };

// A number is unique only within a year (Decree 30): a citation of
// "1676/QĐ-TTg" from another year is another document unless its summary
// repeats the registry title.
bool same_document_despite_year(const Citation& c, const RegistryEntry& e) {
    if (e.title.empty() || c.summary.empty()) return false;
    std::string s = " " + utf8::fold(c.summary) + " ", t = utf8::fold(e.title);
    int words = 0, hits = 0;
    size_t i = 0;
    while (i < t.size()) {
        size_t j = t.find(' ', i);
        if (j == std::string::npos) j = t.size();
        std::string w = t.substr(i, j - i);
        if (w.size() >= 3) {
            ++words;
            hits += s.find(" " + w + " ") != std::string::npos;
        }
        i = j + 1;
    }
    return hits >= 3 && hits * 2 >= words;
}

// Numbers of the Party's central documents ("28-NQ/TW") run from 01 within a
// term of the Central Committee, not within a year (Hướng dẫn 36-HD/VPTW; see
// FACTS.md): a citation of the same number and symbol dated in another year of
// the same term is the same document with a wrong year. `terms` holds the first
// day of each term, in order; `until` the last day known to belong to the last
// one. A date outside the known terms, or a bare year in a year a term begins,
// is not judged.
int party_term(const Date& d, const std::vector<Date>& terms, const Date& until) {
    if (d.year == 0 || terms.empty() || compare(d, terms.front()) < 0 || compare(d, until) > 0) return -1;
    for (size_t i = terms.size(); i-- > 0;) {
        if (!d.complete() && d.year == terms[i].year) return -1;
        if (compare(d, terms[i]) >= 0) return static_cast<int>(i);
    }
    return -1;
}

bool party_central_key(const std::string& key) {
    size_t dash = key.find('-');
    return dash != std::string::npos && key.size() > 3 && key.compare(key.size() - 3, 3, "/TW") == 0 &&
           key.find('/') > dash;
}

std::string number_of(const std::string& key) {
    std::string n = key.substr(0, key.find_first_of("/-"));
    while (n.size() > 1 && n[0] == '0') n.erase(0, 1);
    return n;
}

class Mismatch final : public Rule {
public:
    Mismatch(RuleMeta m, Field f, std::vector<Date> terms, Date until)
        : Rule(std::move(m)), field_(f), terms_(std::move(terms)), until_(until) {}

    void check(const Context& ctx, Emitter& emit) const override {
        for (const auto& c : ctx.model.citations) {
            Resolution r = lookup(ctx, c);
            if (field_ == Field::Symbol) {
                if (!r.entry) symbol(ctx, c, emit);
                continue;
            }
            if (!r.entry) continue;
            const RegistryEntry& e = *r.entry;
            Args args{{"cited", cite_label(ctx.model, c)}};
            if (field_ == Field::Date && !c.date.empty() && !e.date.empty()) {
                bool differs = c.date.complete() ? !(c.date == e.date) : c.date.year != e.date.year;
                if (!differs) continue;
                if (c.date.year != e.date.year && !e.key.empty() && c.symbol_year == 0 && !same_document_despite_year(c, e) &&
                    !same_party_term(c, e))
                    continue;
                args.push_back({"found", std::string(ctx.model.text(c.date_ref))});
                args.push_back({"expected", extract::format_date(e.date)});
                auto& d = emit.at(c.date_ref, args);
                emit.with_severity(d, capped(d.severity, e.date_confidence));
            } else if (field_ == Field::Issuer && !c.issuer.empty() && !e.issuer.empty() && !e.local &&
                       ctx.registry && !ctx.registry->issuer_matches(e, c.issuer)) {
                args.push_back({"found", c.issuer});
                args.push_back({"expected", e.issuer});
                auto& d = emit.at(c.issuer_ref, args);
                emit.with_severity(d, capped(d.severity, e.confidence));
            } else if (field_ == Field::Name && !c.name.empty() && !e.name.empty() && !c.key.empty() &&
                       utf8::fold(c.name) != utf8::fold(e.name)) {
                // "Luật Việc làm số 58/2014/QH13": the number names another law.
                args.push_back({"found", c.name});
                args.push_back({"expected", e.name});
                auto& d = emit.at(c.summary_ref, args);
                emit.with_severity(d, capped(d.severity, e.confidence));
            } else if (field_ == Field::Type && !c.type_written.empty() && !c.type.empty() && c.type != e.type &&
                       c.type != "Văn bản") {
                // A symbol that carries a type abbreviation is citation.malformed's business.
                auto p = extract::symbol_parts(c);
                if (p.has_type_slot && !extract::type_for_abbr(p.type_abbr).empty()) continue;
                args.push_back({"found", c.type});
                args.push_back({"expected", e.type});
                auto& d = emit.at(c.ref, args);
                emit.with_severity(d, capped(d.severity, e.confidence));
            }
        }
    }

private:
    // An unknown key whose number, type and full date are those of a known
    // document: the symbol was miscopied ("1676/QĐ-BLĐTBXH ngày 21/11/2019").
    void symbol(const Context& ctx, const Citation& c, Emitter& emit) const {
        if (!ctx.registry || c.key.empty() || c.type.empty() || !c.date.complete()) return;
        if (ctx.registry->by_bare_key(c.key).size()) return;  // a form problem, not another document
        for (const auto& e : ctx.registry->entries()) {
            if (e.local || e.type != c.type || !(e.date == c.date) || number_of(e.key) != number_of(c.key)) continue;
            auto& d = emit.at(c.number_ref, {{"cited", cite_label(ctx.model, c)},
                                             {"found", c.key}, {"expected", e.key}});
            emit.with_severity(d, capped(d.severity, e.confidence));
            return;
        }
    }

    bool same_party_term(const Citation& c, const RegistryEntry& e) const {
        if (!party_central_key(e.key)) return false;
        int a = party_term(c.date, terms_, until_), b = party_term(e.date, terms_, until_);
        return a >= 0 && a == b;
    }

    Field field_;
    std::vector<Date> terms_;
    Date until_;
};

}  // namespace

std::unique_ptr<Rule> make_citation_mismatch(RuleMeta meta, const Params& p) {
    std::string f = p.str("field");
    Field field = Field::Date;
    if (f == "date") field = Field::Date;
    else if (f == "issuer") field = Field::Issuer;
    else if (f == "type") field = Field::Type;
    else if (f == "symbol") field = Field::Symbol;
    else if (f == "name") field = Field::Name;
    else p.fail("field", "expected date, issuer, type, symbol or name");
    std::vector<Date> terms;
    for (const auto& t : p.strings_or_empty("party_terms")) {
        auto d = extract::parse_date_string(t);
        if (!d || !d->complete() || (!terms.empty() && compare(*d, terms.back()) <= 0))
            p.fail("party_terms", "expected dates d/m/yyyy in increasing order");
        terms.push_back(*d);
    }
    Date until;
    if (!terms.empty()) {
        auto d = extract::parse_date_string(p.str("party_terms_until"));
        if (!d || !d->complete() || compare(*d, terms.back()) < 0)
            p.fail("party_terms_until", "expected a date d/m/yyyy after the last term's start");
        until = *d;
    }
    return std::make_unique<Mismatch>(std::move(meta), field, std::move(terms), until);
}

}  // namespace plancheck::rules
