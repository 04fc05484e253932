// Small text helpers shared by the stages (ICU stays in text.cpp).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace parley {

/// ASCII slug for IRIs: transliterated to Latin-ASCII, lower-case, runs of other characters
/// become one '-', no leading/trailing '-'; "Vučić" -> "vucic", "U.S." -> "u-s". Never empty
/// ("x" when nothing is left). Apostrophes are dropped: "O'Brien" -> "obrien".
std::string slugify(std::string_view text);

/// Key for comparing names: NFKD, diacritics removed, case-folded, punctuation removed, spaces
/// collapsed (the same normalisation as the reference scorer).
std::string name_key(std::string_view text);

/// Case-folded UTF-8.
std::string fold_case(std::string_view text);

/// Levenshtein distance of two byte strings (for short words: names, surnames).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// NFC-normalized UTF-8. Ill-formed input comes back well-formed (bad sequences become U+FFFD).
std::string nfc(std::string_view text);

/// Whether well-formed UTF-8 `text` is already in NFC (a fast check, no copy).
bool is_nfc(std::string_view text);

/// `slugify` with one transliterator reused across calls, for loops over many names (creating the
/// ICU transliterator costs about a millisecond). Not thread-safe: use one per thread.
class Slugifier {
public:
    Slugifier();
    ~Slugifier();
    Slugifier(Slugifier&&) noexcept;
    Slugifier& operator=(Slugifier&&) noexcept;
    /// The same result as `slugify(text)`.
    std::string operator()(std::string_view text) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// One step of UTF-8 decoding at byte `pos < text.size()`. `valid` tells whether a well-formed
/// sequence starts there (Unicode Table 3-7: no overlong forms, surrogates or values above
/// U+10FFFF); `length` is its length in bytes or, when ill-formed, the length of its maximal
/// subpart (at least 1), the unit that one U+FFFD replaces.
struct Utf8Step {
    std::size_t length = 1;
    bool valid = false;
};
Utf8Step utf8_step(std::string_view text, std::size_t pos);

/// Byte offset of the first ill-formed UTF-8 sequence of `text`, or `std::string_view::npos`.
std::size_t utf8_error_offset(std::string_view text);

} // namespace parley
