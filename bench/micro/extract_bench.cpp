// Extract: tokenizing, gazetteer (lexicon name) matching, each extractor stage on the state the
// earlier stages leave, and a whole `Extractor::run`. Uses the extractor's internal header, as
// the unit tests do.
#include "corpus.hpp"
#include "extract/extract.hpp"
#include "extract/gazetteer.hpp"
#include "extract/internal.hpp"

#include <array>
#include <benchmark/benchmark.h>

namespace parley::bench {
namespace {

/// The extractor's stages in the order `Extractor::run` calls them.
using StageFn = void (*)(extract::State&);
constexpr std::array<StageFn, 5> kStages{extract::scan_quotation_marks, extract::find_entities,
                                         extract::find_quotes, extract::find_meetings,
                                         extract::find_proposals_and_stances};

void BM_extract_tokenize(benchmark::State& state) {
    const Corpus& c = corpus();
    for (auto _ : state)
        for (const auto& d : c.docs)
            for (const auto& s : d.sentences)
                benchmark::DoNotOptimize(extract::tokenize(d.text, s.begin, s.end));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.total_bytes));
}
BENCHMARK(BM_extract_tokenize)->Unit(benchmark::kMillisecond);

/// Longest-match lookup at every token of every sentence (the mention matching of
/// `find_entities`), on tokens prepared beforehand.
void BM_extract_gazetteer_match(benchmark::State& state) {
    const Corpus& c = corpus();
    const extract::Gazetteer gz(*c.lexicon);
    std::vector<std::vector<extract::Token>> sentences;
    std::size_t tokens = 0;
    for (const auto& d : c.docs)
        for (const auto& s : d.sentences) {
            sentences.push_back(extract::tokenize(d.text, s.begin, s.end));
            tokens += sentences.back().size();
        }
    for (auto _ : state)
        for (const auto& toks : sentences)
            for (std::size_t i = 0; i < toks.size(); ++i)
                benchmark::DoNotOptimize(gz.match(toks, i));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tokens));
    state.counters["tokens"] = static_cast<double>(tokens);
}
BENCHMARK(BM_extract_gazetteer_match)->Unit(benchmark::kMillisecond);

/// Extractor stage `stage` (an index into `kStages`) alone: the earlier stages run with the
/// timer paused.
void BM_extract(benchmark::State& state, std::size_t stage) {
    const Corpus& c = corpus();
    const extract::Gazetteer gz(*c.lexicon);
    for (auto _ : state)
        for (const auto& d : c.docs) {
            state.PauseTiming();
            extract::State st(d, *c.lexicon, gz);
            st.ex.doc = d.id;
            for (std::size_t i = 0; i < stage; ++i)
                kStages[i](st);
            state.ResumeTiming();
            kStages[stage](st);
            benchmark::DoNotOptimize(st.ex);
        }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.total_bytes));
}
BENCHMARK_CAPTURE(BM_extract, quotation_marks, 0)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_extract, entities, 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_extract, quotes, 2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_extract, meetings, 3)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_extract, proposals_and_stances, 4)->Unit(benchmark::kMillisecond);

void BM_extract_run(benchmark::State& state) {
    const Corpus& c = corpus();
    const Extractor extractor(*c.lexicon);
    for (auto _ : state)
        for (const auto& d : c.docs)
            benchmark::DoNotOptimize(extractor.run(d));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.total_bytes));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.docs.size()));
}
BENCHMARK(BM_extract_run)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace parley::bench
