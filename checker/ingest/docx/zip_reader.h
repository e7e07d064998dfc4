// A bounded, read-only view of a zip container in memory (libzip), for .docx.
// Hostile archives are the norm here: every entry is checked for encryption,
// its declared size against the remaining inflate budget and the compression
// ratio, and the bytes actually inflated are counted while reading (declared
// sizes can lie).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "ingest/ingest.h"

struct zip;

namespace plancheck::ingest {

class ZipReader {
public:
    // Opens `bytes` (which must outlive the reader). Fails with a reason for
    // anything that is not a readable zip.
    static std::variant<std::unique_ptr<ZipReader>, UnreadableInput> open(std::string_view bytes,
                                                                          const Options& opts);
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    bool has(const std::string& name) const;
    // The inflated entry; nullopt when absent; UnreadableInput when it is
    // encrypted, damaged, or would exceed the inflate budget or ratio.
    std::variant<std::optional<std::string>, UnreadableInput> read(const std::string& name);
    // The inflated size the zip directory declares for an entry (0 when
    // absent or unknown); read() still counts what really inflates.
    uint64_t declared_size(const std::string& name) const;

private:
    ZipReader() = default;
    zip* archive_ = nullptr;
    uint64_t budget_ = 0;  // bytes that may still be inflated
    uint64_t max_ratio_ = 0;
};

}  // namespace plancheck::ingest
