// libFuzzer target: one document through ingest, extract, resolve and the RDF mapping; the
// N-Triples output is parsed back with raptor, so an escaping bug aborts. The lexicon of the
// source tree's mappings/ and the extractor's indexes are built once.
#include "core/error.hpp"
#include "extract/extract.hpp"
#include "fuzz_common.hpp"
#include "ingest/ingest.hpp"
#include "lexicon/lexicon.hpp"
#include "rdf/triples.hpp"
#include "rdf/world.hpp"
#include "rdf/writer.hpp"
#include "resolve/resolve.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

/// The lexicon and librdf world shared by every run of the target (created on first use).
struct Shared {
    parley::Lexicon lexicon = parley::Lexicon::load(PARLEY_SOURCE_DIR "/mappings");
    parley::Extractor extractor{lexicon}; // Refers to `lexicon`, declared before it.
    parley::rdf::World world;
};

Shared& shared() {
    static Shared s;
    return s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Shared& sh = shared();
    parley::IngestOptions options;
    options.lenient = true;
    std::vector<parley::Document> docs;
    try {
        docs.push_back(parley::make_document(
            "fuzz.txt", std::string(reinterpret_cast<const char*>(data), size), options));
    } catch (const parley::ParleyError&) {
        return 0; // Binary input is skipped.
    }
    std::vector<parley::DocExtraction> extractions;
    extractions.push_back(sh.extractor.run(docs.front()));
    const parley::KnowledgeGraph graph = parley::build_graph(docs, extractions, sh.lexicon);
    const parley::rdf::TripleSet set = parley::rdf::build_triples(graph, docs);
    const std::size_t expected = set.size();
    const std::string nt = parley::rdf::to_ntriples(sh.world, set.to_triples());
    const std::size_t parsed = parley::fuzz::parse_ntriples_or_abort(nt);
    if (parsed != expected) {
        std::fprintf(stderr, "wrote %zu triples, raptor read %zu\n", expected, parsed);
        std::abort();
    }
    return 0;
}
