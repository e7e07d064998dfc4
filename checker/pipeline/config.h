// Project configuration: `.plancheck.yaml` in a document repository.
//
//   rules: ../my-rules          # rule folder, relative to this file
//   rulesets: [qd1676-plan]     # force these sets (like --ruleset)
//   disable: [citation.unknown, text.typo.confusions]   # rule ids or categories
//   severity: {text.repeated-phrase: error}             # per rule id or category
//   fail_on: warning
//   lang: vi
//   draft: false
//   timeout: 30                 # seconds per file in a batch (like --timeout)
//   max_memory: 1024            # MB per file in a batch (like --max-memory)
//   enable: [text.typo]         # switch back on what a .plancheck.yaml further up disables
//   root: true                  # do not read .plancheck.yaml files in folders above
//
// Read strictly like rule files: unknown keys and bad values are errors with
// file:line. Command-line options override the file.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plancheck/diagnostic.h"

namespace plancheck::pipeline {

struct Config {
    std::string path;  // the file it came from (the nearest, once merged); empty when none
    bool root = false;  // `root: true`: files in folders above are not read
    std::optional<std::string> rules_dir;
    std::vector<std::string> rulesets;
    std::vector<std::string> disable;                 // rule ids or categories
    std::vector<std::string> enable;                  // names a farther file disabled, switched back on
    std::map<std::string, Severity> severity;         // rule id or category -> severity
    std::optional<std::string> fail_on, lang;
    std::optional<bool> draft;
    std::optional<double> timeout;       // seconds, > 0
    std::optional<double> max_memory;    // MB, > 0
};

// Reads one config file; throws rules::RuleFileError on mistakes (a key given
// twice at the top level is one: YAML readers silently keep one of them).
Config load_config(const std::string& path);

// The nearest `.plancheck.yaml` in `start` or its parents, or "" when none.
std::string find_config(const std::string& start);

// The settings for files in `inner`'s folder when `outer` is in a folder
// above it: a key `inner` sets wins, `severity` entries are merged (inner's
// win), `disable` lists add up, and `inner`'s `enable` takes names out of them.
Config merge(const Config& outer, const Config& inner);

// The settings of each checked file: every .plancheck.yaml from the file's
// folder up to the root (or to a file with `root: true`), merged, the nearest
// winning. Each folder is resolved once. Throws rules::RuleFileError for a
// bad file.
class ConfigResolver {
public:
    const Config& for_path(const std::string& file);
    // Every config file read so far (to check the rule names they give).
    const std::vector<Config>& files() const { return files_; }

private:
    const Config& for_dir(const std::string& dir);
    std::map<std::string, std::unique_ptr<Config>> by_dir_;  // absolute folder -> merged settings
    std::vector<Config> files_;
};

// Applies `disable` and `severity` to diagnostics (input.unreadable is never
// disabled). Severity set for a rule id wins over one set for its category.
void apply_config(const Config& cfg, std::vector<Diagnostic>& diags);

}  // namespace plancheck::pipeline
