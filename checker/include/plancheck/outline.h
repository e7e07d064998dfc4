// The structure stage's output: what a reader sees in an administrative
// document (header block, title, legal bases, numbered sections, closing).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plancheck/source.h"

namespace plancheck {

enum class LabelKind : uint8_t {
    None,
    UpperLetter,  // "A."  (some agencies put parts above Roman sections)
    Roman,        // "I.", "II."
    Arabic,       // "1.", "2)"
    MultiArabic,  // "2.1.", "2.1"
    Letter,       // "a)", "b."
    Dash,         // "-", "–"
    Plus,         // "+"
    Bullet,       // "•", "*", "◦"
};

const char* to_string(LabelKind k);

struct Section {
    LabelKind label_kind = LabelKind::None;
    std::string label;         // as written, e.g. "II." or "a)"; from Block::label for auto-numbering
    std::vector<int> number;   // II -> {2}; 2.1 -> {2,1}; b) -> {2}; dashes -> {}
    std::string title;         // heading text without the label, trailing ':' removed
    uint32_t block = 0;        // block holding the label
    TextRef label_ref;         // where the label is (empty range for auto-numbering)
    TextRef title_ref;
    bool heading = false;      // a short title line (vs an item with running text)
    int depth = 0;             // 0 for top-level sections
    int parent = -1;           // index into Outline::sections, -1 for top level
    std::vector<int> children;
    uint32_t body_end = 0;     // first block after this section's body (exclusive)
};

enum class DocKind : uint8_t { Unknown, Plan, Report, Programme, Decision, Letter, Resolution, Directive, Other };
const char* to_string(DocKind k);

struct HeaderInfo {
    std::vector<uint32_t> agency;      // blocks of the issuing body (superior body first)
    std::optional<uint32_t> national_title;  // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" or the Party header
    std::optional<uint32_t> motto;           // "Độc lập - Tự do - Hạnh phúc"
    std::optional<uint32_t> number;          // "Số: ..." line
    std::optional<uint32_t> place_date;      // "<place>, ngày .. tháng .. năm ...."
    std::optional<uint32_t> doc_type;        // "KẾ HOẠCH", "BÁO CÁO", ...
    std::vector<uint32_t> title;             // summary line(s) after the type name
    std::string doc_type_name;               // the type name as normalized upper case text
    bool party = false;                      // Party document (ĐẢNG CỘNG SẢN VIỆT NAM)
    uint32_t end = 0;                        // first block after the header and title
};

struct Basis {
    uint32_t block = 0;
    std::string lead;  // "Căn cứ", "Thực hiện", "Triển khai"
};

struct ClosingInfo {
    std::optional<uint32_t> recipients;       // "Nơi nhận:" block
    std::vector<uint32_t> recipient_items;    // the list under it
    std::optional<uint32_t> archive;          // "- Lưu: VT, ..." block
    std::optional<uint32_t> authority;        // "TM. UBND", "KT. GIÁM ĐỐC", ...
    std::vector<uint32_t> signer_position;    // position lines (GIÁM ĐỐC, PHÓ CHỦ TỊCH)
    std::optional<uint32_t> signer_name;      // the name line
    uint32_t begin = 0;                       // first closing block (== blocks.size() if none)
};

struct Outline {
    HeaderInfo header;
    DocKind kind = DocKind::Unknown;
    std::vector<Basis> bases;
    std::vector<Section> sections;  // pre-order: parents before children, document order
    ClosingInfo closing;
    uint32_t body_begin = 0;        // first block of the body (after bases)
    uint32_t body_end = 0;          // == closing.begin
};

}  // namespace plancheck
