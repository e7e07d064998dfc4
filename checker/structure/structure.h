// Structure stage: header block, title, legal bases, numbered sections, closing.
#pragma once

#include <optional>
#include <string_view>

#include "plancheck/document.h"
#include "plancheck/outline.h"

namespace plancheck::structure {

Outline build_outline(const SourceDocument& doc);
// The header and the kind only (what build_outline finds first, the same):
// what a batch's index of plans needs of every file, without the sections.
Outline build_header(const SourceDocument& doc);

// A numbering label at the start of `text` ("II.", "2.1.", "a)", "-", "+").
struct Label {
    LabelKind kind = LabelKind::None;
    std::vector<int> number;
    size_t length = 0;  // bytes of label, including the separator and following spaces
    std::string text;   // the label itself without trailing spaces, e.g. "a)"
};
Label parse_label(std::string_view text);
// A label the container supplies (Word auto-numbering, Markdown list) in Block::label.
Label parse_container_label(std::string_view label);

// Nesting rank of a label kind (smaller = outer). MultiArabic ranks by depth.
int label_rank(const Label& l);

// Vietnamese point letters run a b c d đ e g h i k l m n o p q r s t u v x y:
// returns the 1-based position of `letter`, 0 when it is not one.
int letter_index(std::string_view letter);
int roman_value(std::string_view roman);  // 0 when not a valid numeral of I..XXXIX

// Document kind from the type-name line ("KẾ HOẠCH" -> Plan).
DocKind kind_from_type_name(std::string_view folded);
// Known administrative type names (folded), for the header scan.
bool is_type_name(std::string_view folded);

}  // namespace plancheck::structure
