// Ingest stage: a file (or bytes) in any supported container -> SourceDocument.
//
// Never throws for bad input: anything unreadable, corrupt, too large or
// hostile comes back as UnreadableInput with a reason a clerk can act on.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "plancheck/document.h"

namespace plancheck::ingest {

struct Options {
    // "auto" detects; otherwise one of: utf-8, utf-16le, utf-16be, cp1258, tcvn3, vni.
    std::string encoding = "auto";
    // Inputs larger than this are refused (a plan is never this large; bounded memory).
    uint64_t max_bytes = 64ull << 20;
    // Containers (zip) may not inflate beyond this, nor beyond max_ratio x their size.
    uint64_t max_inflated_bytes = 256ull << 20;
    uint64_t max_ratio = 200;
};

using Result = std::variant<SourceDocument, UnreadableInput>;

// True for "auto" and every name --encoding accepts (see Options::encoding).
bool known_encoding(std::string_view name);

// Format from the file name's extension ("txt", "md", "html", "docx", "pdf"), or
// "" when the extension is not one plancheck reads.
std::string format_of(std::string_view path);

// Reads and decodes a file. The format comes from the extension.
Result read_file(const std::string& path, const Options& opts = {});

// Decodes bytes already in memory as `format`; `path` only names the document.
Result read_bytes(std::string_view bytes, std::string_view format, const std::string& path,
                  const Options& opts = {});

// Per-format readers (one file each).
Result read_text(std::string_view bytes, const std::string& path, const Options& opts);
Result read_markdown(std::string_view bytes, const std::string& path, const Options& opts);
Result read_html(std::string_view bytes, const std::string& path, const Options& opts);
Result read_docx(std::string_view bytes, const std::string& path, const Options& opts);
Result read_pdf(std::string_view bytes, const std::string& path, const Options& opts);

// Splits decoded text into one block per non-blank physical line (1-based).
std::vector<Block> split_lines(std::string_view text);

}  // namespace plancheck::ingest
