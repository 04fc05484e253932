// The shared front half of `build`, `eval` and `export INPUT...`: collect inputs, ingest,
// extract (in parallel), resolve into one `KnowledgeGraph`. Writing is left to the caller.
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
#include <vector>

namespace parley {

struct BuildOptions {
    std::vector<std::string> inputs; ///< files and directories of *.txt
    std::filesystem::path mappings = "mappings";
    std::filesystem::path ontology = "ontology";
    std::optional<Date> date; ///< --date: publication date for every input
    bool lenient = false;     ///< --lenient: replace invalid UTF-8
    unsigned jobs = 0;        ///< 0 = number of cores
    bool quiet = false;
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

/// Runs ingest, extract and resolve. Throws `ParleyError` on bad input or configuration.
BuildResult run_pipeline(const BuildOptions& options);

/// Adds the options shared by every command that builds a graph from articles
/// (`--mappings`, `--ontology`, `--date`, `--lenient`, `--jobs`, `--quiet`) to `cmd`.
void add_build_options(CLI::App& cmd, BuildOptions& options);

} // namespace parley
