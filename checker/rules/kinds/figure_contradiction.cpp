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
// And the two parts must be about the same body or place: a report of
// subordinate units has a part per unit ("1. Kết quả tại huyện A", "2. Kết
// quả tại huyện B"), each with the same sentences for its own figures, and a
// summary's total is not its detail's share of one unit. The names the
// headings above a figure give (scope_of) must be the same for both.
#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "core/utf8.h"
#include "extract/progress.h"
#include "extract/scan.h"
#include "rules/kinds/common.h"
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

// The names a heading gives its part: proper names (a capitalised word after
// the first, in a heading not all in capitals: "Kết quả tại huyện Ea Kar",
// "Công tác của Sở Y tế"), in a heading in capitals the words after an
// administrative unit ("KẾT QUẢ TẠI HUYỆN EA KAR"), and in either its
// numbers ("đợt 2", "quý 3", "năm 2024": another round or period). Folded.
void names_in(std::string_view title, std::vector<std::string>& out) {
    const bool caps = utf8::is_upper_text(title);
    const auto words = words_of(title);
    for (size_t k = 0; k < words.size(); ++k) {
        const Word& w = words[k];
        if (std::all_of(w.lower.begin(), w.lower.end(), [](char c) { return c >= '0' && c <= '9'; }))
            out.push_back(w.lower);
        else if (!caps && k > 0 && capitalised(title, w))
            out.push_back(utf8::fold(w.lower));
    }
    if (!caps) return;
    static const std::vector<std::string> units = {"huyen", "quan", "thi xa", "thanh pho", "tinh", "xa",
                                                   "phuong", "thi tran", "so", "phong"};
    std::string folded = " " + utf8::fold(title) + " ";
    for (const auto& u : units) {
        for (size_t at = folded.find(" " + u + " "); at != std::string::npos; at = folded.find(" " + u + " ", at + 1)) {
            size_t from = at + u.size() + 2;
            if (folded.compare(from, 4, "hoi ") == 0) continue;  // "XÃ HỘI": bảo hiểm xã hội
            for (size_t n = 0; n < 3 && from < folded.size(); ++n) {
                size_t sp = folded.find(' ', from);
                if (sp == std::string::npos || sp == from) break;
                out.push_back(folded.substr(from, sp - from));
                from = sp + 1;
            }
        }
    }
}

class FigureContradiction final : public Rule {
public:
    FigureContradiction(RuleMeta m, double similarity, size_t min_words)
        : Rule(std::move(m)), similarity_(similarity), min_words_(min_words) {}

    void check(const Context& ctx, Emitter& emit) const override {
        const Model& m = ctx.model;
        // Figures arrive one at a time and only those of one kind, unit and
        // year are compared: each with the earlier ones of its group, in
        // document order, and with the first kMaxEarlier of them at most, so
        // the earliest figure it contradicts is still the one named. Only
        // those first ones are kept (every pair of a 50 MB report's figures
        // was quadratic, and holding all its figures took 9 bytes a byte; a
        // real document has a few dozen).
        struct Kept {
            double value;
            TextRef ref, sentence;
            int part;
            size_t n_words;
            std::vector<uint32_t> vocab;  // its content words as sorted ids
        };
        std::map<std::tuple<std::string, std::string, int>, std::vector<Kept>> groups;
        std::unordered_map<std::string, uint32_t> ids;
        std::vector<uint32_t> vocab;
        // The names of each part's headings, the part's and its parents' (sorted,
        // joined). A part whose heading line holds the figure itself ("1. Năm 2023,
        // 85% hộ gia đình ...") names only what its lead before a colon names
        // ("1. Huyện A: có 58 doanh nghiệp ..."); so does an item with running text.
        std::unordered_map<int, std::string> scopes;
        auto scope_of = [&](int part, uint32_t block) -> const std::string& {
            const bool own = part >= 0 && m.outline.sections[static_cast<size_t>(part)].block == block;
            auto [it, fresh] = scopes.try_emplace(part * 2 + (own ? 1 : 0));
            if (!fresh) return it->second;
            std::vector<std::string> names;
            for (int s = part; s >= 0; s = m.outline.sections[static_cast<size_t>(s)].parent) {
                const Section& sec = m.outline.sections[static_cast<size_t>(s)];
                std::string_view title = sec.title;
                if (!sec.heading || sec.block == block) {
                    size_t colon = title.find(':');
                    if (colon == std::string_view::npos) continue;
                    title = title.substr(0, colon);
                }
                names_in(title, names);
            }
            std::sort(names.begin(), names.end());
            names.erase(std::unique(names.begin(), names.end()), names.end());
            for (const auto& n : names) it->second += n + ' ';
            return it->second;
        };
        extract::each_figure(m, [&](extract::Figure&& f) {
            // Results only: targets, changes, conditions ("trường hợp đạt 100% thì
            // ...", "nếu đạt 95%") and table cells are left out by each_figure.
            if (f.words.size() < min_words_) return;
            auto& g = groups[{f.kind, f.unit, f.year}];
            // Content words are unique per figure: shared words are one merge of ids.
            vocab.clear();
            for (const auto& w : f.words) vocab.push_back(ids.emplace(w, static_cast<uint32_t>(ids.size())).first->second);
            std::sort(vocab.begin(), vocab.end());
            vocab.erase(std::unique(vocab.begin(), vocab.end()), vocab.end());
            const int part = part_of(m, f.ref.block);
            const size_t nb = f.words.size();
            for (const Kept& a : g) {
                if (a.sentence.block == f.sentence.block && a.sentence.begin == f.sentence.begin) continue;
                if (std::fabs(a.value - f.value) < 1e-9) continue;
                // Restated in another part (a summary and its detail): the same
                // sentence pattern for several units within one part is a list.
                if (a.part < 0 || part < 0 || a.part == part) continue;
                // Parts about two units: each unit's own figure.
                if (scope_of(a.part, a.ref.block) != scope_of(part, f.ref.block)) continue;
                if (similarity(a.vocab, a.n_words, vocab, nb) + 1e-9 < similarity_) continue;
                std::string unit = f.unit == "%" ? "%" : " " + f.unit;
                uint32_t line = m.block(a.ref.block).locate(a.ref.begin).line;
                emit.at(f.ref, {{"found", format_number(f.value) + unit},
                                {"other", format_number(a.value) + unit},
                                {"line", std::to_string(line)},
                                {"subject", std::string(m.text(f.sentence))}});
                break;
            }
            if (g.size() < kMaxEarlier) g.push_back({f.value, f.ref, f.sentence, part, nb, vocab});
        }, /*results_only=*/true);
    }

private:
    // extract::subject_similarity of two figures' words (Dice): the same sum.
    double similarity(const std::vector<uint32_t>& a, size_t na, const std::vector<uint32_t>& b, size_t nb) const {
        if (!na || !nb) return 0.0;
        // At most min(na, nb) shared: too different in size is never similar enough.
        if (2.0 * static_cast<double>(std::min(na, nb)) / static_cast<double>(na + nb) + 1e-9 < similarity_) return 0.0;
        size_t shared = 0;
        for (size_t x = 0, y = 0; x < a.size() && y < b.size();) {
            if (a[x] < b[y]) ++x;
            else if (b[y] < a[x]) ++y;
            else ++shared, ++x, ++y;
        }
        return 2.0 * static_cast<double>(shared) / static_cast<double>(na + nb);
    }

    static constexpr size_t kMaxEarlier = 2000;
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
