// Proposals (plans, demands, offers, conditions) as labelled phrases from the text, their
// proposers, and the stances actors take on them (supports, demands, opposes, rejects, and
// conditional offers). Hedged remarks and negated stances are not stances.
#include "core/text.hpp"
#include "extract/gazetteer.hpp"
#include "extract/internal.hpp"

#include <algorithm>
#include <cctype>

namespace parley::extract {

namespace {

const std::set<std::string>& stop_left() {
    static const std::set<std::string> s = {
        "without", "between", "amid",   "despite", "against", "under", "broke",   "came",  "went",
        "took",    "made",    "held",   "a",       "an",      "the",   "this",    "that",  "these",
        "those",   "its",     "their",  "his",     "her",     "our",   "my",      "your",  "any",
        "every",   "some",    "no",     "of",      "for",     "on",    "to",      "from",  "with",
        "in",      "at",      "by",     "and",     "or",      "but",   "is",      "are",   "was",
        "were",    "be",      "been",   "has",     "have",    "had",   "will",    "would", "could",
        "should",  "can",     "may",    "might",   "must",    "not",   "said",    "says",  "told",
        "that",    "which",   "who",    "it",      "they",    "he",    "she",     "we",    "i",
        "as",      "also",    "only",   "such",    "about",   "over",  "into",    "than",  "more",
        "most",    "after",   "before", "while",   "when",    "if",    "whether", "what",  "how",
        "why",     "there",   "here",   "latest",  "what",    "so",    "other",   "both",  "all",
        "each",    "another", "ever"};
    return s;
}

const std::set<std::string>& right_joiners() {
    static const std::set<std::string> s = {"of",    "for",     "on",         "to",       "from",
                                            "with",  "between", "equivalent", "modelled", "modeled",
                                            "under", "against", "towards",    "toward",   "leading",
                                            "that",  "in",      "at",         "putting",  "by"};
    return s;
}

const std::set<std::string>& clause_stops() {
    static const std::set<std::string> s = {
        "but",     "while",  "which", "who",    "because", "although",  "though",
        "whereas", "said",   "says",  "told",   "adding",  "according", "as",
        "when",    "so",     "if",    "unless", "after",   "before",    "whose",
        "where",   "during", "yet",   "then",   "since",   "until"};
    return s;
}

/// Verbs and auxiliaries that end a noun phrase (but not a "that" clause).
const std::set<std::string>& aux_stops() {
    static const std::set<std::string> s = {
        "is",      "are",    "was",        "were",        "have",    "has",    "had",   "will",
        "would",   "could",  "can",        "should",      "been",    "being",  "did",   "does",
        "do",      "ended",  "produced",   "remain",      "remains", "lasted", "poses", "raised",
        "emerged", "hinges", "represents", "underscores", "appears"};
    return s;
}

bool stop_token(const Token& t) {
    return t.quote || t.text == "," || t.text == "." || t.text == ";" || t.text == ":" ||
           t.text == "(" || t.text == ")" || t.text == "?" || t.text == "!" || t.text == "—" ||
           t.text == "–";
}

/// Proposal head nouns: the lexicon's `proposal_heads` (a curated list of nouns that name a
/// plan, demand or offer; broader `proposal_nouns` catch too much).
bool proposal_head(const State& st, const std::string& w) {
    return st.trig("proposal_heads", w);
}

/// Heads that need a modifier or complement to name a proposal ("agreement" alone does not).
bool weak_head(const std::string& w) {
    return w == "agreement" || w == "deal" || w == "points" || w == "format" || w == "offer" ||
           w == "resolution" || w == "offers" || w == "proposals" || w == "plan" || w == "plans" ||
           w == "talks" || w == "demands" || w == "conditions" || w == "terms" || w == "settlement";
}

/// Heads of things an actor authors: an adjacent actor is their proposer ("the U.S. plan").
bool authored_head(const std::string& w) {
    return w == "plan" || w == "plans" || w == "proposal" || w == "proposals" || w == "offer" ||
           w == "initiative" || w == "roadmap" || w == "framework" || w == "memorandum" ||
           w == "package" || w == "demands" || w == "conditions" || w == "terms" || w == "draft";
}

bool is_neg(const std::string& w) {
    return w == "not" || w == "n't" || w == "never" || w == "no" || w == "nor" || w == "neither" ||
           w == "fail" || w == "fails" || w == "failed" || w == "unable";
}

enum class Pol { None, Support, Demand, Oppose, Reject, Propose };

Pol verb_polarity(const State& st, const std::vector<Token>& toks, std::size_t i) {
    const auto& w = toks[i].lower;
    const std::string next = i + 1 < toks.size() ? toks[i + 1].lower : "";
    const std::string two = next.empty() ? w : w + " " + next;
    if (st.trig("stance_reject", two) || st.trig("stance_reject", w)) return Pol::Reject;
    if (st.trig("stance_oppose", w)) return Pol::Oppose;
    if (st.trig("stance_demand", w)) return Pol::Demand;
    if ((w == "called" || w == "calls" || w == "calling" || w == "call") && next == "for")
        return Pol::Demand;
    if ((w == "pressed" || w == "pushed" || w == "pushing" || w == "asked" || w == "asks" ||
         w == "appealed" || w == "appeals") &&
        next == "for")
        return Pol::Demand;
    // "called on both sides to resume talks": a call addressed to someone.
    if ((w == "called" || w == "calls" || w == "calling" || w == "call") && next == "on")
        for (std::size_t k = i + 3; k < std::min(toks.size(), i + 7); ++k) {
            if (toks[k].lower == "to") return Pol::Demand;
            if (!toks[k].word) break;
        }
    // "the group was ready for a humanitarian truce".
    if ((w == "ready" || w == "prepared") && next == "for") return Pol::Support;
    // "voted for the resolution", "voted in favour of X", "voted against Y".
    if (w == "voted" || w == "votes" || w == "vote" || w == "voting") {
        if (next == "against") return Pol::Oppose;
        if (next == "for" || (next == "in" && i + 2 < toks.size() &&
                              (toks[i + 2].lower == "favour" || toks[i + 2].lower == "favor")))
            return Pol::Support;
    }
    // "She asked also for more radar systems".
    if ((w == "asked" || w == "asks") && next == "also" && i + 2 < toks.size() &&
        toks[i + 2].lower == "for")
        return Pol::Demand;
    if (st.trig("stance_propose", two) || st.trig("stance_propose", w)) return Pol::Propose;
    if (st.trig("stance_support", w)) return Pol::Support;
    // "Nicosia and Athens back a federal settlement", but not "hand back", "pull back".
    if (w == "back" && i > 0) {
        static const std::set<std::string> particle_verbs = {
            "hand",   "handed", "give",  "gave", "bring", "brought", "pull",
            "pulled", "come",   "came",  "go",   "went",  "get",     "got",
            "send",   "sent",   "fight", "hit",  "roll",  "step"};
        const auto& p = toks[i - 1].lower;
        // "pull its troops back": the particle after the object.
        for (std::size_t k = i >= 4 ? i - 4 : 0; k + 1 < i; ++k)
            if (particle_verbs.count(toks[k].lower)) return Pol::None;
        if (!particle_verbs.count(p) && !stop_left().count(p)) return Pol::Support;
        if (p == "," || toks[i - 1].cap) return Pol::Support;
    }
    return Pol::None;
}

/// Predicates that oppose their subject: "X is impossible", "X is unacceptable".
bool opposing_predicate(const std::string& w) {
    return w == "impossible" || w == "unacceptable" || w == "intolerable" || w == "inadmissible" ||
           w == "threat" || w == "non-starter" || w == "out" || w == "one-sided" ||
           w == "unrealistic" || w == "unbalanced" || w == "unworkable" || w == "absurd" ||
           w == "provocation" || w == "ultimatum" || w == "dead-end";
}

std::string strip_label(std::string s) {
    auto starts = [&](const char* p) { return s.rfind(p, 0) == 0; };
    for (const char* p : {"a ", "an ", "the ", "A ", "An ", "The ", "its ", "their ", "his ",
                          "her ", "any ", "such ", "that ", "this "})
        if (starts(p)) s = s.substr(std::string(p).size());
    while (!s.empty() && (s.back() == ' ' || s.back() == ','))
        s.pop_back();
    return s;
}

/// The end of [a, b) without a trailing time phrase: "a truce in the air on Monday",
/// "talks next week", "on 12 September".
std::size_t without_time(const std::vector<Token>& toks, std::size_t a, std::size_t b) {
    static const std::set<std::string> lead = {"on", "last", "next", "this",  "earlier", "later",
                                               "in", "by",   "from", "until", "since"};
    static const std::set<std::string> timeish = {
        "monday",   "tuesday",   "wednesday", "thursday",  "friday",   "saturday",
        "sunday",   "january",   "february",  "march",     "april",    "may",
        "june",     "july",      "august",    "september", "october",  "november",
        "december", "week",      "month",     "year",      "weekend",  "morning",
        "evening",  "afternoon", "night",     "the",       "of",       "day",
        "days",     "weeks",     "months",    "today",     "tomorrow", "yesterday"};
    for (std::size_t t = a + 1; t + 1 < b; ++t) {
        if (!lead.count(toks[t].lower)) continue;
        bool all = true, named = false;
        for (std::size_t q = t + 1; q < b && all; ++q) {
            const auto& w = toks[q].lower;
            const bool digits = !w.empty() && std::isdigit(static_cast<unsigned char>(w[0]));
            all = timeish.count(w) || digits;
            named |= digits || (timeish.count(w) && w != "the" && w != "of");
        }
        if (all && named) return t;
    }
    return b;
}

/// The first token at or after `i` that is not part of a short time phrase or a reporting
/// adverb: "since Saturday", "on Monday", "last week", "again", "repeatedly".
std::size_t after_time(const std::vector<Token>& toks, std::size_t i) {
    static const std::set<std::string> adverbs = {"again",    "repeatedly", "publicly", "also",
                                                  "recently", "earlier",    "later",    "now",
                                                  "today",    "yesterday",  "privately"};
    while (i < toks.size() && adverbs.count(toks[i].lower))
        ++i;
    // The longest time phrase of two to four tokens starting at `i` (`without_time` finds
    // one that ends a span; here it must be followed by the rest of the sentence).
    if (i == 0) return i;
    for (std::size_t b = std::min(toks.size() - 1, i + 4); b > i + 1; --b)
        if (without_time(toks, i - 1, b) == i) return b;
    return i;
}

/// Calls `item(a, b)` for each item (two tokens or more) of a list starting at token `a`:
/// items end at ",", "and" or a token for which `ends(t)` holds; the list ends at any other
/// such token ("A, B and C.").
template <class Ends, class Item>
void list_items(const std::vector<Token>& toks, std::size_t a, Ends ends, Item item) {
    while (a < toks.size()) {
        std::size_t b = a;
        while (b < toks.size() && toks[b].text != "," && toks[b].lower != "and" && !ends(toks[b]))
            ++b;
        if (b > a + 1) item(a, b);
        if (b >= toks.size() || (toks[b].text != "," && toks[b].lower != "and")) break;
        a = b + 1;
        if (a < toks.size() && toks[a].lower == "and") ++a;
    }
}

/// Heads that, bare and definite ("the plan"), refer back to a proposal named before.
bool anaphoric_head(const std::string& w) {
    return w == "plan" || w == "proposal" || w == "offer" || w == "initiative" || w == "roadmap" ||
           w == "memorandum" || w == "draft" || w == "deal" || w == "package" || w == "framework" ||
           w == "blueprint" || w == "truce" || w == "ceasefire" || w == "agreement" ||
           w == "idea" || w == "demand" || w == "request" || w == "suggestion" ||
           w == "resolution" || w == "text" || w == "declaration";
}

/// Heads that may refer back to any proposal: "Yerevan has rejected the idea".
bool generic_head(const std::string& w) {
    return w == "idea" || w == "demand" || w == "request" || w == "suggestion";
}

/// Plan-like heads: "the proposal" may refer to "the latest truce plan".
bool plan_like(const std::string& w) {
    return w == "plan" || w == "proposal" || w == "offer" || w == "initiative" || w == "roadmap" ||
           w == "blueprint" || w == "draft" || w == "memorandum";
}

/// Agreement-like heads: "the agreement" may refer to "a framework trade deal".
bool accord_like(const std::string& w) {
    return w == "deal" || w == "agreement" || w == "accord" || w == "pact" || w == "treaty" ||
           w == "framework" || w == "settlement" || w == "resolution" || w == "text" ||
           w == "declaration";
}

/// The proposal that "the HEAD" at token `a` of sentence `s` refers to: the latest proposal
/// (in this sentence before `a`, or in the `reach` sentences before) whose label has the word
/// HEAD; for plan-like heads also one whose label has another plan-like word. -1: none.
int antecedent(const State& st, std::size_t s, std::size_t a, const std::string& head,
               std::size_t reach = 5) {
    for (int pass = 0; pass < 2; ++pass) {
        if (pass == 1 && !plan_like(head) && !generic_head(head) && !accord_like(head)) break;
        // The same head word may point far back ("the declaration" three paragraphs after "a
        // declaration of principles"); a near-synonym only to the last few sentences.
        const std::size_t limit = pass == 0 ? std::max<std::size_t>(reach, 8) : reach;
        for (std::size_t back = 0; back <= s && back <= limit; ++back) {
            const std::size_t ss = s - back;
            const auto& spans = st.proposals[ss];
            for (auto it = spans.rbegin(); it != spans.rend(); ++it) {
                if (back == 0 && it->last > a) continue;
                const auto& toks = st.tokens[ss];
                for (std::size_t k = it->first; k < it->last && k < toks.size(); ++k) {
                    const std::string& w = toks[k].lower;
                    std::string sing = w;
                    if (sing.size() > 3 && sing.back() == 's') sing.pop_back();
                    if (sing == head ||
                        (pass == 1 && ((plan_like(head) && plan_like(sing)) || generic_head(head) ||
                                       (accord_like(head) && accord_like(sing)))))
                        return it->proposal;
                }
            }
        }
    }
    return -1;
}

/// Nouns of texts that state a side's position: "The statement ruled out ...".
bool document_noun(const std::string& w) {
    return w == "statement" || w == "communique" || w == "communiqué" || w == "declaration" ||
           w == "letter" || w == "section" || w == "part" || w == "document" || w == "text" ||
           w == "memorandum" || w == "plan" || w == "proposal" || w == "draft" || w == "roadmap" ||
           w == "resolution" || w == "paper" || w == "initiative";
}

/// The actor behind a text that is the subject of verb `i` ("The peace section seeks X", "The
/// statement ruled out Y"): the proposers of the plan it refers back to (states and bodies
/// before persons; a person's country when the text names the state's position), else the
/// first actor named in the sentence that introduced a text of that name. -1: none.
int document_author(const State& st, std::size_t s, std::size_t i) {
    const auto& toks = st.tokens[s];
    std::size_t k = i;
    while (k > 0 && (toks[k - 1].lower == "also" || toks[k - 1].lower == "has" ||
                     toks[k - 1].lower == "had" || toks[k - 1].lower == "have" ||
                     toks[k - 1].lower == "further" || toks[k - 1].lower.ends_with("ly")))
        --k;
    if (k == 0 || !document_noun(toks[k - 1].lower)) return -1;
    const std::size_t h = k - 1;
    // The subject starts the clause: "The [adjectives] NOUN VERB".
    std::size_t d = h;
    while (d > 0 && h - d < 3 && !stop_left().count(toks[d - 1].lower) && toks[d - 1].word)
        --d;
    if (d == 0 || (toks[d - 1].lower != "the" && toks[d - 1].lower != "this")) return -1;
    if (d >= 2 && !stop_token(toks[d - 2])) return -1;
    const std::string& head = toks[h].lower;
    int ref = antecedent(st, s, h, head);
    if (ref < 0 && (head == "section" || head == "part" || head == "text"))
        ref = antecedent(st, s, h, "plan", 8);
    if (ref >= 0) {
        const auto& who = st.ex.proposals[static_cast<std::size_t>(ref)].proposers;
        for (int e : who)
            if (st.ex.entities[static_cast<std::size_t>(e)].type != EntityType::Person) return e;
        for (int e : who) {
            const int aff = st.ex.entities[static_cast<std::size_t>(e)].affiliation;
            if (aff >= 0 &&
                st.ex.entities[static_cast<std::size_t>(aff)].type == EntityType::Country)
                return aff;
        }
        if (!who.empty()) return who.front();
    }
    // "The Trio published its plan in a joint communiqué ... The communiqué excluded ...".
    for (std::size_t back = 1; back <= s && back <= 3; ++back) {
        const std::size_t ss = s - back;
        bool named = false;
        for (const auto& t : st.tokens[ss])
            named |= t.lower == head;
        if (!named) continue;
        for (const auto& m : st.mentions[ss])
            if (!m.in_quote && !m.demonym && is_actor_entity(st, m.entity)) return m.entity;
        return -1;
    }
    return -1;
}

/// The side named right before verb `i` (over auxiliaries, negation and adverbs): "Russia
/// did not agree", "Baku has long opposed". Not a pronoun, a demonym or "some partners".
int named_subject(const State& st, std::size_t s, std::size_t i) {
    const auto& toks = st.tokens[s];
    std::size_t k = i;
    while (k > 0 && (aux_stops().count(toks[k - 1].lower) || is_neg(toks[k - 1].lower) ||
                     toks[k - 1].lower == "n't" || toks[k - 1].lower == "also" ||
                     toks[k - 1].lower == "again" || toks[k - 1].lower == "long" ||
                     (toks[k - 1].lower.ends_with("ly") && toks[k - 1].lower != "italy")))
        --k;
    if (k == i && k > 0 && !toks[k - 1].word) return -1;
    for (const auto& m : st.mentions[s])
        if (m.last == k && !m.demonym && !m.descriptive && is_actor_entity(st, m.entity)) {
            if (m.first > 0 && (toks[m.first - 1].lower == "of" || toks[m.first - 1].lower == "'s"))
                return -1; // "partners of Russia", a modifier
            // "If Moscow refuses even a pause": a supposition, not a position.
            for (std::size_t q = m.first; q-- > 0 && q + 4 > m.first;)
                if (toks[q].lower == "if" || toks[q].lower == "unless" ||
                    toks[q].lower == "whether")
                    return -1;
            return m.entity;
        }
    return -1;
}

/// "the plan" at tokens [a, b): a bare definite head with an antecedent proposal.
bool definite_bare(const State& st, std::size_t s, std::size_t a, std::size_t b) {
    if (b != a + 1 || a == 0) return false;
    const auto& toks = st.tokens[s];
    const std::string& det = toks[a - 1].lower;
    return (det == "the" || det == "this" || det == "that") && anaphoric_head(toks[a].lower) &&
           antecedent(st, s, a, toks[a].lower) >= 0;
}

} // namespace

// Registers a proposal spanning tokens [a, b) of sentence s; returns its index.
static int add_proposal(State& st, std::size_t s, std::size_t a, std::size_t b,
                        const std::string& rule) {
    while (b > a + 1 && stop_token(st.tokens[s][b - 1]))
        --b;
    b = without_time(st.tokens[s], a, b);
    if (a >= b) return -1;
    std::string label = strip_label(st.span_text(s, a, b));
    if (label.size() < 4) return -1;
    {
        // Not proposals: relative or expletive openings, bare pronoun objects.
        const std::string first = st.tokens[s][a].lower;
        static const std::set<std::string> bad = {"whose", "which", "there", "in",  "for",
                                                  "up",    "no",    "it",    "them"};
        if (bad.count(first)) return -1;
    }
    // "the proposal", "this plan": a definite bare head refers back to the proposal named
    // last with that head (or, for plan-like heads, the last authored plan).
    if (b == a + 2 && (st.tokens[s][a].lower == "the" || st.tokens[s][a].lower == "this"))
        ++a; // a clause object "the idea"
    if (b == a + 1 && a > 0) {
        const std::string& det = st.tokens[s][a - 1].lower;
        const std::string& head = st.tokens[s][a].lower;
        if ((det == "the" || det == "this" || det == "that") && anaphoric_head(head)) {
            const int ref = antecedent(st, s, a, head);
            if (ref >= 0) {
                st.proposals[s].push_back({s, a, b, ref});
                return ref;
            }
        }
    }
    // Key: lower-case words without articles; a trailing plural 's' dropped.
    std::string key;
    for (const auto& t : tokenize(label, 0, label.size())) {
        if (!t.word || t.lower == "a" || t.lower == "an" || t.lower == "the") continue;
        std::string w = t.lower;
        if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
        key += (key.empty() ? "" : " ") + w;
    }
    if (key.empty()) return -1;
    // Spans of this sentence that overlap an existing proposal span reuse it.
    for (auto& ps : st.proposals[s])
        if (!(b <= ps.first || a >= ps.last)) {
            auto& p = st.ex.proposals[static_cast<std::size_t>(ps.proposal)];
            if (label != p.label) p.aliases.insert(label);
            return ps.proposal;
        }
    int idx;
    if (auto it = st.proposal_by_key.find(key); it != st.proposal_by_key.end()) {
        idx = it->second;
        auto& p = st.ex.proposals[static_cast<std::size_t>(idx)];
        if (label != p.label) p.aliases.insert(label);
    } else {
        DocProposal p;
        p.label = label;
        p.evidence = st.evidence(s, a, b, rule, 0.6);
        st.ex.proposals.push_back(std::move(p));
        idx = static_cast<int>(st.ex.proposals.size()) - 1;
        st.proposal_by_key.emplace(key, idx);
    }
    st.proposals[s].push_back({s, a, b, idx});
    return idx;
}

// Extends a noun phrase around head token h: left over modifiers, right over prepositional
// phrases and "that" clauses. Returns [a, b).
static std::pair<std::size_t, std::size_t> noun_phrase(const State& st, std::size_t s,
                                                       std::size_t h) {
    const auto& toks = st.tokens[s];
    std::size_t a = h;
    while (a > 0 && h - a < 5) {
        const Token& t = toks[a - 1];
        if (stop_token(t) || stop_left().count(t.lower) || t.lower == "'s") break;
        if (st.trig("speech_verbs", t.lower) || verb_polarity(st, toks, a - 1) != Pol::None) break;
        // A participle or gerund ends the phrase ("signed a truce"), unless a determiner
        // opens it: "a fishing accord", "the shipping corridor", "its revised plan".
        const std::string det = a >= 2 ? toks[a - 2].lower : "";
        const bool determined = det == "a" || det == "an" || det == "the" || det == "its" ||
                                det == "their" || det == "his" || det == "her" || det == "'s";
        if (t.lower.size() > 2 && (t.lower.ends_with("ed") || t.lower.ends_with("ing")) &&
            !t.lower.ends_with("-based") && t.lower != "binding" && t.lower != "demilitarized" &&
            t.lower != "unconditional" && !determined)
            break;
        --a;
    }
    // Possessive: "Ukraine's NATO membership" keeps the possessor in the label.
    if (a >= 2 && toks[a - 1].lower == "'s" && toks[a - 2].word) a -= 2;
    std::size_t b = h + 1;
    std::size_t limit = std::min(toks.size(), h + 16);
    bool in_that = false;
    while (b < limit) {
        const Token& t = toks[b];
        if (stop_token(t) || clause_stops().count(t.lower)) break;
        if (!in_that && aux_stops().count(t.lower)) break;
        if (t.lower == "that") in_that = true;
        // "... of the session Ruiz phoned ...": a new subject starts a new clause.
        if (b > h + 1 && t.cap && !right_joiners().count(toks[b - 1].lower) &&
            toks[b - 1].lower != "and" && toks[b - 1].lower != "the" && !toks[b - 1].cap) {
            bool person = false;
            for (const auto& m : st.mentions[s])
                person |= m.first == b && st.ex.entities[static_cast<std::size_t>(m.entity)].type ==
                                              EntityType::Person;
            if (person) break;
        }
        // "monitoring mission", "peacekeeping force": a compound's last noun continues it.
        static const std::set<std::string> compound_tail = {
            "mission", "force",  "forces", "mechanism", "regime",    "team",
            "zone",    "troops", "body",   "operation", "contingent"};
        if (b == h + 1 && !right_joiners().count(t.lower) && !proposal_head(st, t.lower) &&
            t.lower != "'s" && t.lower != "and" && !compound_tail.count(t.lower))
            break;
        if (t.lower == "and" && b + 1 < toks.size() && toks[b + 1].lower == "that") break;
        // "a calming plan and insisted that ...": a new predicate.
        if (t.lower == "and" && b + 1 < toks.size() &&
            (st.trig("speech_verbs", toks[b + 1].lower) ||
             verb_polarity(st, toks, b + 1) != Pol::None))
            break;
        ++b;
    }
    // Trailing function words are not part of the phrase.
    while (b > h + 1 && (stop_left().count(toks[b - 1].lower) || toks[b - 1].lower == "'s"))
        --b;
    return {a, b};
}

// Proposal for a clause after a verb: "that Ukraine withdraw from ...", "to give up Donetsk",
// "for a two-week local truce". Returns [a, b) or an empty range.
static std::pair<std::size_t, std::size_t> clause_after(const State& st, std::size_t s,
                                                        std::size_t i) {
    const auto& toks = st.tokens[s];
    std::size_t a = i;
    if (a < toks.size() && (toks[a].lower == "that" || toks[a].lower == "for" ||
                            toks[a].lower == "to" || toks[a].lower == "on"))
        ++a;
    std::size_t b = a;
    while (b < toks.size() && b < a + 22) {
        const Token& t = toks[b];
        // A short quotation inside the clause is part of it: remove "the primary roots".
        if (t.quote && b > a) {
            ++b;
            continue;
        }
        // "the Northern Rifles (NR) stand down": an acronym in parentheses is part of it.
        if (t.text == "(" && b + 2 < toks.size() && toks[b + 1].upper && toks[b + 2].text == ")") {
            b += 3;
            continue;
        }
        if (stop_token(t)) break;
        if (clause_stops().count(t.lower) && b > a) break;
        if (t.lower == "and" && b + 1 < toks.size() &&
            (toks[b + 1].lower == "that" || toks[b + 1].lower == "to"))
            break;
        // "... and pressed the parties to ...", "... and warned that": a new predicate.
        if (t.lower == "and" && b + 1 < toks.size() && b > a &&
            (st.trig("speech_verbs", toks[b + 1].lower) ||
             verb_polarity(st, toks, b + 1) != Pol::None || toks[b + 1].lower == "warned" ||
             toks[b + 1].lower == "accused"))
            break;
        ++b;
    }
    while (b > a && (stop_left().count(toks[b - 1].lower) || toks[b - 1].quote))
        --b;
    if (b <= a + 1) return {0, 0};
    static const std::set<std::string> bad_start = {
        "months", "years", "weeks",    "days", "now", "a",     "the", "reporters", "journalists",
        "be",     "see",   "continue", "him",  "her", "them",  "it",  "this",      "that",
        "in",     "up",    "out",      "with", "by",  "about", "at",  "whose",     "which",
        "there",  "from",  "into",     "of",   "him", "us",    "me"};
    if (bad_start.count(toks[a].lower) && !(toks[a].lower == "a" || toks[a].lower == "the"))
        return {0, 0};
    // "has refused for three decades": a duration, not an object.
    static const std::set<std::string> durations = {"years", "decades", "months", "weeks",
                                                    "days",  "hours",   "year",   "decade"};
    if (b - a <= 3 && durations.count(toks[b - 1].lower)) return {0, 0};
    return {a, b};
}

/// "Ruiz stated that Chile could drop ...": a leader stating her country's position in
/// his own remarks is the actor, not the country.
static int reporting_leader(const State& st, std::size_t s, std::size_t pos, int actor) {
    if (actor < 0 || st.ex.entities[static_cast<std::size_t>(actor)].type == EntityType::Person)
        return actor;
    const auto& toks = st.tokens[s];
    // Tied to that side, or an official the text ties to no side ("State Secretary X said
    // Croatia could ..."); commentators (professors, analysts, reporters) state no position.
    auto leader = [&](int who) {
        if (who < 0) return false;
        const auto& pe = st.ex.entities[static_cast<std::size_t>(who)];
        if (pe.type != EntityType::Person) return false;
        if (pe.affiliation == actor) return true;
        static const std::set<std::string> commentators = {
            "professor", "analyst",    "researcher", "expert",   "correspondent",
            "reporter",  "journalist", "editor",     "lawmaker", "senator"};
        return pe.affiliation < 0 && !pe.role.empty() && !commentators.count(fold_case(pe.role));
    };
    for (std::size_t k = pos; k-- > 0;) {
        if (!st.trig("speech_verbs", toks[k].lower)) continue;
        const int who = subject_actor(st, s, k);
        if (leader(who)) return who;
        return actor;
    }
    // "Baku supports the framework, Mamedli said": the attribution after the clause.
    for (std::size_t k = pos + 1; k < toks.size(); ++k) {
        if (toks[k].quote) break;
        if (!st.trig("speech_verbs", toks[k].lower)) continue;
        for (const auto& m : st.mentions[s]) {
            // ", Prime Minister X said": over the title.
            std::size_t f = m.first;
            while (f > 0 && st.gz.role_word(toks[f - 1].lower))
                --f;
            const bool before = m.last == k && f > 0 && toks[f - 1].text == ",";
            const bool after = m.first == k + 1 && toks[k - 1].text == ",";
            const auto& pe = st.ex.entities[static_cast<std::size_t>(m.entity)];
            if ((before || after) && !m.in_quote &&
                (leader(m.entity) || (pe.type == EntityType::Person && pe.affiliation < 0)))
                return m.entity;
        }
        break;
    }
    return actor;
}

/// News outlets and agencies report positions; they hold none ("according to the FT").
static bool reporter(const State& st, int e) {
    const LexEntry* le = st.lex.by_id(st.ex.entities[static_cast<std::size_t>(e)].lexicon_id);
    return le && (le->kind == "outlet" || le->kind == "agency");
}

static void add_proposer(State& st, int p, int actor) {
    if (p < 0 || actor < 0 || !is_actor_entity(st, actor) || reporter(st, actor)) return;
    auto& v = st.ex.proposals[static_cast<std::size_t>(p)].proposers;
    if (std::find(v.begin(), v.end(), actor) == v.end()) v.push_back(actor);
}

static void add_stance(State& st, int actor, Stance pol, int p, int condition, std::size_t s,
                       std::size_t a, std::size_t b, const std::string& rule) {
    if (p < 0 || actor < 0 || !is_actor_entity(st, actor) || reporter(st, actor)) return;
    for (const auto& x : st.ex.stances)
        if (x.actor == actor && x.proposal == p && x.stance == pol) return;
    DocStance ds;
    ds.actor = actor;
    ds.stance = pol;
    ds.proposal = p;
    ds.condition = condition;
    ds.evidence = st.evidence(s, a, b, rule, 0.6);
    st.ex.stances.push_back(std::move(ds));
}

void find_proposals_and_stances(State& st) {
    const std::size_t ns = st.tokens.size();
    st.proposals.assign(ns, {});
    for (std::size_t s = 0; s < ns; ++s) {
        if (st.headline[s]) continue;
        const auto& toks = st.tokens[s];
        // 1. Stance and proposal verbs with their objects.
        for (std::size_t i = 0; i < toks.size(); ++i) {
            Pol pol = verb_polarity(st, toks, i);
            if (pol == Pol::None) continue;
            // "denied that a summit had been discussed": a denial of a fact, not a rejection;
            // "declared that X is ready": a statement, not a call.
            if ((toks[i].lower == "denied" || toks[i].lower == "denies" ||
                 toks[i].lower == "deny" || toks[i].lower == "declared" ||
                 toks[i].lower == "declares" || toks[i].lower == "declaring") &&
                i + 1 < toks.size() && toks[i + 1].lower == "that")
                continue;
            // "Rwanda denies backing the rebels": a denial of a deed.
            if ((toks[i].lower == "denied" || toks[i].lower == "denies" ||
                 toks[i].lower == "deny" || toks[i].lower == "denying") &&
                i + 1 < toks.size() && toks[i + 1].lower.size() > 4 &&
                toks[i + 1].lower.ends_with("ing"))
                continue;
            // "renewed his call for X", "Kyiv's demand for Y": the possessor demands it.
            if (i > 0 && i + 2 < toks.size() &&
                (toks[i + 1].lower == "for" ||
                 (toks[i + 1].lower == "that" &&
                  (toks[i].lower == "demand" || toks[i].lower == "demands"))) &&
                (toks[i].lower == "call" || toks[i].lower == "calls" || toks[i].lower == "appeal" ||
                 toks[i].lower == "demand" || toks[i].lower == "demands" ||
                 toks[i].lower == "request") &&
                !st.in_quote(toks[i].begin)) {
                int owner = -1;
                if (toks[i - 1].lower == "his" || toks[i - 1].lower == "her")
                    owner = last_person(st, s, i - 1);
                else if (toks[i - 1].lower == "'s")
                    for (const auto& m : st.mentions[s])
                        if (m.last == i - 1 && !m.demonym) owner = m.entity;
                if (owner >= 0) {
                    auto [a, b] = clause_after(st, s, i + 1);
                    if (b > a) {
                        const int p = add_proposal(st, s, a, b, "proposal.call");
                        add_proposer(st, p, owner);
                        add_stance(st, owner, Stance::Demands, p, -1, s, i, b, "stance.call");
                    }
                    continue;
                }
            }
            // "Azerbaijan's demand that ...", "the offer": a noun, not a verb.
            if (i > 0 && (toks[i - 1].lower == "'s" || toks[i - 1].lower == "the" ||
                          toks[i - 1].lower == "a" || toks[i - 1].lower == "an" ||
                          toks[i - 1].lower == "its" || toks[i - 1].lower == "their" ||
                          toks[i - 1].lower == "his" || toks[i - 1].lower == "her" ||
                          toks[i - 1].lower == "our"))
                continue;
            bool quoted = st.in_quote(toks[i].begin);
            // Negation and hedges right before the verb: not a stance.
            bool negated = false, hedged = false;
            for (std::size_t k = (i >= 3 ? i - 3 : 0); k < i; ++k) {
                negated |= is_neg(toks[k].lower);
                hedged |= st.trig("hedges", toks[k].lower) || toks[k].lower == "may" ||
                          toks[k].lower == "might" || toks[k].lower == "hesitant" ||
                          toks[k].lower == "whether" || toks[k].lower == "if" ||
                          toks[k].lower == "unless";
            }
            // A named side as the subject: "Peru did not agree to X" (also inside a quote).
            const int named = named_subject(st, s, i);
            // Inside a quote only a state or body named as the subject ("Russia did not agree");
            // a person named by another speaker is a characterisation ("General X keeps blocking
            // ...").
            if (quoted && named >= 0 &&
                st.ex.entities[static_cast<std::size_t>(named)].type != EntityType::Person)
                quoted = false;
            // "would never accept X": a rejection, whoever the subject is.
            if (negated && !hedged && pol == Pol::Support && i > 0 &&
                (toks[i - 1].lower == "never" ||
                 (i > 1 && toks[i - 2].lower == "never" && toks[i - 1].lower == "to")) &&
                (toks[i].lower.starts_with("agree") || toks[i].lower.starts_with("accept"))) {
                negated = false;
                pol = Pol::Reject;
            }
            // "did not agree to / accept / support X" said of a named side: it opposes X.
            if (negated && !hedged && named >= 0 &&
                (pol == Pol::Support &&
                 (toks[i].lower.starts_with("agree") || toks[i].lower.starts_with("accept") ||
                  toks[i].lower.starts_with("support")))) {
                negated = false;
                pol = Pol::Oppose;
            }
            std::size_t obj = i + 1;
            if (obj < toks.size() && (toks[obj].lower == "out" || toks[obj].lower == "down" ||
                                      toks[obj].lower == "forward" || toks[obj].lower == "for" ||
                                      toks[obj].lower == "over" || toks[obj].lower == "again"))
                ++obj;
            // "agreed on Thursday to ...", "rejected yesterday the ...": time first.
            {
                static const std::set<std::string> days = {
                    "monday", "tuesday", "wednesday", "thursday", "friday",   "saturday",
                    "sunday", "today",   "yesterday", "tonight",  "overnight"};
                const std::size_t before = obj;
                if (obj < toks.size() && days.count(toks[obj].lower))
                    ++obj;
                else if (obj + 1 < toks.size() && toks[obj].lower == "on" &&
                         days.count(toks[obj + 1].lower))
                    obj += 2;
                if (obj > before && obj < toks.size() && toks[obj].text == ",") ++obj;
                // "Every accord, Ruiz stressed, must see ...": the demand follows.
                if (obj + 1 < toks.size() && toks[obj].text == "," &&
                    (toks[obj + 1].lower == "must" || toks[obj + 1].lower == "should"))
                    ++obj;
            }
            // "urged Ethiopia to lift X", "called on both sides to resume Y", "pressed them to
            // Z": the addressee is not the object; what they are urged to do is.
            {
                const auto& v = toks[i].lower;
                const bool urging = v.starts_with("urg") || v.starts_with("encourag") ||
                                    v.starts_with("press") || v == "call" || v == "calls" ||
                                    v == "called" || v == "calling";
                std::size_t k = obj;
                if (urging && (v.starts_with("call") || v.starts_with("press")) &&
                    k < toks.size() && toks[k].lower == "on")
                    ++k;
                if (urging && k < obj + 2) {
                    std::size_t to = k;
                    for (const auto& m : st.mentions[s])
                        if (m.first == k && is_actor_entity(st, m.entity)) to = m.last;
                    static const std::set<std::string> addressees = {
                        "him",      "her",         "them",       "both",    "the",
                        "all",      "sides",       "parties",    "two",     "warring",
                        "leaders",  "governments", "government", "each",    "other",
                        "members",  "states",      "countries",  "nations", "allies",
                        "partners", "lawmakers",   "parliament", "council"};
                    if (to == k)
                        while (to < toks.size() && to < k + 3 && addressees.count(toks[to].lower))
                            ++to;
                    if (to > k && to + 1 < toks.size() && toks[to].lower == "to" &&
                        toks[to + 1].word && !toks[to + 1].cap) {
                        obj = to;
                        // "urged members to support the draft": the draft is what is urged.
                        if (to + 2 < toks.size() && verb_polarity(st, toks, to + 1) == Pol::Support)
                            obj = to + 2;
                    }
                }
            }
            // "offered in return to halt ...", "in exchange".
            if (obj + 1 < toks.size() && toks[obj].lower == "in" &&
                (toks[obj + 1].lower == "return" || toks[obj + 1].lower == "exchange"))
                obj += 2;
            // Passive: "sought by both Chile and Peru".
            std::vector<int> agents;
            if (obj < toks.size() && toks[obj].lower == "by") {
                // Up to the end of the phrase: "proposed by Trump, mediators Egypt and Qatar
                // said" names one agent.
                std::size_t end = obj + 1;
                while (end < toks.size() && end <= obj + 8 && !stop_token(toks[end]))
                    ++end;
                for (const auto& m : st.mentions[s])
                    if (m.first > obj && m.last <= end && is_actor_entity(st, m.entity) &&
                        !m.demonym && !is_modifier(st, s, m))
                        agents.push_back(m.entity);
            }
            int actor = -1;
            std::vector<int> coordinated;
            if (agents.empty()) {
                coordinated = subject_actors(st, s, i);
                if (coordinated.empty() && named >= 0) coordinated.push_back(named);
                if (coordinated.empty()) {
                    const int author = document_author(st, s, i);
                    if (author >= 0) coordinated.push_back(author);
                }
                if (!coordinated.empty()) actor = coordinated.front();
            }
            // A relative clause: "the two-week truce that Peru is seeking", "a plan
            // which Zelensky has rejected": the stance is on the phrase before "that".
            if (actor >= 0 && agents.empty()) {
                std::size_t k = i;
                while (k > 0 && (toks[k - 1].lower == "has" || toks[k - 1].lower == "had" ||
                                 toks[k - 1].lower == "is" || toks[k - 1].lower == "was" ||
                                 toks[k - 1].lower == "have" || toks[k - 1].lower == "are" ||
                                 toks[k - 1].lower == "were" || toks[k - 1].lower == "again" ||
                                 toks[k - 1].lower == "long" || toks[k - 1].lower.ends_with("ly")))
                    --k;
                std::size_t mstart = k;
                for (const auto& m : st.mentions[s])
                    if (m.last == k && m.entity == actor) mstart = m.first;
                while (mstart > 0 && st.gz.role_word(toks[mstart - 1].lower))
                    --mstart;
                for (const auto& m : st.mentions[s])
                    if (m.last == mstart && m.demonym) mstart = m.first;
                if (mstart > 1 && mstart < k &&
                    (toks[mstart - 1].lower == "that" || toks[mstart - 1].lower == "which")) {
                    int rel = -1;
                    for (auto& ps : st.proposals[s])
                        if (ps.first < mstart && ps.last >= mstart - 1) rel = ps.proposal;
                    if (rel < 0)
                        for (std::size_t h = mstart - 1; h-- > 0 && h + 8 > mstart;)
                            if (proposal_head(st, toks[h].lower)) {
                                auto [a2, b2] = noun_phrase(st, s, h);
                                rel = add_proposal(st, s, a2, std::max(b2, mstart - 1),
                                                   "proposal.relative");
                                break;
                            }
                    if (rel >= 0 && pol != Pol::Propose && !negated && !hedged && !quoted) {
                        Stance sv = pol == Pol::Support  ? Stance::Supports
                                    : pol == Pol::Demand ? Stance::Demands
                                    : pol == Pol::Oppose ? Stance::Opposes
                                                         : Stance::Rejects;
                        // "the steps that Ruiz and Ortiz approved": each of them.
                        for (int who : coordinated) {
                            if (pol == Pol::Demand) add_proposer(st, rel, who);
                            add_stance(st, who, sv, rel, -1, s, i, i + 1, "stance.relative");
                        }
                        continue;
                    }
                }
            }
            // The object: a clause or a noun phrase after the verb.
            int p = -1;
            std::size_t pa = 0, pb = 0;
            std::vector<int> more; // further coordinated "that" clauses
            if (obj < toks.size() && agents.empty()) {
                if (toks[obj].lower == "that" || toks[obj].lower == "to" ||
                    (pol == Pol::Demand && toks[obj - 1].lower == "for")) {
                    std::tie(pa, pb) = clause_after(st, s, obj);
                    // "calling for A, followed by B": B is demanded too.
                    if (pb > pa && pb + 2 < toks.size() && toks[pb].text == "," &&
                        toks[pb + 1].lower == "followed" && toks[pb + 2].lower == "by") {
                        auto [c, d] = clause_after(st, s, pb + 3);
                        if (d > c) {
                            int q = add_proposal(st, s, c, d, "proposal.object");
                            if (q >= 0) more.push_back(q);
                        }
                    }
                    // "insisted that A and that B": B is a proposal of its own.
                    std::size_t e = pb;
                    while (pb > pa && e + 2 < toks.size() && toks[e].lower == "and" &&
                           toks[e + 1].lower == "that") {
                        auto [c, d] = clause_after(st, s, e + 1);
                        if (d <= c) break;
                        int q = add_proposal(st, s, c, d, "proposal.object");
                        if (q >= 0) more.push_back(q);
                        e = d;
                    }
                } else {
                    // Nearest proposal head within a few tokens.
                    for (std::size_t k = obj; k < std::min(toks.size(), obj + 7); ++k) {
                        if (stop_token(toks[k]) && k > obj) break;
                        // "agreed with Peru that the quotas ...": the clause is the object.
                        if (toks[k].lower == "that" && k > obj) break;
                        // "backed the text", "welcomed the document": a definite reference
                        // to the proposal named before.
                        const bool refers =
                            k > obj && anaphoric_head(toks[k].lower) &&
                            (toks[k - 1].lower == "the" || toks[k - 1].lower == "this") &&
                            k + 1 < toks.size() &&
                            (stop_token(toks[k + 1]) || toks[k + 1].lower == "as" ||
                             toks[k + 1].lower == "because" || toks[k + 1].lower == "when");
                        if (proposal_head(st, toks[k].lower) || refers) {
                            std::tie(pa, pb) = noun_phrase(st, s, k);
                            if (pa < obj) pa = obj;
                            if (pb - pa < 2 && !st.trig("proposal_heads_alone", toks[k].lower) &&
                                !definite_bare(st, s, pa, pb))
                                pb = pa = 0;
                            break;
                        }
                    }
                    // "Belgrade wants the border to follow the river", "X also wants the
                    // Group, set up in 1992, to be dissolved": what the side wants done.
                    if (pb == 0 && pol == Pol::Support &&
                        st.trig("aspiration_verbs", toks[i].lower)) {
                        std::size_t to = obj;
                        while (to < toks.size() && to < obj + 14 && toks[to].lower != "to" &&
                               !toks[to].quote && toks[to].text != "." && toks[to].text != ";")
                            ++to;
                        if (to > obj && to + 1 < toks.size() && toks[to].lower == "to" &&
                            toks[to + 1].word && !toks[to + 1].cap &&
                            !st.gz.role_word(toks[to + 1].lower)) {
                            // "... to be formally dissolved": a passive is the content too.
                            auto [c, d] =
                                clause_after(st, s, toks[to + 1].lower == "be" ? to + 2 : to);
                            if (d > c && d <= c + 16) {
                                pa = obj;
                                pb = d;
                            }
                        }
                    }
                    // "sent its chief negotiator", "gave a speech": a bare object of these
                    // is a proposal only with a proposal head (above); "handed over a list"
                    // presents one.
                    const bool handing = toks[i].lower == "sent" || toks[i].lower == "gave" ||
                                         toks[i].lower == "given";
                    if (pb == 0 && pol != Pol::Support && !handing) {
                        std::tie(pa, pb) = clause_after(st, s, obj);
                        // A bare clause is an object only when short, or when it is the
                        // content of a demand ("..., Ruiz stressed, must see X do Y").
                        const bool must = toks[obj].lower == "must" || toks[obj].lower == "should";
                        if (pb > pa + (must ? 18 : 10)) pb = 0;
                    }
                }
                if (pb > pa) p = add_proposal(st, s, pa, pb, "proposal.object");
                // "seeks recognition of Crimea ..., and a neutral Ukraine": a further object
                // coordinated by "and" + article is a proposal of its own.
                std::size_t tail = pb; // "... as Russian territory, and": over the rest
                while (tail < toks.size() && tail < pb + 6 && toks[tail].word &&
                       !aux_stops().count(toks[tail].lower) && toks[tail].lower != "and")
                    ++tail;
                if (tail >= toks.size() || toks[tail].text != ",") tail = pb;
                for (std::size_t e = tail; p >= 0 && e < toks.size();) {
                    std::size_t c = e;
                    if (c < toks.size() && toks[c].text == ",") ++c;
                    if (c >= toks.size() || toks[c].lower != "and") break;
                    ++c;
                    if (c >= toks.size() ||
                        (toks[c].lower != "a" && toks[c].lower != "an" && toks[c].lower != "the"))
                        break;
                    std::size_t d = c + 1;
                    while (d < toks.size() && d < c + 10 && !stop_token(toks[d]) &&
                           !clause_stops().count(toks[d].lower) &&
                           !aux_stops().count(toks[d].lower) && toks[d].lower != "and")
                        ++d;
                    // Only a phrase that ends the clause: "and the talks ended" is a clause;
                    // before a comma it must name a proposal ("and a senior official, X,
                    // said" does not).
                    if (d - c < 3 || (d < toks.size() && !stop_token(toks[d]))) break;
                    if (d < toks.size() && toks[d].text != ".") {
                        bool head = false;
                        for (std::size_t q = c; q < d; ++q)
                            head |= proposal_head(st, toks[q].lower);
                        // "..., and a neutral Ukraine, Russia said": the attribution follows.
                        bool attribution = false;
                        for (std::size_t q = d + 1; q < std::min(toks.size(), d + 6); ++q) {
                            if (st.trig("speech_verbs", toks[q].lower)) {
                                attribution = true;
                                break;
                            }
                            if (!toks[q].cap) break;
                        }
                        if (!head && !attribution) break;
                    }
                    int q = add_proposal(st, s, c + 1, d, "proposal.object");
                    if (q >= 0) more.push_back(q);
                    e = d;
                }
            } else if (!agents.empty()) {
                // The passive verb modifies the phrase before it: "concessions demanded by X".
                for (auto& ps : st.proposals[s])
                    if (ps.last == i || ps.last + 1 == i) p = ps.proposal;
                if (p < 0) {
                    for (std::size_t k = i; k-- > 0 && k + 6 > i;) {
                        if (proposal_head(st, toks[k].lower)) {
                            auto [a, b] = noun_phrase(st, s, k);
                            p = add_proposal(st, s, a, std::min(b, i), "proposal.passive");
                            break;
                        }
                    }
                }
            }
            // "Moscow has refused for three decades", "Kyiv refused.": no object; the stance is
            // on the proposal named last (in this sentence or the one before).
            if (p < 0 && agents.empty() && (pol == Pol::Reject || pol == Pol::Oppose) &&
                (obj >= toks.size() || stop_token(toks[obj]) || toks[obj].lower == "for" ||
                 toks[obj].lower == "since")) {
                for (const auto& ps : st.proposals[s])
                    if (ps.last <= i) p = ps.proposal;
                if (p < 0 && s > 0 && !st.proposals[s - 1].empty())
                    p = st.proposals[s - 1].back().proposal;
            }
            if (p < 0) continue;
            // Conditional offers: "could forgo X if Y".
            const bool modal =
                i > 0 && (toks[i - 1].lower == "could" || toks[i - 1].lower == "would");
            std::vector<int> actors = agents;
            for (int c : coordinated)
                actors.push_back(c);
            // A leader stating his country's position: he holds the stance.
            // (Not inside a quotation: "Peru did not agree," says the speaker of either side.)
            const int speaker_leader =
                actors.size() == 1 && agents.empty() && !st.in_quote(toks[i].begin)
                    ? reporting_leader(st, s, i, actors.front())
                    : -1;
            more.insert(more.begin(), p);
            for (int q : more)
                for (int who : actors) {
                    p = q;
                    // Proposers: who proposes or demands it, or whose aspiration it is ("wants",
                    // "seeks", "urges", "calls for").
                    if (pol == Pol::Propose || pol == Pol::Demand ||
                        (pol == Pol::Support && st.trig("aspiration_verbs", toks[i].lower)))
                        add_proposer(st, p, who);
                    if (negated || hedged || quoted) continue;
                    if (pol == Pol::Propose) continue; // proposing alone is not a stance
                    if (modal) continue;
                    Stance sv = pol == Pol::Support  ? Stance::Supports
                                : pol == Pol::Demand ? Stance::Demands
                                : pol == Pol::Oppose ? Stance::Opposes
                                                     : Stance::Rejects;
                    add_stance(st, speaker_leader >= 0 ? speaker_leader : who, sv, p, -1, s, i, pb,
                               "stance.verb:" + toks[i].lower);
                }
        }
        // 1b. Reported demands: "X said/added/stressed that Y must/should ...", also in a
        //     further "and that" clause ("says that A is not needed and that one must B").
        for (std::size_t i = 0; i + 2 < toks.size(); ++i) {
            if (!st.trig("speech_verbs", toks[i].lower)) continue;
            // "says since Monday that", "said again that": the clause after the time phrase.
            const std::size_t that = after_time(toks, i + 1);
            if (that >= toks.size() || toks[that].lower != "that") continue;
            if (st.in_quote(toks[i].begin)) continue;
            const int actor = subject_actor(st, s, i);
            if (actor < 0) continue;
            std::size_t from = that;
            for (int clause = 0; clause < 3; ++clause) {
                auto [a, b] = clause_after(st, s, from);
                if (b <= a) break;
                bool must = false;
                std::size_t m = a;
                for (std::size_t k = a; k < b; ++k) {
                    const bool here = toks[k].lower == "must" || toks[k].lower == "should" ||
                                      ((toks[k].lower == "has" || toks[k].lower == "had" ||
                                        toks[k].lower == "needs" || toks[k].lower == "needed") &&
                                       k + 1 < b && toks[k + 1].lower == "to");
                    if (here && !must) m = k;
                    must |= here;
                }
                if (must) {
                    // "one must move straight to a final accord": what must be done.
                    std::size_t pa = a;
                    if (m > a && m + 1 < b &&
                        (toks[a].lower == "one" || toks[a].lower == "we" ||
                         toks[a].lower == "you" || toks[a].lower == "it"))
                        pa = m + 1;
                    int p = add_proposal(st, s, pa, b, "proposal.reported-demand");
                    add_proposer(st, p, actor);
                    add_stance(st, actor, Stance::Demands, p, -1, s, i, b,
                               "stance.reported-demand");
                }
                if (b + 1 < toks.size() && toks[b].lower == "and" && toks[b + 1].lower == "that")
                    from = b + 1;
                else
                    break;
            }
        }
        // 1b'. Agreement with another side's point: "X agreed with Y that A must B" (also
        //      with the clause quoted): X supports the point, Y made it.
        for (std::size_t i = 0; i + 3 < toks.size(); ++i) {
            const auto& w = toks[i].lower;
            if ((w != "agreed" && w != "agrees" && w != "agree") || toks[i + 1].lower != "with")
                continue;
            if (st.in_quote(toks[i].begin) || (i > 0 && is_neg(toks[i - 1].lower))) continue;
            std::size_t that = i + 2;
            while (that < toks.size() && that < i + 7 && toks[that].lower != "that" &&
                   toks[that].text != "," && toks[that].text != ".")
                ++that;
            if (that >= toks.size() || toks[that].lower != "that") continue;
            const int actor = reporting_leader(st, s, i, subject_actor(st, s, i));
            if (actor < 0 || reporter(st, actor)) continue;
            int maker = -1;
            for (const auto& m : st.mentions[s])
                if (m.first > i + 1 && m.last < that && !m.demonym && is_actor_entity(st, m.entity))
                    maker = m.entity;
            auto [a, b] = clause_after(st, s, that);
            if (b <= a) continue;
            int p = add_proposal(st, s, a, b, "proposal.agreed-point");
            if (maker >= 0 && maker != actor) add_proposer(st, p, maker);
            add_stance(st, actor, Stance::Supports, p, -1, s, i, b, "stance.agreed-with");
        }
        // 1c. Demands in a speaker's own words: "We must raise the pressure," she wrote;
        //     "it is necessary to ratify the accord, recall the note and hand over X".
        for (std::size_t i = 0; i + 2 < toks.size(); ++i) {
            if (!st.in_quote(toks[i].begin)) continue;
            std::size_t a = 0;
            const auto& w = toks[i].lower;
            if ((w == "we" || w == "i") &&
                (toks[i + 1].lower == "must" || toks[i + 1].lower == "demand" ||
                 toks[i + 1].lower == "insist"))
                a = i + 2;
            else if ((w == "we" || w == "i") && i + 3 < toks.size() &&
                     (toks[i + 1].lower == "need" || toks[i + 1].lower == "have") &&
                     toks[i + 2].lower == "to")
                a = i + 3;
            else if (w == "it" && i + 3 < toks.size() && toks[i + 1].lower == "is" &&
                     (toks[i + 2].lower == "necessary" || toks[i + 2].lower == "essential" ||
                      toks[i + 2].lower == "vital" || toks[i + 2].lower == "imperative") &&
                     toks[i + 3].lower == "to")
                a = i + 4;
            // "The militia must leave the homes first": what the speaker demands of another
            // side, a short subject opening the quotation (the whole clause is the demand).
            if (a == 0 && toks[i].lower == "must" && i >= 2) {
                std::size_t open = i;
                while (open > 0 && !toks[open - 1].quote && i - open < 6)
                    --open;
                if (open > 0 && toks[open - 1].quote && i - open >= 1 &&
                    (toks[open].lower == "the" || toks[open].cap) && toks[open].lower != "it" &&
                    toks[open].lower != "he" && toks[open].lower != "she" &&
                    toks[open].lower != "they" && toks[open].lower != "you" &&
                    toks[open].lower != "this" && toks[open].lower != "there") {
                    const int speaker = quote_speaker_at(st, toks[i].begin);
                    auto [c, d] = clause_after(st, s, i + 1);
                    if (speaker >= 0 && is_actor_entity(st, speaker) && d > c) {
                        const int p = add_proposal(st, s, open, d, "proposal.quoted-must");
                        add_proposer(st, p, speaker);
                        add_stance(st, speaker, Stance::Supports, p, -1, s, open, d,
                                   "stance.quoted-must");
                    }
                }
                continue;
            }
            if (a == 0 || a >= toks.size()) continue;
            if (i > 0 && (toks[i - 1].lower == "if" || is_neg(toks[i - 1].lower))) continue;
            if (toks[a].lower == "not" || toks[a].lower == "be" || toks[a].lower == "talk")
                continue;
            const int speaker = quote_speaker_at(st, toks[i].begin);
            if (speaker < 0 || !is_actor_entity(st, speaker)) continue;
            // Coordinated verb phrases: "sign X, withdraw Y, and surrender Z".
            auto ends = [](const Token& t) {
                return t.quote || t.text == "." || t.text == ";" || clause_stops().count(t.lower);
            };
            list_items(toks, a, ends, [&](std::size_t x, std::size_t y) {
                int p = add_proposal(st, s, x, y, "proposal.quoted-demand");
                add_proposer(st, p, speaker);
                add_stance(st, speaker, Stance::Supports, p, -1, s, x, y, "stance.quoted-demand");
            });
        }
        // 2. Conditional offers: "ACTOR could/would VERB X if/in exchange for Y".
        for (std::size_t i = 0; i + 1 < toks.size(); ++i) {
            if (toks[i].lower != "could" && toks[i].lower != "would") continue;
            std::size_t cond = toks.size();
            for (std::size_t k = i + 2; k < toks.size(); ++k) {
                if (toks[k].lower == "if" ||
                    (toks[k].lower == "exchange" && k > 0 && toks[k - 1].lower == "in") ||
                    (toks[k].lower == "return" && k > 0 && toks[k - 1].lower == "in")) {
                    cond = k;
                    break;
                }
                if (toks[k].text == "." || toks[k].text == ";") break;
            }
            if (cond >= toks.size()) continue;
            const int actor = reporting_leader(st, s, i, subject_actor(st, s, i));
            if (actor < 0) continue;
            std::size_t offer_end = cond;
            if (toks[cond].lower != "if") --offer_end; // "in exchange for"
            int offer = add_proposal(st, s, i + 1, offer_end, "proposal.offer");
            std::size_t ca = cond + 1;
            if (ca < toks.size() && toks[ca].lower == "for") ++ca;
            // "if it receives guarantees": the condition is what follows the pronoun.
            if (ca < toks.size() &&
                (toks[ca].lower == "it" || toks[ca].lower == "they" || toks[ca].lower == "he" ||
                 toks[ca].lower == "she" || toks[ca].lower == "we"))
                ++ca;
            auto [a, b] = clause_after(st, s, ca);
            int condition = b > a ? add_proposal(st, s, a, b, "proposal.condition") : -1;
            if (offer < 0 || condition < 0) continue;
            // "could forgo X if Y": X and Y are the actor's offer; "would accept X only if Y":
            // only the condition Y is the actor's demand.
            const std::string v = i + 1 < toks.size() ? toks[i + 1].lower : "";
            if (v != "agree" && v != "accept" && v != "support" && v != "back")
                add_proposer(st, offer, actor);
            add_proposer(st, condition, actor);
            add_stance(st, actor, Stance::Conditional, offer, condition, s, i, b,
                       "stance.conditional");
        }
        // 3. Opposing predicates: "X is impossible", "the plan is unacceptable".
        for (std::size_t i = 1; i + 1 < toks.size(); ++i) {
            if (toks[i].lower != "is" && toks[i].lower != "was" && toks[i].lower != "are" &&
                toks[i].lower != "were")
                continue;
            std::size_t k = i + 1;
            bool neg = false;
            if (k < toks.size() && toks[k].quote) ++k; // were "not on the table"
            if (k < toks.size() && is_neg(toks[k].lower)) {
                neg = true;
                ++k;
            }
            // "not on the table", "off the table", "out of the question".
            const bool table = k + 2 < toks.size() &&
                               ((neg && toks[k].lower == "on" && toks[k + 2].lower == "table") ||
                                (toks[k].lower == "off" && toks[k + 2].lower == "table") ||
                                (toks[k].lower == "out" && toks[k + 1].lower == "of" &&
                                 toks[k + 2].lower == "the"));
            while (k < toks.size() && (toks[k].lower == "a" || toks[k].lower == "an" ||
                                       toks[k].lower == "direct" || toks[k].lower == "simply"))
                ++k;
            if (k >= toks.size()) continue;
            const bool opp =
                table || opposing_predicate(toks[k].lower) ||
                (neg && (toks[k].lower == "possible" || toks[k].lower == "acceptable" ||
                         toks[k].lower == "necessary" || toks[k].lower == "needed" ||
                         toks[k].lower == "an" || toks[k].lower == "option"));
            if (!opp) continue;
            // The subject phrase: a proposal ending right before "is", or before a relative
            // clause between commas ("the proposal, which X had handed over, was ...").
            std::size_t se = i;
            if (toks[i - 1].text == ",")
                for (std::size_t j = i - 1; j-- > 1 && j + 40 > i;) {
                    if (toks[j].quote || toks[j].text == ";") break;
                    if (toks[j].text == "," &&
                        (toks[j + 1].lower == "which" || toks[j + 1].lower == "who" ||
                         toks[j + 1].lower == "whose")) {
                        se = j;
                        break;
                    }
                }
            int p = -1;
            for (auto& ps : st.proposals[s])
                if (ps.last == se) p = ps.proposal;
            if (p < 0) {
                for (std::size_t h = se; h-- > 0 && h + 6 > se;)
                    if (proposal_head(st, toks[h].lower)) {
                        auto [a, b] = noun_phrase(st, s, h);
                        p = add_proposal(st, s, a, std::min(b, se), "proposal.subject");
                        break;
                    }
            }
            if (p < 0) continue;
            // The actor: whoever "maintained/said that" the predicate holds.
            int actor = -1;
            for (std::size_t v = i; v-- > 0;)
                if (toks[v].lower == "that" && v > 0) {
                    actor = subject_actor(st, s, v - 1 > 0 ? v : v);
                    if (actor < 0 && v >= 1) actor = subject_actor(st, s, v - 1);
                    break;
                }
            // "Dovhan said territorial concessions were not on the table": the speaker.
            if (actor < 0)
                for (std::size_t v = i; v-- > 0;)
                    if (st.trig("speech_verbs", toks[v].lower)) {
                        actor = subject_actor(st, s, v);
                        break;
                    }
            if (actor < 0 && st.in_quote(toks[i].begin)) continue;
            add_stance(st, actor, Stance::Opposes, p, -1, s, i, k + 1, "stance.predicate");
        }
        // 3b. "Moscow calls it unacceptable", "X described the plan as a non-starter".
        for (std::size_t i = 1; i + 2 < toks.size(); ++i) {
            const auto& v = toks[i].lower;
            if (v != "calls" && v != "called" && v != "considers" && v != "considered" &&
                v != "deems" && v != "deemed" && v != "described" && v != "describes" &&
                v != "branded" && v != "brands" && v != "portrayed" && v != "portrays")
                continue;
            std::size_t end = std::min(toks.size(), i + 14);
            std::size_t pred = end;
            for (std::size_t k = i + 1; k < end; ++k) {
                if (stop_token(toks[k]) && !toks[k].quote) break;
                if (opposing_predicate(toks[k].lower) ||
                    ((toks[k].lower == "possible" || toks[k].lower == "acceptable") && k > 0 &&
                     is_neg(toks[k - 1].lower))) {
                    pred = k;
                    break;
                }
            }
            if (pred == end || st.in_quote(toks[i].begin)) continue;
            int p = -1;
            if (toks[i + 1].lower == "it" || toks[i + 1].lower == "this" ||
                toks[i + 1].lower == "them") {
                // The proposal of the clause before: "have floated such a force; Moscow calls
                // it unacceptable".
                for (const auto& ps : st.proposals[s])
                    if (ps.last <= i) p = ps.proposal;
                if (p < 0 && s > 0 && !st.proposals[s - 1].empty())
                    p = st.proposals[s - 1].back().proposal;
            } else {
                for (auto& ps : st.proposals[s])
                    if (ps.first > i && ps.first < pred) p = ps.proposal;
                if (p < 0)
                    for (std::size_t h = i + 1; h < pred; ++h)
                        if (proposal_head(st, toks[h].lower)) {
                            auto [a, b] = noun_phrase(st, s, h);
                            p = add_proposal(st, s, std::max(a, i + 1), std::min(b, pred),
                                             "proposal.object");
                            break;
                        }
            }
            const int actor = subject_actor(st, s, i);
            add_stance(st, actor, Stance::Opposes, p, -1, s, i, pred + 1, "stance.called");
        }
        // 4. Remaining proposal head nouns outside quotations: proposals mentioned in passing,
        //    with possessive or adjectival proposers ("the U.S. proposal", "Russia's plan").
        for (std::size_t i = 0; i < toks.size(); ++i) {
            if (!proposal_head(st, toks[i].lower) || st.in_quote(toks[i].begin)) continue;
            bool covered = false;
            for (const auto& ps : st.proposals[s])
                covered |= i >= ps.first && i < ps.last;
            // A head word inside a name: "the Federation of German Industries".
            for (const auto& m : st.mentions[s])
                covered |= !m.demonym && i >= m.first && i < m.last;
            if (covered) continue;
            auto [a, b] = noun_phrase(st, s, i);
            b = std::max(i + 1, without_time(toks, a, b)); // "agreement on Tuesday"
            if (definite_bare(st, s, a, b)) {
                add_proposal(st, s, a, b, "proposal.noun");
                continue;
            }
            if (b - a < 2 && !st.trig("proposal_heads_alone", toks[i].lower)) continue;
            if (weak_head(toks[i].lower) && b - a < 3) continue;
            int p = add_proposal(st, s, a, b, "proposal.noun");
            // Proposer from a possessive or an actor modifier inside the phrase.
            for (const auto& m : st.mentions[s]) {
                if (m.first < a || m.last > i || !is_actor_entity(st, m.entity)) continue;
                const bool possessive = m.last < toks.size() && toks[m.last].lower == "'s";
                const bool adjacent = m.last == i || (m.demonym && m.last + 2 >= i);
                if (possessive || (adjacent && authored_head(toks[i].lower)))
                    add_proposer(st, p, m.entity);
            }
            // "proposed by X" / "put forward by X" after the phrase.
            for (std::size_t k = b; k + 1 < std::min(toks.size(), b + 4); ++k)
                if (toks[k].lower == "by" && k > 0 &&
                    (toks[k - 1].lower == "proposed" || toks[k - 1].lower == "forward" ||
                     toks[k - 1].lower == "presented" || toks[k - 1].lower == "offered" ||
                     toks[k - 1].lower == "drafted" || toks[k - 1].lower == "tabled" ||
                     toks[k - 1].lower == "sponsored"))
                    for (const auto& m : st.mentions[s])
                        if (m.first > k && m.first <= k + 3 && is_actor_entity(st, m.entity))
                            add_proposer(st, p, m.entity);
        }
    }
    // "The Geneva package comprised A, B, C and D": each item of a plan's content is a proposal
    // of its own, proposed by the plan's proposers.
    for (std::size_t s = 0; s < ns; ++s) {
        const auto& toks = st.tokens[s];
        if (st.headline[s]) continue;
        for (std::size_t i = 1; i + 2 < toks.size(); ++i) {
            const auto& v = toks[i].lower;
            if (v != "comprised" && v != "comprises" && v != "included" && v != "includes" &&
                v != "consisted" && v != "consists" && v != "contained" && v != "contains")
                continue;
            int plan = -1;
            for (const auto& ps : st.proposals[s])
                if (ps.last <= i && ps.last + 2 >= i) plan = ps.proposal;
            if (plan < 0) {
                for (std::size_t h = i; h-- > 0 && h + 4 > i;)
                    if (proposal_head(st, toks[h].lower) &&
                        (authored_head(toks[h].lower) || toks[h].lower == "package" ||
                         toks[h].lower == "deal" || toks[h].lower == "agreement")) {
                        auto [a, b] = noun_phrase(st, s, h);
                        plan = add_proposal(st, s, a, std::min(b, i), "proposal.plan");
                        break;
                    }
            }
            if (plan < 0 || st.in_quote(toks[i].begin)) continue;
            std::size_t a = i + 1;
            if (a < toks.size() && toks[a].lower == "of") ++a;
            while (a < toks.size()) {
                std::size_t b = a;
                while (b < toks.size() && !stop_token(toks[b]) && toks[b].lower != "and")
                    ++b;
                if (b > a) {
                    int p = add_proposal(st, s, a, b, "proposal.plan-item");
                    if (p >= 0 && p != plan)
                        for (int who : st.ex.proposals[static_cast<std::size_t>(plan)].proposers)
                            add_proposer(st, p, who);
                }
                if (b >= toks.size() || (stop_token(toks[b]) && toks[b].text != ",")) break;
                a = b + 1;
                if (a < toks.size() && toks[a].lower == "and") ++a;
            }
        }
    }
    // "Other reported demands include A and B": more demands of the last actor who demanded.
    {
        int last_demander = -1;
        for (std::size_t s = 0; s < ns; ++s) {
            const auto& toks = st.tokens[s];
            for (const auto& d : st.ex.stances)
                if (d.stance == Stance::Demands && d.evidence.sentence < s) last_demander = d.actor;
            for (std::size_t i = 0; i + 2 < toks.size(); ++i) {
                if ((toks[i].lower != "demands" && toks[i].lower != "conditions") ||
                    (toks[i + 1].lower != "include" && toks[i + 1].lower != "included"))
                    continue;
                if (last_demander < 0 || st.in_quote(toks[i].begin)) break;
                list_items(toks, i + 2, stop_token, [&](std::size_t x, std::size_t y) {
                    int p = add_proposal(st, s, x, y, "proposal.demands-include");
                    add_proposer(st, p, last_demander);
                    add_stance(st, last_demander, Stance::Demands, p, -1, s, x, y,
                               "stance.demands-include");
                });
                break;
            }
        }
    }
    // Authors named with "by": "the joint initiative by Ruiz and Quispe".
    for (std::size_t s = 0; s < ns; ++s) {
        const auto& toks = st.tokens[s];
        for (const auto& ps : st.proposals[s]) {
            bool authored = false;
            for (std::size_t k = ps.first; k < ps.last; ++k) {
                if (authored_head(toks[k].lower)) authored = true;
                if (!authored || toks[k].lower != "by") continue;
                for (const auto& m : st.mentions[s])
                    if (m.first > k && m.last <= ps.last && !m.demonym)
                        add_proposer(st, ps.proposal, m.entity);
                break;
            }
        }
    }
    // Possessors are proposers: "Ukraine's NATO membership", "Putin's demand for ...",
    // "her call for a halt to the shelling".
    for (std::size_t s = 0; s < ns; ++s) {
        const auto& toks = st.tokens[s];
        for (const auto& ps : st.proposals[s]) {
            for (std::size_t k = ps.first; k < std::min(ps.last, ps.first + 4); ++k) {
                if (toks[k].lower == "'s") {
                    for (const auto& m : st.mentions[s])
                        if (m.last == k && !m.demonym) add_proposer(st, ps.proposal, m.entity);
                }
            }
            if (ps.first > 0 &&
                (toks[ps.first - 1].lower == "his" || toks[ps.first - 1].lower == "her")) {
                int who = last_person(st, s, ps.first - 1);
                if (who >= 0) add_proposer(st, ps.proposal, who);
            }
            if (ps.first > 1 && toks[ps.first - 1].lower == "'s")
                for (const auto& m : st.mentions[s])
                    if (m.last == ps.first - 1 && !m.demonym)
                        add_proposer(st, ps.proposal, m.entity);
        }
    }
    for (auto& p : st.ex.proposals)
        std::sort(p.proposers.begin(), p.proposers.end());
}

} // namespace parley::extract
