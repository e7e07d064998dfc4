// SARIF 2.1.0 (OASIS): one run; the rule table comes from the rule metadata
// (Options::rules), so code-scanning UIs show each rule's description and
// legal basis. Paths are relative URIs so GitHub can map them onto the
// repository when plancheck runs from its root.
#include <nlohmann/json.hpp>

#include "report/escape.h"
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
    r.legal_basis = "plancheck: input must be a readable .docx, .txt, .md, .html or .pdf file";
    r.summary = lang == "en" ? "The document cannot be read" : "Không đọc được văn bản";
    return r;
}

json rule_json(const RuleInfo& r, const Options& opts) {
    const bool en = opts.lang == "en";
    std::string full = r.description.empty() ? r.summary : r.description;
    std::string basis_label = en ? "Legal basis: " : "Căn cứ: ";
    json j = {
        {"id", r.id},
        {"shortDescription", {{"text", r.summary.empty() ? r.id : r.summary}}},
        {"fullDescription", {{"text", full.empty() ? r.id : full}}},
        {"help", {{"text", basis_label + r.legal_basis},
                  {"markdown", "**" + basis_label + "** " + r.legal_basis}}},
        {"defaultConfiguration", {{"level", level_of(r.severity)}}},
        {"properties", {{"category", r.category}, {"legal_basis", r.legal_basis},
                        {"tags", json::array({r.category})}}},
    };
    if (!opts.rules_uri.empty()) {
        std::string uri = opts.rules_uri;
        if (auto p = uri.find("{id}"); p != std::string::npos) uri.replace(p, 4, r.id);
        j["helpUri"] = uri;
    }
    return j;
}

json location_json(const std::string& uri, const Diagnostic& d) {
    json phys = {{"artifactLocation", {{"uri", uri}, {"uriBaseId", "%SRCROOT%"}}}};
    if (uri.rfind("file://", 0) == 0) phys["artifactLocation"].erase("uriBaseId");
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
        if (d.page > 0) region["properties"] = {{"page", d.page}, {"pageLine", d.page_line}};
        phys["region"] = region;
    }
    return {{"physicalLocation", phys}};
}

json fix_json(const std::string& uri, const Fix& f, const Options& opts) {
    json del = {{"startLine", f.line}, {"startColumn", f.column}, {"endLine", f.end_line},
                {"endColumn", f.end_column}};
    return {{"description", {{"text", opts.lang == "en" ? "Replace with \"" + f.replacement + "\""
                                                         : "Thay bằng \"" + f.replacement + "\""}}},
            {"artifactChanges",
             json::array({{{"artifactLocation", {{"uri", uri}, {"uriBaseId", "%SRCROOT%"}}},
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
            if (!index.count(d.rule)) add(RuleInfo{d.rule, d.category, d.severity, d.legal_basis, "", ""});

    json rules = json::array();
    for (const auto& r : table) rules.push_back(rule_json(r, opts));

    json results = json::array();
    json artifacts = json::array();
    for (const auto& f : files) {
        std::string uri = path_to_uri(display_path(f.path));
        json art = {{"location", {{"uri", uri}, {"uriBaseId", "%SRCROOT%"}}}};
        if (uri.rfind("file://", 0) == 0) art["location"].erase("uriBaseId");
        if (!f.format.empty()) art["properties"] = {{"format", f.format}};
        artifacts.push_back(art);
        for (const auto& d : f.diagnostics) {
            json r = {
                {"ruleId", d.rule},
                {"ruleIndex", index.at(d.rule)},
                {"level", level_of(d.severity)},
                {"message", {{"text", d.message}}},
                {"locations", json::array({location_json(uri, d)})},
                {"properties", {{"category", d.category}, {"legal_basis", d.legal_basis},
                                {"severity", std::string(to_string(d.severity))}}},
            };
            if (d.fix) r["fixes"] = json::array({fix_json(uri, *d.fix, opts)});
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
                {"originalUriBaseIds", {{"%SRCROOT%", {{"description", {{"text", "The directory plancheck ran in"}}}}}}},
                {"artifacts", artifacts},
                {"results", results},
                {"language", opts.lang == "en" ? "en-US" : "vi-VN"}};
    json out = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", json::array({run})}};
    os << out.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

}  // namespace plancheck::report
