// `parley export`: the graph as GraphML (Gephi, Cytoscape, yEd, NetworkX), DOT (Graphviz) or a
// self-contained HTML page, built from articles or read back from parley's RDF output.
#include "app/build_runner.hpp"
#include "app/commands.hpp"
#include "core/error.hpp"
#include "export/export.hpp"
#include "rdf/atomic_file.hpp"
#include "rdf/world.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace parley {

namespace {

struct ExportCommand {
    BuildOptions build;
    ExportOptions options;
    std::string format;
    std::string kinds;
    std::string out;
    std::vector<std::string> data;
};

constexpr const char* kExportFooter = R"(Formats:
  graphml  GraphML for Gephi, Cytoscape, yEd or NetworkX. Node data: kind, label, aliases and
           role (joined with " | "), date, num_sources, iri, qid; edge data: relation,
           num_sources, confidence.
  dot      Graphviz DOT: node kinds as shapes and colours, meetings and proposals as hubs,
           stances as coloured, labelled arrows, and a legend. The layout engine is set in the
           file (neato; sfdp above 250 nodes), so `dot -Tsvg graph.dot > graph.svg` draws it.
           Statements are left out unless --kinds names Statement.
  html     One self-contained page (no network needed): search a name, click a node to see its
           facts with their source sentences, filter by kind. Open FILE.html#select=KEY to
           start with the node KEY (e.g. person/volodymyr-zelensky) selected.
  Without --format the format follows the extension of --out (.graphml, .dot/.gv, .html),
  else graphml.

Filters (applied in this order; the focus nodes themselves always stay):
  --focus NAME   nodes whose label, alias or key is NAME (case-insensitive; else those whose
                 name contains it), and everything within --depth edges of them
  --kinds LIST   keep only these kinds (default: all but Document; DOT also without Statement);
                 Document nodes and mentionedIn edges appear only when LIST names Document
  --min-sources  keep only nodes mentioned in at least N documents

Examples:
  parley export --data out/graph.ttl --out out/graph.graphml
  parley export --format dot --focus "Volodymyr Zelensky" --depth 1 examples/ > zelensky.dot
  parley export --data out/graph.ttl --kinds Person,Country,Meeting --min-sources 2 \
                --out out/meetings.html

Exit codes: 0 written; 2 usage or I/O (unknown format or kind, a --focus that matches nothing,
unreadable or unparsable input).)";

std::string format_from_path(const std::string& path) {
    const std::string ext = std::filesystem::path(path).extension().string();
    if (ext == ".dot" || ext == ".gv") return "dot";
    if (ext == ".html" || ext == ".htm") return "html";
    return "graphml";
}

void run_export(ExportCommand& c, AppContext& ctx) {
    if (c.data.empty() && c.build.inputs.empty())
        throw io_error("export: give --data FILE... (parley's RDF output) or INPUT articles");
    if (!c.data.empty() && !c.build.inputs.empty())
        throw io_error("export: give either --data FILE... or INPUT articles, not both");
    c.options.format = c.format.empty() ? format_from_path(c.out) : c.format;
    if (!c.kinds.empty()) c.options.kinds = parse_kinds(c.kinds);

    KnowledgeGraph graph;
    if (!c.data.empty()) {
        std::vector<std::filesystem::path> files(c.data.begin(), c.data.end());
        graph = graph_from_rdf(ctx.world, files);
    } else {
        BuildResult built = run_pipeline(c.build);
        graph = std::move(built.ctx.graph);
    }
    const std::string text = export_graph(graph, c.options);
    if (c.out.empty() || c.out == "-") {
        std::cout << text;
        std::cout.flush();
        if (!std::cout) throw io_error("export: cannot write to standard output");
        return;
    }
    rdf::write_file_atomically(c.out, text);
    if (!c.build.quiet) {
        const KnowledgeGraph shown = filter_graph(graph, c.options);
        std::cerr << "parley: wrote " << c.out << " (" << c.options.format << ", "
                  << shown.num_nodes() << " nodes, " << shown.num_edges() << " edges)\n";
    }
}

} // namespace

void register_export(CLI::App& app, AppContext& ctx) {
    auto c = std::make_shared<ExportCommand>();
    CLI::App* cmd = app.add_subcommand(
        "export", "Write the graph as GraphML, DOT or a self-contained HTML page, optionally cut "
                  "to a focus, some kinds of nodes or well-sourced nodes.");
    cmd->add_option("--format", c->format, "graphml, dot or html (default: from --out)")
        ->check(CLI::IsMember({"graphml", "dot", "html"}))
        ->type_name("FORMAT");
    cmd->add_option("--out,-o", c->out, "Output file, written atomically (default: stdout)")
        ->type_name("FILE");
    cmd->add_option("--focus", c->options.focus,
                    "Centre on the node with this name, alias or key (repeatable)")
        ->type_name("NAME")
        ->allow_extra_args(false);
    cmd->add_option("--depth", c->options.depth, "With --focus: keep nodes within N edges")
        ->check(CLI::NonNegativeNumber)
        ->type_name("N")
        ->capture_default_str();
    cmd->add_option("--kinds", c->kinds,
                    "Comma-separated node kinds to keep: Person, Organization, Country, Place, "
                    "Meeting, Proposal, Statement, Document")
        ->type_name("LIST");
    cmd->add_option("--min-sources", c->options.min_sources,
                    "Keep only nodes mentioned in at least N documents")
        ->check(CLI::NonNegativeNumber)
        ->type_name("N");
    auto* data = cmd->add_option("--data", c->data,
                                 "Read the graph from parley's RDF output (.ttl, .nt, .nq) "
                                 "instead of building it from articles")
                     ->type_name("FILE...");
    add_build_options(*cmd, c->build);
    // `add_build_options` may declare the INPUT positional as required; here it is optional,
    // because --data replaces it.
    CLI::Option* inputs = cmd->get_option_no_throw("INPUT");
    if (inputs) {
        inputs->required(false);
    } else {
        inputs =
            cmd->add_option("INPUT", c->build.inputs, "Article files (*.txt) or folders of them");
    }
    data->excludes(inputs);
    cmd->footer(kExportFooter);
    cmd->callback([c, &ctx] { run_export(*c, ctx); });
}

} // namespace parley
