// SARIF 2.1.0 (OASIS): one run; the rule table comes from the rule metadata
// (Options::rules), so code-scanning UIs show each rule's description and
// legal basis. Paths are relative URIs so GitHub can map them onto the
// repository when plancheck runs from its root.
#include <nlohmann/json.hpp>

#include "report/escape.h"
#include "report/fingerprint.h"
#include "report/report.h"

namespace plancheck::report {

namespace {
using nlohmann::json;

const char* level_of(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Info: return "note";
    }
    return "warning";
}

// input.unreadable is raised by the pipeline, not by a rule file: it gets a
// fixed entry so that its results also have a ruleIndex.
RuleInfo unreadable_rule(const std::string& lang) {
    RuleInfo r;
    r.id = "input.unreadable";
    r.category = "input.unreadable";
    r.severity = Severity::Error;
    r.legal_basis = "plancheck: input must be a readable .docx, .txt, .md, .html or .pdf file (.doc, .rtf, .odt with LibreOffice)";
    r.summary = lang == "en" ? "The document cannot be read" : "Không đọc được văn bản";
    r.description = "The file could not be read as a document: damaged, encrypted, of an unsupported format, "
                    "or without usable text (a scan without a text layer).";
    return r;
}

// The findings about inline directives (pipeline/suppress.h) are raised by
// the pipeline too: entries with a description, added when a result uses them.
RuleInfo directive_rule(const Diagnostic& d) {
    RuleInfo r{d.rule, d.category, d.severity, d.legal_basis, "", "", ""};
    if (d.rule == "suppression.unused")
        r.description = "An inline plancheck-disable directive in the document switched off no finding; it can be removed.";
    else if (d.rule == "suppression.unknown")
        r.description = "An inline directive names a rule or category that does not exist, or is not a directive word.";
    return r;
}

// A sentence for a rule table: the text with its first letter a capital and
// a closing full stop.
std::string sentence(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
    if (s.empty()) return s;
    if (s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    if (s.back() != '.' && s.back() != '?' && s.back() != '!') s += '.';
    return s;
}

// The first sentence of a description (up to ". "), for shortDescription.
std::string first_sentence(const std::string& d) {
    auto p = d.find(". ");
    return sentence(p == std::string::npos ? d : d.substr(0, p + 1));
}

json rule_json(const RuleInfo& r, const Options& opts) {
    const bool en = opts.lang == "en";
    // Descriptions, never message templates ("{found} ..."): the rule's own
    // description, else what its kind checks, else its id.
    std::string full = !r.description.empty() ? r.description : !r.kind_summary.empty() ? r.kind_summary : r.id;
    std::string basis_label = en ? "Legal basis: " : "Căn cứ: ";
    json j = {
        {"id", r.id},
        {"shortDescription", {{"text", first_sentence(full)}}},
        {"fullDescription", {{"text", sentence(full)}}},
        {"help", {{"text", basis_label + r.legal_basis},
                  {"markdown", "**" + basis_label + "** " + r.legal_basis}}},
        {"defaultConfiguration", {{"level", level_of(r.severity)}}},
        {"properties", {{"category", r.category}, {"legal_basis", r.legal_basis},
                        {"tags", json::array({r.category})}}},
    };
    if (!opts.rules_uri.empty()) {
        std::string uri = opts.rules_uri;
        if (auto p = uri.find("{id}"); p != std::string::npos) uri.replace(p, 4, r.id);
        // The rule's heading in docs/rules.md ("### `a.b-c`"), as Markdown
        // renderers name it: lower case, punctuation other than '-' and '_' dropped.
        if (auto p = uri.find("{anchor}"); p != std::string::npos) {
            std::string slug;
            for (char c : r.id)
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') slug += c;
                else if (c >= 'A' && c <= 'Z') slug += static_cast<char>(c - 'A' + 'a');
            uri.replace(p, 8, slug);
        }
        j["helpUri"] = uri;
    }
    return j;
}

// Where a file is, as SARIF wants it: a relative URI and the id of the base
// it is relative to. Files under the working folder are relative to
// %SRCROOT%; a file elsewhere is relative to its own folder, which gets an id
// of its own in originalUriBaseIds (GitHub rejects absolute file:// URIs).
struct Artifact {
    std::string uri, base;
};

json artifact_location(const Artifact& a) { return {{"uri", a.uri}, {"uriBaseId", a.base}}; }

json location_json(const Artifact& art, const Diagnostic& d) {
    json phys = {{"artifactLocation", artifact_location(art)}};
    if (d.line > 0) {
        json region = {{"startLine", d.line}};
        if (d.column > 0) region["startColumn"] = d.column;
        uint32_t end_line = d.end_line >= d.line ? d.end_line : d.line;
        region["endLine"] = end_line;
        if (d.column > 0) {
            uint32_t end_col = d.end_column;
            if (end_line == d.line && end_col < d.column) end_col = d.column;
            if (end_col > 0) region["endColumn"] = end_col;
        }
        if (!d.excerpt.empty()) region["snippet"] = {{"text", d.excerpt}};
        // PDF: the printed page and the line on it (startLine counts lines over
        // the whole document, as everywhere in plancheck).
        if (d.page > 0 && d.page_line > 0) region["properties"] = {{"page", d.page}, {"pageLine", d.page_line}};
        phys["region"] = region;
    }
    return {{"physicalLocation", phys}};
}

json fix_json(const Artifact& art, const Fix& f, const Options& opts) {
    json del = {{"startLine", f.line}, {"startColumn", f.column}, {"endLine", f.end_line},
                {"endColumn", f.end_column}};
    return {{"description", {{"text", opts.lang == "en" ? "Replace with \"" + f.replacement + "\""
                                                         : "Thay bằng \"" + f.replacement + "\""}}},
            {"artifactChanges",
             json::array({{{"artifactLocation", artifact_location(art)},
                           {"replacements", json::array({{{"deletedRegion", del},
                                                          {"insertedContent", {{"text", f.replacement}}}}})}}})}};
}
}  // namespace

void write_sarif(std::ostream& os, const std::vector<FileReport>& files, const Options& opts) {
    // Rule table: every loaded rule once (first definition wins), plus
    // input.unreadable, plus any rule id a result names that the table lacks
    // (diagnostics from a rule set loaded elsewhere must still get an index).
    std::vector<RuleInfo> table;
    std::map<std::string, size_t> index;
    auto add = [&](const RuleInfo& r) {
        if (index.emplace(r.id, table.size()).second) table.push_back(r);
    };
    for (const auto& r : opts.rules) add(r);
    add(unreadable_rule(opts.lang));
    for (const auto& f : files)
        for (const auto& d : f.diagnostics)
            if (!index.count(d.rule)) add(directive_rule(d));

    json rules = json::array();
    for (const auto& r : table) rules.push_back(rule_json(r, opts));

    json results = json::array();
    json artifacts = json::array();
    json bases = {{"%SRCROOT%", {{"description", {{"text", "The directory plancheck ran in"}}}}}};
    std::map<std::string, std::string> base_of_dir;  // absolute folder -> its base id
    for (const auto& f : files) {
        std::string shown = display_path(f.path);
        Artifact where{path_to_uri(shown), "%SRCROOT%"};
        if (!shown.empty() && shown[0] == '/') {
            auto slash = shown.rfind('/');
            std::string dir = shown.substr(0, slash + 1);
            auto [it, fresh] = base_of_dir.emplace(dir, "FOLDER" + std::to_string(base_of_dir.size() + 1));
            if (fresh) bases[it->second] = {{"uri", path_to_uri(dir)}};
            where = {path_to_uri(shown.substr(slash + 1)), it->second};
        }
        json art = {{"location", artifact_location(where)}};
        if (!f.format.empty()) art["properties"] = {{"format", f.format}};
        artifacts.push_back(art);
        for (const auto& d : f.diagnostics) {
            json r = {
                {"ruleId", d.rule},
                {"ruleIndex", index.at(d.rule)},
                {"level", level_of(d.severity)},
                {"message", {{"text", d.message}}},
                {"locations", json::array({location_json(where, d)})},
                {"partialFingerprints", {{"plancheck/v1", fingerprint(f, d)}}},
                {"properties", {{"category", d.category}, {"legal_basis", d.legal_basis},
                                {"severity", std::string(to_string(d.severity))}}},
            };
            if (d.fix) r["fixes"] = json::array({fix_json(where, *d.fix, opts)});
            if (d.suppressed)  // an inline directive in the document switched it off
                r["suppressions"] = json::array({{{"kind", "inSource"},
                                                  {"justification", d.suppressed_by + " (line " +
                                                                        std::to_string(d.suppressed_line) + ")"}}});
            results.push_back(std::move(r));
        }
    }

    json driver = {{"name", "plancheck"},
                   {"version", opts.tool_version},
                   {"semanticVersion", opts.tool_version},
                   {"rules", rules}};
    if (!opts.tool_uri.empty()) driver["informationUri"] = opts.tool_uri;
    json run = {{"tool", {{"driver", driver}}},
                {"columnKind", "unicodeCodePoints"},
                {"originalUriBaseIds", bases},
                {"artifacts", artifacts},
                {"results", results},
                {"language", opts.lang == "en" ? "en-US" : "vi-VN"}};
    json out = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", json::array({run})}};
    os << out.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

}  // namespace plancheck::report
