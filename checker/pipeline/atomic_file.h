// Replacing a file so that readers see either the old or the new content,
// never a torn one, even after a crash: write a temporary file in the same
// directory, fsync it, rename it over the target, fsync the directory.
#pragma once

#include <string>
#include <string_view>

namespace plancheck::pipeline {

// Writes `bytes` to `path` atomically. An existing target keeps its
// permission bits (and owner/group when the process may set them); a new file
// gets 0666 minus the umask. A symbolic link is followed: the file it points
// to is replaced, the link stays. On failure returns false with `error` set,
// and leaves neither the target changed nor a temporary file behind.
bool write_atomically(const std::string& path, std::string_view bytes, std::string& error);

}  // namespace plancheck::pipeline
