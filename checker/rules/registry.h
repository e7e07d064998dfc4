// PLACEHOLDER owned by the citations work (issue 4): the registry of known
// legal documents (rules/registry/*.yaml). Replaced by the real loader.
#pragma once

#include <memory>
#include <string>

namespace plancheck::rules {

class Registry {
public:
    size_t size() const { return 0; }
};

// Loads every *.yaml in `dir`; a missing directory gives an empty registry.
std::unique_ptr<Registry> load_registry(const std::string& dir);

}  // namespace plancheck::rules
