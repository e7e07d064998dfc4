// The same figure given twice in one document with different values (issue 12
// class 8, issue 16): "85% cán bộ, đảng viên ... được tuyên truyền" in one
// part and "80% cán bộ, đảng viên ... được tuyên truyền" in another, for the
// same year. Figures are shares and counts (extract/progress.h); targets
// ("phấn đấu", "chỉ tiêu") and changes ("tăng 5% so với") are not results and
// are left out, and so are table cells (a table lists the same measure for
// several units or years), and so are conditions ("trường hợp đạt 100% thì").
// Two figures are the same when their subjects share at least `similarity` of
// their content syllables (Dice), each has at least `min_words` of them, they
// are for the same year, and they are in different parts of the document (a
// summary and its detail): within one part, one sentence pattern repeated for
// several units ("các sở, ngành ... 99,1%"; "cấp xã ... 99,81%") is a list.
// Measured on ../shared/real: at 0.85 and without the last two conditions,
// 6 findings, all wrong (docs/progress.md).
#include <cmath>

#include "core/utf8.h"
#include "extract/progress.h"
#include "extract/scan.h"
#include "rules/kinds/kinds.h"
#include "rules/kinds/phrases.h"

namespace plancheck::rules {
namespace {

// The numbered part holding a block: list items (dashes, pluses, bullets) belong to their part.
int part_of(const Model& m, uint32_t block) {
    int s = extract::section_at(m.outline, block);
    while (s >= 0) {
        const Section& sec = m.outline.sections[static_cast<size_t>(s)];
        if (sec.label_kind != LabelKind::Dash && sec.label_kind != LabelKind::Plus &&
            sec.label_kind != LabelKind::Bullet && sec.label_kind != LabelKind::None)
            break;
        s = sec.parent;
    }
    return s;
}

class FigureContradiction final : public Rule {
public:
    FigureContradiction(RuleMeta m, double similarity, size_t min_words)
        : Rule(std::move(m)), similarity_(similarity), min_words_(min_words) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const Model& m = ctx.model;
        std::vector<extract::Figure> figs;
        for (auto& f : extract::figures_of(m)) {
            if (f.target || f.change || f.words.size() < min_words_) continue;
            if (m.block(f.ref.block).in_table) continue;
            // A condition ("trường hợp đạt 100% thì ...", "nếu đạt 95%") is not a result.
            std::string lead = " " + utf8::fold(m.block(f.ref.block).text.substr(f.sentence.begin, f.ref.begin - f.sentence.begin)) + " ";
            if (lead.find(" truong hop ") != std::string::npos || lead.find(" neu ") != std::string::npos ||
                lead.find(" khi ") != std::string::npos || lead.find(" duoi ") != std::string::npos)
                continue;
            figs.push_back(std::move(f));
        }
        std::vector<char> reported(figs.size());
        for (size_t j = 0; j < figs.size(); ++j) {
            for (size_t i = 0; i < j && !reported[j]; ++i) {
                const auto& a = figs[i];
                const auto& b = figs[j];
                if (a.kind != b.kind || a.unit != b.unit || a.year != b.year) continue;
                if (a.sentence.block == b.sentence.block && a.sentence.begin == b.sentence.begin) continue;
                if (std::fabs(a.value - b.value) < 1e-9) continue;
                // Restated in another part (a summary and its detail): the same
                // sentence pattern for several units within one part is a list.
                int sa = part_of(m, a.ref.block), sb = part_of(m, b.ref.block);
                if (sa < 0 || sb < 0 || sa == sb) continue;
                if (extract::subject_similarity(a.words, b.words) + 1e-9 < similarity_) continue;
                std::string unit = a.unit == "%" ? "%" : " " + a.unit;
                uint32_t line = m.block(a.ref.block).locate(a.ref.begin).line;
                emit.at(b.ref, {{"found", format_number(b.value) + unit},
                                {"other", format_number(a.value) + unit},
                                {"line", std::to_string(line)},
                                {"subject", std::string(m.text(b.sentence))}});
                reported[j] = 1;
            }
        }
    }

private:
    double similarity_;
    size_t min_words_;
};

}  // namespace

std::unique_ptr<Rule> make_figure_contradiction(RuleMeta meta, const Params& p) {
    double s = p.number("similarity", 0.95);
    long w = p.integer("min_words", 3);
    if (s <= 0 || s > 1) p.fail("similarity", "expected a number in (0, 1]");
    if (w < 1) p.fail("min_words", "expected a positive count");
    return std::make_unique<FigureContradiction>(std::move(meta), s, static_cast<size_t>(w));
}

}  // namespace plancheck::rules
