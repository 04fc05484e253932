#include "app/build_runner.hpp"

#include "core/error.hpp"
#include "extract/extract.hpp"
#include "ingest/ingest.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <iostream>
#include <malloc.h>
#include <mutex>
#include <optional>
#include <thread>
#include <unistd.h>

namespace parley {

namespace {

/// The progress line of a long extraction on a terminal: "parley: extract 1234/11000 articles,
/// 5.2 MB/s, 0:42 left". Workers report each finished article (`done`, thread-safe); whichever
/// worker finds the line older than 200 ms redraws it (overwriting it with `\r`), from one
/// second into the run on. Only the counters are shared (atomics); the drawing is serialized by
/// a mutex that a busy worker skips rather than waits for. The destructor erases the line.
class Progress {
public:
    using Clock = std::chrono::steady_clock;

    Progress(bool enabled, std::size_t total, std::size_t total_bytes)
        : enabled_(enabled), total_(total), total_bytes_(total_bytes), start_(Clock::now()),
          last_(start_) {}
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    ~Progress() {
        if (drawn_) std::fputs("\r\033[K", stderr);
    }

    void done(std::size_t bytes) {
        const std::size_t n = ++done_;
        const std::size_t b = bytes_ += bytes;
        if (!enabled_) return;
        std::unique_lock lock(draw_, std::try_to_lock);
        if (!lock.owns_lock()) return;
        const auto now = Clock::now();
        if (now - last_ < std::chrono::milliseconds(200) || now - start_ < std::chrono::seconds(1))
            return;
        last_ = now;
        draw(n, b, std::chrono::duration<double>(now - start_).count());
    }

private:
    void draw(std::size_t n, std::size_t b, double secs) {
        const double rate = secs > 0 ? static_cast<double>(b) / secs : 0; // bytes per second
        const double left =
            rate > 0 ? static_cast<double>(total_bytes_ > b ? total_bytes_ - b : 0) / rate : 0;
        const auto s = static_cast<long long>(left + 0.5);
        std::fprintf(stderr,
                     "\rparley: extract %zu/%zu articles, %.1f MB/s, %lld:%02lld left\033[K", n,
                     total_, rate / 1e6, s / 60, s % 60);
        std::fflush(stderr);
        drawn_ = true;
    }

    const bool enabled_;
    const std::size_t total_, total_bytes_;
    std::atomic<std::size_t> done_{0}, bytes_{0};
    std::mutex draw_;
    const Clock::time_point start_;
    Clock::time_point last_; ///< guarded by `draw_`
    bool drawn_ = false;     ///< guarded by `draw_`; read by the destructor after the workers
};

/// Frees what only extraction reads: the text, its sentences and the code point index.
void release_text(Document& doc) {
    std::string().swap(doc.text);
    std::vector<Sentence>().swap(doc.sentences);
    std::vector<std::size_t>().swap(doc.char_marks);
}

/// Ingest and extraction, one article at a time. Each worker takes the next file, reads and
/// prepares it (ingest), extracts its facts and releases its text before it takes another, so
/// no more than `jobs` articles' text is in memory at once; what stays is each document's
/// metadata (id, path, title, date, outlet, notes) and its extraction. The results are then put
/// in input order, so that documents, extractions, warnings and errors are those of reading
/// every file first (`read_documents`) and extracting afterwards, whatever the number of
/// workers:
///  - A file that cannot be read (or is not valid UTF-8) fails the stage with its error; with
///    several, the first in input order: no worker starts a file once one has failed, so every
///    earlier file has been read by then. Reading errors come before extraction errors, and an
///    extraction error is that of the first article in input order that has one.
///  - Documents get their ids in input order (`UniqueIds`). Workers extract with the id a file
///    gets when no file is skipped; should a skipped (binary) file change a later file's id,
///    that file is read and extracted again with its real id (rare: two files of one name).
class IngestExtractStage : public Stage {
public:
    IngestExtractStage(std::vector<std::filesystem::path> files, IngestOptions options,
                       bool progress)
        : files_(std::move(files)), options_(std::move(options)), progress_(progress) {}
    std::string_view name() const override { return "ingest+extract"; }
    unsigned needs() const override { return kLexicon; }
    unsigned provides() const override { return kDocuments | kExtractions; }

private:
    /// What the workers leave for one file.
    struct Slot {
        std::optional<Document> doc; ///< its metadata (text released); empty when skipped
        DocExtraction extraction;
        std::vector<std::string> warnings; ///< the note of a skipped (binary) file
        std::exception_ptr read_error, extract_error;
    };

    void do_run(RunContext& ctx) override {
        const Extractor extractor(*ctx.lexicon);
        const std::size_t n = files_.size();
        // The ids files get when none is skipped, and the sizes for the progress line.
        std::vector<std::string> ids(n);
        std::vector<std::size_t> sizes(n, 0);
        std::size_t total_bytes = 0;
        {
            UniqueIds unique;
            for (std::size_t i = 0; i < n; ++i) {
                ids[i] = unique.assign(files_[i], document_id(files_[i]), nullptr);
                std::error_code ec;
                const auto size = std::filesystem::file_size(files_[i], ec);
                sizes[i] = ec ? 0 : static_cast<std::size_t>(size);
                total_bytes += sizes[i];
            }
        }
        std::vector<Slot> slots(n);
        const unsigned jobs = std::max(1u, std::min<unsigned>(ctx.jobs, static_cast<unsigned>(n)));
        std::atomic<std::size_t> next{0};
        std::atomic<bool> read_failed{false};
        // Index of the first article whose extraction failed: later ones are not extracted.
        std::atomic<std::size_t> extract_failed{n};
        Progress progress(progress_, n, total_bytes);
        auto worker = [&] {
            while (!read_failed) {
                const std::size_t i = next++;
                if (i >= n) break;
                Slot& slot = slots[i];
                try {
                    slot.doc = try_read_document(files_[i], options_, slot.warnings);
                } catch (...) {
                    slot.read_error = std::current_exception();
                    read_failed = true;
                }
                if (slot.doc) {
                    slot.doc->id = ids[i];
                    if (i < extract_failed) {
                        try {
                            slot.extraction = extractor.run(*slot.doc);
                        } catch (...) {
                            slot.extract_error = std::current_exception();
                            for (std::size_t f = extract_failed; i < f;)
                                extract_failed.compare_exchange_weak(f, i);
                        }
                    }
                    // Later stages need only the document's id and metadata (the evidence
                    // holds its sentences): the text goes as soon as it is extracted.
                    release_text(*slot.doc);
                }
                progress.done(sizes[i]);
            }
        };
        {
            std::vector<std::jthread> pool;
            for (unsigned j = 1; j < jobs; ++j)
                pool.emplace_back(worker);
            worker();
        } // joins
        for (const Slot& slot : slots)
            if (slot.read_error) std::rethrow_exception(slot.read_error);
        for (const Slot& slot : slots)
            if (slot.extract_error) std::rethrow_exception(slot.extract_error);
        ctx.documents.reserve(n);
        ctx.extractions.reserve(n);
        UniqueIds unique;
        for (std::size_t i = 0; i < n; ++i) {
            Slot& slot = slots[i];
            ctx.warnings.insert(ctx.warnings.end(), slot.warnings.begin(), slot.warnings.end());
            if (!slot.doc) continue;
            std::string id = unique.assign(files_[i], document_id(files_[i]), &ctx.warnings);
            if (id != slot.doc->id) {
                Document doc = read_document(files_[i], options_);
                doc.id = std::move(id);
                slot.extraction = extractor.run(doc);
                release_text(doc);
                slot.doc = std::move(doc);
            }
            ctx.documents.push_back(std::move(*slot.doc));
            ctx.extractions.push_back(std::move(slot.extraction));
        }
    }

    std::vector<std::filesystem::path> files_;
    IngestOptions options_;
    bool progress_;
};

class ResolveStage : public Stage {
public:
    explicit ResolveStage(ResolveSummary& summary) : summary_(summary) {}
    std::string_view name() const override { return "resolve"; }
    unsigned needs() const override { return kLexicon | kExtractions; }
    unsigned provides() const override { return kGraph; }

private:
    void do_run(RunContext& ctx) override {
        ctx.graph = build_graph(ctx.documents, ctx.extractions, *ctx.lexicon, &summary_, ctx.jobs);
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
    const auto files = options.files.empty() ? collect_inputs(options.inputs) : options.files;
    r.lexicon = std::make_unique<Lexicon>(Lexicon::load(resolve_data_dir(options.mappings)));
    r.ctx.lexicon = r.lexicon.get();
    r.ctx.jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    IngestOptions io;
    io.date = options.date;
    io.lenient = options.lenient;
    Pipeline p(kLexicon);
    p.add(std::make_unique<IngestExtractStage>(files, io,
                                               !options.quiet && isatty(STDERR_FILENO) == 1))
        .add(std::make_unique<ResolveStage>(r.summary));
    p.run(r.ctx);
    r.timing = p.timing();
    for (const auto& ex : r.ctx.extractions)
        for (const auto& w : ex.warnings)
            r.ctx.warnings.push_back(ex.doc + ": " + w);
    for (const auto& d : r.ctx.documents)
        for (const auto& w : d.warnings)
            r.ctx.warnings.push_back(w);
    // The graph holds everything later steps read: the extractions go before the RDF is built.
    // Much of their memory was allocated by the extraction workers, in malloc arenas that the
    // main thread, which builds the RDF, does not allocate from: give it back to the system.
    std::vector<DocExtraction>().swap(r.ctx.extractions);
    ::malloc_trim(0);
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
