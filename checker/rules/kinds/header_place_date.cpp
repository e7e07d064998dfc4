// The place and date line (Decree 30, Appendix I, Part I, II.4):
// "<place>, ngày dd tháng mm năm yyyy", written in full, with a leading zero for
// days below 10 and for months 1 and 2 only.
//   check: blank   day or month left empty (a draft); info with --draft
//   check: format  leading zeros, or the date written "dd/mm/yyyy"
//   check: real    a day that does not exist (31/4, 29/02/2021)
//   check: future  later than today (CheckOptions::today)
//   check: place   no place name before the date
#include "core/utf8.h"
#include "extract/date_line.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

enum class Check { Blank, Format, Real, Future, Place };

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string written(const Date& d) {
    std::string month = d.month <= 2 ? two(d.month) : std::to_string(d.month);
    return "ngày " + two(d.day) + " tháng " + month + " năm " + std::to_string(d.year);
}

class PlaceDate final : public Rule {
public:
    PlaceDate(RuleMeta m, Check c) : Rule(std::move(m)), check_(c) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const Model& m = ctx.model;
        if (!m.outline.header.place_date) return;
        auto dl = extract::parse_date_line(*m.doc, *m.outline.header.place_date);
        if (!dl) return;
        const Date& d = dl->date;
        std::string found(m.text(dl->whole));
        switch (check_) {
            case Check::Blank: {
                if (!dl->day_text.empty() && !dl->month_text.empty()) return;
                TextRef at = dl->day_text.empty() ? dl->day : dl->month;
                auto& diag = emit.at(at, {{"found", found}});
                if (emit.options().draft || m.outline.draft) emit.with_severity(diag, Severity::Info);
                return;
            }
            case Check::Format: {
                if (!d.complete() || !is_real_date(d)) return;
                std::string expected = written(d);
                bool day_ok = dl->day_text == two(d.day);
                bool month_ok = dl->month_text == (d.month <= 2 ? two(d.month) : std::to_string(d.month));
                if (!dl->slash_form && day_ok && month_ok) return;
                emit.at(dl->whole, {{"found", found}, {"expected", expected}});
                return;
            }
            case Check::Real:
                if (d.year && d.month && d.day && !is_real_date(d))
                    emit.at(dl->whole, {{"found", found}});
                return;
            case Check::Future: {
                const Date& today = emit.options().today;
                if (!today.complete() || !d.year) return;
                // A partial (draft) date is in the future only when its known parts are.
                Date probe{d.day ? d.day : 1, d.month ? d.month : 1, d.year};
                if (!is_real_date(probe) || compare(probe, today) <= 0) return;
                emit.at(dl->whole, {{"found", found},
                                    {"today", two(today.day) + "/" + two(today.month) + "/" + std::to_string(today.year)}});
                return;
            }
            case Check::Place:
                if (!utf8::fold(dl->place).empty()) return;
                emit.at(dl->whole, {{"found", found}});
                return;
        }
    }

private:
    Check check_;
};

}  // namespace

std::unique_ptr<Rule> make_place_date(RuleMeta meta, const Params& p) {
    std::string c = p.str("check");
    Check check;
    if (c == "blank") check = Check::Blank;
    else if (c == "format") check = Check::Format;
    else if (c == "real") check = Check::Real;
    else if (c == "future") check = Check::Future;
    else if (c == "place") check = Check::Place;
    else p.fail("check", "expected blank, format, real, future or place");
    return std::make_unique<PlaceDate>(std::move(meta), check);
}

}  // namespace plancheck::rules
