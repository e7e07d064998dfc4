// citation.mismatch: a known document cited with another date, issuer, type or
// symbol than the registry's. One rule per field (params.field), so each has
// its own message and severity; facts not CONFIRMED give warnings at most.
#include "core/utf8.h"
#include "extract/citation_lexicon.h"
#include "extract/dates.h"
#include "rules/kinds/citation_common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

enum class Field { Date, Issuer, Type, Symbol };

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

std::string number_of(const std::string& key) {
    std::string n = key.substr(0, key.find_first_of("/-"));
    while (n.size() > 1 && n[0] == '0') n.erase(0, 1);
    return n;
}

class Mismatch final : public Rule {
public:
    Mismatch(RuleMeta m, Field f) : Rule(std::move(m)), field_(f) {}

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
                if (c.date.year != e.date.year && !e.key.empty() && c.symbol_year == 0 && !same_document_despite_year(c, e))
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

    Field field_;
};

}  // namespace

std::unique_ptr<Rule> make_citation_mismatch(RuleMeta meta, const Params& p) {
    std::string f = p.str("field");
    Field field = Field::Date;
    if (f == "date") field = Field::Date;
    else if (f == "issuer") field = Field::Issuer;
    else if (f == "type") field = Field::Type;
    else if (f == "symbol") field = Field::Symbol;
    else p.fail("field", "expected date, issuer, type or symbol");
    return std::make_unique<Mismatch>(std::move(meta), field);
}

}  // namespace plancheck::rules
