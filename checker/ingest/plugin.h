// Readers loaded on demand: .docx (libzip + pugixml) and .pdf (poppler).
//
// Those libraries and what they pull in (libcrypto, NSS, freetype, fontconfig,
// libtiff, ...) are about 40 shared objects whose loading and relocation took
// 12 of the ~20 ms that `plancheck` needed to start, before reading anything.
// Most runs never see a .docx or a PDF, so each reader is a plug-in module,
// `plancheck-docx.so` and `plancheck-pdf.so`, opened with dlopen the first time
// a file of its format is read (see plugins.cpp for where it is looked for).
// read_docx and read_pdf (ingest.h) go through it; a missing or mismatched
// module makes the file input.unreadable with the reason, never a crash.
#pragma once

#include <cstddef>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/annotate.h"
#include "ingest/ingest.h"

namespace plancheck::ingest {

// The readers themselves (in the plug-in modules; tests may link them directly).
Result read_docx_document(std::string_view bytes, const std::string& path, const Options& opts);
Result read_pdf_document(std::string_view bytes, const std::string& path, const Options& opts);
std::variant<DocxFix, UnreadableInput> fix_docx_page_document(std::string_view bytes, const Options& opts,
                                                              const DocxBodyFix& body);

namespace plugin {

using ReadFn = Result (*)(std::string_view bytes, const std::string& path, const Options& opts);
using AnnotateFn = std::optional<std::string> (*)(std::string_view bytes, const std::vector<Diagnostic>& diags,
                                                  const AnnotateOptions& opts, std::string* error,
                                                  AnnotateSummary* summary);
using PageFixFn = std::variant<DocxFix, UnreadableInput> (*)(std::string_view bytes, const Options& opts,
                                                              const DocxBodyFix& body);

// What a module's entry point `plancheck_ingest_plugin_v1` returns. The types
// crossing the boundary are C++ types, so the module must come from the same
// build: `abi` names the version, compiler and build type, and the sizes catch
// a module built from different headers.
struct Api {
    const char* abi;
    size_t document_size, block_size, options_size;
    ReadFn read;
    // Writes findings into a document of the module's format (annotate.h);
    // null for formats that cannot be annotated (PDF).
    AnnotateFn annotate;
    size_t diagnostic_size, annotate_options_size;
    PageFixFn fix_page;  // the .docx module's fix (--fix: page setup, body font and size); null in others
};

inline constexpr const char* kAbi = PLANCHECK_PLUGIN_ABI;
inline constexpr const char* kEntry = "plancheck_ingest_plugin_v1";

inline Api make_api(ReadFn read, AnnotateFn annotate = nullptr, PageFixFn fix_page = nullptr) {
    return Api{kAbi,     sizeof(SourceDocument), sizeof(Block),           sizeof(Options), read,
               annotate, sizeof(Diagnostic),     sizeof(AnnotateOptions), fix_page};
}

// Where modules are looked for, in order: the folder of the running executable,
// <exe>/../lib/plancheck (installed), and the build tree (for a binary inside
// it, such as the tests); only $PLANCHECK_PLUGIN_DIR if set.
std::vector<std::string> search_dirs();

}  // namespace plugin
}  // namespace plancheck::ingest

// Defines a module's entry point around a reader. It opens the reader's
// deadline (Options::deadline) in the module's own copy of core/deadline.
// An exception never crosses the module boundary, but std::bad_alloc (a
// standard type both sides know: the caller reports the memory limit): a spent
// deadline becomes UnreadableInput "stopped after N s", anything else
// UnreadableInput{failure + what(), hint}.
#define PLANCHECK_READER_MODULE(read, failure, hint) PLANCHECK_READER_MODULE_FULL(read, failure, hint, nullptr, nullptr)

// The same for a module that also annotates (annotate.h; its exceptions
// become `*error`) and fixes page setup (--fix; null: none), the .docx module.
#define PLANCHECK_READER_MODULE_FULL(read, failure, hint, annotate, fix)                                 \
    namespace {                                                                                          \
    plancheck::ingest::Result guarded_read(std::string_view bytes, const std::string& path,              \
                                           const plancheck::ingest::Options& opts) {                     \
        try {                                                                                            \
            plancheck::deadline::Scope scope(opts.deadline);                                             \
            return read(bytes, path, opts);                                                              \
        } catch (const plancheck::DeadlineExceeded& e) {                                                 \
            return plancheck::UnreadableInput{plancheck::deadline::stopped_reason(e.seconds), ""};       \
        } catch (const std::bad_alloc&) {                                                                \
            throw; /* the caller says how much memory it may use */                                     \
        } catch (const std::exception& e) {                                                              \
            return plancheck::UnreadableInput{std::string(failure) + e.what(), hint};                    \
        }                                                                                                \
    }                                                                                                    \
    [[maybe_unused]] std::optional<std::string> guarded_annotate(                                        \
        std::string_view bytes, const std::vector<plancheck::Diagnostic>& diags,                         \
        const plancheck::ingest::AnnotateOptions& opts, std::string* error,                              \
        plancheck::ingest::AnnotateSummary* summary) {                                                   \
        plancheck::ingest::plugin::AnnotateFn fn = annotate;                                             \
        try {                                                                                            \
            return fn(bytes, diags, opts, error, summary);                                               \
        } catch (const std::exception& e) {                                                              \
            if (error) *error = std::string("the .docx could not be annotated: ") + e.what();            \
            return std::nullopt;                                                                         \
        }                                                                                                \
    }                                                                                                    \
    }                                                                                                    \
    extern "C" __attribute__((visibility("default"))) const plancheck::ingest::plugin::Api*              \
    plancheck_ingest_plugin_v1() {                                                                       \
        plancheck::ingest::plugin::AnnotateFn fn = annotate;                                             \
        static const auto api = plancheck::ingest::plugin::make_api(                                     \
            &guarded_read, fn ? &guarded_annotate : nullptr, fix);                                       \
        return &api;                                                                                     \
    }
