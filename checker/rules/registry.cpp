#include "rules/registry.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>

#include "core/file.h"
#include "core/utf8.h"
#include "extract/citation_lexicon.h"
#include "extract/citation_scan.h"
#include "extract/dates.h"
#include "rules/params.h"

namespace plancheck::rules {

namespace fs = std::filesystem;

const char* to_string(Confidence c) {
    switch (c) {
        case Confidence::Confirmed: return "CONFIRMED";
        case Confidence::PartlyConfirmed: return "PARTLY CONFIRMED";
        case Confidence::SingleSource: return "SINGLE SOURCE";
    }
    return "CONFIRMED";
}

namespace {

// Folded, with the usual abbreviations of issuing bodies spelled out, padded
// with spaces so that containment is on word boundaries.
std::string issuer_form(std::string_view s) {
    static const std::map<std::string, std::string> kExpand = {
        {"ubnd", "uy ban nhan dan"}, {"hdnd", "hoi dong nhan dan"}, {"bhxh", "bao hiem xa hoi"},
        {"bch", "ban chap hanh"},    {"tw", "trung uong"},          {"ttg", "thu tuong"},
        {"ldtbxh", "lao dong thuong binh va xa hoi"},               {"bcs", "ban can su"}};
    std::string f = utf8::fold(s), out = " ";
    size_t i = 0;
    while (i < f.size()) {
        size_t e = f.find(' ', i);
        if (e == std::string::npos) e = f.size();
        std::string w = f.substr(i, e - i);
        auto it = kExpand.find(w);
        out += (it != kExpand.end() ? it->second : w) + " ";
        i = e + 1;
    }
    return out;
}

Confidence read_confidence(const Params& p, const std::string& key, Confidence fallback) {
    if (!p.has(key)) return fallback;
    std::string v = p.str(key);
    if (v == "CONFIRMED") return Confidence::Confirmed;
    if (v == "PARTLY CONFIRMED") return Confidence::PartlyConfirmed;
    if (v == "SINGLE SOURCE") return Confidence::SingleSource;
    p.fail(key, "expected CONFIRMED, PARTLY CONFIRMED or SINGLE SOURCE (UNCONFIRMED facts do not go in the registry)");
}

Date read_date(const Params& p, const std::string& key) {
    if (!p.has(key)) return {};
    std::string v = p.str(key);
    auto d = extract::parse_date_string(v);
    if (!d) p.fail(key, "expected a date dd/mm/yyyy, got '" + v + "'");
    if (!is_real_date(*d)) p.fail(key, "'" + v + "' is not a real date");
    return *d;
}

std::vector<Replacement> read_replacements(const Params& p, const std::string& key) {
    std::vector<Replacement> out;
    for (const auto& r : p.list_or_empty(key)) {
        Replacement rep;
        rep.id = utf8::nfc(r.str("id"));
        rep.effective = read_date(r, "effective");
        rep.confidence = read_confidence(r, "confidence", Confidence::Confirmed);
        r.finish();
        out.push_back(std::move(rep));
    }
    return out;
}

RegistryEntry read_entry(const Params& p) {
    RegistryEntry e;
    e.file = p.file();
    e.line = static_cast<int>(p.node().line) + 1;
    e.key = utf8::nfc(p.str("key"));
    auto cits = extract::scan_citations(e.key);
    if (cits.size() != 1 || cits[0].number_ref.begin != 0 || cits[0].number_ref.end != e.key.size())
        p.fail("key", "'" + e.key + "' is not a number-symbol such as 1676/QĐ-TTg, 28-NQ/TW or 58/2014/QH13");
    if (cits[0].key != e.key) p.fail("key", "write the key in its canonical form '" + cits[0].key + "'");
    e.id = utf8::nfc(p.str("id", e.key));
    e.type = utf8::nfc(p.str("type"));
    if (!extract::type_by_name(e.type)) p.fail("type", "unknown document type '" + e.type + "'");
    e.name = utf8::nfc(p.str("name", ""));
    e.date = read_date(p, "date");
    e.confidence = read_confidence(p, "confidence", Confidence::Confirmed);
    if (!p.has("confidence")) p.fail("confidence", "say how sure the facts are (from FACTS.md)");
    e.date_confidence = read_confidence(p, "date_confidence", e.confidence);
    e.issuer = utf8::nfc(p.str("issuer"));
    for (auto& a : p.strings_or_empty("issuer_aliases")) e.issuer_aliases.push_back(utf8::nfc(a));
    e.title = utf8::nfc(p.str("title", ""));
    e.effective = read_date(p, "effective");
    e.replaced_by = read_replacements(p, "replaced_by");
    e.replaces = read_replacements(p, "replaces");
    e.local = p.boolean("local", false);
    e.source = p.str("source");
    e.note = p.str("note", "");
    p.finish();
    return e;
}

[[noreturn]] void fail_entry(const RegistryEntry& e, const std::string& msg) {
    throw RuleFileError(e.file, e.line, 1, msg);
}

void add_link(std::vector<Replacement>& list, const Replacement& r, const RegistryEntry& at) {
    for (const auto& x : list) {
        if (x.id != r.id) continue;
        if (!x.effective.empty() && !r.effective.empty() && !(x.effective == r.effective))
            fail_entry(at, "replacement with '" + r.id + "' has two different effective dates");
        return;
    }
    list.push_back(r);
}

std::unique_ptr<Registry> finish(std::vector<RegistryEntry> entries) {
    std::map<std::string, size_t> ids;
    for (size_t i = 0; i < entries.size(); ++i) {
        auto [it, fresh] = ids.emplace(entries[i].id, i);
        if (!fresh)
            fail_entry(entries[i], "duplicate registry id '" + entries[i].id + "' (also at " +
                                       entries[it->second].file + ":" + std::to_string(entries[it->second].line) +
                                       "); give one an explicit 'id'");
    }
    // Replacements must point to known entries; record each link on both sides.
    for (size_t i = 0; i < entries.size(); ++i) {
        for (const auto& r : std::vector<Replacement>(entries[i].replaced_by)) {
            auto it = ids.find(r.id);
            if (it == ids.end()) fail_entry(entries[i], "replaced_by '" + r.id + "' is not in the registry");
            if (it->second == i) fail_entry(entries[i], "a document cannot replace itself");
            add_link(entries[it->second].replaces, {entries[i].id, r.effective, r.confidence}, entries[i]);
        }
        for (const auto& r : std::vector<Replacement>(entries[i].replaces)) {
            auto it = ids.find(r.id);
            if (it == ids.end()) fail_entry(entries[i], "replaces '" + r.id + "' which is not in the registry");
            if (it->second == i) fail_entry(entries[i], "a document cannot replace itself");
            add_link(entries[it->second].replaced_by, {entries[i].id, r.effective, r.confidence}, entries[i]);
        }
    }
    for (const auto& e : entries) {
        if (!e.effective.empty() && !e.date.empty() && compare(e.effective, e.date) < 0)
            fail_entry(e, "effective date is before the issue date");
        for (const auto& r : e.replaced_by) {
            const auto& other = entries[ids.at(r.id)];
            if (!other.date.empty() && !e.date.empty() && compare(other.date, e.date) < 0)
                fail_entry(e, "replaced by '" + r.id + "' which is older than it");
        }
    }
    auto reg = std::make_unique<Registry>();
    for (auto& e : entries) reg->add(std::move(e));
    return reg;
}

std::vector<RegistryEntry> read_file_text(const std::string& text, const std::string& name,
                                          const yaml::TreeCache& cache) {
    yaml::Tree root = cache.load(text, name);
    std::vector<RegistryEntry> out;
    if (root->is_null()) return out;
    Params top(root, name, "registry");
    top.str("description", "");
    for (const auto& p : top.list("documents")) out.push_back(read_entry(p));
    top.finish();
    return out;
}

}  // namespace

const RegistryEntry* Registry::by_id(std::string_view id) const {
    for (const auto& e : entries_)
        if (e.id == id) return &e;
    return nullptr;
}

void Registry::add(RegistryEntry e) {
    forms_.push_back({extract::loose_key(e.key), extract::bare_key(e.key), e.name.empty() ? "" : utf8::fold(e.name)});
    entries_.push_back(std::move(e));
}

std::vector<const RegistryEntry*> Registry::by_key(std::string_view key) const {
    std::vector<const RegistryEntry*> out;
    for (const auto& e : entries_)
        if (e.key == key) out.push_back(&e);
    if (!out.empty()) return out;
    std::string lk = extract::loose_key(key);
    for (size_t i = 0; i < entries_.size(); ++i)
        if (forms_[i].loose_key == lk) out.push_back(&entries_[i]);
    return out;
}

std::vector<const RegistryEntry*> Registry::by_bare_key(std::string_view key) const {
    std::vector<const RegistryEntry*> out;
    std::string bk = extract::bare_key(key);
    for (size_t i = 0; i < entries_.size(); ++i)
        if (forms_[i].bare_key == bk) out.push_back(&entries_[i]);
    return out;
}

std::vector<const RegistryEntry*> Registry::by_name(std::string_view type, std::string_view name) const {
    std::vector<const RegistryEntry*> out;
    std::string f = utf8::fold(name);
    for (size_t i = 0; i < entries_.size(); ++i) {
        const RegistryEntry& e = entries_[i];
        if (e.type == type && !e.name.empty() && forms_[i].folded_name == f) out.push_back(&e);
    }
    return out;
}

namespace {

// `name` inside `written`, not as the tail of a different body: "Chính phủ" is
// not "Thủ tướng Chính phủ" nor "Văn phòng Chính phủ".
bool names_body(const std::string& written, const std::string& name) {
    static const char* kHeads[] = {" thu tuong", " van phong", " bo truong", " chu tich"};
    for (size_t at = written.find(name); at != std::string::npos; at = written.find(name, at + 1)) {
        bool other = false;
        for (const char* h : kHeads) {
            size_t n = std::strlen(h);
            if (at >= n && written.compare(at - n, n, h) == 0 && name.find(h) != 0) other = true;
        }
        if (!other) return true;
    }
    return false;
}

}  // namespace

bool Registry::issuer_matches(const RegistryEntry& e, std::string_view issuer) const {
    std::string w = issuer_form(issuer);
    if (names_body(w, issuer_form(e.issuer))) return true;
    for (const auto& a : e.issuer_aliases)
        if (names_body(w, issuer_form(a))) return true;
    return false;
}

namespace {

std::string entry_number(const RegistryEntry& e) {
    size_t i = e.key.find_first_of("/-");
    std::string n = e.key.substr(0, i);
    while (n.size() > 1 && n[0] == '0') n.erase(0, 1);
    return n;
}

const RegistryEntry* pick(const Registry& reg, const Citation& c, const std::vector<const RegistryEntry*>& cands) {
    std::vector<const RegistryEntry*> ok;
    for (const auto* e : cands) {
        if (e->local && (c.issuer.empty() || !reg.issuer_matches(*e, c.issuer))) continue;
        ok.push_back(e);
    }
    if (ok.empty()) return nullptr;
    if (ok.size() == 1) return ok.front();
    for (const auto* e : ok)
        if (!c.issuer.empty() && reg.issuer_matches(*e, c.issuer)) return e;
    return ok.front();
}

}  // namespace

Resolution resolve(const Registry& reg, const Citation& c) {
    Resolution r;
    if (!c.key.empty()) {
        r.entry = pick(reg, c, reg.by_key(c.key));
        if (!r.entry) {
            r.entry = pick(reg, c, reg.by_bare_key(c.key));
            r.by_form = r.entry != nullptr;
        }
        return r;
    }
    if (!c.name.empty() && c.number.empty()) {
        std::vector<const RegistryEntry*> fit;
        for (const auto* e : reg.by_name(c.type, c.name)) {
            if (c.date.empty()) fit.push_back(e);
            else if (c.date.complete() ? e->date == c.date : e->date.year == c.date.year) fit.push_back(e);
        }
        if (fit.size() == 1) r.entry = fit.front();
        return r;
    }
    if (!c.number.empty() && !c.type.empty()) {
        std::string n = c.number;
        while (n.size() > 1 && n[0] == '0') n.erase(0, 1);
        std::vector<const RegistryEntry*> fit;
        for (const auto& e : reg.entries())
            if (!e.local && e.type == c.type && entry_number(e) == n) fit.push_back(&e);
        if (fit.size() == 1) r.entry = fit.front();
    }
    return r;
}

std::unique_ptr<Registry> load_registry_texts(const std::vector<std::pair<std::string, std::string>>& files,
                                              const yaml::TreeCache& cache) {
    std::vector<RegistryEntry> all;
    for (const auto& [name, text] : files) {
        auto v = read_file_text(text, name, cache);
        all.insert(all.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
    }
    return finish(std::move(all));
}

std::unique_ptr<Registry> load_registry(const std::string& dir, const yaml::TreeCache& cache) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return std::make_unique<Registry>();
    std::vector<std::string> paths;
    for (const auto& de : fs::directory_iterator(dir, ec)) {
        auto ext = de.path().extension();
        if (de.is_regular_file() && (ext == ".yaml" || ext == ".yml")) paths.push_back(de.path().string());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& p : paths) {
        std::string text;
        if (!file::read(p, text)) throw RuleFileError(p, 0, 0, "cannot open registry file");
        files.emplace_back(p, std::move(text));
    }
    return load_registry_texts(files, cache);
}

}  // namespace plancheck::rules
