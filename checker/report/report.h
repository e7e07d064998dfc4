// Report stage: diagnostics of many files -> text, JSON, SARIF, JUnit, HTML, CSV.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "plancheck/diagnostic.h"

namespace plancheck::report {

struct FileReport {
    std::string path;
    std::string format;
    std::vector<Diagnostic> diagnostics;
};

struct Summary {
    size_t files = 0, unreadable = 0, clean = 0;
    size_t errors = 0, warnings = 0, infos = 0;
    std::map<std::string, size_t> by_category;
};
Summary summarize(const std::vector<FileReport>& files);

struct Options {
    std::string lang = "vi";
    bool color = false;     // ANSI colours (text only)
    bool summary = true;    // print the closing summary (text only)
    std::string tool_version = "0";
    std::string rules_uri;  // where rule docs live, for SARIF helpUri
};

// Names accepted by --format.
const std::vector<std::string>& formats();

// Writes the report in `format`. Unknown formats throw std::invalid_argument.
void write(std::ostream& os, const std::string& format, const std::vector<FileReport>& files,
           const Options& opts);

// One writer per file.
void write_text(std::ostream& os, const std::vector<FileReport>& files, const Options& opts);
void write_json(std::ostream& os, const std::vector<FileReport>& files, const Options& opts);

}  // namespace plancheck::report
