#include "ingest/docx/zip_writer.h"

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>

namespace plancheck::ingest {

namespace {

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

struct SourceFree {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceFree>;

[[noreturn]] void fail(const std::string& what, zip_t* z) {
    std::string why = z ? zip_strerror(z) : "";
    throw std::runtime_error(what + (why.empty() ? "" : ": " + why));
}

// An in-memory source over a copy that libzip frees with the source.
zip_source_t* buffer_source(zip_t* z, const std::string& data) {
    void* copy = data.empty() ? nullptr : ::malloc(data.size());
    if (!data.empty() && !copy) throw std::bad_alloc();
    if (copy) std::memcpy(copy, data.data(), data.size());
    zip_source_t* s = zip_source_buffer(z, copy, data.size(), 1);
    if (!s) {
        ::free(copy);
        fail("cannot buffer a part", z);
    }
    return s;
}

}  // namespace

std::string rewrite_zip(std::string_view original, const std::vector<ZipPart>& parts) {
    zip_error_t err;
    zip_error_init(&err);
    SourcePtr in_src(zip_source_buffer_create(original.data(), original.size(), 0, &err));
    if (!in_src) throw std::runtime_error("cannot read the package");
    ZipPtr in(zip_open_from_source(in_src.get(), ZIP_RDONLY | ZIP_CHECKCONS, &err));
    if (!in) {
        std::string why = zip_error_strerror(&err);
        zip_error_fini(&err);
        throw std::runtime_error("the package is not a valid zip container (" + why + ")");
    }
    in_src.release();  // owned by `in` now

    SourcePtr out_src(zip_source_buffer_create(nullptr, 0, 0, &err));
    if (!out_src) throw std::runtime_error("cannot create the output package");
    zip_source_keep(out_src.get());  // read back after zip_close
    zip_t* out_raw = zip_open_from_source(out_src.get(), ZIP_TRUNCATE, &err);
    if (!out_raw) {
        zip_error_fini(&err);
        throw std::runtime_error("cannot create the output package");
    }
    ZipPtr out(out_raw);
    zip_error_fini(&err);

    std::map<std::string, const ZipPart*> pending;
    for (const auto& p : parts) pending[p.name] = &p;

    zip_int64_t n = zip_get_num_entries(in.get(), 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        auto idx = static_cast<zip_uint64_t>(i);
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(in.get(), idx, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME)) fail("cannot read an entry", in.get());
        std::string name = st.name;
        zip_source_t* s = nullptr;
        auto it = pending.find(name);
        bool replaced = it != pending.end();
        if (replaced) {
            s = buffer_source(out.get(), it->second->content);
            pending.erase(it);
        } else {
            s = zip_source_zip(out.get(), in.get(), idx, ZIP_FL_COMPRESSED, 0, -1);
            if (!s) fail("cannot copy " + name, out.get());
        }
        zip_int64_t added = zip_file_add(out.get(), name.c_str(), s, ZIP_FL_ENC_GUESS);
        if (added < 0) {
            zip_source_free(s);
            fail("cannot write " + name, out.get());
        }
        auto o = static_cast<zip_uint64_t>(added);
        if (replaced) zip_set_file_compression(out.get(), o, ZIP_CM_DEFLATE, 0);
        // A stored entry (images often are) read "compressed" is its plain
        // bytes: without this libzip would deflate it on writing.
        else if ((st.valid & ZIP_STAT_COMP_METHOD) && st.comp_method == ZIP_CM_STORE)
            zip_set_file_compression(out.get(), o, ZIP_CM_STORE, 0);
        if (st.valid & ZIP_STAT_MTIME) zip_file_set_mtime(out.get(), o, st.mtime, 0);
        zip_uint8_t opsys = 0;
        zip_uint32_t attributes = 0;
        if (zip_file_get_external_attributes(in.get(), idx, 0, &opsys, &attributes) == 0)
            zip_file_set_external_attributes(out.get(), o, 0, opsys, attributes);
    }
    for (const auto& p : parts) {
        if (!pending.count(p.name)) continue;
        zip_source_t* s = buffer_source(out.get(), p.content);
        zip_int64_t added = zip_file_add(out.get(), p.name.c_str(), s, ZIP_FL_ENC_UTF_8);
        if (added < 0) {
            zip_source_free(s);
            fail("cannot write " + p.name, out.get());
        }
        zip_set_file_compression(out.get(), static_cast<zip_uint64_t>(added), ZIP_CM_DEFLATE, 0);
        pending.erase(p.name);
    }
    if (zip_close(out.get()) != 0) fail("cannot finish the output package", out.get());
    out.release();  // zip_close freed it

    std::string bytes;
    if (zip_source_open(out_src.get()) != 0) throw std::runtime_error("cannot read the written package");
    char buf[1 << 15];
    for (;;) {
        zip_int64_t got = zip_source_read(out_src.get(), buf, sizeof buf);
        if (got < 0) {
            zip_source_close(out_src.get());
            throw std::runtime_error("cannot read the written package");
        }
        if (got == 0) break;
        bytes.append(buf, static_cast<size_t>(got));
    }
    zip_source_close(out_src.get());
    return bytes;
}

}  // namespace plancheck::ingest
