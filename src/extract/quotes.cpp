// Quotations (straight, curly and guillemets; split by "he said"; multi-sentence) and their
// speakers, plus the reference helpers (pronouns, descriptions, clause subjects).
#include "core/text.hpp"
#include "extract/gazetteer.hpp"
#include "extract/internal.hpp"

#include <algorithm>

namespace parley::extract {

namespace {

/// Does a mention that modifies something else (a possessor, a title's affiliation: "France's
/// Prime Minister", "M23 spokesman") start at token `k` of sentence `s`?
bool modifier_at(const State& st, std::size_t s, std::size_t k) {
    for (const auto& m : st.mentions[s])
        if (m.first == k && is_modifier(st, s, m)) return true;
    return false;
}

bool is_pronoun(const std::string& w) {
    return w == "he" || w == "she" || w == "his" || w == "her" || w == "him";
}

/// Byte-level scan for quotation marks, paired within a paragraph (a line).
std::vector<QuoteSpan> scan_quotes(const std::string& text) {
    std::vector<QuoteSpan> out;
    std::size_t line_start = 0;
    while (line_start < text.size()) {
        std::size_t line_end = text.find('\n', line_start);
        if (line_end == std::string::npos) line_end = text.size();
        // Marks in this line: position, byte length and kind (0 straight, 1 open, 2 close).
        struct Mark {
            std::size_t pos, len;
            int kind;
        };
        std::vector<Mark> marks;
        for (std::size_t i = line_start; i < line_end; ++i) {
            const unsigned char c = static_cast<unsigned char>(text[i]);
            if (c == '"') {
                marks.push_back({i, 1, 0});
            } else if (c == 0xE2 && i + 2 < line_end &&
                       static_cast<unsigned char>(text[i + 1]) == 0x80) {
                const unsigned char d = static_cast<unsigned char>(text[i + 2]);
                if (d == 0x9C || d == 0x9E) marks.push_back({i, 3, 1}); // “ „
                if (d == 0x9D) marks.push_back({i, 3, 2});              // ”
            } else if (c == 0xC2 && i + 1 < line_end) {
                const unsigned char d = static_cast<unsigned char>(text[i + 1]);
                if (d == 0xAB) marks.push_back({i, 2, 1}); // «
                if (d == 0xBB) marks.push_back({i, 2, 2}); // »
            }
        }
        std::size_t k = 0;
        while (k < marks.size()) {
            const Mark& a = marks[k];
            if (a.kind == 2) {
                ++k;
                continue;
            }
            // Find the closing mark: the next straight mark for a straight opener, the next
            // closing mark for a curly one (a stray opener without a closer opens nothing).
            std::size_t j = k + 1;
            while (j < marks.size()) {
                if (a.kind == 0 && marks[j].kind == 0) break;
                if (a.kind == 1 && marks[j].kind == 2) break;
                if (a.kind == 1 && marks[j].kind == 1) {
                    j = marks.size(); // a second opener before a closer: the first is stray
                    break;
                }
                ++j;
            }
            if (j >= marks.size() && a.kind == 1) {
                // A curly quotation may run over one line break ("…guarantees.\nYet, …”).
                const std::size_t nl_end = text.find('\n', line_end + 1);
                const std::size_t next_end = nl_end == std::string::npos ? text.size() : nl_end;
                const std::size_t close = text.find("\u201D", line_end);
                const std::size_t reopen = text.find("\u201C", line_end);
                if (close != std::string::npos && close < next_end &&
                    (reopen == std::string::npos || reopen > close)) {
                    QuoteSpan q;
                    q.open = a.pos;
                    q.close = close;
                    q.begin = a.pos + a.len;
                    q.end = close;
                    out.push_back(q);
                    line_end = next_end; // the next line is consumed
                    break;
                }
            }
            if (j >= marks.size()) {
                ++k;
                continue;
            }
            QuoteSpan q;
            q.open = a.pos;
            q.close = marks[j].pos;
            q.begin = a.pos + a.len;
            q.end = marks[j].pos;
            if (q.end > q.begin) out.push_back(q);
            k = j + 1;
        }
        line_start = line_end + 1;
    }
    return out;
}

/// Token index in sentence `s` of the first token starting at or after byte `pos`.
std::size_t token_at(const State& st, std::size_t s, std::size_t pos) {
    const auto& toks = st.tokens[s];
    auto it = std::lower_bound(toks.begin(), toks.end(), pos,
                               [](const Token& t, std::size_t p) { return t.begin < p; });
    return static_cast<std::size_t>(std::distance(toks.begin(), it));
}

int mention_entity_at(const State& st, std::size_t s, std::size_t i, bool allow_demonym) {
    for (const auto& m : st.mentions[s])
        if (i >= m.first && i < m.last && (allow_demonym || !m.demonym)) return m.entity;
    return -1;
}

} // namespace

int last_person(const State& st, std::size_t s, std::size_t i) {
    // The nearest person before token i in this sentence...
    int best = -1;
    const auto& toks = st.tokens[s];
    for (const auto& m : st.mentions[s]) {
        // "Sørensen, he said, ...": a fronted name is not what the pronoun refers to.
        if (m.last + 1 == i && i < toks.size() && toks[m.last].text == ",") continue;
        if (m.last <= i && !m.demonym && !m.in_quote &&
            st.ex.entities[static_cast<std::size_t>(m.entity)].type == EntityType::Person)
            best = m.entity;
    }
    if (best >= 0) return best;
    // ... else the first (subject) person of the nearest earlier sentence that has one.
    for (std::size_t back = 1; back <= 4 && back <= s; ++back) {
        for (const auto& m : st.mentions[s - back])
            if (!m.demonym && !m.in_quote &&
                st.ex.entities[static_cast<std::size_t>(m.entity)].type == EntityType::Person)
                return m.entity;
    }
    return -1;
}

namespace {

/// The person a description "[AFFILIATION] ROLE" starting at token k of sentence s refers to:
/// the most recently mentioned person with that role (and affiliation); an exact role beats a
/// longer one containing it ("prime minister" vs "first deputy prime minister"). When nobody
/// before fits, a person named in the next few sentences with that role and affiliation (a
/// lead "Chile's army chief has turned down ..." names the general only later). `before` is
/// the token position the search starts from. Returns -1 when the tokens are no description.
int described_person(const State& st, std::size_t s, std::size_t k, int affiliation,
                     std::size_t before) {
    const auto& toks = st.tokens[s];
    if (affiliation < 0 && k < toks.size()) {
        int e = mention_entity_at(st, s, k, true);
        if (e >= 0 && st.ex.entities[static_cast<std::size_t>(e)].type != EntityType::Person) {
            affiliation = e;
            while (k < toks.size() && mention_entity_at(st, s, k, true) == e)
                ++k;
        }
    }
    std::string role;
    std::size_t rlen = 0;
    for (std::size_t n = std::min<std::size_t>(3, toks.size() - std::min(k, toks.size()));
         n >= 1 && k + n <= toks.size(); --n) {
        std::string key;
        for (std::size_t q = k; q < k + n; ++q)
            key += (key.empty() ? "" : " ") + toks[q].lower;
        if (auto r = st.gz.role(key)) {
            role = *r;
            rlen = n;
            break;
        }
        if (n == 1 && (key == "leader" || key == "chief" || key == "negotiator")) {
            role = key;
            rlen = 1;
            break;
        }
        // "army chief", "military leader": a chief of a named side.
        if (n == 2 && affiliation >= 0 &&
            (toks[k + n - 1].lower == "chief" || toks[k + n - 1].lower == "leader")) {
            role = toks[k + n - 1].lower;
            rlen = 2;
            break;
        }
    }
    if (rlen == 0) return -1;
    const std::string want = fold_case(role);
    const bool generic = want == "chief" || want == "leader" || want.ends_with(" chief") ||
                         want.ends_with(" leader");
    auto fits = [&](const DocEntity& pe, int pass) {
        if (pe.type != EntityType::Person || pe.name.empty()) return false;
        const std::string have = fold_case(pe.role);
        // An envoy may be titled "Special Representative" or "mediator".
        const bool envoy_like =
            want == "envoy" && (have.find("representative") != std::string::npos ||
                                have.find("mediator") != std::string::npos);
        const bool role_ok =
            want == "leader" || want == "chief" ||
            (pass == 0 ? have == want : have.find(want) != std::string::npos || envoy_like);
        const bool aff_ok = affiliation < 0 || pe.affiliation == affiliation;
        return role_ok && aff_ok;
    };
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t back = 0; back <= s && back <= 30; ++back) {
            const std::size_t ss = s - back;
            for (auto it = st.mentions[ss].rbegin(); it != st.mentions[ss].rend(); ++it) {
                if (back == 0 && it->first >= before) continue;
                if (fits(st.ex.entities[static_cast<std::size_t>(it->entity)], pass))
                    return it->entity;
            }
        }
    }
    // Forward, only for a description tied to a side ("Chile's army chief"), which names one
    // person; a bare "the envoy" may be anyone's.
    if (affiliation < 0) return -1;
    for (int pass = 0; pass < 2; ++pass)
        for (std::size_t ss = s; ss < st.mentions.size() && ss <= s + 8; ++ss)
            for (const auto& m : st.mentions[ss]) {
                if (ss == s && m.first < before) continue;
                if (m.descriptive) continue;
                const auto& pe = st.ex.entities[static_cast<std::size_t>(m.entity)];
                if (fits(pe, pass)) return m.entity;
                // "Chile's army chief ... General X said": the first titled person named
                // after a generic "chief"/"leader", unless tied to another country.
                if (pass == 1 && generic && pe.type == EntityType::Person && !pe.role.empty() &&
                    (pe.affiliation < 0 ||
                     st.ex.entities[static_cast<std::size_t>(pe.affiliation)].type !=
                         EntityType::Country))
                    return m.entity;
            }
    return -1;
}

/// First words of a parenthetical between commas that is not the subject: "X, led by Y,
/// said", "X, the Kremlin aide, said".
const std::set<std::string>& parenthetical_opens() {
    static const std::set<std::string> s = {
        "led", "headed", "better", "known",    "flanked", "accompanied", "backed",
        "who", "whose",  "a",      "an",       "the",     "speaking",    "also",
        "now", "then",   "once",   "formerly", "chaired", "joined"};
    return s;
}

} // namespace

int resolve_reference(const State& st, std::size_t s, std::size_t i) {
    const auto& toks = st.tokens[s];
    if (i >= toks.size()) return -1;
    if (is_pronoun(toks[i].lower)) return last_person(st, s, i);
    if (toks[i].lower != "the") return -1;
    // "the Ukrainian president", "the Russian leader", "the Kosovo prime minister",
    // "the general", "the envoy", "the UN chief".
    return described_person(st, s, i + 1, -1, i);
}

namespace {
int subject_at(const State& st, std::size_t s, std::size_t verb, int depth);
}

int subject_actor(const State& st, std::size_t s, std::size_t verb) {
    return subject_at(st, s, verb, 0);
}

namespace {

/// A verb form a coordinated predicate may share its subject with ("presented ... and
/// demanded"): a past form or a listed speech or stance verb.
bool verb_like(const State& st, const Token& t) {
    const auto& w = t.lower;
    if (!t.word || t.cap) return false;
    static const std::set<std::string> irregular = {"met",  "held", "spoke", "took", "made",
                                                    "gave", "sent", "began", "left", "won"};
    return (w.size() > 4 && w.ends_with("ed")) || irregular.count(w) ||
           st.trig("speech_verbs", w) || st.trig("stance_support", w) ||
           st.trig("stance_demand", w) || st.trig("stance_oppose", w) ||
           st.trig("stance_reject", w) || st.trig("stance_propose", w);
}

int subject_at(const State& st, std::size_t s, std::size_t verb, int depth) {
    const auto& toks = st.tokens[s];
    // "X, talking after a session of Y in Z, said": skip the apposition between commas.
    std::size_t from = verb;
    if (from >= 2 && toks[from - 1].text == ",") {
        std::size_t k = from - 1;
        while (k > 0 && toks[k - 1].text != "," && !toks[k - 1].quote)
            --k;
        if (k > 0 && toks[k - 1].text == ",") from = k - 1;
        // "The militia, led by X, known locally as Y, replied": further
        // parentheticals, recognised by how they open (a participle, a relative pronoun,
        // an article or a title), are skipped as well; "In Berlin, Zelensky, ..." stops.
        const auto& opens = parenthetical_opens();
        while (from >= 2 && toks[from].text == ",") {
            std::size_t j = from;
            while (j > 0 && toks[j - 1].text != "," && !toks[j - 1].quote)
                --j;
            if (j == 0 || toks[j - 1].text != "," || j >= from) break;
            if (!opens.count(toks[j].lower) && !st.gz.role_word(toks[j].lower)) break;
            from = j - 1;
        }
    }
    // "Merz received Sandu on Wednesday and promised ...": a second predicate of the same
    // subject (the verb after "and" with no actor right before it) belongs to the sentence's
    // first actor.
    // "... but would never accept X": auxiliaries and adverbs between the conjunction and the
    // verb.
    std::size_t cv = verb;
    {
        static const std::set<std::string> aux = {"would", "will", "could", "should", "never",
                                                  "not",   "also", "has",   "have",   "had",
                                                  "did",   "does", "then",  "later",  "can"};
        while (cv >= 3 && aux.count(toks[cv - 1].lower))
            --cv;
        if (cv >= 2 && toks[cv - 1].lower != "and" && toks[cv - 1].lower != "but") cv = verb;
    }
    if (from == verb && cv >= 2 && (toks[cv - 1].lower == "and" || toks[cv - 1].lower == "but")) {
        bool actor_before = false;
        for (const auto& m : st.mentions[s])
            actor_before |= m.last == cv - 1 && is_actor_entity(st, m.entity);
        // "Peru had also tabled a plan and insisted ...": the subject of the nearest
        // cv before, in the same clause.
        if (!actor_before && depth == 0) {
            for (std::size_t k = cv - 1; k-- > 0 && k + 25 > cv;) {
                const auto& t = toks[k];
                if (t.quote || t.text == ";" || t.lower == "that" || t.lower == "which" ||
                    t.lower == "who")
                    break;
                if (!verb_like(st, t) || (k > 0 && toks[k - 1].lower == "the")) continue;
                const int r = subject_at(st, s, k, depth + 1);
                if (r >= 0) return r;
                break;
            }
        }
        if (!actor_before) {
            // "According to the FT, he demanded X and offered Y": the source is no subject.
            std::size_t start = 0;
            for (std::size_t k = 0; k + 1 < cv; ++k)
                if (toks[k].lower == "according" && toks[k + 1].lower == "to")
                    for (std::size_t q = k + 2; q < cv; ++q)
                        if (toks[q].text == ",") {
                            start = q + 1;
                            break;
                        }
            for (std::size_t k = start; k < cv; ++k) {
                if (toks[k].quote) break;
                if (is_pronoun(toks[k].lower) && toks[k].lower != "his" && toks[k].lower != "her")
                    return resolve_reference(st, s, k);
                bool actor = false;
                for (const auto& m : st.mentions[s])
                    actor |=
                        m.first == k && !m.in_quote && !m.demonym && is_actor_entity(st, m.entity);
                if (actor) break;
            }
            for (const auto& m : st.mentions[s]) {
                if (m.first >= cv) break;
                if (m.first < start) continue;
                if (m.in_quote || m.demonym || !is_actor_entity(st, m.entity)) continue;
                if (is_modifier(st, s, m)) continue; // "UN Secretary-General Guterres"
                if (m.first > 0 &&
                    (toks[m.first - 1].lower == "'s" || toks[m.first - 1].text == "(" ||
                     toks[m.first - 1].lower == "of" || toks[m.first - 1].lower == "to"))
                    continue;
                return m.entity;
            }
        }
    }
    // Nearest actor mention or pronoun/description before the verb, within the clause (a
    // dash ends it: "CAIRO, Feb 4 (Reuters) - Mediators met ...").
    for (std::size_t k = from; k-- > 0;) {
        const auto& t = toks[k];
        if (t.quote || t.text == ";" || t.lower == "that" || t.lower == "which" || t.text == "-" ||
            t.text == "\u2013" || t.text == "\u2014")
            break;
        // "The force, led by X, better known as Y, responded by declaring": skip them.
        if (t.text == ",") {
            std::size_t j = k;
            while (j > 0 && toks[j - 1].text != "," && !toks[j - 1].quote)
                --j;
            if (j > 0 && toks[j - 1].text == "," && j < k &&
                (parenthetical_opens().count(toks[j].lower) || st.gz.role_word(toks[j].lower))) {
                k = j;
                continue;
            }
        }
        if (t.lower == "who" || t.lower == "whose") {
            // "Trump, who says ...": the relative clause's subject is the name before it.
            if (k >= 2 && toks[k - 1].text == ",")
                for (const auto& m : st.mentions[s])
                    if (m.last == k - 1 && !m.in_quote && is_actor_entity(st, m.entity))
                        return m.entity;
            if (k >= 1) {
                // "X, the crown prince, who urged ...", "X, the Kremlin aide who led ...":
                // over an apposition to the name.
                std::size_t j = toks[k - 1].text == "," ? k - 1 : k;
                while (j > 0 && toks[j - 1].text != "," && !toks[j - 1].quote && j + 8 > k)
                    --j;
                if (j >= 2 && toks[j - 1].text == "," &&
                    (toks[j].lower == "the" || toks[j].lower == "a" || toks[j].lower == "an" ||
                     st.gz.role_word(toks[j].lower)))
                    for (const auto& m : st.mentions[s])
                        if (m.last == j - 1 && !m.in_quote && is_actor_entity(st, m.entity))
                            return m.entity;
            }
            break;
        }
        if (is_pronoun(t.lower) && t.lower != "his" && t.lower != "her")
            return resolve_reference(st, s, k);
        if ((t.lower == "it" || t.lower == "they") && !st.in_quote(t.begin)) {
            // "the alliance had said it welcomed ...": the body or state named last.
            for (std::size_t back = 0; back <= 2 && back <= s; ++back) {
                const std::size_t ss = s - back;
                for (auto m = st.mentions[ss].rbegin(); m != st.mentions[ss].rend(); ++m) {
                    if (back == 0 && m->last > k) continue;
                    if (m->in_quote || m->demonym) continue;
                    const auto type = st.ex.entities[static_cast<std::size_t>(m->entity)].type;
                    if (type == EntityType::Organization || type == EntityType::Country)
                        return m->entity;
                }
            }
            return -1;
        }
        if (t.lower == "the") {
            int r = resolve_reference(st, s, k);
            if (r >= 0) return r;
        }
        // "Chile's army chief has turned down ...": a side's leader described, not named.
        if (t.lower == "chief" || t.lower == "leader" || st.gz.role_word(t.lower))
            for (std::size_t j = k; j + 3 > k && j >= 2; --j)
                if (toks[j - 1].lower == "'s") {
                    for (const auto& m : st.mentions[s])
                        if (m.last == j - 1 && !m.in_quote && !m.demonym &&
                            st.ex.entities[static_cast<std::size_t>(m.entity)].type !=
                                EntityType::Person) {
                            const int r = described_person(st, s, j, m.entity, m.first);
                            if (r >= 0) return r;
                        }
                    break;
                }
        for (const auto& m : st.mentions[s]) {
            if (m.last == k + 1 && !m.in_quote) {
                // "according to X" names a source, not a subject; possessives are modifiers.
                if (m.first > 0 && toks[m.first - 1].lower == "to" && m.first > 1 &&
                    toks[m.first - 2].lower == "according")
                    return -1;
                if (k + 1 < toks.size() && toks[k + 1].lower == "'s") continue;
                if (m.demonym && !is_actor_entity(st, m.entity)) continue; // "Europeans"
                if (m.demonym) {
                    // "the Chilean delegation said": the country acts; "Turkish diplomatic
                    // sources" are unnamed sources, not the state.
                    for (std::size_t q = m.last; q < std::min(toks.size(), m.last + 3); ++q) {
                        const auto& w = toks[q].lower;
                        if (w == "sources" || w == "source" || w == "media" || w == "reports")
                            return -1;
                        if (w == "delegation" || w == "side" || w == "government" ||
                            w == "negotiators" || w == "team" || w == "authorities" ||
                            w == "army" || w == "forces" || w == "military" || w == "officials" ||
                            w == "leadership" || w == "ministry")
                            return m.entity;
                    }
                    if (m.first > 0 && toks[m.first - 1].lower == "the" &&
                        toks[m.last - 1].lower.ends_with("s"))
                        return m.entity; // "the Russians"
                    continue;
                }
                if (is_actor_entity(st, m.entity)) return m.entity;
            }
        }
    }
    return -1;
}

} // namespace

/// "the two sides", "both countries": the two sides of the article's first meeting (persons
/// stand for their countries), when there are exactly two.
std::vector<int> two_sides(const State& st) {
    std::vector<int> sides;
    if (st.ex.meetings.empty()) return sides;
    for (int p : st.ex.meetings.front().participants) {
        if (p == st.ex.meetings.front().host) continue; // the host is no side of the talks
        const auto& pe = st.ex.entities[static_cast<std::size_t>(p)];
        int side = p;
        if (pe.type == EntityType::Person) {
            if (pe.affiliation < 0 ||
                st.ex.entities[static_cast<std::size_t>(pe.affiliation)].type !=
                    EntityType::Country)
                continue;
            side = pe.affiliation;
        }
        if (st.ex.entities[static_cast<std::size_t>(side)].type != EntityType::Country) continue;
        if (std::find(sides.begin(), sides.end(), side) == sides.end()) sides.push_back(side);
    }
    if (sides.size() != 2) sides.clear();
    return sides;
}

std::vector<int> subject_actors(const State& st, std::size_t s, std::size_t verb) {
    std::vector<int> out;
    const auto& toks0 = st.tokens[s];
    {
        // "Trump and Xi met in Busan and agreed to ...": the subjects of the verb before.
        bool actor_before = false;
        for (const auto& m : st.mentions[s])
            actor_before |= verb >= 1 && m.last == verb - 1 && is_actor_entity(st, m.entity);
        // "X and Y signed a text on Saturday, committing to ...": a participle after a
        // comma has the subjects of the verb before it too.
        const bool participle = verb >= 2 && toks0[verb - 1].text == "," &&
                                toks0[verb].lower.size() > 5 &&
                                toks0[verb].lower.ends_with("ing") && !toks0[verb].cap;
        if (verb >= 2 && (toks0[verb - 1].lower == "and" || participle) && !actor_before)
            for (std::size_t k = verb - 1; k-- > 0 && k + 25 > verb;) {
                const auto& t = toks0[k];
                if (t.quote || t.text == ";" || t.lower == "that" || t.lower == "which" ||
                    t.lower == "who" || t.lower == "and")
                    break;
                if (!verb_like(st, t) || (k > 0 && toks0[k - 1].lower == "the")) continue;
                auto prev = subject_actors(st, s, k);
                if (!prev.empty()) return prev;
                break;
            }
        // "the two sides will exchange ...", "both countries agreed".
        std::size_t k = verb;
        while (k > 0 && (toks0[k - 1].lower == "will" || toks0[k - 1].lower == "have" ||
                         toks0[k - 1].lower == "had" || toks0[k - 1].lower == "also" ||
                         toks0[k - 1].lower == "would"))
            --k;
        if (k >= 2) {
            const std::string a = toks0[k - 2].lower, b = toks0[k - 1].lower;
            const bool sides_noun = b == "sides" || b == "countries" || b == "parties" ||
                                    b == "delegations" || b == "governments";
            if (sides_noun &&
                (a == "both" || (a == "two" && k >= 3 && toks0[k - 3].lower == "the")))
                if (auto both = two_sides(st); !both.empty()) return both;
        }
    }
    const int first = subject_actor(st, s, verb);
    if (first < 0) return out;
    out.push_back(first);
    // Find the mention of `first` nearest before the verb, then walk left over "X, Y and".
    const auto& toks = st.tokens[s];
    std::size_t start = verb;
    for (const auto& m : st.mentions[s])
        if (m.entity == first && m.last <= verb) start = m.first;
    bool saw_and = false;
    std::size_t commas_only = 1; // entries before the first "and" seen walking left
    // "Chilean President Ana Ruiz and Peruvian President Tomas Quispe": titles and their
    // countries before a name belong to it.
    auto over_title = [&](std::size_t at) {
        for (bool moved = true; moved && at > 0;) {
            moved = false;
            // (Also lower-case titles: "Peruvian envoy Tomas Quispe".)
            if (st.gz.role_word(toks[at - 1].lower) && toks[at - 1].word) {
                --at;
                moved = true;
                continue;
            }
            for (const auto& m : st.mentions[s])
                if (m.last == at && m.first < at &&
                    (m.demonym || st.ex.entities[static_cast<std::size_t>(m.entity)].type !=
                                      EntityType::Person) &&
                    at < toks.size() && st.gz.role_word(toks[at].lower)) {
                    at = m.first;
                    moved = true;
                    break;
                }
        }
        return at;
    };
    start = over_title(start);
    while (start >= 2) {
        const std::string& sep = toks[start - 1].lower;
        if (sep != "and" && sep != ",") break;
        if (sep == "and") saw_and = true;
        int found = -1;
        std::size_t found_first = 0;
        for (const auto& m : st.mentions[s])
            if (m.last == start - 1 && !m.in_quote && is_actor_entity(st, m.entity)) {
                found = m.entity;
                found_first = m.first;
            }
        if (found < 0) break;
        if (std::find(out.begin(), out.end(), found) == out.end()) out.push_back(found);
        if (!saw_and) ++commas_only;
        start = over_title(found_first);
    }
    // "According to Ruiz, Quispe wants": commas alone do not make a list ("X, Y and Z" do).
    if (!saw_and) out.resize(1);
    (void)commas_only;
    return out;
}

int quote_speaker_at(const State& st, std::size_t offset) {
    const std::size_t c = st.doc.char_offset(offset);
    for (const auto& q : st.ex.quotes)
        if (q.evidence.begin <= c && c < q.evidence.end) return q.speaker;
    return -1;
}

void find_quotes(State& st) {
    // A text that is all header has no sentences: no quotation can be placed in one (found by
    // fuzz_extract: "Published Dec1\",\"").
    if (st.tokens.empty()) return;
    const auto& doc = st.doc;
    int prev_speaker = -1;
    std::size_t prev_close = 0;
    for (const auto& q : st.quotes) {
        const std::string inner = doc.text.substr(q.begin, q.end - q.begin);
        auto inner_toks = tokenize(doc.text, q.begin, q.end);
        std::size_t words = 0;
        bool all_cap = true;
        for (const auto& t : inner_toks)
            if (t.word) {
                ++words;
                all_cap &= t.cap || t.digit;
            }
        const std::size_t oi = token_at(st, st.doc.sentence_at(q.open), q.open);
        const auto& ot = st.tokens[st.doc.sentence_at(q.open)];
        const bool after_as = oi >= 1 && oi <= ot.size() && ot[oi - 1].lower == "as";
        if ((words < 2 && !after_as) || words == 0 || (all_cap && words <= 4))
            continue; // labels, single words, names
        // Short terms set in quotation marks are labels, not speech: a "free economic zone",
        // "Article 5".
        if (words <= 3) {
            bool digit = false;
            for (const auto& t : inner_toks)
                digit |= t.digit;
            const bool ends_punct = !inner_toks.empty() && !inner_toks.back().word;
            const std::string p1 = oi >= 1 && oi <= ot.size() ? ot[oi - 1].lower : "";
            if (digit || (!ends_punct && (p1 == "a" || p1 == "an" || p1 == "the"))) continue;
        }
        const std::size_t s0 = doc.sentence_at(q.open);
        const std::size_t s1 = doc.sentence_at(q.close);
        if (s0 >= st.tokens.size() || s1 >= st.tokens.size()) continue;
        const auto& t0 = st.tokens[s0];
        const std::size_t open_i = token_at(st, s0, q.open);
        // Label quotes: "the so-called "free economic zone"", "dubbed", "known as".
        if (open_i >= 1) {
            const std::string p1 = t0[open_i - 1].lower;
            const std::string p2 = open_i >= 2 ? t0[open_i - 2].lower : "";
            if (p1 == "so-called" || p1 == "dubbed" || p1 == "term" || p1 == "word" ||
                (p1 == "as" && p2 == "known") || p1 == "the")
                continue;
        }
        int speaker = -1;
        std::string rule;
        // 1. Attribution after the closing mark: ," Medinsky told reporters / ," he said.
        {
            const auto& t1 = st.tokens[s1];
            std::size_t i = token_at(st, s1, q.close + 1);
            std::size_t limit = std::min(t1.size(), i + 8);
            for (std::size_t k = i; k < limit; ++k) {
                if (t1[k].quote) break;
                if (!st.trig("speech_verbs", t1[k].lower)) continue;
                // Subject between the quote and the verb, or right after the verb (not the
                // affiliation of a title: ," M23 spokesman X told reporters).
                for (std::size_t b = i; b < k; ++b) {
                    if (modifier_at(st, s1, b)) continue;
                    int e = mention_entity_at(st, s1, b, false);
                    if (e < 0) e = resolve_reference(st, s1, b);
                    if (e >= 0 && is_actor_entity(st, e)) {
                        speaker = e;
                        break;
                    }
                }
                if (speaker < 0 && k + 1 < t1.size()) {
                    std::size_t n = k + 1;
                    while (n + 1 < t1.size() && st.gz.role_word(t1[n].lower) &&
                           mention_entity_at(st, s1, n, false) < 0)
                        ++n; // "said Professor Andrew Michta"
                    int e = mention_entity_at(st, s1, n, false);
                    if (e < 0) e = resolve_reference(st, s1, k + 1);
                    if (e >= 0 && is_actor_entity(st, e)) speaker = e;
                }
                if (speaker >= 0) rule = "quote.after";
                break;
            }
        }
        // 1b. A long attribution: ," Ana Ruiz, Chile's deputy minister of trade, said.
        if (speaker < 0) {
            const auto& t1 = st.tokens[s1];
            std::size_t i = token_at(st, s1, q.close + 1);
            if (i < t1.size() && t1[i].text == ",") ++i;
            int e = i < t1.size() ? mention_entity_at(st, s1, i, false) : -1;
            if (e >= 0 && is_actor_entity(st, e)) {
                for (std::size_t k = i + 1; k < std::min(t1.size(), i + 25); ++k) {
                    if (t1[k].quote) break;
                    if (st.trig("speech_verbs", t1[k].lower)) {
                        speaker = e;
                        rule = "quote.after-apposition";
                        break;
                    }
                }
            }
        }
        // 2. A continuation: "…," adding, "…" / "…," he said. "…"
        if (speaker < 0 && prev_speaker >= 0 && prev_close < q.open) {
            const std::string between = doc.text.substr(prev_close, q.open - prev_close);
            auto bt = tokenize(between, 0, between.size());
            bool only_glue = bt.size() <= 4;
            for (const auto& t : bt)
                if (t.word && !st.trig("speech_verbs", t.lower) && t.lower != "adding" &&
                    t.lower != "and" && t.lower != "he" && t.lower != "she" &&
                    t.lower != "continued" && t.lower != "asking" && t.lower != "saying")
                    only_glue = false;
            if (only_glue) {
                speaker = prev_speaker;
                rule = "quote.continuation";
            }
        }
        // 3. Attribution before the opening mark: Zelensky said, "…" / He continued, "…".
        if (speaker < 0 && open_i > 0) {
            for (std::size_t k = open_i; k-- > 0;) {
                if (t0[k].quote) break;
                const bool verb = st.trig("speech_verbs", t0[k].lower) ||
                                  t0[k].lower == "continued" || t0[k].lower == "adding" ||
                                  t0[k].lower == "saying" || t0[k].lower == "emphasizing" ||
                                  t0[k].lower == "asking";
                if (!verb) continue;
                speaker = subject_actor(st, s0, k);
                if (speaker < 0 && (t0[k].lower == "adding" || t0[k].lower == "saying" ||
                                    t0[k].lower == "emphasizing" || t0[k].lower == "asking"))
                    speaker = prev_speaker;
                if (speaker < 0) {
                    // Inverted: "said Zelenskyy" / "according to X".
                    int e = k + 1 < t0.size() ? mention_entity_at(st, s0, k + 1, false) : -1;
                    if (e >= 0 && is_actor_entity(st, e)) speaker = e;
                }
                if (speaker >= 0) rule = "quote.before";
                break;
            }
        }
        // 3b. "according to Merz, ... "truly begin"": the named source speaks.
        if (speaker < 0) {
            for (std::size_t k = 0; k + 2 < t0.size(); ++k)
                if (t0[k].lower == "according" && t0[k + 1].lower == "to") {
                    int e = mention_entity_at(st, s0, k + 2, false);
                    if (e >= 0 && is_actor_entity(st, e) &&
                        st.ex.entities[static_cast<std::size_t>(e)].type == EntityType::Person) {
                        speaker = e;
                        rule = "quote.according-to";
                    }
                    break;
                }
        }
        // 3c. A quotation that is a sentence of its own right after another one continues it:
        //     "…," Ruiz told journalists. "We will read it closely."
        if (speaker < 0 && prev_speaker >= 0 && open_i == 0 && s0 > 0 &&
            doc.sentence_at(prev_close) + 1 >= s0) {
            speaker = prev_speaker;
            rule = "quote.follow-up";
        }
        // 4. The subject of the sentence holding the quote: X called it "very good".
        if (speaker < 0 && open_i > 0) {
            for (std::size_t k = 0; k < open_i && speaker < 0; ++k) {
                if (t0[k].quote) break;
                int e = mention_entity_at(st, s0, k, false);
                if (e < 0 && (t0[k].lower == "the" || t0[k].lower == "he" || t0[k].lower == "she"))
                    e = resolve_reference(st, s0, k);
                if (e >= 0 && is_actor_entity(st, e)) {
                    // Skip sources ("according to X") and objects of prepositions.
                    if (k > 0 && (t0[k - 1].lower == "to" || t0[k - 1].lower == "by" ||
                                  t0[k - 1].lower == "with"))
                        continue;
                    // "France's Prime Minister X called it ...", "U.S. envoy X": the possessor
                    // or a title's affiliation is no speaker.
                    if (modifier_at(st, s0, k)) continue;
                    speaker = e;
                    rule = "quote.subject";
                }
            }
        }
        prev_close = q.close;
        if (speaker < 0) {
            prev_speaker = -1;
            continue;
        }
        prev_speaker = speaker;
        DocQuote dq;
        dq.speaker = speaker;
        // A line break inside a quotation is one space.
        std::string text;
        for (char c : inner)
            text += (c == '\n') ? ' ' : c;
        dq.text = text;
        dq.evidence = st.evidence(s0, 0, 0, rule, rule == "quote.after" ? 0.9 : 0.7);
        dq.evidence.begin = doc.char_offset(q.begin);
        dq.evidence.end = doc.char_offset(q.end);
        st.ex.quotes.push_back(std::move(dq));
    }
}

void scan_quotation_marks(State& st) {
    st.quotes = scan_quotes(st.doc.text);
}

} // namespace parley::extract
