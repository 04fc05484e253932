// Longest-match lookup of lexicon names over tokens, and of role titles.
#pragma once

#include "extract/flat_map.hpp"
#include "extract/internal.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace parley::extract {

enum class GazKind { Name, Metonym, Demonym };

struct GazMatch {
    std::size_t entry = 0;  ///< index into `Lexicon::entries`
    std::size_t length = 0; ///< tokens matched
    GazKind kind = GazKind::Name;
    int place_entry = -1; ///< for metonyms: a place entry of the same name, if any
};

class Gazetteer {
public:
    explicit Gazetteer(const Lexicon& lex);
    /// Longest lexicon match starting at token `i` (an optional leading "the" included).
    [[nodiscard]] std::optional<GazMatch> match(const std::vector<Token>& toks,
                                                std::size_t i) const;
    /// Canonical title for a lower-case role phrase ("foreign minister"), if known.
    [[nodiscard]] std::optional<std::string> role(const std::string& lower_phrase) const;

    /// A word that occurs in role titles ("envoy", "presidential", "federal", "supreme").
    [[nodiscard]] bool role_word(const std::string& lower) const {
        return role_words_.contains(lower);
    }

    /// Whether some role title's first word is `lower` (a title phrase starting with another
    /// word is never a role).
    [[nodiscard]] bool role_may_start(const std::string& lower) const {
        return role_first_words_.contains(lower);
    }
    /// Whether some role title's last word is `lower`.
    [[nodiscard]] bool role_may_end(const std::string& lower) const {
        return role_last_words_.contains(lower);
    }

    /// The lexicon's trigger sets, indexed (see `TriggerIndex`).
    [[nodiscard]] const TriggerIndex& triggers() const { return triggers_; }

    // Lexicon facts about office holders that every document's entity pass uses (computed once
    // here; the pointers point into the Lexicon, which outlives the Gazetteer).
    /// Last token of each holder's name of two tokens or more ("Putin").
    [[nodiscard]] bool holder_surname(const std::string& word) const {
        return holder_surname_set_.contains(word);
    }
    /// The same last tokens, each to its first holder in lexicon order.
    [[nodiscard]] const std::map<std::string, const RoleHolder*>& holder_surnames() const {
        return holder_surnames_;
    }
    /// `name_key` of each holder's name to the role and the holder, in lexicon order.
    [[nodiscard]] const std::multimap<std::string, std::pair<const RoleEntry*, const RoleHolder*>>&
    holders_by_key() const {
        return holders_by_key_;
    }

private:
    TriggerIndex triggers_;
    FlatStringMap<char> role_words_;
    FlatStringMap<char> role_first_words_, role_last_words_;
    FlatStringMap<char> holder_surname_set_;
    std::map<std::string, const RoleHolder*> holder_surnames_;
    std::multimap<std::string, std::pair<const RoleEntry*, const RoleHolder*>> holders_by_key_;
    struct Hit {
        std::size_t entry;
        GazKind kind;
    };
    FlatStringMap<std::vector<Hit>> exact_;  ///< "U.S." / "New York"
    FlatStringMap<std::vector<Hit>> folded_; ///< lower-case metonyms ("kyiv")
    FlatStringMap<std::string> roles_;
    std::unordered_map<std::string, std::size_t> places_by_name_;
    std::size_t max_len_ = 1;
};

} // namespace parley::extract
