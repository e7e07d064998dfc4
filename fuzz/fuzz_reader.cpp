// libFuzzer entry point of one reader (built by fuzz/run with clang, once per
// format: FUZZ_FORMAT is "txt", "md", "html", "docx", "pdf" or "citations").
// The whole input is the file; the harness reads it as that format through
// the pipeline and every report, and checks the contract's invariants
// (fuzz/harness.h). "citations" feeds the text to the citation scanner, then
// to the whole pipeline as .txt. A broken invariant or a crash stops the run
// with the input saved; copy it into fuzz/regressions/ (with the format as its
// extension) so CI replays it from then on.
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/utf8.h"
#include "extract/citation_scan.h"
#include "fuzz/harness.h"

namespace {
const plancheck::rules::RuleBook& book() {
    static const plancheck::rules::RuleBook b = [] {
        const char* dir = std::getenv("PLANCHECK_RULES");
        return plancheck::rules::load_rulebook(dir ? dir : PLANCHECK_SOURCE_DIR "/rules");
    }();
    return b;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    plancheck::fuzz::g_pdf_in_child = false;  // poppler in this process: its coverage counts
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
    static const auto& rules = book();
    constexpr std::string_view format = FUZZ_FORMAT;
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        if constexpr (format == "citations") {
            if (plancheck::utf8::valid(bytes)) {
                for (const auto& c : plancheck::extract::scan_citations(bytes))
                    if (c.ref.end < c.ref.begin || c.ref.end > bytes.size()) {
                        std::fprintf(stderr, "invariant broken (citations): a citation outside its text\n");
                        std::abort();
                    }
            }
            plancheck::fuzz::check_input(bytes, "txt", rules);
        } else {
            plancheck::fuzz::check_input(bytes, format, rules);
        }
    } catch (const plancheck::fuzz::Violation& v) {
        std::fprintf(stderr, "invariant broken (%.*s): %s\n", static_cast<int>(format.size()), format.data(), v.what());
        std::abort();
    }
    return 0;
}
