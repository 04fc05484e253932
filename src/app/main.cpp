// parley: news articles about diplomacy and negotiations -> an RDF knowledge graph.
#include "app/commands.hpp"
#include "core/error.hpp"
#include "rdf/world.hpp"

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

namespace {
constexpr const char* kFooter = R"(Exit codes:
  0  success
  1  content or validation problems (e.g. SHACL violations with --strict, a bad gold file)
  2  usage, I/O or configuration errors (unreadable or non-UTF-8 input, bad YAML, full disk)
  3  internal error (a bug in parley; please report it)

Run 'parley <command> --help' for the options of a command.)";
} // namespace

int main(int argc, char** argv) {
    CLI::App app{"parley " PARLEY_VERSION
                 " - turns news articles about diplomacy and negotiations into an RDF "
                 "knowledge graph (Turtle, N-Triples, N-Quads) with provenance for every fact.",
                 "parley"};
    app.set_version_flag("--version", "parley " PARLEY_VERSION);
    app.footer(kFooter);
    app.require_subcommand(1);
    try {
        parley::rdf::World world;
        parley::AppContext ctx{world};
        parley::register_build(app, ctx);
        parley::register_eval(app, ctx);
        parley::register_validate(app, ctx);
        parley::register_query(app, ctx);
        parley::register_export(app, ctx);
        parley::register_explain(app, ctx);
        parley::register_merge(app, ctx);
        try {
            app.parse(argc, argv);
        } catch (const CLI::ParseError& e) {
            const int rc = app.exit(e);
            return rc == 0 ? 0 : static_cast<int>(parley::ExitCode::Usage);
        }
    } catch (const parley::ParleyError& e) {
        std::cerr << "parley: " << e.what() << "\n";
        return static_cast<int>(e.code());
    } catch (const parley::InternalError& e) {
        std::cerr << "parley: " << e.what() << "\n";
        return static_cast<int>(parley::ExitCode::Internal);
    } catch (const std::bad_alloc&) {
        std::cerr << "parley: out of memory\n";
        return static_cast<int>(parley::ExitCode::Usage);
    } catch (const std::exception& e) {
        std::cerr << "parley: internal error: " << e.what() << "\n";
        return static_cast<int>(parley::ExitCode::Internal);
    }
    return 0;
}
