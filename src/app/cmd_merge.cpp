// `parley merge SHARD_DIR... --out DIR`: the graph of every article of several `parley build
// --shard K/N` outputs, as one `parley build` of all of them writes it.
//
// Each shard folder keeps a verbatim copy of its articles in SHARD/state/articles/, listed with
// their FNV-1a 64 hashes in SHARD/state/articles.tsv (the state of `build --into`). Merge gathers
// the articles of every shard, refuses two different articles under one file name (exit 1),
// reads them in file-name order (the order of a build of one folder), runs the same ingest,
// extraction and cross-document resolution as `build` over the union and writes the same files
// through the same writer (`write_outputs`). DIR gets the union as its state, so a later `build
// --into DIR` adds to it.
#include "app/build_runner.hpp"
#include "app/commands.hpp"
#include "core/error.hpp"
#include "ingest/ingest.hpp"
#include "rdf/atomic_file.hpp"
#include "rdf/iri.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace parley {

namespace {

namespace fs = std::filesystem;

struct MergeCommand : WriteOptions {
    std::vector<std::string> shards; ///< output folders of `build --shard`
};

/// One article of a shard's state.
struct Article {
    fs::path file;    ///< SHARD/state/articles/NAME
    std::string hash; ///< FNV-1a 64 (hex) from the shard's articles.tsv
};

/// The articles of every shard by file name. Throws `ParleyError`: exit 2 for a folder without
/// state or a listed article that is missing, exit 1 for a malformed manifest or two different
/// articles with the same file name.
std::map<std::string, Article> gather(const std::vector<std::string>& shards) {
    std::map<std::string, Article> articles;
    for (const auto& shard : shards) {
        const fs::path dir(shard);
        const fs::path manifest = dir / "state" / "articles.tsv";
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) throw io_error("merge: " + shard + ": no such directory");
        if (!fs::exists(manifest, ec))
            throw io_error("merge: " + shard +
                           " has no state/articles.tsv: not the output folder of 'parley build' "
                           "(or built with --date, or from two files of the same name)");
        std::istringstream lines(read_bytes(manifest));
        std::string line;
        for (std::size_t number = 1; std::getline(lines, line); ++number) {
            if (line.empty() || line[0] == '#') continue;
            const auto tab = line.find('\t');
            if (tab == std::string::npos || tab == 0 || tab + 1 == line.size() ||
                line.find('/') < tab)
                throw content_error("merge: " + manifest.string() + ":" + std::to_string(number) +
                                    ": expected 'FILE<TAB>HASH', got '" + line + "'");
            const std::string name = line.substr(0, tab);
            Article a{dir / "state" / "articles" / name, line.substr(tab + 1)};
            if (!fs::is_regular_file(a.file, ec))
                throw io_error("merge: " + manifest.string() + " lists " + name + ", but " +
                               a.file.string() + " is missing");
            const auto [it, fresh] = articles.emplace(name, a);
            if (!fresh && it->second.hash != a.hash)
                throw content_error("merge: " + it->second.file.string() + " and " +
                                    a.file.string() +
                                    " are different articles with the same file name " + name +
                                    "; rename one and build its shard again");
        }
    }
    if (articles.empty()) throw io_error("merge: the shards hold no articles");
    return articles;
}

/// Replaces the state of `out` with copies of `articles` and their manifest (the format of
/// `build`: "FILE<TAB>FNV-1a 64"), checking each copy against the hash its shard recorded.
void write_state(const fs::path& out, const std::map<std::string, Article>& articles) {
    std::error_code ec;
    fs::remove_all(out / "state", ec);
    if (ec) throw io_error("cannot remove " + (out / "state").string() + ": " + ec.message());
    const fs::path dir = out / "state" / "articles";
    rdf::ensure_directory(dir);
    std::string tsv =
        "# file\tfnv1a64: the articles of this graph (parley build --into adds to them)\n";
    for (const auto& [name, a] : articles) {
        const std::string bytes = read_bytes(a.file);
        if (rdf::hash_hex(bytes) != a.hash)
            throw content_error("merge: " + a.file.string() +
                                " changed after its shard was built (its hash differs from "
                                "state/articles.tsv); build that shard again");
        rdf::write_file_atomically(dir / name, bytes);
        tsv += name + "\t" + a.hash + "\n";
    }
    rdf::write_file_atomically(out / "state" / "articles.tsv", tsv);
}

void run_merge(AppContext& ctx, const MergeCommand& cmd_in) {
    MergeCommand cmd = cmd_in;
    cmd.command = "merge";
    std::error_code ec;
    for (const auto& shard : cmd.shards)
        if (fs::equivalent(shard, cmd.out, ec))
            throw ParleyError(ExitCode::Usage, "merge: --out " + cmd.out.string() +
                                                   " is one of the shards; write the merged "
                                                   "graph to another folder");
    const auto articles = gather(cmd.shards);
    for (const auto& [name, a] : articles)
        cmd.build.files.push_back(a.file);
    BuildResult r = run_pipeline(cmd.build);
    write_state(cmd.out, articles);
    write_outputs(ctx, r, cmd);
    keep_until_exit(std::move(r));
}

} // namespace

void register_merge(CLI::App& app, AppContext& ctx) {
    auto cmd = std::make_shared<MergeCommand>();
    CLI::App* sub = app.add_subcommand(
        "merge",
        "Combine the outputs of 'parley build --shard K/N' into the graph of all articles");
    sub->footer(R"(Example:
  parallel parley build -q examples/ --shard {}/3 --format nq --out shard-{} ::: 1 2 3
  parley merge shard-1 shard-2 shard-3 --out out/

Reads the articles each shard keeps in SHARD/state/articles/ (listed in state/articles.tsv),
runs extraction and the cross-document resolution over all of them and writes the same files,
byte for byte, as 'parley build' of every article from one folder: OUT/graph.ttl, graph.nt,
graph.nq, validation.ttl and OUT/state/ (so 'parley build --into OUT' can add to it). The same
article in several shards counts once; two different articles with the same file name exit 1.
Use the --mappings and --ontology the shards were built with.)");
    sub->add_option("SHARD_DIR", cmd->shards, "Output folders of 'parley build --shard K/N'")
        ->required();
    sub->add_option("-o,--out", cmd->out, "Output folder")->capture_default_str();
    sub->add_option("--format", cmd->formats, "Output formats: ttl, nt, nq, rdf, json")
        ->delimiter(',')
        ->capture_default_str();
    sub->add_option("--mappings", cmd->build.mappings, "Folder of lexicon YAML files")
        ->capture_default_str();
    sub->add_option("--ontology", cmd->build.ontology, "Folder of the ontology and shapes (Turtle)")
        ->capture_default_str();
    sub->add_flag("--lenient", cmd->build.lenient,
                  "Replace invalid UTF-8 with U+FFFD and warn (when the shards used it)");
    sub->add_option("-j,--jobs", cmd->build.jobs,
                    "Worker threads for extraction (default: all cores)");
    sub->add_flag("--no-entail", cmd->no_entail,
                  "Do not write RDFS entailments (super-classes and super-properties)");
    sub->add_flag("--strict", cmd->strict, "Exit 1 when the graph violates the SHACL shapes");
    sub->add_flag("-q,--quiet", cmd->build.quiet, "Print nothing but errors");
    sub->callback([&ctx, cmd] { run_merge(ctx, *cmd); });
}

} // namespace parley
