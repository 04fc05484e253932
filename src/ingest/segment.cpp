// Cleaning of decoded text and sentence segmentation: ICU's English sentence break iterator over
// each line (a line break always ends a sentence), with rules for abbreviations on top.
#include "core/error.hpp"
#include "ingest/ingest.hpp"
#include "ingest/internal.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <memory>
#include <string>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

namespace parley {

namespace {

/// Decodes the code point starting at `text[i]` (well-formed UTF-8) and stores its length.
char32_t decode_at(std::string_view text, std::size_t i, std::size_t& len) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char b0 = b(0);
    if (b0 < 0x80) {
        len = 1;
        return b0;
    }
    if (b0 < 0xE0 && i + 1 < text.size()) {
        len = 2;
        return (char32_t{b0} & 0x1F) << 6 | (b(1) & 0x3F);
    }
    if (b0 < 0xF0 && i + 2 < text.size()) {
        len = 3;
        return (char32_t{b0} & 0x0F) << 12 | char32_t{b(1) & 0x3Fu} << 6 | (b(2) & 0x3F);
    }
    if (i + 3 < text.size()) {
        len = 4;
        return (char32_t{b0} & 0x07) << 18 | char32_t{b(1) & 0x3Fu} << 12 |
               char32_t{b(2) & 0x3Fu} << 6 | (b(3) & 0x3F);
    }
    len = 1; // ill-formed tail: only reachable with bad input, treated as one unit
    return 0xFFFD;
}

/// Start of the code point that ends at `end` (exclusive).
std::size_t previous_start(std::string_view text, std::size_t end) {
    std::size_t i = end - 1;
    while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80 && end - i < 4)
        --i;
    return i;
}

bool blank(char32_t c) {
    return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0x200B || c == 0x2060 || c == 0xFEFF;
}

// ---- abbreviations ----------------------------------------------------------------------------

using Words = std::initializer_list<std::string_view>;

bool one_of(std::string_view w, Words list) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

/// Titles and name prefixes: a name follows, so no sentence ends after them.
bool is_title(std::string_view w) {
    return one_of(w, {"Mr",   "Mrs",  "Ms",   "Messrs", "Mme",  "Mlle", "Dr",  "Prof",  "Gen",
                      "Lt",   "Col",  "Maj",  "Capt",   "Cpt",  "Sgt",  "Cpl", "Pvt",   "Adm",
                      "Cmdr", "Brig", "Sen",  "Rep",    "Gov",  "Pres", "Amb", "Rev",   "Fr",
                      "Hon",  "St",   "Supt", "Insp",   "Atty", "Mt",   "Ft",  "Sheikh"});
}

/// Abbreviations that are normally followed by a number ("Dec. 3", "No. 10").
bool is_number_abbrev(std::string_view w) {
    return one_of(w, {"Jan", "Feb",  "Mar",  "Apr", "Jun", "Jul", "Aug",  "Sep",    "Sept", "Oct",
                      "Nov", "Dec",  "No",   "Nos", "Nr",  "Art", "Arts", "Vol",    "vol",  "p",
                      "pp",  "para", "Para", "Sec", "Ch",  "Fig", "fig",  "approx", "ca",   "Res"});
}

/// Other abbreviations after which a number or a lower-case word continues the sentence.
bool is_other_abbrev(std::string_view w) {
    return one_of(w, {"etc", "Inc", "Corp", "Ltd", "Co", "Jr", "Sr", "al", "est", "Ave", "Blvd",
                      "Rd", "Bros", "Dept", "Univ", "Assn", "Gov't", "incl", "esp"});
}

/// Abbreviations that never end a sentence in news text.
bool is_inner_abbrev(std::string_view w) {
    return one_of(w, {"e.g", "i.e", "E.g", "I.e", "cf", "Cf", "vs", "viz"});
}

/// Closed-class words that typically start a new sentence; after an initialism such as "U.S."
/// they signal a real sentence end ("... in the U.S. The talks ...").
bool is_function_word(std::string_view w) {
    return one_of(
        w, {"The",       "A",        "An",      "And",     "But",     "Or",        "Nor",
            "So",        "Yet",      "For",     "In",      "On",      "At",        "By",
            "To",        "From",     "With",    "Without", "Of",      "Over",      "Under",
            "As",        "If",       "When",    "While",   "After",   "Before",    "Since",
            "Until",     "Although", "Though",  "Because", "However", "Meanwhile", "Moreover",
            "Also",      "Still",    "Then",    "Thus",    "There",   "Here",      "This",
            "That",      "These",    "Those",   "It",      "Its",     "He",        "She",
            "They",      "We",       "I",       "You",     "His",     "Her",       "Their",
            "Our",       "My",       "Your",    "Who",     "What",    "Which",     "Where",
            "Why",       "How",      "Both",    "Each",    "Every",   "Some",      "Many",
            "Most",      "Several",  "Such",    "No",      "Not",     "All",       "Any",
            "Another",   "Other",    "Others",  "Last",    "Next",    "Earlier",   "Later",
            "According", "Despite",  "During",  "Among",   "Between", "Yes",       "Nevertheless",
            "Instead",   "Indeed",   "Even",    "Only",    "Now",     "Today",     "Yesterday",
            "Tomorrow",  "Asked",    "Speaking"});
}

/// "U.S", "D.C", "J" (upper-case letters separated by dots, the final dot removed): initials
/// and initialisms of names, after which a capitalised word usually continues the name.
bool is_upper_initialism(std::string_view w) {
    if (w.empty()) return false;
    for (std::size_t i = 0; i < w.size(); ++i) {
        const char c = w[i];
        if (i % 2 == 0 ? !(c >= 'A' && c <= 'Z') : c != '.') return false;
    }
    return w.size() % 2 == 1;
}

/// "a.m", "p.m", "U.S" and the like: letters separated by dots.
bool is_dotted(std::string_view w) {
    if (w.size() < 3) return false;
    for (std::size_t i = 0; i < w.size(); ++i) {
        const char c = w[i];
        const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (i % 2 == 0 ? !letter : c != '.') return false;
    }
    return w.size() % 2 == 1;
}

enum class NextKind { End, Lower, Upper, Digit, Other };

struct NextWord {
    NextKind kind = NextKind::End;
    bool quoted = false;   ///< an opening quotation mark or bracket comes first
    std::string_view word; ///< the word itself (letters, apostrophes, hyphens)
};

NextWord next_word(std::string_view line, std::size_t from) {
    NextWord next;
    std::size_t i = from;
    std::size_t len = 1;
    while (i < line.size()) {
        const char32_t c = decode_at(line, i, len);
        if (blank(c)) {
            i += len;
            continue;
        }
        if (c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C || c == 0x2018 ||
            c == 0x00AB) {
            next.quoted = true;
            i += len;
            continue;
        }
        break;
    }
    if (i >= line.size()) return next;
    const char32_t c = decode_at(line, i, len);
    const auto cp = static_cast<UChar32>(c);
    if (u_isdigit(cp))
        next.kind = NextKind::Digit;
    else if (u_isULowercase(cp))
        next.kind = NextKind::Lower;
    else if (u_isUUppercase(cp) || u_istitle(cp))
        next.kind = NextKind::Upper;
    else
        next.kind = NextKind::Other;
    std::size_t j = i;
    while (j < line.size()) {
        const char32_t d = decode_at(line, j, len);
        if (!(u_isalnum(static_cast<UChar32>(d)) || d == '\'' || d == '-' || d == 0x2019)) break;
        j += len;
    }
    next.word = line.substr(i, j - i);
    return next;
}

/// Whether the ICU break at `b` (after the sentence piece starting at `cur`) is not a sentence
/// end but follows an abbreviation.
bool joins(std::string_view line, std::size_t cur, std::size_t b) {
    std::size_t e = b;
    std::size_t len = 1;
    while (e > cur) {
        const std::size_t s = previous_start(line, e);
        if (!blank(decode_at(line, s, len))) break;
        e = s;
    }
    if (e <= cur || line[e - 1] != '.') return false;
    std::size_t t = e;
    while (t > cur && line[t - 1] != ' ' && line[t - 1] != '\t')
        --t;
    std::string_view token = line.substr(t, e - 1 - t); // without the final dot
    // Opening punctuation before the abbreviation: ( [ " ' “ ‘ «.
    for (bool stripped = true; stripped && !token.empty();) {
        stripped = false;
        for (const std::string_view open : {"(", "[", "\"", "'", "\u201C", "\u2018", "\u00AB"}) {
            if (token.substr(0, open.size()) == open) {
                token.remove_prefix(open.size());
                stripped = true;
            }
        }
    }
    if (token.empty()) return false;

    const NextWord next = next_word(line, b);
    if (next.kind == NextKind::End) return false;
    if (is_inner_abbrev(token)) return true;
    switch (next.kind) {
    case NextKind::Lower:
        return true;
    case NextKind::Digit:
        return is_number_abbrev(token) || is_title(token) || is_other_abbrev(token) ||
               is_dotted(token) || is_upper_initialism(token);
    case NextKind::Upper:
        if (next.quoted || is_function_word(next.word)) return false;
        return is_title(token) || is_upper_initialism(token);
    default:
        return false;
    }
}

struct UTextClose {
    void operator()(UText* t) const noexcept {
        if (t) utext_close(t);
    }
};
using UTextPtr = std::unique_ptr<UText, UTextClose>;

/// Collects trimmed, non-empty sentence ranges, cutting overlong ones.
class SentenceSink {
public:
    SentenceSink(std::string_view text, std::vector<Sentence>& out) : text_(text), out_(out) {}

    void add(std::size_t begin, std::size_t end) {
        trim(begin, end);
        if (begin >= end) return;
        if (end - begin > kMaxSentenceBytes) ++overlong_;
        while (end - begin > kMaxSentenceBytes) {
            std::size_t cut = begin + kMaxSentenceBytes;
            // Only the second half of the piece is searched, so cutting stays linear.
            const std::size_t lo = begin + kMaxSentenceBytes / 2;
            const std::size_t space = text_.substr(lo, cut - lo).rfind(' ');
            if (space != std::string_view::npos) {
                cut = lo + space;
            } else {
                while (cut > begin && (static_cast<unsigned char>(text_[cut]) & 0xC0) == 0x80)
                    --cut;
            }
            std::size_t piece_end = cut;
            std::size_t piece_begin = begin;
            trim(piece_begin, piece_end);
            if (piece_begin < piece_end) out_.push_back({piece_begin, piece_end});
            begin = cut;
            trim(begin, end);
        }
        if (begin < end) out_.push_back({begin, end});
    }

    [[nodiscard]] std::size_t overlong() const { return overlong_; }

private:
    void trim(std::size_t& begin, std::size_t& end) const {
        std::size_t len = 1;
        while (begin < end && blank(decode_at(text_, begin, len)))
            begin += len;
        while (end > begin) {
            const std::size_t s = previous_start(text_, end);
            if (!blank(decode_at(text_, s, len))) break;
            end = s;
        }
    }

    std::string_view text_;
    std::vector<Sentence>& out_;
    std::size_t overlong_ = 0;
};

} // namespace

std::vector<Sentence> split_sentences(std::string_view text, std::size_t* overlong) {
    std::vector<Sentence> sentences;
    SentenceSink sink(text, sentences);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> breaker(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status) || !breaker)
        throw io_error(std::string("ICU: cannot create the sentence break iterator: ") +
                       u_errorName(status));
    UTextPtr utext;
    std::vector<std::size_t> cuts;

    for (std::size_t line_begin = 0; line_begin < text.size();) {
        std::size_t line_end = text.find('\n', line_begin);
        if (line_end == std::string_view::npos) line_end = text.size();
        const std::string_view line = text.substr(line_begin, line_end - line_begin);
        const std::size_t next_line = line_end + 1;
        // Break positions are 32-bit.
        if (line.size() >= static_cast<std::size_t>(INT32_MAX))
            throw io_error("a line of " + std::to_string(line.size()) +
                           " bytes is too long to segment");

        if (line.find_first_not_of(" \t") == std::string_view::npos) {
            line_begin = next_line;
            continue;
        }
        // The break iterator works on the UTF-8 bytes of the line directly (no UTF-16 copy);
        // its positions are byte offsets into `line`. It keeps a shallow clone of `utext`.
        UText* opened =
            utext_openUTF8(utext.get(), line.data(), static_cast<int64_t>(line.size()), &status);
        if (!utext) utext.reset(opened);
        breaker->setText(utext.get(), status);
        if (U_FAILURE(status))
            throw io_error(std::string("ICU: sentence segmentation failed: ") +
                           u_errorName(status));
        cuts.clear();
        for (int32_t b = breaker->next(); b != icu::BreakIterator::DONE; b = breaker->next())
            cuts.push_back(static_cast<std::size_t>(b));

        std::size_t cur = 0;
        for (const std::size_t b : cuts) {
            if (b < line.size() && joins(line, cur, b)) continue;
            sink.add(line_begin + cur, line_begin + b);
            cur = b;
        }
        if (cur < line.size()) sink.add(line_begin + cur, line_end);
        line_begin = next_line;
    }
    if (overlong) *overlong = sink.overlong();
    return sentences;
}

namespace ingest_detail {

namespace {

/// Which characters `clean_text` changes, and how.
enum class Fix { Keep, Newline, ParagraphBreak, Space, Replacement };

Fix fix_for(char32_t c) {
    if (c < 0x80) {
        if (c == '\r' || c == '\v' || c == '\f') return Fix::Newline;
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return Fix::Space;
        return Fix::Keep;
    }
    if (c == 0x85 || c == 0x2028) return Fix::Newline;
    if (c == 0x2029) return Fix::ParagraphBreak;
    if (c < 0xA0) return Fix::Space; // C1 controls
    if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE) return Fix::Replacement;
    return Fix::Keep;
}

/// UAX #15 stream-safe format: at most 30 non-starters in a row. ICU's canonical reordering is
/// quadratic in the length of such a run, so hostile input could otherwise stall NFC.
constexpr std::size_t kMaxNonStarters = 30;

/// Offset of the start of the first line that `clean_text` has to change, or npos.
std::size_t first_dirty_line(std::string_view text) {
    std::size_t line_start = 0, non_starters = 0, len = 1;
    for (std::size_t i = 0; i < text.size(); i += len) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte < 0x7F) {
            non_starters = 0;
            len = 1;
            continue;
        }
        const char32_t c = decode_at(text, i, len);
        if (c == '\n') {
            line_start = i + 1;
            non_starters = 0;
            continue;
        }
        if (fix_for(c) != Fix::Keep) return line_start;
        if (c >= 0x300 && u_getCombiningClass(static_cast<UChar32>(c)) != 0) {
            if (++non_starters > kMaxNonStarters) return line_start;
        } else {
            non_starters = 0;
        }
    }
    return std::string_view::npos;
}

} // namespace

std::string clean_text(std::string text, const std::string& name,
                       std::vector<std::string>& warnings) {
    // Most texts need no change: then the string is returned without a copy.
    const std::size_t start = first_dirty_line(text);
    if (start == std::string_view::npos) return text;
    std::string out(text, 0, start);
    out.reserve(text.size());
    std::size_t controls = 0, nonchars = 0, joiners = 0, non_starters = 0;
    for (std::size_t i = start; i < text.size();) {
        std::size_t len = 1;
        const char32_t c = decode_at(text, i, len);
        const std::string_view bytes = std::string_view(text).substr(i, len);
        i += len;
        switch (fix_for(c)) {
        case Fix::Newline:
            out += '\n';
            if (c == '\r' && i < text.size() && text[i] == '\n') ++i;
            non_starters = 0;
            continue;
        case Fix::ParagraphBreak:
            out += "\n\n";
            non_starters = 0;
            continue;
        case Fix::Space:
            out += ' ';
            ++controls;
            non_starters = 0;
            continue;
        case Fix::Replacement:
            out += "\xEF\xBF\xBD";
            ++nonchars;
            non_starters = 0;
            continue;
        case Fix::Keep:
            break;
        }
        if (c >= 0x300 && u_getCombiningClass(static_cast<UChar32>(c)) != 0) {
            if (++non_starters > kMaxNonStarters) {
                out += "\xCD\x8F"; // U+034F COMBINING GRAPHEME JOINER, a starter
                ++joiners;
                non_starters = 1;
            }
        } else {
            non_starters = 0;
        }
        out.append(bytes);
    }
    if (controls > 0)
        warnings.push_back(name + ": replaced " + std::to_string(controls) +
                           " control character(s) with spaces");
    if (nonchars > 0)
        warnings.push_back(name + ": replaced " + std::to_string(nonchars) +
                           " noncharacter(s) with U+FFFD");
    if (joiners > 0)
        warnings.push_back(name + ": inserted U+034F into " + std::to_string(joiners) +
                           " overlong run(s) of combining marks");
    return out;
}

} // namespace ingest_detail

} // namespace parley
