// Atomic file output: write to a temporary file in the target's directory, flush, fsync, check
// for errors, then rename it over the target. On any failure the temporary file is removed and
// the previous target stays intact.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string_view>

namespace parley::rdf {

class AtomicFile {
public:
    /// Opens `.<name>.tmp-<pid>` beside `target`. Throws `ParleyError` (io_error, exit 2)
    /// naming the directory when it cannot be created.
    explicit AtomicFile(std::filesystem::path target);
    /// Removes the temporary file unless `commit()` succeeded.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// The open temporary file (owned by this object; valid until `commit()` or destruction).
    [[nodiscard]] std::FILE* get() const { return file_; }
    [[nodiscard]] const std::filesystem::path& target() const { return target_; }
    [[nodiscard]] const std::filesystem::path& temp_path() const { return temp_; }

    /// Writes `bytes`; throws io_error naming the target on a short write.
    void write(std::string_view bytes);

    /// Flushes, fsyncs and closes the temporary file and renames it over the target. Throws
    /// io_error naming the target (e.g. "No space left on device") and removes the temporary file
    /// on failure.
    void commit();

private:
    [[noreturn]] void fail(const std::string& what, int err);
    void discard() noexcept;

    std::filesystem::path target_;
    std::filesystem::path temp_;
    std::FILE* file_ = nullptr; ///< owned
    bool committed_ = false;
};

/// Creates `dir` (and parents) when missing. Throws io_error naming `dir` when it cannot be
/// created or is not a directory.
void ensure_directory(const std::filesystem::path& dir);

/// Writes `bytes` to `target` atomically.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

} // namespace parley::rdf
