// Small string helpers shared by the export writers (internal to src/export).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parley::export_detail {

/// ASCII lower-case (other bytes unchanged), for case-insensitive name matching.
[[nodiscard]] std::string fold(std::string_view s);

/// Number of Unicode code points of the UTF-8 string `s`.
[[nodiscard]] std::size_t code_points(std::string_view s);

/// Splits `text` into lines of at most `width` code points at spaces (a longer word gets a line
/// of its own). With more than `max_lines` lines, the last kept line ends in "…".
[[nodiscard]] std::vector<std::string> wrap(std::string_view text, std::size_t width,
                                            std::size_t max_lines);

/// A JSON string literal (with quotes) that is also safe inside an HTML `<script>` element:
/// `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`, and U+2028/U+2029 escaped.
[[nodiscard]] std::string json_string(std::string_view s);

/// ASCII slug as in document keys: lower-case letters and digits, other runs become one '-'.
[[nodiscard]] std::string simple_slug(std::string_view s);

} // namespace parley::export_detail
