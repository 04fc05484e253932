// Force-included (-include) in the fuzz build when clang is older than 15: libstdc++ 12 only
// declares std::source_location when the compiler has __builtin_source_location, which clang 14
// lacks. This stand-in has the same interface, built on the older __builtin_FILE family. It is
// used for the fuzz build only; the normal g++ build never sees it.
#pragma once

#include <version>

#if !__has_builtin(__builtin_source_location)
#include <cstdint>
namespace std {
struct source_location {
    static consteval source_location current(const char* file = __builtin_FILE(),
                                             const char* function = __builtin_FUNCTION(),
                                             std::uint_least32_t line = __builtin_LINE(),
                                             std::uint_least32_t column = __builtin_COLUMN()) {
        source_location s;
        s.file_ = file;
        s.function_ = function;
        s.line_ = line;
        s.column_ = column;
        return s;
    }
    constexpr source_location() noexcept = default;
    [[nodiscard]] constexpr const char* file_name() const noexcept { return file_; }
    [[nodiscard]] constexpr const char* function_name() const noexcept { return function_; }
    [[nodiscard]] constexpr std::uint_least32_t line() const noexcept { return line_; }
    [[nodiscard]] constexpr std::uint_least32_t column() const noexcept { return column_; }

private:
    const char* file_ = "";
    const char* function_ = "";
    std::uint_least32_t line_ = 0;
    std::uint_least32_t column_ = 0;
};
} // namespace std
#endif
