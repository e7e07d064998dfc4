// Escaping shared by the XML-based writers (JUnit, HTML) and URI building (SARIF).
#pragma once

#include <string>
#include <string_view>

namespace plancheck::report {

// Valid UTF-8 with every character XML 1.0 cannot carry (C0 controls other
// than tab/LF/CR, U+FFFE/U+FFFF, invalid bytes) replaced by U+FFFD, and
// & < > " ' escaped. Safe in element text and in quoted attribute values.
std::string xml_escape(std::string_view s);

// A relative reference (RFC 3986) for a file path: bytes outside the
// unreserved set and '/' are percent-encoded, so Vietnamese file names and
// spaces survive. Absolute paths become file:// URIs.
std::string path_to_uri(std::string_view path);

// The path as reports show it: relative to the current directory when it
// lies inside it, otherwise unchanged; '/' separators.
std::string display_path(std::string_view path);

}  // namespace plancheck::report
