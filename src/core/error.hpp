// Errors of three kinds (see STYLE.md point 6):
//  - `ParleyError`: user, content and I/O failures; carries the process exit code and is caught
//    once in `main`.
//  - `PARLEY_CHECK(cond, msg)`: internal invariants; throws `InternalError` with the source
//    location, so a broken invariant is a clear bug report and never undefined behaviour.
//  - per-item problems (one bad sentence or triple) become `Warning`s and the run goes on.
#pragma once

#include <source_location>
#include <stdexcept>
#include <string>

namespace parley {

/// Process exit codes, documented in `--help` and the README.
enum class ExitCode : int {
    Ok = 0,
    Content = 1, ///< content or validation problems (bad gold file, SHACL violations with --strict)
    Usage = 2,   ///< usage, I/O or configuration errors (unreadable input, bad YAML, full disk)
    Internal = 3 ///< a broken internal invariant: a bug in parley
};

/// A failure that the user can act on. `what()` is the whole message, already naming the file
/// (and line or byte offset) where that is known.
class ParleyError : public std::runtime_error {
public:
    ParleyError(ExitCode code, const std::string& message)
        : std::runtime_error(message), code_(code) {}
    [[nodiscard]] ExitCode code() const noexcept { return code_; }

private:
    ExitCode code_;
};

/// Usage or I/O error (exit code 2).
inline ParleyError io_error(const std::string& message) {
    return ParleyError(ExitCode::Usage, message);
}
/// Content or validation error (exit code 1).
inline ParleyError content_error(const std::string& message) {
    return ParleyError(ExitCode::Content, message);
}

/// A broken internal invariant (exit code 3).
class InternalError : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

[[noreturn]] void fail_check(const char* condition, const std::string& message,
                             std::source_location where);

} // namespace parley

/// Checks an internal invariant; on failure throws `parley::InternalError` naming the condition,
/// the message and the source location.
#define PARLEY_CHECK(cond, msg)                                                                    \
    do {                                                                                           \
        if (!(cond)) ::parley::fail_check(#cond, (msg), std::source_location::current());          \
    } while (false)
