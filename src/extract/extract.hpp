// Rule- and lexicon-based extraction of actors, places, meetings, proposals, stances and quotes
// from ONE document. Pure function of (document, lexicon): safe to run in parallel.
#pragma once

#include "core/document.hpp"
#include "core/extraction.hpp"
#include "lexicon/lexicon.hpp"

namespace parley {

DocExtraction extract_document(const Document& doc, const Lexicon& lexicon);

} // namespace parley
