// Resolve and RDF: cross-document resolution into the graph, mapping the graph to the sorted
// triple set, and serializing that set as N-Triples, N-Quads and Turtle (to /dev/null, so the
// disk is not measured).
#include "core/error.hpp"
#include "corpus.hpp"
#include "rdf/world.hpp"
#include "rdf/writer.hpp"
#include "resolve/resolve.hpp"

#include <benchmark/benchmark.h>
#include <cstdio>
#include <memory>

namespace parley::bench {
namespace {

void BM_resolve_build_graph(benchmark::State& state) {
    const Corpus& c = corpus();
    for (auto _ : state)
        benchmark::DoNotOptimize(build_graph(c.docs, c.extractions, *c.lexicon));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.docs.size()));
}
BENCHMARK(BM_resolve_build_graph)->Unit(benchmark::kMillisecond);

void BM_rdf_build_triples(benchmark::State& state) {
    const Corpus& c = corpus();
    for (auto _ : state)
        benchmark::DoNotOptimize(rdf::build_triples(c.graph, c.docs));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.triples.size()));
}
BENCHMARK(BM_rdf_build_triples)->Unit(benchmark::kMillisecond);

struct FileClose {
    void operator()(std::FILE* f) const noexcept {
        if (f) std::fclose(f);
    }
};

/// `serialize` of the corpus' triple set in `format`; items are triples (N-Quads: quads).
void BM_rdf_write(benchmark::State& state, const char* format) {
    const Corpus& c = corpus();
    rdf::World world;
    const std::unique_ptr<std::FILE, FileClose> sink(std::fopen("/dev/null", "wb"));
    if (!sink) throw io_error("cannot open /dev/null");
    for (auto _ : state)
        rdf::serialize(world, c.triples, format, sink.get(), "/dev/null");
    const std::string f(format);
    const std::size_t items = f == "nq" ? c.triples.quad_count() : c.triples.size();
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * items));
}
BENCHMARK_CAPTURE(BM_rdf_write, nt, "nt")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_rdf_write, nq, "nq")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_rdf_write, ttl, "ttl")->Unit(benchmark::kMillisecond);

} // namespace
} // namespace parley::bench
