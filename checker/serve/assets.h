// The web page's files (checker/serve/page/*), embedded at build time by
// embed.cmake into a generated source: the binary serves them with no network.
#pragma once

#include <string_view>
#include <vector>

namespace plancheck::serve {

struct Asset {
    std::string_view name;  // file name in checker/serve/page, e.g. "app.js"
    std::string_view data;
};
const std::vector<Asset>& assets();
// The asset called `name`, or nullptr.
const Asset* find_asset(std::string_view name);
// Content-Type for an asset, by its extension.
const char* asset_type(std::string_view name);

}  // namespace plancheck::serve
