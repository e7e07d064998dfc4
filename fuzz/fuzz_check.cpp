// libFuzzer entry point (built by fuzz/run with clang): the first byte picks
// the format, the rest is the file. A broken invariant or a crash stops the
// run with the input saved; copy it into fuzz/regressions/ (named with the
// format as its extension) so CI replays it from then on.
#include <cstdio>
#include <cstdlib>

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
    if (size == 0) return 0;
    constexpr size_t kCount = std::size(plancheck::fuzz::kFormats);
    std::string_view format = plancheck::fuzz::kFormats[data[0] % kCount];
    std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        plancheck::fuzz::check_input(bytes, format, book());
    } catch (const plancheck::fuzz::Violation& v) {
        std::fprintf(stderr, "invariant broken (%.*s): %s\n", static_cast<int>(format.size()), format.data(),
                     v.what());
        std::abort();
    }
    return 0;
}
