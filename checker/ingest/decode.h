// Text decoding shared by the text-based readers (.txt, .md, .html): BOMs,
// UTF-16, and detection of the Vietnamese legacy code tables.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "ingest/ingest.h"

namespace plancheck::ingest {

struct Decoded {
    std::string text;      // UTF-8, BOM removed
    std::string encoding;  // canonical name (legacy::name)
    bool legacy = false;   // a pre-Unicode table (tcvn3, vni, cp1258) was used
    size_t replaced = 0;   // invalid UTF-8 sequences replaced by U+FFFD
};

// Policy for invalid UTF-8 (documented in docs/formats.md):
// - mostly UTF-8 with a few stray bytes (at least 20 valid multi-byte letters
//   per bad sequence): decoded with U+FFFD replacements, Decoded::replaced > 0
//   (the reader records a "text.invalid-utf8" Observation);
// - otherwise the best-scoring legacy table, if the text then reads as
//   Vietnamese; else UnreadableInput naming the problem.
std::variant<Decoded, UnreadableInput> decode_text(std::string_view bytes, const Options& opts);

// When decode_text would return the bytes themselves (valid UTF-8 without a
// BOM, the encoding detected): a Decoded with an empty `text`, and the caller
// reads the bytes in place (a 200 MB .txt is not copied once more).
// Otherwise nullopt: call decode_text.
std::optional<Decoded> decode_in_place(std::string_view bytes, const Options& opts);

// Adds the observations a decode implies (encoding.legacy, text.invalid-utf8)
// to a document that has at least one block.
void record_decoding(SourceDocument& doc, const Decoded& d);

}  // namespace plancheck::ingest
