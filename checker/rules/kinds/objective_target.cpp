// Quantified objectives against the parent's targets. The rule file lists the
// subjects (each with the phrases that identify it, most specific first) and
// their targets per year; an objective belongs to the first subject whose
// phrases occur around its value (Objective::subject).
//   check: below    a value below the parent's for the same subject and year
//   check: year     a subject's target set for a year the parent has none for
//   check: missing  a target marked `required` that the plan does not state
// A plan whose title names its horizon ("giai đoạn 2021 - 2025", "năm 2023")
// is not asked for targets due after it.
// A target with `status: single-source` is reported at most as a warning (the
// facts policy: only confirmed facts may be errors).
#include <re2/re2.h>

#include "core/utf8.h"
#include "extract/extract.h"
#include "rules/kinds/kinds.h"
#include "rules/kinds/phrases.h"

namespace plancheck::rules {
namespace {

enum class Check { Below, Year, Missing };

struct Target {
    int year = 0;
    double value = 0;
    bool required = false;
    bool single_source = false;
};

struct Subject {
    std::string name;
    PhraseSet match;
    std::vector<Target> targets;
};

class ObjectiveTarget final : public Rule {
public:
    ObjectiveTarget(RuleMeta m, Check c, std::vector<Subject> s, std::vector<std::string> within)
        : Rule(std::move(m)), check_(c), subjects_(std::move(s)), within_(std::move(within)) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const Model& m = ctx.model;
        std::vector<std::pair<const Objective*, const Subject*>> found;
        for (const auto& o : m.objectives)
            if (const Subject* s = subject_of(m, o)) found.emplace_back(&o, s);
        if (check_ == Check::Missing) { missing(m, found, emit); return; }
        for (auto [o, s] : found) {
            if (!o->year) continue;
            const Target* t = nullptr;
            for (const auto& tg : s->targets)
                if (tg.year == o->year) t = &tg;
            Args args{{"subject", s->name}, {"year", std::to_string(o->year)},
                      {"found", format_number(o->value) + o->unit}};
            if (check_ == Check::Below && t && o->value + 1e-9 < t->value) {
                args.push_back({"expected", format_number(t->value) + "%"});
                cap(emit, emit.at(o->ref, args), *t);
            }
            if (check_ == Check::Year && !t) {
                std::string years;
                for (const auto& tg : s->targets) years += (years.empty() ? "" : ", ") + std::to_string(tg.year);
                args.push_back({"years", years});
                emit.at(o->ref, args);
            }
        }
    }

private:
    const Subject* subject_of(const Model& m, const Objective& o) const {
        std::string f = utf8::fold(extract::subject_of(*m.doc, o));
        for (const auto& s : subjects_)
            if (s.match.matches(f)) return &s;
        return nullptr;
    }
    static void cap(Emitter& emit, Diagnostic& d, const Target& t) {
        if (t.single_source && d.severity == Severity::Error) emit.with_severity(d, Severity::Warning);
    }
    // The last year the plan covers, from its title; 0 when the title does not say.
    static int horizon(const Model& m) {
        int end = 0;
        for (const auto& p : m.phases)
            if (p.in_title) end = std::max(end, p.to);
        if (end) return end;
        // "năm 2023", but not the year of a date ("ngày 21 tháng 11 năm 2019").
        static const RE2 year("(?i)(tháng[ \\t]+[0-9]{1,2}[ \\t]+)?năm[ \\t]+((?:19|20)[0-9]{2})");
        for (uint32_t b : m.outline.header.title) {
            re2::StringPiece in(m.doc->blocks[b].text), date, y;
            while (RE2::FindAndConsume(&in, year, &date, &y))
                if (date.empty()) end = std::max(end, std::stoi(std::string(y.data(), y.size())));
        }
        return end;
    }
    void missing(const Model& m, const std::vector<std::pair<const Objective*, const Subject*>>& found,
                 Emitter& emit) const {
        const int until = horizon(m);
        for (const auto& s : subjects_) {
            for (const auto& t : s.targets) {
                if (!t.required || (until && t.year > until)) continue;
                bool stated = false;
                for (auto [o, subj] : found) stated = stated || (subj == &s && o->year == t.year);
                if (stated) continue;
                Args args{{"subject", s.name}, {"year", std::to_string(t.year)},
                          {"expected", format_number(t.value) + "%"}};
                cap(emit, emit.missing_before(where(m), args), t);
            }
        }
    }
    // The heading of the objectives section (the first alias found), else the body start.
    uint32_t where(const Model& m) const {
        for (const auto& w : within_)
            for (const auto& sec : m.outline.sections)
                if (utf8::fold(sec.title).compare(0, w.size(), w) == 0) return sec.block;
        return m.outline.body_begin;
    }
    Check check_;
    std::vector<Subject> subjects_;
    std::vector<std::string> within_;
};

}  // namespace

std::unique_ptr<Rule> make_objective_target(RuleMeta meta, const Params& p) {
    std::string c = p.str("check");
    Check check;
    if (c == "below") check = Check::Below;
    else if (c == "year") check = Check::Year;
    else if (c == "missing") check = Check::Missing;
    else p.fail("check", "expected below, year or missing");
    std::vector<Subject> subjects;
    for (const auto& sp : p.list("subjects")) {
        Subject s;
        s.name = sp.str("name");
        s.match = PhraseSet(sp, "match");
        for (const auto& tp : sp.list("targets")) {
            Target t;
            t.year = static_cast<int>(tp.integer("year"));
            t.value = tp.number("value", -1);
            if (t.value < 0) tp.fail("value", "a target value (a percentage) is required");
            t.required = tp.boolean("required", false);
            std::string status = tp.str("status", "confirmed");
            if (status != "confirmed" && status != "single-source")
                tp.fail("status", "expected confirmed or single-source (unconfirmed facts are never targets)");
            t.single_source = status == "single-source";
            tp.finish();
            s.targets.push_back(t);
        }
        sp.finish();
        subjects.push_back(std::move(s));
    }
    std::vector<std::string> within;
    for (const auto& w : p.strings_or_empty("within")) within.push_back(utf8::fold(w));
    return std::make_unique<ObjectiveTarget>(std::move(meta), check, std::move(subjects), std::move(within));
}

}  // namespace plancheck::rules
