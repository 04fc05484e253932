// Typed lexicons loaded from `mappings/*.yaml`: general resources only (countries with demonyms
// and capitals, international organizations, news outlets, places, well-known persons, titles
// and roles, trigger words). No facts of particular articles. yaml-cpp and ICU stay inside
// lexicon.cpp.
//
// File format (every `*.yaml` of the directory, read in sorted file-name order). Each file is a
// map whose top-level keys are sections; a file may hold any number of sections, so new files
// can extend the lexicon with no code change. Unknown keys anywhere are errors.
//   countries:      [ {id: country:XX, name, qid?, aliases?, demonyms?, metonyms?, capital?,
//                      exact_case?} ]   `capital` is a name or {name, id?, qid?, aliases?}
//   organizations:  [ {id: org:slug, name, kind, qid?, aliases?, demonyms?, metonyms?, country?,
//                      exact_case?} ]   kind: international | legislature | armed_group | outlet
//                                       | agency | government_body | other
//   places:         [ {id: place:slug, name, kind?, qid?, aliases?, demonyms?, country?,
//                      exact_case?} ]
//   persons:        [ {id: person:slug, name, qid?, aliases?, country?, exact_case?} ]
//   entities:       [ {id, type: Person|Organization|Country|Place, name, ...} ] (generic form)
//   roles:          [ {title, variants?, head_of_state?, holders?: [ {person, qid?, country,
//                      from?, to?} ]} ]
//   triggers:       { category: [word, ...], ... }   (stored lower-case)
#pragma once

#include "core/document.hpp"
#include "core/extraction.hpp"

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley {

/// A named entity the lexicon knows (a country, an organization, an outlet, a place, a person).
struct LexEntry {
    std::string id; ///< stable key, e.g. `country:UA`, `org:nato`, `place:berlin`
    EntityType type = EntityType::Place;
    std::string name;                  ///< canonical name, e.g. `United States`
    std::string qid;                   ///< Wikidata id or empty
    std::vector<std::string> aliases;  ///< other names of the entity itself (`U.S.`, `USA`)
    std::vector<std::string> demonyms; ///< countries: adjectives/nouns (`Ukrainian`, `Ukrainians`)
    /// Capitals and seats of government that may stand for the state (`Kyiv`, `the Kremlin`).
    /// The extractor decides per mention whether such a name is the state or the city.
    std::vector<std::string> metonyms;
    std::string country; ///< places/organizations: id of the country they are in, if any
    /// Organizations: `international`, `legislature`, `armed_group`, `outlet`, `agency`,
    /// `government_body` or `other`. Places: free sub-kind such as `city`, `region`, `sea`,
    /// `continent` (empty when not given).
    std::string kind;
    std::string capital; ///< countries: id of the capital's place entry (empty when none)
    /// When true, names of this entry match only with their exact case (`Turkey`, `Chad`), never
    /// through the case-insensitive fallback of `find_name` and `match_at`. The YAML default is
    /// true for organizations (their names are often common words: "Guardian", "Congress") and
    /// false for the other types.
    bool exact_case = false;
};

/// A person who holds a role in a period ("President of the United States from 2025-01-20").
/// The period is half-open: `from` inclusive, `to` exclusive (the day the successor takes
/// office belongs to the successor). A missing bound is open.
struct RoleHolder {
    std::string person; ///< canonical name, e.g. `Donald Trump`
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

/// How a surface string names an entry.
enum class SurfaceKind { Name, Alias, Demonym, Metonym };
[[nodiscard]] const char* to_string(SurfaceKind k);

/// One surface string of the lexicon. `entry` points into `Lexicon::entries` (not owned; valid
/// while that Lexicon lives and its `entries` are not modified).
struct LexSurface {
    std::string text;
    const LexEntry* entry = nullptr;
    SurfaceKind kind = SurfaceKind::Name;
};

/// The longest lexicon surface found at a position of a text (see `Lexicon::match_at`).
struct LexMatch {
    std::size_t length = 0;       ///< bytes matched; 0 when nothing matched
    std::vector<LexSurface> hits; ///< every entry named by that string, preferred first
    [[nodiscard]] explicit operator bool() const { return length > 0; }
};

/// A role a person holds (see `Lexicon::roles_of`); both pointers point into the Lexicon.
struct HeldRole {
    const RoleEntry* role = nullptr;
    const RoleHolder* holder = nullptr;
};

class Lexicon {
public:
    /// Loads every `*.yaml` of `dir` in sorted file-name order. Throws `ParleyError` (exit 2)
    /// with "FILE:LINE:COLUMN: message" for malformed YAML, unknown keys, wrong types, missing
    /// required keys, duplicate ids or dangling references; a missing directory or one with no
    /// `*.yaml` file is an error naming it.
    static Lexicon load(const std::filesystem::path& dir);

    // The data. Treat as read-only after `load`: the lookup indexes refer to positions in these
    // vectors.
    std::vector<LexEntry> entries;
    std::vector<RoleEntry> roles;
    TriggerSets triggers;

    /// Lower-case trigger set `category` (empty set when unknown).
    [[nodiscard]] const std::set<std::string>& trigger(const std::string& category) const;
    /// True when `word` (any case; it is lower-cased here) is in trigger set `category`.
    [[nodiscard]] bool has_trigger(const std::string& category, std::string_view word) const;
    [[nodiscard]] const LexEntry* by_id(const std::string& id) const;
    /// Role holder of `title` (canonical title or any variant, any case) for lexicon entity
    /// `country` on `date`: the holder with `from <= date < to` (see `RoleHolder`), or null.
    [[nodiscard]] const RoleHolder* holder(const std::string& title, const std::string& country,
                                           const Date& date) const;

    /// The entry whose name or alias is exactly `surface`; a leading "the "/"The " is dropped
    /// when the full string is unknown ("the United States"). An all-lower-case `surface`
    /// ("kyiv") also matches case-insensitively, except forms without lower-case letters
    /// (acronyms: "us" is not `US`) and entries marked `exact_case`. When several entries share
    /// a surface, a canonical name wins over an alias, then the earlier entry in load order.
    /// Returns null when unknown. The pointer points into `entries`.
    [[nodiscard]] const LexEntry* find_name(std::string_view surface) const;
    /// Every entry named `surface` (same rules as `find_name`), preferred first.
    [[nodiscard]] std::vector<const LexEntry*> find_names(std::string_view surface) const;
    /// The entry with demonym `surface` ("Ukrainian", "Ukrainians" -> Ukraine); same case rules.
    [[nodiscard]] const LexEntry* find_demonym(std::string_view surface) const;
    /// The entry for which `surface` is a metonym ("Kyiv", "the Kremlin", "Kremlin" -> the
    /// state); a leading "the " is optional in both the lexicon and the query.
    [[nodiscard]] const LexEntry* find_metonym(std::string_view surface) const;
    /// The role whose title or variant is `surface`, case-insensitively ("foreign minister").
    [[nodiscard]] const RoleEntry* find_role(std::string_view surface) const;
    /// The place entry of the capital of `country_id`, or null.
    [[nodiscard]] const LexEntry* capital_of(const std::string& country_id) const;
    /// Roles held by `person` (canonical holder name, or a name/alias of a person entry) on
    /// `date`, or in any period when `date` is empty; in lexicon order.
    [[nodiscard]] std::vector<HeldRole> roles_of(std::string_view person,
                                                 const std::optional<Date>& date) const;

    /// Every surface string (names, aliases, demonyms, metonyms), sorted by text, then kind,
    /// then entry id; for building a longest-match gazetteer.
    [[nodiscard]] std::vector<LexSurface> surfaces() const;
    /// The longest surface that starts at byte `pos` of `text` and ends at a word boundary
    /// (the next character is not a letter or digit). Matches exactly, and case-insensitively
    /// (ASCII letters) for forms the `find_name` lower-case rule allows. A match must also
    /// start at a word boundary. Returns an empty `LexMatch` when nothing matches.
    [[nodiscard]] LexMatch match_at(std::string_view text, std::size_t pos) const;

private:
    struct Ref {
        std::size_t entry = 0;
        SurfaceKind kind = SurfaceKind::Name;
    };
    /// Surface text -> entries, preferred first (exact case).
    std::unordered_map<std::string, std::vector<Ref>> exact_;
    /// Lower-cased surface text -> entries, for forms that allow case-insensitive matching.
    std::unordered_map<std::string, std::vector<Ref>> folded_;
    std::unordered_map<std::string, std::size_t> id_index_;
    std::unordered_map<std::string, std::size_t> role_index_;    ///< folded title/variant -> role
    std::unordered_map<std::string, std::size_t> capital_index_; ///< country id -> place entry
    std::size_t max_surface_ = 0; ///< longest surface in bytes, bounds the `match_at` window

    friend class LexiconLoader;
    void build_indexes();
    /// Index refs for `surface` whose kind is in the mask `kinds` (bit `1 << kind`).
    [[nodiscard]] std::vector<Ref> lookup(std::string_view surface, unsigned kinds) const;
};

} // namespace parley
