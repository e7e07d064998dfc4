#include "report/near_copies.h"

#include <algorithm>
#include <deque>
#include <numeric>

#include "core/utf8.h"
#include "report/summary.h"

namespace plancheck::report {

namespace {
bool word_char(char32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c == 0xD7 || c == 0xF7) return false;
    return (c >= 0xC0 && c <= 0x24F) || (c >= 0x300 && c <= 0x36F) || (c >= 0x1E00 && c <= 0x1EFF);
}

uint64_t mix(uint64_t x) {  // splitmix64 finaliser
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Lower-case word hashes of `text`, with the words' byte ranges when asked.
std::vector<uint64_t> word_hashes(std::string_view text, std::vector<std::pair<uint32_t, uint32_t>>* spans = nullptr) {
    std::vector<uint64_t> out;
    uint64_t h = 0;
    bool in = false;
    uint32_t begin = 0;
    for (size_t i = 0; i < text.size();) {
        size_t at = i;
        char32_t c = utf8::next(text, i);
        if (word_char(c)) {
            if (!in) in = true, h = 1469598103934665603ULL, begin = static_cast<uint32_t>(at);
            h = (h ^ utf8::lower_cp(c)) * 1099511628211ULL;
        } else if (in) {
            in = false;
            out.push_back(mix(h));
            if (spans) spans->push_back({begin, static_cast<uint32_t>(at)});
        }
    }
    if (in) {
        out.push_back(mix(h));
        if (spans) spans->push_back({begin, static_cast<uint32_t>(text.size())});
    }
    return out;
}

std::vector<uint64_t> shingles(const std::vector<uint64_t>& w, size_t k) {
    std::vector<uint64_t> out;
    if (w.size() < k) return out;
    out.reserve(w.size() - k + 1);
    for (size_t i = 0; i + k <= w.size(); ++i) {
        uint64_t h = 0;
        for (size_t j = 0; j < k; ++j) h = mix(h * 31 + w[i + j]);
        out.push_back(h);
    }
    return out;
}
}  // namespace

std::vector<std::pair<uint32_t, uint32_t>> near_copy_words(std::string_view text) {
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    word_hashes(text, &spans);
    return spans;
}

void NearCopyIndex::add(const std::string& path, std::string text, const std::string& date, size_t order) {
    auto w = word_hashes(text);
    auto sh = shingles(w, p_.shingle);
    if (sh.empty()) return;  // too short to share a long passage
    uint32_t doc = static_cast<uint32_t>(docs_.size());
    docs_.push_back({path, unit_of(path), date, std::move(text), static_cast<uint32_t>(w.size()),
                     order == SIZE_MAX ? docs_.size() : order});
    // Winnowing (Schleimer, Wilkerson, Aiken 2003): the minimum of each window
    // of shingles, the rightmost on ties, recorded once per position.
    const size_t win = std::max<size_t>(1, p_.window);
    std::deque<size_t> q;  // indices of shingles, increasing hash from front
    size_t last = SIZE_MAX;
    for (size_t i = 0; i < sh.size(); ++i) {
        while (!q.empty() && sh[q.back()] >= sh[i]) q.pop_back();
        q.push_back(i);
        if (q.front() + win <= i) q.pop_front();
        if (i + 1 >= win || i + 1 == sh.size()) {
            size_t m = q.front();
            if (m != last) index_.push_back({sh[m], doc, static_cast<uint32_t>(m)}), last = m;
        }
    }
}

std::vector<NearCopy> NearCopyIndex::find() {
    // The documents renumbered in their batch order: which of two files comes
    // first, which pairs are verified when there are too many, and the order
    // of pairs sharing as many words all follow the numbers.
    {
        std::vector<uint32_t> by_order(docs_.size());
        std::iota(by_order.begin(), by_order.end(), 0u);
        std::stable_sort(by_order.begin(), by_order.end(),
                         [&](uint32_t x, uint32_t y) { return docs_[x].order < docs_[y].order; });
        std::vector<uint32_t> rank(docs_.size());
        std::vector<Doc> sorted;
        sorted.reserve(docs_.size());
        for (uint32_t k = 0; k < by_order.size(); ++k) {
            rank[by_order[k]] = k;
            sorted.push_back(std::move(docs_[by_order[k]]));
        }
        docs_ = std::move(sorted);
        for (auto& e : index_) e.doc = rank[e.doc];
    }
    std::sort(index_.begin(), index_.end(), [](const Entry& a, const Entry& b) {
        return a.hash != b.hash ? a.hash < b.hash : a.doc != b.doc ? a.doc < b.doc : a.pos < b.pos;
    });
    struct Seed {
        uint64_t pair;
        uint32_t a, b;
    };
    std::vector<Seed> seeds;
    std::vector<const Entry*> group;
    for (size_t i = 0; i < index_.size();) {
        size_t j = i;
        group.clear();
        for (; j < index_.size() && index_[j].hash == index_[i].hash; ++j)
            if (group.empty() || group.back()->doc != index_[j].doc) group.push_back(&index_[j]);
        if (group.size() >= 2 && group.size() <= p_.max_files)
            for (size_t x = 0; x < group.size(); ++x)
                for (size_t y = x + 1; y < group.size(); ++y) {
                    const Entry *ea = group[x], *eb = group[y];
                    if (docs_[ea->doc].unit == docs_[eb->doc].unit) continue;  // across units only
                    seeds.push_back({(static_cast<uint64_t>(ea->doc) << 32) | eb->doc, ea->pos, eb->pos});
                }
        i = j;
    }
    std::sort(seeds.begin(), seeds.end(), [](const Seed& a, const Seed& b) {
        return a.pair != b.pair ? a.pair < b.pair : a.a < b.a;
    });

    // Candidate pairs: at least three shared fingerprints (a passage of
    // min_words words leaves about 2 (min_words - shingle) / (window + 1)).
    // The most promising are verified first, and at most 8 x max_pairs of
    // them: the word-by-word check then stays bounded whatever the batch.
    struct Candidate {
        size_t begin, end;  // range in seeds
    };
    std::vector<Candidate> cands;
    for (size_t i = 0; i < seeds.size();) {
        size_t j = i;
        while (j < seeds.size() && seeds[j].pair == seeds[i].pair) ++j;
        if (j - i >= 3) cands.push_back({i, j});
        i = j;
    }
    const size_t max_verify = 8 * std::max<size_t>(1, p_.max_pairs);
    if (cands.size() > max_verify) {
        std::stable_sort(cands.begin(), cands.end(),
                         [](const Candidate& x, const Candidate& y) { return x.end - x.begin > y.end - y.begin; });
        cands.resize(max_verify);
        std::sort(cands.begin(), cands.end(), [](const Candidate& x, const Candidate& y) { return x.begin < y.begin; });
    }

    std::vector<NearCopy> out;
    uint32_t cached = UINT32_MAX;  // candidates come sorted by the first file: tokenize it once
    std::vector<std::pair<uint32_t, uint32_t>> sa, sb;
    std::vector<uint64_t> wa, wb;
    for (const auto& cand : cands) {
        size_t i = cand.begin, j = cand.end;
        uint32_t da = static_cast<uint32_t>(seeds[i].pair >> 32), db = static_cast<uint32_t>(seeds[i].pair);
        const Doc &A = docs_[da], &B = docs_[db];
        if (da != cached) {
            sa.clear();
            wa = word_hashes(A.text, &sa);
            cached = da;
        }
        sb.clear();
        wb = word_hashes(B.text, &sb);
        struct Run {
            uint32_t a, b, len;
        };
        std::vector<Run> runs;
        for (size_t k = i; k < j; ++k) {
            uint32_t a = seeds[k].a, b = seeds[k].b;
            bool covered = false;
            for (const auto& r : runs)
                if (a >= r.a && a < r.a + r.len && a - r.a == b - r.b && b >= r.b) covered = true;
            if (covered || a >= wa.size() || b >= wb.size() || wa[a] != wb[b]) continue;
            while (a > 0 && b > 0 && wa[a - 1] == wb[b - 1]) --a, --b;
            uint32_t len = 0;
            while (a + len < wa.size() && b + len < wb.size() && wa[a + len] == wb[b + len]) ++len;
            if (len >= p_.shingle) runs.push_back({a, b, len});
        }
        if (runs.empty()) continue;
        const Run& best = *std::max_element(runs.begin(), runs.end(), [](const Run& x, const Run& y) { return x.len < y.len; });
        if (best.len < p_.min_words) continue;
        std::vector<char> ca(wa.size()), cb(wb.size());
        size_t passages = 0;
        for (const auto& r : runs) {
            if (r.len >= p_.shingle + p_.window - 1) ++passages;
            for (uint32_t t = 0; t < r.len; ++t) ca[r.a + t] = 1, cb[r.b + t] = 1;
        }
        size_t shared_a = static_cast<size_t>(std::count(ca.begin(), ca.end(), 1));
        size_t shared_b = static_cast<size_t>(std::count(cb.begin(), cb.end(), 1));
        NearCopy nc;
        nc.a = {A.path, A.date, static_cast<double>(shared_a) / static_cast<double>(wa.size())};
        nc.b = {B.path, B.date, static_cast<double>(shared_b) / static_cast<double>(wb.size())};
        nc.shared_words = std::min(shared_a, shared_b);
        nc.passages = std::max<size_t>(1, passages);
        // The passage as written in the earlier file (or the first given).
        bool swap = !A.date.empty() && !B.date.empty() && B.date < A.date;
        nc.dated = !A.date.empty() && !B.date.empty() && A.date != B.date;
        const std::string& text = swap ? B.text : A.text;
        const auto& spans = swap ? sb : sa;
        uint32_t first = swap ? best.b : best.a;
        constexpr uint32_t kShown = 80;  // words of the passage shown
        uint32_t last = first + std::min(best.len, kShown) - 1;
        std::string passage = text.substr(spans[first].first, spans[last].second - spans[first].first);
        std::replace(passage.begin(), passage.end(), '\n', ' ');
        if (best.len > kShown) passage += " …";
        nc.passage = std::move(passage);
        if (swap) std::swap(nc.a, nc.b);
        out.push_back(std::move(nc));
    }
    std::stable_sort(out.begin(), out.end(), [](const NearCopy& x, const NearCopy& y) { return x.shared_words > y.shared_words; });
    if (out.size() > p_.max_pairs) out.resize(p_.max_pairs);
    return out;
}

}  // namespace plancheck::report
