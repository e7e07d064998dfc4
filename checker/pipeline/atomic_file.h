// Replacing a file so that readers see either the old or the new content,
// never a torn one, even after a crash: write a temporary file in the same
// directory, fsync it, rename it over the target, fsync the directory.
#pragma once

#include <sys/stat.h>

#include <string>
#include <string_view>

namespace plancheck::pipeline {

// Writes `bytes` to `path` atomically. An existing target keeps its
// permission bits (and owner/group when the process may set them); a new file
// gets 0666 minus the umask. A symbolic link is followed: the file it points
// to is replaced, the link stays. On failure returns false with `error` set,
// and leaves neither the target changed nor a temporary file behind.
bool write_atomically(const std::string& path, std::string_view bytes, std::string& error);

// A report or an annotated copy to `path` (--output): write_atomically, except
// that a character device or a named pipe (/dev/null, /dev/stdout, a shell's
// >(...)) is written to directly, as any tool's output would be: it cannot be
// replaced by a file, and it holds no content a torn write could spoil.
bool write_output(const std::string& path, std::string_view bytes, std::string& error);

// Why a guarded write did not happen.
enum class WriteRefusal {
    None,
    Changed,   // the target is no longer in the state `expected` (edited meanwhile)
    Metadata,  // its owner or an extended attribute (ACL, SELinux label) cannot be kept
    Failed,    // I/O: see `error`
};

// write_atomically for --fix: the temporary file gets the target's owner,
// group, mode and extended attributes (refused with Metadata when one cannot
// be set: replacing would change who owns the file or its labels), and just
// before the rename the target is compared with `expected` (inode, size,
// mtime, ctime): a file written by someone else meanwhile is left alone
// (Changed), so their edit is not lost.
WriteRefusal replace_guarded(const std::string& path, std::string_view bytes, const struct stat& expected,
                             std::string& error);

// Removes temporaries `.NAME.plancheck-XXXXXX` of `target` that an earlier,
// killed run left in its folder (regular files of ours, older than a minute:
// a concurrent run's live temporary is younger). Returns how many.
size_t remove_stale_temporaries(const std::string& target);

}  // namespace plancheck::pipeline
