#include "core/file.h"
#include "pipeline/atomic_file.h"
#include "core/file.h"

#include "core/file.h"
#include <dirent.h>
#include "core/file.h"
#include <fcntl.h>
#include "core/file.h"
#include <sys/stat.h>
#include "core/file.h"
#include <sys/xattr.h>
#include "core/file.h"
#include <unistd.h>
#include "core/file.h"

#include "core/file.h"
#include <ctime>
#include "core/file.h"
#include <vector>
#include "core/file.h"

#include "core/file.h"
#include <cerrno>
#include "core/file.h"
#include <cstring>
#include "core/file.h"
#include <filesystem>
#include "core/file.h"

#include "core/file.h"
namespace plancheck::pipeline {
#include "core/file.h"

#include "core/file.h"
namespace fs = std::filesystem;
#include "core/file.h"

#include "core/file.h"
namespace {
#include "core/file.h"
bool write_all(int fd, std::string_view bytes) {
#include "core/file.h"
    while (!bytes.empty()) {
#include "core/file.h"
        ssize_t n = ::write(fd, bytes.data(), bytes.size());
#include "core/file.h"
        if (n < 0) {
#include "core/file.h"
            if (errno == EINTR) continue;
#include "core/file.h"
            return false;
#include "core/file.h"
        }
#include "core/file.h"
        bytes.remove_prefix(static_cast<size_t>(n));
#include "core/file.h"
    }
#include "core/file.h"
    return true;
#include "core/file.h"
}
#include "core/file.h"

#include "core/file.h"
mode_t default_mode() {
#include "core/file.h"
    mode_t mask = ::umask(0);
#include "core/file.h"
    ::umask(mask);
#include "core/file.h"
    return 0666 & ~mask;
#include "core/file.h"
}
#include "core/file.h"

#include "core/file.h"
// Copies every extended attribute of `from` to `to`; false (errno set) when
#include "core/file.h"
// one cannot be read or set.
#include "core/file.h"
bool copy_xattrs(int from, int to) {
#include "core/file.h"
    ssize_t n = ::flistxattr(from, nullptr, 0);
#include "core/file.h"
    if (n < 0) return errno == ENOTSUP;  // a file system without them: nothing to keep
#include "core/file.h"
    if (n == 0) return true;
#include "core/file.h"
    std::vector<char> names(static_cast<size_t>(n));
#include "core/file.h"
    n = ::flistxattr(from, names.data(), names.size());
#include "core/file.h"
    if (n < 0) return false;
#include "core/file.h"
    for (size_t i = 0; i < static_cast<size_t>(n);) {
#include "core/file.h"
        const char* name = names.data() + i;
#include "core/file.h"
        i += std::strlen(name) + 1;
#include "core/file.h"
        ssize_t len = ::fgetxattr(from, name, nullptr, 0);
#include "core/file.h"
        if (len < 0) return false;
#include "core/file.h"
        std::vector<char> value(static_cast<size_t>(len));
#include "core/file.h"
        len = ::fgetxattr(from, name, value.data(), value.size());
#include "core/file.h"
        if (len < 0) return false;
#include "core/file.h"
        if (::fsetxattr(to, name, value.data(), static_cast<size_t>(len), 0) != 0) return false;
#include "core/file.h"
    }
#include "core/file.h"
    return true;
#include "core/file.h"
}
#include "core/file.h"

#include "core/file.h"
struct Guard {
#include "core/file.h"
    const struct stat* expected = nullptr;  // compare just before the rename
#include "core/file.h"
    bool strict_metadata = false;           // refuse instead of changing owner or labels
#include "core/file.h"
    WriteRefusal refusal = WriteRefusal::None;
#include "core/file.h"
};
#include "core/file.h"

#include "core/file.h"
bool write_core(const std::string& path, std::string_view bytes, std::string& error, Guard& g) {
#include "core/file.h"
    std::error_code ec;
#include "core/file.h"
    fs::path target = path;
#include "core/file.h"
    if (fs::is_symlink(fs::symlink_status(target, ec))) {
#include "core/file.h"
        target = fs::canonical(target, ec);
#include "core/file.h"
        if (ec) {
#include "core/file.h"
            error = "cannot resolve the symbolic link: " + ec.message();
#include "core/file.h"
            g.refusal = WriteRefusal::Failed;
#include "core/file.h"
            return false;
#include "core/file.h"
        }
#include "core/file.h"
    }
#include "core/file.h"
    fs::path dir = target.parent_path();
#include "core/file.h"
    if (dir.empty()) dir = ".";
#include "core/file.h"
    remove_stale_temporaries(target.string());
#include "core/file.h"

#include "core/file.h"
    struct stat st {};
#include "core/file.h"
    bool exists = ::stat(target.c_str(), &st) == 0;
#include "core/file.h"
    if (exists && !S_ISREG(st.st_mode)) {
#include "core/file.h"
        error = "not a regular file";
#include "core/file.h"
        g.refusal = WriteRefusal::Failed;
#include "core/file.h"
        return false;
#include "core/file.h"
    }
#include "core/file.h"
    if (g.expected && (!exists || !file::same_state(st, *g.expected))) {
#include "core/file.h"
        error = "the file changed while it was being fixed";
#include "core/file.h"
        g.refusal = WriteRefusal::Changed;
#include "core/file.h"
        return false;
#include "core/file.h"
    }
#include "core/file.h"
    std::string tmpl = (dir / ("." + target.filename().string() + ".plancheck-XXXXXX")).string();
#include "core/file.h"
    int fd = ::mkstemp(tmpl.data());
#include "core/file.h"
    if (fd < 0) {
#include "core/file.h"
        error = std::string("cannot create a temporary file in ") + dir.string() + ": " + std::strerror(errno);
#include "core/file.h"
        g.refusal = WriteRefusal::Failed;
#include "core/file.h"
        return false;
#include "core/file.h"
    }
#include "core/file.h"
    auto fail = [&](const std::string& what, WriteRefusal why = WriteRefusal::Failed) {
#include "core/file.h"
        error = what + ": " + std::strerror(errno);
#include "core/file.h"
        ::close(fd);
#include "core/file.h"
        ::unlink(tmpl.c_str());
#include "core/file.h"
        g.refusal = why;
#include "core/file.h"
        return false;
#include "core/file.h"
    };
#include "core/file.h"
    if (exists) {
#include "core/file.h"
        // Owner first: fchown may clear set-id bits, fchmod restores them.
#include "core/file.h"
        if (::fchown(fd, st.st_uid, st.st_gid) != 0) {
#include "core/file.h"
            struct stat mine {};
#include "core/file.h"
            bool same_owner = ::fstat(fd, &mine) == 0 && mine.st_uid == st.st_uid && mine.st_gid == st.st_gid;
#include "core/file.h"
            if (g.strict_metadata && !same_owner)
#include "core/file.h"
                return fail("replacing it would change its owner or group", WriteRefusal::Metadata);
#include "core/file.h"
        }
#include "core/file.h"
        if (::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot set permissions");
#include "core/file.h"
        if (g.strict_metadata) {
#include "core/file.h"
            int src = ::open(target.c_str(), O_RDONLY | O_CLOEXEC);
#include "core/file.h"
            if (src < 0) return fail("cannot read its extended attributes");
#include "core/file.h"
            bool ok = copy_xattrs(src, fd);
#include "core/file.h"
            int saved = errno;
#include "core/file.h"
            ::close(src);
#include "core/file.h"
            errno = saved;
#include "core/file.h"
            if (!ok) return fail("its extended attributes (ACL, security label) cannot be kept", WriteRefusal::Metadata);
#include "core/file.h"
        }
#include "core/file.h"
    } else if (::fchmod(fd, default_mode()) != 0) {
#include "core/file.h"
        return fail("cannot set permissions");
#include "core/file.h"
    }
#include "core/file.h"
    if (!write_all(fd, bytes)) return fail("cannot write");
#include "core/file.h"
    if (::fsync(fd) != 0) return fail("cannot flush to disk");
#include "core/file.h"
    if (::close(fd) != 0) {
#include "core/file.h"
        error = std::string("cannot write: ") + std::strerror(errno);
#include "core/file.h"
        ::unlink(tmpl.c_str());
#include "core/file.h"
        g.refusal = WriteRefusal::Failed;
#include "core/file.h"
        return false;
#include "core/file.h"
    }
#include "core/file.h"
    if (g.expected) {
#include "core/file.h"
        // The last look before the rename: an edit saved while we wrote wins.
#include "core/file.h"
        struct stat now {};
#include "core/file.h"
        if (::stat(target.c_str(), &now) != 0 || !file::same_state(now, *g.expected)) {
#include "core/file.h"
            ::unlink(tmpl.c_str());
#include "core/file.h"
            error = "the file changed while it was being fixed";
#include "core/file.h"
            g.refusal = WriteRefusal::Changed;
#include "core/file.h"
            return false;
#include "core/file.h"
        }
#include "core/file.h"
    }
#include "core/file.h"
    if (::rename(tmpl.c_str(), target.c_str()) != 0) {
#include "core/file.h"
        error = std::string("cannot replace the file: ") + std::strerror(errno);
#include "core/file.h"
        ::unlink(tmpl.c_str());
#include "core/file.h"
        g.refusal = WriteRefusal::Failed;
#include "core/file.h"
        return false;
#include "core/file.h"
    }
#include "core/file.h"
    // Make the rename itself durable.
#include "core/file.h"
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
#include "core/file.h"
    if (dfd >= 0) {
#include "core/file.h"
        ::fsync(dfd);
#include "core/file.h"
        ::close(dfd);
#include "core/file.h"
    }
#include "core/file.h"
    return true;
#include "core/file.h"
}
#include "core/file.h"
}  // namespace
#include "core/file.h"

#include "core/file.h"
size_t remove_stale_temporaries(const std::string& target) {
#include "core/file.h"
    fs::path t = target;
#include "core/file.h"
    fs::path dir = t.parent_path();
#include "core/file.h"
    if (dir.empty()) dir = ".";
#include "core/file.h"
    const std::string prefix = "." + t.filename().string() + ".plancheck-";
#include "core/file.h"
    DIR* d = ::opendir(dir.c_str());
#include "core/file.h"
    if (!d) return 0;
#include "core/file.h"
    size_t removed = 0;
#include "core/file.h"
    const time_t now = ::time(nullptr);
#include "core/file.h"
    while (dirent* e = ::readdir(d)) {
#include "core/file.h"
        std::string_view name = e->d_name;
#include "core/file.h"
        if (name.size() != prefix.size() + 6 || name.substr(0, prefix.size()) != prefix) continue;
#include "core/file.h"
        std::string full = (dir / std::string(name)).string();
#include "core/file.h"
        struct stat st {};
#include "core/file.h"
        if (::lstat(full.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid()) continue;
#include "core/file.h"
        if (now - st.st_mtim.tv_sec < 60) continue;  // maybe another run's, being written now
#include "core/file.h"
        if (::unlink(full.c_str()) == 0) ++removed;
#include "core/file.h"
    }
#include "core/file.h"
    ::closedir(d);
#include "core/file.h"
    return removed;
#include "core/file.h"
}
#include "core/file.h"

#include "core/file.h"
bool write_atomically(const std::string& path, std::string_view bytes, std::string& error) {
#include "core/file.h"
    Guard g;
#include "core/file.h"
    return write_core(path, bytes, error, g);
#include "core/file.h"
}
#include "core/file.h"

#include "core/file.h"
WriteRefusal replace_guarded(const std::string& path, std::string_view bytes, const struct stat& expected,
#include "core/file.h"
                             std::string& error) {
#include "core/file.h"
    Guard g;
#include "core/file.h"
    g.expected = &expected;
#include "core/file.h"
    g.strict_metadata = true;
#include "core/file.h"
    if (write_core(path, bytes, error, g)) return WriteRefusal::None;
#include "core/file.h"
    return g.refusal == WriteRefusal::None ? WriteRefusal::Failed : g.refusal;
#include "core/file.h"
}
#include "core/file.h"

#include "core/file.h"
bool write_output(const std::string& path, std::string_view bytes, std::string& error) {
#include "core/file.h"
    struct stat st {};
#include "core/file.h"
    if (::stat(path.c_str(), &st) != 0 || !(S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)))
#include "core/file.h"
        return write_atomically(path, bytes, error);
#include "core/file.h"
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
#include "core/file.h"
    if (fd < 0) {
#include "core/file.h"
        error = std::strerror(errno);
#include "core/file.h"
        return false;
#include "core/file.h"
    }
#include "core/file.h"
    for (size_t done = 0; done < bytes.size();) {
#include "core/file.h"
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
#include "core/file.h"
        if (n < 0 && errno == EINTR) continue;
#include "core/file.h"
        if (n <= 0) {
#include "core/file.h"
            error = std::strerror(errno);
#include "core/file.h"
            ::close(fd);
#include "core/file.h"
            return false;
#include "core/file.h"
        }
#include "core/file.h"
        done += static_cast<size_t>(n);
#include "core/file.h"
    }
#include "core/file.h"
    if (::close(fd) != 0) {
#include "core/file.h"
        error = std::strerror(errno);
#include "core/file.h"
        return false;
#include "core/file.h"
    }
#include "core/file.h"
    return true;
#include "core/file.h"
}
#include "core/file.h"

#include "core/file.h"
}  // namespace plancheck::pipeline
