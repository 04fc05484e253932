// Small text helpers shared by the stages (ICU stays in text.cpp).
#pragma once

#include <string>
#include <string_view>

namespace parley {

/// ASCII slug for IRIs: transliterated to Latin-ASCII, lower-case, runs of other characters
/// become one '-', no leading/trailing '-'; "Vučić" -> "vucic", "U.S." -> "u-s". Never empty
/// ("x" when nothing is left).
std::string slugify(std::string_view text);

/// Key for comparing names: NFKD, diacritics removed, case-folded, punctuation removed, spaces
/// collapsed (the same normalisation as the reference scorer).
std::string name_key(std::string_view text);

/// Case-folded UTF-8.
std::string fold_case(std::string_view text);

/// NFC-normalized UTF-8.
std::string nfc(std::string_view text);

} // namespace parley
