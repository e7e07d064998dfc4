// CLI subcommands: one file each, registered in the sorted table in main.cpp.
#pragma once

#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "pipeline/pipeline.h"
#include "rules/ruleset.h"

namespace plancheck::cli {

namespace po = boost::program_options;

using Args = std::vector<std::string>;  // arguments after the subcommand name

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const Args& args);
};

// Exit codes of the contract.
constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

// Options every command that reads rules shares.
struct RuleOptions {
    std::string rules_dir;
    std::string lang = "vi";
    bool no_cache = false;  // --no-cache: parse every rule file with yaml-cpp
};
void add_rule_options(po::options_description& desc, RuleOptions& o);
// Loads the rule book, printing a file:line error and returning false on failure.
bool load_rules(const RuleOptions& o, rules::RuleBook& book);
std::string default_rules_dir();
// The user documentation (docs/ of the source, or share/doc/plancheck when installed).
std::string docs_dir();

// How sure the registry is of a fact: CONFIRMED... in English, "đã xác nhận"...
// in Vietnamese (registry_cmd.cpp; JSON keeps the registry's own words).
std::string confidence_label(rules::Confidence c, bool en);

// Command-line errors in the user's language (cli/messages.cpp): `en` through
// the phrase table when `lang` is not "en" (unknown text stays as it is);
// lang_of() is the language the arguments ask for, before they are parsed;
// command_line_error() words an error of boost::program_options.
std::string say(const std::string& en, const std::string& lang);
std::string lang_of(const Args& args);
std::string command_line_error(const po::error& e, const std::string& lang);

// Parses args against desc (+ positional names); prints usage errors. Returns
// false when the command must exit (usage error or --help printed); `code` says how.
bool parse(const Args& args, const po::options_description& desc,
           const po::positional_options_description& pos, po::variables_map& vm,
           const char* usage, int& code);

// Commands that look at one document (outline, citations, coverage) share their
// options (--format, --encoding, --rules, --lang, optionally --ruleset), rule
// loading and reading. open_document() does all of it; on failure it has
// printed why and returns nullptr with `code` set.
struct DocumentRequest {
    const char* name;                  // "outline"
    const char* usage;
    std::vector<std::string> formats;  // accepted --format values, the first is the default
    bool rulesets = false;             // accepts --ruleset
};
struct OpenDocument {
    RuleOptions ro;
    std::string format;
    std::vector<std::string> rulesets;
    rules::RuleBook book;
    std::unique_ptr<pipeline::Analysis> analysis;
    std::vector<rules::AppliedSet> sets;  // filled when the request takes --ruleset
};
std::unique_ptr<OpenDocument> open_document(const Args& args, const DocumentRequest& req, int& code);

// JSON views of one analysed document, exactly as `outline`, `coverage` and
// `citations --format json` print them (the serve page shows them too).
// coverage_json: `forced` when the sets were named with --ruleset.
nlohmann::json outline_json(const pipeline::Analysis& a, const std::vector<rules::AppliedSet>& sets);
nlohmann::json coverage_json(const pipeline::Analysis& a, std::vector<rules::AppliedSet> sets, bool forced);
nlohmann::json citations_json(const pipeline::Analysis& a, const rules::RuleBook& book);

int cmd_annotate(const Args&);
int cmd_check(const Args&);
int cmd_citations(const Args&);
int cmd_coverage(const Args&);
int cmd_explain(const Args&);
int cmd_outline(const Args&);
int cmd_progress(const Args&);
int cmd_registry(const Args&);
int cmd_rules(const Args&);
int cmd_serve(const Args&);

}  // namespace plancheck::cli
