#include "ingest/ingest.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace plancheck::ingest {

namespace fs = std::filesystem;

std::string format_of(std::string_view path) {
    std::string ext = fs::path(std::string(path)).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".txt" || ext == ".text") return "txt";
    if (ext == ".md" || ext == ".markdown") return "md";
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return "html";
    if (ext == ".docx") return "docx";
    if (ext == ".pdf") return "pdf";
    return "";
}

namespace {

UnreadableInput unsupported(std::string_view path) {
    std::string ext = fs::path(std::string(path)).extension().string();
    if (ext.empty()) ext = "(none)";
    std::string lower = ext;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string hint = "save it as .docx, .txt, .md, .html or .pdf";
    if (lower == ".doc" || lower == ".rtf" || lower == ".odt")
        hint = "open it in Word or LibreOffice and save it as .docx";
    return {"unsupported file type " + ext, hint};
}
}  // namespace

namespace {
Result read_one(std::string_view bytes, std::string_view format, const std::string& path,
                const Options& opts) {
    if (format == "txt") return read_text(bytes, path, opts);
    if (format == "md") return read_markdown(bytes, path, opts);
    if (format == "html") return read_html(bytes, path, opts);
    if (format == "docx") return read_docx(bytes, path, opts);
    if (format == "pdf") return read_pdf(bytes, path, opts);
    return unsupported(path);
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
    Result r = read_one(bytes, format, path, opts);
    if (auto* doc = std::get_if<SourceDocument>(&r); doc && doc->blocks.empty())
        return UnreadableInput{"the document contains no text", "check that the right file was saved"};
    return r;
}

Result read_file(const std::string& path, const Options& opts) {
    std::error_code ec;
    auto st = fs::status(path, ec);
    if (ec) return UnreadableInput{"cannot open the file: " + ec.message(), "check the path"};
    if (fs::is_directory(st)) return UnreadableInput{"is a directory", "pass files or folders to check"};
    if (!fs::is_regular_file(st))
        return UnreadableInput{"not a regular file", "pass a document file"};
    std::string format = format_of(path);
    if (format.empty()) return unsupported(path);
    auto size = fs::file_size(path, ec);
    if (ec) return UnreadableInput{"cannot read the file size: " + ec.message(), ""};
    if (size > opts.max_bytes)
        return UnreadableInput{"file is too large (" + std::to_string(size >> 20) +
                                   " MiB; the limit is " + std::to_string(opts.max_bytes >> 20) +
                                   " MiB)",
                               "split the document, or raise the limit with --max-size"};
    std::ifstream in(path, std::ios::binary);
    if (!in) return UnreadableInput{std::string("cannot open the file: ") + std::strerror(errno), ""};
    std::string bytes(size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<uint64_t>(in.gcount()) != size)
        return UnreadableInput{"the file could not be read completely", ""};
    return read_bytes(bytes, format, path, opts);
}

}  // namespace plancheck::ingest
