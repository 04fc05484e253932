// Building blocks of the ingest stage, shared by the files of src/ingest/ and their tests. No
// ICU types here: ICU stays inside the .cpp files.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parley::ingest_detail {

/// Turns raw file bytes into well-formed UTF-8 following the decoding rules of ingest.hpp.
/// `name` prefixes every message. Notes are appended to `warnings`. Throws `SkippedFile` for
/// binary input and `ParleyError` (exit 2) for invalid input when not `lenient`.
std::string decode(std::string bytes, const std::string& name, bool lenient,
                   std::vector<std::string>& warnings);

/// Why `text` looks binary ("contains NUL bytes", ...), or empty when it looks like text.
std::string binary_reason(std::string_view text);

/// Line ends to LF, control characters to spaces, noncharacters to U+FFFD, and U+034F after 30
/// combining marks in a row. `text` must be well-formed UTF-8.
/// Returns `text` itself (no copy) when nothing needs changing.
std::string clean_text(std::string text, const std::string& name,
                       std::vector<std::string>& warnings);

/// Largest input accepted, in bytes (ICU string lengths are 32-bit).
inline constexpr std::size_t kMaxFileBytes = std::size_t{1} << 30;

} // namespace parley::ingest_detail
