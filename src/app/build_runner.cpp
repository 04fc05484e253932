#include "app/build_runner.hpp"

#include "core/error.hpp"
#include "extract/extract.hpp"
#include "ingest/ingest.hpp"

#include <atomic>
#include <exception>
#include <iostream>
#include <mutex>
#include <thread>

namespace parley {

namespace {

class IngestStage : public Stage {
public:
    IngestStage(std::vector<std::filesystem::path> files, IngestOptions options)
        : files_(std::move(files)), options_(std::move(options)) {}
    std::string_view name() const override { return "ingest"; }
    unsigned needs() const override { return kNothing; }
    unsigned provides() const override { return kDocuments; }

private:
    void do_run(RunContext& ctx) override {
        ctx.documents = read_documents(files_, options_, ctx.warnings);
    }
    std::vector<std::filesystem::path> files_;
    IngestOptions options_;
};

class ExtractStage : public Stage {
public:
    std::string_view name() const override { return "extract"; }
    unsigned needs() const override { return kLexicon | kDocuments; }
    unsigned provides() const override { return kExtractions; }

private:
    void do_run(RunContext& ctx) override {
        const Extractor extractor(*ctx.lexicon);
        const std::size_t n = ctx.documents.size();
        ctx.extractions.assign(n, {});
        const unsigned jobs = std::max(1u, std::min<unsigned>(ctx.jobs, static_cast<unsigned>(n)));
        std::atomic<std::size_t> next{0};
        std::exception_ptr failure;
        std::mutex failure_mutex;
        auto worker = [&] {
            for (std::size_t i = next++; i < n; i = next++) {
                try {
                    ctx.extractions[i] = extractor.run(ctx.documents[i]);
                } catch (...) {
                    std::lock_guard lock(failure_mutex);
                    if (!failure) failure = std::current_exception();
                }
            }
        };
        std::vector<std::jthread> pool;
        for (unsigned j = 1; j < jobs; ++j)
            pool.emplace_back(worker);
        worker();
        pool.clear(); // joins
        if (failure) std::rethrow_exception(failure);
    }
};

class ResolveStage : public Stage {
public:
    explicit ResolveStage(ResolveSummary& summary) : summary_(summary) {}
    std::string_view name() const override { return "resolve"; }
    unsigned needs() const override { return kLexicon | kExtractions; }
    unsigned provides() const override { return kGraph; }

private:
    void do_run(RunContext& ctx) override {
        ctx.graph = build_graph(ctx.documents, ctx.extractions, *ctx.lexicon, &summary_);
    }
    ResolveSummary& summary_;
};

} // namespace

std::filesystem::path resolve_data_dir(const std::filesystem::path& dir) {
    // The defaults are relative ("mappings", "ontology"): outside the repository they fall back
    // to the folders of the source tree parley was built from.
    if (dir.is_relative() && !std::filesystem::exists(dir)) {
        const auto fallback = std::filesystem::path(PARLEY_SOURCE_DIR) / dir;
        if (std::filesystem::exists(fallback)) return fallback;
    }
    return dir;
}

std::vector<std::filesystem::path> default_data(const std::vector<std::string>& data,
                                                const std::string& command) {
    std::vector<std::filesystem::path> out(data.begin(), data.end());
    if (!out.empty()) return out;
    const std::filesystem::path nq = "out/graph.nq", ttl = "out/graph.ttl";
    std::error_code ec;
    if (std::filesystem::exists(nq, ec)) return {nq};
    if (std::filesystem::exists(ttl, ec)) return {ttl};
    throw io_error(command + ": no data: neither out/graph.nq nor out/graph.ttl exists; run "
                             "'parley build' first or pass --data FILE");
}

BuildResult run_pipeline(const BuildOptions& options) {
    BuildResult r;
    const auto files = collect_inputs(options.inputs);
    r.lexicon = std::make_unique<Lexicon>(Lexicon::load(resolve_data_dir(options.mappings)));
    r.ctx.lexicon = r.lexicon.get();
    r.ctx.jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    IngestOptions io;
    io.date = options.date;
    io.lenient = options.lenient;
    Pipeline p(kLexicon);
    p.add(std::make_unique<IngestStage>(files, io))
        .add(std::make_unique<ExtractStage>())
        .add(std::make_unique<ResolveStage>(r.summary));
    p.run(r.ctx);
    r.timing = p.timing();
    for (const auto& ex : r.ctx.extractions)
        for (const auto& w : ex.warnings)
            r.ctx.warnings.push_back(ex.doc + ": " + w);
    for (const auto& d : r.ctx.documents)
        for (const auto& w : d.warnings)
            r.ctx.warnings.push_back(w);
    return r;
}

void add_build_options(CLI::App& cmd, BuildOptions& o) {
    cmd.add_option("--mappings", o.mappings, "Folder of lexicon YAML files")->capture_default_str();
    cmd.add_option("--ontology", o.ontology, "Folder of the ontology and shapes (Turtle)")
        ->capture_default_str();
    cmd.add_option_function<std::string>(
        "--date",
        [&o](const std::string& s) {
            auto d = Date::parse(s);
            if (!d) throw CLI::ValidationError("--date", "expected YYYY-MM-DD, got '" + s + "'");
            o.date = d;
        },
        "Publication date (YYYY-MM-DD) for every input; overrides the text");
    cmd.add_flag("--lenient", o.lenient, "Replace invalid UTF-8 with U+FFFD and warn");
    cmd.add_option("-j,--jobs", o.jobs, "Worker threads for extraction (default: all cores)");
    cmd.add_flag("-q,--quiet", o.quiet, "Print nothing but errors");
    cmd.add_option("INPUT", o.inputs, "Article files (*.txt) or folders of them")->required();
}

} // namespace parley
