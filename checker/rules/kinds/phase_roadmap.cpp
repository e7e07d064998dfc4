// The plan's implementation roadmap against its parent's (Decision 1676: two
// phases, 2020–2025 and 2026–2030). Only roadmap phases count (Phase::roadmap:
// headings, items and table rows that open with a period), not every range
// mentioned in passing; a step inside a phase ("Năm 2022" under "Giai đoạn
// 2020 - 2025") is part of that phase.
//   check: gap           years missing between consecutive phases
//   check: overlap       a phase that starts before the previous one ends
//   check: out-of-range  a phase, or the plan's own horizon in its title,
//                        outside [from, to] (the parent's horizon)
//   check: missing       no roadmap at all; plans whose title names a single
//                        year (annual plans) are exempt
#include <algorithm>
#include <re2/re2.h>

#include "core/utf8.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

enum class Check { Gap, Overlap, OutOfRange, Missing };

std::string range(const Phase& p) {
    return p.from == p.to ? std::to_string(p.from) : std::to_string(p.from) + " - " + std::to_string(p.to);
}

std::vector<const Phase*> top_phases(const Model& m) {
    std::vector<const Phase*> out;
    for (const auto& p : m.phases)
        if (p.roadmap && p.parent_phase < 0) out.push_back(&p);
    std::stable_sort(out.begin(), out.end(), [](const Phase* a, const Phase* b) {
        return std::tie(a->from, a->to) < std::tie(b->from, b->to);
    });
    return out;
}

// "Kế hoạch ... năm 2023" (one year), not "đến năm 2030" (a horizon) nor the
// year of a date ("tháng 11 năm 2019").
bool annual_title(const Model& m) {
    static const RE2 year("(?i)(đến|tới|tháng[ \\t]+[0-9]{1,2})?[ \\t]*năm[ \\t]+(?:19|20)[0-9]{2}");
    if (std::any_of(m.phases.begin(), m.phases.end(), [](const Phase& p) { return p.in_title && p.from != p.to; }))
        return false;
    for (uint32_t b : m.outline.header.title) {
        re2::StringPiece in(m.doc->blocks[b].text), lead;
        while (RE2::FindAndConsume(&in, year, &lead))
            if (lead.empty()) return true;
    }
    return false;
}

class PhaseRoadmap final : public Rule {
public:
    PhaseRoadmap(RuleMeta m, Check c, int from, int to) : Rule(std::move(m)), check_(c), from_(from), to_(to) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const Model& m = ctx.model;
        auto phases = top_phases(m);
        switch (check_) {
            case Check::Gap:
            case Check::Overlap:
                for (size_t i = 1; i < phases.size(); ++i) {
                    const Phase& prev = *phases[i - 1];
                    const Phase& cur = *phases[i];
                    if (prev.from == cur.from && prev.to == cur.to) continue;  // the same phase named twice
                    if (check_ == Check::Gap && cur.from > prev.to + 1) {
                        std::string missing = cur.from - 1 == prev.to + 1
                                                  ? std::to_string(prev.to + 1)
                                                  : std::to_string(prev.to + 1) + " - " + std::to_string(cur.from - 1);
                        emit.at(cur.ref, {{"previous", range(prev)}, {"found", range(cur)}, {"missing", missing}});
                    }
                    if (check_ == Check::Overlap && cur.from <= prev.to)
                        emit.at(cur.ref, {{"previous", range(prev)}, {"found", range(cur)}});
                }
                return;
            case Check::OutOfRange:
                for (const auto& p : m.phases) {
                    if (!(p.roadmap || p.in_title)) continue;
                    if (p.from < from_ || p.to > to_)
                        emit.at(p.ref, {{"found", range(p)}, {"from", std::to_string(from_)}, {"to", std::to_string(to_)}});
                }
                return;
            case Check::Missing:
                if (!phases.empty() || annual_title(m) || m.doc->blocks.empty()) return;
                if (!m.outline.header.title.empty()) emit.at_block(m.outline.header.title.front());
                else emit.missing_before(m.outline.body_begin);
                return;
        }
    }

private:
    Check check_;
    int from_, to_;
};

}  // namespace

std::unique_ptr<Rule> make_phase_roadmap(RuleMeta meta, const Params& p) {
    std::string c = p.str("check");
    Check check;
    if (c == "gap") check = Check::Gap;
    else if (c == "overlap") check = Check::Overlap;
    else if (c == "out-of-range") check = Check::OutOfRange;
    else if (c == "missing") check = Check::Missing;
    else p.fail("check", "expected gap, overlap, out-of-range or missing");
    int from = 0, to = 0;
    if (check == Check::OutOfRange) {
        from = static_cast<int>(p.integer("from"));
        to = static_cast<int>(p.integer("to"));
        if (from > to) p.fail("to", "is before 'from'");
    }
    return std::make_unique<PhaseRoadmap>(std::move(meta), check, from, to);
}

}  // namespace plancheck::rules
