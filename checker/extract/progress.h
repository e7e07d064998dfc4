// A report against its plan (docs/progress.md): the document's identity from
// its header, the citation by which a report names its plan, the plan's
// horizon and the report's period, the figures a report states, and the
// progress table. Pure functions of the models: the pipeline pairs, the rules
// decide what is wrong.
#pragma once

#include <functional>

#include <optional>
#include <string>
#include <vector>

#include "plancheck/model.h"
#include "plancheck/progress.h"

namespace plancheck::extract {

// Number, symbol, date, agency and title from the header.
DocIdentity identity_of(const Model& m);

// Citations (indices into m.citations) by which a report may name the plan it
// reports on, most likely first: a Kế hoạch (or Chương trình) cited in the
// title, then in the bases and the opening paragraphs.
std::vector<int> plan_citations(const Model& report);

// How well citation `c` of `report` names a plan with identity `plan`:
// 0 = not this plan; higher is better (number, date, issuer agree).
// It is 0 whenever the plan has no symbol, symbol_key(c.symbol) !=
// symbol_key(plan.symbol), or the plan has a number and number_key(c.number)
// != number_key(plan.number): a batch's index of plans is keyed by these.
int pairing_score(const Model& report, const Citation& c, const DocIdentity& plan);

// A symbol in one spelling: "KH-UBND", "kh-ubnd" and "KH–UBND" give "khubnd".
std::string symbol_key(std::string_view symbol);
// A number's digits without leading zeros: "045" and "45" give "45".
std::string number_key(std::string_view number);

// "Kế hoạch số 45/KH-UBND ngày 12/3/2022" (blank parts left out).
std::string identity_name(const char* type, const DocIdentity& id);

// Years a document covers: a plan's horizon (title range, roadmap phases,
// target years, issue year), a report's period (title: "năm 2023",
// "giai đoạn 2021 - 2023"; else its issue year). {0, 0} when unknown.
std::pair<int, int> plan_horizon(const Model& plan);
std::pair<int, int> report_period(const Model& report);

// A figure a document states: a share ("85%") or a count ("12 hội nghị")
// with the words around it.
struct Figure {
    std::string kind;          // "share" or "count"
    double value = 0;
    std::string unit;          // "%" or the counted noun
    int year = 0;              // the year it is for, 0 if none
    std::vector<std::string> words;  // folded content syllables of its subject
    std::string subject;       // the subject as written
    TextRef ref, sentence;
    bool target = false;       // stated as a target ("phấn đấu", "chỉ tiêu"), not as a result
    bool change = false;       // a change ("tăng 5% so với"), not a level
    bool condition = false;    // a condition ("trường hợp đạt 100% thì", "nếu", "khi", "dưới"), not a result
    bool at_least = false;
};
std::vector<Figure> figures_of(const Model& m);
// The same figures, in the same order, one at a time (a 20 MB report states a
// million of them: a rule that keeps a few need not hold them all).
// results_only: only results (no targets, changes, conditions or table cells).
void each_figure(const Model& m, const std::function<void(Figure&&)>& fn, bool results_only = false);

// Finds the figures of `m` once and keeps them in m.figures, where
// figures_of and each_figure then take them from; unless it states more than
// kMaxKeptFigures (a report that long is read again by each, not held).
inline constexpr size_t kMaxKeptFigures = 2'000;
void keep_figures(Model& m);

// How alike two subjects are: Dice coefficient of their content syllables (0..1).
double subject_similarity(const std::vector<std::string>& a, const std::vector<std::string>& b);

// What a progress table takes of a plan: its identity, horizon, targets (the
// figures under its objectives, with their clause, line and section) and the
// months it fixes. Small beside the plan's model, so a batch keeps it for the
// next report of the same plan (pipeline/pairing.cpp).
struct PlanTargets {
    std::string path;
    DocIdentity identity;
    int horizon_from = 0, horizon_to = 0;
    struct Target {
        Figure figure;
        std::string text, section;
        uint32_t line = 0;
    };
    std::vector<Target> targets;
    struct Month {
        MonthMention mention;
        std::string text, section;
        uint32_t line = 0;
    };
    std::vector<Month> months;
};
PlanTargets plan_targets(const Model& plan);

// The progress table of `report` against `plan`. unplanned: also a row for
// each result the plan has no target for (ProgressStatus::NoTarget), which
// the tables shown to a reader list and the rules do not use.
ProgressTable build_progress(const PlanTargets& plan, const Model& report, bool unplanned = true);
ProgressTable build_progress(const Model& plan, const Model& report, bool unplanned = true);

}  // namespace plancheck::extract

namespace plancheck {
struct FigureList {
    std::vector<extract::Figure> all;
};
}  // namespace plancheck
