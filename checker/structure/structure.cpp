// Builds the outline of an administrative document.
//
// The document is read as Decree 30/2020/NĐ-CP lays it out: a header block
// (issuing body, national title and motto, number, place and date), the type
// name and summary title, the legal bases, the numbered body, and the closing
// (recipients, archive, signer). Text exported from Word often merges the two
// header columns into one line, so each header field is recognised wherever it
// appears in the first blocks, not by position alone.
#include "structure/structure.h"

#include <algorithm>
#include <cstring>

#include "core/legacy_vn.h"
#include "core/deadline.h"
#include "core/utf8.h"

namespace plancheck::structure {

namespace {

constexpr uint32_t kHeaderScan = 16;  // blocks searched for the header fields and type name

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// End of the document's flow: footnotes and endnotes (.docx) follow the body
// in SourceDocument::blocks so the text rules check them, but they are not
// part of the header, the sections or the closing.
uint32_t flow_end(const SourceDocument& doc) {
    auto n = static_cast<uint32_t>(doc.blocks.size());
    while (n > 0 && doc.blocks[n - 1].kind == BlockKind::Footnote) --n;
    return n;
}

struct TypeName {
    std::string_view folded;
    DocKind kind;
};
// Longest first so "chuong trinh hanh dong" wins over "chuong trinh".
const std::vector<TypeName>& type_names() {
    static const std::vector<TypeName> k = {
        {"chuong trinh hanh dong", DocKind::Programme},
        {"thong tu lien tich", DocKind::Circular},
        {"ban thoa thuan", DocKind::Agreement},
        {"ban ghi nho", DocKind::Memorandum},
        {"giay uy quyen", DocKind::Authorization},
        {"giay gioi thieu", DocKind::Referral},
        {"giay nghi phep", DocKind::Leave},
        {"giay moi", DocKind::Invitation},
        {"phieu trinh", DocKind::SubmissionSlip},
        {"phieu gui", DocKind::SendingSlip},
        {"phieu chuyen", DocKind::TransferSlip},
        {"phieu bao", DocKind::NoticeSlip},
        {"ke hoach", DocKind::Plan},
        {"bao cao", DocKind::Report},
        {"chuong trinh", DocKind::Programme},
        {"quyet dinh", DocKind::Decision},
        {"nghi quyet", DocKind::Resolution},
        {"chi thi", DocKind::Directive},
        {"thong bao", DocKind::Notice},
        {"thong cao", DocKind::Communique},
        {"huong dan", DocKind::Guidance},
        {"to trinh", DocKind::Submission},
        {"de an", DocKind::Project},
        {"du an", DocKind::Venture},
        {"phuong an", DocKind::Scheme},
        {"quy che", DocKind::Regulation},
        {"quy dinh", DocKind::Rules},
        {"bien ban", DocKind::Minutes},
        {"hop dong", DocKind::Contract},
        {"cong dien", DocKind::Telegram},
        {"cong van", DocKind::Letter},
        {"dieu le", DocKind::Charter},
        {"nghi dinh", DocKind::Decree},
        {"thong tu", DocKind::Circular},
        {"bo luat", DocKind::Law},
        {"luat", DocKind::Law},
        {"phap lenh", DocKind::Ordinance},
    };
    return k;
}

// Type abbreviations in the symbol (Appendix III; legal normative types).
struct Abbrev {
    std::string_view abbr;
    DocKind kind;
};
const std::vector<Abbrev>& abbreviations() {
    static const std::vector<Abbrev> k = {
        {"NQ", DocKind::Resolution}, {"QĐ", DocKind::Decision},  {"CT", DocKind::Directive},
        {"QC", DocKind::Regulation}, {"QyĐ", DocKind::Rules},     {"TC", DocKind::Communique},
        {"TB", DocKind::Notice},     {"HD", DocKind::Guidance},   {"CTr", DocKind::Programme},
        {"KH", DocKind::Plan},       {"PA", DocKind::Scheme},     {"ĐA", DocKind::Project},
        {"DA", DocKind::Venture},    {"BC", DocKind::Report},     {"BB", DocKind::Minutes},
        {"TTr", DocKind::Submission}, {"HĐ", DocKind::Contract},  {"CĐ", DocKind::Telegram},
        {"BGN", DocKind::Memorandum}, {"BTT", DocKind::Agreement}, {"GUQ", DocKind::Authorization},
        {"GM", DocKind::Invitation}, {"GGT", DocKind::Referral},  {"GNP", DocKind::Leave},
        {"PG", DocKind::SendingSlip}, {"PC", DocKind::TransferSlip}, {"PB", DocKind::NoticeSlip},
        {"PT", DocKind::SubmissionSlip}, {"NĐ", DocKind::Decree}, {"TT", DocKind::Circular},
        {"TTLT", DocKind::Circular}, {"L", DocKind::Law},
    };
    return k;
}

bool is_national_title(std::string_view f) {
    return f.find("cong hoa xa hoi") != std::string_view::npos ||
           f.find("chu nghia viet nam") != std::string_view::npos;
}
bool is_party_title(std::string_view f) { return f.find("dang cong san viet nam") != std::string_view::npos; }
bool is_motto(std::string_view f) {
    return f.find("doc lap") != std::string_view::npos && (f.find("tu do") != std::string_view::npos ||
                                                           f.find("hanh phuc") != std::string_view::npos);
}
bool is_number_line(std::string_view text) {
    // Cut on a code point boundary: fold() leaves invalid UTF-8 unfolded.
    std::string f = utf8::fold(text.substr(0, utf8::floor_boundary(text, std::min<size_t>(text.size(), 12))));
    if (!starts_with(f, "so")) return false;
    if (f.size() > 2 && f[2] != ' ') return false;  // "sở", "số lượng" fold to "so ..." too:
    // require a colon, a digit or a slash soon after "Số".
    auto rest = text.substr(0, std::min<size_t>(text.size(), 24));
    return rest.find(':') != std::string_view::npos || rest.find('/') != std::string_view::npos ||
           std::any_of(rest.begin() + 3, rest.end(), [](char c) { return c >= '0' && c <= '9'; });
}
// "<place>, ngày dd tháng mm năm yyyy" or "<place>, ngày dd/mm/yyyy" (folded).
// `placeless` also accepts a line that starts with "ngày" (place left out),
// which is only safe above a type name.
bool is_place_date(std::string_view f, bool placeless = false) {
    auto ngay = f.find("ngay");
    if (ngay == std::string_view::npos || ngay >= 60 || (ngay == 0 && !placeless)) return false;
    if (ngay > 0 && f[ngay - 1] != ' ') return false;
    if (f.find("thang", ngay) != std::string_view::npos && f.find("nam", ngay) != std::string_view::npos) return true;
    // Slash form folds to "ngay 12 3 2023".
    std::string_view rest = f.substr(ngay + 4);
    int groups = 0;
    size_t i = 0;
    while (i < rest.size() && groups < 3) {
        if (rest[i] != ' ') return false;
        size_t j = ++i;
        while (j < rest.size() && rest[j] >= '0' && rest[j] <= '9') ++j;
        if (j == i) return false;
        ++groups;
        i = j;
    }
    return groups == 3;
}
// "KẾ HOẠCH" alone (upper case) or as the first words of an upper-case line.
std::optional<TypeName> type_line(std::string_view text) {
    std::string_view t = utf8::trim(text);
    if (!t.empty() && t.back() == ':') return std::nullopt;  // "QUYẾT ĐỊNH:" opens the articles
    std::string f = utf8::fold(t);
    if (!utf8::is_upper_text(t)) return std::nullopt;
    for (const auto& tn : type_names()) {
        if (f == tn.folded) return tn;
    }
    if (utf8::count(t) > 120) return std::nullopt;
    // "ĐƠN ĐỀ NGHỊ ...", "ĐƠN XIN ...": an application names its request on the same line.
    for (std::string_view req : {"don de nghi", "don xin", "don kien nghi", "don khieu nai", "don to cao",
                                 "don dang ky", "don yeu cau", "don de xuat", "don trinh bay", "don xac nhan"})
        if (starts_with(f, req) && (f.size() == req.size() || f[req.size()] == ' '))
            return TypeName{"don", DocKind::Application};
    // The type name with more words on its line: "PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC",
    // "ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG)", "BIÊN BẢN HỌP ...". Not for one-word names
    // that open other phrases ("LUẬT SƯ").
    for (const auto& tn : type_names()) {
        if (tn.folded == "luat" || tn.folded.find(' ') == std::string_view::npos) continue;
        if (f.size() > tn.folded.size() && starts_with(f, tn.folded) && f[tn.folded.size()] == ' ') return tn;
    }
    return std::nullopt;
}

const char* kBasisLeads[] = {"can cu", "thuc hien", "trien khai", "theo de nghi", "xet de nghi"};
std::string basis_lead(std::string_view text) {
    std::string f = utf8::fold(text.substr(0, utf8::floor_boundary(text, std::min<size_t>(text.size(), 40))));
    for (const char* lead : kBasisLeads)
        if (starts_with(f, lead) && (f.size() == std::strlen(lead) || f[std::strlen(lead)] == ' ')) {
            // Return the original words for display.
            size_t words = static_cast<size_t>(std::count(lead, lead + std::strlen(lead), ' ')) + 1;
            size_t i = 0;
            for (size_t w = 0; w < words && i < text.size(); ++w) {
                while (i < text.size() && text[i] != ' ') ++i;
                if (w + 1 < words) ++i;
            }
            return std::string(text.substr(0, i));
        }
    return {};
}

bool is_recipients(std::string_view f) { return starts_with(f, "noi nhan"); }
bool is_archive(std::string_view f) { return starts_with(f, "luu") && f.size() > 3; }

bool is_signing_authority(std::string_view text) {
    for (std::string_view p : {"TM.", "KT.", "Q.", "TL.", "TUQ.", "T/M", "K/T", "T.M."})
        if (starts_with(text, p)) return true;
    return false;
}

// A personal name line: 2-6 words, each capitalised, no digits or punctuation;
// a military or police rank or an academic title may come first ("Thiếu tướng
// Nguyễn Văn A", "TS. Trần Thị B").
bool is_name_line(std::string_view text) {
    if (text.empty() || text.size() > 80) return false;
    {
        std::string f = utf8::fold(text);
        for (std::string_view rank : {"dai tuong ", "thuong tuong ", "trung tuong ", "thieu tuong ", "dai ta ",
                                      "thuong ta ", "trung ta ", "thieu ta ", "dai uy ", "thuong uy ", "trung uy ",
                                      "thieu uy "}) {
            if (starts_with(f, rank)) {
                // Skip the same number of words in the original text.
                size_t words = static_cast<size_t>(std::count(rank.begin(), rank.end(), ' '));
                size_t i = 0;
                for (size_t k = 0; k < words && i < text.size(); ++k) {
                    i = text.find(' ', i);
                    if (i == std::string_view::npos) return false;
                    ++i;
                }
                text = text.substr(i);
                break;
            }
        }
        for (std::string_view title : {"PGS.TS. ", "PGS. TS. ", "GS.TS. ", "TS. ", "ThS. ", "Ths. ", "BS. ", "KS. "})
            if (starts_with(text, title)) { text = text.substr(title.size()); break; }
    }
    int words = 0;
    bool at_word_start = true;
    for (size_t i = 0; i < text.size();) {
        char32_t c = utf8::next(text, i);
        if (c == ' ') { at_word_start = true; continue; }
        if (!utf8::is_letter(c)) return false;
        if (at_word_start) {
            std::string one;
            utf8::append(one, c);
            if (utf8::upper(one) != one) return false;
            ++words;
            at_word_start = false;
        }
    }
    return words >= 2 && words <= 6 && !utf8::is_upper_text(text);
}

bool is_signed_marker(std::string_view f) {
    return f == "da ky" || f == "ky ten" || f == "ky ten dong dau" || f == "ky" || starts_with(f, "da ky");
}

// "DỰ THẢO", "(Dự thảo)", "Dự thảo lần 2" on a line of its own.
// Not a summary that opens with the words ("Dự thảo Quy chế làm việc").
bool is_draft_mark(std::string_view text) {
    std::string f = utf8::fold(text);
    if (!starts_with(f, "du thao") || (f.size() > 7 && f[7] != ' ') || utf8::count(text) > 40) return false;
    if (f.size() == 7 || starts_with(f, "du thao lan ") || utf8::is_upper_text(text)) return true;
    std::string_view rest = std::string_view(f).substr(8);  // "dự thảo 2", "dự thảo v3"
    if (!rest.empty() && rest.front() == 'v') rest.remove_prefix(1);
    return !rest.empty() && std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "V/v ..." / "Về việc ..." under the number of an official letter.
bool is_subject_line(std::string_view f) { return starts_with(f, "v v ") || starts_with(f, "ve viec "); }
bool is_addressee(std::string_view f) { return starts_with(f, "kinh gui"); }
// A line ending in a drawn rule: four or more '-', '_' or '*' after a space.
bool ends_with_rule(std::string_view t) {
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    size_t n = 0;
    while (n < t.size() && (t[t.size() - 1 - n] == '-' || t[t.size() - 1 - n] == '_' || t[t.size() - 1 - n] == '*')) ++n;
    return n >= 4 && n < t.size() && t[t.size() - 1 - n] == ' ';
}

// "(Ban hành kèm theo Quyết định số .../QĐ-UBND ngày ...)", "(Kèm theo Tờ trình số ...)".
bool is_attachment_note(std::string_view f) {
    if (!(starts_with(f, "ban hanh kem theo ") || starts_with(f, "kem theo ") ||
          starts_with(f, "phe duyet kem theo ") || starts_with(f, "duoc phe duyet kem theo ")))
        return false;
    for (std::string_view doc : {"quyet dinh", "nghi quyet", "thong tu", "nghi dinh", "to trinh", "bao cao",
                                 "ke hoach", "cong van", "chi thi", "van ban", " so "})
        if (f.find(doc) != std::string_view::npos) return true;
    return false;
}

// The authority line of a decision, above its legal bases:
// "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...", "GIÁM ĐỐC SỞ ...", "ỦY BAN NHÂN DÂN ...".
bool is_authority_line(std::string_view text) {
    if (!utf8::is_upper_text(text) || utf8::count(text) > 160) return false;
    std::string f = utf8::fold(text);
    for (std::string_view w : {"chu tich", "giam doc", "pho giam doc", "tong giam doc", "bo truong", "thu tuong",
                               "chinh phu", "uy ban nhan dan", "hoi dong nhan dan", "hoi dong", "chanh van phong",
                               "truong ban", "cuc truong", "chi cuc truong", "vien truong", "hieu truong",
                               "ban chap hanh", "ban thuong vu", "thong doc", "tong cuc truong", "chanh an",
                               "vien truong vien kiem sat", "tong kiem toan", "truong phong"})
        if (starts_with(f, w) && (f.size() == w.size() || f[w.size()] == ' ')) return true;
    return false;
}

// The symbol of "Số: 12/TTr-SNV", "Số: 293/2025/NĐ-CP", "Số 17-CTr/TU", "Số: 5816 /BNV-CCHC".
struct Symbol {
    std::string abbr;   // the first group: "TTr", "NĐ", "BNV" (an official letter's issuer), "CTr" (Party)
    std::string text;   // the symbol as written after the number
    bool year = false;  // "/2025/": a legal normative document's number
    bool assembly = false;  // "/QH14", "/UBTVQH15": National Assembly or its Standing Committee
};
std::optional<Symbol> parse_symbol(std::string_view line) {
    size_t slash = line.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    Symbol s;
    // Party form: "17-CTr/TU": the type sits between '-' and '/'.
    size_t start = slash;
    while (start > 0 && line[start - 1] != ' ' && line[start - 1] != ':') --start;
    std::string_view before = line.substr(start, slash - start);
    size_t end = slash + 1;
    while (end < line.size() && line[end] != ' ' && line[end] != ',' && line[end] != ';') ++end;
    std::string_view after = line.substr(slash + 1, end - slash - 1);
    s.text = std::string(line.substr(start, end - start));
    if (auto dash = before.find('-'); dash != std::string_view::npos) {
        s.abbr = std::string(before.substr(dash + 1));
        return s;
    }
    if (after.size() > 5 && std::all_of(after.begin(), after.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
        after[4] == '/') {
        s.year = true;
        after = after.substr(5);
    }
    size_t dash = after.find('-');
    s.abbr = std::string(utf8::trim(after.substr(0, dash)));
    std::string_view whole = after;
    auto qh = whole.find("QH");
    if (qh != std::string_view::npos && qh + 2 < whole.size() && whole[qh + 2] >= '0' && whole[qh + 2] <= '9')
        s.assembly = true;
    return s;
}

std::optional<DocKind> kind_of_abbr(std::string_view abbr) {
    for (const auto& a : abbreviations())
        if (a.abbr == abbr) return a.kind;
    return std::nullopt;
}

std::string quote(std::string_view t, size_t n = 60) {
    std::string s(utf8::trim(t));
    if (s.size() > n) s = s.substr(0, utf8::floor_boundary(s, n)) + "…";
    return "\"" + s + "\"";
}

}  // namespace

DocKind kind_from_type_name(std::string_view folded) {
    for (const auto& tn : type_names())
        if (folded == tn.folded) return tn.kind;
    return DocKind::Unknown;
}

bool is_type_name(std::string_view folded) { return kind_from_type_name(folded) != DocKind::Unknown; }

namespace {

void scan_header(const SourceDocument& doc, Outline& out) {
    HeaderInfo& h = out.header;
    const auto n = flow_end(doc);
    const uint32_t scan = std::min(n, kHeaderScan);
    uint32_t type_at = n;
    for (uint32_t b = 0; b < scan; ++b) {
        const std::string& t = doc.blocks[b].text;
        if (auto tn = type_line(t)) {
            type_at = b;
            h.doc_type = b;
            h.doc_type_name = std::string(utf8::trim(t));
            out.kind = tn->kind;
            break;
        }
        if (!basis_lead(t).empty() || parse_label(t).kind == LabelKind::Roman) break;
    }
    // Header fields: everything above the type name (or the first blocks if none).
    uint32_t limit = type_at < n ? type_at : std::min(scan, n);
    if (type_at >= n) {
        // No type name: the header can only be above the first numbered item or basis.
        for (uint32_t b = 0; b < limit; ++b)
            if (parse_label(doc.blocks[b].text).kind != LabelKind::None || !basis_lead(doc.blocks[b].text).empty()) {
                limit = b;
                break;
            }
    }
    // Without a type name (an official letter), the issuing body is above the
    // number and date: the left column of the header.
    uint32_t agency_limit = limit;
    if (type_at >= n) {
        for (uint32_t b = 0; b < limit; ++b)
            if (is_number_line(doc.blocks[b].text) || is_place_date(utf8::fold(doc.blocks[b].text)) ||
                is_subject_line(utf8::fold(doc.blocks[b].text))) {
                agency_limit = b;
                break;
            }
        if (agency_limit == limit) agency_limit = 0;
    }
    for (uint32_t b = 0; b < limit; ++b) {
        const std::string& t = doc.blocks[b].text;
        std::string f = utf8::fold(t);
        bool used = false;
        if (is_draft_mark(t)) { h.draft_mark = b; continue; }
        if (is_subject_line(f) && !h.subject) { h.subject = b; continue; }
        if (is_addressee(f)) { h.addressee = b; continue; }
        if (is_party_title(f)) { h.party = true; h.national_title = b; used = true; }
        else if (is_national_title(f)) { h.national_title = b; used = true; }
        if (is_motto(f)) { h.motto = b; used = true; }
        if (is_number_line(t)) { h.number = b; used = true; }
        if (is_place_date(f, type_at < n) && !h.place_date && parse_label(t).kind == LabelKind::None &&
                 utf8::count(t) < 160) {
            h.place_date = b;
            used = true;
        }
        if (!used && b > 0 && h.national_title == b - 1) {
            // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM": the title typed on two lines.
            std::string prev = utf8::fold(doc.blocks[b - 1].text);
            used = prev.find("viet nam") == std::string::npos && (prev + " " + f).find("chu nghia viet nam") != std::string::npos;
        }
        if (!used && (type_at < n || b < agency_limit) && utf8::is_upper_text(t) && !basis_lead(t).size() &&
            utf8::count(t) < 120)
            h.agency.push_back(b);
        if (used && (h.national_title == b) && !is_motto(f)) {
            // "SỞ TÀI NGUYÊN ...   CỘNG HÒA XÃ HỘI ..." on one line: agency text before the title.
            auto pos = f.find(h.party ? "dang cong san" : "cong hoa");
            if (pos != std::string::npos && pos > 3) h.agency.push_back(b);
        } else if (used && h.motto == b && std::find(h.agency.begin(), h.agency.end(), b) == h.agency.end()) {
            // "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG   Độc lập - Tự do - Hạnh phúc": the
            // second line of the issuing body shares the line with the motto.
            auto pos = f.find("doc lap");
            if (pos != std::string::npos && pos > 3 &&
                utf8::is_upper_text(t.substr(0, utf8::floor_boundary(t, std::min<size_t>(t.size(), 12)))))
                h.agency.push_back(b);
        }
    }
    if (type_at >= n) {
        // An attached table or appendix without a type name: "(Ban hành kèm
        // theo Quyết định số ...)" among its first lines.
        for (uint32_t b = 0; b < std::min<uint32_t>(n, 6); ++b)
            if (is_attachment_note(utf8::fold(doc.blocks[b].text)) && utf8::count(doc.blocks[b].text) < 300) {
                h.attachment_note = b;
                break;
            }
        h.end = 0;
        for (uint32_t b = 0; b < limit; ++b)
            if (h.number == b || h.place_date == b || h.national_title == b || h.motto == b ||
                std::find(h.agency.begin(), h.agency.end(), b) != h.agency.end())
                h.end = b + 1;
        return;
    }
    // Title: the summary lines after the type name, up to a basis, a label, or a
    // separator line; at most 4 blocks.
    uint32_t b = type_at + 1;
    for (; b < n && b < type_at + 5; ++b) {
        const std::string& t = doc.blocks[b].text;
        // The line right after the type name is the summary even when it opens
        // with a basis word ("Triển khai Quyết định số 1676/QĐ-TTg ..."); only
        // "Căn cứ" ends the title there.
        std::string lead = basis_lead(t);
        bool first = h.title.empty();
        if ((!lead.empty() && (!first || utf8::fold(lead) == "can cu")) ||
            parse_label(t).kind != LabelKind::None)
            break;
        std::string f = utf8::fold(t);
        if (f.empty()) { ++b; break; }  // "-----" separator
        if (!h.title.empty() && is_authority_line(t)) {
            // "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ..." between the summary and the bases.
            h.authority = b;
            ++b;
            break;
        }
        if (is_attachment_note(f) || (!h.title.empty() && f.rfind("kem theo", 0) == 0)) {
            // "(Kèm theo Quyết định số ...", possibly on two lines up to ')'.
            h.attachment_note = b;
            while (b + 1 < n && b + 1 < type_at + 7 && t.find(')') == std::string::npos &&
                   doc.blocks[b + 1].text.find(')') != std::string::npos &&
                   doc.blocks[b + 1].text.size() < 200 && parse_label(doc.blocks[b + 1].text).kind == LabelKind::None)
                ++b;
            ++b;
            break;
        }
        if (is_draft_mark(t)) { h.draft_mark = b; continue; }
        // "Kính gửi: ..." under the summary of a Tờ trình or a letter: the
        // addressee, and the end of the title (the body follows it).
        if (is_addressee(f)) {
            if (!h.addressee) h.addressee = b;
            ++b;
            break;
        }
        h.title.push_back(b);
        if (t.size() > 0 && (t.back() == '.' || t.back() == ':')) { ++b; break; }
        // The rule printed under the title ("-----"), read onto its last line
        // (a PDF's line joined with the rule below it): the title ends there.
        if (ends_with_rule(t)) { ++b; break; }
        if (h.title.size() >= 1 && b + 1 < n && basis_lead(doc.blocks[b + 1].text).empty() &&
            parse_label(doc.blocks[b + 1].text).kind == LabelKind::None &&
            doc.blocks[b + 1].text.size() > 200) {
            ++b;
            break;
        }
    }
    h.end = b;
}

void scan_closing(const SourceDocument& doc, Outline& out, uint32_t n) {
    ClosingInfo& c = out.closing;
    c.begin = n;
    uint32_t lo = n > 40 ? n - 40 : out.header.end;
    lo = std::max(lo, out.header.end);
    for (uint32_t b = n; b-- > lo;) {
        if (is_recipients(utf8::fold(doc.blocks[b].text))) { c.recipients = b; break; }
    }
    // Signer: the last blocks of the document (before or after the recipients list).
    // Walk back from the end over short upper-case lines, names and "(Đã ký)",
    // after any page number left at the foot ("3", "- 3 -", "Trang 3").
    uint32_t b = n;
    while (b > lo) {
        std::string f = utf8::fold(doc.blocks[b - 1].text);
        if (starts_with(f, "trang ")) f = f.substr(6);
        if (f.empty() || f.size() > 4 || !std::all_of(f.begin(), f.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
            break;
        --b;
    }
    const uint32_t foot = b;
    while (b > lo) {
        const std::string& t = doc.blocks[b - 1].text;
        std::string f = utf8::fold(t);
        bool signer_line = is_name_line(t) || is_signed_marker(f) || is_signing_authority(t) ||
                           (utf8::is_upper_text(t) && t.size() < 120 && parse_label(t).kind == LabelKind::None);
        if (c.recipients && b - 1 > *c.recipients) {
            // After "Nơi nhận": list items, the archive line and then the signer.
            if (parse_label(t).kind != LabelKind::None || is_archive(f)) break;
        }
        if (!signer_line || (c.recipients && b - 1 == *c.recipients)) break;
        --b;
    }
    uint32_t signer_from = b;
    for (uint32_t k = signer_from; k < foot; ++k) {
        const std::string& t = doc.blocks[k].text;
        std::string f = utf8::fold(t);
        if (is_signed_marker(f)) continue;
        if (is_signing_authority(t)) c.authority = k;
        else if (is_name_line(t)) c.signer_name = k;
        else c.signer_position.push_back(k);
    }
    if (c.recipients) {
        for (uint32_t k = *c.recipients + 1; k < signer_from; ++k) {
            std::string f = utf8::fold(doc.blocks[k].text);
            Label l = parse_label(doc.blocks[k].text);
            std::string_view rest = std::string_view(doc.blocks[k].text).substr(l.length);
            if (is_archive(utf8::fold(rest)) || is_archive(f)) c.archive = k;
            else c.recipient_items.push_back(k);
        }
    }
    // Signature tables read row by row: "Nơi nhận:" | "TM. ỦY BAN NHÂN DÂN", then
    // "- Như Điều 4;" | "CHỦ TỊCH": the signer's lines sit among the recipients.
    if (!c.authority && c.signer_position.empty() && !c.signer_name && c.recipients) {
        std::vector<uint32_t> items;
        for (uint32_t k : c.recipient_items) {
            const std::string& t = doc.blocks[k].text;
            if (parse_label(t).kind != LabelKind::None || is_archive(utf8::fold(t))) { items.push_back(k); continue; }
            if (is_signing_authority(t)) c.authority = k;
            else if (is_name_line(t)) c.signer_name = k;
            else if (utf8::is_upper_text(t) && t.size() < 80) c.signer_position.push_back(k);
            else items.push_back(k);
        }
        c.recipient_items = std::move(items);
    }
    // If the signer came before "Nơi nhận" (two-column layouts flattened), look there too.
    if (!c.signer_name && c.recipients) {
        uint32_t k = *c.recipients;
        while (k > lo) {
            const std::string& t = doc.blocks[k - 1].text;
            std::string f = utf8::fold(t);
            if (is_name_line(t)) { c.signer_name = k - 1; }
            else if (is_signing_authority(t)) { c.authority = k - 1; }
            else if (utf8::is_upper_text(t) && t.size() < 80 && parse_label(t).kind == LabelKind::None) {
                c.signer_position.insert(c.signer_position.begin(), k - 1);
            } else if (!is_signed_marker(f)) break;
            --k;
        }
        if (k < *c.recipients) signer_from = k;
    }
    c.begin = std::min(c.recipients.value_or(n), signer_from);
}

void scan_bases(const SourceDocument& doc, Outline& out) {
    uint32_t b = out.header.end;
    for (; b < out.body_end; ++b) {
        const std::string& t = doc.blocks[b].text;
        if (!doc.blocks[b].label->empty()) break;
        std::string lead = basis_lead(t);
        if (lead.empty()) break;
        out.bases.push_back({b, lead});
    }
    out.body_begin = b;
}

// How much of a text is readable Vietnamese: words that are syllables among the
// words counted (numbers and abbreviations like UBND, CCHC are not counted).
struct Readability {
    int words = 0, good = 0;
    void add(std::string_view text) {
        size_t i = 0;
        auto sep = [](char ch) {
            return ch == ' ' || ch == ',' || ch == ':' || ch == ';' || ch == '.' || ch == '(' || ch == ')' || ch == '"';
        };
        while (i < text.size()) {
            while (i < text.size() && (sep(text[i]) || text[i] == '-')) ++i;
            size_t b = i;
            while (i < text.size() && !sep(text[i])) ++i;
            std::string_view w = text.substr(b, i - b);
            if (w.empty()) continue;
            bool digit = false, letter = false;
            for (size_t k = 0; k < w.size();) {
                char32_t c = utf8::next(w, k);
                if (c >= '0' && c <= '9') digit = true;
                else if (utf8::is_letter(c)) letter = true;
            }
            if (!letter) continue;                                                  // numbers, symbols
            if (!digit && utf8::is_upper_text(w) && utf8::count(w) > 1) continue;  // abbreviations
            ++words;
            if (!digit && legacy::is_syllable(w)) ++good;  // it folds the case itself
        }
    }
    // Share of good words below `share` (with at least `min_words` counted).
    bool below(double share, int min_words) const { return words >= min_words && good < share * words; }
};

// A line too garbled to read (poor OCR: "Thirnh phin mtri", "Nguy6n Ngqc"): its
// label ("l." read for "1.") is no evidence of the document's numbering. In a
// document that is poorly recognised as a whole, a line must be clean to count.
bool unreadable_line(std::string_view text, bool poor_document) {
    Readability r;
    r.add(text);
    return poor_document ? r.below(0.9, 2) : r.below(0.6, 3);
}

void scan_sections(const SourceDocument& doc, Outline& out, uint32_t from, uint32_t to, int segment) {
    std::vector<int> stack;  // indices of open sections
    std::vector<int> ranks;
    int quote_depth = 0, quoted_blocks = 0;
    Readability whole;
    for (uint32_t b = from; b < to; ++b) whole.add(doc.blocks[b].text);
    const bool poor = whole.below(0.85, 50);
    for (uint32_t b = from; b < to; ++b) {
        deadline::check();
        const Block& blk = doc.blocks[b];
        // Numbers in table cells (rows of a list, Word numbering in a table) are
        // not section numbers.
        if (blk.in_table) continue;
        // An appendix or attached form whose table was read as lines (PDF): from
        // its "STT" column heading on, numbered lines are the table's rows.
        if (segment > 0 || out.header.attachment_note) {
            // The heading row may be read as one line with the other column
            // heads ("Chỉ tiêu thống kê ... STT ... Ghi chú").
            std::string f = " " + utf8::fold(blk.text) + " ";
            if (f == " stt " || f == " tt " || (f.size() < 120 && f.find(" stt ") != std::string::npos)) break;
        }
        // Quoted text (a cited clause: “4. Nhiệm kỳ đại hội: a) ... b) ...”) keeps
        // its own numbering: labels inside an open quotation are not sections.
        {
            std::string_view t = utf8::trim(blk.text);
            int opens = 0, closes = 0;
            for (size_t i = 0; i < t.size();) {
                char32_t c = utf8::next(t, i);
                if (c == 0x201C || c == 0x00AB) ++opens;
                else if (c == 0x201D || c == 0x00BB) ++closes;
            }
            bool starts_quoted = t.substr(0, 3) == "\u201C" || t.substr(0, 2) == "\u00AB";
            if (quote_depth > 0) {
                quote_depth += opens - closes;
                if (quote_depth < 0 || ++quoted_blocks > 40) quote_depth = 0;
                continue;
            }
            if (opens > closes) {
                // A quotation opened here runs on into the next blocks
                // ("... quy định: “Điều 18. ..." then "6. Chậm nhất ...").
                quote_depth = opens - closes;
                quoted_blocks = 0;
                if (starts_quoted) continue;
            } else if (starts_quoted) {
                continue;
            }
        }
        Label l = blk.label->empty() ? parse_label(blk.text) : parse_container_label(*blk.label);
        if (l.kind == LabelKind::None) continue;
        if (unreadable_line(std::string_view(blk.text).substr(l.length), poor)) continue;
        int rank = label_rank(l);
        while (!ranks.empty() && ranks.back() >= rank) {
            out.sections[static_cast<size_t>(stack.back())].body_end = b;
            stack.pop_back();
            ranks.pop_back();
        }
        Section s;
        s.label_kind = l.kind;
        s.label = blk.label->empty() ? l.text : std::string(utf8::trim(*blk.label));
        s.number = l.number;
        s.block = b;
        s.label_ref = {b, 0, static_cast<uint32_t>(l.length ? l.text.size() : 0)};
        std::string_view rest = std::string_view(blk.text).substr(l.length);
        // Title: up to the first ':' when the item continues after it ("1. Mục tiêu: ..."),
        // else the whole rest.
        size_t colon = rest.find(':');
        size_t title_len = rest.size();
        if (colon != std::string_view::npos && colon < 160) title_len = colon;
        std::string_view title = utf8::trim(rest.substr(0, title_len));
        while (!title.empty() && (title.back() == '.' || title.back() == ':')) title.remove_suffix(1);
        s.title = std::string(title);
        auto tb = static_cast<uint32_t>(l.length + (title.empty() ? 0 : (title.data() - rest.data())));
        s.title_ref = {b, tb, static_cast<uint32_t>(tb + title.size())};
        s.heading = utf8::count(rest) <= 160 && (colon == std::string_view::npos || colon + 2 >= rest.size());
        s.depth = static_cast<int>(stack.size());
        s.parent = stack.empty() ? -1 : stack.back();
        s.body_end = to;
        s.segment = segment;
        int idx = static_cast<int>(out.sections.size());
        if (s.parent >= 0) out.sections[static_cast<size_t>(s.parent)].children.push_back(idx);
        out.sections.push_back(std::move(s));
        stack.push_back(idx);
        ranks.push_back(rank);
    }
}

// Attachments after the main document: "(Kèm theo Quyết định số ...)" under a
// type name ("ĐIỀU LỆ", "QUY CHẾ") or a "PHỤ LỤC" line, once the main
// document's own text has started.
// "PHỤ LỤC", "Phụ lục I", "Phụ lục 02: DANH MỤC ..." on a line of its own.
bool is_appendix_heading(std::string_view text) {
    std::string_view t = utf8::trim(text);
    if (utf8::count(t) > 100 || t.empty() || t.back() == '.' || t.back() == ';' || t.back() == ',') return false;
    std::string f = utf8::fold(t);
    if (!starts_with(f, "phu luc")) return false;
    if (f.size() == 7) return true;
    if (f[7] != ' ') return false;
    size_t sp = f.find(' ', 8);
    std::string w = f.substr(8, sp == std::string::npos ? std::string::npos : sp - 8);
    bool numeral = !w.empty() && (std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
                                  roman_value(utf8::upper(w)) > 0 || (w.size() == 1 && w[0] >= 'a' && w[0] <= 'h'));
    return numeral || utf8::is_upper_text(t);
}

void scan_attachments(const SourceDocument& doc, Outline& out) {
    const auto n = static_cast<uint32_t>(doc.blocks.size());
    // An attachment follows the main document's closing: without a "Nơi nhận"
    // or a signing authority ("TM.", "KT.") before it, a "Phụ lục" line or a
    // "(kèm theo ...)" note is part of the body.
    uint32_t closing_seen = n;
    for (uint32_t b = out.header.end; b < n; ++b)
        if (is_recipients(utf8::fold_head(doc.blocks[b].text, 8)) || is_signing_authority(doc.blocks[b].text)) {
            closing_seen = b;
            break;
        }
    for (uint32_t b = out.header.end; b < n; ++b) {
        if (b <= closing_seen) continue;
        if (doc.blocks[b].in_table) continue;
        std::string f = utf8::fold(doc.blocks[b].text);
        if (is_appendix_heading(doc.blocks[b].text)) {
            Attachment a;
            a.begin = b;
            // The note, when there is one, follows within a few lines.
            for (uint32_t k = b + 1; k < n && k < b + 4; ++k)
                if (is_attachment_note(utf8::fold(doc.blocks[k].text))) { a.note = k; break; }
            if (out.attachments.empty() || a.begin > out.attachments.back().begin) out.attachments.push_back(a);
            b = a.note.value_or(b);
            continue;
        }
        if (!is_attachment_note(f) || utf8::count(doc.blocks[b].text) > 300) continue;
        Attachment a;
        a.note = b;
        a.begin = b;
        for (uint32_t k = b; k-- > out.header.end && k + 5 > b;) {
            if (auto tn = type_line(doc.blocks[k].text)) {
                a.doc_type = k;
                a.kind = tn->kind;
                a.begin = k;
                break;
            }
            std::string fk = utf8::fold(doc.blocks[k].text);
            if (starts_with(fk, "phu luc") && utf8::count(doc.blocks[k].text) < 120) { a.begin = k; break; }
        }
        // Its own header (issuing body, national title, motto) just above it.
        for (uint32_t k = a.begin; k-- > out.header.end && k + 8 > a.begin;) {
            std::string fk = utf8::fold(doc.blocks[k].text);
            if (is_national_title(fk) || is_motto(fk) || is_party_title(fk)) {
                uint32_t top = k;
                while (top > out.header.end && utf8::is_upper_text(doc.blocks[top - 1].text) &&
                       utf8::count(doc.blocks[top - 1].text) < 100 && top + 8 > a.begin &&
                       !is_signing_authority(doc.blocks[top - 1].text))
                    --top;
                a.begin = top;
            }
        }
        if (!out.attachments.empty() && a.begin <= out.attachments.back().begin) continue;
        out.attachments.push_back(a);
        b = a.note.value_or(b);
    }
}

// "Số:    /KH-UBND": no digit between "Số" and the first '/'.
bool number_left_blank(std::string_view text) {
    auto slash = text.find('/');
    if (slash == std::string_view::npos) return false;
    return std::none_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(slash),
                        [](char c) { return c >= '0' && c <= '9'; });
}
// "..., ngày    tháng 3 năm 2024": no digit between "ngày" and "tháng".
bool day_left_blank(std::string_view text) {
    std::string f = utf8::fold(text);
    auto ngay = f.find("ngay"), thang = f.find("thang");
    if (ngay == std::string::npos || thang == std::string::npos || thang < ngay) return false;
    return std::none_of(f.begin() + static_cast<std::ptrdiff_t>(ngay), f.begin() + static_cast<std::ptrdiff_t>(thang),
                        [](char c) { return c >= '0' && c <= '9'; });
}

// A file name marked as a draft: "Du_thao_KE_HOACH.docx", "Ke hoach (du thao).docx",
// "plan-draft.docx". Not "Gop_y_du_thao_..." (comments on someone else's draft)
// nor "Vv_lay_y_kien_du_thao_..." (a letter asking for them).
bool file_name_is_draft(const std::string& path) {
    auto slash = path.find_last_of("/\\");
    std::string name = path.substr(slash == std::string::npos ? 0 : slash + 1);
    auto dot = name.find_last_of('.');
    if (dot != std::string::npos && dot > 0) name = name.substr(0, dot);
    for (char& c : name)
        if (c == '_' || c == '-' || c == '.' || c == '+' || c == '(' || c == ')' || c == '[' || c == ']') c = ' ';
    std::string f = utf8::fold(name);
    // "du thao" / "draft" as whole words, unless the name is about someone
    // else's draft: "góp ý dự thảo", "lấy ý kiến dự thảo", "về dự thảo".
    std::string padded = " " + f + " ";
    for (std::string_view mark : {" du thao ", " duthao ", " draft "}) {
        for (size_t at = padded.find(mark); at != std::string::npos; at = padded.find(mark, at + 1)) {
            std::string before = padded.substr(0, at);
            auto sp = before.find_last_of(' ');
            std::string prev = sp == std::string::npos ? before : before.substr(sp + 1);
            if (prev == "y" || prev == "kien" || prev == "ve" || prev == "voi" || prev == "cho") continue;
            return true;
        }
    }
    return false;
}

bool legal_normative_kind(DocKind k) {
    return k == DocKind::Law || k == DocKind::Ordinance || k == DocKind::Decree || k == DocKind::Circular;
}

void classify(const SourceDocument& doc, Outline& out) {
    HeaderInfo& h = out.header;
    const auto n = static_cast<uint32_t>(doc.blocks.size());
    auto line = [&](uint32_t b) { return std::to_string(doc.blocks[b].line()); };
    std::optional<Symbol> sym;
    if (h.number) sym = parse_symbol(doc.blocks[*h.number].text);
    std::optional<DocKind> sym_kind;
    if (sym) sym_kind = kind_of_abbr(sym->abbr);

    if (h.doc_type) {
        out.evidence.push_back("type name " + quote(doc.blocks[*h.doc_type].text) + " (line " + line(*h.doc_type) +
                               ") = " + to_string(out.kind));
        if (sym && sym_kind && *sym_kind != out.kind)
            out.evidence.push_back("the symbol " + sym->text + " names another type (" + to_string(*sym_kind) +
                                   "): the type name is taken");
        else if (sym && sym_kind)
            out.evidence.push_back("the symbol " + sym->text + " (line " + line(*h.number) + ") agrees");
    } else if (sym && sym_kind) {
        out.kind = *sym_kind;
        out.evidence.push_back("no type name; the symbol " + sym->text + " (line " + line(*h.number) + ") abbreviates " +
                               to_string(out.kind));
    } else if (h.subject || h.addressee || (sym && !sym->abbr.empty() && !h.party)) {
        out.kind = DocKind::Letter;
        std::string why = "no type name";
        if (h.subject) why += "; \"V/v\" summary (line " + line(*h.subject) + ")";
        if (h.addressee) why += "; \"Kính gửi\" (line " + line(*h.addressee) + ")";
        if (sym) why += "; the symbol " + sym->text + " starts with the issuer, not a type";
        out.evidence.push_back(why + ": an official letter (công văn)");
    }
    if (out.kind == DocKind::Unknown && !h.addressee) {
        for (uint32_t b = 0; b < std::min<uint32_t>(n, 30); ++b)
            if (is_addressee(utf8::fold(doc.blocks[b].text))) {
                h.addressee = b;
                if (h.number || !h.agency.empty()) {
                    out.kind = DocKind::Letter;
                    out.evidence.push_back("no type name; \"Kính gửi\" (line " + line(b) +
                                           ") under a header: an official letter (công văn)");
                }
                break;
            }
    }

    // The class: which body of rules governs the layout.
    if (h.party) {
        out.doc_class = DocClass::Party;
        out.evidence.push_back("\"ĐẢNG CỘNG SẢN VIỆT NAM\" (line " + line(*h.national_title) + "): a Party document");
    } else if (h.attachment_note) {
        out.doc_class = DocClass::Attachment;
        out.evidence.push_back("issued with another document: " + quote(doc.blocks[*h.attachment_note].text) +
                               " (line " + line(*h.attachment_note) + ")");
    } else if (legal_normative_kind(out.kind)) {
        out.doc_class = DocClass::LegalNormative;
        out.evidence.push_back(std::string("a ") + to_string(out.kind) + " is a legal normative document");
    } else if (sym && (sym->year || sym->assembly) && out.kind != DocKind::Unknown) {
        out.doc_class = DocClass::LegalNormative;
        out.evidence.push_back("the number " + sym->text + (sym->year ? " carries the year" : " names the National Assembly") +
                               ": a legal normative document");
    } else if (out.kind == DocKind::SubmissionSlip) {
        out.doc_class = DocClass::Internal;
        out.evidence.push_back("a Phiếu trình is an internal form, not an issued document");
    } else if (out.kind == DocKind::Application) {
        out.doc_class = DocClass::Application;
        out.evidence.push_back("an Đơn is written to an agency: not an administrative document");
    } else if (out.kind == DocKind::Charter && !h.number) {
        out.doc_class = DocClass::Attachment;
        out.evidence.push_back("an Điều lệ without a number of its own is issued with a decision");
    } else if (out.kind != DocKind::Unknown && !h.number && !h.national_title && h.agency.empty() &&
               !h.place_date) {
        // "CHƯƠNG TRÌNH" over a conference agenda, "BÁO CÁO" over notes, a scan
        // whose header did not survive OCR: a kind with no header at all is
        // not laid out (or not read) as an issued document.
        out.evidence.push_back(std::string("the kind is told but there is no header (issuing body, number, national ") +
                               "title, date): not laid out as an issued document, class not told");
    } else if (out.kind != DocKind::Unknown) {
        out.doc_class = DocClass::Administrative;
    } else {
        out.evidence.push_back("no type name, no type in the symbol, no \"V/v\" or \"Kính gửi\": kind not told");
    }

    // Draft mode.
    if (!h.draft_mark)
        for (uint32_t b = 0; b < std::min<uint32_t>(n, kHeaderScan); ++b)
            if (is_draft_mark(doc.blocks[b].text)) { h.draft_mark = b; break; }
    if (h.draft_mark) {
        out.draft = true;
        out.draft_reason = quote(doc.blocks[*h.draft_mark].text) + " at line " + line(*h.draft_mark);
    } else if (file_name_is_draft(doc.path)) {
        out.draft = true;
        out.draft_reason = "the file name marks a draft";
    } else if (doc.format != "pdf" && h.number && h.place_date && number_left_blank(doc.blocks[*h.number].text) &&
               day_left_blank(doc.blocks[*h.place_date].text)) {
        // An editable file whose number and day are both still blank has not
        // been signed: they are filled in on signing (the office registers
        // the number then). A signed, printed PDF with a blank is another matter.
        out.draft = true;
        out.draft_reason = "the number and the day are both left blank (an unsigned working file)";
    }
    if (out.draft) out.evidence.push_back("draft: " + out.draft_reason);
}

}  // namespace

Outline build_header(const SourceDocument& doc) {
    Outline out;
    scan_header(doc, out);
    classify(doc, out);
    return out;
}

Outline build_outline(const SourceDocument& doc) {
    Outline out = build_header(doc);
    const auto n = flow_end(doc);
    scan_attachments(doc, out);
    uint32_t main_end = out.attachments.empty() ? n : out.attachments.front().begin;
    scan_closing(doc, out, main_end);
    out.body_end = out.closing.begin;
    if (out.header.end > out.body_end) out.header.end = out.body_end;
    scan_bases(doc, out);
    scan_sections(doc, out, out.body_begin, out.body_end, 0);
    for (size_t i = 0; i < out.attachments.size(); ++i) {
        const Attachment& a = out.attachments[i];
        uint32_t from = a.note.value_or(a.begin) + 1;
        uint32_t to = i + 1 < out.attachments.size() ? out.attachments[i + 1].begin : n;
        scan_sections(doc, out, from, to, static_cast<int>(i) + 1);
    }
    return out;
}

}  // namespace plancheck::structure
