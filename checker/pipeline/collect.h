// Expands the paths given on the command line into the files to check.
#pragma once

#include <string>
#include <vector>

namespace plancheck::pipeline {

struct Input {
    std::string path;
    std::string problem;  // non-empty: report this path as unreadable with this reason
    // Non-empty: a file found in a folder that is not checked, because its
    // format is not one plancheck reads: its extension (".xlsx"), or "" with
    // `unsupported` set when it has none. Listed in the report, never a finding.
    std::string extension;
    bool unsupported = false;
};

struct CollectOptions {
    // Also walk hidden folders (.git, .cache), check hidden files and Office
    // lock files (~$name.docx, .~lock.name#): --include-hidden.
    bool include_hidden = false;
};

// Files are taken as given (whatever their extension: an unsupported one is
// reported as unreadable, not skipped). Folders are walked recursively in
// sorted order: files with a format plancheck reads are checked, every other
// file is an `unsupported` Input (listed as not checked); hidden files and
// folders (name starting with '.') and Office lock files are left out unless
// `include_hidden`. Symbolic links to folders are not followed, so link loops
// cannot recurse.
std::vector<Input> collect_inputs(const std::vector<std::string>& paths, const CollectOptions& opts = {});

// True for a Word/LibreOffice lock file ("~$plan.docx", ".~lock.plan.docx#")
// or a hidden file or folder name (".name").
bool is_lock_file(const std::string& name);
bool is_hidden(const std::string& name);

// The reason shown for an unsupported Input, in `lang` ("vi" or "en").
std::string not_checked_reason(const Input& in, const std::string& lang);

}  // namespace plancheck::pipeline
