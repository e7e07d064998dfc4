// The structure stage's output: what a reader sees in an administrative
// document (header block, title, legal bases, numbered sections, closing).
#pragma once

#include <optional>
#include <string>
#include <string_view>
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
    // Parts of legal and regulatory texts (Quyết định, Điều lệ, Quy chế, Nghị định):
    Part,         // "Phần I", "Phần thứ hai"
    Chapter,      // "Chương I", "CHƯƠNG II"
    Subsection,   // "Mục 1" (inside a Chương)
    Article,      // "Điều 5." (khoản "1." and điểm "a)" nest under it)
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
    // 0 for the document itself, i for its i-th attachment (Outline::attachments[i-1]):
    // numbering restarts in an attached Điều lệ / Quy chế.
    int segment = 0;
};

// The kinds of Decree 30/2020/NĐ-CP Appendix III (administrative documents),
// the legal normative types, and what agencies also produce (Phiếu trình, Đơn,
// Điều lệ). `Other` is kept for rule files written before the full list.
enum class DocKind : uint8_t {
    Unknown, Plan, Report, Programme, Decision, Letter, Resolution, Directive, Other,
    // Appendix III, in its order
    Regulation,     // Quy chế (QC)
    Rules,          // Quy định (QyĐ)
    Communique,     // Thông cáo (TC)
    Notice,         // Thông báo (TB)
    Guidance,       // Hướng dẫn (HD)
    Scheme,         // Phương án (PA)
    Project,        // Đề án (ĐA)
    Venture,        // Dự án (DA)
    Minutes,        // Biên bản (BB)
    Submission,     // Tờ trình (TTr)
    Contract,       // Hợp đồng (HĐ)
    Telegram,       // Công điện (CĐ)
    Memorandum,     // Bản ghi nhớ (GN)
    Agreement,      // Bản thỏa thuận (TTh)
    Authorization,  // Giấy ủy quyền (GUQ)
    Invitation,     // Giấy mời (GM)
    Referral,       // Giấy giới thiệu (GGT)
    Leave,          // Giấy nghỉ phép (GNP)
    SendingSlip,    // Phiếu gửi (PG)
    TransferSlip,   // Phiếu chuyển (PC)
    NoticeSlip,     // Phiếu báo (PB)
    PublicLetter,   // Thư công
    // Not in Appendix III
    SubmissionSlip, // Phiếu trình: an internal form sent with a Tờ trình to the leader
    Application,    // Đơn: a request from a person or body, not an administrative document
    Charter,        // Điều lệ (of an association, fund): issued with a decision
    // Legal normative documents (Law on Promulgation of Legal Documents)
    Law,            // Luật, Bộ luật (/QH..)
    Ordinance,      // Pháp lệnh (/UBTVQH..)
    Decree,         // Nghị định (/NĐ-CP)
    Circular,       // Thông tư, Thông tư liên tịch (/TT-..., /TTLT-...)
};
const char* to_string(DocKind k);
std::optional<DocKind> doc_kind_from_string(std::string_view s);

// What body of rules governs the document's layout.
enum class DocClass : uint8_t {
    Unknown,         // kind not told: only the rules that fit any document run
    Administrative,  // Decree 30/2020/NĐ-CP format (header, closing)
    LegalNormative,  // Law on Promulgation of Legal Documents: not Decree 30's administrative format
    Party,           // Party documents (Hướng dẫn 36-HD/VPTW)
    Attachment,      // issued with a decision ("Ban hành kèm theo Quyết định số ..."): no header/closing of its own
    Internal,        // an internal form (Phiếu trình)
    Application,     // Đơn: written by a person or body to an agency
};
const char* to_string(DocClass c);
std::optional<DocClass> doc_class_from_string(std::string_view s);

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
    std::optional<uint32_t> authority;       // Quyết định: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ..." above the bases
    std::optional<uint32_t> subject;         // Công văn: "V/v ..." (trích yếu) under the number
    std::optional<uint32_t> addressee;       // "Kính gửi: ..."
    std::optional<uint32_t> attachment_note; // "(Ban hành kèm theo Quyết định số ...)" under the title
    std::optional<uint32_t> draft_mark;      // "DỰ THẢO" at the top
};

// An attached document after the main one's closing (an Điều lệ after the
// decision that approves it).
struct Attachment {
    uint32_t begin = 0;                      // first block (its type name, or the note)
    std::optional<uint32_t> doc_type;        // "ĐIỀU LỆ", "QUY CHẾ", ...
    std::optional<uint32_t> note;            // "(Kèm theo Quyết định số ...)"
    DocKind kind = DocKind::Unknown;
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
    DocClass doc_class = DocClass::Unknown;
    // Why the kind and class were chosen, in order (English, with line numbers),
    // e.g. "type name \"TỜ TRÌNH\" (line 7)", "symbol TTr in \"Số: 12/TTr-SNV\" (line 5)".
    std::vector<std::string> evidence;
    // Draft mode: "DỰ THẢO" at the top or a file name marked as a draft. Blank
    // number and day are then notes. `draft_reason` says which.
    bool draft = false;
    std::string draft_reason;
    std::vector<Attachment> attachments;
    std::vector<Basis> bases;
    std::vector<Section> sections;  // pre-order: parents before children, document order
    ClosingInfo closing;
    uint32_t body_begin = 0;        // first block of the body (after bases)
    uint32_t body_end = 0;          // == closing.begin
};

}  // namespace plancheck
