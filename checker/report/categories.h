// Reader-facing names of diagnostic categories (HTML report, summaries).
#pragma once

#include <string>
#include <string_view>

namespace plancheck::report {

// "Lỗi chính tả" / "Spelling" for "text.typo". A category without a name of
// its own (added later) gets its group's name and the id: "Câu chữ (text.new)".
std::string category_label(std::string_view category, const std::string& lang);

}  // namespace plancheck::report
