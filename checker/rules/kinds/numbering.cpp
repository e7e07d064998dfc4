// Numbering of sibling sections: I, II, III / 1, 2, 3 / 2.1, 2.2 / a, b, c
// (Vietnamese order: a b c d đ e g h ...). `check: gap` reports a skipped or
// out-of-sequence label, `check: duplicate` a label used twice.
#include <map>
#include <set>

#include "rules/kinds/common.h"
#include "rules/kinds/kinds.h"
#include "structure/structure.h"

namespace plancheck::rules {
namespace {

std::string show(LabelKind k, const std::vector<int>& number) {
    static const char* kLetters[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                     "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
    static const char* kRoman[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                                   "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"};
    if (number.empty()) return "";
    int n = number.back();
    switch (k) {
        case LabelKind::Roman: return n > 0 && n <= 20 ? std::string(kRoman[n]) + "." : std::to_string(n);
        case LabelKind::Letter: return n > 0 && n <= 23 ? std::string(kLetters[n - 1]) + ")" : std::to_string(n);
        case LabelKind::UpperLetter: return std::string(1, static_cast<char>('A' + n - 1)) + ".";
        case LabelKind::Part: return "Phần " + (n > 0 && n <= 20 ? std::string(kRoman[n]) : std::to_string(n));
        case LabelKind::Chapter: return "Chương " + (n > 0 && n <= 20 ? std::string(kRoman[n]) : std::to_string(n));
        case LabelKind::Subsection: return "Mục " + std::to_string(n);
        case LabelKind::Article: return "Điều " + std::to_string(n) + ".";
        case LabelKind::MultiArabic: {
            std::string s;
            for (size_t i = 0; i < number.size(); ++i) s += (i ? "." : "") + std::to_string(number[i]);
            return s + ".";
        }
        default: return std::to_string(n) + ".";
    }
}

class Numbering final : public Rule {
public:
    Numbering(RuleMeta m, bool gaps) : Rule(std::move(m)), gaps_(gaps) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const auto& secs = ctx.model.outline.sections;
        // (segment, parent, kind, depth) -> last number seen and the numbers used.
        // Numbering restarts under each parent (khoản under each Điều, điểm under
        // each khoản, 1., 2. under each Roman section) and in each attachment;
        // Điều and Chương run on through the whole text (a Chương does not
        // restart the Điều, a Phần does not restart the Chương).
        struct Run { int last = 0; std::set<int> used; };
        std::map<std::tuple<int, int, LabelKind, size_t>, Run> runs;
        for (const Section& s : secs) {
            if (s.number.empty()) continue;
            bool continuous = s.label_kind == LabelKind::Article || s.label_kind == LabelKind::Chapter ||
                              s.label_kind == LabelKind::Part;
            Run& r = runs[{s.segment, continuous ? -1 : s.parent, s.label_kind, s.number.size()}];
            int n = s.number.back();
            Args args{{"found", s.label}, {"previous", r.last ? show(s.label_kind, prefix(s, r.last)) : "—"},
                      {"expected", show(s.label_kind, prefix(s, r.last + 1))}};
            TextRef at = s.label_ref.end > s.label_ref.begin ? s.label_ref : TextRef{s.block, 0, 0};
            if (r.used.count(n)) {
                if (!gaps_) emit.at(at, args);
            } else if (n != r.last + 1 && gaps_ &&
                       // d) then e): the Latin alphabet many agencies use, without đ.
                       !(s.label_kind == LabelKind::Letter && r.last == 4 && n == 6)) {
                emit.at(at, args, r.last == 0 ? "first" : "");
            } else if (gaps_ && s.label_kind == LabelKind::MultiArabic && s.parent >= 0) {
                // "3.1" under "2." : the prefix must be the parent's number.
                const Section& p = secs[static_cast<size_t>(s.parent)];
                std::vector<int> want(s.number.begin(), s.number.end() - 1);
                if ((p.label_kind == LabelKind::Arabic || p.label_kind == LabelKind::MultiArabic) && p.number != want) {
                    std::vector<int> exp = p.number;
                    exp.push_back(n);
                    emit.at(at, {{"found", s.label}, {"previous", p.label}, {"expected", show(s.label_kind, exp)}});
                }
            }
            r.used.insert(n);
            r.last = std::max(r.last, n);
        }
    }

private:
    static std::vector<int> prefix(const Section& s, int last) {
        std::vector<int> v(s.number.begin(), s.number.end() - 1);
        v.push_back(last);
        return v;
    }
    bool gaps_;
};

}  // namespace

std::unique_ptr<Rule> make_numbering(RuleMeta meta, const Params& p) {
    std::string check = p.str("check");
    if (check != "gap" && check != "duplicate") p.fail("check", "expected gap or duplicate");
    return std::make_unique<Numbering>(std::move(meta), check == "gap");
}

}  // namespace plancheck::rules
