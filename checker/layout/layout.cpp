#include "layout/layout.h"

namespace plancheck::layout {

void recover(SourceDocument& doc) {
    if (doc.format == "pdf")
        recover_pdf(doc);
    else if (doc.format == "txt")
        recover_text(doc);
}

}  // namespace plancheck::layout
