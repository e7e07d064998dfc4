// Entry point of plancheck-docx.so (see ingest/plugin.h).
#include "ingest/plugin.h"

PLANCHECK_READER_MODULE(plancheck::ingest::read_docx_document, "the .docx could not be read: ",
                        "open it in Word or LibreOffice and save it again")
