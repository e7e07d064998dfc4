#include "pipeline/atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <ctime>
#include <vector>

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

// Copies every extended attribute of `from` to `to`; false (errno set) when
// one cannot be read or set.
bool copy_xattrs(int from, int to) {
    ssize_t n = ::flistxattr(from, nullptr, 0);
    if (n < 0) return errno == ENOTSUP;  // a file system without them: nothing to keep
    if (n == 0) return true;
    std::vector<char> names(static_cast<size_t>(n));
    n = ::flistxattr(from, names.data(), names.size());
    if (n < 0) return false;
    for (size_t i = 0; i < static_cast<size_t>(n);) {
        const char* name = names.data() + i;
        i += std::strlen(name) + 1;
        ssize_t len = ::fgetxattr(from, name, nullptr, 0);
        if (len < 0) return false;
        std::vector<char> value(static_cast<size_t>(len));
        len = ::fgetxattr(from, name, value.data(), value.size());
        if (len < 0) return false;
        if (::fsetxattr(to, name, value.data(), static_cast<size_t>(len), 0) != 0) return false;
    }
    return true;
}

struct Guard {
    const struct stat* expected = nullptr;  // compare just before the rename
    bool strict_metadata = false;           // refuse instead of changing owner or labels
    WriteRefusal refusal = WriteRefusal::None;
};

bool write_core(const std::string& path, std::string_view bytes, std::string& error, Guard& g) {
    std::error_code ec;
    fs::path target = path;
    if (fs::is_symlink(fs::symlink_status(target, ec))) {
        target = fs::canonical(target, ec);
        if (ec) {
            error = "cannot resolve the symbolic link: " + ec.message();
            g.refusal = WriteRefusal::Failed;
            return false;
        }
    }
    fs::path dir = target.parent_path();
    if (dir.empty()) dir = ".";
    remove_stale_temporaries(target.string());

    struct stat st {};
    bool exists = ::stat(target.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        error = "not a regular file";
        g.refusal = WriteRefusal::Failed;
        return false;
    }
    if (g.expected && (!exists || !same_file_state(st, *g.expected))) {
        error = "the file changed while it was being fixed";
        g.refusal = WriteRefusal::Changed;
        return false;
    }
    std::string tmpl = (dir / ("." + target.filename().string() + ".plancheck-XXXXXX")).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) {
        error = std::string("cannot create a temporary file in ") + dir.string() + ": " + std::strerror(errno);
        g.refusal = WriteRefusal::Failed;
        return false;
    }
    auto fail = [&](const std::string& what, WriteRefusal why = WriteRefusal::Failed) {
        error = what + ": " + std::strerror(errno);
        ::close(fd);
        ::unlink(tmpl.c_str());
        g.refusal = why;
        return false;
    };
    if (exists) {
        // Owner first: fchown may clear set-id bits, fchmod restores them.
        if (::fchown(fd, st.st_uid, st.st_gid) != 0) {
            struct stat mine {};
            bool same_owner = ::fstat(fd, &mine) == 0 && mine.st_uid == st.st_uid && mine.st_gid == st.st_gid;
            if (g.strict_metadata && !same_owner)
                return fail("replacing it would change its owner or group", WriteRefusal::Metadata);
        }
        if (::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot set permissions");
        if (g.strict_metadata) {
            int src = ::open(target.c_str(), O_RDONLY | O_CLOEXEC);
            if (src < 0) return fail("cannot read its extended attributes");
            bool ok = copy_xattrs(src, fd);
            int saved = errno;
            ::close(src);
            errno = saved;
            if (!ok) return fail("its extended attributes (ACL, security label) cannot be kept", WriteRefusal::Metadata);
        }
    } else if (::fchmod(fd, default_mode()) != 0) {
        return fail("cannot set permissions");
    }
    if (!write_all(fd, bytes)) return fail("cannot write");
    if (::fsync(fd) != 0) return fail("cannot flush to disk");
    if (::close(fd) != 0) {
        error = std::string("cannot write: ") + std::strerror(errno);
        ::unlink(tmpl.c_str());
        g.refusal = WriteRefusal::Failed;
        return false;
    }
    if (g.expected) {
        // The last look before the rename: an edit saved while we wrote wins.
        struct stat now {};
        if (::stat(target.c_str(), &now) != 0 || !same_file_state(now, *g.expected)) {
            ::unlink(tmpl.c_str());
            error = "the file changed while it was being fixed";
            g.refusal = WriteRefusal::Changed;
            return false;
        }
    }
    if (::rename(tmpl.c_str(), target.c_str()) != 0) {
        error = std::string("cannot replace the file: ") + std::strerror(errno);
        ::unlink(tmpl.c_str());
        g.refusal = WriteRefusal::Failed;
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
}  // namespace

bool same_file_state(const struct stat& a, const struct stat& b) {
    return a.st_ino == b.st_ino && a.st_dev == b.st_dev && a.st_size == b.st_size &&
           a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec &&
           a.st_ctim.tv_sec == b.st_ctim.tv_sec && a.st_ctim.tv_nsec == b.st_ctim.tv_nsec;
}

size_t remove_stale_temporaries(const std::string& target) {
    fs::path t = target;
    fs::path dir = t.parent_path();
    if (dir.empty()) dir = ".";
    const std::string prefix = "." + t.filename().string() + ".plancheck-";
    DIR* d = ::opendir(dir.c_str());
    if (!d) return 0;
    size_t removed = 0;
    const time_t now = ::time(nullptr);
    while (dirent* e = ::readdir(d)) {
        std::string_view name = e->d_name;
        if (name.size() != prefix.size() + 6 || name.substr(0, prefix.size()) != prefix) continue;
        std::string full = (dir / std::string(name)).string();
        struct stat st {};
        if (::lstat(full.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid()) continue;
        if (now - st.st_mtim.tv_sec < 60) continue;  // maybe another run's, being written now
        if (::unlink(full.c_str()) == 0) ++removed;
    }
    ::closedir(d);
    return removed;
}

bool write_atomically(const std::string& path, std::string_view bytes, std::string& error) {
    Guard g;
    return write_core(path, bytes, error, g);
}

WriteRefusal replace_guarded(const std::string& path, std::string_view bytes, const struct stat& expected,
                             std::string& error) {
    Guard g;
    g.expected = &expected;
    g.strict_metadata = true;
    if (write_core(path, bytes, error, g)) return WriteRefusal::None;
    return g.refusal == WriteRefusal::None ? WriteRefusal::Failed : g.refusal;
}

bool write_output(const std::string& path, std::string_view bytes, std::string& error) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !(S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)))
        return write_atomically(path, bytes, error);
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        error = std::strerror(errno);
        return false;
    }
    for (size_t done = 0; done < bytes.size();) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error = std::strerror(errno);
            ::close(fd);
            return false;
        }
        done += static_cast<size_t>(n);
    }
    if (::close(fd) != 0) {
        error = std::strerror(errno);
        return false;
    }
    return true;
}

}  // namespace plancheck::pipeline
