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
        {"ke hoach", DocKind::Plan},
        {"bao cao", DocKind::Report},
        {"chuong trinh", DocKind::Programme},
        {"quyet dinh", DocKind::Decision},
        {"nghi quyet", DocKind::Resolution},
        {"chi thi", DocKind::Directive},
        {"thong bao", DocKind::Other},
        {"huong dan", DocKind::Other},
        {"to trinh", DocKind::Other},
        {"de an", DocKind::Other},
        {"phuong an", DocKind::Other},
        {"quy che", DocKind::Other},
        {"quy dinh", DocKind::Other},
        {"cong van", DocKind::Letter},
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
    std::string f = utf8::fold(text);
    for (const auto& tn : type_names()) {
        if (f == tn.folded && utf8::is_upper_text(text)) return tn;
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

// A personal name line: 2-6 words, each capitalised, no digits or punctuation.
bool is_name_line(std::string_view text) {
    if (text.empty() || text.size() > 80) return false;
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
    for (uint32_t b = 0; b < limit; ++b) {
        const std::string& t = doc.blocks[b].text;
        std::string f = utf8::fold(t);
        bool used = false;
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
        if (!used && type_at < n && utf8::is_upper_text(t) && !basis_lead(t).size()) h.agency.push_back(b);
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
        h.title.push_back(b);
        if (t.size() > 0 && (t.back() == '.' || t.back() == ':')) { ++b; break; }
        if (h.title.size() >= 1 && b + 1 < n && basis_lead(doc.blocks[b + 1].text).empty() &&
            parse_label(doc.blocks[b + 1].text).kind == LabelKind::None &&
            doc.blocks[b + 1].text.size() > 200) {
            ++b;
            break;
        }
    }
    h.end = b;
}

void scan_closing(const SourceDocument& doc, Outline& out) {
    const auto n = flow_end(doc);
    ClosingInfo& c = out.closing;
    c.begin = n;
    uint32_t lo = n > 40 ? n - 40 : out.header.end;
    lo = std::max(lo, out.header.end);
    for (uint32_t b = n; b-- > lo;) {
        if (is_recipients(utf8::fold(doc.blocks[b].text))) { c.recipients = b; break; }
    }
    // Signer: the last blocks of the document (before or after the recipients list).
    // Walk back from the end over short upper-case lines, names and "(Đã ký)".
    uint32_t b = n;
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
    for (uint32_t k = signer_from; k < n; ++k) {
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
        if (!doc.blocks[b].label.empty()) break;
        std::string lead = basis_lead(t);
        if (lead.empty()) break;
        out.bases.push_back({b, lead});
    }
    out.body_begin = b;
}

void scan_sections(const SourceDocument& doc, Outline& out) {
    std::vector<int> stack;  // indices of open sections
    std::vector<int> ranks;
    for (uint32_t b = out.body_begin; b < out.body_end; ++b) {
        const Block& blk = doc.blocks[b];
        // Numbers in table cells (a "STT" column, Word numbering in a cell)
        // number rows, not the document's sections.
        if (blk.in_table) continue;
        Label l = blk.label.empty() ? parse_label(blk.text) : parse_container_label(blk.label);
        if (l.kind == LabelKind::None) continue;
        int rank = label_rank(l);
        while (!ranks.empty() && ranks.back() >= rank) {
            out.sections[static_cast<size_t>(stack.back())].body_end = b;
            stack.pop_back();
            ranks.pop_back();
        }
        Section s;
        s.label_kind = l.kind;
        s.label = blk.label.empty() ? l.text : std::string(utf8::trim(blk.label));
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
        s.body_end = out.body_end;
        int idx = static_cast<int>(out.sections.size());
        if (s.parent >= 0) out.sections[static_cast<size_t>(s.parent)].children.push_back(idx);
        out.sections.push_back(std::move(s));
        stack.push_back(idx);
        ranks.push_back(rank);
    }
}

DocKind kind_from_number(const SourceDocument& doc, const HeaderInfo& h) {
    if (!h.number) return DocKind::Unknown;
    std::string_view t = doc.blocks[*h.number].text;
    struct { std::string_view sym; DocKind kind; } kSyms[] = {
        {"KH-", DocKind::Plan}, {"BC-", DocKind::Report}, {"CTr-", DocKind::Programme},
        {"QĐ-", DocKind::Decision}, {"NQ-", DocKind::Resolution}, {"CT-", DocKind::Directive},
        {"-KH/", DocKind::Plan}, {"-BC/", DocKind::Report}, {"-CTr/", DocKind::Programme}};
    for (const auto& s : kSyms)
        if (t.find(std::string("/") + std::string(s.sym)) != std::string_view::npos ||
            (s.sym.front() == '-' && t.find(s.sym) != std::string_view::npos))
            return s.kind;
    return DocKind::Unknown;
}

}  // namespace

Outline build_outline(const SourceDocument& doc) {
    Outline out;
    const auto n = flow_end(doc);
    scan_header(doc, out);
    if (out.kind == DocKind::Unknown) out.kind = kind_from_number(doc, out.header);
    if (out.kind == DocKind::Unknown && out.header.number) {
        // An official letter (công văn) has no type name; its summary is a
        // "V/v ..." line under the number ("529/LĐTBXH-BHXH").
        for (uint32_t b = 0; b < std::min<uint32_t>(n, kHeaderScan); ++b) {
            std::string f = utf8::fold(doc.blocks[b].text);
            if (f.rfind("v v ", 0) == 0 || f.rfind("ve viec ", 0) == 0) { out.kind = DocKind::Letter; break; }
        }
    }
    scan_closing(doc, out);
    out.body_end = out.closing.begin;
    if (out.header.end > out.body_end) out.header.end = out.body_end;
    scan_bases(doc, out);
    scan_sections(doc, out);
    (void)n;
    return out;
}

}  // namespace plancheck::structure
