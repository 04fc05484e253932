// Bytes to well-formed UTF-8: byte order marks, UTF-16/32 conversion, binary detection, strict
// UTF-8 validation with the exact byte offset, the Latin-1 fallback through ICU charset
// detection, and the lenient U+FFFD replacement. The rules are documented in ingest.hpp.
#include "core/error.hpp"
#include "core/text.hpp"
#include "ingest/ingest.hpp"
#include "ingest/internal.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <optional>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <vector>

namespace parley::ingest_detail {

namespace {

/// Calls `Free(p)` for a non-null `p` (one typed deleter per ICU C handle).
template <auto Free> struct IcuFree {
    template <class T> void operator()(T* p) const noexcept {
        if (p) Free(p);
    }
};
using ConverterPtr = std::unique_ptr<UConverter, IcuFree<ucnv_close>>;
using DetectorPtr = std::unique_ptr<UCharsetDetector, IcuFree<ucsdet_close>>;

/// Lowest ICU detection confidence (0..100) at which an 8-bit Latin charset is believed.
constexpr int32_t kMinLatinConfidence = 20;

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

/// Converts `bytes` from `charset` to UTF-8 with ICU. `base` is the file offset of `bytes[0]`,
/// for messages. Strict unless `lenient`: an invalid sequence is a `ParleyError` naming the byte
/// offset; lenient conversion puts U+FFFD in its place and adds one warning.
std::string convert_to_utf8(std::string_view bytes, const char* charset, std::size_t base,
                            const std::string& name, bool lenient,
                            std::vector<std::string>& warnings) {
    UErrorCode status = U_ZERO_ERROR;
    ConverterPtr conv(ucnv_open(charset, &status));
    if (U_FAILURE(status) || !conv)
        throw io_error(name + ": ICU has no converter for " + charset + ": " + u_errorName(status));
    // The stop callback makes every invalid sequence visible here, so the offset is exact.
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status))
        throw io_error(name + ": ICU converter setup failed: " + u_errorName(status));

    // Every supported charset yields at most one UTF-16 unit per input byte (plus one U+FFFD
    // per invalid sequence, which is at least one byte long).
    std::vector<UChar> out(bytes.size() + 16);
    std::size_t used = 0; // UChars written; an offset survives the buffer's growth
    const char* const begin = bytes.data();
    const char* source = begin;
    const char* const source_end = begin + bytes.size();
    std::size_t replaced = 0;
    std::size_t first_bad = 0;
    for (;;) {
        status = U_ZERO_ERROR;
        UChar* target = out.data() + used;
        ucnv_toUnicode(conv.get(), &target, out.data() + out.size(), &source, source_end, nullptr,
                       true, &status);
        used = static_cast<std::size_t>(target - out.data());
        if (U_SUCCESS(status)) break;
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            out.resize(out.size() * 2);
            continue;
        }
        if (status != U_ILLEGAL_CHAR_FOUND && status != U_INVALID_CHAR_FOUND &&
            status != U_TRUNCATED_CHAR_FOUND)
            throw io_error(name + ": cannot convert from " + charset + ": " + u_errorName(status));
        std::array<char, 32> bad{};
        auto bad_len = static_cast<int8_t>(bad.size());
        UErrorCode info = U_ZERO_ERROR;
        ucnv_getInvalidChars(conv.get(), bad.data(), &bad_len, &info);
        const std::size_t consumed = static_cast<std::size_t>(source - begin);
        const std::size_t at =
            base + consumed - std::min<std::size_t>(consumed, U_SUCCESS(info) ? bad_len : 0);
        if (!lenient)
            throw io_error(name + ": invalid " + charset + " at byte " + std::to_string(at));
        if (replaced++ == 0) first_bad = at;
        if (used == out.size()) out.resize(out.size() * 2);
        out[used++] = 0xFFFD;
    }
    if (replaced > 0)
        warnings.push_back(name + ": replaced " + std::to_string(replaced) + " invalid " + charset +
                           " sequence(s) with U+FFFD (first at byte " + std::to_string(first_bad) +
                           ")");
    const auto units = static_cast<int32_t>(used);
    std::string utf8;
    icu::UnicodeString(false, out.data(), units).toUTF8String(utf8);
    return utf8;
}

/// A charset ICU may detect, and the one to decode it with (also the name reported).
struct LatinCharset {
    std::string_view detected;
    const char* decode_as;
};

/// Asks ICU charset detection about `bytes`, which contain no well-formed multi-byte UTF-8
/// sequence. Returns an 8-bit Latin charset when that is ICU's best non-Unicode answer with
/// confidence >= `kMinLatinConfidence`, else nothing. `first_bad` (the first high byte) centres
/// the sample so that large files are not scanned whole.
std::optional<LatinCharset> detect_latin(std::string_view bytes, std::size_t first_bad) {
    constexpr std::size_t kBefore = 32 * 1024, kSample = 256 * 1024;
    const std::size_t start = first_bad > kBefore ? first_bad - kBefore : 0;
    const std::string_view sample = bytes.substr(start, kSample);

    UErrorCode status = U_ZERO_ERROR;
    DetectorPtr det(ucsdet_open(&status));
    if (U_FAILURE(status) || !det) return std::nullopt;
    // ICU keeps a pointer to `sample`, which outlives `det`'s use below.
    ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    int32_t count = 0;
    // The matches are owned by `det`.
    const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &status);
    if (U_FAILURE(status) || matches == nullptr) return std::nullopt;

    // ISO-8859-1 is decoded as its superset windows-1252, which ICU reports when C1 bytes occur.
    static constexpr std::array<LatinCharset, 6> kLatin{{
        {"ISO-8859-1", "windows-1252"},
        {"windows-1252", "windows-1252"},
        {"ISO-8859-2", "ISO-8859-2"},
        {"windows-1250", "windows-1250"},
        {"ISO-8859-9", "ISO-8859-9"},
        {"windows-1254", "windows-1254"},
    }};

    for (int32_t i = 0; i < count; ++i) {
        UErrorCode s = U_ZERO_ERROR;
        const char* detected = ucsdet_getName(matches[i], &s);
        const int32_t confidence = ucsdet_getConfidence(matches[i], &s);
        if (U_FAILURE(s) || detected == nullptr) continue;
        const std::string_view n(detected);
        // Unicode answers are noise here: the text has no NULs and is not valid UTF-8.
        if (starts_with(n, "UTF-")) continue;
        for (const LatinCharset& latin : kLatin)
            if (n == latin.detected && confidence >= kMinLatinConfidence) return latin;
        return std::nullopt; // The best answer is another charset, or not confident.
    }
    return std::nullopt;
}

/// Replaces every maximal ill-formed subpart with U+FFFD. Returns how many were replaced.
std::size_t replace_invalid(std::string& text) {
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t replaced = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            out += text[i++];
            continue;
        }
        const Utf8Step step = utf8_step(text, i);
        if (step.valid) {
            out.append(text, i, step.length);
        } else {
            out += "\xEF\xBF\xBD";
            ++replaced;
        }
        i += step.length;
    }
    text = std::move(out);
    return replaced;
}

} // namespace

std::string binary_reason(std::string_view text) {
    if (text.find('\0') != std::string_view::npos) return "contains NUL bytes";
    std::size_t controls = 0;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        // Tab, LF, VT, FF, CR and ESC occur in real text files; other C0 controls and DEL don't.
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' &&
             c != 0x1B) ||
            c == 0x7F)
            ++controls;
    }
    if (controls > 0 && controls * 10 > text.size()) return "mostly control characters";
    return {};
}

std::string decode(std::string bytes, const std::string& name, bool lenient,
                   std::vector<std::string>& warnings) {
    if (bytes.size() > kMaxFileBytes)
        throw io_error(name + ": too large (" + std::to_string(bytes.size()) +
                       " bytes; the limit is 1 GiB)");
    const auto skip_if_binary = [&](std::string_view text) {
        const std::string reason = binary_reason(text);
        if (!reason.empty()) throw SkippedFile(name + ": skipped: binary file (" + reason + ")");
    };

    // UTF-32 marks first: FF FE 00 00 also starts with the UTF-16LE mark.
    struct Bom {
        std::string_view mark;
        const char* charset;
    };
    static constexpr std::array<Bom, 4> kBoms{{
        {std::string_view("\xFF\xFE\0\0", 4), "UTF-32LE"},
        {std::string_view("\0\0\xFE\xFF", 4), "UTF-32BE"},
        {std::string_view("\xFF\xFE", 2), "UTF-16LE"},
        {std::string_view("\xFE\xFF", 2), "UTF-16BE"},
    }};
    for (const Bom& bom : kBoms) {
        if (!starts_with(bytes, bom.mark)) continue;
        std::string text = convert_to_utf8(std::string_view(bytes).substr(bom.mark.size()),
                                           bom.charset, bom.mark.size(), name, lenient, warnings);
        skip_if_binary(text);
        warnings.push_back(name + ": decoded as " + bom.charset + " (byte order mark)");
        return text;
    }

    std::size_t base = 0;
    const bool utf8_bom = starts_with(bytes, "\xEF\xBB\xBF");
    if (utf8_bom) {
        bytes.erase(0, 3);
        base = 3;
        warnings.push_back(name + ": removed a UTF-8 byte order mark");
    }
    skip_if_binary(bytes);

    // One pass: the first ill-formed sequence and whether any well-formed multi-byte one exists.
    std::size_t first_bad = std::string::npos;
    bool multibyte = false;
    for (std::size_t i = 0; i < bytes.size();) {
        if (static_cast<unsigned char>(bytes[i]) < 0x80) {
            ++i;
            continue;
        }
        const Utf8Step step = utf8_step(bytes, i);
        if (step.valid)
            multibyte = true;
        else if (first_bad == std::string::npos)
            first_bad = i;
        if (multibyte && first_bad != std::string::npos) break; // the verdict is known
        i += step.length;
    }
    if (first_bad == std::string::npos) return bytes;

    if (!multibyte && !utf8_bom) {
        if (const auto latin = detect_latin(bytes, first_bad)) {
            // Undefined bytes of the charset (rare) become U+FFFD with a warning.
            std::string text = convert_to_utf8(bytes, latin->decode_as, base, name, true, warnings);
            warnings.push_back(name + ": decoded as " + latin->decode_as);
            return text;
        }
    }
    if (!lenient)
        throw io_error(name + ": invalid UTF-8 at byte " + std::to_string(base + first_bad));
    const std::size_t replaced = replace_invalid(bytes);
    warnings.push_back(name + ": replaced " + std::to_string(replaced) +
                       " invalid UTF-8 sequence(s) with U+FFFD (first at byte " +
                       std::to_string(base + first_bad) + ")");
    return bytes;
}

} // namespace parley::ingest_detail
