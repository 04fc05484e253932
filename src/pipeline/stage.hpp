// A pipeline stage declares what it needs and what it provides; the pipeline checks the chain
// when it is built ("stage X requires Y") and times every stage (CoreNLP/spaCy style). `run()` is
// non-virtual around a private `do_run()` so timing and checks are written once (QLever style).
#pragma once

#include "core/document.hpp"
#include "core/extraction.hpp"
#include "graph/graph.hpp"
#include "lexicon/lexicon.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

/// What flows through the pipeline. Each stage reads some members and fills others.
struct RunContext {
    const Lexicon* lexicon = nullptr; ///< not owned; outlives the run
    std::vector<Document> documents;
    std::vector<DocExtraction> extractions; ///< one per document, same order
    KnowledgeGraph graph;
    std::vector<std::string> warnings;
    unsigned jobs = 1; ///< worker threads for per-document stages
};

/// Bit set of the artefacts a stage needs or provides.
enum Needs : unsigned {
    kNothing = 0,
    kLexicon = 1u << 0,
    kDocuments = 1u << 1,
    kExtractions = 1u << 2,
    kGraph = 1u << 3,
};

class Stage {
public:
    virtual ~Stage() = default;
    [[nodiscard]] virtual std::string_view name() const = 0;
    [[nodiscard]] virtual unsigned needs() const = 0;
    [[nodiscard]] virtual unsigned provides() const = 0;
    /// Runs the stage and records its wall time.
    void run(RunContext& ctx);
    [[nodiscard]] std::chrono::duration<double> elapsed() const { return elapsed_; }

private:
    virtual void do_run(RunContext& ctx) = 0;
    std::chrono::duration<double> elapsed_{};
};

/// An ordered list of stages whose requirements are checked when a stage is added.
class Pipeline {
public:
    explicit Pipeline(unsigned available = kNothing) : available_(available) {}
    /// Adds `stage`; throws `InternalError` "stage X requires Y" when a need is not provided by
    /// an earlier stage.
    Pipeline& add(std::unique_ptr<Stage> stage);
    void run(RunContext& ctx);
    /// "ingest 0.012s, extract 0.034s, ..." for the summary.
    [[nodiscard]] std::string timing() const;
    [[nodiscard]] const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }

private:
    unsigned available_;
    std::vector<std::unique_ptr<Stage>> stages_;
};

} // namespace parley
