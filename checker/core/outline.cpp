#include "plancheck/outline.h"

#include <array>
#include <utility>

namespace plancheck {

const char* to_string(LabelKind k) {
    switch (k) {
        case LabelKind::None: return "none";
        case LabelKind::UpperLetter: return "upper-letter";
        case LabelKind::Roman: return "roman";
        case LabelKind::Arabic: return "arabic";
        case LabelKind::MultiArabic: return "multi-arabic";
        case LabelKind::Letter: return "letter";
        case LabelKind::Dash: return "dash";
        case LabelKind::Plus: return "plus";
        case LabelKind::Bullet: return "bullet";
        case LabelKind::Part: return "part";
        case LabelKind::Chapter: return "chapter";
        case LabelKind::Subsection: return "subsection";
        case LabelKind::Article: return "article";
    }
    return "none";
}

namespace {
constexpr std::array<std::pair<DocKind, const char*>, 38> kKindNames = {{
    {DocKind::Unknown, "unknown"},       {DocKind::Plan, "plan"},
    {DocKind::Report, "report"},         {DocKind::Programme, "programme"},
    {DocKind::Decision, "decision"},     {DocKind::Letter, "letter"},
    {DocKind::Resolution, "resolution"}, {DocKind::Directive, "directive"},
    {DocKind::Other, "other"},           {DocKind::Regulation, "regulation"},
    {DocKind::Rules, "rules"},           {DocKind::Communique, "communique"},
    {DocKind::Notice, "notice"},         {DocKind::Guidance, "guidance"},
    {DocKind::Scheme, "scheme"},         {DocKind::Project, "project"},
    {DocKind::Venture, "venture"},       {DocKind::Minutes, "minutes"},
    {DocKind::Submission, "submission"}, {DocKind::Contract, "contract"},
    {DocKind::Telegram, "telegram"},     {DocKind::Memorandum, "memorandum"},
    {DocKind::Agreement, "agreement"},   {DocKind::Authorization, "authorization"},
    {DocKind::Invitation, "invitation"}, {DocKind::Referral, "referral"},
    {DocKind::Leave, "leave"},           {DocKind::SendingSlip, "sending-slip"},
    {DocKind::TransferSlip, "transfer-slip"}, {DocKind::NoticeSlip, "notice-slip"},
    {DocKind::PublicLetter, "public-letter"}, {DocKind::SubmissionSlip, "submission-slip"},
    {DocKind::Application, "application"}, {DocKind::Charter, "charter"},
    {DocKind::Law, "law"},               {DocKind::Ordinance, "ordinance"},
    {DocKind::Decree, "decree"},         {DocKind::Circular, "circular"},
}};
constexpr std::array<std::pair<DocClass, const char*>, 7> kClassNames = {{
    {DocClass::Unknown, "unknown"},
    {DocClass::Administrative, "administrative"},
    {DocClass::LegalNormative, "legal-normative"},
    {DocClass::Party, "party"},
    {DocClass::Attachment, "attachment"},
    {DocClass::Internal, "internal"},
    {DocClass::Application, "application"},
}};
}  // namespace

const char* to_string(DocKind k) {
    for (const auto& [kind, name] : kKindNames)
        if (kind == k) return name;
    return "unknown";
}

std::optional<DocKind> doc_kind_from_string(std::string_view s) {
    for (const auto& [kind, name] : kKindNames)
        if (s == name) return kind;
    return std::nullopt;
}

const char* to_string(DocClass c) {
    for (const auto& [cls, name] : kClassNames)
        if (cls == c) return name;
    return "unknown";
}

std::optional<DocClass> doc_class_from_string(std::string_view s) {
    for (const auto& [cls, name] : kClassNames)
        if (s == name) return cls;
    return std::nullopt;
}

}  // namespace plancheck
