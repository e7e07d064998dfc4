// PLACEHOLDER owned by the formats work (issue 3): replaced by the real reader.
#include "ingest/ingest.h"

namespace plancheck::ingest {

Result read_markdown(std::string_view, const std::string&, const Options&) {
    return UnreadableInput{"reading this format is not available in this build", "convert it to .txt"};
}

}  // namespace plancheck::ingest
