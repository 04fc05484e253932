// Gold annotations for `parley eval`: every `*.gold.yaml` of a directory (format:
// ../shared/corpus/GUIDELINES.md) read into one `GoldSet` that mirrors the `Gold` class of the
// reference scorer (tools/score.py) exactly, so that `parley eval` and score.py agree on every
// count. yaml-cpp stays inside gold.cpp.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley {

/// A multiset of normalised tokens (token -> count), like Python's `Counter`.
using TokenBag = std::map<std::string, int>;

/// One real-world entity: gold entities of all files with the same normalised canonical name.
struct GoldEntity {
    std::string name; ///< canonical name as first written
    std::string type; ///< `Person`, `Organization`, `Country` or `Place` (as first written)
    std::set<std::string> aliases;
    std::set<std::string> qids;
    std::set<std::string> docs; ///< gold file names (without folders) that list the entity
};

/// A meeting of one gold file. Participants, location: entity keys (see `GoldSet::ref`).
struct GoldMeeting {
    std::string doc; ///< gold file name
    std::string id;
    std::set<std::string> participants; ///< participants and host
    std::optional<std::string> location;
    std::optional<std::string> date; ///< "YYYY-MM-DD" as written
    std::string description;
};

/// Gold meetings of different files merged into one event (`GoldSet::events`).
struct GoldEvent {
    std::vector<std::string> members; ///< "file#id" of each merged meeting
    std::set<std::string> participants;
    std::optional<std::string> location; ///< the first member's that has one
    std::optional<std::string> date;
    std::string description; ///< the first member's
};

/// (gold file name, proposal id).
using ProposalKey = std::pair<std::string, std::string>;

struct GoldProposal {
    std::string label;
    std::vector<std::string> keywords; ///< `match` entries after `kw_norm`
    std::set<std::string> proposers;   ///< entity keys
};

struct GoldStance {
    std::string actor;    ///< entity key
    std::string polarity; ///< `supports` or `opposes`
    ProposalKey proposal;
    friend auto operator<=>(const GoldStance&, const GoldStance&) = default;
    friend bool operator==(const GoldStance&, const GoldStance&) = default;
};

struct GoldQuote {
    std::string speaker; ///< entity key
    std::string text;    ///< as written in the gold file
    TokenBag tokens;     ///< tokens of `name_key(text)`, never empty
    std::string doc;
};

/// All gold files of a directory. Entity keys are `name_key(canonical name)`.
struct GoldSet {
    std::string dir;                ///< the directory as given
    std::vector<std::string> files; ///< paths of the gold files, sorted
    std::vector<std::string> warnings;
    std::map<std::string, GoldEntity> entities;
    /// Normalised name or alias -> entity keys (also names only used in relations, see `ref`).
    std::map<std::string, std::set<std::string>> name_index;
    std::map<std::string, std::set<std::string>> qid_index; ///< `Q…` -> entity keys
    std::vector<GoldMeeting> meetings;                      ///< in file order
    std::map<ProposalKey, GoldProposal> proposals;
    std::vector<GoldStance> stances; ///< only `supports` and `opposes`, in file order
    std::vector<GoldQuote> quotes;
    std::set<std::string> refs_only; ///< keys used in relations but declared nowhere

    /// Maps a name used in a relation of gold file `fname` to an entity key: the canonical name,
    /// else an unambiguous alias (with a warning), else the normalised name itself, which is then
    /// recorded in `refs_only` and `name_index` (with a warning). `what` describes the use.
    std::string ref(const std::string& fname, const std::string& name, const std::string& what);

    /// Gold meetings of different files that describe the same event, merged (same participants
    /// and same date or location, or same date and at least two shared participants, and no
    /// conflicting date or location). Events are ordered by their first member.
    [[nodiscard]] std::vector<GoldEvent> events() const;
};

/// Reads every `*.gold.yaml` of `dir` (hidden files excluded). Throws `ParleyError`: io_error
/// (exit 2) when `dir` is missing, unreadable or holds no gold file; content_error (exit 1)
/// naming `file:line:col` for malformed YAML or a wrong structure.
[[nodiscard]] GoldSet read_gold(const std::filesystem::path& dir);

/// Keyword normalisation for proposal matching: NFKC, typographic quotes and dashes (and
/// no-break space) to ASCII, lower-case, whitespace runs collapsed to one space, trimmed.
[[nodiscard]] std::string kw_norm(std::string_view text);

/// The token multiset of `name_key(text)` (split at spaces).
[[nodiscard]] TokenBag token_bag(std::string_view text);

} // namespace parley
