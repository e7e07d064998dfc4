// Entry point of plancheck-pdf.so (see ingest/plugin.h).
#include "ingest/plugin.h"

PLANCHECK_READER_MODULE(plancheck::ingest::read_pdf_document, "the PDF could not be read: ",
                        "export it again from the original document, or save that as .docx")
