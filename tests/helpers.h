// Test helpers: run the pipeline on inline text.
#pragma once

#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace plancheck::test {

inline std::string source_dir() { return PLANCHECK_SOURCE_DIR; }
inline std::string shared_dir() { return PLANCHECK_SHARED_DIR; }

// Ingests `text` as a .txt document and analyzes it.
inline std::unique_ptr<pipeline::Analysis> analyze_text(const std::string& text) {
    auto r = ingest::read_text(text, "test.txt", {});
    return pipeline::analyze(std::move(std::get<SourceDocument>(r)));
}

}  // namespace plancheck::test
