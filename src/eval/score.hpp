// Scoring a `KnowledgeGraph` against a `GoldSet`, exactly as the `Scorer` of the reference
// scorer (tools/score.py) scores the RDF output: the same candidate strengths, the same one-to-one
// maximum matching of entities, the same meeting alignment and the same counts, so that
// `parley eval` and score.py print the same numbers for the same graph.
#pragma once

#include "eval/gold.hpp"
#include "graph/graph.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

/// One row of the report. Precision, recall and F1 are rounded to 4 decimals like score.py's
/// `prf`; they are empty when undefined (no system items, no gold items).
struct Prf {
    std::size_t gold = 0, system = 0, tp_gold = 0, tp_system = 0;
    std::optional<double> precision, recall, f1;
};

/// score.py's `prf(tp_sys, n_sys, tp_gold, n_gold)`.
[[nodiscard]] Prf make_prf(std::size_t tp_system, std::size_t system, std::size_t tp_gold,
                           std::size_t gold);

struct Accuracy {
    std::size_t correct = 0, total = 0;
    std::optional<double> accuracy; ///< not rounded (as in score.py)
};

struct MeetingSummary {
    std::size_t gold_meetings = 0, gold_events = 0, system_meetings = 0, aligned = 0;
    Accuracy location, date;
};

/// A named field of an error category: a list of lines or a count.
struct ErrorField {
    std::string name;
    std::vector<std::string> lines;
    std::optional<std::size_t> count; ///< set for counts, then `lines` is unused
};

/// One category of `--errors`: either a flat list (`meetings`) or named fields.
struct ErrorCategory {
    std::string name;
    std::optional<std::vector<std::string>> flat;
    std::vector<ErrorField> fields;
};

/// The four entity types, in report order.
inline constexpr std::array<const char*, 4> kEntityTypes = {"Person", "Organization", "Country",
                                                            "Place"};

/// The rows of the table: JSON key and printed name, in report order.
struct RowName {
    const char* key;
    const char* title;
};
inline constexpr std::array<RowName, 7> kEvalRows = {
    {{"entities", "entities"},
     {"entities_typed", "entities (typed)"},
     {"meeting_participants", "meeting participants"},
     {"proposals", "proposals"},
     {"proposal_proposer", "proposal-proposer"},
     {"stances", "stances"},
     {"quotes", "quotes"}}};

struct EvalReport {
    Prf entities, entities_typed;
    std::array<Prf, 4> entities_by_type; ///< in `kEntityTypes` order
    Prf meeting_participants;
    MeetingSummary meetings;
    Prf proposals, proposal_proposer, stances, quotes;
    /// entities, entities_typed, meetings, proposals, proposal_proposer, stances, quotes.
    std::vector<ErrorCategory> errors;

    /// The row with JSON key `key` (see `kEvalRows`), or null for an unknown key.
    [[nodiscard]] const Prf* row(std::string_view key) const;
};

/// Scores `g` against `gold`. System entities are the nodes of kind Person, Organization,
/// Country and Place (rdfs:label = `label`, skos:altLabel = `aliases`, owl:sameAs = `qid`);
/// meetings, proposals and statements are the nodes of those kinds.
[[nodiscard]] EvalReport evaluate(const KnowledgeGraph& g, const GoldSet& gold);

} // namespace parley
