#include "plancheck/outline.h"

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
    }
    return "none";
}

const char* to_string(DocKind k) {
    switch (k) {
        case DocKind::Unknown: return "unknown";
        case DocKind::Plan: return "plan";
        case DocKind::Report: return "report";
        case DocKind::Programme: return "programme";
        case DocKind::Decision: return "decision";
        case DocKind::Letter: return "letter";
        case DocKind::Resolution: return "resolution";
        case DocKind::Directive: return "directive";
        case DocKind::Other: return "other";
    }
    return "unknown";
}

}  // namespace plancheck
