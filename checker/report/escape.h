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

// Text for a terminal: control characters that could drive it (ESC starting
// ANSI/OSC sequences such as OSC 52, the clipboard; BEL, backspace, CR; DEL;
// C1 controls; bidirectional overrides that reorder what is shown) and invalid
// UTF-8 bytes are written as visible escapes: \x1B, \u202E. Tab is kept, and
// line feeds when `keep_newlines`. File names in --summary and --fix messages
// and --diff lines on a terminal go through it.
std::string terminal_safe(std::string_view s, bool keep_newlines = false);

// The path as reports show it: relative to the current directory when it
// lies inside it, otherwise unchanged; '/' separators.
std::string display_path(std::string_view path);

}  // namespace plancheck::report
