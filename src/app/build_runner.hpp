// The shared front half of `build`, `merge`, `eval` and `export INPUT...`: collect inputs,
// ingest and extract them one article at a time (in parallel), resolve into one
// `KnowledgeGraph`; and the writing half that `build` and `merge` share (`write_outputs`,
// defined in cmd_build.cpp).
#pragma once

#include "core/document.hpp"
#include "lexicon/lexicon.hpp"
#include "pipeline/stage.hpp"
#include "resolve/resolve.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

// Clang tells of its sanitizers through __has_feature (GCC defines __SANITIZE_ADDRESS__).
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define PARLEY_LEAK_CHECKED 1
#endif
#endif

namespace parley {

struct AppContext;

struct BuildOptions {
    std::vector<std::string> inputs; ///< files and directories of *.txt
    /// When not empty: the article files to read, in this order, instead of `inputs` (`merge`
    /// reads the shards' articles in file-name order, the order of a one-folder build).
    std::vector<std::filesystem::path> files;
    std::filesystem::path mappings = "mappings";
    std::filesystem::path ontology = "ontology";
    std::optional<Date> date; ///< --date: publication date for every input
    bool lenient = false;     ///< --lenient: replace invalid UTF-8
    unsigned jobs = 0;        ///< 0 = number of cores
    bool quiet = false;
};

/// What `build` and `merge` write, and where (the options of `write_outputs`).
struct WriteOptions {
    BuildOptions build; ///< `ontology` and `quiet` are used when writing
    std::filesystem::path out = "out";
    std::vector<std::string> formats{"ttl", "nt", "nq"};
    bool no_entail = false;
    bool strict = false;
    std::string command = "build"; ///< names the command in the summary
};

struct BuildResult {
    std::unique_ptr<Lexicon> lexicon; ///< owned here; `ctx.lexicon` points to it
    RunContext ctx;
    ResolveSummary summary;
    std::string timing; ///< per-stage wall times
};

/// `dir` itself, or for a relative path that does not exist, the same folder of the source
/// tree (so `parley` finds `mappings/` and `ontology/` when run from elsewhere).
std::filesystem::path resolve_data_dir(const std::filesystem::path& dir);

/// The RDF files a reading command (`query`, `explain`) works on: `data` when given, else
/// `out/graph.nq`, else `out/graph.ttl`; throws `ParleyError` (exit 2) naming `command` when
/// none exists.
std::vector<std::filesystem::path> default_data(const std::vector<std::string>& data,
                                                const std::string& command);

/// Runs ingest, extract and resolve. Articles are streamed: each is read, extracted and its
/// text released before a worker takes the next, so memory grows with the entities and facts
/// found, not with the bytes read. Throws `ParleyError` on bad input or configuration (for
/// several bad files, the error of the first in input order). When stderr is a terminal and
/// `options.quiet` is off, a run whose extraction takes more than a second shows a progress
/// line on stderr (articles done of total, MB/s, time left), redrawn with `\r` at most five
/// times a second and erased at the end; it never changes the output.
BuildResult run_pipeline(const BuildOptions& options);

/// The writing half of `build` and `merge`: maps the graph of `r` to RDF, writes
/// `options.out`/graph.* in `options.formats`, validates against the SHACL shapes (report in
/// validation.ttl), prints warnings and the summary unless quiet. Throws `ParleyError` (exit 1)
/// for violations with `options.strict`, (exit 2) for I/O errors. The triple set it builds is
/// not freed (`keep_until_exit`): call it as the last step of a command.
void write_outputs(AppContext& ctx, const BuildResult& r, const WriteOptions& options);

/// Hands over `value`, a large structure the process no longer needs, when the process ends
/// right after: the system takes its memory back at exit at once, while freeing it piece by
/// piece costs time on one thread (about a second for the graph and the triples of 2,750
/// articles). So `value` is moved to the heap and deliberately never freed, unless parley is
/// built with a sanitizer, whose leak check must see a clean run: then it is destroyed here.
/// Only for the last steps of a command (`build`, `merge`), never in a loop or a library.
template <class T> void keep_until_exit(T&& value) {
#if defined(__SANITIZE_ADDRESS__) || defined(PARLEY_LEAK_CHECKED)
    [[maybe_unused]] const std::decay_t<T> destroyed(std::move(value));
#else
    // Owned by no one: the process exit releases it.
    static_cast<void>(std::make_unique<std::decay_t<T>>(std::move(value)).release());
#endif
}

/// Adds the options shared by every command that builds a graph from articles
/// (`--mappings`, `--ontology`, `--date`, `--lenient`, `--jobs`, `--quiet`) to `cmd`.
void add_build_options(CLI::App& cmd, BuildOptions& options);

} // namespace parley
