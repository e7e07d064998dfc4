#include "pipeline/pairing.h"

#include <sys/stat.h>

#include <memory>
#include <mutex>
#include <unordered_map>

#include <cmath>
#include <cstring>

#include "core/file.h"
#include "extract/progress.h"
#include "pipeline/collect.h"
#include "pipeline/pipeline.h"
#include "pipeline/plan_wire.h"
#include "pipeline/wire.h"

#include <filesystem>

namespace plancheck::pipeline {

namespace {

using namespace wire;

void put_identity(std::string& out, const DocIdentity& id) {
    put_str(out, id.number);
    put_str(out, id.symbol);
    put_int(out, id.date.day), put_int(out, id.date.month), put_int(out, id.date.year);
    put_str(out, id.agency);
    put_str(out, id.title);
    put_u32(out, id.number_line), put_u32(out, id.date_line);
}
DocIdentity get_identity(Reader& r) {
    DocIdentity id;
    id.number = r.str();
    id.symbol = r.str();
    id.date.day = r.i32(), id.date.month = r.i32(), id.date.year = r.i32();
    id.agency = r.str();
    id.title = r.str();
    id.number_line = r.u32(), id.date_line = r.u32();
    return id;
}

bool is_plan(const Model& m) { return m.outline.kind == DocKind::Plan || m.outline.kind == DocKind::Programme; }

// What the index takes of a plain-text file: its first lines. The index needs
// a plan's kind, number, symbol, date and issuing body (pairing_score reads
// nothing else of it), all in the header, which the structure stage finds in
// the first 16 blocks after layout (the title at most 7 blocks on, classify
// looks at 30 for "Kính gửi"); the layout of the header zone depends on the
// lines of the header alone. Laying out and normalizing every line of a long
// .txt for them was two thirds of the index pass. PDF and Word layouts take
// page-wide measures: read whole.
// A first try reads kIndexFirstLines; a file whose first lines lay out into
// fewer blocks than the header zone (kIndexHeaderBlocks: a long paragraph
// above the header, lines joined) is read again to kIndexTextLines. On the
// 10,000 generated files, the corpus and the seeds, the identities are those
// of the 120 lines, and the index pass costs 40 % fewer instructions.
constexpr size_t kIndexFirstLines = 40;
constexpr size_t kIndexHeaderBlocks = 32;
constexpr size_t kIndexTextLines = 120;

// The header analysis of a file's first `lines` lines (a .txt's; other
// formats whole). `cut`: the reader stopped at `lines`.
std::unique_ptr<Analysis> index_head(const std::string& path, const ingest::Options& opts, size_t lines, bool& cut) {
    ingest::Options head = opts;
    head.max_text_lines = lines;
    auto r = ingest::read_file(path, head);
    auto* doc = std::get_if<SourceDocument>(&r);
    cut = false;
    if (!doc) return nullptr;
    // The reader kept a .txt's first lines only (max_text_lines); what it
    // recorded of the whole file must not point past them.
    if (doc->format == "txt") {
        const size_t kept = doc->blocks.size();
        cut = kept >= lines;
        std::erase_if(doc->observations, [kept](const Observation& o) { return o.ref.block >= kept; });
    }
    // The kind and the header are all the index needs: no sections, no
    // extraction (the index reads every file of a batch once more before the check).
    return analyze_header(std::move(*doc));
}

// The identity of a plan file, or nothing when the file is not a readable plan.
std::string index_one(const std::string& path, const ingest::Options& opts, bool any_kind) {
    bool cut = false;
    auto a = index_head(path, opts, kIndexFirstLines, cut);
    if (a && cut && a->doc.blocks.size() < kIndexHeaderBlocks) a = index_head(path, opts, kIndexTextLines, cut);
    if (!a) return {};
    if (!any_kind && !is_plan(a->model)) return {};
    std::string out = "P";
    put_identity(out, extract::identity_of(a->model));
    return out;
}

// How near a plan's file is to a report's: the folders they share from the
// root, then one more for the same format. Breaks ties between equal scores.
int nearness(const std::string& report, const std::string& plan) {
    namespace fs = std::filesystem;
    fs::path a = fs::path(report).parent_path(), b = fs::path(plan).parent_path();
    int shared = 0;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end() && *i == *j; ++i, ++j) ++shared;
    bool same_folder = a == b;
    bool same_format = fs::path(report).extension() == fs::path(plan).extension();
    return 4 * shared + 2 * same_folder + same_format;
}

}  // namespace

bool is_report(const Model& m) { return m.outline.kind == DocKind::Report; }

// Files are indexed kIndexChunk to a worker's task (run_chunked_in_workers):
// one task per file made the pipes' wake-ups a large part of a pass whose
// files take a millisecond each.
constexpr size_t kIndexChunk = 32;

PlanIndex index_plans(const std::vector<std::string>& paths, const ingest::Options& opts, unsigned jobs,
                      const Budget& budget, bool workers, bool any_kind) {
    PlanIndex idx;
    std::vector<std::string> found(paths.size());
    auto one = [&](size_t i) {
        try {
            return index_one(paths[i], opts, any_kind);
        } catch (...) {
            return std::string();
        }
    };
    // A file whose worker failed is no candidate (found[i] stays empty).
    bool ran = workers && run_chunked_in_workers(paths.size(), kIndexChunk, jobs, budget, one,
                                                 [&](size_t i, WorkerOutcome o) {
                                                     if (o.failure == WorkerFailure::None)
                                                         found[i] = std::move(o.payload);
                                                 });
    if (!ran)
        for (size_t i = 0; i < paths.size(); ++i) found[i] = one(i);
    for (size_t i = 0; i < paths.size(); ++i) {
        if (found[i].empty() || found[i][0] != 'P') continue;
        Reader r{std::string_view(found[i]).substr(1)};
        PlanEntry e{paths[i], get_identity(r)};
        if (r.ok) idx.plans.push_back(std::move(e));
    }
    idx.index();
    return idx;
}

namespace {
// Symbol key, a separator no key holds, then the number key or '-' for a blank number.
std::string plan_key(std::string_view symbol_key, const std::string* number_key) {
    std::string k(symbol_key);
    k += '\x1f';
    if (number_key) k += *number_key;
    else k += '-';
    return k;
}
}  // namespace

void PlanIndex::index() {
    by_key.clear();
    for (uint32_t i = 0; i < plans.size(); ++i) {
        const DocIdentity& id = plans[i].id;
        if (id.symbol.empty()) continue;
        const std::string number = extract::number_key(id.number);
        by_key[plan_key(extract::symbol_key(id.symbol), id.number.empty() ? nullptr : &number)].push_back(i);
    }
}

std::vector<uint32_t> PlanIndex::candidates(const Citation& c) const {
    const std::string symbol = extract::symbol_key(c.symbol), number = extract::number_key(c.number);
    static const std::vector<uint32_t> none;
    auto find = [&](const std::string& k) -> const std::vector<uint32_t>& {
        auto it = by_key.find(k);
        return it == by_key.end() ? none : it->second;
    };
    const auto& same = find(plan_key(symbol, &number));
    const auto& blank = find(plan_key(symbol, nullptr));
    std::vector<uint32_t> out;
    out.reserve(same.size() + blank.size());
    std::merge(same.begin(), same.end(), blank.begin(), blank.end(), std::back_inserter(out));
    return out;
}

namespace {

bool link_targets(Model& report, const extract::PlanTargets& plan, const std::string& plan_path, bool explicit_plan,
                  bool unplanned = true) {
    PlanLink& l = report.plan;
    l = PlanLink{};
    l.attempted = true;
    const DocIdentity& id = plan.identity;
    int best = 0, citation = -1;
    for (int c : extract::plan_citations(report)) {
        int s = extract::pairing_score(report, report.citations[static_cast<size_t>(c)], id);
        if (s > best) best = s, citation = c;
    }
    if (citation < 0 && !explicit_plan) return false;
    l.explicit_plan = explicit_plan;
    l.paired = true;
    l.plan_path = plan_path;
    l.identity = id;
    l.citation = citation;
    if (l.citation < 0) {
        auto cands = extract::plan_citations(report);
        if (!cands.empty()) l.citation = cands.front();
    }
    // The report's figures, found once for the table and the figure rules.
    extract::keep_figures(report);
    l.table = extract::build_progress(plan, report, unplanned);
    l.table.plan_path = plan_path;
    return true;
}

// The targets of the plans this process has paired reports with, by path,
// kept while the file is unchanged: a reviewer's folder holds many reports of
// one plan, and reading and analysing the plan again for each was most of
// what pairing cost (on the generated 10,000 files, 2,498 reports of 714
// plans: 14 % of the batch). What one worker analysed is passed on to the
// others (take_new_plans, add_plans): with a memo each, two workers analysed
// 1,180 plans where one analyses 714. An entry is usually a few kilobytes;
// the memo is emptied when it would hold more than kMaxPlans plans or
// kMaxBytes.
constexpr size_t kMaxPlans = 4096, kMaxBytes = 16u << 20;
struct PlanMemo {
    struct Entry {
        struct stat st {};
        std::shared_ptr<const extract::PlanTargets> targets;
        size_t size = 0;
    };
    std::mutex mu;
    std::unordered_map<std::string, Entry> by_path;
    size_t bytes = 0;
    std::vector<std::string> fresh;  // keys analysed here since take_new_plans
};
// About what the targets hold on the heap.
size_t footprint(const extract::PlanTargets& p) {
    size_t n = sizeof p + p.path.size();
    for (const auto& t : p.targets) {
        n += sizeof t + t.text.size() + t.section.size() + t.figure.subject.size() + t.figure.unit.size();
        for (const auto& w : t.figure.words) n += sizeof w + w.size();
    }
    for (const auto& m : p.months) n += sizeof m + m.text.size() + m.section.size() + m.mention.what.size();
    return n;
}
PlanMemo& plan_memo() {
    static auto& memo = *new PlanMemo;  // never destroyed: a worker exits without freeing it
    return memo;
}
std::string memo_key(const std::string& path, const ingest::Options& opts) { return opts.encoding + '\x1f' + path; }

// Keeps `targets` of the file in the state `st` (false: too large to keep).
bool keep(const std::string& key, const struct stat& st, std::shared_ptr<const extract::PlanTargets> targets,
          bool fresh) {
    const size_t size = footprint(*targets);
    if (size > kMaxBytes / 8) return false;  // a plan with thousands of figures: not kept
    PlanMemo& memo = plan_memo();
    std::lock_guard<std::mutex> lock(memo.mu);
    if (memo.by_path.size() >= kMaxPlans || memo.bytes + size > kMaxBytes) {
        memo.by_path.clear();
        memo.bytes = 0;
        memo.fresh.clear();
    }
    auto& slot = memo.by_path[key];  // a stale entry of the same file is replaced
    memo.bytes = memo.bytes - slot.size + size;
    slot = PlanMemo::Entry{st, std::move(targets), size};
    if (fresh) memo.fresh.push_back(key);
    return true;
}

std::shared_ptr<const extract::PlanTargets> targets_of(const std::string& path, const ingest::Options& opts) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return nullptr;
    const std::string key = memo_key(path, opts);
    PlanMemo& memo = plan_memo();
    {
        std::lock_guard<std::mutex> lock(memo.mu);
        auto it = memo.by_path.find(key);
        if (it != memo.by_path.end() && file::same_state(it->second.st, st)) return it->second.targets;
    }
    auto r = ingest::read_file(path, opts);
    auto* doc = std::get_if<SourceDocument>(&r);
    if (!doc) return nullptr;
    auto plan = analyze(std::move(*doc));
    auto targets = std::make_shared<const extract::PlanTargets>(extract::plan_targets(plan->model));
    struct stat after {};
    // Written while it was read: used this once, not kept.
    if (::stat(path.c_str(), &after) != 0 || !file::same_state(st, after)) return targets;
    keep(key, st, targets, true);
    return targets;
}

// ---- plans' targets across the worker pipes ----
void put_stat(std::string& out, const struct stat& st) {
    for (uint64_t v : {static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino),
                       static_cast<uint64_t>(st.st_size), static_cast<uint64_t>(st.st_mtim.tv_sec),
                       static_cast<uint64_t>(st.st_mtim.tv_nsec), static_cast<uint64_t>(st.st_ctim.tv_sec),
                       static_cast<uint64_t>(st.st_ctim.tv_nsec)})
        put_u64(out, v);
}
struct stat get_stat(Reader& r) {
    struct stat st {};
    st.st_dev = static_cast<dev_t>(r.u64());
    st.st_ino = static_cast<ino_t>(r.u64());
    st.st_size = static_cast<off_t>(r.u64());
    st.st_mtim.tv_sec = static_cast<time_t>(r.u64());
    st.st_mtim.tv_nsec = static_cast<long>(r.u64());
    st.st_ctim.tv_sec = static_cast<time_t>(r.u64());
    st.st_ctim.tv_nsec = static_cast<long>(r.u64());
    return st;
}
void put_ref(std::string& out, const TextRef& t) { put_u32(out, t.block), put_u32(out, t.begin), put_u32(out, t.end); }
TextRef get_ref(Reader& r) {
    TextRef t;
    t.block = r.u32(), t.begin = r.u32(), t.end = r.u32();
    return t;
}
// Every field of PlanTargets: a progress table built from what arrives is the
// one built from what left (tests/pipeline/progress_test.cpp).
void put_targets(std::string& out, const extract::PlanTargets& p) {
    put_str(out, p.path);
    put_identity(out, p.identity);
    put_int(out, p.horizon_from), put_int(out, p.horizon_to);
    put_u32(out, static_cast<uint32_t>(p.targets.size()));
    for (const auto& t : p.targets) {
        const extract::Figure& f = t.figure;
        put_str(out, f.kind);
        put_f64(out, f.value);
        put_str(out, f.unit);
        put_int(out, f.year);
        put_u32(out, static_cast<uint32_t>(f.words.size()));
        for (const auto& w : f.words) put_str(out, w);
        put_str(out, f.subject);
        put_ref(out, f.ref), put_ref(out, f.sentence);
        put_u32(out, (f.target ? 1u : 0u) | (f.change ? 2u : 0u) | (f.condition ? 4u : 0u) | (f.at_least ? 8u : 0u));
        put_str(out, t.text), put_str(out, t.section);
        put_u32(out, t.line);
    }
    put_u32(out, static_cast<uint32_t>(p.months.size()));
    for (const auto& m : p.months) {
        put_int(out, m.mention.month);
        put_str(out, m.mention.what);
        put_ref(out, m.mention.ref);
        put_str(out, m.text), put_str(out, m.section);
        put_u32(out, m.line);
    }
}
void put_plan(std::string& out, const std::string& key, const struct stat& st, const extract::PlanTargets& t) {
    put_str(out, key);
    put_stat(out, st);
    put_targets(out, t);
}
extract::PlanTargets get_targets(Reader& r) {
    extract::PlanTargets p;
    p.path = r.str();
    p.identity = get_identity(r);
    p.horizon_from = r.i32(), p.horizon_to = r.i32();
    for (uint32_t n = r.u32(), k = 0; k < n && r.ok; ++k) {
        extract::PlanTargets::Target t;
        extract::Figure& f = t.figure;
        f.kind = r.str();
        f.value = r.f64();
        f.unit = r.str();
        f.year = r.i32();
        for (uint32_t w = r.u32(), j = 0; j < w && r.ok; ++j) f.words.push_back(r.str());
        f.subject = r.str();
        f.ref = get_ref(r), f.sentence = get_ref(r);
        uint32_t flags = r.u32();
        f.target = flags & 1, f.change = flags & 2, f.condition = flags & 4, f.at_least = flags & 8;
        t.text = r.str(), t.section = r.str();
        t.line = r.u32();
        p.targets.push_back(std::move(t));
    }
    for (uint32_t n = r.u32(), k = 0; k < n && r.ok; ++k) {
        extract::PlanTargets::Month m;
        m.mention.month = r.i32();
        m.mention.what = r.str();
        m.mention.ref = get_ref(r);
        m.text = r.str(), m.section = r.str();
        m.line = r.u32();
        p.months.push_back(std::move(m));
    }
    return p;
}

}  // namespace

std::string take_new_plans() {
    PlanMemo& memo = plan_memo();
    std::lock_guard<std::mutex> lock(memo.mu);
    std::string out;
    uint32_t n = 0;
    for (const auto& key : memo.fresh) {
        auto it = memo.by_path.find(key);
        if (it == memo.by_path.end()) continue;  // the memo was emptied since
        if (out.empty()) put_u32(out, 0);        // the count, set below
        put_plan(out, key, it->second.st, *it->second.targets);
        ++n;
    }
    memo.fresh.clear();
    if (n) {
        std::string count;
        put_u32(count, n);
        out.replace(0, 4, count);
    }
    return out;
}

void add_plans(std::string_view bytes) {
    Reader r{bytes};
    for (uint32_t n = r.u32(), k = 0; k < n && r.ok; ++k) {
        std::string key = r.str();
        struct stat st = get_stat(r);
        auto targets = std::make_shared<const extract::PlanTargets>(get_targets(r));
        if (!r.ok) return;
        PlanMemo& memo = plan_memo();
        {
            std::lock_guard<std::mutex> lock(memo.mu);
            // Had it; or had another state of the file, which is checked when used.
            if (memo.by_path.count(key)) continue;
        }
        keep(key, st, std::move(targets), false);
    }
}

Sharing plan_sharing() { return Sharing{take_new_plans, add_plans}; }

std::string shared_plan(const std::string& path, const ingest::Options& opts, const struct stat& st,
                        const extract::PlanTargets& targets) {
    std::string out;
    put_u32(out, 1);
    put_plan(out, memo_key(path, opts), st, targets);
    return out;
}

std::string serialize_targets(const extract::PlanTargets& t) {
    std::string out;
    put_targets(out, t);
    return out;
}

bool deserialize_targets(std::string_view bytes, extract::PlanTargets& t) {
    Reader r{bytes};
    t = get_targets(r);
    return r.ok && r.at == bytes.size();
}

bool link_plan(Model& report, const Model& plan, const std::string& plan_path, bool explicit_plan) {
    return link_targets(report, extract::plan_targets(plan), plan_path, explicit_plan);
}

bool pair_report(Analysis& report, const PlanIndex& index, const ingest::Options& opts, bool unplanned) {
    Model& m = report.model;
    m.plan.attempted = true;
    if (!is_report(m) || index.plans.empty()) return false;
    const PlanEntry* chosen = nullptr;
    if (index.explicit_plan) {
        chosen = &index.plans.front();
    } else {
        int best = 0, best_near = -1;
        for (int c : extract::plan_citations(m)) {
            for (uint32_t k : index.candidates(m.citations[static_cast<size_t>(c)])) {
                const PlanEntry& e = index.plans[k];
                if (e.path == report.doc.path) continue;
                int s = extract::pairing_score(m, m.citations[static_cast<size_t>(c)], e.id);
                if (s < best || s <= 0) continue;
                // Copies of one plan (a .docx and its signed .pdf, two folders)
                // score the same: the copy nearest the report wins.
                int near = nearness(report.doc.path, e.path);
                if (s > best || near > best_near) best = s, best_near = near, chosen = &e;
            }
        }
    }
    if (!chosen) return false;
    auto targets = targets_of(chosen->path, opts);
    return targets && link_targets(m, *targets, chosen->path, index.explicit_plan, unplanned);
}

std::string serialize_progress(const ProgressTable& t) {
    std::string out;
    put_str(out, t.plan_path), put_str(out, t.report_path), put_str(out, t.plan_name), put_str(out, t.report_name);
    put_str(out, t.unit);
    put_int(out, t.period_from), put_int(out, t.period_to), put_int(out, t.horizon_from), put_int(out, t.horizon_to);
    put_u32(out, static_cast<uint32_t>(t.rows.size()));
    for (const auto& r : t.rows) {
        put_str(out, r.kind), put_str(out, r.subject);
        put_double(out, r.target);
        put_str(out, r.unit);
        put_int(out, r.target_year);
        put_u32(out, r.at_least);
        put_str(out, r.target_text);
        put_u32(out, r.target_line);
        put_str(out, r.target_section);
        put_u32(out, r.has_result);
        put_double(out, r.result);
        put_str(out, r.result_text);
        put_u32(out, r.result_line);
        put_u32(out, static_cast<uint32_t>(r.status));
        put_u32(out, r.due);
    }
    return out;
}

bool deserialize_progress(std::string_view bytes, ProgressTable& t) {
    Reader r{bytes};
    t = {};
    t.plan_path = r.str(), t.report_path = r.str(), t.plan_name = r.str(), t.report_name = r.str();
    t.unit = r.str();
    t.period_from = r.i32(), t.period_to = r.i32(), t.horizon_from = r.i32(), t.horizon_to = r.i32();
    uint32_t n = r.u32();
    for (uint32_t k = 0; k < n && r.ok; ++k) {
        ProgressRow row;
        row.kind = r.str(), row.subject = r.str();
        row.target = r.dbl();
        row.unit = r.str();
        row.target_year = r.i32();
        row.at_least = r.u32();
        row.target_text = r.str();
        row.target_line = r.u32();
        row.target_section = r.str();
        row.has_result = r.u32();
        row.result = r.dbl();
        row.result_text = r.str();
        row.result_line = r.u32();
        uint32_t st = r.u32();
        if (st > 3) return false;
        row.status = static_cast<ProgressStatus>(st);
        row.due = r.u32();
        if (r.ok) t.rows.push_back(std::move(row));
    }
    return r.ok && r.at == bytes.size();
}

}  // namespace plancheck::pipeline

namespace plancheck::pipeline {

std::string configure_pairing(Options& opts, const std::string& plan, const std::vector<std::string>& plan_dirs,
                              const std::vector<std::string>& batch, unsigned jobs, const Budget& budget,
                              bool workers) {
    auto idx = std::make_shared<PlanIndex>();
    if (!plan.empty()) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(plan, ec)) return "--plan " + plan + ": no such file";
        *idx = index_plans({plan}, opts.ingest, 1, budget, false, true);
        if (idx->plans.empty()) return "--plan " + plan + ": cannot read the plan";
        idx->explicit_plan = true;
        opts.plans = std::move(idx);
        return {};
    }
    std::vector<std::string> candidates;
    for (const auto& d : plan_dirs) {
        std::error_code ec;
        if (!std::filesystem::is_directory(d, ec)) return "--plans " + d + ": not a folder";
        for (const auto& in : collect_inputs({d}))
            if (!in.unsupported && in.problem.empty()) candidates.push_back(in.path);
    }
    if (batch.size() > 1) candidates.insert(candidates.end(), batch.begin(), batch.end());
    if (candidates.empty() && plan_dirs.empty()) return {};  // one file checked alone: no pairing
    *idx = index_plans(candidates, opts.ingest, jobs, budget, workers);
    opts.plans = std::move(idx);
    return {};
}

namespace {
constexpr std::string_view kProgressMagic = "PCPT";
}

std::string pack_progress(std::string payload, const ProgressTable* t) {
    if (!t) return payload;
    std::string p = serialize_progress(*t);
    payload += p;
    put_u32(payload, static_cast<uint32_t>(p.size()));
    payload += kProgressMagic;
    return payload;
}

std::string_view unpack_progress(std::string_view payload, std::shared_ptr<const ProgressTable>& progress) {
    progress.reset();
    if (payload.size() < 8 || payload.substr(payload.size() - 4) != kProgressMagic) return payload;
    Reader r{payload.substr(payload.size() - 8, 4)};
    uint32_t n = r.u32();
    if (n > payload.size() - 8) return payload;
    auto t = std::make_shared<ProgressTable>();
    if (!deserialize_progress(payload.substr(payload.size() - 8 - n, n), *t)) return payload;
    progress = std::move(t);
    return payload.substr(0, payload.size() - 8 - n);
}

}  // namespace plancheck::pipeline
