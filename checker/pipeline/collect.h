// Expands the paths given on the command line into the files to check.
#pragma once

#include <string>
#include <vector>

namespace plancheck::pipeline {

struct Input {
    std::string path;
    std::string problem;  // non-empty: report this path as unreadable with this reason
};

// Files are taken as given (whatever their extension: an unsupported one is
// reported, not skipped). Folders are walked recursively in sorted order and
// contribute only files with a supported extension; symbolic links to folders
// are not followed, so link loops cannot recurse.
std::vector<Input> collect_inputs(const std::vector<std::string>& paths);

}  // namespace plancheck::pipeline
