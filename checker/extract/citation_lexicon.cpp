#include "extract/citation_lexicon.h"

#include <algorithm>

#include "core/utf8.h"

namespace plancheck::extract {

const std::vector<TypeInfo>& document_types() {
    // Appendix III of Decree 30 (CONFIRMED) gives the administrative abbreviations;
    // NĐ, TT, TTLT, KL and the Party forms (QĐi) are those seen in real symbols (FACTS.md §6).
    static const std::vector<TypeInfo> kTypes = {
        {"Nghị quyết", {"NQ"}, false, false},
        {"Nghị quyết liên tịch", {"NQLT"}, false, false},
        {"Quyết định", {"QĐ"}, false, false},
        {"Nghị định", {"NĐ"}, true, false},
        {"Chỉ thị", {"CT"}, false, false},
        {"Thông tư", {"TT"}, true, false},
        {"Thông tư liên tịch", {"TTLT"}, true, false},
        {"Luật", {}, true, false},
        {"Bộ luật", {}, true, false},
        {"Pháp lệnh", {}, true, false},
        {"Hiến pháp", {}, false, false},
        {"Quy chế", {"QC"}, false, false},
        {"Quy định", {"QyĐ", "QĐ", "QĐi"}, false, false},
        {"Thông cáo", {"TC"}, false, true},
        {"Thông báo", {"TB"}, false, true},
        {"Hướng dẫn", {"HD"}, false, true},
        {"Chương trình", {"CTr"}, false, true},
        {"Kế hoạch", {"KH"}, false, true},
        {"Phương án", {"PA"}, false, true},
        {"Đề án", {"ĐA"}, false, true},
        {"Dự án", {"DA"}, false, true},
        {"Báo cáo", {"BC"}, false, true},
        {"Biên bản", {"BB"}, false, true},
        {"Tờ trình", {"TTr"}, false, true},
        {"Hợp đồng", {"HĐ"}, false, true},
        {"Công điện", {"CĐ"}, false, true},
        {"Kết luận", {"KL"}, false, true},
        {"Thông tri", {"TT"}, false, true},
        {"Công văn", {}, false, true},
        {"Văn bản", {}, false, false},
    };
    return kTypes;
}

const TypeInfo* type_by_name(std::string_view canonical) {
    for (const auto& t : document_types())
        if (t.name == canonical) return &t;
    return nullptr;
}

std::string_view type_for_abbr(std::string_view abbr) {
    // First match wins: QĐ is a Quyết định before it is a Party Quy định, TT a Thông tư.
    for (const auto& t : document_types())
        for (auto a : t.abbrs)
            if (a == abbr) return t.name;
    // Appendix III abbreviations with no entry above.
    static const char* kOther[][2] = {{"BGN", "Bản ghi nhớ"}, {"BTT", "Bản thỏa thuận"},
                                      {"GUQ", "Giấy ủy quyền"}, {"GM", "Giấy mời"},
                                      {"GGT", "Giấy giới thiệu"}, {"GNP", "Giấy nghỉ phép"},
                                      {"PG", "Phiếu gửi"}, {"PC", "Phiếu chuyển"},
                                      {"PB", "Phiếu báo"}};
    for (auto& o : kOther)
        if (abbr == o[0]) return o[1];
    return {};
}

SymbolParts symbol_parts(const Citation& c) {
    SymbolParts p;
    p.year = c.symbol_year;
    std::string cur;
    for (char ch : c.symbol) {
        if (ch == '-' || ch == '/') {
            if (!cur.empty()) p.groups.push_back(cur);
            cur.clear();
        } else {
            cur += ch;
        }
    }
    if (!cur.empty()) p.groups.push_back(cur);
    if (p.year && !p.groups.empty() && p.groups.front() == std::to_string(p.year))
        p.groups.erase(p.groups.begin());
    if (p.groups.empty()) return p;
    p.issuer_code = p.groups.back();
    const std::string& g = p.groups.front();
    bool assembly = (g.rfind("QH", 0) == 0 || g.rfind("UBTVQH", 0) == 0) && std::isdigit(static_cast<unsigned char>(g.back()));
    p.has_type_slot = !assembly && p.groups.size() >= 2;
    if (p.has_type_slot) p.type_abbr = g;
    return p;
}

bool is_party_issuer_code(std::string_view code) {
    // Not "BTV": a Ban Thường vụ issues for associations, the Youth Union and the
    // Bar federation too ("545/HD-BTV" of a notaries' association), in the State
    // form; a Party standing committee signs as its committee ("TU", "TVTU").
    static const char* kCodes[] = {"TW", "TU", "HU", "QU", "ĐU", "ĐH", "BCS", "BCSĐ", "VPTW", "BBT", "BCT",
                                   "BTGTW", "BTCTW", "UBKTTW", "UBKTTU", "ĐĐ", "ĐUK", "TVTU"};
    for (auto k : kCodes)
        if (code == k) return true;
    return false;
}

bool is_state_issuer_code(std::string_view code) {
    static const char* kCodes[] = {"CP", "TTg", "UBND", "HĐND", "VPCP", "BNV", "BTC", "BYT", "LĐTBXH",
                                   "BLĐTBXH", "BHXH", "BTTTT", "BTP", "BGDĐT", "BKHĐT"};
    for (auto k : kCodes)
        if (code == k) return true;
    return code.rfind("QH", 0) == 0 || code.rfind("UBTVQH", 0) == 0;
}

std::string canonical_group(std::string_view group) {
    std::string u = utf8::upper(group);
    static const char* kMixed[][2] = {{"TTG", "TTg"}, {"CTR", "CTr"}, {"TTR", "TTr"}, {"QYĐ", "QyĐ"},
                                      {"QĐI", "QĐi"}, {"TRS", "TrS"}, {"QD", "QĐ"}, {"ND", "NĐ"},
                                      {"HDND", "HĐND"}, {"LDTBXH", "LĐTBXH"}};
    for (auto& m : kMixed)
        if (u == m[0]) return m[1];
    return u;
}

std::string loose_key(std::string_view key) {
    // fold() turns separators into spaces: fold each piece and keep the separators.
    std::string f, piece;
    auto flush = [&] {
        for (char c : utf8::fold(piece))
            if (c != ' ') f += c;
        piece.clear();
    };
    for (char c : key) {
        if (c == '-' || c == '/') {
            flush();
            f += c;
        } else {
            piece += c;
        }
    }
    flush();
    // Leading zeros of the number: "07/CT-TTg" == "7/CT-TTg".
    size_t i = 0;
    while (i + 1 < f.size() && f[i] == '0' && std::isdigit(static_cast<unsigned char>(f[i + 1]))) ++i;
    return f.substr(i);
}

std::string bare_key(std::string_view key) {
    std::string l = loose_key(key), out;
    for (char c : l)
        if (c != '-' && c != '/') out += c;
    return out;
}

}  // namespace plancheck::extract
