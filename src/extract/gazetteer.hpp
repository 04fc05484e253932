// Longest-match lookup of lexicon names over tokens, and of role titles.
#pragma once

#include "extract/internal.hpp"

#include <optional>
#include <set>
#include <string>
#include <unordered_map>
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
        return role_words_.count(lower) > 0;
    }

private:
    std::set<std::string> role_words_;
    struct Hit {
        std::size_t entry;
        GazKind kind;
    };
    std::unordered_map<std::string, std::vector<Hit>> exact_;  ///< "U.S." / "New York"
    std::unordered_map<std::string, std::vector<Hit>> folded_; ///< lower-case metonyms ("kyiv")
    std::unordered_map<std::string, std::string> roles_;
    std::unordered_map<std::string, std::size_t> places_by_name_;
    std::size_t max_len_ = 1;
};

} // namespace parley::extract
