// Ingest: decoding, cleaning, NFC normalization, header parsing and sentence splitting of every
// article (`make_document`), and sentence splitting alone.
#include "corpus.hpp"
#include "ingest/ingest.hpp"

#include <benchmark/benchmark.h>

namespace parley::bench {
namespace {

void BM_ingest_make_document(benchmark::State& state) {
    const Corpus& c = corpus();
    for (auto _ : state)
        for (std::size_t i = 0; i < c.bytes.size(); ++i)
            benchmark::DoNotOptimize(make_document(c.ids[i], c.bytes[i], {}));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.total_bytes));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.bytes.size()));
}
BENCHMARK(BM_ingest_make_document)->Unit(benchmark::kMillisecond);

void BM_ingest_split_sentences(benchmark::State& state) {
    const Corpus& c = corpus();
    for (auto _ : state)
        for (const auto& d : c.docs)
            benchmark::DoNotOptimize(split_sentences(d.text));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.total_bytes));
}
BENCHMARK(BM_ingest_split_sentences)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace parley::bench
