// Rewrites a zip container (a .docx) with some parts replaced or added, and
// every other part copied as it is: its compressed bytes, compression method,
// name, modification time and order are those of the original (libzip's
// ZIP_FL_COMPRESSED copy), so only the parts a writer meant to change differ.
// The writers built on it (plancheck annotate, --fix on a .docx) live in the
// .docx reader module, which already carries libzip and pugixml.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plancheck::ingest {

struct ZipPart {
    std::string name;     // entry name inside the package, e.g. "word/comments.xml"
    std::string content;  // its new, uncompressed bytes (deflated on writing)
};

// The original package with each part of `parts` replaced (when an entry of
// that name exists) or appended (when it does not). Throws std::runtime_error
// with the reason when the original is not a readable zip or writing fails.
std::string rewrite_zip(std::string_view original, const std::vector<ZipPart>& parts);

}  // namespace plancheck::ingest
