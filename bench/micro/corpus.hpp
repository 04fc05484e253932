// The articles the micro-benchmarks run on, prepared once per process: read from
// `PARLEY_BENCH_INPUT` (a file or folder of *.txt; default: the repository's examples/), with the
// lexicon of mappings/, and every stage's result kept so that each benchmark times one stage on
// the output of the previous ones.
#pragma once

#include "core/document.hpp"
#include "core/extraction.hpp"
#include "graph/graph.hpp"
#include "lexicon/lexicon.hpp"
#include "rdf/triples.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace parley::bench {

struct Corpus {
    std::unique_ptr<Lexicon> lexicon;
    std::vector<std::string> ids;   ///< file names
    std::vector<std::string> bytes; ///< file contents, as read
    std::size_t total_bytes = 0;
    std::vector<Document> docs; ///< ingested
    std::vector<DocExtraction> extractions;
    KnowledgeGraph graph;
    rdf::TripleSet triples; ///< the default mapping (entailments and provenance)
};

/// The corpus, loaded on first use (a function-local object, so loading happens once however
/// many benchmarks and repetitions run). Throws `ParleyError` when the input cannot be read.
const Corpus& corpus();

} // namespace parley::bench
