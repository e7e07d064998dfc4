// PLACEHOLDER owned by the citations work (issue 4): replaced by the real extractor.
#include "extract/extract.h"

namespace plancheck::extract {

std::vector<Citation> extract_citations(const SourceDocument&, const Outline&) { return {}; }

}  // namespace plancheck::extract
