// Typed lexicons loaded from `mappings/*.yaml`: general resources only (countries with demonyms
// and capitals, international organizations, news outlets, places, titles and roles, trigger
// words). No facts of particular articles. yaml-cpp stays inside lexicon.cpp.
#pragma once

#include "core/document.hpp"
#include "core/extraction.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace parley {

/// A named entity the lexicon knows (a country, an organization, an outlet, a place).
struct LexEntry {
    std::string id;   ///< stable key, e.g. `country:UA`, `org:nato`, `place:berlin`
    EntityType type = EntityType::Place;
    std::string name; ///< canonical name, e.g. `United States`
    std::string qid;  ///< Wikidata id or empty
    std::vector<std::string> aliases;  ///< other names of the entity itself (`U.S.`, `USA`)
    std::vector<std::string> demonyms; ///< countries: adjectives/nouns (`Ukrainian`, `Ukrainians`)
    /// Capitals and seats of government that may stand for the state (`Kyiv`, `the Kremlin`).
    /// The extractor decides per mention whether such a name is the state or the city.
    std::vector<std::string> metonyms;
    std::string country; ///< places/organizations: id of the country they are in, if any
};

/// A person who holds a role in a period ("President of the United States from 2025-01-20").
struct RoleHolder {
    std::string person;  ///< canonical name, e.g. `Donald Trump`
    std::string qid;
    std::string country; ///< lexicon id of the country or organization, e.g. `country:US`
    std::optional<Date> from;
    std::optional<Date> to;
};

/// A title or role ("Foreign Minister", "Special Envoy", "spokesman").
struct RoleEntry {
    std::string title;                 ///< canonical form, e.g. `Foreign Minister`
    std::vector<std::string> variants; ///< other spellings (`foreign minister`, `FM`)
    bool head_of_state = false;        ///< President, King...: "the U.S. president" can resolve
    std::vector<RoleHolder> holders;
};

/// Trigger words by category, lower-case. Categories used by the extractors:
/// `meeting_verbs`, `meeting_nouns`, `proposal_nouns`, `support_verbs`, `demand_verbs`,
/// `oppose_verbs`, `reject_verbs`, `conditional_markers`, `hedges`, `negations`, `speech_verbs`,
/// `propose_verbs`, `org_heads`, `place_heads`, `person_particles`, `not_names`.
using TriggerSets = std::map<std::string, std::set<std::string>>;

class Lexicon {
public:
    /// Loads every `*.yaml` of `dir`. Throws `ParleyError` (exit 2) naming file, line and column
    /// for malformed YAML, unknown keys or wrong types.
    static Lexicon load(const std::filesystem::path& dir);

    std::vector<LexEntry> entries;
    std::vector<RoleEntry> roles;
    TriggerSets triggers;

    /// Lower-case trigger set `category` (empty set when unknown).
    [[nodiscard]] const std::set<std::string>& trigger(const std::string& category) const;
    [[nodiscard]] const LexEntry* by_id(const std::string& id) const;
    /// Role holder of `title` for lexicon entity `country` on `date`.
    [[nodiscard]] const RoleHolder* holder(const std::string& title, const std::string& country,
                                           const Date& date) const;
};

} // namespace parley
