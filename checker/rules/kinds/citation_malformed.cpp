// citation.malformed: a citation that breaks the forms of Decree 30 — an
// impossible date, a type abbreviation that is unknown or contradicts the
// written type name — and, as warnings at most, two observed conventions:
// the Party hyphen form versus the State slash form, and a year inside the
// symbol only for normative documents (params.check picks one).
#include <algorithm>

#include "core/utf8.h"
#include "extract/citation_lexicon.h"
#include "rules/kinds/citation_common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

// Edit distance between two abbreviations, case folded, stopping at 2.
int distance(std::string_view a, std::string_view b) {
    std::u32string x, y;
    std::string fa = utf8::fold(a), fb = utf8::fold(b);
    for (size_t i = 0; i < fa.size();) x += utf8::next(fa, i);
    for (size_t i = 0; i < fb.size();) y += utf8::next(fb, i);
    if (x.size() > y.size() + 1 || y.size() > x.size() + 1) return 2;
    std::vector<int> row(y.size() + 1);
    for (size_t j = 0; j <= y.size(); ++j) row[j] = static_cast<int>(j);
    for (size_t i = 1; i <= x.size(); ++i) {
        int diag = row[0];
        row[0] = static_cast<int>(i);
        for (size_t j = 1; j <= y.size(); ++j) {
            int up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return std::min(row[y.size()], 2);
}

// The type is written with a qualifier: "Thông báo thụ lý", "Kế hoạch phối
// hợp", "Chương trình phối hợp". Such documents (a court's notices, joint
// plans of several agencies) have symbols of their own ("TLST", "KHPH", a year)
// that the plain type's conventions do not describe.
bool qualified(const Citation& c) {
    if (c.type_written.empty() || c.type_inferred) return false;
    std::string w = utf8::fold(c.type_written), t = utf8::fold(c.type);
    return w.size() > t.size() && w.compare(0, t.size(), t) == 0 && w[t.size()] == ' ';
}

enum class Check { Date, TypeAbbr, PartyForm, YearMissing, YearUnexpected };

std::string join_form(const Citation& c, const extract::SymbolParts& p, bool party) {
    std::string s = c.number + (party ? "-" : "/");
    if (p.year) s += std::to_string(p.year) + "/";
    for (size_t i = 0; i < p.groups.size(); ++i) {
        if (i) s += (party && i == 1) ? "/" : "-";
        s += p.groups[i];
    }
    return s;
}

class Malformed final : public Rule {
public:
    Malformed(RuleMeta m, Check c) : Rule(std::move(m)), check_(c) {}

    void check(const Context& ctx, Emitter& emit) const override {
        for (const auto& c : ctx.model.citations) {
            Args args{{"cited", cite_text(ctx.model, c)}};
            switch (check_) {
                case Check::Date:
                    if (c.date.day && c.date.month && !is_real_date(c.date)) {
                        args.push_back({"found", std::string(ctx.model.text(c.date_ref))});
                        emit.at(c.date_ref, args);
                    }
                    break;
                case Check::TypeAbbr: type_abbr(ctx, c, args, emit); break;
                case Check::PartyForm: party_form(ctx, c, args, emit); break;
                case Check::YearMissing:
                case Check::YearUnexpected: symbol_year(c, args, emit); break;
            }
        }
    }

private:
    void type_abbr(const Context&, const Citation& c, Args& args, Emitter& emit) const {
        if (c.key.empty()) return;
        auto p = extract::symbol_parts(c);
        if (!p.has_type_slot) return;
        std::string_view abbr_type = extract::type_for_abbr(p.type_abbr);
        const extract::TypeInfo* written = c.type_written.empty() ? nullptr : extract::type_by_name(c.type);
        std::string expected = written && !written->abbrs.empty() ? std::string(written->abbrs.front()) : "";
        if (abbr_type.empty()) {
            // A symbol without a type abbreviation is how a công văn is numbered:
            // an agency may well call its công văn a report ("Báo cáo số
            // 27/TTXT-ĐTDN"), and compound or court abbreviations ("KHPH",
            // "TLST") are not in Appendix III. Only a misspelt abbreviation, one
            // letter away from the written type's ("KHH" for "KH"), is an error.
            if (expected.empty() || qualified(c)) return;
            if (!written || std::none_of(written->abbrs.begin(), written->abbrs.end(),
                                         [&](std::string_view a) { return distance(a, p.type_abbr) <= 1; }))
                return;
        } else {
            if (!written || written->abbrs.empty()) return;
            for (auto a : written->abbrs)
                if (a == p.type_abbr) return;
        }
        args.push_back({"found", p.type_abbr});
        args.push_back({"type", c.type.empty() ? "?" : c.type});
        args.push_back({"expected", expected.empty() ? "?" : expected});
        emit.at(c.number_ref, args);
    }

    void party_form(const Context& ctx, const Citation& c, Args& args, Emitter& emit) const {
        if (c.key.empty()) return;
        if (ctx.registry && !ctx.registry->by_key(c.key).empty()) return;  // the registry writes it so
        auto p = extract::symbol_parts(c);
        if (p.groups.size() < 2 || p.year) return;
        bool party_body = extract::is_party_issuer_code(p.issuer_code);
        bool state_body = extract::is_state_issuer_code(p.issuer_code);
        if (!c.party_form && party_body) args.push_back({"expected", join_form(c, p, true)});
        else if (c.party_form && state_body) args.push_back({"expected", join_form(c, p, false)});
        else return;
        args.push_back({"found", c.key});
        emit.at(c.number_ref, args);
    }

    void symbol_year(const Citation& c, Args& args, Emitter& emit) const {
        // Only a symbol as written is judged: a back-reference ("Bộ luật Lao động
        // năm 2019", "Nghị định 30") borrows its key from the full citation.
        if (c.key.empty() || c.symbol.empty() || c.type.empty() || qualified(c)) return;
        const extract::TypeInfo* t = extract::type_by_name(c.type);
        if (!t) return;
        bool hit = check_ == Check::YearMissing ? t->always_normative && !c.symbol_year
                                                : t->never_normative && c.symbol_year;
        if (!hit) return;
        args.push_back({"found", c.key});
        args.push_back({"type", c.type});
        emit.at(c.number_ref, args);
    }

    Check check_;
};

}  // namespace

std::unique_ptr<Rule> make_citation_malformed(RuleMeta meta, const Params& p) {
    std::string s = p.str("check");
    Check c = Check::Date;
    if (s == "date") c = Check::Date;
    else if (s == "type-abbreviation") c = Check::TypeAbbr;
    else if (s == "party-form") c = Check::PartyForm;
    else if (s == "year-missing") c = Check::YearMissing;
    else if (s == "year-unexpected") c = Check::YearUnexpected;
    else p.fail("check", "expected date, type-abbreviation, party-form, year-missing or year-unexpected");
    return std::make_unique<Malformed>(std::move(meta), c);
}

}  // namespace plancheck::rules
