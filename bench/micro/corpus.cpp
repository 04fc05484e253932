#include "corpus.hpp"

#include "extract/extract.hpp"
#include "ingest/ingest.hpp"
#include "resolve/resolve.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace parley::bench {

namespace {

Corpus load() {
    Corpus c;
    const std::filesystem::path source(PARLEY_SOURCE_DIR);
    const char* input = std::getenv("PARLEY_BENCH_INPUT");
    const std::string dir = input && *input ? input : (source / "examples").string();
    c.lexicon = std::make_unique<Lexicon>(Lexicon::load(source / "mappings"));
    for (const auto& file : collect_inputs({dir})) {
        std::ifstream in(file, std::ios::binary);
        if (!in) throw io_error("cannot read " + file.string());
        std::ostringstream ss;
        ss << in.rdbuf();
        c.ids.push_back(file.filename().string());
        c.bytes.push_back(ss.str());
        c.total_bytes += c.bytes.back().size();
        c.docs.push_back(make_document(c.ids.back(), c.bytes.back(), {}));
    }
    const Extractor extractor(*c.lexicon);
    for (const auto& d : c.docs)
        c.extractions.push_back(extractor.run(d));
    c.graph = build_graph(c.docs, c.extractions, *c.lexicon);
    c.triples = rdf::build_triples(c.graph, c.docs);
    return c;
}

} // namespace

const Corpus& corpus() {
    static const Corpus c = load();
    return c;
}

} // namespace parley::bench
