// Python-compatible text forms used by `parley eval` so that its output reads like the reference
// scorer's: `repr()` of strings and lists of strings, `repr()` of floats (shortest round-trip),
// and JSON string escaping as `json.dumps(..., ensure_ascii=False)` does it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

/// Python's `repr(s)` for a str: single quotes unless `s` holds `'` and no `"`.
[[nodiscard]] std::string py_str_repr(std::string_view s);

/// Python's `repr(list_of_str)`, e.g. `['a', "b's"]`.
[[nodiscard]] std::string py_list_repr(const std::vector<std::string>& items);

/// Python's `repr(x)` for a float: the shortest string that reads back as `x`, with `.0` for
/// integral values and an exponent below 1e-4 or from 1e16 (`0.5`, `1.0`, `1e-05`).
[[nodiscard]] std::string py_float_repr(double x);

/// `s` as a JSON string literal (quotes included), escaped like Python's
/// `json.dumps(s, ensure_ascii=False)`.
[[nodiscard]] std::string json_string(std::string_view s);

/// The first `n` code points of the UTF-8 text `s`.
[[nodiscard]] std::string utf8_prefix(std::string_view s, std::size_t n);

} // namespace parley
