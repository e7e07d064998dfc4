// The registry of known legal and Party documents (rules/registry/*.yaml):
// number-symbol, type, date, issuer, title, effect, what replaced them, and
// how sure we are (CONFIRMED / PARTLY CONFIRMED / SINGLE SOURCE from
// FACTS.md). Read strictly: unknown keys, duplicate ids, impossible dates and
// replacements pointing nowhere are errors naming file:line.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "plancheck/citation.h"
#include "rules/yaml_tree.h"

namespace plancheck::rules {

enum class Confidence { Confirmed, PartlyConfirmed, SingleSource };
const char* to_string(Confidence c);

struct Replacement {
    std::string id;        // registry id of the other document
    Date effective;        // from when the replacement applies
    Confidence confidence = Confidence::Confirmed;
};

struct RegistryEntry {
    std::string id;        // unique; defaults to key ("116/KH-UBND@danang" when keys collide)
    std::string key;       // canonical number-symbol: "1676/QĐ-TTg"
    std::string type;      // "Quyết định"
    std::string name;      // a Law's name, "Bảo hiểm xã hội" ("" for other types)
    Date date;             // issue date (may be empty when unknown)
    Confidence date_confidence = Confidence::Confirmed;
    std::string issuer;    // "Thủ tướng Chính phủ"
    std::vector<std::string> issuer_aliases;  // other ways of naming the issuer
    std::string title;     // trích yếu
    Date effective;        // in force from
    std::vector<Replacement> replaced_by;     // (filled both ways by the loader)
    std::vector<Replacement> replaces;
    bool local = false;    // a local document: its key alone does not identify it (many
                           // provinces number "116/KH-UBND"); it matches only with its issuer
    std::string source;    // where the facts come from
    Confidence confidence = Confidence::Confirmed;
    std::string note;
    std::string file;      // where the entry is
    int line = 0;
};

class Registry {
public:
    size_t size() const { return entries_.size(); }
    const std::vector<RegistryEntry>& entries() const { return entries_; }
    const RegistryEntry* by_id(std::string_view id) const;
    // Entries whose key matches, exactly or loosely (case, accents, Đ/D, leading zeros).
    std::vector<const RegistryEntry*> by_key(std::string_view key) const;
    // Entries whose key matches when the separators are ignored ("28/NQ-TW" finds 28-NQ/TW).
    std::vector<const RegistryEntry*> by_bare_key(std::string_view key) const;
    // Laws with this name (folded comparison).
    std::vector<const RegistryEntry*> by_name(std::string_view type, std::string_view name) const;
    // Whether `issuer` (as written) names the entry's issuer.
    bool issuer_matches(const RegistryEntry& e, std::string_view issuer) const;

    // Adds an entry (the loader validates first). Exposed for tests.
    void add(RegistryEntry e);

private:
    // The loose, bare and folded forms of each entry's key and name, computed
    // once: every citation of a check looks entries up, and folding all 44 keys
    // per look-up was 4 % of a batch check (bench/RESULTS.md).
    struct Forms {
        std::string loose_key, bare_key, folded_name;
    };
    std::vector<RegistryEntry> entries_;
    std::vector<Forms> forms_;  // parallel to entries_
};

// The registry entry a citation names, if any.
struct Resolution {
    const RegistryEntry* entry = nullptr;
    bool by_form = false;  // found only when ignoring the separators ("28/NQ-TW" for 28-NQ/TW)
};
// Full citations by key (local entries only with a matching issuer); Laws by
// name and date or year; back-references ("Quyết định 1676") by type and number
// when only one non-local entry fits.
Resolution resolve(const Registry& reg, const Citation& c);

// Loads every *.yaml in `dir`; a missing directory gives an empty registry.
// Throws RuleFileError naming file:line for any mistake.
std::unique_ptr<Registry> load_registry(const std::string& dir, const yaml::TreeCache& cache = {});
// Reads registry YAML given as text (several "files" may be passed for tests).
std::unique_ptr<Registry> load_registry_texts(const std::vector<std::pair<std::string, std::string>>& files,
                                              const yaml::TreeCache& cache = {});

}  // namespace plancheck::rules
