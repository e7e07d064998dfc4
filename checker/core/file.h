// Small file-system helpers shared by the stages: reading a whole file the
// fast way, and telling whether a file was written between two stat() calls.
#pragma once

#include <string>
#include <sys/stat.h>

namespace plancheck::file {

// The whole of the regular file at `path` into `out` (replacing it), with one
// read() per chunk rather than a character at a time (a std::istreambuf_iterator
// costs ~15 instructions a byte: most of the start-up of a small check once
// spent reading rule files and their cache so). False, with errno set, when
// the file cannot be opened or read; `out` then holds what was read.
bool read(const std::string& path, std::string& out);

// Same inode and device, size, mtime and ctime: nobody wrote the file between
// the two stat() calls (a rename over it, an edit, a chmod all change one).
bool same_state(const struct stat& a, const struct stat& b);

}  // namespace plancheck::file
