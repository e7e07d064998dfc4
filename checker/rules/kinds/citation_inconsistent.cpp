// citation.inconsistent: one document cited with two different dates in the
// same text ("Kế hoạch số 57/KH-UBND ngày 02/3/2022" on one line, "ngày
// 20/3/2022" on another). Numbers run within a year (Decree 30, Art. 15), so
// two dates of the same year under one number-symbol, from the same issuer,
// are one document dated twice; dates of two different years are two
// documents. Registry documents are checked against the registry by
// citation.mismatch.date; this rule needs no registry.
//
// With params.self: the document's own number-symbol (its "Số:" line) cited in
// its text with a date other than its place-date line.
#include <algorithm>
#include <map>
#include <set>

#include "core/utf8.h"
#include "extract/dates.h"
#include "rules/kinds/citation_common.h"
#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {
namespace {

class Inconsistent final : public Rule {
public:
    Inconsistent(RuleMeta m, bool self) : Rule(std::move(m)), self_(self) {}
    void check(const Context& ctx, Emitter& emit) const override {
        if (self_) {
            check_self(ctx, emit);
            return;
        }
        // Per document key, the earlier citations that can still matter: one
        // per date and issuer (a later one with the same date and issuer finds
        // what the first finds), at most kMaxKept; a key once reported is not
        // compared again (it is reported once). 20,000 identical bases were
        // 2x10^8 comparisons.
        struct Earlier {
            const Citation* c;
            std::string issuer;  // folded
            bool has_issuer;     // as written (a folded issuer may be empty)
        };
        struct Seen {
            std::vector<Earlier> list;
            bool reported = false;
        };
        std::map<std::string, Seen> seen;
        for (const auto& c : ctx.model.citations) {
            if (c.key.empty() || c.short_form || !c.date.complete() || !is_real_date(c.date)) continue;
            // A citation inside another's summary names that document's basis as
            // it wrote it; it still counts.
            Seen& s = seen[utf8::fold(c.key)];
            if (s.reported) continue;
            const std::string issuer = utf8::fold(c.issuer);
            bool same_as_earlier = false;
            for (const Earlier& e : s.list) {
                const Citation* f = e.c;
                if (f->date == c.date && e.issuer == issuer && e.has_issuer == !c.issuer.empty()) same_as_earlier = true;
                if (f->date.year != c.date.year || f->date == c.date) continue;
                if (!c.issuer.empty() && e.has_issuer && issuer != e.issuer) continue;
                s.reported = true;
                Pos p = ctx.model.block(f->date_ref.block).locate(f->date_ref.begin);
                emit.at(c.date_ref, {{"cited", cite_label(ctx.model, c)},
                                     {"found", std::string(ctx.model.text(c.date_ref))},
                                     {"first", extract::format_date(f->date)},
                                     {"first_line", std::to_string(p.line)}});
                break;
            }
            if (!s.reported && !same_as_earlier && s.list.size() < kMaxKept) s.list.push_back({&c, issuer, !c.issuer.empty()});
        }
    }

private:
    // The document names itself ("Kế hoạch số 91/KH-UBND ngày 12/4/2022" in its
    // opening or closing sentence) with another date than its place-date line.
    void check_self(const Context& ctx, Emitter& emit) const {
        std::string key = own_key(ctx.model);
        const Date& own = ctx.model.issue_date;
        if (key.empty() || !own.complete()) return;
        std::string folded = key;
        folded.erase(std::remove(folded.begin(), folded.end(), ' '), folded.end());
        for (const auto& c : ctx.model.citations) {
            if (c.key.empty() || !c.date.complete() || c.date == own) continue;
            std::string ck = utf8::lower(c.key);
            ck.erase(std::remove(ck.begin(), ck.end(), ' '), ck.end());
            if (ck != folded) continue;
            emit.at(c.date_ref, {{"cited", cite_label(ctx.model, c)},
                                 {"found", std::string(ctx.model.text(c.date_ref))},
                                 {"expected", extract::format_date(own)}});
            return;
        }
    }

    static constexpr size_t kMaxKept = 1000;
    bool self_;
};

}  // namespace

std::unique_ptr<Rule> make_citation_inconsistent(RuleMeta meta, const Params& p) {
    return std::make_unique<Inconsistent>(std::move(meta), p.boolean("self", false));
}

}  // namespace plancheck::rules
