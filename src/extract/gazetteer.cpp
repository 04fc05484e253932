#include "extract/gazetteer.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

namespace parley::extract {

namespace {

std::string join(const std::vector<Token>& toks, std::size_t a, std::size_t b, bool lower) {
    std::string key;
    for (std::size_t k = a; k < b; ++k) {
        if (k > a) key += ' ';
        key += lower ? toks[k].lower : toks[k].text;
    }
    return key;
}

std::vector<Token> tokens_of(const std::string& s) {
    return tokenize(s, 0, s.size());
}

/// Makes every proper token prefix of the key `toks` ("New", "New York" of "New York City")
/// a key of `map`, with no hits unless it is a name itself. `Gazetteer::match` then extends a
/// span one token at a time and stops as soon as the span starts no key, instead of looking up
/// every length up to the longest name (tokens hold no spaces, so the joined keys split back
/// into the same tokens). A key with no hits is never a match.
template <class Map> void add_prefixes(Map& map, const std::vector<Token>& toks, bool lower) {
    for (std::size_t n = 1; n < toks.size(); ++n)
        map.try_emplace(join(toks, 0, n, lower));
}

/// Lower-case capital names that are also ordinary words; never matched in lower case.
bool common_word(const std::string& lower) {
    static const std::unordered_set<std::string> words = {
        "male", "lima", "victoria", "praia", "nice", "sucre", "kingston", "bern", "rome"};
    return words.count(lower) > 0 || lower.size() < 4;
}

} // namespace

Gazetteer::Gazetteer(const Lexicon& lex) : triggers_(lex) {
    // Built in hash maps, then frozen into the flat maps the look-ups use.
    std::unordered_map<std::string, std::vector<Hit>> exact, folded;
    std::unordered_map<std::string, std::string> roles;
    std::unordered_set<std::string> role_words, role_first_words, role_last_words;
    std::unordered_set<std::string> holder_surname_set;
    auto add = [&](const std::string& surface, std::size_t entry, GazKind kind) {
        std::string s = surface;
        // "the Kremlin" matches "Kremlin" and "the UN" "UN"; a one-word name with its article
        // ("The National", "The Hill") keeps it, or every "national" would be an outlet.
        if (s.rfind("the ", 0) == 0 || s.rfind("The ", 0) == 0) {
            const std::string rest = s.substr(4);
            if (kind == GazKind::Metonym || lex.entries[entry].type != EntityType::Organization ||
                rest.find(' ') != std::string::npos || rest.find('.') != std::string::npos ||
                std::all_of(rest.begin(), rest.end(),
                            [](char c) { return !std::islower(static_cast<unsigned char>(c)); }))
                s = rest;
        }
        // A kept article matches at a sentence start too: "the Quad" and "The Quad".
        if (s.rfind("the ", 0) == 0) {
            std::string upper = s;
            upper[0] = 'T';
            auto ut = tokens_of(upper);
            if (!ut.empty()) {
                max_len_ = std::max(max_len_, ut.size());
                add_prefixes(exact, ut, false);
                exact[join(ut, 0, ut.size(), false)].push_back({entry, kind});
            }
        }
        auto toks = tokens_of(s);
        if (toks.empty()) return;
        max_len_ = std::max(max_len_, toks.size());
        add_prefixes(exact, toks, false);
        auto& hits = exact[join(toks, 0, toks.size(), false)];
        for (const auto& h : hits)
            if (h.entry == entry && h.kind == kind) return;
        hits.push_back({entry, kind});
        const std::string low = join(toks, 0, toks.size(), true);
        if (kind == GazKind::Metonym && !common_word(low)) {
            add_prefixes(folded, toks, true);
            folded[low].push_back({entry, kind});
        }
    };
    for (std::size_t e = 0; e < lex.entries.size(); ++e) {
        const auto& le = lex.entries[e];
        add(le.name, e, GazKind::Name);
        for (const auto& a : le.aliases)
            add(a, e, GazKind::Name);
        for (const auto& m : le.metonyms)
            add(m, e, GazKind::Metonym);
        for (const auto& d : le.demonyms)
            add(d, e, GazKind::Demonym);
        if (le.type == EntityType::Place) {
            places_by_name_.emplace(le.name, e);
            for (const auto& a : le.aliases)
                places_by_name_.emplace(a, e);
        }
    }
    for (const auto& r : lex.roles) {
        auto put = [&](const std::string& v) {
            std::string low;
            for (const auto& t : tokens_of(v))
                low += (low.empty() ? "" : " ") + t.lower;
            if (!low.empty()) roles.emplace(low, r.title);
            for (const auto& t : tokens_of(v))
                if (t.word && t.lower != "of" && t.lower != "the" && t.lower != "for" &&
                    t.lower != "and" && t.lower != "to" && t.lower != "on" && t.lower != "in")
                    role_words.insert(t.lower);
        };
        put(r.title);
        for (const auto& v : r.variants)
            put(v);
    }
    // Modifiers of titles: "Federal Chancellor", "Presidential Envoy", "Acting Deputy ...".
    for (const char* w : {"federal", "presidential", "deputy", "acting", "former", "first", "vice",
                          "chief", "senior", "special", "top", "interim", "lead", "outgoing",
                          "incoming", "late", "then", "us", "u.s."})
        role_words.insert(w);
    // First and last words of the role keys (the words of a key hold no space).
    for (const auto& [key, title] : roles) {
        role_first_words.insert(key.substr(0, key.find(' ')));
        role_last_words.insert(key.substr(key.rfind(' ') + 1));
    }
    for (const auto& r : lex.roles)
        for (const auto& h : r.holders) {
            auto ht = tokens_of(h.person);
            if (ht.size() >= 2) {
                holder_surname_set.insert(ht.back().text);
                holder_surnames_.emplace(ht.back().text, &h);
            }
            holders_by_key_.emplace(name_key(h.person), std::make_pair(&r, &h));
        }
    exact_ = freeze(exact);
    folded_ = freeze(folded);
    roles_ = freeze(roles);
    role_words_ = freeze_set(role_words);
    role_first_words_ = freeze_set(role_first_words);
    role_last_words_ = freeze_set(role_last_words);
    holder_surname_set_ = freeze_set(holder_surname_set);
}

std::optional<GazMatch> Gazetteer::match(const std::vector<Token>& toks, std::size_t i) const {
    if (i >= toks.size() || !toks[i].word) return std::nullopt;
    const std::size_t maxn = std::min(max_len_, toks.size() - i);
    // The longest span of tokens from `i` with hits: its exact spelling, or (only when no token
    // is capitalized) its lower-case form among the metonyms. A span is extended while it
    // still starts a key of either map (see `add_prefixes`).
    std::string exact_key, lower_key;
    bool exact_open = true, lower_open = true;
    const std::vector<Hit>* hits = nullptr;
    std::size_t n = 0;
    for (std::size_t len = 1; len <= maxn && (exact_open || lower_open); ++len) {
        const Token& t = toks[i + len - 1];
        const std::vector<Hit>* found = nullptr;
        if (exact_open) {
            // One token: its text is the key (no copy); longer spans are joined.
            if (len == 2) exact_key = toks[i].text;
            if (len > 1) {
                exact_key += ' ';
                exact_key += t.text;
            }
            const auto* it = exact_.find(len == 1 ? std::string_view(t.text) : exact_key);
            if (!it) {
                exact_open = false;
            } else if (!it->empty()) {
                found = it;
            }
        }
        lower_open = lower_open && !t.cap;
        if (lower_open) {
            if (len == 2) lower_key = toks[i].lower;
            if (len > 1) {
                lower_key += ' ';
                lower_key += t.lower;
            }
            const auto* f = folded_.find(len == 1 ? std::string_view(t.lower) : lower_key);
            if (!f) {
                lower_open = false;
            } else if (!found && !f->empty()) {
                found = f;
            }
        }
        if (found) {
            hits = found;
            n = len;
        }
    }
    if (!hits) return std::nullopt;
    // Prefer a name of the entity itself, then a metonym, then a demonym.
    const Hit* best = nullptr;
    for (const auto& h : *hits)
        if (!best || static_cast<int>(h.kind) < static_cast<int>(best->kind)) best = &h;
    // A metonym that is also a place name: report both, the caller decides.
    GazMatch m{best->entry, n, best->kind, -1};
    bool has_metonym = false;
    for (const auto& h : *hits)
        has_metonym |= h.kind == GazKind::Metonym;
    if (has_metonym) {
        auto p = places_by_name_.find(join(toks, i, i + n, false));
        for (const auto& h : *hits)
            if (h.kind == GazKind::Metonym) m.entry = h.entry;
        m.kind = GazKind::Metonym;
        if (p != places_by_name_.end()) m.place_entry = static_cast<int>(p->second);
    }
    return m;
}

std::optional<std::string> Gazetteer::role(const std::string& lower_phrase) const {
    const std::string* title = roles_.find(lower_phrase);
    if (!title) return std::nullopt;
    return *title;
}

} // namespace parley::extract
