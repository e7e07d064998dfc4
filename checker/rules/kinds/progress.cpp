// A report against the plan it reports on (docs/progress.md). The pipeline
// pairs the report and builds the progress table (Model::plan); this kind
// reports what the table shows, citing the plan's own item and the rule's
// legal basis (Decision 1676's objective for the plans that implement it).
//   check: unpaired      pairing ran and no plan named by the report was found (one finding)
//   check: reference     the report names the plan by a number, symbol or date its header does not have
//   check: not-reported  a target of the plan the report gives no result for
//   check: below         a result below the target, once the report's period has reached the target year
//   check: period        the report's period is outside the plan's horizon
// Nothing is reported when pairing did not run (a report checked alone).
#include <algorithm>
#include <cmath>

#include "core/utf8.h"
#include "extract/progress.h"
#include "rules/kinds/kinds.h"
#include "rules/kinds/phrases.h"

namespace plancheck::rules {
namespace {

enum class Check { Unpaired, Reference, NotReported, Below, Period };

std::string value_text(const ProgressRow& r, double v) {
    if (r.kind == "month") return "tháng " + format_number(v);
    if (r.unit == "%") return format_number(v) + "%";
    return format_number(v) + " " + r.unit;
}

std::string where(const PlanLink& l, const ProgressRow& r, bool en) {
    std::string s = extract::identity_name("Kế hoạch", l.identity);
    if (!r.target_section.empty()) s += en ? ", item " + r.target_section : ", mục " + r.target_section;
    if (r.target_line) s += (en ? ", line " : ", dòng ") + std::to_string(r.target_line);
    return s;
}

std::string due_text(const ProgressRow& r, bool en) {
    if (r.kind == "month") return en ? "every year" : "hằng năm";
    if (!r.target_year) return en ? "every year" : "hằng năm";
    return (en ? "by " : "đến năm ") + std::to_string(r.target_year);
}

std::string date_text(const Date& d) {
    std::string s;
    if (d.day) s += std::to_string(d.day) + "/";
    if (d.month) s += std::to_string(d.month) + "/";
    if (d.year) s += std::to_string(d.year);
    return s;
}

class Progress final : public Rule {
public:
    Progress(RuleMeta m, Check c) : Rule(std::move(m)), check_(c) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const Model& m = ctx.model;
        const PlanLink& l = m.plan;
        if (!l.attempted || m.outline.kind != DocKind::Report) return;
        bool en = ctx.options.lang == "en";
        auto cites = extract::plan_citations(m);
        if (check_ == Check::Unpaired) {
            if (l.paired || cites.empty()) return;
            const Citation& c = m.citations[static_cast<size_t>(cites.front())];
            // A report on a plan says so in its title ("Kết quả thực hiện Kế hoạch ...").
            std::string title;
            for (uint32_t b : m.outline.header.title) title += " " + utf8::fold(m.block(b).text);
            bool cited_in_title = std::find(m.outline.header.title.begin(), m.outline.header.title.end(), c.ref.block) !=
                                  m.outline.header.title.end();
            if (!cited_in_title && title.find("ke hoach") == std::string::npos &&
                title.find("chuong trinh") == std::string::npos)
                return;
            emit.at(c.ref, {{"plan", c.type + " số " + c.number + "/" + c.symbol}});
            return;
        }
        if (!l.paired) return;
        const std::string plan_name = extract::identity_name("Kế hoạch", l.identity);
        auto basis = [&](Diagnostic& d, const ProgressRow* r) {
            std::string own = r ? where(l, *r, false) : plan_name;
            d.legal_basis = own + "; " + d.legal_basis;
        };
        switch (check_) {
            case Check::Unpaired: break;
            case Check::Reference: reference(m, l, emit, basis); break;
            case Check::Period: {
                const auto& t = l.table;
                if (!t.period_to || !t.horizon_to) return;
                if (t.period_to >= t.horizon_from && t.period_from <= t.horizon_to) return;
                uint32_t at = m.outline.header.title.empty() ? m.outline.body_begin : m.outline.header.title.front();
                std::string period = t.period_from == t.period_to ? std::to_string(t.period_to)
                                                                  : std::to_string(t.period_from) + " - " + std::to_string(t.period_to);
                auto& d = emit.at_block(at, {{"period", period},
                                             {"horizon", std::to_string(t.horizon_from) + " - " + std::to_string(t.horizon_to)},
                                             {"plan", plan_name}});
                basis(d, nullptr);
                break;
            }
            case Check::NotReported:
                for (const auto& r : l.table.rows) {
                    if (r.status != ProgressStatus::NotReported) continue;
                    uint32_t at = m.outline.header.title.empty() ? m.outline.body_begin : m.outline.header.title.front();
                    auto& d = emit.at_block(at, {{"subject", r.subject}, {"target", value_text(r, r.target)},
                                                 {"due", due_text(r, en)}, {"where", where(l, r, en)}});
                    basis(d, &r);
                    // A target due after the report's period is still owed a word on its progress: a note.
                    if (!r.due) emit.with_severity(d, Severity::Info);
                }
                break;
            case Check::Below:
                for (const auto& r : l.table.rows) {
                    if (r.status != ProgressStatus::NotMet || !r.due || r.kind == "month") continue;
                    auto& d = emit.at(r.result_ref, {{"subject", r.subject}, {"found", value_text(r, r.result)},
                                                     {"target", value_text(r, r.target)}, {"due", due_text(r, en)},
                                                     {"where", where(l, r, en)}});
                    basis(d, &r);
                }
                for (const auto& r : l.table.rows) {
                    if (r.status != ProgressStatus::NotMet || r.kind != "month") continue;
                    auto& d = emit.at(r.result_ref, {{"subject", r.subject}, {"found", value_text(r, r.result)},
                                                     {"target", value_text(r, r.target)}, {"due", due_text(r, en)},
                                                     {"where", where(l, r, en)}},
                                      "month");
                    basis(d, &r);
                }
                break;
        }
    }

private:
    template <class Basis>
    void reference(const Model& m, const PlanLink& l, Emitter& emit, Basis& basis) const {
        if (l.citation < 0) return;
        const Citation& c = m.citations[static_cast<size_t>(l.citation)];
        const DocIdentity& id = l.identity;
        auto digits = [](std::string s) {
            std::string o;
            for (char ch : s)
                if (std::isdigit(static_cast<unsigned char>(ch))) o += ch;
            while (o.size() > 1 && o[0] == '0') o.erase(0, 1);
            return o;
        };
        std::string header_line = std::to_string(id.number_line);
        if (!id.number.empty() && !c.number.empty() && digits(id.number) != digits(c.number)) {
            auto& d = emit.at(c.number_ref, {{"found", c.number + "/" + c.symbol},
                                             {"expected", id.number + "/" + id.symbol}, {"line", header_line}});
            basis(d, nullptr);
            return;
        }
        if (!id.symbol.empty() && !c.symbol.empty() && utf8::fold(id.symbol) != utf8::fold(c.symbol)) {
            auto& d = emit.at(c.number_ref, {{"found", c.number + "/" + c.symbol},
                                             {"expected", id.number + "/" + id.symbol}, {"line", header_line}});
            basis(d, nullptr);
            return;
        }
        const Date& a = c.date;
        const Date& b = id.date;
        bool differs = a.year && b.year &&
                       (a.year != b.year || (a.month && b.month && a.month != b.month) ||
                        (a.day && b.day && a.day != b.day));
        if (differs) {
            auto& d = emit.at(c.date_ref.valid() && c.date_ref.end > c.date_ref.begin ? c.date_ref : c.ref,
                              {{"found", date_text(a)}, {"expected", date_text(b)},
                               {"line", std::to_string(id.date_line)}},
                              "date");
            basis(d, nullptr);
        }
    }

    Check check_;
};

}  // namespace

std::unique_ptr<Rule> make_progress(RuleMeta meta, const Params& p) {
    std::string c = p.str("check");
    Check k;
    if (c == "unpaired") k = Check::Unpaired;
    else if (c == "reference") k = Check::Reference;
    else if (c == "not-reported") k = Check::NotReported;
    else if (c == "below") k = Check::Below;
    else if (c == "period") k = Check::Period;
    else p.fail("check", "expected unpaired, reference, not-reported, below or period");
    return std::make_unique<Progress>(std::move(meta), k);
}

}  // namespace plancheck::rules
