// Files to `Document`s: decoding and UTF-8 validation (errors name file and byte offset), ICU NFC
// normalization, ICU sentence segmentation, and the publication date from a `Published` line, a
// dateline ("MOSCOW, Dec 3 (Reuters) -", "PORT SUDAN, 24 November 2025 —") or `--date`.
#pragma once

#include "core/document.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace parley {

struct IngestOptions {
    std::optional<Date> date; ///< `--date`: overrides what the text says
    bool lenient = false;     ///< replace invalid UTF-8 with U+FFFD and warn instead of failing
};

/// Expands files and directories (their `*.txt`, recursively) into a sorted, unique file list.
/// Throws `ParleyError` (exit 2) for a missing path or when nothing is found.
std::vector<std::filesystem::path> collect_inputs(const std::vector<std::string>& inputs);

/// Reads and prepares one document. Throws `ParleyError` (exit 2) for unreadable files and
/// invalid UTF-8 ("FILE: invalid UTF-8 at byte N").
Document read_document(const std::filesystem::path& file, const IngestOptions& options);

/// Prepares a document from text already in memory (tests, fuzzing). `id` names it in errors.
Document make_document(const std::string& id, std::string bytes, const IngestOptions& options);

/// The publication date the text states, if any (first line or dateline).
std::optional<Date> find_publication_date(const std::string& text);

} // namespace parley
