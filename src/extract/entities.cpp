// Entity mentions: lexicon matches (countries, capitals as metonyms, demonyms, organizations,
// places), names no lexicon knows (capitalized sequences classified by titles, head words and
// context), titles/roles and affiliations, and in-document coreference of surnames.
#include "core/text.hpp"
#include "extract/gazetteer.hpp"
#include "extract/internal.hpp"
#include "ingest/ingest.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace parley::extract {

namespace {

bool is_article(const std::string& w) {
    return w == "the" || w == "a" || w == "an";
}

bool is_locative(const std::string& w) {
    static const std::unordered_set<std::string> loc = {"in",      "at",     "to",      "from",
                                                        "near",    "into",   "towards", "toward",
                                                        "outside", "inside", "visited"};
    return loc.count(w) > 0;
}

bool ends_sentence_punct(const Token& t) {
    return t.text == "." || t.text == "?" || t.text == "!" || t.text == ":";
}

/// A headline: one line, several capitalized words, no final full stop.
bool looks_like_headline(const std::vector<Token>& toks, std::string_view text) {
    if (toks.size() < 2 || text.find('\n') != std::string_view::npos) return false;
    if (ends_sentence_punct(toks.back()) && toks.back().text != ":") return false;
    int words = 0, caps = 0;
    for (const auto& t : toks) {
        if (!t.word || t.digit || t.text.size() < 4) continue;
        ++words;
        if (t.cap) ++caps;
    }
    return words >= 2 && caps * 10 >= words * 6;
}

bool particle(const State& st, const Token& t) {
    return st.trig("person_particles", t.lower) || t.lower.rfind("al-", 0) == 0 ||
           t.lower.rfind("el-", 0) == 0;
}

} // namespace

// Finds the longest role title ending at token `end` (exclusive) of `toks`, scanning back at
// most 5 tokens; returns the number of tokens and the canonical title.
static std::pair<std::size_t, std::string>
role_before(const State& st, const Gazetteer& gz, const std::vector<Token>& toks, std::size_t end) {
    // No title ends with this word: nothing to look up.
    if (end == 0 || (!toks[end - 1].lower.empty() && !gz.role_may_end(toks[end - 1].lower)))
        return {0, {}};
    std::string key;
    for (std::size_t n = std::min<std::size_t>(5, end); n >= 1; --n) {
        key.clear();
        for (std::size_t k = end - n; k < end; ++k) {
            if (!key.empty()) key += ' ';
            key += toks[k].lower;
        }
        if (auto r = gz.role(key)) return {n, *r};
    }
    (void)st;
    return {0, {}};
}

// Finds a role title starting at token `begin`; returns its length and canonical title.
static std::pair<std::size_t, std::string>
role_at(const Gazetteer& gz, const std::vector<Token>& toks, std::size_t begin, std::size_t limit) {
    // No title starts with this word: nothing to look up.
    if (begin >= limit || (!toks[begin].lower.empty() && !gz.role_may_start(toks[begin].lower)))
        return {0, {}};
    std::string key;
    for (std::size_t n = std::min<std::size_t>(5, limit - begin); n >= 1; --n) {
        key.clear();
        for (std::size_t k = begin; k < begin + n; ++k) {
            if (!key.empty()) key += ' ';
            key += toks[k].lower;
        }
        if (auto r = gz.role(key)) return {n, *r};
    }
    return {0, {}};
}

/// The entity standing for a country/organization named by tokens ending at `end` (a demonym,
/// a country name, an acronym, with an optional possessive), or -1.
static int affiliation_before(State& st, const Gazetteer& gz, std::size_t s, std::size_t end) {
    const auto& toks = st.tokens[s];
    std::size_t e = end;
    if (e > 0 && toks[e - 1].lower == "'s") --e;
    for (const auto& m : st.mentions[s])
        if (m.last == e && is_actor_entity(st, m.entity) &&
            st.ex.entities[static_cast<std::size_t>(m.entity)].type != EntityType::Person)
            return m.entity;
    (void)gz;
    return -1;
}

/// Moves every mention, form and evidence of person `from` to person `to`; `from` is marked
/// merged (empty name) and dropped when the extraction is compacted.
static void merge_person(State& st, int from, int to) {
    for (auto& list : st.mentions)
        for (auto& m : list)
            if (m.entity == from) m.entity = to;
    auto& src = st.ex.entities[static_cast<std::size_t>(from)];
    auto& dst = st.ex.entities[static_cast<std::size_t>(to)];
    dst.surface_forms.insert(src.surface_forms.begin(), src.surface_forms.end());
    for (const auto& ev : src.mentions)
        add_evidence(dst.mentions, ev);
    if (dst.role.empty()) dst.role = src.role;
    src.surface_forms.clear();
    src.mentions.clear();
    src.name.clear();
}

static int person_entity(State& st, const std::string& name) {
    return st.entity(EntityType::Person, name, "person:" + name_key(name));
}

/// "PORT ALDER" -> "Port Alder": lower case with each word's first letter upper (ASCII).
static std::string title_case(const std::string& upper) {
    std::string out = fold_case(upper);
    bool start = true;
    for (char& ch : out) {
        if (start && ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
        start = ch == ' ' || ch == '-';
    }
    return out;
}

void find_entities(State& st) {
    const auto& gz = st.gz;
    const std::size_t ns = st.doc.sentences.size();
    const std::string dateline = parse_header(st.doc.text).dateline_place;
    st.tokens.resize(ns);
    st.mentions.resize(ns);
    st.headline.resize(ns);
    st.title.resize(ns);
    for (std::size_t s = 0; s < ns; ++s) {
        st.tokens[s] = tokenize(st.doc.text, st.doc.sentences[s].begin, st.doc.sentences[s].end);
        st.headline[s] = looks_like_headline(st.tokens[s], st.doc.sentence_text(s));
        st.title[s] = st.headline[s];
        // A sentence-case title: one of the first lines, alone on its line, without final
        // punctuation ("Envoy hails island talks as \"useful\", but gaps remain").
        if (!st.title[s] && s < 3 && !st.tokens[s].empty() &&
            !ends_sentence_punct(st.tokens[s].back()) && !st.tokens[s].back().quote) {
            const auto& sent = st.doc.sentences[s];
            std::size_t e = sent.end;
            while (e < st.doc.text.size() && (st.doc.text[e] == ' ' || st.doc.text[e] == '\t'))
                ++e;
            const bool line_end =
                e >= st.doc.text.size() || st.doc.text[e] == '\n' || st.doc.text[e] == '\r';
            const bool line_start = sent.begin == 0 || st.doc.text[sent.begin - 1] == '\n';
            if (line_end && line_start && st.tokens[s].size() >= 4) st.title[s] = true;
        }
    }

    // Candidate proper-name sequences that no lexicon knows, per sentence: [first, last).
    struct Cand {
        std::size_t s, first, last;
    };
    std::vector<Cand> cands;
    // Known capitalized single words seen mid-sentence (to trust sentence-initial ones).
    std::unordered_set<std::string> mid_caps;
    for (std::size_t s = 0; s < ns; ++s) {
        const auto& toks = st.tokens[s];
        for (std::size_t i = 1; i < toks.size(); ++i)
            if (toks[i].cap && toks[i].word && !toks[i - 1].quote) mid_caps.insert(toks[i].text);
    }

    // Lexicon matches at each token, computed once: passes 0 and 1 ask for the same positions.
    std::vector<std::vector<std::uint8_t>> match_known(ns); // 0: not yet, 1: none, 2: found
    std::vector<std::vector<GazMatch>> match_found(ns);
    auto match_at = [&](std::size_t s, std::size_t i) -> std::optional<GazMatch> {
        const auto& toks = st.tokens[s];
        if (i >= toks.size() || !toks[i].word) return std::nullopt;
        auto& known = match_known[s];
        if (known.empty()) {
            known.assign(toks.size(), 0);
            match_found[s].resize(toks.size());
        }
        if (known[i] == 0) {
            const auto found = gz.match(toks, i);
            known[i] = found ? 2 : 1;
            if (found) match_found[s][i] = *found;
        }
        if (known[i] == 1) return std::nullopt;
        return match_found[s][i];
    };

    // Pass 0: a text never uses one name both as the state and as the city, so each metonym
    // surface is decided once per document by the majority of its uses (ties: the city).
    std::unordered_map<std::string, int> metonym_votes; // > 0: location, <= 0: the state
    for (std::size_t s = 0; s < ns; ++s) {
        const auto& toks = st.tokens[s];
        for (std::size_t i = 0; i < toks.size();) {
            auto m = match_at(s, i);
            if (!m) {
                ++i;
                continue;
            }
            if (m->kind == GazKind::Metonym) {
                const std::string prev = i > 0 ? toks[i - 1].lower : "";
                const std::string prev2 = i > 1 ? toks[i - 2].lower : "";
                const bool locative = is_locative(prev) || (is_article(prev) && is_locative(prev2));
                metonym_votes[st.span_text(s, i, i + m->length)] += locative ? 1 : -1;
            }
            i += m->length;
        }
    }
    for (auto& [k, v] : metonym_votes)
        if (v == 0) v = 1;

    // Pass 1: lexicon matches.
    for (std::size_t s = 0; s < ns; ++s) {
        const auto& toks = st.tokens[s];
        std::size_t i = 0;
        std::size_t last_match_end = 0;
        while (i < toks.size()) {
            auto m = match_at(s, i);
            if (!m) {
                ++i;
                continue;
            }
            const LexEntry& le = st.lex.entries[m->entry];
            const std::string surface = st.span_text(s, i, i + m->length);
            // "National Security Council": a lexicon name ("Security Council") right after an
            // unknown capitalized word is the end of a longer name the lexicon does not know.
            if (i > 0 && i > last_match_end && toks[i - 1].cap && toks[i - 1].word &&
                !toks[i - 1].upper && i - 1 > 0 && !st.trig("not_names", toks[i - 1].lower) &&
                m->kind == GazKind::Name && le.type != EntityType::Country) {
                ++i;
                continue;
            }
            // "Milan Radoičić", "Georgia Meloni": a place name followed by an unknown
            // capitalized word is a given name.
            if (m->length == 1 && m->kind == GazKind::Name && le.type == EntityType::Place &&
                i + 1 < toks.size() && toks[i + 1].cap && toks[i + 1].word && !toks[i + 1].upper &&
                !match_at(s, i + 1) && !st.trig("not_names", toks[i + 1].lower) &&
                !st.trig("place_heads", toks[i + 1].lower) &&
                !st.trig("org_heads", toks[i + 1].lower)) {
                ++i;
                continue;
            }
            const std::string prev = i > 0 ? toks[i - 1].lower : "";
            const std::string prev2 = i > 1 ? toks[i - 2].lower : "";
            const std::string next = i + m->length < toks.size() ? toks[i + m->length].lower : "";
            if (m->kind == GazKind::Demonym) {
                // "Ukrainian forces": an actor via its country, not a name.
                int e = st.entity(le.type, le.name, le.id, le.qid, le.id);
                st.mention(e, s, i, i + m->length, surface, false, true);
            } else if (m->kind == GazKind::Metonym) {
                // A capital or seat of government: the state, unless used as a location.
                const bool locative = metonym_votes[surface] > 0;
                const bool place_entry = m->place_entry >= 0;
                const bool city_like = place_entry || (m->length == 1 && toks[i].cap);
                if (locative && city_like) {
                    const LexEntry* pe =
                        place_entry ? &st.lex.entries[static_cast<std::size_t>(m->place_entry)]
                                    : nullptr;
                    std::string name = pe ? pe->name : surface;
                    if (!name.empty() && is_article(st.tokens[s][i].lower))
                        name = st.span_text(s, i + 1, i + m->length);
                    int e =
                        st.entity(EntityType::Place, name, pe ? pe->id : "place:" + name_key(name),
                                  pe ? pe->qid : "", pe ? pe->id : "");
                    st.mention(e, s, i, i + m->length, name);
                } else {
                    int e = st.entity(le.type, le.name, le.id, le.qid, le.id);
                    std::string form = surface;
                    if (is_article(toks[i].lower)) form = st.span_text(s, i + 1, i + m->length);
                    st.mention(e, s, i, i + m->length, form, true);
                }
            } else {
                int e = st.entity(le.type, le.name, le.id, le.qid, le.id);
                std::size_t len = m->length;
                // "the Donetsk region", "Kherson Oblast": the place itself.
                if (le.type == EntityType::Place && i + len < toks.size() &&
                    (toks[i + len].lower == "region" || toks[i + len].lower == "oblast" ||
                     toks[i + len].lower == "province"))
                    ++len;
                std::string form = st.span_text(s, i, i + len);
                if (is_article(toks[i].lower)) form = st.span_text(s, i + 1, i + len);
                st.mention(e, s, i, i + len, form);
                i += len - m->length;
            }
            (void)next;
            i += m->length;
            last_match_end = i;
        }
    }

    // Pass 2: capitalized sequences not covered by a lexicon match.
    auto has_org_head_in = [&](const std::vector<Token>& toks, std::size_t a, std::size_t b) {
        for (std::size_t k = a; k < b; ++k)
            if (toks[k].cap && st.trig("org_heads", toks[k].lower)) return true;
        return false;
    };
    std::vector<Cand> absorbed; // lexicon mentions that turned out to be part of a longer name
    for (std::size_t s = 0; s < ns; ++s) {
        const auto& toks = st.tokens[s];
        std::vector<bool> covered(toks.size(), false);
        for (const auto& m : st.mentions[s])
            for (std::size_t k = m.first; k < m.last; ++k)
                covered[k] = true;
        std::size_t i = 0;
        while (i < toks.size()) {
            const Token& t = toks[i];
            if (covered[i] || !t.word || !(t.cap || (t.lower.size() > 3 && particle(st, t))) ||
                t.digit) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < toks.size() && !covered[j]) {
                const Token& u = toks[j];
                if (u.word && u.cap && !u.digit) {
                    ++j;
                    continue;
                }
                // "al-Burhan", "el-Sisi": a lower-case particle joined to a capitalized name.
                if (u.word && j > i && u.text.size() > 3 && u.text[2] == '-' &&
                    (u.lower.rfind("al-", 0) == 0 || u.lower.rfind("el-", 0) == 0) &&
                    std::isupper(static_cast<unsigned char>(u.text[3]))) {
                    ++j;
                    continue;
                }
                // Connectors and name particles inside a name: "University of Florida",
                // "Ursula von der Leyen", "Mohammed bin Salman", "Coalition of the Willing".
                if (u.word && j > i && j + 1 < toks.size() &&
                    (particle(st, u) || u.lower == "of" || u.lower == "for" || u.lower == "and" ||
                     u.lower == "the" || u.lower == "in" || u.lower == "on")) {
                    std::size_t k = j + 1;
                    while (k < toks.size() && toks[k].word && !toks[k].cap &&
                           (particle(st, toks[k]) || toks[k].lower == "the"))
                        ++k;
                    if (k < toks.size() && toks[k].word && toks[k].cap && !covered[k] &&
                        !toks[k].digit) {
                        j = k;
                        continue;
                    }
                    // "University of Florida": an organization name running through a place
                    // the lexicon knows.
                    // "Coalition of Free Militias in Kordo": also through "in" a region
                    // (not a city: "the Council in Khartoum" is where it met).
                    bool region_in = false;
                    if (u.lower == "in" && k < toks.size() && covered[k])
                        for (const auto& m : st.mentions[s])
                            if (m.first == k && !m.demonym) {
                                const auto& me = st.ex.entities[static_cast<std::size_t>(m.entity)];
                                const LexEntry* le = st.lex.by_id(me.lexicon_id);
                                region_in = le && me.type == EntityType::Place &&
                                            (le->kind == "region" || le->kind == "province");
                            }
                    if (k < toks.size() && covered[k] && toks[k].cap &&
                        (u.lower == "of" || u.lower == "for" || region_in) &&
                        has_org_head_in(toks, i, j)) {
                        // "Federation of German Industries": also through a demonym that a
                        // capitalized word of the name follows.
                        for (const auto& m : st.mentions[s])
                            if (m.first == k &&
                                (!m.demonym || (m.last < toks.size() && toks[m.last].cap &&
                                                toks[m.last].word && !covered[m.last])))
                                j = m.last;
                        if (j > k) {
                            absorbed.push_back({s, k, j});
                            continue;
                        }
                    }
                }
                break;
            }
            if (j > i) cands.push_back({s, i, j});
            i = std::max(j, i + 1);
        }
    }

    // Classify each candidate; split runs joined by connectors when they are not one name.
    auto has_head = [&](const std::vector<Token>& toks, std::size_t a, std::size_t b,
                        const char* cat) {
        for (std::size_t k = a; k < b; ++k)
            if (toks[k].cap && st.trig(cat, toks[k].lower)) return true;
        return false;
    };
    auto is_not_name = [&](const Token& t) { return st.trig("not_names", t.lower); };

    std::vector<Cand> pieces;
    for (auto c : cands) {
        const auto& toks = st.tokens[c.s];
        // "Felix Baumgärtner of the Institute for ...": a name, then its organization. A
        // leading title ("State Secretary X of the Department ...") is not a head.
        const std::size_t named_from = c.first + role_at(gz, toks, c.first, c.last).first;
        for (std::size_t k = c.first + 1; k + 1 < c.last; ++k) {
            const auto& w = toks[k].lower;
            if (w != "of" && w != "from" && w != "at") continue;
            if (named_from < k && (has_head(toks, named_from, k, "org_heads") ||
                                   has_head(toks, named_from, k, "place_heads")))
                break;
            std::size_t r = k + 1;
            while (r < c.last && toks[r].lower == "the")
                ++r;
            if (r < c.last && has_head(toks, r, c.last, "org_heads") && k - c.first >= 2) {
                pieces.push_back({c.s, c.first, k});
                c.first = r;
            }
            break;
        }
        if (has_head(toks, c.first, c.last, "org_heads") ||
            has_head(toks, c.first, c.last, "place_heads")) {
            // "Vukovarska Ada and Sarengradska Ada": two places of the same kind, not one.
            std::size_t a = c.first;
            for (std::size_t k = c.first + 1; k + 1 < c.last; ++k)
                if (toks[k].lower == "and" && has_head(toks, k - 1, k, "place_heads") &&
                    has_head(toks, k + 1, c.last, "place_heads")) {
                    pieces.push_back({c.s, a, k});
                    a = k + 1;
                }
            pieces.push_back({c.s, a, c.last});
            continue;
        }
        // Split at connectors ("Macron and Starmer", "Berlin of Germany" never forms a name).
        std::size_t a = c.first;
        for (std::size_t k = c.first; k <= c.last; ++k) {
            const bool conn = k < c.last && toks[k].word && !toks[k].cap && !particle(st, toks[k]);
            if (k == c.last || conn) {
                if (k > a) pieces.push_back({c.s, a, k});
                a = k + 1;
            }
        }
    }

    // Last words of multi-word names and of office holders the lexicon knows: a later single
    // use of such a word is a surname.
    std::set<std::string> surnames;
    for (const auto& c : pieces) {
        const auto& toks = st.tokens[c.s];
        if (c.last - c.first >= 2 && !has_head(toks, c.first, c.last, "org_heads") &&
            !has_head(toks, c.first, c.last, "place_heads"))
            surnames.insert(toks[c.last - 1].text);
    }
    // (The holders' last words are `gz.holder_surname`, computed once per lexicon.)
    auto is_surname = [&](const std::string& w) {
        return surnames.count(w) > 0 || gz.holder_surname(w);
    };
    for (auto c : pieces) {
        auto& toks = st.tokens[c.s];
        // Drop leading words that are never names ("On", "The", "Monday").
        // A plural title ("Presidents Donald Trump and Xi Jinping") is no part of a name.
        auto plural_title = [&](const Token& t) {
            return t.lower.size() > 4 && t.lower.back() == 's' &&
                   gz.role_word(t.lower.substr(0, t.lower.size() - 1));
        };
        while (c.first < c.last && (is_not_name(toks[c.first]) || toks[c.first].lower == "the" ||
                                    (c.last - c.first > 1 && plural_title(toks[c.first]))))
            ++c.first;
        while (c.last > c.first && (is_not_name(toks[c.last - 1]) ||
                                    st.trig("person_particles", toks[c.last - 1].lower)))
            --c.last;
        if (c.first >= c.last) continue;
        // A title in front of a name is a role, not part of the name: "Presidential Envoy
        // Steve Witkoff", "Professor Andrew Michta", "Supreme Commander of NATO Forces".
        std::string lead_role;
        if (auto [rl, rt] = role_at(gz, toks, c.first, c.last);
            rl > 0 && rl < c.last - c.first && toks[c.first + rl].lower != "of") {
            c.first += rl; // "Secretary of State Marco Rubio"
            lead_role = rt;
        }
        if (!has_head(toks, c.first, c.last, "org_heads") &&
            !has_head(toks, c.first, c.last, "place_heads")) {
            std::size_t k = c.first;
            if (auto [rl, rt] = role_at(gz, toks, c.first, c.last);
                rl > 0 && rl < c.last - c.first) {
                k = c.first + rl;
                lead_role = rt;
            }
            while (k < c.last && gz.role_word(toks[k].lower))
                ++k;
            if (k > c.first) {
                if (!lead_role.empty()) {
                } else if (auto r = gz.role(st.span_text_lower(c.s, c.first, k)))
                    lead_role = *r;
                else if (auto [rl, rt] = role_before(st, gz, toks, k); rl > 0)
                    lead_role = rt;
                c.first = k;
            }
        } else {
            // "Supreme Commander of X Forces": drop "ROLE of".
            std::size_t k = c.first;
            while (k < c.last && gz.role_word(toks[k].lower))
                ++k;
            if (k > c.first && k + 1 < c.last && toks[k].lower == "of") {
                std::size_t r = k + 1;
                while (r < c.last && toks[r].lower == "the")
                    ++r;
                // Only when an organization name remains ("Supreme Commander of X Forces"),
                // not in "Office of the President".
                if (r < c.last && has_head(toks, r, c.last, "org_heads")) c.first = r;
            }
        }
        // "Prime Minister Sheikh X": an honorific after the title (only honorifics: "Vice
        // Premier He Lifeng" keeps the surname He).
        static const std::set<std::string> honorifics = {"sheikh", "sheik", "sheikha", "mr",
                                                         "mrs",    "ms",    "dr",      "sir"};
        while (c.first + 1 < c.last && honorifics.count(toks[c.first].lower))
            ++c.first;
        if (c.first >= c.last) continue;
        if (gz.role(st.span_text_lower(c.s, c.first, c.last))) continue; // "Professor"
        {
            bool all_upper = true;
            for (std::size_t k = c.first; k < c.last; ++k)
                all_upper &= toks[k].upper;
            // "PORT ALDER, 24 November 2025 —": the dateline's place, in title case.
            if (all_upper && c.s <= 2 && !dateline.empty() &&
                fold_case(st.span_text(c.s, c.first, c.last)) == fold_case(dateline)) {
                const std::string name = title_case(st.span_text(c.s, c.first, c.last));
                int e = -1;
                bool other = false; // "UNITED NATIONS, Feb 24": the body's seat, no new place
                for (const LexEntry* le : st.lex.find_names(name)) {
                    if (le->type == EntityType::Place && e < 0)
                        e = st.entity(le->type, le->name, le->id, le->qid, le->id);
                    other |= le->type != EntityType::Place;
                }
                if (e < 0 && other) continue;
                if (e < 0) e = st.entity(EntityType::Place, name, "place:" + name_key(name));
                st.mention(e, c.s, c.first, c.last, name);
                continue;
            }
            if (all_upper && c.last - c.first >= 2) continue; // "ABU DHABI" datelines
        }
        const std::size_t n = c.last - c.first;
        const bool sentence_initial = c.first == 0 || (c.first == 1 && toks[0].quote);
        const std::string text = st.span_text(c.s, c.first, c.last);
        const std::string prev = c.first > 0 ? toks[c.first - 1].lower : "";
        const std::string prev2 = c.first > 1 ? toks[c.first - 2].lower : "";

        // "Caspian Ledger", "Asia Daily": a known place right before a lone head word is part of
        // the name (handled with the organizations below).
        bool place_before = false;
        for (const auto& m : st.mentions[c.s])
            place_before |=
                m.last == c.first && !m.demonym && toks[m.first].cap &&
                st.ex.entities[static_cast<std::size_t>(m.entity)].type == EntityType::Place;
        if (n == 1 && !place_before && has_head(toks, c.first, c.last, "org_heads")) {
            // "the Association" after "the Association of Serb-majority Municipalities".
            int e = -1;
            for (std::size_t k = 0; k < st.ex.entities.size(); ++k) {
                const auto& oe = st.ex.entities[k];
                if (oe.type == EntityType::Organization && oe.name.size() > text.size() &&
                    oe.name.rfind(text + " ", 0) == 0)
                    e = static_cast<int>(k);
            }
            if (e >= 0) st.mention(e, c.s, c.first, c.last, "");
            continue;
        }
        // Hyphenated compounds of known names ("NATO-EU Forces") name those, not a new body.
        {
            bool compound = false;
            for (std::size_t k = c.first; k < c.last && !compound; ++k) {
                const auto& w = toks[k].text;
                const auto dash = w.find('-');
                if (dash == std::string::npos) continue;
                auto parts = tokenize(w, 0, dash);
                auto rest = tokenize(w, dash + 1, w.size());
                if (parts.size() == 1 && rest.size() == 1 && gz.match(parts, 0) &&
                    gz.match(rest, 0)) {
                    compound = true;
                    for (auto* part : {&parts, &rest}) {
                        auto m = gz.match(*part, 0);
                        const LexEntry& le = st.lex.entries[m->entry];
                        int e = st.entity(le.type, le.name, le.id, le.qid, le.id);
                        auto& de = st.ex.entities[static_cast<std::size_t>(e)];
                        de.surface_forms.insert(part->front().text);
                        add_evidence(de.mentions,
                                     st.evidence(c.s, k, k + 1, "entity.compound", 0.8));
                    }
                }
            }
            if (compound) continue;
        }
        if (has_head(toks, c.first, c.last, "org_heads")) {
            // Organization: "National Security and Defense Council", "University of Florida".
            // A place the lexicon knows right before it is part of the name ("Asia Business
            // Daily").
            for (const auto& m : st.mentions[c.s])
                if (m.last == c.first && !m.demonym && toks[m.first].cap &&
                    st.ex.entities[static_cast<std::size_t>(m.entity)].type == EntityType::Place) {
                    absorbed.push_back({c.s, m.first, m.last});
                    c.first = m.first;
                    break;
                }
            for (const auto& a : absorbed)
                if (a.s == c.s && a.first >= c.first && a.last <= c.last)
                    st.unmention(a.s, a.first, a.last);
            const std::string org = st.span_text(c.s, c.first, c.last);
            int e = st.entity(EntityType::Organization, org, "org:" + name_key(org));
            st.mention(e, c.s, c.first, c.last, org);
            continue;
        }
        if (has_head(toks, c.first, c.last, "place_heads")) {
            int e = st.entity(EntityType::Place, text, "place:" + name_key(text));
            st.mention(e, c.s, c.first, c.last, text);
            continue;
        }
        auto [rlen, role] = role_before(st, gz, toks, c.first);
        if (rlen == 0 && !lead_role.empty()) {
            rlen = 1;
            role = lead_role;
        }
        if (n == 1) {
            const Token& t = toks[c.first];
            if (t.upper) {
                // An acronym no lexicon knows: an organization when defined in parentheses
                // after a name ("Rapid Support Forces (RSF)"), handled below, or when set
                // between commas after a description of a body ("a UN peacekeeping force,
                // UNFICYP, still patrols"); else skip.
                static const std::unordered_set<std::string> bodies = {
                    "force",     "mission",      "agency",       "group",    "body",
                    "operation", "organization", "organisation", "alliance", "coalition",
                    "militia",   "movement",     "committee",    "council",  "bloc",
                    "office",    "commission",   "party",        "army",     "company"};
                if (t.text.size() >= 3 && prev == "," && prev2 != "" && bodies.count(prev2) &&
                    c.last < toks.size() && toks[c.last].text == ",") {
                    int e = st.entity(EntityType::Organization, text, "org:" + name_key(text));
                    st.mention(e, c.s, c.first, c.last, text);
                }
                continue;
            }
            if (sentence_initial && !mid_caps.count(t.text) && rlen == 0) continue;
            if (st.headline[c.s] && rlen == 0) continue;
            if (rlen > 0) {
                int e = person_entity(st, text);
                st.mention(e, c.s, c.first, c.last, text);
                auto& pe = st.ex.entities[static_cast<std::size_t>(e)];
                if (pe.role.empty()) pe.role = role;
                continue;
            }
            // Unknown single word: a place after a locative preposition, else left for the
            // surname pass below (a surname of a person named in full is never a place).
            if (is_surname(t.text)) continue;
            // "the summit at Lake Ostrel, Austria, in 2019": a place of that country.
            {
                bool of_country = false;
                if (c.last + 1 < toks.size() && toks[c.last].text == ",")
                    for (const auto& m : st.mentions[c.s])
                        if (m.first == c.last + 1 && !m.demonym &&
                            st.ex.entities[static_cast<std::size_t>(m.entity)].type ==
                                EntityType::Country &&
                            (m.last >= toks.size() || toks[m.last].text == "," ||
                             toks[m.last].text == "." || toks[m.last].text == ")"))
                            of_country = true;
                // "checkpoints at Verna, Koliba and Drest": a list after a locative.
                bool listed = false;
                {
                    std::size_t k = c.first;
                    while (k >= 2 && (toks[k - 1].text == "," || toks[k - 1].lower == "and") &&
                           toks[k - 2].cap && !toks[k - 2].upper)
                        k -= 2;
                    listed = k < c.first && k >= 1 && is_locative(toks[k - 1].lower) &&
                             toks[k - 1].lower != "for" && toks[k - 1].lower != "to";
                }
                if ((of_country && (is_locative(prev) || prev == "," || prev == "and")) || listed) {
                    int e = st.entity(EntityType::Place, text, "place:" + name_key(text));
                    st.mention(e, c.s, c.first, c.last, text);
                    continue;
                }
            }
            if (t.text.find('-') != std::string::npos) continue; // "German-language"
            if (is_locative(prev) || (is_article(prev) && is_locative(prev2))) {
                if (prev == "for" || prev == "to") continue;
                int e = st.entity(EntityType::Place, text, "place:" + name_key(text));
                st.mention(e, c.s, c.first, c.last, text);
            }
            continue;
        }
        if (st.headline[c.s] && rlen == 0) continue;
        // "Basic Agreement", "Ceasefire Agreement", "Peace Plan": documents, not persons.
        if (st.trig("proposal_heads", toks[c.last - 1].lower) ||
            st.trig("not_person_heads", toks[c.last - 1].lower))
            continue;
        // Hyphenated compounds of known names ("NATO-EU Forces") are not new names.
        // Several capitalized words right after "at"/"in" and without a title: a venue.
        if (rlen == 0 && (prev == "at" || prev == "in" || prev == "near" ||
                          (prev == "the" && (prev2 == "at" || prev2 == "in")))) {
            int e = st.entity(EntityType::Place, text, "place:" + name_key(text));
            st.mention(e, c.s, c.first, c.last, text);
            continue;
        }
        // Several capitalized words without org/place heads: a person's name.
        int e = person_entity(st, text);
        st.mention(e, c.s, c.first, c.last, text);
        auto& pe = st.ex.entities[static_cast<std::size_t>(e)];
        if (pe.role.empty() && rlen > 0) pe.role = role;
    }

    // A capitalized word no lexicon knows, used with an article at least once and twice
    // mid-sentence, names a body: "the so-called Trio", "the Trio published its plan".
    {
        std::unordered_map<std::string, std::pair<int, int>> uses; // word -> (mid, after "the")
        auto covered_at = [&](std::size_t s, std::size_t i) {
            for (const auto& m : st.mentions[s])
                if (i >= m.first && i < m.last) return true;
            return false;
        };
        for (std::size_t s = 0; s < ns; ++s) {
            const auto& toks = st.tokens[s];
            if (st.headline[s]) continue;
            for (std::size_t i = 1; i + 1 < toks.size(); ++i) {
                const auto& t = toks[i];
                if (!t.word || !t.cap || t.upper || t.digit || covered_at(s, i)) continue;
                if (toks[i + 1].cap && toks[i + 1].word) continue; // part of a longer name
                if (toks[i - 1].cap && toks[i - 1].word && toks[i - 1].lower != "the") continue;
                if (st.trig("not_names", t.lower) || gz.role_word(t.lower) || is_surname(t.text))
                    continue;
                auto& u = uses[t.text];
                ++u.first;
                if (toks[i - 1].lower == "the" || toks[i - 1].lower == "so-called") ++u.second;
            }
        }
        for (std::size_t s = 0; s < ns; ++s) {
            const auto& toks = st.tokens[s];
            for (std::size_t i = 0; i < toks.size(); ++i) {
                auto it = uses.find(toks[i].text);
                if (it == uses.end() || it->second.first < 2 || it->second.second < 1) continue;
                if (!toks[i].cap || covered_at(s, i)) continue;
                int e = st.entity(EntityType::Organization, toks[i].text,
                                  "org:" + name_key(toks[i].text));
                st.mention(e, s, i, i + 1, toks[i].text);
            }
        }
    }
    // Acronyms defined in parentheses: "Rapid Support Forces (RSF)" -> alias.
    for (std::size_t s = 0; s < ns; ++s) {
        auto& toks = st.tokens[s];
        for (std::size_t i = 1; i + 2 < toks.size(); ++i) {
            if (toks[i].text != "(" || !toks[i + 1].upper || toks[i + 2].text != ")") continue;
            for (const auto& m : st.mentions[s]) {
                if (m.last != i || m.demonym) continue;
                auto& ent = st.ex.entities[static_cast<std::size_t>(m.entity)];
                if (ent.type != EntityType::Organization) break;
                st.entity_by_key.emplace("acronym:" + toks[i + 1].text, m.entity);
                st.mention(m.entity, s, i + 1, i + 2, toks[i + 1].text);
                break;
            }
        }
    }
    // Later uses of a defined acronym.
    for (std::size_t s = 0; s < ns; ++s) {
        auto& toks = st.tokens[s];
        for (std::size_t i = 0; i < toks.size(); ++i) {
            if (!toks[i].upper) continue;
            auto it = st.entity_by_key.find("acronym:" + toks[i].text);
            if (it == st.entity_by_key.end()) continue;
            bool covered = false;
            for (const auto& m : st.mentions[s])
                covered |= (i >= m.first && i < m.last);
            if (!covered) st.mention(it->second, s, i, i + 1, toks[i].text);
        }
    }

    // Surnames and given names of persons named in full refer back to them ("Zelensky").
    std::map<std::string, std::set<int>> by_part;
    for (std::size_t e = 0; e < st.ex.entities.size(); ++e) {
        const auto& ent = st.ex.entities[e];
        if (ent.type != EntityType::Person) continue;
        auto toks = tokenize(ent.name, 0, ent.name.size());
        if (toks.size() < 2) continue;
        by_part[toks.back().text].insert(static_cast<int>(e));
        // "al-Burhan" is also "Burhan".
        const std::string& last = toks.back().text;
        if (last.size() > 3 && last[2] == '-' &&
            (last.rfind("al-", 0) == 0 || last.rfind("el-", 0) == 0))
            by_part[last.substr(3)].insert(static_cast<int>(e));
    }
    // Known office holders: "Putin" -> Vladimir Putin when the lexicon knows him.
    const auto& holder_surnames = gz.holder_surnames();
    // The name keys of the parts, computed once (in the order of `by_part`).
    std::vector<std::pair<std::string, const std::set<int>*>> part_keys;
    part_keys.reserve(by_part.size());
    for (const auto& [part, ids] : by_part)
        part_keys.emplace_back(name_key(part), &ids);
    for (std::size_t s = 0; s < ns; ++s) {
        auto& toks = st.tokens[s];
        for (std::size_t i = 0; i < toks.size(); ++i) {
            if (!toks[i].cap || !toks[i].word) continue;
            bool covered = false;
            for (const auto& m : st.mentions[s])
                covered |= (i >= m.first && i < m.last);
            if (covered) continue;
            // A single-word person already known as a single word keeps its own entity.
            auto it = by_part.find(toks[i].text);
            int e = -1;
            if (it != by_part.end() && it->second.size() == 1) e = *it->second.begin();
            std::string key; // name_key of the token, when needed
            if (e < 0) {
                key = name_key(toks[i].text);
                auto ke = st.entity_by_key.find("person:" + key);
                if (ke != st.entity_by_key.end()) e = ke->second;
            }
            // "Zelenski met ..." after "Volodimir Zelensky": a spelling variant of the one
            // surname of the text it is one letter away from.
            if (e < 0 && it == by_part.end() && toks[i].text.size() >= 6 &&
                !st.trig("not_names", toks[i].lower)) {
                int found = -1, n = 0;
                for (const auto& [pk, ids] : part_keys) {
                    if (pk.size() < 6 || pk[0] != key[0] || edit_distance(pk, key) > 1) continue;
                    for (int id : *ids)
                        if (id != found) found = id, ++n;
                }
                if (n == 1) e = found;
            }
            if (e < 0) {
                auto hs = holder_surnames.find(toks[i].text);
                if (hs != holder_surnames.end()) {
                    e = person_entity(st, hs->second->person);
                    auto& pe = st.ex.entities[static_cast<std::size_t>(e)];
                    if (pe.qid.empty()) pe.qid = hs->second->qid;
                }
            }
            if (e < 0) {
                // An unknown single capitalized word used as a speaker or subject:
                // "Medinsky said", "said Zelenskyy".
                const std::string next = i + 1 < toks.size() ? toks[i + 1].lower : "";
                const std::string prev = i > 0 ? toks[i - 1].lower : "";
                if ((st.trig("speech_verbs", next) || st.trig("speech_verbs", prev)) &&
                    !st.trig("not_names", toks[i].lower) && !st.headline[s] &&
                    !gz.role_word(toks[i].lower) && !gz.role(toks[i].lower) &&
                    (i > 0 || mid_caps.count(toks[i].text))) {
                    e = person_entity(st, toks[i].text);
                }
            }
            if (e < 0) continue;
            st.mention(e, s, i, i + 1, toks[i].text);
        }
    }

    // "Al Suwaidi" after "Hamad Al Suwaidi": a shorter name ending a longer one is that person
    // (case aside: "Von der Leyen" opening a sentence after "Ursula von der Leyen").
    for (std::size_t e = 0; e < st.ex.entities.size(); ++e) {
        auto& ent = st.ex.entities[e];
        if (ent.type != EntityType::Person || ent.name.empty()) continue;
        const std::string tail = fold_case(" " + ent.name);
        int target = -1, count = 0;
        for (std::size_t o = 0; o < st.ex.entities.size(); ++o) {
            const auto& oe = st.ex.entities[o];
            if (o == e || oe.type != EntityType::Person || oe.name.size() <= tail.size()) continue;
            const std::string other = fold_case(oe.name);
            if (other.size() > tail.size() &&
                other.compare(other.size() - tail.size(), tail.size(), tail) == 0) {
                target = static_cast<int>(o);
                ++count;
            }
        }
        if (count != 1 || ent.name.find(' ') == std::string::npos) continue;
        merge_person(st, static_cast<int>(e), target);
    }
    // A person known only by surname merges into the one full name that ends with it.
    for (std::size_t e = 0; e < st.ex.entities.size(); ++e) {
        auto& ent = st.ex.entities[e];
        if (ent.type != EntityType::Person || ent.name.find(' ') != std::string::npos) continue;
        auto it = by_part.find(ent.name);
        if (it == by_part.end() || it->second.size() != 1) continue;
        const int target = *it->second.begin();
        if (target == static_cast<int>(e)) continue;
        merge_person(st, static_cast<int>(e), target);
    }

    // Roles and affiliations: "German Chancellor Friedrich Merz", "Rustem Umerov, secretary of
    // the National Security and Defense Council", "the President of Chile Ana Ruiz".
    for (std::size_t s = 0; s < ns; ++s) {
        auto& toks = st.tokens[s];
        for (const auto& m : st.mentions[s]) {
            if (m.entity < 0 || m.demonym || m.descriptive) continue;
            auto& pe = st.ex.entities[static_cast<std::size_t>(m.entity)];
            if (pe.type != EntityType::Person) continue;
            // Title before the name, with "of COUNTRY" or a demonym before it.
            std::size_t end = m.first;
            int aff = -1;
            // "the President of Chile Ana Ruiz": of + actor right before the name.
            for (const auto& a : st.mentions[s]) {
                if (a.last == end && a.entity != m.entity && is_actor_entity(st, a.entity) &&
                    st.ex.entities[static_cast<std::size_t>(a.entity)].type != EntityType::Person &&
                    a.first >= 2 && toks[a.first - 1].lower == "of") {
                    auto [rl, role] = role_before(st, gz, toks, a.first - 1);
                    if (rl > 0) {
                        if (pe.role.empty()) pe.role = role;
                        aff = a.entity;
                    }
                }
            }
            auto [rl, role] = role_before(st, gz, toks, end);
            if (rl > 0) {
                if (pe.role.empty()) pe.role = role;
                if (aff < 0) aff = affiliation_before(st, gz, s, end - rl);
                // "Al Jazeera's Audrey MacAlpine".
            } else if (aff < 0 && end > 0 && toks[end - 1].lower == "'s") {
                aff = affiliation_before(st, gz, s, end);
            }
            // Apposition: "NAME, (the) [X's] ROLE (of|for ORG)".
            if (m.last + 1 < toks.size() && toks[m.last].text == ",") {
                std::size_t k = m.last + 1;
                std::size_t limit = std::min(toks.size(), k + 9);
                int app_aff = -1;
                for (std::size_t q = k; q < limit; ++q) {
                    if (toks[q].text == "," || toks[q].text == "." || toks[q].lower == "who" ||
                        toks[q].lower == "said")
                        break;
                    for (const auto& a : st.mentions[s])
                        if (a.first == q && is_actor_entity(st, a.entity) &&
                            st.ex.entities[static_cast<std::size_t>(a.entity)].type !=
                                EntityType::Person &&
                            app_aff < 0)
                            app_aff = a.entity;
                    auto [al, arole] = role_at(gz, toks, q, limit);
                    if (al > 0) {
                        if (pe.role.empty()) pe.role = arole;
                        // "secretary of the National Security and Defense Council".
                        std::size_t after = q + al;
                        if (after < toks.size() &&
                            (toks[after].lower == "of" || toks[after].lower == "for" ||
                             toks[after].lower == "at")) {
                            for (const auto& a : st.mentions[s])
                                if (a.first >= after + 1 && a.first <= after + 2 &&
                                    is_actor_entity(st, a.entity) && a.entity != m.entity &&
                                    st.ex.entities[static_cast<std::size_t>(a.entity)].type !=
                                        EntityType::Person) {
                                    app_aff = a.entity;
                                    break;
                                }
                        }
                        if (aff < 0) aff = app_aff;
                        break;
                    }
                }
            }
            // "Professor Lena Ortiz from the University of Leeds".
            if (aff < 0 && m.last + 1 < toks.size() &&
                (toks[m.last].lower == "from" || toks[m.last].lower == "of")) {
                for (const auto& a : st.mentions[s])
                    if (a.first >= m.last + 1 && a.first <= m.last + 2 &&
                        st.ex.entities[static_cast<std::size_t>(a.entity)].type ==
                            EntityType::Organization) {
                        aff = a.entity;
                        break;
                    }
            }
            if (aff >= 0 && pe.affiliation < 0 && aff != m.entity) pe.affiliation = aff;
        }
    }

    // Office holders the lexicon knows get their role and country when the text gives none.
    // (Entities are addressed by index: `st.entity` may grow the vector.)
    const auto& holders = gz.holders_by_key();
    for (std::size_t e = 0; e < st.ex.entities.size(); ++e) {
        if (st.ex.entities[e].type != EntityType::Person || st.ex.entities[e].name.empty())
            continue;
        const std::string key = name_key(st.ex.entities[e].name);
        auto [from, to] = holders.equal_range(key);
        for (auto it = from; it != to; ++it) {
            const RoleEntry& r = *it->second.first;
            const RoleHolder& h = *it->second.second;
            if (st.ex.entities[e].qid.empty()) st.ex.entities[e].qid = h.qid;
            if (st.ex.entities[e].role.empty()) st.ex.entities[e].role = r.title;
            if (st.ex.entities[e].affiliation < 0 && !h.country.empty()) {
                if (const LexEntry* le = st.lex.by_id(h.country)) {
                    const int a = st.entity(le->type, le->name, le->id, le->qid, le->id);
                    st.ex.entities[e].affiliation = a;
                }
            }
        }
    }
}

} // namespace parley::extract
