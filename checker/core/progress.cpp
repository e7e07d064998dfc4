#include "plancheck/progress.h"

namespace plancheck {

const char* to_string(ProgressStatus s) {
    switch (s) {
        case ProgressStatus::Met: return "met";
        case ProgressStatus::NotMet: return "not-met";
        case ProgressStatus::NotReported: return "not-reported";
        case ProgressStatus::NoTarget: return "no-target";
    }
    return "";
}

}  // namespace plancheck
