// Cross-document resolution: merges the per-document extractions into one `KnowledgeGraph`
// (one vertex per real-world entity, meeting and proposal), with deterministic keys.
#pragma once

#include "core/document.hpp"
#include "core/extraction.hpp"
#include "graph/graph.hpp"
#include "lexicon/lexicon.hpp"

#include <vector>

namespace parley {

struct ResolveSummary {
    std::size_t conflicts = 0; ///< actor/proposal pairs reported both supported and opposed
};

/// Merges `extractions` (one per document of `docs`, same order) into one graph. The
/// per-item preparation (entity keys and name variants, labels, evidence, meeting pairs,
/// proposal and quote keys) runs on up to `jobs` threads, the merging in order: the graph is
/// the same for any `jobs`.
KnowledgeGraph build_graph(const std::vector<Document>& docs,
                           const std::vector<DocExtraction>& extractions, const Lexicon& lexicon,
                           ResolveSummary* summary = nullptr, unsigned jobs = 1);

} // namespace parley
