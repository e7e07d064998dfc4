#include "serve/annotate.h"

namespace plancheck::serve {

Annotator& annotator() {
    static Annotator fn;
    return fn;
}

}  // namespace plancheck::serve
