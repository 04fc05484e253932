// Working state shared by the extractors of one document (not a public header).
#pragma once

#include "core/document.hpp"
#include "core/extraction.hpp"
#include "extract/flat_map.hpp"
#include "lexicon/lexicon.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley::extract {

/// A token: byte range `[begin, end)` of `Document::text`.
struct Token {
    std::size_t begin = 0, end = 0;
    std::string text;
    std::string lower;  ///< lower-cased (ASCII + Unicode simple)
    bool word = false;  ///< letters/digits
    bool cap = false;   ///< starts with an upper-case letter
    bool upper = false; ///< all letters upper-case, at least two letters (acronym)
    bool digit = false; ///< starts with a digit
    bool quote = false; ///< a quotation mark
};

/// Splits `[begin, end)` of `text` into tokens.
std::vector<Token> tokenize(const std::string& text, std::size_t begin, std::size_t end);

/// A mention of an entity in a sentence: tokens `[first, last)` of that sentence.
struct Mention {
    std::size_t sentence = 0;
    std::size_t first = 0, last = 0; ///< token range in the sentence
    int entity = -1;                 ///< index into `State::ex.entities`
    bool metonym = false;            ///< a capital standing for the state
    bool demonym = false;            ///< "Ukrainian officials" (an actor via its country)
    bool in_quote = false;
    bool descriptive = false; ///< resolved from a description or pronoun, not a name
};

/// A quotation span in the document (byte offsets of the text inside the marks).
struct QuoteSpan {
    std::size_t open = 0, close = 0; ///< positions of the marks
    std::size_t begin = 0, end = 0;  ///< inner text
};

/// A proposal found in a sentence: token range and label.
struct ProposalSpan {
    std::size_t sentence = 0;
    std::size_t first = 0, last = 0;
    int proposal = -1; ///< index into `State::ex.proposals`
};

class Gazetteer;

/// The lexicon's trigger sets indexed for the extractors' many look-ups: each word maps to the
/// bit mask of the categories holding it, so a test is one hash look-up of the word and a bit
/// test (instead of a look-up of the category, then of the word, in ordered sets). Categories
/// beyond the 64th (none today) are answered by `Lexicon::trigger` itself.
class TriggerIndex {
public:
    explicit TriggerIndex(const Lexicon& lex);
    /// True when `lower` is in trigger set `category` (the same answer as
    /// `lex.trigger(category).count(lower) > 0`).
    [[nodiscard]] bool has(const char* category, const std::string& lower) const {
        // The word first: most words are in no trigger set, and `words_` holds them all.
        const std::uint64_t* mask = words_.find(lower);
        if (!mask) return false;
        const int* bit = categories_.find(category);
        if (!bit) return false;
        if (*bit >= 64) return lex_.trigger(category).count(lower) > 0;
        return ((*mask >> *bit) & 1U) != 0;
    }

private:
    const Lexicon& lex_;
    FlatStringMap<int> categories_;      ///< category -> its bit (its rank in `lex.triggers`)
    FlatStringMap<std::uint64_t> words_; ///< word -> bits of the categories holding it
};

struct State {
    const Document& doc;
    const Lexicon& lex;
    const Gazetteer& gz;
    DocExtraction ex;
    std::vector<std::vector<Token>> tokens;     ///< per sentence
    std::vector<std::vector<Mention>> mentions; ///< per sentence, sorted by first token
    std::vector<QuoteSpan> quotes;
    std::vector<std::vector<ProposalSpan>> proposals; ///< per sentence
    std::vector<bool> headline; ///< per sentence: title-case line without a verb
    std::vector<bool> title;    ///< per sentence: a headline, also in sentence case (no meetings)
    std::unordered_map<std::string, int> entity_by_key; ///< lexicon id or name key -> entity
    std::unordered_map<std::string, int> proposal_by_key;

    State(const Document& d, const Lexicon& l, const Gazetteer& g);

    [[nodiscard]] bool trig(const char* category, const std::string& lower) const {
        return triggers_.has(category, lower);
    }
    /// Evidence for a token range of a sentence.
    [[nodiscard]] Evidence evidence(std::size_t sentence, std::size_t first, std::size_t last,
                                    const std::string& rule, double confidence) const;
    /// True when byte `offset` lies inside a quotation.
    [[nodiscard]] bool in_quote(std::size_t offset) const;
    /// Adds (or finds) an entity; returns its index.
    int entity(EntityType type, const std::string& name, const std::string& key,
               const std::string& qid = {}, const std::string& lexicon_id = {});
    /// Records a mention of entity `e` covering tokens `[first, last)` of `sentence`.
    void mention(int e, std::size_t sentence, std::size_t first, std::size_t last,
                 const std::string& surface, bool metonym = false, bool demonym = false,
                 bool descriptive = false);
    /// Removes the mentions lying inside tokens `[first, last)` of `sentence`; an entity left
    /// without mentions loses its surface forms.
    void unmention(std::size_t sentence, std::size_t first, std::size_t last);
    /// Lower-case words of tokens `[first, last)` joined by single spaces.
    [[nodiscard]] std::string span_text_lower(std::size_t sentence, std::size_t first,
                                              std::size_t last) const;
    /// Text of tokens `[first, last)` of `sentence` as it stands in the document.
    [[nodiscard]] std::string span_text(std::size_t sentence, std::size_t first,
                                        std::size_t last) const;

private:
    const TriggerIndex& triggers_; ///< owned by `gz`
};

// Stages of the extractor, in order.
void scan_quotation_marks(State& st);
void find_entities(State& st);
void find_quotes(State& st);
void find_meetings(State& st);
void find_proposals_and_stances(State& st);

// Helpers shared by the stages.
/// Date expressions in tokens `[first, last)` of a sentence resolved against the publication
/// date; the first single day found.
/// With `future`, a bare weekday is the next such day after publication ("will meet on
/// Monday"), else the most recent one on or before it ("met on Sunday").
std::optional<Date> find_date(const State& st, std::size_t sentence, std::size_t first,
                              std::size_t last, bool future = false);
/// Person index a pronoun or description at token `i` of `sentence` refers to, or -1.
int resolve_reference(const State& st, std::size_t sentence, std::size_t i);
/// Most recent person mentioned before token `i` of `sentence` (looking back a few sentences).
int last_person(const State& st, std::size_t sentence, std::size_t i);
/// The actor that is the subject of the clause ending before token `verb` in `sentence`.
int subject_actor(const State& st, std::size_t sentence, std::size_t verb);
/// The subject actors of the clause ending before token `verb`, with coordinated ones
/// ("Meloni and Starmer welcomed", "Russia and Ukraine agreed").
std::vector<int> subject_actors(const State& st, std::size_t sentence, std::size_t verb);
/// Speaker of the extracted quotation holding byte `offset`, or -1.
int quote_speaker_at(const State& st, std::size_t offset);

/// Is the mention a modifier of something else ("German Chancellor X", "Russia's claims",
/// "UN Secretary-General X")?
bool is_modifier(const State& st, std::size_t s, const Mention& m);
/// Is entity `e` an actor (person, organization or country)?
[[nodiscard]] bool is_actor_entity(const State& st, int e);

} // namespace parley::extract
