// Files to `Document`s: decoding and UTF-8 validation (errors name file and byte offset), ICU NFC
// normalization, ICU sentence segmentation, and the publication date from a `Published` line, a
// dateline ("MOSCOW, Dec 3 (Reuters) -", "PORT ALDER, 24 November 2025 —") or `--date`.
//
// Decoding rules, in order (each note goes to `Document::warnings`, prefixed "FILE: "):
//  1. A UTF-8 byte order mark is removed. A UTF-16/UTF-32 byte order mark selects that encoding
//     and the text is converted with ICU (invalid code units are an error unless lenient).
//  2. NUL bytes, or more than 10% control characters, mark a binary file: it is skipped
//     (`SkippedFile`), never fatal for a build.
//  3. Valid UTF-8 is taken as it is; charset detection never sees it.
//  4. Otherwise, when the bytes hold NO well-formed multi-byte UTF-8 sequence at all (and had no
//     UTF-8 byte order mark), ICU charset detection may identify an 8-bit Latin charset
//     (windows-1252/ISO-8859-1, ISO-8859-2/windows-1250, ISO-8859-9/windows-1254) with confidence
//     >= 20; the text is converted and the warning says "decoded as CHARSET". Text that mixes
//     valid multi-byte UTF-8 with bad bytes is broken UTF-8, never re-interpreted as Latin-1.
//  5. Anything else is invalid UTF-8: `ParleyError` "FILE: invalid UTF-8 at byte N" (N is the
//     0-based offset in the file of the first ill-formed sequence), or with `lenient` each
//     maximal ill-formed subpart becomes U+FFFD and a warning is noted.
// The text is then cleaned (CRLF/CR/VT/FF/NEL/U+2028 -> LF, U+2029 -> blank line, other control
// characters -> space, noncharacters -> U+FFFD, U+034F inserted after 30 combining marks in a
// row so normalization stays linear) and NFC-normalized.
#pragma once

#include "core/document.hpp"
#include "core/error.hpp"

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

struct IngestOptions {
    std::optional<Date> date; ///< `--date`: overrides what the text says
    bool lenient = false;     ///< replace invalid UTF-8 with U+FFFD and warn instead of failing
};

/// Expands files and directories (their `*.txt`, recursively) into a sorted, unique file list.
/// Throws `ParleyError` (exit 2) for a missing path or when nothing is found.
std::vector<std::filesystem::path> collect_inputs(const std::vector<std::string>& inputs);

/// The bytes of `file`. Throws `ParleyError` (exit 2) naming the file when it is a directory,
/// cannot be opened or read, or is larger than 1 GiB.
std::string read_bytes(const std::filesystem::path& file);

/// Reads and prepares one document. Throws `ParleyError` (exit 2) for unreadable files and
/// invalid UTF-8 ("FILE: invalid UTF-8 at byte N").
Document read_document(const std::filesystem::path& file, const IngestOptions& options);

/// Prepares a document from text already in memory (tests, fuzzing). `id` names it in errors.
Document make_document(const std::string& id, std::string bytes, const IngestOptions& options);

/// The publication date the text states, if any (first line or dateline).
std::optional<Date> find_publication_date(const std::string& text);

/// Thrown by `read_document` and `make_document` for input that is not text (NUL bytes, mostly
/// control characters). `what()` is the warning to show ("FILE: skipped: ..."); builds skip the
/// file instead of failing (`try_read_document`, `read_documents`).
class SkippedFile : public ParleyError {
public:
    explicit SkippedFile(const std::string& message) : ParleyError(ExitCode::Usage, message) {}
};

/// `read_document`, but a binary file gives `std::nullopt` and its warning is appended to
/// `warnings`. Other problems still throw `ParleyError`.
std::optional<Document> try_read_document(const std::filesystem::path& file,
                                          const IngestOptions& options,
                                          std::vector<std::string>& warnings);

/// The id `read_document` gives the document of `file`: its file name (ill-formed UTF-8 in it
/// replaced with U+FFFD).
std::string document_id(const std::filesystem::path& file);

/// Keeps the ids of one build's documents unique, in input order: the first document with an
/// id keeps it; a later one gets its file's path (with '/' separators) instead, and a warning
/// says so. `read_documents` and `build`'s streaming reader give the same ids through it.
class UniqueIds {
public:
    /// The id of the document of `file` whose own id is `id`; a rename is noted in `warnings`
    /// (when not null).
    std::string assign(const std::filesystem::path& file, std::string id,
                       std::vector<std::string>* warnings);

private:
    std::map<std::string, std::string> seen_; ///< id -> path of the file that has it
};

/// Reads `files` in order (normally the result of `collect_inputs`), skipping binary files.
/// Skipped files and renamed duplicates are reported in `warnings`; each document's own notes
/// stay in `Document::warnings`. When two files share a file name, the later one gets its path
/// (with '/' separators) as `Document::id`, so ids stay unique.
std::vector<Document> read_documents(const std::vector<std::filesystem::path>& files,
                                     const IngestOptions& options,
                                     std::vector<std::string>& warnings);

/// Sentences of normalized text (LF line ends), as trimmed, non-empty byte ranges. ICU's English
/// sentence rules, plus: a line break always ends a sentence; no break after titles ("Mr.",
/// "Gen.", "St."), after initials and initialisms ("U.S.", "D.C.", "J.") unless the next word
/// is a function word ("The", "He", ...), after "Dec."/"No." before a number, after "e.g.",
/// "i.e.", "vs.", nor before a lower-case word. Sentences longer than `kMaxSentenceBytes` are cut
/// at a space (or a character boundary); `overlong` (if given) receives how many were cut.
std::vector<Sentence> split_sentences(std::string_view text, std::size_t* overlong = nullptr);

/// Longest sentence `split_sentences` produces, in bytes: keeps later per-sentence work bounded.
inline constexpr std::size_t kMaxSentenceBytes = 16384;

/// What the first lines of an article say about it.
struct DocumentHeader {
    std::optional<Date> published; ///< `Published` line, else a dateline that has a year
    std::string title;          ///< first non-empty line that is not `Published` or a bare dateline
    std::string outlet;         ///< agency of the dateline: "(AP)" -> "Associated Press"
    std::string dateline_place; ///< place of the dateline as written, e.g. "PORT ALDER"
    /// Byte range of the `Published` line in the text (empty when there is none).
    std::size_t published_begin = 0, published_end = 0;
    /// Byte range of the title line in the text (empty when there is none).
    std::size_t title_begin = 0, title_end = 0;
};

/// Parses the `Published` line (one of the first two non-empty lines: "Published 2025-12-14",
/// "Published: 14 December 2025", "Published on Dec. 14, 2025") and a dateline ("ISTANBUL,
/// June 2 (Reuters) -", "PORT ALDER, 24 November 2025 —", "WASHINGTON, Dec 3, 2025 (AP) —",
/// "BRUSSELS –"). A dateline counts only at the start of the text or on the line right after
/// the title or the `Published` line; a dateline without a year gives no date.
DocumentHeader parse_header(std::string_view text);

} // namespace parley
