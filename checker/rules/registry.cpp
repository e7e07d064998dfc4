// PLACEHOLDER owned by the citations work (issue 4).
#include "rules/registry.h"

namespace plancheck::rules {

std::unique_ptr<Registry> load_registry(const std::string&) { return std::make_unique<Registry>(); }

}  // namespace plancheck::rules
