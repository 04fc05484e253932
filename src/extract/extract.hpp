// Rule- and lexicon-based extraction of actors, places, meetings, proposals, stances and quotes
// from ONE document. `Extractor::run` is const and thread-safe: build one Extractor per lexicon
// and run it on many documents in parallel.
#pragma once

#include "core/document.hpp"
#include "core/extraction.hpp"
#include "lexicon/lexicon.hpp"

#include <memory>

namespace parley {

class Extractor {
public:
    /// Builds the matching indexes of `lexicon`, which must outlive the extractor.
    explicit Extractor(const Lexicon& lexicon);
    ~Extractor();
    Extractor(const Extractor&) = delete;
    Extractor& operator=(const Extractor&) = delete;

    [[nodiscard]] DocExtraction run(const Document& doc) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Convenience for one document (builds the indexes each call).
DocExtraction extract_document(const Document& doc, const Lexicon& lexicon);

} // namespace parley
