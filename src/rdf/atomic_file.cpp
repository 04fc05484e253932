#include "rdf/atomic_file.hpp"

#include "core/error.hpp"

#include <cerrno>
#include <fcntl.h>
#include <system_error>
#include <unistd.h>

namespace parley::rdf {

namespace {
std::string describe(int err) {
    return std::generic_category().message(err);
}
} // namespace

void ensure_directory(const std::filesystem::path& dir) {
    if (dir.empty()) return;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw io_error("cannot create output directory " + dir.string() + ": " + ec.message());
    if (!std::filesystem::is_directory(dir, ec))
        throw io_error("output path " + dir.string() + " is not a directory");
}

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
    const auto dir = target_.parent_path();
    ensure_directory(dir);
    temp_ = dir / ("." + target_.filename().string() + ".tmp-" + std::to_string(::getpid()));
    file_ = std::fopen(temp_.c_str(), "wb");
    if (!file_) {
        const int err = errno;
        throw io_error("cannot write to directory " +
                       (dir.empty() ? std::string(".") : dir.string()) + " (creating " +
                       temp_.filename().string() + "): " + describe(err));
    }
}

AtomicFile::~AtomicFile() {
    if (!committed_) discard();
}

void AtomicFile::discard() noexcept {
    if (file_) {
        std::fclose(file_);
        file_ = nullptr;
    }
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
}

void AtomicFile::fail(const std::string& what, int err) {
    discard();
    throw io_error("cannot write " + target_.string() + ": " + what +
                   (err ? ": " + describe(err) : std::string()));
}

void AtomicFile::write(std::string_view bytes) {
    PARLEY_CHECK(file_ != nullptr, "write after commit");
    if (bytes.empty()) return;
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
        fail("write failed", errno);
}

void AtomicFile::commit() {
    PARLEY_CHECK(file_ != nullptr, "commit twice");
    if (std::fflush(file_) != 0) fail("flush failed", errno);
    if (std::ferror(file_)) fail("write failed", errno ? errno : EIO);
    if (::fsync(::fileno(file_)) != 0) fail("fsync failed", errno);
    std::FILE* f = file_;
    file_ = nullptr;
    if (std::fclose(f) != 0) fail("close failed", errno);
    std::error_code ec;
    std::filesystem::rename(temp_, target_, ec);
    if (ec) fail("rename failed: " + ec.message(), 0);
    committed_ = true;
    // Make the rename durable; a failure here cannot lose data that was already written.
    const auto dir =
        target_.parent_path().empty() ? std::filesystem::path(".") : target_.parent_path();
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
    AtomicFile f(target);
    f.write(bytes);
    f.commit();
}

} // namespace parley::rdf
