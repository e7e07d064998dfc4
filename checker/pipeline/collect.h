// Expands the paths given on the command line into the files to check.
#pragma once

#include <optional>
#include <string>
#include <string_view>
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
    bool from_stdin = false;  // `-`: the document is read from standard input, `path` is its name
};

struct CollectOptions {
    // Also walk hidden folders (.git, .cache), check hidden files and Office
    // lock files (~$name.docx, .~lock.name#): --include-hidden.
    bool include_hidden = false;
    // --include / --exclude globs (docs/config.md), matched against the path
    // of a file found in a folder relative to that folder ('/' separated): a
    // pattern without '/' against the file name at any depth. With includes,
    // only matching files are taken; an exclude that matches a folder leaves
    // out everything under it. Files named on the command line are always taken.
    std::vector<std::string> include, exclude;
    // Read `.plancheckignore` files in the folders walked (gitignore subset).
    bool ignore_files = true;
};

// Glob match of a '/'-separated relative path: `*` and `?` do not match '/',
// `[abc]`/`[a-z]`/`[!a]` one character, `**` as a whole segment any number of
// folders (also none). The whole path must match.
bool glob_match(std::string_view pattern, std::string_view path);

// The rules of one `.plancheckignore` file (see docs/config.md): blank lines
// and `#` comments skipped, `!` re-includes, a trailing `/` matches folders
// only, a pattern with a `/` (other than a trailing one) is anchored to the
// file's folder, one without matches a name at any depth below it.
struct IgnoreRule {
    std::string pattern;
    bool negate = false, dir_only = false, anchored = false;
};
std::vector<IgnoreRule> parse_ignore(std::string_view text);
// The last rule that matches `rel` (relative to the ignore file's folder)
// decides; nullopt when none matches.
std::optional<bool> ignored_by(const std::vector<IgnoreRule>& rules, std::string_view rel, bool is_dir);

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
