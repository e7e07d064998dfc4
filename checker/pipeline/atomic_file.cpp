#include "pipeline/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace plancheck::pipeline {

namespace fs = std::filesystem;

namespace {
bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

mode_t default_mode() {
    mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}
}  // namespace

bool write_atomically(const std::string& path, std::string_view bytes, std::string& error) {
    std::error_code ec;
    fs::path target = path;
    if (fs::is_symlink(fs::symlink_status(target, ec))) {
        target = fs::canonical(target, ec);
        if (ec) {
            error = "cannot resolve the symbolic link: " + ec.message();
            return false;
        }
    }
    fs::path dir = target.parent_path();
    if (dir.empty()) dir = ".";

    struct stat st {};
    bool exists = ::stat(target.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        error = "not a regular file";
        return false;
    }
    std::string tmpl = (dir / ("." + target.filename().string() + ".plancheck-XXXXXX")).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) {
        error = std::string("cannot create a temporary file in ") + dir.string() + ": " + std::strerror(errno);
        return false;
    }
    auto fail = [&](const std::string& what) {
        error = what + ": " + std::strerror(errno);
        ::close(fd);
        ::unlink(tmpl.c_str());
        return false;
    };
    if (exists) {
        // Owner first: fchown may clear set-id bits, fchmod restores them.
        if (::fchown(fd, st.st_uid, st.st_gid) != 0) { /* not permitted for others' files: keep ours */ }
        if (::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot set permissions");
    } else if (::fchmod(fd, default_mode()) != 0) {
        return fail("cannot set permissions");
    }
    if (!write_all(fd, bytes)) return fail("cannot write");
    if (::fsync(fd) != 0) return fail("cannot flush to disk");
    if (::close(fd) != 0) {
        error = std::string("cannot write: ") + std::strerror(errno);
        ::unlink(tmpl.c_str());
        return false;
    }
    if (::rename(tmpl.c_str(), target.c_str()) != 0) {
        error = std::string("cannot replace the file: ") + std::strerror(errno);
        ::unlink(tmpl.c_str());
        return false;
    }
    // Make the rename itself durable.
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return true;
}

}  // namespace plancheck::pipeline
