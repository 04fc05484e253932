// `parley build`: articles -> out/graph.ttl, graph.nt, graph.nq (+ a summary).
#include "app/build_runner.hpp"
#include "app/commands.hpp"
#include "core/error.hpp"
#include "ingest/ingest.hpp"
#include "rdf/atomic_file.hpp"
#include "rdf/iri.hpp"
#include "rdf/model.hpp"
#include "rdf/triples.hpp"
#include "rdf/writer.hpp"
#include "validate/report.hpp"
#include "validate/shacl.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <fstream>
#include <future>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace parley {

namespace {

struct BuildCommand : WriteOptions {
    std::filesystem::path into;     ///< --into DIR: incremental build (empty: off)
    unsigned shard = 0, shards = 0; ///< --shard K/N (0/0: off)
};

std::size_t count_kind(const KnowledgeGraph& g, NodeKind k) {
    std::size_t n = 0;
    for (auto [it, end] = boost::vertices(g.boost()); it != end; ++it)
        if (g[*it].kind == k) ++n;
    return n;
}

std::size_t count_rel(const KnowledgeGraph& g, std::initializer_list<Relation> rels) {
    std::size_t n = 0;
    for (auto [it, end] = boost::edges(g.boost()); it != end; ++it)
        for (Relation r : rels)
            if (g[*it].rel == r) ++n;
    return n;
}

/// Incremental builds (`--into DIR`). The state of an output folder is a verbatim copy of every
/// article built into it, in DIR/state/articles/ under its file name (the document id), and a
/// manifest DIR/state/articles.tsv (file name, FNV-1a 64 of the bytes). A build `--into DIR`
/// adds the new articles to the copies and rebuilds the whole graph from them: entities and
/// facts are merged by the same resolve step as in a one-shot build, so the output is the one
/// that building every article at once (from one folder, in file-name order) gives. Re-adding
/// an identical article changes nothing; another article with the same file name is refused.
/// Rebuilding costs a full run over all articles (extraction is fast: ~0.03 s for 10 articles),
/// which is the price of an exact result. Returns the paths of the articles copied by this run,
/// so that a failed build can take them back.
std::vector<std::filesystem::path> add_to_state(const std::filesystem::path& dir,
                                                const std::vector<std::string>& inputs) {
    const auto articles = dir / "state" / "articles";
    rdf::ensure_directory(articles);
    std::vector<std::filesystem::path> added;
    for (const auto& file : collect_inputs(inputs)) {
        const auto target = articles / file.filename();
        std::error_code ec;
        if (std::filesystem::equivalent(file, target, ec)) continue;
        const std::string bytes = read_bytes(file);
        if (std::filesystem::exists(target)) {
            if (read_bytes(target) == bytes) continue; // already built into DIR
            for (const auto& p : added)
                std::filesystem::remove(p, ec);
            throw content_error("build --into: " + dir.string() +
                                " already holds another article "
                                "named " +
                                file.filename().string() + " (" + target.string() + "); rename " +
                                file.string());
        }
        rdf::write_file_atomically(target, bytes);
        added.push_back(target);
    }
    return added;
}

/// Writes STATE/articles.tsv for the articles in STATE/articles/ (STATE: a state folder,
/// normally DIR/state). `known` (file name -> hash) holds the hashes of articles the caller has
/// just written; the others are read back.
void write_manifest(const std::filesystem::path& state,
                    const std::map<std::string, std::string>& known = {}) {
    const auto articles = state / "articles";
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(articles))
        if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::string tsv =
        "# file\tfnv1a64: the articles of this graph (parley build --into adds to them)\n";
    for (const auto& f : files) {
        const std::string name = f.filename().string();
        const auto it = known.find(name);
        tsv += name + "\t" + (it != known.end() ? it->second : rdf::hash_hex(read_bytes(f))) + "\n";
    }
    rdf::write_file_atomically(state / "articles.tsv", tsv);
}

/// Writes `bytes` to `target` (a new file in a fresh state folder) without syncing it; see
/// `StateCopy`.
void write_copy(const std::filesystem::path& target, std::string_view bytes) {
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw io_error("cannot write " + target.string());
}

/// Flushes the file system holding `dir` to disk (one `syncfs` instead of an fsync per file).
void sync_file_system(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) throw io_error("cannot open " + dir.string() + ": " + std::strerror(errno));
    const int rc = ::syncfs(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) throw io_error("cannot sync " + dir.string() + ": " + std::strerror(err));
}

/// A build with `--out DIR` records its articles as the state of DIR (replacing any earlier
/// state), so that a later `--into DIR` adds to them. When the state could not reproduce the
/// build (two inputs share a file name, or `--date` was given), DIR gets no state and `--into
/// DIR` refuses it.
///
/// The copies are made on a background thread while the graph is built, into a new folder
/// DIR/.state.tmp-PID: each article is read once, written (no fsync) and hashed, one flush of the
/// file system makes them all durable, then the manifest is written. Only when the build has
/// succeeded does `install()` replace DIR/state with that folder (a rename); a failed build
/// removes it. Creating thousands of files costs seconds of kernel time at the scale of the
/// benchmark (an fsync per article cost more than building the graph from it), and most of it
/// now overlaps the single-threaded resolution and RDF mapping.
class StateCopy {
public:
    StateCopy(std::filesystem::path dir, std::vector<std::filesystem::path> files, bool faithful)
        : dir_(std::move(dir)), staging_(dir_ / (".state.tmp-" + std::to_string(::getpid()))) {
        std::set<std::string> names;
        for (const auto& f : files)
            if (!names.insert(f.filename().string()).second) faithful = false;
        if (!faithful) return; // DIR gets no state
        copy_ = std::async(std::launch::async, [this, files = std::move(files)] { copy(files); });
    }
    StateCopy(const StateCopy&) = delete;
    StateCopy& operator=(const StateCopy&) = delete;
    /// Stops and removes an uninstalled copy.
    ~StateCopy() {
        if (!copy_.valid()) return;
        cancel_ = true;
        copy_.wait();
        std::error_code ec;
        std::filesystem::remove_all(staging_, ec);
    }

    /// Waits for the copy (rethrowing its error) and makes it the state of DIR.
    void install() {
        std::exception_ptr failure;
        if (copy_.valid()) {
            try {
                copy_.get(); // leaves `copy_` invalid: the destructor has nothing to do
            } catch (...) {
                failure = std::current_exception();
            }
        }
        std::error_code ec;
        if (failure) {
            std::filesystem::remove_all(staging_, ec);
            std::rethrow_exception(failure);
        }
        const auto state = dir_ / "state";
        std::filesystem::remove_all(state, ec);
        if (ec) throw io_error("cannot remove " + state.string() + ": " + ec.message());
        if (!copied_) return;
        std::filesystem::rename(staging_, state, ec);
        if (ec) {
            std::error_code ignored;
            std::filesystem::remove_all(staging_, ignored);
            throw io_error("cannot rename " + staging_.string() + " to " + state.string() + ": " +
                           ec.message());
        }
    }

private:
    void copy(const std::vector<std::filesystem::path>& files) {
        std::error_code ec;
        std::filesystem::remove_all(staging_, ec);
        const auto articles = staging_ / "articles";
        rdf::ensure_directory(articles);
        std::map<std::string, std::string> hashes;
        for (const auto& f : files) {
            if (cancel_) return;
            const std::string bytes = read_bytes(f);
            write_copy(articles / f.filename(), bytes);
            hashes.emplace(f.filename().string(), rdf::hash_hex(bytes));
        }
        sync_file_system(articles);
        write_manifest(staging_, hashes);
        copied_ = true;
    }

    std::filesystem::path dir_, staging_;
    std::atomic<bool> cancel_{false};
    bool copied_ = false; ///< set by the copying thread; read after it has finished
    std::future<void> copy_;
};

/// `--shard K/N`: the inputs become the articles at positions K-1, K-1+N, K-1+2N, ... of the
/// sorted input list (round robin, so every shard gets a share as long as there are at least N
/// articles, and the N shards together hold every article once). File names must be unique:
/// `merge` puts the shards' articles back together by name.
std::vector<std::string> select_shard(const std::vector<std::string>& inputs, unsigned k,
                                      unsigned n) {
    const auto files = collect_inputs(inputs);
    std::map<std::string, std::filesystem::path> names;
    for (const auto& f : files) {
        const auto [it, fresh] = names.emplace(f.filename().string(), f);
        if (!fresh)
            throw ParleyError(ExitCode::Usage, "build --shard: two inputs are named " + it->first +
                                                   " (" + it->second.string() + ", " + f.string() +
                                                   "); merge needs unique file names");
    }
    std::vector<std::string> mine;
    for (std::size_t i = k - 1; i < files.size(); i += n)
        mine.push_back(files[i].string());
    if (mine.empty())
        throw ParleyError(ExitCode::Usage,
                          "build --shard " + std::to_string(k) + "/" + std::to_string(n) +
                              ": only " + std::to_string(files.size()) +
                              " articles, so this shard has none; use fewer shards");
    return mine;
}

void run_build(AppContext& ctx, const BuildCommand& cmd_in) {
    BuildCommand cmd = cmd_in;
    if (cmd.shards > 0) {
        if (cmd.build.date)
            throw ParleyError(ExitCode::Usage,
                              "build: --date cannot be used with --shard (merge rebuilds the "
                              "graph from the articles' own dates)");
        cmd.build.inputs = select_shard(cmd.build.inputs, cmd.shard, cmd.shards);
    }
    std::vector<std::filesystem::path> added;
    if (!cmd.into.empty()) {
        if (cmd.build.date)
            throw ParleyError(ExitCode::Usage,
                              "build: --date cannot be used with --into (it would change the "
                              "dates of the articles already built)");
        std::error_code ec;
        const bool built = std::filesystem::exists(cmd.into / "graph.nq", ec) ||
                           std::filesystem::exists(cmd.into / "graph.ttl", ec) ||
                           std::filesystem::exists(cmd.into / "graph.nt", ec);
        if (built && !std::filesystem::exists(cmd.into / "state" / "articles.tsv", ec))
            throw ParleyError(ExitCode::Usage,
                              "build --into: " + cmd.into.string() +
                                  " holds a graph but no state/articles.tsv (built with --date, "
                                  "from two files of the same name, or by an older parley); "
                                  "build it again with --into");
        added = add_to_state(cmd.into, cmd.build.inputs);
        cmd.out = cmd.into;
        cmd.build.inputs = {(cmd.into / "state" / "articles").string()};
    }
    std::optional<StateCopy> state;
    if (cmd.into.empty()) {
        // The articles are listed once, so the state holds exactly the articles built.
        cmd.build.files = collect_inputs(cmd.build.inputs);
        state.emplace(cmd.out, cmd.build.files, !cmd.build.date);
    }
    BuildResult r;
    try {
        r = run_pipeline(cmd.build);
    } catch (...) {
        std::error_code ec; // the state keeps only articles that built
        for (const auto& p : added)
            std::filesystem::remove(p, ec);
        throw;
    }
    if (!state) write_manifest(cmd.into / "state");
    write_outputs(ctx, r, cmd);
    // The copy of the articles (and its one flush of the file system) ran next to the graph's
    // construction and writing; the state is replaced only once the outputs are written.
    if (state) state->install();
    keep_until_exit(std::move(r));
}

} // namespace

void write_outputs(AppContext& ctx, const BuildResult& r, const WriteOptions& cmd) {
    const auto& g = r.ctx.graph;
    // One triple set feeds every file and the validator ("same triples" by construction).
    rdf::TripleOptions to;
    to.entail = !cmd.no_entail;
    rdf::TripleSet triples = rdf::build_triples(g, r.ctx.documents, to);
    const auto ontology = resolve_data_dir(cmd.build.ontology);
    // The validator reads the triple set itself: no librdf model of the graph is built. The
    // Turtle, N-Triples and N-Quads writers (Serd) and the validator are independent tasks,
    // run on up to --jobs threads; only the validator and the raptor/librdf writers (RDF/XML,
    // RDF/JSON) use the librdf world, so they stay on this thread. Each task's output is the
    // same whichever thread runs it.
    std::vector<std::string> streamed, other;
    for (const auto& f : cmd.formats)
        (f == "ttl" || f == "nt" || f == "nq" ? streamed : other).push_back(f);
    std::vector<rdf::WriteSummary> parts(streamed.size());
    std::optional<validate::ValidationReport> checked;
    auto check = [&] {
        checked = validate::validate_triples(ctx.world, triples, ontology / "shapes.ttl", ontology);
    };
    // RDF/XML is checked before any file is replaced, so with it everything runs in order.
    const bool in_order = std::find(other.begin(), other.end(), "rdf") != other.end();
    if (in_order || r.ctx.jobs <= 1 || streamed.empty()) {
        parts.assign(1, rdf::write_triples(ctx.world, triples, cmd.out, cmd.formats));
        other.clear();
        streamed = cmd.formats;
        check();
    } else {
        rdf::ensure_directory(cmd.out);
        std::vector<std::exception_ptr> errors(streamed.size());
        // The longest task first (N-Quads repeats a triple per document), so that the
        // threads finish together.
        std::vector<std::size_t> order(streamed.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_partition(order.begin(), order.end(),
                              [&](std::size_t i) { return streamed[i] == "nq"; });
        std::atomic<std::size_t> next{0};
        auto worker = [&] {
            for (std::size_t k; (k = next.fetch_add(1)) < streamed.size();) {
                const std::size_t i = order[k];
                try {
                    parts[i] = rdf::write_triples(ctx.world, triples, cmd.out, {streamed[i]});
                } catch (...) {
                    errors[i] = std::current_exception();
                }
            }
        };
        {
            std::vector<std::jthread> pool;
            const std::size_t n = std::min<std::size_t>(r.ctx.jobs - 1, streamed.size());
            for (std::size_t t = 0; t < n; ++t)
                pool.emplace_back(worker);
            check(); // on this thread, next to the writers
            worker();
        }
        for (const auto& e : errors) // the first failure in format order
            if (e) std::rethrow_exception(e);
        if (!other.empty()) parts.push_back(rdf::write_triples(ctx.world, triples, cmd.out, other));
    }
    rdf::WriteSummary ws;
    for (const auto& f : cmd.formats) // files in the order of --format
        for (const auto& part : parts)
            for (std::size_t k = 0; k < part.files.size(); ++k)
                if (part.files[k] == rdf::output_path(cmd.out, f)) {
                    ws.triples = part.triples;
                    ws.quads = part.quads;
                    ws.files.push_back(part.files[k]);
                    ws.seconds.push_back(part.seconds[k]);
                    ws.cpu_seconds.push_back(part.cpu_seconds[k]);
                }
    keep_until_exit(std::move(triples)); // all written and validated; the process ends soon
    const validate::ValidationReport& report = *checked;
    rdf::write_file_atomically(cmd.out / "validation.ttl", validate::to_turtle(report));
    const bool violations = report.violations() > 0;
    if (!cmd.build.quiet) {
        for (const auto& w : r.ctx.warnings)
            std::cerr << "parley: warning: " << w << "\n";
        if (violations) std::cerr << validate::to_text(report);
    }
    if (violations && cmd.strict)
        throw content_error("the graph violates the SHACL shapes (" + validate::summary(report) +
                            "); see " + (cmd.out / "validation.ttl").string());
    if (cmd.build.quiet) return;
    std::ostringstream s;
    s << "parley " << cmd.command << ": " << r.ctx.documents.size() << " documents read\n"
      << "  entities:  " << count_kind(g, NodeKind::Person) << " persons, "
      << count_kind(g, NodeKind::Organization) << " organizations, "
      << count_kind(g, NodeKind::Country) << " countries, " << count_kind(g, NodeKind::Place)
      << " places\n"
      << "  meetings:  " << count_kind(g, NodeKind::Meeting) << " ("
      << count_rel(g, {Relation::Participant, Relation::Host}) << " participations)\n"
      << "  proposals: " << count_kind(g, NodeKind::Proposal) << " ("
      << count_rel(g, {Relation::ProposedBy}) << " proposers)\n"
      << "  stances:   "
      << count_rel(g, {Relation::Supports, Relation::Demands, Relation::Opposes, Relation::Rejects,
                       Relation::ConditionallySupports})
      << " (" << r.summary.conflicts << " conflicting reports)\n"
      << "  quotes:    " << count_kind(g, NodeKind::Statement) << "\n"
      << "  triples:   " << ws.triples << " written to";
    for (const auto& f : ws.files)
        s << " " << f.string();
    s << "\n  validate:  " << validate::summary(report) << " ("
      << (cmd.out / "validation.ttl").string() << ")\n  timing:    " << r.timing << ", "
      << ws.timing() << ", " << validate::timing(report) << "\n";
    std::cout << s.str();
}

void register_build(CLI::App& app, AppContext& ctx) {
    auto cmd = std::make_shared<BuildCommand>();
    CLI::App* sub = app.add_subcommand(
        "build", "Build the knowledge graph of a set of articles and write it as RDF");
    sub->footer(R"(Example:
  parley build examples/ --out out/
Writes OUT/graph.ttl (Turtle), OUT/graph.nt (N-Triples) and OUT/graph.nq (N-Quads, one named
graph per source document), all from the same triples; validates the graph against
ONTOLOGY/shapes.ttl (SHACL) and writes the report to OUT/validation.ttl (with --strict, any
violation exits 1). Every file is written to a temporary file and renamed, so an interrupted
run never leaves a half-written graph. Output is byte-identical for the same input, whatever
--jobs is.

Incremental: every build keeps a copy of its articles in OUT/state/articles/ (listed in
OUT/state/articles.tsv); parley build --into out/ new-article.txt adds articles to out/ and
writes the same graph as one build of all of them; an identical article is not added twice.

Sharded: parley build --shard K/N builds only every N-th article (from the K-th on, in sorted
order) with its state; parley merge SHARD_DIR... --out DIR then writes the graph of all of them.)");
    add_build_options(*sub, cmd->build);
    sub->add_option("-o,--out", cmd->out, "Output folder")->capture_default_str();
    sub->add_option("--format", cmd->formats, "Output formats: ttl, nt, nq, rdf, json")
        ->delimiter(',')
        ->capture_default_str();
    sub->add_flag("--no-entail", cmd->no_entail,
                  "Do not write RDFS entailments (super-classes and super-properties)");
    sub->add_flag("--strict", cmd->strict, "Exit 1 when the graph violates the SHACL shapes");
    sub->add_option("--into", cmd->into,
                    "Add INPUT to the output folder DIR built before (incremental; replaces "
                    "--out): the graph of every article built into DIR, without duplicates")
        ->excludes("--out");
    sub->add_option_function<std::string>(
           "--shard",
           [cmd](const std::string& v) {
               auto number = [](std::string_view t, unsigned& x) {
                   const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), x);
                   return !t.empty() && ec == std::errc() && end == t.data() + t.size();
               };
               const auto slash = v.find('/');
               unsigned k = 0, n = 0;
               if (slash == std::string::npos || !number(std::string_view(v).substr(0, slash), k) ||
                   !number(std::string_view(v).substr(slash + 1), n) || k == 0 || k > n)
                   throw CLI::ValidationError("--shard",
                                              "expected K/N with 1 <= K <= N, got '" + v + "'");
               cmd->shard = k;
               cmd->shards = n;
           },
           "Build only share K of N (1 <= K <= N) of the sorted inputs (articles K, K+N, "
           "K+2N, ...); 'parley merge' combines the N output folders")
        ->type_name("K/N");
    sub->callback([&ctx, cmd] { run_build(ctx, *cmd); });
}

} // namespace parley
