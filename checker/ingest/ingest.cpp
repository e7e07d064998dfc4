#include "ingest/ingest.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>

#include <sys/stat.h>

#include "core/file.h"
#include "core/phrases.h"
#include "ingest/decode.h"

namespace plancheck::ingest {

namespace fs = std::filesystem;

namespace {

std::string lower_ext(std::string_view path) {
    std::string ext = fs::path(std::string(path)).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

uint16_t le16(std::string_view b, size_t at) {
    return static_cast<uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}
uint32_t le32(std::string_view b, size_t at) {
    return static_cast<uint32_t>(le16(b, at)) | static_cast<uint32_t>(le16(b, at + 2)) << 16;
}

// Entry names of a zip archive, from its central directory (names are never
// compressed, so this needs no inflater and stays in the core). A damaged
// archive without a readable central directory yields the local headers'
// names read from the front instead.
std::vector<std::string> zip_names(std::string_view b) {
    std::vector<std::string> names;
    constexpr size_t kMaxNames = 20000;
    // End of central directory: 22 bytes plus a comment of at most 64 KiB.
    size_t lo = b.size() > 22 + 65535 ? b.size() - 22 - 65535 : 0;
    for (size_t at = b.size() >= 22 ? b.size() - 22 + 1 : 0; at-- > lo;) {
        if (b.compare(at, 4, "PK\x05\x06") != 0) continue;
        size_t count = le16(b, at + 10);
        size_t pos = le32(b, at + 16);
        for (size_t i = 0; i < count && names.size() < kMaxNames; ++i) {
            if (pos + 46 > b.size() || b.compare(pos, 4, "PK\x01\x02") != 0) break;
            size_t n = le16(b, pos + 28), extra = le16(b, pos + 30), comment = le16(b, pos + 32);
            if (pos + 46 + n > b.size()) break;
            names.emplace_back(b.substr(pos + 46, n));
            pos += 46 + n + extra + comment;
        }
        if (!names.empty()) return names;
        break;
    }
    // Local headers, front to back, while their sizes are known.
    for (size_t pos = 0; pos + 30 <= b.size() && names.size() < kMaxNames;) {
        if (b.compare(pos, 4, "PK\x03\x04") != 0) break;
        size_t n = le16(b, pos + 26), extra = le16(b, pos + 28);
        uint32_t csize = le32(b, pos + 18);
        if (pos + 30 + n > b.size()) break;
        names.emplace_back(b.substr(pos + 30, n));
        if (le16(b, pos + 6) & 0x08) break;  // sizes follow the data: cannot skip it
        pos += 30 + n + extra + csize;
    }
    return names;
}

std::string sniff_zip(std::string_view b) {
    // ODF: an uncompressed "mimetype" first entry holding the media type.
    if (b.size() > 38 && le16(b, 26) == 8 && b.compare(30, 8, "mimetype") == 0 && le16(b, 8) == 0) {
        size_t data = 30 + 8 + le16(b, 28);
        std::string_view rest = data < b.size() ? b.substr(data, 80) : std::string_view{};
        if (starts_with(rest, "application/vnd.oasis.opendocument.text")) return "odt";
        if (starts_with(rest, "application/vnd.oasis.opendocument.spreadsheet")) return "ods";
        if (starts_with(rest, "application/vnd.oasis.opendocument.presentation")) return "odp";
        if (starts_with(rest, "application/vnd.oasis.opendocument.")) return "odf";
    }
    bool word = false, xl = false, ppt = false, types = false, odf = false;
    for (const auto& n : zip_names(b)) {
        word |= starts_with(n, "word/");
        xl |= starts_with(n, "xl/");
        ppt |= starts_with(n, "ppt/");
        types |= n == "[Content_Types].xml";
        odf |= n == "content.xml" || n == "META-INF/manifest.xml";
    }
    if (word) return "docx";
    if (xl) return "xlsx";
    if (ppt) return "pptx";
    if (odf) return "odf";
    if (types) return "docx";  // an OOXML package without its main part: the reader says what is wrong
    return "zip";
}

// OLE compound file (Word 97-2003, Excel, an encrypted OOXML package): the
// directory entries (128 bytes, sector-aligned) name the streams. Returns the
// kind and, for a Word document, whether its FIB says it is encrypted.
std::string sniff_ole(std::string_view b) {
    if (b.size() < 512) return "ole";
    unsigned shift = le16(b, 0x1E);
    if (shift != 9 && shift != 12) return "ole";
    const size_t sector = size_t{1} << shift;
    auto entry_is = [&](size_t at, std::u16string_view name) {
        if (at + 128 > b.size()) return false;
        size_t len = le16(b, at + 0x40);  // in bytes, with the terminating 0
        if (len != 2 * (name.size() + 1)) return false;
        for (size_t i = 0; i < name.size(); ++i)
            if (le16(b, at + 2 * i) != name[i]) return false;
        return b[at + 0x42] == 2;  // a stream
    };
    bool encrypted_package = false, workbook = false, powerpoint = false;
    for (size_t at = sector; at + 128 <= b.size(); at += 128) {
        if (entry_is(at, u"WordDocument")) {
            // FIB at the stream's first sector: wIdent 0xA5EC, flags at 0x0A,
            // fEncrypted = 0x0100 (password to open; XOR obfuscation included).
            uint32_t start = le32(b, at + 0x74);
            size_t fib = (static_cast<size_t>(start) + 1) * sector;
            if (start < 0xFFFFFFFA && fib + 12 <= b.size() && le16(b, fib) == 0xA5EC &&
                (le16(b, fib + 0x0A) & 0x0100))
                return "doc-encrypted";
            return "doc";
        }
        encrypted_package |= entry_is(at, u"EncryptedPackage");
        workbook |= entry_is(at, u"Workbook") || entry_is(at, u"Book");
        powerpoint |= entry_is(at, u"PowerPoint Document");
    }
    if (encrypted_package) return "docx-encrypted";
    if (workbook) return "xls";
    if (powerpoint) return "ppt";
    return "ole";
}

UnreadableInput unsupported(std::string_view path, std::string_view what = {}) {
    std::string ext = fs::path(std::string(path)).extension().string();
    if (ext.empty()) ext = "(none)";
    std::string reason = what.empty() ? "unsupported file type " + ext : "unsupported file type: " + std::string(what);
    return {reason, "save it as .docx, .txt, .md, .html or .pdf"};
}

// True when `bytes` has more than `limit` lines with something other than
// ASCII white space or NULs on them (UTF-16 and UTF-32 included: their line
// feeds are 0x0A bytes too).
bool text_lines_over(std::string_view bytes, size_t limit) {
    size_t lines = 0;
    bool ink = false;
    for (char c : bytes) {
        if (c == '\n' || c == '\r') {
            lines += ink;
            ink = false;
            if (lines > limit) return true;
        } else if (c != ' ' && c != '\t' && c != '\0' && c != '\f' && c != '\v') {
            ink = true;
        }
    }
    return lines + ink > limit;
}

UnreadableInput too_many_blocks(size_t limit) {
    return {"the document has more than " + std::to_string(limit) +
                " paragraphs or lines, more than plancheck reads (the longest real document has about 1,300)",
            "check that the right file was saved, or split it"};
}

Result read_one(std::string_view bytes, std::string_view format, const std::string& path,
                const Options& opts) {
    if (format == "txt") return read_text(bytes, path, opts);
    if (format == "md") return read_markdown(bytes, path, opts);
    if (format == "html") return read_html(bytes, path, opts);
    if (format == "docx") return read_docx(bytes, path, opts);
    if (format == "pdf") return read_pdf(bytes, path, opts);
    if (format == "doc" || format == "rtf" || format == "odt" || format == "wordxml")
        return read_converted(bytes, format, path, opts);
    if (format == "docx-encrypted" || format == "doc-encrypted")
        return UnreadableInput{"the document is password-protected",
                               "remove the password (File > Info > Protect Document) and save it again"};
    if (format == "xlsx" || format == "xls" || format == "ods") return unsupported(path, "a spreadsheet");
    if (format == "pptx" || format == "ppt" || format == "odp") return unsupported(path, "a presentation");
    if (format == "odf") return unsupported(path, "an OpenDocument file that is not a text document");
    if (format == "ole") return unsupported(path, "an Office file that is not a Word document");
    if (format == "zip") return unsupported(path, "a zip archive");
    if (format == "mhtml") return unsupported(path, "a web archive (MHTML)");
    return unsupported(path);
}

}  // namespace

size_t max_blocks(const Options& opts, std::string_view format) {
    if (format == "md") return kMaxMarkupBlocks;
    return std::max<uint64_t>(kMaxBlocks, opts.max_bytes / 64);
}

std::string not_regular_reason(fs::file_type type) {
    switch (type) {
        case fs::file_type::fifo: return "not a regular file (named pipe)";
        case fs::file_type::socket: return "not a regular file (socket)";
        case fs::file_type::character: return "not a regular file (character device)";
        case fs::file_type::block: return "not a regular file (block device)";
        default: return "not a regular file";
    }
}

std::string format_of(std::string_view path) {
    std::string ext = lower_ext(path);
    if (ext == ".txt" || ext == ".text") return "txt";
    if (ext == ".md" || ext == ".markdown") return "md";
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return "html";
    if (ext == ".docx") return "docx";
    if (ext == ".pdf") return "pdf";
    if (ext == ".doc") return "doc";
    if (ext == ".rtf") return "rtf";
    if (ext == ".odt") return "odt";
    return "";
}

std::string sniff_format(std::string_view b, std::string_view declared) {
    // A container that is not recognisably something else keeps a name that
    // fits it, so that its reader says what is damaged: a zip named .docx or
    // .doc is a (damaged) .docx, an unknown OLE file named .docx is what Word
    // writes for a password-protected .docx, one named .doc a damaged .doc.
    if (starts_with(b, "PK\x03\x04")) {
        std::string z = sniff_zip(b);
        if (z == "odf" && declared == "odt") return "odt";  // a deflated mimetype entry
        return z == "zip" && (declared == "docx" || declared == "doc") ? "docx" : z;
    }
    if (starts_with(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        std::string o = sniff_ole(b);
        if (o == "ole" && declared == "docx") return "docx-encrypted";
        if (o == "ole" && declared == "doc") return "doc";
        return o;
    }
    // PDF readers accept up to 1 KiB of junk before the header.
    if (b.substr(0, 1024).find("%PDF-") != std::string_view::npos) return "pdf";
    // Text signatures, after a UTF-8 BOM and leading white space.
    std::string_view t = b.substr(0, 4096);
    if (starts_with(t, "\xEF\xBB\xBF")) t.remove_prefix(3);
    while (!t.empty() && (t[0] == ' ' || t[0] == '\t' || t[0] == '\r' || t[0] == '\n')) t.remove_prefix(1);
    if (starts_with(t, "{\\rtf")) return "rtf";
    if (istarts_with(t, "<!doctype html") || istarts_with(t, "<html")) return "html";
    // Word's "single file web page" (MHTML), also saved as .doc: LibreOffice
    // would import its MIME source as plain text.
    if (istarts_with(t, "mime-version:") && t.find("multipart/related") != std::string_view::npos) return "mhtml";
    if (istarts_with(t, "<?xml") &&
        (t.find("<w:wordDocument") != std::string_view::npos || t.find("<pkg:package") != std::string_view::npos))
        return "wordxml";
    // No signature: what the name says (a reader then reports a damaged
    // container; LibreOffice also opens plain text named .doc or .rtf).
    return std::string(declared);
}

namespace {

// What read_bytes checks of a document once its reader is done.
Result checked(Result r, size_t limit) {
    if (auto* doc = std::get_if<SourceDocument>(&r)) {
        if (doc->blocks.empty())
            return UnreadableInput{"the document contains no text", "check that the right file was saved"};
        if (doc->blocks.size() > limit) return too_many_blocks(limit);
    }
    return r;
}

// A .txt of at least this size in plain UTF-8 is split from the file in pieces.
constexpr size_t kStreamTextBytes = 1u << 20;
constexpr size_t kStreamPiece = 1u << 20;

// A large .txt in UTF-8 without a byte order mark or a plancheck- directive
// (what a long report is): its bytes, read once for read_bytes' checks, are
// freed, and its lines are split from the file a megabyte at a time, so the
// bytes and the blocks are never in memory together (one byte per input byte
// less at the peak: bench/RESULTS.md). The same blocks as read_text. Anything
// else gives nullopt, `bytes` untouched: read_bytes reads them as usual.
std::optional<Result> read_large_text(std::ifstream& in, std::string& bytes, std::string_view format,
                                      const std::string& path, const Options& opts,
                                      const struct stat& before) {
    // Only the first lines wanted: read as usual, no memory to save.
    if (opts.max_text_lines) return std::nullopt;
    if (bytes.size() < kStreamTextBytes || bytes.size() > opts.max_bytes) return std::nullopt;
    if (sniff_format(bytes, format) != "txt") return std::nullopt;
    const size_t limit = max_blocks(opts, "txt");
    if (text_lines_over(bytes, limit) || bytes.find("plancheck-") != std::string::npos) return std::nullopt;
    auto utf8 = decode_in_place(bytes, opts);
    if (!utf8) return std::nullopt;
    const size_t size = bytes.size();
    LineSplitter lines(count_inked_lines(bytes));
    std::string().swap(bytes);
    in.clear();
    in.seekg(0);
    std::string piece(kStreamPiece, '\0');
    size_t total = 0;
    while (in) {
        deadline::check_now();
        in.read(piece.data(), static_cast<std::streamsize>(piece.size()));
        auto got = static_cast<size_t>(in.gcount());
        total += got;
        if (total > size) break;
        lines.feed(std::string_view(piece).substr(0, got));
    }
    struct stat after {};
    if (total != size || ::stat(path.c_str(), &after) != 0 || !file::same_state(before, after))
        return Result{UnreadableInput{"the file changed while it was being read",
                                      "check it again once it is saved"}};
    SourceDocument doc;
    doc.path = path;
    doc.format = "txt";
    doc.blocks = lines.finish();
    record_decoding(doc, *utf8);
    return checked(std::move(doc), limit);
}

}  // namespace

Result read_bytes(std::string_view bytes, std::string_view format, const std::string& path,
                  const Options& opts) {
    // A linter must say so when there is nothing to check, in every container.
    if (bytes.empty()) return UnreadableInput{"the file is empty", "check that the right file was saved"};
    if (bytes.size() > opts.max_bytes)
        return UnreadableInput{"the input is too large (" + std::to_string(bytes.size() >> 20) +
                                   " MiB; the limit is " + std::to_string(opts.max_bytes >> 20) + " MiB)",
                               "split the document, or raise the limit with --max-size"};
    std::string real = sniff_format(bytes, format);
    // Plain text and Markdown: the lines are counted before anything is
    // decoded or parsed, so a huge file costs its bytes only (bounded memory).
    const size_t limit = max_blocks(opts, real);
    if ((real == "txt" || real == "md") && text_lines_over(bytes, limit)) return too_many_blocks(limit);
    return checked(read_one(bytes, real, path, opts), limit);
}

Result read_file(const std::string& path, const Options& opts) {
    std::error_code ec;
    auto st = fs::status(path, ec);
    if (ec) return UnreadableInput{"cannot open the file: " + ec.message(), "check the path"};
    if (fs::is_directory(st)) return UnreadableInput{"is a directory", "pass files or folders to check"};
    if (!fs::is_regular_file(st)) return UnreadableInput{not_regular_reason(st.type()), "pass a document file"};
    std::string format = format_of(path);
    auto size = fs::file_size(path, ec);
    if (ec) return UnreadableInput{"cannot read the file size: " + ec.message(), ""};
    if (size > opts.max_bytes)
        return UnreadableInput{"file is too large (" + std::to_string(size >> 20) +
                                   " MiB; the limit is " + std::to_string(opts.max_bytes >> 20) +
                                   " MiB)",
                               "split the document, or raise the limit with --max-size"};
    struct stat before {};
    if (::stat(path.c_str(), &before) != 0)
        return UnreadableInput{std::string("cannot open the file: ") + std::strerror(errno), ""};
    std::ifstream in(path, std::ios::binary);
    if (!in) return UnreadableInput{std::string("cannot open the file: ") + std::strerror(errno), ""};
    std::string bytes(size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<uint64_t>(in.gcount()) != size)
        return UnreadableInput{"the file could not be read completely", ""};
    if (auto large = read_large_text(in, bytes, format, path, opts, before)) return std::move(*large);
    return read_bytes(bytes, format, path, opts);
}

namespace {

using phrases::Phrase;

constexpr Phrase kPhrases[] = {
    {"unsupported file type: a spreadsheet", "định dạng tệp không được hỗ trợ: bảng tính"},
    {"unsupported file type: a presentation", "định dạng tệp không được hỗ trợ: bản trình chiếu"},
    {"unsupported file type: an OpenDocument file that is not a text document",
     "định dạng tệp không được hỗ trợ: tệp OpenDocument không phải văn bản"},
    {"unsupported file type: an Office file that is not a Word document",
     "định dạng tệp không được hỗ trợ: tệp Office không phải văn bản Word"},
    {"unsupported file type: a zip archive", "định dạng tệp không được hỗ trợ: tệp nén zip"},
    {"unsupported file type: a web archive (MHTML)", "định dạng tệp không được hỗ trợ: trang web lưu trữ (MHTML)"},
    {"unsupported file type {}", "định dạng tệp không được hỗ trợ {}"},
    {"save it as .docx, .txt, .md, .html or .pdf", "lưu văn bản thành .docx, .txt, .md, .html hoặc .pdf"},
    {"the document is password-protected", "văn bản được đặt mật khẩu"},
    {"remove the password (File > Info > Protect Document) and save it again",
     "gỡ mật khẩu (File > Info > Protect Document) rồi lưu lại"},
    {"cannot read {} files without LibreOffice", "không đọc được tệp {} khi máy chưa cài LibreOffice"},
    {"install LibreOffice (libreoffice-writer-nogui) or save it as .docx",
     "cài LibreOffice (libreoffice-writer-nogui) hoặc lưu văn bản thành .docx"},
    {"reinstall LibreOffice (libreoffice-writer-nogui) or save it as .docx",
     "cài lại LibreOffice (libreoffice-writer-nogui) hoặc lưu văn bản thành .docx"},
    {"cannot start LibreOffice ({}): {}", "không chạy được LibreOffice ({}): {}"},
    {"LibreOffice did not finish converting the {} file within {} seconds",
     "LibreOffice không chuyển đổi xong tệp {} trong {} giây"},
    {"LibreOffice could not open the {} file: it is damaged, password-protected or not a document",
     "LibreOffice không mở được tệp {}: tệp bị hỏng, có mật khẩu hoặc không phải văn bản"},
    {"open it in Word or LibreOffice and save it as .docx", "mở bằng Word hoặc LibreOffice rồi lưu thành .docx"},
    {"cannot convert the {} file: no temporary folder: {}", "không chuyển đổi được tệp {}: không có thư mục tạm: {}"},
    {"set TMPDIR to a writable folder", "đặt TMPDIR là một thư mục ghi được"},
    {"cannot convert the {} file: the temporary copy could not be written",
     "không chuyển đổi được tệp {}: không ghi được bản sao tạm"},
    {"free some disk space", "giải phóng dung lượng đĩa"},
    {"the converted document is too large", "văn bản sau khi chuyển đổi quá lớn"},
    {"split the document", "chia nhỏ văn bản"},
    {"the document has no usable text: {}", "văn bản không có chữ dùng được: {}"},
    {"it contains only white space, control characters or symbols",
     "chỉ có khoảng trắng, ký tự điều khiển hoặc ký hiệu"},
    {"only {} of its {} words are Vietnamese syllables (poor OCR, or not Vietnamese text?)",
     "chỉ {} trong {} từ là âm tiết tiếng Việt (nhận dạng chữ kém, hoặc không phải văn bản tiếng Việt?)"},
    {"its text layer has only {} (a signature stamp or a watermark on a scan?)",
     "lớp chữ chỉ có {} (chỉ có dấu chữ ký số hoặc hình mờ trên bản quét?)"},
    {"none of its {} is a Vietnamese syllable", "không có từ nào trong {} là âm tiết tiếng Việt"},
    {"{} words", "{} từ"},
    {"{} word", "{} từ"},
    // The bounds of issue 17 (pdf.cpp, docx.cpp).
    {"page {} of the PDF takes more than {} s to read (it draws the same content over and over: nested forms or a very long content stream)",
     "trang {} của tệp PDF cần hơn {} giây để đọc (trang vẽ lặp đi lặp lại cùng một nội dung: biểu mẫu lồng nhau hoặc luồng nội dung rất dài)"},
    {"the PDF takes more than {} s to read", "tệp PDF cần hơn {} giây để đọc"},
    {"the PDF needs more than {} MB of memory to read", "tệp PDF cần hơn {} MB bộ nhớ để đọc"},
    {"the first {} of the PDF's {} pages have no text, and plancheck reads at most {} pages",
     "{} trang đầu trong {} trang của tệp PDF không có chữ, và plancheck chỉ đọc tối đa {} trang"},
    {"send the pages that hold the document's text, or the .docx", "gửi các trang có nội dung văn bản, hoặc gửi tệp .docx"},
    {"the PDF could not be read: its reader crashed ({})", "không đọc được tệp PDF: bộ đọc bị lỗi ({})"},
    {"the PDF could not be read: its reader failed", "không đọc được tệp PDF: bộ đọc gặp lỗi"},
    {"the PDF could not be read: its reader stopped", "không đọc được tệp PDF: bộ đọc dừng giữa chừng"},
    {"the PDF could not be read: its reader sent a damaged page", "không đọc được tệp PDF: bộ đọc trả về một trang hỏng"},
    {"please report it, with the file", "xin báo lỗi, kèm tệp này"},
    {"split it, or send the .docx", "chia nhỏ tệp, hoặc gửi tệp .docx"},
    {"export it again from the original document, or send the .docx", "xuất lại từ văn bản gốc, hoặc gửi tệp .docx"},
    {"the .docx is too large to read: {} holds more than {} MiB of XML, and plancheck reads at most {} MiB per part (the largest real document has under 1 MiB)",
     "tệp .docx quá lớn để đọc: {} chứa hơn {} MiB XML, và plancheck chỉ đọc tối đa {} MiB mỗi phần (văn bản thực lớn nhất chưa tới 1 MiB)"},
    {"the .docx is too large to read: {} holds {} MiB of XML, and plancheck reads at most {} MiB per part (the largest real document has under 1 MiB)",
     "tệp .docx quá lớn để đọc: {} chứa {} MiB XML, và plancheck chỉ đọc tối đa {} MiB mỗi phần (văn bản thực lớn nhất chưa tới 1 MiB)"},
    {"remove what makes it so large (pasted tables, embedded data), or split the document",
     "bỏ phần làm tệp quá lớn (bảng dán vào, dữ liệu nhúng), hoặc chia nhỏ văn bản"},
    {"the document has more than {} paragraphs or lines, more than plancheck reads (the longest real document has about 1,300)",
     "văn bản có hơn {} đoạn hoặc dòng, nhiều hơn mức plancheck đọc (văn bản thực dài nhất có khoảng 1.300)"},
    {"check that the right file was saved, or split it", "kiểm tra lại tệp đã lưu, hoặc tách văn bản"},
    {"stopped after {} s (raise the limit with --timeout)", "dừng sau {} giây (tăng giới hạn bằng --timeout)"},
    {"if it is a scan, OCR it with Vietnamese selected; otherwise check that the right file was saved",
     "nếu là bản quét, hãy nhận dạng chữ (OCR) với tiếng Việt; nếu không, kiểm tra lại tệp đã lưu"},
    // Reading the file (ingest.cpp).
    {"the file is empty", "tệp rỗng"},
    {"check that the right file was saved", "kiểm tra lại đúng tệp đã lưu"},
    {"the input is too large ({} MiB; the limit is {} MiB)", "dữ liệu vào quá lớn ({} MiB; giới hạn là {} MiB)"},
    {"file is too large ({} MiB; the limit is {} MiB)", "tệp quá lớn ({} MiB; giới hạn là {} MiB)"},
    {"split the document, or raise the limit with --max-size", "chia nhỏ văn bản, hoặc nâng giới hạn bằng --max-size"},
    {"the document contains no text", "văn bản không có chữ"},
    {"cannot open the file: {}", "không mở được tệp: {}"},
    {"check the path", "kiểm tra lại đường dẫn"},
    {"is a directory", "là một thư mục"},
    {"pass files or folders to check", "hãy chỉ ra tệp hoặc thư mục cần kiểm tra"},
    {"not a regular file ({})", "không phải tệp thông thường ({})"},
    {"named pipe", "ống dẫn có tên, FIFO"},
    {"socket", "socket"},
    {"character device", "thiết bị ký tự"},
    {"block device", "thiết bị khối"},
    {"not a regular file", "không phải tệp thông thường"},
    {"pass a document file", "hãy chỉ ra một tệp văn bản"},
    {"cannot read the file size: {}", "không đọc được kích thước tệp: {}"},
    {"the file could not be read completely", "không đọc được trọn vẹn tệp"},
    {"the file changed while it was being read", "tệp bị thay đổi trong khi đang được đọc"},
    {"check it again once it is saved", "kiểm tra lại sau khi tệp đã được lưu xong"},
    // The system's words for the usual errors (std::error_code, strerror).
    {"No such file or directory", "không có tệp hoặc thư mục này"},
    {"Permission denied", "không có quyền truy cập"},
    {"Too many levels of symbolic links", "vòng lặp liên kết tượng trưng"},
    {"Not a directory", "không phải thư mục"},
    {"File name too long", "tên tệp quá dài"},
    {"Input/output error", "lỗi đọc ghi thiết bị"},
    {"Is a directory", "là một thư mục"},
    {"No space left on device", "hết dung lượng đĩa"},
    {"Read-only file system", "hệ thống tệp chỉ đọc"},
    {"Too many open files", "mở quá nhiều tệp"},
    {"(none)", "(không có)"},
    // libzip's words (zip_error_strerror).
    {"Not a zip archive", "không phải tệp zip"},
    {"Zip archive inconsistent", "gói zip không nhất quán"},
    {"Premature end of file", "tệp kết thúc đột ngột"},
    {"Read error", "lỗi đọc"},
    {"Seek error", "lỗi định vị"},
    {"CRC error", "sai mã kiểm tra CRC"},
    {"Compression method not supported", "phương pháp nén không được hỗ trợ"},
    {"Encryption method not supported", "phương pháp mã hóa không được hỗ trợ"},
    {"Read error: {}", "lỗi đọc: {}"},
    // Text encodings (decode.cpp).
    {"unknown encoding \"{}\"", "bảng mã không xác định \"{}\""},
    {"use one of: auto, utf-8, utf-16le, utf-16be, cp1258, tcvn3, vni",
     "dùng một trong các giá trị: auto, utf-8, utf-16le, utf-16be, cp1258, tcvn3, vni"},
    {"the text is not UTF-8 and does not read as Vietnamese in TCVN3 (ABC), VNI-Windows or Windows-1258",
     "văn bản không ở mã UTF-8 và không đọc được thành tiếng Việt theo TCVN3 (ABC), VNI-Windows hay Windows-1258"},
    {"save the file as UTF-8 (Unicode), or name its encoding with --encoding",
     "lưu tệp ở mã UTF-8 (Unicode), hoặc chỉ rõ bảng mã bằng --encoding"},
    // Reader modules (plugins.cpp, plugins/*.cpp).
    {"the .docx could not be changed: {}", "không sửa được tệp .docx: {}"},
    {"the .docx is damaged: word/document.xml is not well-formed XML",
     "tệp .docx bị hỏng: word/document.xml không phải XML hợp lệ"},
    {"reinstall plancheck", "hãy cài lại plancheck"},
    {"this installation of plancheck cannot change .docx files: its .docx module is missing or broken: {}",
     "bản cài đặt plancheck này không sửa được tệp .docx: mô-đun .docx bị thiếu hoặc hỏng: {}"},
    {"this installation of plancheck cannot read {} files: its {} reader is missing or broken: {}",
     "bản cài đặt plancheck này không đọc được tệp {}: bộ đọc {} bị thiếu hoặc hỏng: {}"},
    {"{} was not found (looked in {})", "không tìm thấy {} (đã tìm trong {})"},
    {"{} cannot be loaded: {}", "không nạp được {}: {}"},
    {"{} is not a plancheck reader module", "{} không phải bộ đọc của plancheck"},
    {"{} belongs to another build of plancheck ({}, this is {})", "{} thuộc về một bản dựng khác của plancheck ({}, bản này là {})"},
    {"reinstall plancheck, or save the document as .txt", "cài lại plancheck, hoặc lưu văn bản thành .txt"},
    {"the .docx could not be read: {}", "không đọc được tệp .docx: {}"},
    {"open it in Word or LibreOffice and save it again", "mở bằng Word hoặc LibreOffice rồi lưu lại"},
    {"the PDF could not be read: {}", "không đọc được tệp PDF: {}"},
    {"export it again from the original document, or save that as .docx",
     "xuất lại PDF từ văn bản gốc, hoặc lưu văn bản gốc thành .docx"},
    // Word files (docx/zip_reader.cpp, docx/docx.cpp).
    {"the file is password-protected (encrypted) or is an old binary Word .doc",
     "tệp được đặt mật khẩu (mã hóa) hoặc là tệp Word .doc kiểu cũ"},
    {"remove the password in Word (File > Info > Protect Document), or save it as .docx",
     "gỡ mật khẩu trong Word (File > Info > Protect Document), hoặc lưu thành .docx"},
    {"the file could not be opened as a zip container", "không mở được tệp như một gói zip"},
    {"the file is damaged: it is not a valid .docx (zip) container ({})",
     "tệp bị hỏng: không phải gói .docx (zip) hợp lệ ({})"},
    {"open it in Word and save it again as .docx", "mở bằng Word rồi lưu lại thành .docx"},
    {"the .docx is damaged ({} cannot be read)", "tệp .docx bị hỏng (không đọc được {})"},
    {"the .docx is damaged ({} cannot be opened)", "tệp .docx bị hỏng (không mở được {})"},
    {"the .docx is damaged ({} does not inflate)", "tệp .docx bị hỏng (không giải nén được {})"},
    {"open it in Word and save it again", "mở bằng Word rồi lưu lại"},
    {"the .docx is encrypted ({} needs a password)", "tệp .docx bị mã hóa ({} cần mật khẩu)"},
    {"remove the password in Word and save the document again", "gỡ mật khẩu trong Word rồi lưu lại văn bản"},
    {"the .docx inflates beyond the safety limit ({}; limit {}, or {} times the file size); it may be a zip bomb",
     "tệp .docx giải nén vượt giới hạn an toàn ({}; giới hạn {}, hoặc {} lần kích thước tệp); có thể là bom nén (zip bomb)"},
    {"if the document is genuine, remove large embedded objects or split it",
     "nếu văn bản là thật, hãy bỏ các đối tượng nhúng lớn hoặc chia nhỏ văn bản"},
    {"the .docx is damaged: {} is not well-formed XML ({} at byte {})",
     "tệp .docx bị hỏng: {} không phải XML hợp lệ ({} tại byte {})"},
    {"not a Word document: word/document.xml is missing from the .docx",
     "không phải văn bản Word: tệp .docx thiếu word/document.xml"},
    {"open it in Word or LibreOffice and save it as .docx", "mở bằng Word hoặc LibreOffice rồi lưu thành .docx"},
    {"the .docx has no document body", "tệp .docx không có phần thân văn bản"},
    // Markdown and HTML (markdown.cpp, html.cpp).
    {"the Markdown grammar could not be loaded", "không nạp được bộ phân tích Markdown"},
    {"the Markdown could not be parsed", "không phân tích được tệp Markdown"},
    {"convert the file to .txt", "chuyển tệp thành .txt"},
    {"the HTML grammar could not be loaded", "không nạp được bộ phân tích HTML"},
    {"the HTML could not be parsed", "không phân tích được tệp HTML"},
    {"save the page as .txt", "lưu trang thành .txt"},
    // PDF (pdf/pdf.cpp).
    {"the PDF is too large", "tệp PDF quá lớn"},
    {"split it", "chia nhỏ tệp"},
    {"the PDF is damaged or is not a PDF", "tệp PDF bị hỏng hoặc không phải PDF"},
    {"export it again from the original document, or send the .docx", "xuất lại PDF từ văn bản gốc, hoặc gửi tệp .docx"},
    {"the PDF is password-protected (encrypted)", "tệp PDF được đặt mật khẩu (mã hóa)"},
    {"remove the password, or send the .docx", "gỡ mật khẩu, hoặc gửi tệp .docx"},
    {"the PDF is damaged: it has no pages", "tệp PDF bị hỏng: không có trang nào"},
    {"export it again, or send the .docx", "xuất lại PDF, hoặc gửi tệp .docx"},
    {"the PDF has no text layer (it is a scanned image); OCR it first",
     "tệp PDF không có lớp chữ (là ảnh quét); cần nhận dạng chữ (OCR) trước"},
    {"the PDF's only text is a stamp, a signature or a watermark over a scanned image; OCR it first",
     "chữ duy nhất trong tệp PDF là dấu, chữ ký hoặc hình mờ trên ảnh quét; cần nhận dạng chữ (OCR) trước"},
    {"run OCR on it (for example with ocrmypdf), or send the .docx",
     "nhận dạng chữ (OCR), ví dụ bằng ocrmypdf, hoặc gửi tệp .docx"},
    {"the PDF's text layer is not readable Vietnamese ({} words, {}% Vietnamese syllables): it is poor OCR or a font "
     "without a Unicode map; OCR it again",
     "lớp chữ của tệp PDF không đọc được thành tiếng Việt ({} từ, {}% âm tiết tiếng Việt): nhận dạng chữ kém hoặc "
     "phông chữ không có bảng mã Unicode; cần nhận dạng chữ (OCR) lại"},
    {"run OCR on it again (for example with ocrmypdf --force-ocr -l vie), or send the .docx",
     "nhận dạng chữ (OCR) lại, ví dụ bằng ocrmypdf --force-ocr -l vie, hoặc gửi tệp .docx"},
};

}  // namespace

UnreadableInput localized(const UnreadableInput& why, const std::string& lang) {
    if (lang == "en") return why;
    return {phrases::translate(why.reason, kPhrases), phrases::translate(why.hint, kPhrases)};
}

}  // namespace plancheck::ingest
