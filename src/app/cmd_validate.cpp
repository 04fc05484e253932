// `parley validate`: SHACL Core validation of RDF files against ontology/shapes.ttl.
#include "app/commands.hpp"
#include "core/error.hpp"
#include "rdf/atomic_file.hpp"
#include "rdf/model.hpp"
#include "rdf/world.hpp"
#include "validate/report.hpp"
#include "validate/shacl.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace parley {

namespace {

struct ValidateOptions {
    std::vector<std::string> data;
    std::string shapes;
    std::string ontology;
    std::string report;
    bool strict = false;
    bool quiet = false;
};

constexpr const char* kValidateHelp =
    R"(Validates RDF files against SHACL Core shapes and prints a summary line
("N violations (M warnings) in K focus nodes") followed by one paragraph per result: the focus
node and its label, the message, the shape and constraint, the offending value, and - when the
data carries parley's provenance (pl:Fact / pl:Evidence) - the sentence and document the
offending fact was read from.

  parley validate out/graph.ttl
  parley validate --strict --report out/validation.ttl out/graph.ttl
  parley validate --shapes my-shapes.ttl --ontology my-ontology/ data.ttl more.nt

Data files: .ttl .nt .nq .rdf/.owl/.xml, merged into one graph. The ontology directory's *.ttl
files (except the shapes file) supply the rdfs:subClassOf hierarchy used by sh:targetClass and
sh:class (e.g. pl:Person rdfs:subClassOf pl:Actor). Defaults: ontology/shapes.ttl and ontology/,
looked up in the current directory, then in parley's source tree.

Exit codes: 0 when the run completes (even with violations, unless --strict), 1 with --strict
when there is at least one sh:Violation (warnings do not count), 2 for a missing or malformed
file (the message names the file and line).)";

/// `relative` in the current directory, else in parley's source tree, else `relative` itself.
std::filesystem::path locate(const std::filesystem::path& relative) {
    std::error_code ec;
    if (std::filesystem::exists(relative, ec)) return relative;
    const auto installed = std::filesystem::path(PARLEY_SOURCE_DIR) / relative;
    if (std::filesystem::exists(installed, ec)) return installed;
    return relative;
}

void run_validate_command(const ValidateOptions& o, AppContext& ctx) {
    std::error_code ec;
    const std::filesystem::path shapes =
        o.shapes.empty() ? locate("ontology/shapes.ttl") : std::filesystem::path(o.shapes);
    if (!std::filesystem::is_regular_file(shapes, ec))
        throw io_error("validate: cannot read the shapes file " + shapes.string());
    std::filesystem::path ontology;
    if (o.ontology.empty()) {
        ontology = locate("ontology");
    } else {
        ontology = o.ontology;
        if (!std::filesystem::is_directory(ontology, ec))
            throw io_error("validate: the ontology directory " + ontology.string() +
                           " does not exist");
    }

    const std::vector<std::filesystem::path> files(o.data.begin(), o.data.end());
    const rdf::Model data = rdf::Model::from_files(ctx.world, files);
    const auto report = validate::validate_model(ctx.world, data.get(), shapes, ontology);

    if (!o.report.empty()) rdf::write_file_atomically(o.report, validate::to_turtle(report));
    for (const auto& u : report.unsupported)
        std::cerr << "parley validate: warning: the shapes use " << validate::compact_iri(u)
                  << ", which parley does not evaluate\n";
    std::cout << validate::summary(report) << "\n";
    if (!o.quiet && !report.results.empty()) std::cout << "\n" << validate::to_text(report);
    std::cout.flush();
    if (!std::cout) throw io_error("validate: cannot write to standard output");
    if (o.strict && report.violations() > 0)
        throw content_error("validate: " + validate::summary(report) + " (--strict)");
}

} // namespace

void register_validate(CLI::App& app, AppContext& ctx) {
    auto opts = std::make_shared<ValidateOptions>();
    CLI::App* cmd = app.add_subcommand("validate", "Validate RDF files against SHACL shapes");
    cmd->footer(kValidateHelp);
    cmd->add_option("data", opts->data, "RDF files to validate (merged into one graph)")
        ->required();
    cmd->add_option("--shapes", opts->shapes, "SHACL shapes file (default ontology/shapes.ttl)");
    cmd->add_option("--ontology", opts->ontology,
                    "Directory whose *.ttl files give the class hierarchy (default ontology/)");
    cmd->add_option("--report", opts->report,
                    "Also write the standard sh:ValidationReport as Turtle to this file");
    cmd->add_flag("--strict", opts->strict, "Exit with code 1 when there is any sh:Violation");
    cmd->add_flag("-q,--quiet", opts->quiet, "Print only the summary line");
    cmd->callback([opts, &ctx]() { run_validate_command(*opts, ctx); });
}

} // namespace parley
