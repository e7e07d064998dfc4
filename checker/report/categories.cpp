#include "report/categories.h"

#include <array>

namespace plancheck::report {

namespace {
struct Name {
    std::string_view id, vi, en;
};
// Every category of the contract (checker/core/diagnostic.cpp); a test checks
// that none is missing.
constexpr std::array<Name, 55> kNames{{
    {"header.national-title", "Quốc hiệu, Tiêu ngữ", "National title and motto"},
    {"header.agency", "Tên cơ quan ban hành", "Issuing body"},
    {"header.number", "Số, ký hiệu văn bản", "Number and symbol"},
    {"header.place-date", "Địa danh, ngày tháng", "Place and date"},
    {"header.title", "Tên loại, trích yếu", "Type name and title"},
    {"structure.section-missing", "Thiếu phần bắt buộc", "Required section missing"},
    {"structure.section-order", "Thứ tự các phần", "Section order"},
    {"structure.numbering-gap", "Đánh số ngắt quãng", "Numbering gap"},
    {"structure.numbering-duplicate", "Đánh số trùng", "Duplicate numbering"},
    {"structure.heading-duplicate", "Đề mục trùng", "Duplicate heading"},
    {"structure.empty-section", "Mục không có nội dung", "Empty section"},
    {"citation.required-missing", "Thiếu căn cứ bắt buộc", "Required basis missing"},
    {"citation.duplicate", "Căn cứ trùng lặp", "Duplicate citation"},
    {"citation.mismatch", "Trích dẫn sai thông tin", "Citation mismatch"},
    {"citation.malformed", "Trích dẫn sai hình thức", "Malformed citation"},
    {"citation.incomplete", "Trích dẫn thiếu thông tin", "Incomplete citation"},
    {"citation.unknown", "Văn bản dẫn không rõ", "Unknown cited document"},
    {"citation.superseded", "Dẫn văn bản hết hiệu lực", "Superseded document cited"},
    {"citation.anachronism", "Dẫn văn bản ban hành sau", "Citation later than the document"},
    {"phase.missing", "Thiếu tiến độ, giai đoạn", "Phases missing"},
    {"phase.gap", "Tiến độ bị hở", "Gap between phases"},
    {"phase.overlap", "Giai đoạn chồng lấn", "Overlapping phases"},
    {"phase.out-of-range", "Mốc thời gian ngoài phạm vi", "Date out of range"},
    {"objective.missing", "Thiếu mục tiêu", "Objectives missing"},
    {"objective.below-target", "Chỉ tiêu thấp hơn yêu cầu", "Target below the required level"},
    {"objective.mismatch", "Chỉ tiêu không khớp", "Target mismatch"},
    {"text.typo", "Lỗi chính tả", "Spelling"},
    {"text.repeated-phrase", "Cụm từ lặp", "Repeated phrase"},
    {"text.duplicate-paragraph", "Đoạn văn trùng lặp", "Duplicate paragraph"},
    {"text.truncated", "Câu bị cụt", "Truncated sentence"},
    {"text.mixed-script", "Lẫn ký tự lạ", "Mixed scripts"},
    {"text.encoding", "Lỗi mã hóa ký tự", "Character encoding"},
    {"closing.recipients-missing", "Thiếu nơi nhận", "Recipients missing"},
    {"closing.signer-missing", "Thiếu người ký", "Signer missing"},
    {"closing.archive-missing", "Thiếu nơi lưu", "Archive line missing"},
    {"input.unreadable", "Không đọc được tệp", "Unreadable file"},
    {"text.capitalisation", "Viết hoa", "Capitalisation"},
    {"structure.kind-unknown", "Không rõ loại văn bản", "Unknown document kind"},
    {"citation.repeated-full", "Nhắc lại trích dẫn đầy đủ", "Full citation repeated"},
    {"text.abbreviation", "Viết tắt", "Abbreviation"},
    {"text.inconsistent", "Cách viết không thống nhất", "Inconsistent spelling"},
    {"text.fragment", "Câu không hoàn chỉnh", "Sentence fragment"},
    {"figure.share-above-100", "Tỷ lệ vượt 100%", "Share above 100%"},
    {"figure.contradiction", "Số liệu mâu thuẫn", "Contradicting figures"},
    {"progress.unpaired", "Không tìm thấy kế hoạch của báo cáo", "Report without its plan"},
    {"progress.plan-reference", "Dẫn sai số, ngày kế hoạch", "Plan cited wrongly"},
    {"progress.not-reported", "Chỉ tiêu chưa báo cáo", "Target not reported"},
    {"progress.below-target", "Kết quả dưới chỉ tiêu", "Result below target"},
    {"progress.period", "Kỳ báo cáo ngoài thời hạn kế hoạch", "Period outside the plan"},
    {"presentation.page", "Khổ giấy, lề, số trang", "Paper, margins, page numbers"},
    {"presentation.font", "Phông chữ", "Font"},
    {"presentation.format", "Cỡ chữ, kiểu chữ, căn lề", "Size, style and alignment"},
    {"suppression.unused", "Lệnh tắt kiểm tra không dùng đến", "Unused suppression"},
    {"suppression.unknown", "Lệnh tắt kiểm tra không rõ", "Unknown suppression"},
    {"figure.table-total", "Dòng, cột tổng không khớp", "Table total does not add up"},
}};

constexpr std::array<Name, 11> kGroups{{
    {"header", "Phần đầu văn bản", "Header"},
    {"structure", "Bố cục", "Structure"},
    {"citation", "Trích dẫn", "Citations"},
    {"phase", "Tiến độ", "Phases"},
    {"objective", "Mục tiêu, chỉ tiêu", "Objectives"},
    {"text", "Câu chữ", "Wording"},
    {"closing", "Phần kết thúc", "Closing"},
    {"input", "Tệp đầu vào", "Input"},
    {"figure", "Số liệu", "Figures"},
    {"format", "Thể thức trình bày", "Presentation"},
    {"suppression", "Tắt kiểm tra", "Suppressions"},
}};
}  // namespace

std::string category_label(std::string_view category, const std::string& lang) {
    const bool en = lang == "en";
    for (const auto& n : kNames)
        if (n.id == category) return std::string(en ? n.en : n.vi);
    std::string_view group = category.substr(0, category.find('.'));
    for (const auto& g : kGroups)
        if (g.id == group) return std::string(en ? g.en : g.vi) + " (" + std::string(category) + ")";
    return std::string(category);
}

}  // namespace plancheck::report
