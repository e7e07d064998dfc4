// Entry point of plancheck-docx.so (see ingest/plugin.h).
#include "ingest/plugin.h"

PLANCHECK_READER_MODULE_FULL(plancheck::ingest::read_docx_document, "the .docx could not be read: ",
                             "open it in Word or LibreOffice and save it again",
                             &plancheck::ingest::annotate_docx_document, &plancheck::ingest::fix_docx_page_document)
