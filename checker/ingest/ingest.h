// Ingest stage: a file (or bytes) in any supported container -> SourceDocument.
//
// Never throws for bad input: anything unreadable, corrupt, too large or
// hostile comes back as UnreadableInput with a reason a clerk can act on.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/deadline.h"
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
    // Legacy .doc, .rtf, .odt (and Word XML) are converted to .docx by
    // LibreOffice (convert.cpp). Empty: $PLANCHECK_SOFFICE, else `soffice` or
    // `libreoffice` on PATH; "off" (here or in the variable): never convert.
    std::string soffice;
    // A conversion taking longer than this is killed (its whole process group).
    int convert_timeout_seconds = 60;
    // The file's time budget (pipeline::Options::timeout_seconds): the readers
    // check it in their long loops (core/deadline.h); none by default.
    Deadline deadline;
    // The PDF reader runs poppler in a child process it can stop (pdf.cpp);
    // false runs it in this process (the fuzz target, whose coverage must
    // come from this process). Only the page and word limits apply then.
    bool pdf_in_child = true;
    // Plain text: keep only the first this many non-blank lines (0: all). For
    // readers of a header alone (the batch's index of plans): the file is
    // still read, decoded and checked whole, its later lines are not split.
    size_t max_text_lines = 0;
};

using Result = std::variant<SourceDocument, UnreadableInput>;

// A document with more blocks (paragraphs, lines) than max_blocks() is
// refused (docs/formats.md, "Limits"): kMaxBlocks, or one block per 64 bytes
// of Options::max_bytes when that is more (4.2 million under --max-size 256).
// The longest of the 103 real documents has about 1,300 lines; the limit only
// bounds what a hostile file costs, and every stage is linear up to it (the
// hostile inputs of issue 17: 10^6 identical headings, 200,000 "Căn cứ"
// lines). Plain text and Markdown are counted before they are decoded.
inline constexpr size_t kMaxBlocks = 2'000'000;
// Markdown stays at 200,000: its tree-sitter tree takes about 1 KB per node
// (10^6 Markdown items needed more than 1 GB; HTML has its own linear reader).
inline constexpr size_t kMaxMarkupBlocks = 200'000;
size_t max_blocks(const Options& opts, std::string_view format = "txt");

// "not a regular file (named pipe)", "... (socket)", "... (character
// device)", "... (block device)": why a special file is not read (it is
// never opened: a FIFO would block until a writer comes).
std::string not_regular_reason(std::filesystem::file_type type);

// True for "auto" and every name --encoding accepts (see Options::encoding).
bool known_encoding(std::string_view name);

// Format from the file name's extension ("txt", "md", "html", "docx", "pdf",
// and "doc", "rtf", "odt", read through LibreOffice), or "" when the extension
// is not one plancheck reads.
std::string format_of(std::string_view path);

// The container the bytes really are, whatever the file is called: "docx",
// "pdf", "doc", "rtf", "odt", "wordxml" (Word 2003 XML / flat OPC), "html", or
// one of the formats plancheck does not read ("docx-encrypted", "doc-encrypted",
// "xlsx", "pptx", "ods", "odp", "odf", "xls", "ppt", "ole", "zip", "mhtml").
// Text without a signature keeps the `declared` format (from the extension);
// see docs/formats.md for the signatures.
std::string sniff_format(std::string_view bytes, std::string_view declared);

// Reads and decodes a file. The format comes from the content (sniff_format),
// the extension deciding only between the text formats.
Result read_file(const std::string& path, const Options& opts = {});

// Decodes bytes already in memory; `format` is what the name says (the content
// decides, as for read_file); `path` only names the document.
Result read_bytes(std::string_view bytes, std::string_view format, const std::string& path,
                  const Options& opts = {});

// Converts a legacy .doc, .rtf, .odt or Word XML file (`format` as sniff_format
// names it) to .docx with LibreOffice and reads that (convert.cpp). Without
// LibreOffice, or when it fails or times out: UnreadableInput with the reason.
Result read_converted(std::string_view bytes, std::string_view format, const std::string& path,
                      const Options& opts);
// The LibreOffice program convert uses, or "" when there is none (or "off").
std::string find_soffice(const Options& opts);

// The reason and hint of an UnreadableInput in `lang` ("vi" or "en"). Ingest
// writes them in English; the ones it knows have a Vietnamese translation,
// any other text is returned unchanged.
UnreadableInput localized(const UnreadableInput& why, const std::string& lang);

// Per-format readers (one file each).
Result read_text(std::string_view bytes, const std::string& path, const Options& opts);
Result read_markdown(std::string_view bytes, const std::string& path, const Options& opts);
Result read_html(std::string_view bytes, const std::string& path, const Options& opts);
Result read_docx(std::string_view bytes, const std::string& path, const Options& opts);

// --fix on a .docx: the page setup Decree 30/2020 Appendix I, Part I.I asks
// for (A4 paper in the section's orientation; each margin outside its range
// moved to the nearest end of it: top and bottom 20-25 mm, left 30-35 mm,
// right 15-20 mm), written into word/document.xml's w:pgSz and w:pgMar and
// nothing else: every other part of the package is copied byte for byte, and
// in document.xml only those attribute values change. `changes` says what,
// per section, in both languages ("lề trái: 25 mm → 30 mm"); `bytes` is empty
// when nothing needs changing. Landscape sections keep their margins.
struct DocxChange {
    std::string vi, en;
};
struct DocxFix {
    std::string bytes;
    std::vector<DocxChange> changes;
};
// What --fix is to change besides the page setup: the font family and size
// of the runs of the body paragraphs `body` (paragraph numbers as
// Diagnostic::line gives them, chosen by the caller from the structure).
// A run whose Latin font is not `font` gets it (w:rFonts ascii and hAnsi, any
// theme reference of those slots removed); a run whose size is outside
// [size_min, size_max] (half-points) gets `size`. Runs converted from a
// legacy font (their text is stored in that font's encoding), raised runs
// (w:vertAlign) and runs in tables keep theirs. Direct run properties only:
// styles shared with other text stay as they are.
struct DocxBodyFix {
    std::vector<uint32_t> body;
    std::string font;  // "" = leave the fonts
    uint32_t size = 0, size_min = 0, size_max = 0;  // 0 = leave the sizes
    bool page = true;  // the page setup too
};
std::variant<DocxFix, UnreadableInput> fix_docx_page(std::string_view bytes, const Options& opts,
                                                     const DocxBodyFix& body = {});
Result read_pdf(std::string_view bytes, const std::string& path, const Options& opts);

// Splits decoded text into one block per non-blank physical line (1-based);
// with max_blocks, only the first max_blocks of them.
std::vector<Block> split_lines(std::string_view text, size_t max_blocks = 0);

// The lines of split_lines with something other than spaces and tabs on them.
size_t count_inked_lines(std::string_view text);

// split_lines over text given in pieces, in order: a line, and a CR LF pair,
// may span two pieces. read_file splits a large UTF-8 .txt this way, a
// megabyte at a time, so that the file's bytes and its blocks are never in
// memory together.
class LineSplitter {
public:
    // lines: count_inked_lines of the whole text, or 0; max_blocks: stop
    // after that many blocks (0: no limit).
    explicit LineSplitter(size_t lines = 0, size_t max_blocks = 0);
    void feed(std::string_view piece);
    bool full() const { return max_ && blocks_.size() >= max_; }
    std::vector<Block> finish();  // the blocks, once every piece was fed

private:
    void end_line(std::string_view content);
    size_t max_ = 0;
    std::vector<Block> blocks_;
    std::string partial_;  // the start of a line that the next piece ends
    uint32_t line_ = 1;
    bool after_cr_ = false;  // the last piece ended with CR: a leading LF belongs to it
};

}  // namespace plancheck::ingest
