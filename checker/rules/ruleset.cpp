#include "rules/ruleset.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <optional>
#include <thread>
#include <filesystem>
#include <map>
#include <set>

#include "core/file.h"
#include "core/utf8.h"
#include "rules/kinds/kinds.h"

namespace plancheck::rules {

namespace fs = std::filesystem;

namespace {
// More threads than this find too little to share among ~25 files.
constexpr unsigned kLoadThreads = 4;
}  // namespace

RuleBook::RuleBook() = default;
RuleBook::~RuleBook() = default;
RuleBook::RuleBook(RuleBook&&) noexcept = default;
RuleBook& RuleBook::operator=(RuleBook&&) noexcept = default;

const RuleSet* RuleBook::find_set(const std::string& id) const {
    for (const auto& s : sets)
        if (s.id == id) return &s;
    return nullptr;
}

const Rule* RuleBook::find_rule(const std::string& id) const {
    for (const auto& s : sets)
        for (const auto& r : s.rules)
            if (r->meta().id == id) return r.get();
    return nullptr;
}

namespace {

std::optional<DocKind> parse_kind(const std::string& s) { return doc_kind_from_string(s); }

std::vector<Example> read_examples(const Params& ex, const std::string& key) {
    std::vector<Example> out;
    if (!ex.has(key)) return out;
    const yaml::Node& n = *ex.value(key);
    if (!n.is_sequence()) ex.fail(key, "expected a list of text snippets");
    for (const auto& e : n.children) {
        if (!e.is_scalar()) ex.fail_at(e, "examples." + key + ": expected text snippets");
        out.push_back({e.scalar, static_cast<int>(e.line) + 1});
    }
    return out;
}

std::unique_ptr<Rule> read_rule(const Params& p, const std::string& set_id) {
    RuleMeta meta;
    meta.file = p.file();
    meta.line = static_cast<int>(p.node().line) + 1;
    meta.id = p.str("id");
    meta.kind = p.str("kind");
    meta.category = p.str("category");
    if (!is_category(meta.category))
        p.fail("category", "'" + meta.category + "' is not a diagnostic category (see docs/diagnostics.md)");
    auto sev = parse_severity(p.str("severity"));
    if (!sev) p.fail("severity", "expected error, warning or info");
    meta.severity = *sev;
    meta.legal_basis = p.str("legal_basis");
    if (utf8::trim(meta.legal_basis).empty()) p.fail("legal_basis", "must say what the rule enforces");
    meta.description = p.str("description", "");
    auto read_message = [&](const Params& msg, const std::string& key) {
        std::map<std::string, std::string> out;
        for (const auto& lang : msg.keys()) {
            if (lang != "vi" && lang != "en") msg.fail(lang, "languages are vi and en");
            out[lang] = msg.str(lang);
        }
        if (!out.count("vi") || !out.count("en")) p.fail(key, "needs both 'vi' and 'en'");
        msg.finish();
        return out;
    };
    meta.message = read_message(p.child("message"), "message");
    if (p.has("variants")) {
        Params vars = p.child("variants");
        for (const auto& name : vars.keys()) meta.variants[name] = read_message(vars.child(name), "variants." + name);
        vars.finish();
    }
    Params ex = p.child("examples");
    meta.valid = read_examples(ex, "valid");
    meta.invalid = read_examples(ex, "invalid");
    ex.finish();
    if (meta.invalid.empty()) p.fail("examples", "needs at least one 'invalid' snippet");
    const KindInfo* kind = find_kind(meta.kind);
    if (!kind) p.fail("kind", "unknown rule kind '" + meta.kind + "' (see `plancheck explain --kinds`)");
    Params params = p.has("params") ? p.child("params") : Params(nullptr, nullptr, p.file(), meta.id + ".params");
    (void)set_id;
    auto rule = kind->make(std::move(meta), params);
    params.finish();
    p.finish();
    return rule;
}

RuleSet read_ruleset(const yaml::Tree& root, const std::string& file) {
    Params top(root, file, "ruleset");
    RuleSet set;
    set.file = file;
    set.id = top.str("ruleset");
    Params title = top.child("title");
    set.title_vi = title.str("vi");
    set.title_en = title.str("en");
    title.finish();
    top.str("description", "");
    Params ap = top.child("applies");
    set.applies.always = ap.boolean("always", false);
    for (const auto& k : ap.strings_or_empty("kinds")) {
        auto kind = parse_kind(k);
        if (!kind) ap.fail("kinds", "unknown document kind '" + k + "'");
        set.applies.kinds.push_back(*kind);
    }
    set.applies.cites = ap.strings_or_empty("cites");
    for (auto& c : set.applies.cites) c = utf8::nfc(c);
    set.applies.party = ap.boolean("party", false);
    set.applies.state = ap.boolean("state", false);
    set.applies.formal = ap.boolean("formal", false);
    set.applies.on_request = ap.boolean("on_request", false);
    for (const auto& c : ap.strings_or_empty("classes")) {
        auto cls = doc_class_from_string(c);
        if (!cls) ap.fail("classes", "unknown document class '" + c + "'");
        set.applies.classes.push_back(*cls);
    }
    for (const auto& t : ap.strings_or_empty("title")) set.applies.title.push_back(utf8::fold(t));
    ap.finish();
    if (!set.applies.always && set.applies.kinds.empty() && set.applies.cites.empty())
        ap.fail("always", "say when the set applies: always, kinds or cites");
    std::set<std::string> ids;
    for (const auto& rp : top.list("rules")) {
        auto rule = read_rule(rp, set.id);
        if (!ids.insert(rule->meta().id).second) rp.fail("id", "duplicate rule id '" + rule->meta().id + "'");
        set.rules.push_back(std::move(rule));
    }
    top.finish();
    return set;
}

}  // namespace

bool Applies::matches(const Model& m, std::string* why, bool ignore_on_request) const {
    auto say = [&](const std::string& s) { if (why) *why = s; };
    if (on_request && !ignore_on_request) {
        std::string inner;
        bool would = matches(m, &inner, true);
        say(std::string("only on request (--ruleset)") + (would ? "; it would apply: " : "; ") + inner);
        return false;
    }
    if (party && !m.outline.header.party) { say("not a Party document"); return false; }
    if (state && m.outline.header.party) { say("a Party document"); return false; }
    const HeaderInfo& h = m.outline.header;
    if (!classes.empty() && std::find(classes.begin(), classes.end(), m.outline.doc_class) == classes.end()) {
        std::string list;
        for (auto c : classes) list += std::string(list.empty() ? "" : ", ") + to_string(c);
        say(std::string("document class is ") + to_string(m.outline.doc_class) + " (" + to_string(m.outline.kind) +
            "); the set is for " + list);
        return false;
    }
    if (formal && !h.doc_type && !h.number && !h.national_title) {
        say("no administrative header (type name, number or national title)");
        return false;
    }
    if (!title.empty()) {
        std::string t;
        for (uint32_t b : h.title) t += utf8::fold(m.doc->blocks[b].text) + " ";
        bool any = false;
        for (const auto& want : title) any = any || t.find(want) != std::string::npos;
        if (!any) { say("the title does not contain \"" + title.front() + "\""); return false; }
    }
    if (always) {
        if (!classes.empty())
            say(std::string("document class is ") + to_string(m.outline.doc_class) + " (" + to_string(m.outline.kind) + ")");
        else
            say(formal ? "applies to every administrative document" : "applies to every document");
        return true;
    }
    if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), m.outline.kind) == kinds.end()) {
        say(std::string("document kind is ") + to_string(m.outline.kind));
        return false;
    }
    if (cites.empty()) { say(std::string("document kind is ") + to_string(m.outline.kind)); return true; }
    for (const auto& c : m.citations) {
        for (const auto& want : cites) {
            if (c.key == want) {
                Pos p = m.doc->blocks[c.ref.block].locate(c.ref.begin);
                say(std::string("document kind is ") + to_string(m.outline.kind) + " and it cites " + want +
                    " (line " + std::to_string(p.line) + ")");
                return true;
            }
        }
    }
    say("it does not cite " + cites.front());
    return false;
}

RuleSet load_ruleset_text(const std::string& text, const std::string& name, const yaml::TreeCache& cache) {
    return read_ruleset(cache.load(text, name), name);
}

RuleSet load_ruleset_file(const std::string& path, const yaml::TreeCache& cache) {
    std::string text;
    if (!file::read(path, text)) throw RuleFileError(path, 0, 0, "cannot open rule file");
    return load_ruleset_text(text, path, cache);
}

RuleBook load_rulebook(const std::string& dir, const yaml::TreeCache& cache) {
    RuleBook book;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw RuleFileError(dir, 0, 0, "rules directory not found");
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator(); ++it) {
        if (it->is_directory() && it->path().filename() == "registry") {
            it.disable_recursion_pending();
            continue;
        }
        auto ext = it->path().extension();
        if (it->is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    // The files are read on a few threads (their parsing, RE2 compilation and
    // the Hunspell dictionary are most of a small check's start-up), then taken
    // in their sorted order, so the book and the first error are what one
    // thread reading them in turn gives. The threads end before this returns:
    // a batch forks its workers later from one thread.
    std::vector<std::optional<RuleSet>> loaded(files.size());
    std::vector<std::exception_ptr> failed(files.size() + 1);
    std::unique_ptr<Registry> registry;
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (;;) {
            const size_t i = next.fetch_add(1);
            if (i > files.size()) return;
            try {
                if (i == files.size()) registry = load_registry((fs::path(dir) / "registry").string(), cache);
                else loaded[i] = load_ruleset_file(files[i], cache);
            } catch (...) {
                failed[i] = std::current_exception();
            }
        }
    };
    {
        const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
        std::vector<std::jthread> helpers;
        for (unsigned t = 1; t < std::min(cores, kLoadThreads); ++t) helpers.emplace_back(work);
        work();
    }
    std::map<std::string, std::string> rule_files;
    for (size_t i = 0; i < files.size(); ++i) {
        const auto& f = files[i];
        if (failed[i]) std::rethrow_exception(failed[i]);
        RuleSet set = std::move(*loaded[i]);
        if (book.find_set(set.id)) throw RuleFileError(f, 1, 1, "duplicate rule set id '" + set.id + "'");
        for (const auto& r : set.rules) {
            auto [it, fresh] = rule_files.emplace(r->meta().id, f);
            if (!fresh)
                throw RuleFileError(f, r->meta().line, 1,
                                    "rule id '" + r->meta().id + "' is also defined in " + it->second);
        }
        book.sets.push_back(std::move(set));
    }
    if (failed.back()) std::rethrow_exception(failed.back());
    book.registry = std::move(registry);
    return book;
}

}  // namespace plancheck::rules
