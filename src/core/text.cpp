// Text helpers on top of ICU. Every ICU object is owned by a `std::unique_ptr` or a value type
// (`icu::UnicodeString`); the normalizer instances returned by `Normalizer2::get*Instance` are
// process-wide singletons owned by ICU and must not be deleted.
#include "core/text.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <memory>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <vector>

namespace parley {

namespace {

bool is_ascii(std::string_view s) {
    for (const char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

/// Maps every run of characters other than [a-z0-9] to one '-' and trims '-' at both ends;
/// apostrophes are dropped ("o'brien" -> "obrien"). `s` must already be lower-case ASCII where
/// it matters.
std::string dash_runs(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_dash = false;
    for (const char ch : s) {
        if (ch == '\'') continue;
        const bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
        if (!keep) {
            pending_dash = true;
            continue;
        }
        if (pending_dash && !out.empty()) out += '-';
        pending_dash = false;
        out += ch;
    }
    if (out.empty()) out.push_back('x');
    return out;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// Python's `str.isspace()` set: the Unicode White_Space property plus U+001C..U+001F, which
/// Python also treats as separators (bidi classes B and S).
bool python_space(UChar32 c) {
    return u_isUWhiteSpace(c) || (c >= 0x1C && c <= 0x1F);
}

std::unique_ptr<icu::Transliterator> make_slug_transliterator() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !t)
        throw io_error(std::string("ICU: cannot create the slug transliterator: ") +
                       u_errorName(status));
    return t;
}

std::string slug_with(const icu::Transliterator& t, std::string_view text) {
    if (is_ascii(text)) return dash_runs(ascii_lower(text));
    auto u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    t.transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return dash_runs(out);
}

const icu::Normalizer2& normalizer(bool compose) {
    UErrorCode status = U_ZERO_ERROR;
    // Not owned: ICU returns a process-wide singleton.
    const icu::Normalizer2* n = compose ? icu::Normalizer2::getNFCInstance(status)
                                        : icu::Normalizer2::getNFKDInstance(status);
    if (U_FAILURE(status) || n == nullptr)
        throw io_error(std::string("ICU: cannot load normalization data: ") + u_errorName(status));
    return *n;
}

icu::UnicodeString to_unicode(std::string_view text) {
    return icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

} // namespace

struct Slugifier::Impl {
    std::unique_ptr<icu::Transliterator> transliterator = make_slug_transliterator();
};

Slugifier::Slugifier() : impl_(std::make_unique<Impl>()) {}
Slugifier::~Slugifier() = default;
Slugifier::Slugifier(Slugifier&&) noexcept = default;
Slugifier& Slugifier::operator=(Slugifier&&) noexcept = default;

std::string Slugifier::operator()(std::string_view text) const {
    return slug_with(*impl_->transliterator, text);
}

std::string slugify(std::string_view text) {
    // Pure ASCII text needs no transliterator: "Any-Latin; Latin-ASCII" is the identity on it.
    if (is_ascii(text)) return dash_runs(ascii_lower(text));
    const auto t = make_slug_transliterator();
    return slug_with(*t, text);
}

std::string name_key(std::string_view text) {
    if (is_ascii(text)) {
        // The same steps on ASCII, without ICU strings: NFKD changes no ASCII character and
        // none is a mark; case folding lower-cases A-Z.
        std::string out;
        out.reserve(text.size());
        bool pending_space = false;
        for (const char ch : text) {
            UChar32 c = static_cast<unsigned char>(ch);
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            if ((U_GET_GC_MASK(c) & U_GC_P_MASK) != 0) continue;
            if (python_space(c)) {
                pending_space = true;
                continue;
            }
            if (pending_space && !out.empty()) out += ' ';
            pending_space = false;
            out += static_cast<char>(c);
        }
        return out;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString decomposed = normalizer(false).normalize(to_unicode(text), status);
    if (U_FAILURE(status))
        throw io_error(std::string("ICU: NFKD normalization failed: ") + u_errorName(status));

    // The same steps, in the same order, as `norm()` in the reference scorer: drop marks
    // (general category M*), case-fold, drop punctuation (P*), collapse white space.
    icu::UnicodeString unmarked;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if ((U_GET_GC_MASK(c) & U_GC_M_MASK) == 0) unmarked.append(c);
    }
    unmarked.foldCase(U_FOLD_CASE_DEFAULT);

    icu::UnicodeString out;
    bool pending_space = false;
    for (int32_t i = 0; i < unmarked.length();) {
        const UChar32 c = unmarked.char32At(i);
        i += U16_LENGTH(c);
        if ((U_GET_GC_MASK(c) & U_GC_P_MASK) != 0) continue;
        if (python_space(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space && !out.isEmpty()) out.append(static_cast<UChar>(' '));
        pending_space = false;
        out.append(c);
    }
    std::string result;
    out.toUTF8String(result);
    return result;
}

Utf8Step utf8_step(std::string_view text, std::size_t pos) {
    PARLEY_CHECK(pos < text.size(), "utf8_step past the end");
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80) return {1, true};
    // Table 3-7: the allowed range of the second byte depends on the first; later bytes are
    // always 80..BF.
    std::size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
    } else if (b0 == 0xE0) {
        need = 2;
        lo = 0xA0;
    } else if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) {
        need = 2;
    } else if (b0 == 0xED) {
        need = 2;
        hi = 0x9F;
    } else if (b0 == 0xF0) {
        need = 3;
        lo = 0x90;
    } else if (b0 >= 0xF1 && b0 <= 0xF3) {
        need = 3;
    } else if (b0 == 0xF4) {
        need = 3;
        hi = 0x8F;
    } else {
        return {1, false};
    }
    std::size_t len = 1;
    for (std::size_t k = 0; k < need; ++k, lo = 0x80, hi = 0xBF) {
        if (pos + len >= text.size()) return {len, false};
        const unsigned char b = byte(pos + len);
        if (b < lo || b > hi) return {len, false};
        ++len;
    }
    return {len, true};
}

std::size_t utf8_error_offset(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const Utf8Step step = utf8_step(text, i);
        if (!step.valid) return i;
        i += step.length;
    }
    return std::string_view::npos;
}

std::string fold_case(std::string_view text) {
    std::string result;
    to_unicode(text).foldCase(U_FOLD_CASE_DEFAULT).toUTF8String(result);
    return result;
}

bool is_nfc(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const bool yes = normalizer(true).isNormalizedUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
    return yes && U_SUCCESS(status) && utf8_error_offset(text) == std::string_view::npos;
}

std::string nfc(std::string_view text) {
    const icu::Normalizer2& n = normalizer(true);
    UErrorCode status = U_ZERO_ERROR;
    std::string out;
    if (utf8_error_offset(text) != std::string_view::npos) {
        // ICU's UTF-8 normalizer does not repair ill-formed input; going through UTF-16 replaces
        // each bad sequence with U+FFFD, so callers always get well-formed NFC text.
        const icu::UnicodeString u = n.normalize(to_unicode(text), status);
        if (U_FAILURE(status))
            throw io_error(std::string("ICU: NFC normalization failed: ") + u_errorName(status));
        u.toUTF8String(out);
        return out;
    }
    const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
    if (n.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(text);
    status = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
    n.normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_FAILURE(status))
        throw io_error(std::string("ICU: NFC normalization failed: ") + u_errorName(status));
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min(
                {prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

} // namespace parley
