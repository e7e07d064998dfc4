#include "ingest/docx/zip_reader.h"

#include <zip.h>

#include <algorithm>

namespace plancheck::ingest {

namespace {
std::string mib(uint64_t n) { return std::to_string((n + (1 << 20) - 1) >> 20) + " MiB"; }
}  // namespace

std::variant<std::unique_ptr<ZipReader>, UnreadableInput> ZipReader::open(std::string_view bytes,
                                                                         const Options& opts) {
    // A password-protected Word file is not a zip at all but an OLE compound
    // file holding an "EncryptedPackage"; old binary .doc files share the magic.
    if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        return UnreadableInput{"the file is password-protected (encrypted) or is an old binary Word .doc",
                               "remove the password in Word (File > Info > Protect Document), or save it as .docx"};
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (!src) {
        zip_error_fini(&err);
        return UnreadableInput{"the file could not be opened as a zip container", ""};
    }
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!z) {
        std::string why = zip_error_strerror(&err);
        zip_source_free(src);
        zip_error_fini(&err);
        return UnreadableInput{"the file is damaged: it is not a valid .docx (zip) container (" + why + ")",
                               "open it in Word and save it again as .docx"};
    }
    zip_error_fini(&err);
    std::unique_ptr<ZipReader> r(new ZipReader);
    r->archive_ = z;
    uint64_t by_ratio = opts.max_ratio * std::max<uint64_t>(bytes.size(), 1);
    r->budget_ = std::min(opts.max_inflated_bytes, by_ratio);
    r->max_ratio_ = opts.max_ratio;
    return r;
}

ZipReader::~ZipReader() {
    if (archive_) zip_discard(archive_);
}

bool ZipReader::has(const std::string& name) const { return zip_name_locate(archive_, name.c_str(), 0) >= 0; }

uint64_t ZipReader::declared_size(const std::string& name) const {
    zip_int64_t idx = zip_name_locate(archive_, name.c_str(), 0);
    if (idx < 0) return 0;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive_, static_cast<zip_uint64_t>(idx), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) return 0;
    return st.size;
}

std::variant<std::optional<std::string>, UnreadableInput> ZipReader::read(const std::string& name) {
    zip_int64_t idx = zip_name_locate(archive_, name.c_str(), 0);
    if (idx < 0) return std::optional<std::string>{};
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive_, static_cast<zip_uint64_t>(idx), 0, &st) != 0)
        return UnreadableInput{"the .docx is damaged (" + name + " cannot be read)", "open it in Word and save it again"};
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        return UnreadableInput{"the .docx is encrypted (" + name + " needs a password)",
                               "remove the password in Word and save the document again"};
    auto too_big = [&] {
        return UnreadableInput{"the .docx inflates beyond the safety limit (" + name + "; limit " + mib(budget_) +
                                   ", or " + std::to_string(max_ratio_) + " times the file size); it may be a zip bomb",
                               "if the document is genuine, remove large embedded objects or split it"};
    };
    if ((st.valid & ZIP_STAT_SIZE) && st.size > budget_) return too_big();
    if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) && st.size > 1 << 16 &&
        st.size / std::max<zip_uint64_t>(st.comp_size, 1) > max_ratio_)
        return too_big();
    zip_file_t* f = zip_fopen_index(archive_, static_cast<zip_uint64_t>(idx), 0);
    if (!f) return UnreadableInput{"the .docx is damaged (" + name + " cannot be opened)", "open it in Word and save it again"};
    std::string out;
    out.reserve(static_cast<size_t>(std::min<zip_uint64_t>(st.size, budget_)));
    char buf[1 << 15];
    for (;;) {
        zip_int64_t n = zip_fread(f, buf, sizeof buf);
        if (n < 0) {
            zip_fclose(f);
            return UnreadableInput{"the .docx is damaged (" + name + " does not inflate)", "open it in Word and save it again"};
        }
        if (n == 0) break;
        if (static_cast<uint64_t>(n) > budget_) {
            zip_fclose(f);
            return too_big();
        }
        budget_ -= static_cast<uint64_t>(n);
        out.append(buf, static_cast<size_t>(n));
    }
    zip_fclose(f);
    return std::optional<std::string>(std::move(out));
}

}  // namespace plancheck::ingest
