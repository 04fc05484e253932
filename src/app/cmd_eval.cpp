// `parley eval`: builds the graph from articles and scores it against gold annotations, with the
// same numbers as the reference scorer (tools/score.py).
#include "app/build_runner.hpp"
#include "app/commands.hpp"
#include "core/error.hpp"
#include "eval/gold.hpp"
#include "eval/report.hpp"
#include "eval/score.hpp"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace parley {

namespace {

struct EvalOptions {
    BuildOptions build;
    std::string gold;
    bool json = false;
    bool errors = false;
    std::vector<std::string> mins;
};

constexpr const char* kEvalFooter =
    R"(Scores (precision, recall, F1; corpus-level over all gold files):
  entities              Person/Organization/Country/Place nodes matched one-to-one to gold
                        entities by label, altLabel or Wikidata id (a duplicate is a false
                        positive); "typed" also requires the same type
  meeting participants  (meeting, participant) pairs after aligning gold events to meetings;
                        location and date accuracy over the aligned events
  proposals             a proposal label/altLabel containing one of the gold 'match' keywords
  proposal-proposer     (proposal, proposer) pairs
  stances               (actor, supports|opposes, proposal); demands counts as supports,
                        rejects as opposes; conditional stances are not scored
  quotes                (speaker, text) with >= 60 % of the gold quote's tokens

Exit codes: 0 scores printed; 1 a bad gold file or a --min threshold missed; 2 usage or I/O.

Example (CI): parley eval --gold ../shared/corpus/dev --min entities_typed=0.90 \
                --min stances=0.70 ../shared/corpus/dev)";

void run_eval(const EvalOptions& o) {
    std::vector<MinF1> mins;
    for (const auto& m : o.mins)
        mins.push_back(parse_min_f1(m));
    const GoldSet gold = read_gold(o.gold);
    BuildResult built = run_pipeline(o.build);
    const KnowledgeGraph& g = built.ctx.graph;
    const EvalReport rep = evaluate(g, gold);

    EvalInfo info;
    info.inputs = o.build.inputs;
    info.documents = built.ctx.documents.size();
    info.graph_nodes = g.num_nodes();
    info.graph_edges = g.num_edges();
    info.gold_dir = o.gold;
    info.gold_files = gold.files.size();
    info.gold_entities = gold.entities.size();
    info.warnings = gold.warnings;
    if (o.json) {
        std::cout << format_json(rep, info, o.errors);
    } else {
        std::cout << format_table(rep, info);
        if (o.errors) std::cout << format_errors(rep);
    }
    std::cout.flush();
    const auto failed = failed_thresholds(rep, mins);
    if (!failed.empty()) {
        std::string msg = "eval: below the required F1:";
        for (const auto& f : failed)
            msg += "\n  " + f;
        throw content_error(msg);
    }
}

} // namespace

void register_eval(CLI::App& app, AppContext& /*ctx*/) {
    auto opts = std::make_shared<EvalOptions>();
    CLI::App* cmd = app.add_subcommand(
        "eval", "Build the graph from INPUT articles and score it against gold annotations "
                "(*.gold.yaml): precision, recall and F1 per fact type.");
    cmd->add_option("--gold", opts->gold, "Directory of *.gold.yaml files")
        ->required()
        ->type_name("DIR");
    cmd->add_flag("--json", opts->json, "Print one JSON object (info + rows) instead of a table");
    cmd->add_flag("--errors", opts->errors, "List misses and false positives per category");
    cmd->add_option("--min", opts->mins,
                    "Exit 1 when the F1 of row KEY is below F1 (repeatable), e.g. "
                    "--min entities_typed=0.90; KEY: entities, entities_typed, "
                    "meeting_participants, proposals, proposal_proposer, stances, quotes")
        ->type_name("KEY=F1")
        ->allow_extra_args(false);
    add_build_options(*cmd, opts->build); // also the required INPUT... positional
    cmd->footer(kEvalFooter);
    cmd->callback([opts] { run_eval(*opts); });
}

} // namespace parley
