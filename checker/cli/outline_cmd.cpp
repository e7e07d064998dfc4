#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/phrases.h"
#include "core/utf8.h"
#include "extract/extract.h"
#include "pipeline/pipeline.h"

namespace plancheck::cli {

namespace {

// Why a document is of its kind and class (structure.cpp) and why a rule set
// applies (rules/ruleset.cpp): written in English there, shown in Vietnamese
// by default. The JSON keeps the English.
constexpr phrases::Phrase kExplanations[] = {
    {"type name {} (line {}) = {}", "tên loại {} (dòng {}) = {}"},
    {"the symbol {} names another type ({}): the type name is taken",
     "ký hiệu {} chỉ loại khác ({}): lấy theo tên loại"},
    {"the symbol {} (line {}) agrees", "ký hiệu {} (dòng {}) khớp"},
    {"no type name; the symbol {} (line {}) abbreviates {}",
     "không có tên loại; ký hiệu {} (dòng {}) là viết tắt của {}"},
    {"no type name; \"Kính gửi\" (line {}) under a header: an official letter (công văn)",
     "không có tên loại; \"Kính gửi\" (dòng {}) dưới phần đầu: công văn"},
    {"{}: an official letter (công văn)", "{}: công văn"},
    {"no type name", "không có tên loại"},
    {"\"V/v\" summary (line {})", "trích yếu \"V/v\" (dòng {})"},
    {"\"Kính gửi\" (line {})", "\"Kính gửi\" (dòng {})"},
    {"the symbol {} starts with the issuer, not a type", "ký hiệu {} bắt đầu bằng cơ quan ban hành, không phải tên loại"},
    {"\"ĐẢNG CỘNG SẢN VIỆT NAM\" (line {}): a Party document", "\"ĐẢNG CỘNG SẢN VIỆT NAM\" (dòng {}): văn bản của Đảng"},
    {"issued with another document: {} (line {})", "ban hành kèm theo văn bản khác: {} (dòng {})"},
    {"a {} is a legal normative document", "{} là văn bản quy phạm pháp luật"},
    {"the number {} carries the year: a legal normative document", "số {} có năm ban hành: văn bản quy phạm pháp luật"},
    {"the number {} names the National Assembly: a legal normative document",
     "số {} ghi Quốc hội: văn bản quy phạm pháp luật"},
    {"a Phiếu trình is an internal form, not an issued document", "Phiếu trình là mẫu nội bộ, không phải văn bản ban hành"},
    {"an Đơn is written to an agency: not an administrative document",
     "Đơn là văn bản gửi cơ quan: không phải văn bản hành chính"},
    {"an Điều lệ without a number of its own is issued with a decision",
     "Điều lệ không có số riêng được ban hành kèm theo quyết định"},
    {"the kind is told but there is no header (issuing body, number, national title, date): not laid out as an "
     "issued document, class not told",
     "xác định được loại nhưng không có phần đầu (cơ quan ban hành, số, quốc hiệu, ngày): không trình bày như văn bản "
     "ban hành, chưa xác định nhóm"},
    {"no type name, no type in the symbol, no \"V/v\" or \"Kính gửi\": kind not told",
     "không có tên loại, ký hiệu không chỉ loại, không có \"V/v\" hay \"Kính gửi\": chưa xác định loại"},
    {"draft: {}", "dự thảo: {}"},
    {"the file name marks a draft", "tên tệp ghi là dự thảo"},
    {"the number and the day are both left blank (an unsigned working file)",
     "số và ngày đều để trống (bản làm việc chưa ký)"},
    {"{} at line {}", "{} ở dòng {}"},
    // Rule sets.
    {"applies to every document", "áp dụng cho mọi văn bản"},
    {"applies to every administrative document", "áp dụng cho mọi văn bản hành chính"},
    {"only on request (--ruleset); it would apply: {}", "chỉ khi được yêu cầu (--ruleset); nếu yêu cầu thì áp dụng: {}"},
    {"only on request (--ruleset); {}", "chỉ khi được yêu cầu (--ruleset); {}"},
    {"not a Party document", "không phải văn bản của Đảng"},
    {"a Party document", "văn bản của Đảng"},
    {"document class is {} ({}); the set is for {}", "nhóm văn bản là {} ({}); bộ quy tắc dành cho {}"},
    {"document class is {} ({})", "nhóm văn bản là {} ({})"},
    {"no administrative header (type name, number or national title)",
     "không có phần đầu văn bản hành chính (tên loại, số hoặc quốc hiệu)"},
    {"the title does not contain \"{}\"", "trích yếu không chứa \"{}\""},
    {"document kind is {} and it cites {} (line {})", "loại văn bản là {} và có trích dẫn {} (dòng {})"},
    {"document kind is {}", "loại văn bản là {}"},
    {"it does not cite {}", "không trích dẫn {}"},
    // Last: parts of a reason joined by "; ", each translated.
    {"{}; {}", "{}; {}"},
};

std::string explanation(const std::string& en_text, bool en) {
    return en ? en_text : phrases::translate(en_text, kExplanations, 6);
}

// At most n bytes of s, cut on a code point boundary, with "…" when cut.
std::string clip(const std::string& s, size_t n) {
    if (s.size() <= n) return s;
    return s.substr(0, utf8::floor_boundary(s, n)) + "…";
}

struct Printer {
    const pipeline::Analysis& a;
    uint32_t line(uint32_t b) const { return a.doc.blocks[b].line(); }
    std::string text(uint32_t b) const { return a.doc.blocks[b].text; }

    Pos at(const TextRef& r) const { return a.doc.blocks[r.block].locate(r.begin); }
    std::string value(const Objective& ob) const {
        std::ostringstream v;
        v << ob.value;
        std::string unit = ob.unit.empty() || ob.unit == "%" ? ob.unit : " " + ob.unit;
        return (ob.at_least ? "≥ " : ob.approximate ? "≈ " : "") + v.str() + unit;
    }

    nlohmann::json block(std::optional<uint32_t> b) const {
        if (!b) return nullptr;
        return {{"line", line(*b)}, {"text", text(*b)}};
    }
    nlohmann::json blocks(const std::vector<uint32_t>& bs) const {
        auto j = nlohmann::json::array();
        for (auto b : bs) j.push_back(block(b));
        return j;
    }
    nlohmann::json json(const std::vector<rules::AppliedSet>& sets) const {
        const Outline& o = a.model.outline;
        nlohmann::json j;
        j["path"] = a.doc.path;
        j["format"] = a.doc.format;
        j["encoding"] = a.doc.encoding;
        j["kind"] = to_string(o.kind);
        j["class"] = to_string(o.doc_class);
        j["evidence"] = o.evidence;
        j["draft"] = o.draft;
        j["draft_reason"] = o.draft_reason;
        auto atts = nlohmann::json::array();
        for (const auto& at : o.attachments)
            atts.push_back({{"line", line(at.begin)}, {"kind", to_string(at.kind)}, {"type", block(at.doc_type)},
                            {"note", block(at.note)}});
        j["attachments"] = atts;
        j["header"] = {{"agency", blocks(o.header.agency)},
                       {"national_title", block(o.header.national_title)},
                       {"motto", block(o.header.motto)},
                       {"number", block(o.header.number)},
                       {"place_date", block(o.header.place_date)},
                       {"type", block(o.header.doc_type)},
                       {"title", blocks(o.header.title)},
                       {"authority", block(o.header.authority)},
                       {"subject", block(o.header.subject)},
                       {"addressee", block(o.header.addressee)},
                       {"attachment_note", block(o.header.attachment_note)},
                       {"draft_mark", block(o.header.draft_mark)},
                       {"party", o.header.party}};
        auto bases = nlohmann::json::array();
        for (const auto& b : o.bases) bases.push_back({{"line", line(b.block)}, {"lead", b.lead}, {"text", text(b.block)}});
        j["bases"] = bases;
        auto secs = nlohmann::json::array();
        for (const auto& s : o.sections)
            secs.push_back({{"line", line(s.block)}, {"label", s.label}, {"kind", to_string(s.label_kind)},
                            {"depth", s.depth}, {"title", s.title}, {"heading", s.heading},
                            {"segment", s.segment}});
        j["sections"] = secs;
        auto phases = nlohmann::json::array();
        for (const auto& ph : a.model.phases)
            phases.push_back({{"line", at(ph.ref).line}, {"column", at(ph.ref).column}, {"from", ph.from},
                              {"to", ph.to}, {"text", std::string(a.model.text(ph.ref))}, {"roadmap", ph.roadmap},
                              {"heading", ph.heading}, {"in_title", ph.in_title},
                              {"parent", ph.parent_phase < 0 ? nlohmann::json(nullptr) : nlohmann::json(ph.parent_phase)}});
        j["phases"] = phases;
        auto objectives = nlohmann::json::array();
        for (const auto& ob : a.model.objectives)
            objectives.push_back({{"line", at(ob.ref).line}, {"column", at(ob.ref).column},
                                  {"year", ob.year == 0 ? nlohmann::json(nullptr) : nlohmann::json(ob.year)},
                                  {"value", ob.value}, {"unit", ob.unit}, {"approximate", ob.approximate},
                                  {"at_least", ob.at_least}, {"subject", extract::subject_of(a.doc, ob)}});
        j["objectives"] = objectives;
        j["closing"] = {{"recipients", block(o.closing.recipients)},
                        {"recipient_items", blocks(o.closing.recipient_items)},
                        {"archive", block(o.closing.archive)},
                        {"authority", block(o.closing.authority)},
                        {"position", blocks(o.closing.signer_position)},
                        {"name", block(o.closing.signer_name)}};
        auto rs = nlohmann::json::array();
        for (const auto& s : sets) rs.push_back({{"ruleset", s.set->id}, {"applies", s.applies}, {"why", s.why}});
        j["rulesets"] = rs;
        auto blocks_j = nlohmann::json::array();
        for (const auto& b : a.doc.blocks) blocks_j.push_back({{"line", b.line()}, {"text", b.text}});
        j["blocks"] = blocks_j;
        return j;
    }

    void tree(std::ostream& os, const std::vector<rules::AppliedSet>& sets, bool en) const {
        const Outline& o = a.model.outline;
        auto field = [&](const char* vi, const char* eng, std::optional<uint32_t> b) {
            os << "  " << (en ? eng : vi) << ": ";
            if (b) os << "[" << line(*b) << "] " << text(*b) << "\n";
            else os << (en ? "(not found)" : "(không thấy)") << "\n";
        };
        os << a.doc.path << " (" << a.doc.format << ", " << a.doc.encoding << ") — "
           << (en ? "kind: " : "loại: ") << to_string(o.kind) << ", " << (en ? "class: " : "nhóm: ")
           << to_string(o.doc_class) << (o.draft ? (en ? ", draft" : ", dự thảo") : "") << "\n";
        os << (en ? "Why this kind\n" : "Căn cứ xác định loại\n");
        for (const auto& e : o.evidence) os << "  " << explanation(e, en) << "\n";
        if (o.evidence.empty()) os << "  " << (en ? "(none)" : "(không có)") << "\n";
        os << (en ? "Header\n" : "Phần đầu\n");
        if (o.header.agency.empty()) os << "  " << (en ? "agency" : "cơ quan ban hành") << ": " << (en ? "(not found)" : "(không thấy)") << "\n";
        for (auto b : o.header.agency) field("cơ quan ban hành", "agency", b);
        field("quốc hiệu", "national title", o.header.national_title);
        field("tiêu ngữ", "motto", o.header.motto);
        field("số, ký hiệu", "number", o.header.number);
        field("địa danh, ngày tháng", "place and date", o.header.place_date);
        field("tên loại", "type", o.header.doc_type);
        for (auto b : o.header.title) field("trích yếu", "title", b);
        if (o.header.subject) field("trích yếu (V/v)", "subject (V/v)", o.header.subject);
        if (o.header.addressee) field("kính gửi", "addressee", o.header.addressee);
        if (o.header.authority) field("thẩm quyền ban hành", "issuing authority", o.header.authority);
        if (o.header.attachment_note) field("kèm theo", "issued with", o.header.attachment_note);
        if (o.header.draft_mark) field("dự thảo", "draft mark", o.header.draft_mark);
        os << (en ? "Legal bases\n" : "Căn cứ\n");
        for (const auto& b : o.bases) os << "  [" << line(b.block) << "] " << clip(text(b.block), 100) << "\n";
        os << (en ? "Sections\n" : "Các phần\n");
        for (const auto& s : o.sections) {
            if (s.label_kind == LabelKind::Dash || s.label_kind == LabelKind::Plus || s.label_kind == LabelKind::Bullet) continue;
            os << "  [" << line(s.block) << "] " << std::string(static_cast<size_t>(s.depth) * 2, ' ') << s.label << " "
               << clip(s.title, 90) << "\n";
        }
        // The plan's timeline and its measurable targets, as the phase.* and
        // objective.* rules see them.
        os << (en ? "Phases (roadmap)\n" : "Giai đoạn (lộ trình)\n");
        bool any = false;
        for (size_t i = 0; i < a.model.phases.size(); ++i) {
            const Phase& ph = a.model.phases[i];
            if (!ph.roadmap && !ph.in_title) continue;
            any = true;
            os << "  [" << at(ph.ref).line << "] " << (ph.parent_phase >= 0 ? "  " : "") << ph.from;
            if (ph.to != ph.from) os << "–" << ph.to;
            if (ph.in_title) os << (en ? "  (the title's horizon)" : "  (thời hạn trong trích yếu)");
            else if (ph.heading) os << (en ? "  (section heading)" : "  (tên mục)");
            os << "\n";
        }
        if (!any) os << "  " << (en ? "(none)" : "(không có)") << "\n";
        os << (en ? "Objectives (targets)\n" : "Chỉ tiêu\n");
        for (const auto& ob : a.model.objectives) {
            os << "  [" << at(ob.ref).line << "] ";
            if (ob.year) os << ob.year << ": ";
            os << value(ob) << " — " << clip(extract::subject_of(a.doc, ob), 80) << "\n";
        }
        if (a.model.objectives.empty()) os << "  " << (en ? "(none)" : "(không có)") << "\n";
        if (!o.attachments.empty()) {
            os << (en ? "Attachments\n" : "Văn bản, phụ lục kèm theo\n");
            for (const auto& at : o.attachments)
                os << "  [" << line(at.begin) << "] " << to_string(at.kind) << " — " << clip(text(at.begin), 90) << "\n";
        }
        os << (en ? "Closing\n" : "Phần kết\n");
        field("nơi nhận", "recipients", o.closing.recipients);
        field("lưu", "archive", o.closing.archive);
        field("quyền hạn ký", "signing authority", o.closing.authority);
        for (auto b : o.closing.signer_position) field("chức vụ", "position", b);
        field("người ký", "signer", o.closing.signer_name);
        os << (en ? "Rule sets\n" : "Bộ quy tắc\n");
        for (const auto& s : sets)
            os << "  " << (s.applies ? "[x] " : "[ ] ") << s.set->id << " — " << explanation(s.why, en) << "\n";
    }
};

}  // namespace

nlohmann::json outline_json(const pipeline::Analysis& a, const std::vector<rules::AppliedSet>& sets) {
    return Printer{a}.json(sets);
}

int cmd_outline(const Args& args) {
    static const char* kUsage =
        "Usage: plancheck outline [options] FILE\n\n"
        "Prints what plancheck recognised in the document: header fields, title, legal bases,\n"
        "numbered sections, roadmap phases, measurable targets, closing, and which rule sets\n"
        "apply and why. Line numbers are the\n"
        "ones diagnostics use (for .docx: paragraph numbers).";
    int code = 0;
    auto doc = open_document(args, {"outline", kUsage, {"tree", "json"}, true}, code);
    if (!doc) return code;
    const auto& ro = doc->ro;
    const auto& sets = doc->sets;
    const auto& a = doc->analysis;
    const std::string& format = doc->format;
    Printer p{*a};
    if (format == "json") std::cout << p.json(sets).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    else p.tree(std::cout, sets, ro.lang == "en");
    return kExitClean;
}

}  // namespace plancheck::cli
