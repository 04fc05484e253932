// What the extractors find in ONE document, before cross-document resolution. Indices refer to
// `DocExtraction::entities` (or `proposals`); -1 means "none".
#pragma once

#include "core/document.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace parley {

enum class EntityType { Person, Organization, Country, Place };

[[nodiscard]] const char* to_string(EntityType t);

struct DocEntity {
    EntityType type = EntityType::Person;
    std::string name;       ///< preferred name: lexicon canonical name, else the longest full form
    std::string qid;        ///< Wikidata id (`Q3874799`) when the lexicon knows it, else empty
    std::string lexicon_id; ///< stable lexicon key (e.g. `country:UA`) when from a lexicon
    std::set<std::string> surface_forms; ///< every form seen in the text (the name included)
    std::string role;                    ///< title as the text gives it, e.g. `President`
    int affiliation = -1; ///< index of the country or organization the person belongs to
    std::vector<Evidence> mentions;
};

enum class Stance {
    Supports,   ///< pl:supports
    Demands,    ///< pl:demands (sub-property of supports)
    Opposes,    ///< pl:opposes
    Rejects,    ///< pl:rejects (sub-property of opposes)
    Conditional ///< pl:conditionallySupports; `DocStance::condition` names the condition
};
[[nodiscard]] const char* to_string(Stance s);

struct DocMeeting {
    std::string label;
    std::vector<int> participants; ///< entity indices, sorted, unique
    int host = -1;
    int location = -1;
    std::optional<Date> date;
    Evidence evidence;
};

struct DocProposal {
    std::string label;             ///< short noun phrase from the text
    std::set<std::string> aliases; ///< other wordings of the same proposal in the text
    std::vector<int> proposers;    ///< entity indices
    Evidence evidence;
};

struct DocStance {
    int actor = -1;
    Stance stance = Stance::Supports;
    int proposal = -1;
    int condition = -1; ///< proposal index for `Stance::Conditional`
    Evidence evidence;
};

struct DocQuote {
    int speaker = -1;
    std::string text; ///< verbatim text inside the quotation marks
    Evidence evidence;
};

struct DocExtraction {
    std::string doc; ///< `Document::id`
    std::vector<DocEntity> entities;
    std::vector<DocMeeting> meetings;
    std::vector<DocProposal> proposals;
    std::vector<DocStance> stances;
    std::vector<DocQuote> quotes;
    std::vector<std::string> warnings;
};

} // namespace parley
