// The shared vocabulary of every stage: a document with its sentences, and where a fact came
// from (`Evidence`). Offsets are byte offsets into `Document::text`, which is the NFC-normalized
// UTF-8 text of the file; `char_offset()` converts them to Unicode code point offsets for output.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

/// A calendar date "YYYY-MM-DD" (validated by `Date::parse`).
struct Date {
    int year = 0, month = 0, day = 0;
    [[nodiscard]] std::string iso() const;
    [[nodiscard]] static std::optional<Date> parse(std::string_view iso);
    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic on weekdays.
    [[nodiscard]] long days() const;
    [[nodiscard]] static Date from_days(long days);
    /// 0 = Monday ... 6 = Sunday.
    [[nodiscard]] int weekday() const;
    friend bool operator==(const Date&, const Date&) = default;
    friend auto operator<=>(const Date&, const Date&) = default;
};

/// A sentence as a half-open byte range `[begin, end)` of `Document::text`.
struct Sentence {
    std::size_t begin = 0;
    std::size_t end = 0;
};

struct Document {
    std::string id;   ///< file name without folders, e.g. `dev-01.txt`; unique within a build
    std::string path; ///< path as given on the command line
    std::string text; ///< NFC-normalized UTF-8
    std::vector<Sentence> sentences;
    std::optional<Date> published;     ///< from `--date`, a `Published` line or a dateline
    std::string title;                 ///< first non-empty line that is not a `Published` line
    std::string outlet;                ///< news agency named in a dateline, e.g. `Reuters`
    std::vector<std::string> warnings; ///< decoding notes (BOM removed, charset converted...)

    [[nodiscard]] std::string_view sentence_text(std::size_t i) const;
    /// Index of the sentence holding byte `offset` (the last one if past the end).
    [[nodiscard]] std::size_t sentence_at(std::size_t offset) const;
    /// Unicode code point offset of byte `offset` of `text`. Constant time per call once
    /// `index_chars()` has run on the final text; a linear scan otherwise.
    [[nodiscard]] std::size_t char_offset(std::size_t offset) const;
    /// Records the code point count at every `kCharBlock`-th byte of `text`, so that
    /// `char_offset` stays fast on large documents. Call again whenever `text` changes.
    void index_chars();

    /// Code point count before byte `i * kCharBlock` of `text` (filled by `index_chars()`).
    std::vector<std::size_t> char_marks;
    static constexpr std::size_t kCharBlock = 1024;
};

/// Where a fact came from: document, sentence, span, the rule that produced it and how sure it is.
struct Evidence {
    std::string doc;          ///< `Document::id`
    std::size_t sentence = 0; ///< index into `Document::sentences`
    std::size_t begin = 0;    ///< code point offset of the span in the document text
    std::size_t end = 0;      ///< code point offset one past the span
    std::string text;         ///< the sentence text (for provenance output)
    std::string rule;         ///< extraction rule id, e.g. `meeting.verb-met`
    double confidence = 1.0;

    friend bool operator==(const Evidence&, const Evidence&) = default;
    friend auto operator<=>(const Evidence&, const Evidence&) = default;
};

/// Appends `ev` to `list` keeping it sorted and unique.
void add_evidence(std::vector<Evidence>& list, const Evidence& ev);

} // namespace parley
