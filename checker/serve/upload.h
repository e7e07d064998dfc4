// What the server accepts from a client, decided before anything is read:
// the document's name (only ever used to pick the reader and to name the
// document in the report; it never reaches the file system), its format, and
// whether a declared Content-Type fits.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace plancheck::serve {

// The client's file name made safe to show and to pass on: the last path
// component (after / or \), valid UTF-8 (invalid bytes replaced), control and
// format characters removed, at most 120 code points (the extension kept),
// never empty, never "." or "..", never starting with '-'. "" in gives "document".
std::string sanitize_name(std::string_view name);

// The reader for a sanitized name: "docx", "pdf", "txt", "md", "html"
// (.htm, .markdown too), "doc", "rtf", "odt" (through LibreOffice), or
// nullopt for anything else (answered 415).
std::optional<std::string> upload_format(std::string_view name);

// Whether a raw body's Content-Type may carry a document (the media type,
// parameters ignored): none, application/octet-stream, or a document type
// (Word, PDF, text/plain, text/markdown, text/html, .doc, .rtf, .odt). A multipart body is
// handled by the caller; anything else (application/json, image/png, ...) is 415.
bool raw_content_type_ok(std::string_view content_type);

}  // namespace plancheck::serve
