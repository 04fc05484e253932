// Meetings: talks, meetings, calls and summits between named actors, held or scheduled, from
// trigger words, with participants, host, location and date. Each trigger is read in its clause
// (a sentence cut at ';', "while", "but", relative clauses), so one sentence may report several
// meetings. Proposed, cancelled or negated meetings and press contacts are not meetings.
#include "core/text.hpp"
#include "extract/gazetteer.hpp"
#include "extract/internal.hpp"
#include "ingest/ingest.hpp"

#include <algorithm>
#include <map>

namespace parley::extract {

namespace {

/// Verbs that report a meeting taking place.
bool meeting_verb(const std::string& w) {
    static const std::set<std::string> v = {
        "met",        "meet",    "meets",     "meeting",    "hosted",  "hosts",    "host",
        "received",   "receive", "receives",  "telephoned", "phoned",  "convened", "convene",
        "convenes",   "sat",     "talked",    "spoke",      "visited", "welcomed", "chaired",
        "co-chaired", "hosting", "receiving", "negotiated"};
    return v.count(w) > 0;
}

/// Nouns naming a meeting-like event.
bool meeting_noun(const std::string& w) {
    static const std::set<std::string> n = {
        "talks",           "meeting",       "summit",     "call",         "negotiations",
        "session",         "round",         "trilateral", "bilateral",    "gathering",
        "dinner",          "lunch",         "visit",      "conversation", "plenary",
        "videoconference", "consultations", "trilaterals"};
    return n.count(w) > 0;
}

bool clause_boundary(const Token& t) {
    return t.text == ";" || t.lower == "while" || t.lower == "but" || t.lower == "whereas" ||
           t.lower == "although" || t.lower == "who" || t.lower == "which" || t.lower == "when" ||
           t.lower == "where" || t.lower == "before" || t.lower == "after" || t.lower == "then";
}

bool contains_phrase(const std::vector<Token>& toks, std::size_t a, std::size_t b,
                     const std::vector<std::string>& phrase) {
    if (phrase.empty() || b - a < phrase.size()) return false;
    for (std::size_t i = a; i + phrase.size() <= b; ++i) {
        bool ok = true;
        for (std::size_t k = 0; k < phrase.size() && ok; ++k)
            ok = toks[i + k].lower == phrase[k];
        if (ok) return true;
    }
    return false;
}

/// The last two distinct entities named before token `before` of sentence `s` (or anywhere in
/// the sentence before it) whose mention `accept(sentence, mention)` takes; fewer when there
/// are not two. "The two leaders met", "hosting the two countries' ministers".
template <class Accept>
std::vector<int> last_two_named(const State& st, std::size_t s, std::size_t before, Accept accept) {
    std::vector<int> found;
    for (std::size_t back = 0; back <= 1 && back <= s && found.size() < 2; ++back) {
        const auto& ms = st.mentions[s - back];
        for (auto m = ms.rbegin(); m != ms.rend() && found.size() < 2; ++m) {
            if (back == 0 && m->first >= before) continue;
            if (m->in_quote || m->demonym || !accept(s - back, *m)) continue;
            if (std::find(found.begin(), found.end(), m->entity) == found.end())
                found.push_back(m->entity);
        }
    }
    return found;
}

} // namespace

/// Is the mention a modifier of something else ("German Chancellor X", "Russia's claims")?
bool is_modifier(const State& st, std::size_t s, const Mention& m) {
    const auto& toks = st.tokens[s];
    if (m.last < toks.size() && toks[m.last].lower == "'s") return true;
    if (st.ex.entities[static_cast<std::size_t>(m.entity)].type == EntityType::Person) return false;
    // Followed closely by a person: a title's affiliation ("U.S. Envoy Steve Witkoff").
    for (const auto& o : st.mentions[s]) {
        if (o.first >= m.last && o.first <= m.last + 4 && o.entity != m.entity &&
            st.ex.entities[static_cast<std::size_t>(o.entity)].type == EntityType::Person) {
            bool gap_is_title = true;
            for (std::size_t k = m.last; k < o.first; ++k)
                if (!toks[k].word || toks[k].lower == "and" || toks[k].lower == "with" ||
                    !st.gz.role_word(toks[k].lower))
                    gap_is_title = false;
            if (gap_is_title) return true;
        }
    }
    // "President of Chile Ana Ruiz", "the Prime Minister of Spain": of + role before.
    if (m.first >= 2 && toks[m.first - 1].lower == "of" && st.gz.role_word(toks[m.first - 2].lower))
        return true;
    // "Tomas Varga of Hungary": the person's country.
    if (m.first >= 2 && toks[m.first - 1].lower == "of")
        for (const auto& o : st.mentions[s])
            if (o.last + 1 == m.first &&
                st.ex.entities[static_cast<std::size_t>(o.entity)].type == EntityType::Person)
                return true;
    return false;
}

void find_meetings(State& st) {
    const std::size_t ns = st.tokens.size();
    // The dateline place stands for the main meeting's location when a clause names none.
    int dateline_place = -1;
    {
        const DocumentHeader h = parse_header(st.doc.text);
        if (!h.dateline_place.empty()) {
            const std::string want = fold_case(h.dateline_place);
            for (std::size_t e = 0; e < st.ex.entities.size(); ++e)
                if (st.ex.entities[e].type == EntityType::Place &&
                    fold_case(st.ex.entities[e].name) == want)
                    dateline_place = static_cast<int>(e);
        }
    }
    std::optional<Date> context_date;
    int last_meeting = -1;
    std::size_t last_meeting_sentence = 0;
    std::map<int, int> meeting_subject; // meeting index -> its first-named participant
    for (std::size_t s = 0; s < ns; ++s) {
        const auto& toks = st.tokens[s];
        // A date in a line the segmenter joined to the headline still sets the context.
        if (auto d = find_date(st, s, 0, toks.size())) context_date = d;
        if (st.title[s]) continue; // headlines name no meeting of their own
        std::vector<bool> used(toks.size(), false);
        bool found_any = false;
        for (std::size_t trig = 0; trig < toks.size(); ++trig) {
            if (used[trig]) continue;
            if (st.in_quote(toks[trig].begin)) {
                // "… we will sit down again on Friday morning," said by a named speaker:
                // the speaker's side meets the other side of the last meeting again.
                const auto& qw = toks[trig].lower;
                if ((qw != "meet" && qw != "meeting") || last_meeting < 0) continue;
                bool we = false;
                for (std::size_t k = trig >= 4 ? trig - 4 : 0; k < trig; ++k)
                    we |= toks[k].lower == "we";
                if (!we) continue;
                const int speaker = quote_speaker_at(st, toks[trig].begin);
                const int other =
                    meeting_subject.count(last_meeting) ? meeting_subject[last_meeting] : -1;
                if (speaker < 0 || other < 0 || other == speaker) continue;
                DocMeeting mt;
                mt.participants = {speaker, other};
                mt.date = find_date(st, s, trig, toks.size(), true);
                mt.evidence = st.evidence(s, trig, trig + 1, "meeting.quoted-we:" + qw, 0.6);
                st.ex.meetings.push_back(std::move(mt));
                for (std::size_t k = trig; k < toks.size(); ++k)
                    used[k] = true;
                found_any = true;
                continue;
            }
            const auto& w = toks[trig].lower;
            const std::string next = trig + 1 < toks.size() ? toks[trig + 1].lower : "";
            const std::string prev = trig > 0 ? toks[trig - 1].lower : "";
            // "both sides agreed to meet again next Saturday": a follow-up of the meeting
            // reported last, for a given day (without one it is only an intention).
            if ((w == "meet" || w == "convene") && next == "again" && last_meeting >= 0) {
                bool sides = false;
                for (std::size_t k = trig >= 6 ? trig - 6 : 0; k < trig; ++k)
                    sides |=
                        toks[k].lower == "sides" || toks[k].lower == "they" ||
                        ((toks[k].lower == "both" || toks[k].lower == "two") && k + 1 < trig &&
                         (toks[k + 1].lower == "sides" || toks[k + 1].lower == "men" ||
                          toks[k + 1].lower == "delegations" || toks[k + 1].lower == "leaders" ||
                          toks[k + 1].lower == "presidents" || toks[k + 1].lower == "ministers"));
                const auto day = find_date(st, s, trig, toks.size(), true);
                if (sides && day) {
                    DocMeeting mt;
                    const auto& lm = st.ex.meetings[static_cast<std::size_t>(last_meeting)];
                    mt.participants = lm.participants;
                    // "the two leaders" of a meeting their host joined: the two guests.
                    if (mt.participants.size() > 2 && lm.host >= 0)
                        std::erase(mt.participants, lm.host);
                    mt.date = day;
                    for (const auto& m : st.mentions[s])
                        if (!m.in_quote && m.first > trig && toks[m.first - 1].lower == "in" &&
                            st.ex.entities[static_cast<std::size_t>(m.entity)].type ==
                                EntityType::Place)
                            mt.location = m.entity;
                    mt.evidence = st.evidence(s, trig, trig + 2, "meeting.again:" + w, 0.6);
                    st.ex.meetings.push_back(std::move(mt));
                    for (std::size_t k = trig; k < toks.size(); ++k)
                        used[k] = true;
                    found_any = true;
                    continue;
                }
            }
            bool verb = meeting_verb(w);
            bool noun = !verb && meeting_noun(w);
            if (!verb && !noun) continue;
            if (w == "sat" && next != "down") continue;
            if ((w == "spoke" || w == "talked") && next != "with" && next != "to" && next != "by" &&
                next != "on")
                continue;
            if (w == "received" || w == "receive" || w == "receives" || w == "receiving") {
                // "received Zelensky", "received on Monday the President of Ukraine ...":
                // a person must follow in the clause (not "received a letter").
                bool person_follows = false;
                for (const auto& m : st.mentions[s])
                    if (m.first > trig && m.first <= trig + 12 && !m.demonym &&
                        st.ex.entities[static_cast<std::size_t>(m.entity)].type ==
                            EntityType::Person)
                        person_follows = true;
                if (!person_follows &&
                    !(trig + 1 < toks.size() && (toks[trig + 1].cap || next == "both")))
                    continue;
            }
            if ((w == "call" && (next == "for" || next == "on")) || w == "round") {
                if (w == "round" && !contains_phrase(toks, trig, toks.size(), {"of", "talks"}))
                    continue;
                if (w == "call") continue;
            }
            // "the visit", "his visit", "during a visit to Lima".
            if (w == "visit" &&
                !(prev == "'s" || prev == "the" || prev == "his" || prev == "her" ||
                  (prev == "a" && trig >= 2 &&
                   (toks[trig - 2].lower == "during" || toks[trig - 2].lower == "on"))))
                continue;
            // "welcomed the notion of ...": a welcome is a meeting only of someone named after it.
            if (w == "welcomed" || w == "welcomes" || w == "welcome" || w == "welcoming") {
                bool actor_follows = false;
                for (const auto& m : st.mentions[s])
                    if (m.first > trig && m.first <= trig + 6 && !m.demonym &&
                        is_actor_entity(st, m.entity)) {
                        // Only articles, titles and names between: "welcomed the visiting
                        // Chilean President X", not "welcomed the agreement but said Germany".
                        static const std::set<std::string> glue = {
                            "the", "a", "an", "his", "her", "their", "its", "visiting", "new"};
                        bool clear = true;
                        for (std::size_t k = trig + 1; k < m.first; ++k)
                            clear &=
                                toks[k].word && (toks[k].cap || glue.count(toks[k].lower) > 0 ||
                                                 st.gz.role_word(toks[k].lower));
                        actor_follows |= clear;
                    }
                // "welcomed the two delegations", "welcomed the leaders".
                static const std::set<std::string> guests = {
                    "delegations", "delegation", "leaders", "ministers",
                    "guests",      "visitors",   "envoys",  "negotiators"};
                for (std::size_t k = trig + 1; k < std::min(toks.size(), trig + 4); ++k)
                    actor_follows |= guests.count(toks[k].lower) > 0;
                if (!actor_follows) continue;
            }
            // "a meeting" is a real one only when held, hosted or attended.
            if (noun && (prev == "a" || prev == "an")) {
                const std::string p2 = trig > 1 ? toks[trig - 2].lower : "";
                if (!(p2 == "held" || p2 == "had" || p2 == "hosted" || p2 == "after" ||
                      p2 == "during" || p2 == "joined" || p2 == "attended" || p2 == "at" ||
                      p2 == "in" || p2 == "with"))
                    continue;
            }
            // The clause around the trigger.
            std::size_t a = trig, b = trig + 1;
            while (a > 0 && !clause_boundary(toks[a - 1]) && !toks[a - 1].quote)
                --a;
            while (b < toks.size() && !clause_boundary(toks[b]) && !toks[b].quote)
                ++b;
            // "met Trump on Monday to press for guarantees for Kyiv": a purpose clause after
            // the meeting names no participants.
            if (verb)
                for (std::size_t k = trig + 2; k + 1 < b; ++k)
                    if (toks[k].lower == "to" && toks[k + 1].word && !toks[k + 1].cap &&
                        (toks[k + 1].lower == "press" || toks[k + 1].lower == "discuss" ||
                         toks[k + 1].lower == "seek" || toks[k + 1].lower == "push" ||
                         toks[k + 1].lower == "urge" || toks[k + 1].lower == "ask" ||
                         toks[k + 1].lower == "lobby" || toks[k + 1].lower == "win" ||
                         toks[k + 1].lower == "secure" || toks[k + 1].lower == "review" ||
                         toks[k + 1].lower == "prepare" || toks[k + 1].lower == "finalise" ||
                         toks[k + 1].lower == "finalize" || toks[k + 1].lower == "work")) {
                        b = k;
                        break;
                    }
            // "Ahead of the talks, the Chilean minister said ...": a trigger in
            // a fronted adverbial phrase ends with its comma.
            {
                static const std::set<std::string> fronting = {
                    "before", "after", "during", "ahead", "following", "since", "until", "at"};
                // Not "After meeting Trump, Zelensky said": there the subject follows the comma.
                if (!toks.empty() && fronting.count(toks[0].lower) && trig >= 2 &&
                    (noun || !fronting.count(prev)))
                    for (std::size_t k = trig + 1; k < b; ++k)
                        if (toks[k].text == ",") {
                            bool comma_before = false;
                            for (std::size_t q = 0; q < trig; ++q)
                                comma_before |= toks[q].text == ",";
                            if (!comma_before) b = k;
                            break;
                        }
            }
            // Not a meeting: negated, proposed, wished, cancelled.
            bool negative = false;
            for (std::size_t k = (trig >= a + 6 ? trig - 6 : a); k < trig; ++k) {
                const auto& x = toks[k].lower;
                if (x == "not" || x == "no" || x == "never" || x == "n't" || x == "proposed" ||
                    x == "suggested" || x == "wants" || x == "want" || x == "invite" ||
                    x == "would" || x == "could" || x == "should" || x == "if" || x == "without" ||
                    x == "denied" || x == "offered" || x == "proposes" || x == "seeks" ||
                    x == "possible" || x == "potential" || x == "next" || x == "future" ||
                    x == "ready" || x == "willing" || x == "prepared" || x == "eager")
                    negative = true;
            }
            if (contains_phrase(toks, a, b, {"fell", "through"}) ||
                contains_phrase(toks, a, b, {"called", "off"}) ||
                contains_phrase(toks, a, b, {"cancelled"}) ||
                contains_phrase(toks, a, b, {"canceled"}) ||
                contains_phrase(toks, a, b, {"postponed"}) ||
                contains_phrase(toks, 0, toks.size(), {"told", "reporters"}) ||
                contains_phrase(toks, a, b, {"not", "currently"}))
                negative = true;
            // "Russia wanted a meeting between X and Y", "proposed a summit", "called for
            // talks": a meeting asked for is a proposal, not a meeting.
            if ((noun || w == "meeting") && trig >= 2) {
                static const std::set<std::string> asked = {
                    "wanted",    "wants",    "want",   "proposed",  "proposes", "propose",
                    "suggested", "suggests", "sought", "seeks",     "demanded", "demands",
                    "offered",   "offers",   "urged",  "requested", "for"};
                for (std::size_t k = trig >= 4 ? trig - 4 : 0; k < trig; ++k)
                    if (asked.count(toks[k].lower) &&
                        (toks[k].lower != "for" ||
                         (k > 0 &&
                          (toks[k - 1].lower == "called" || toks[k - 1].lower == "calls" ||
                           toks[k - 1].lower == "pressed" || toks[k - 1].lower == "pushed" ||
                           toks[k - 1].lower == "asked"))))
                        negative = true;
            }
            // "the meeting of X with Y, which was planned for the 10th, was cancelled": the
            // predicate of the meeting noun, after a relative clause.
            if (noun || w == "meeting")
                for (std::size_t k = trig + 1; k + 1 < toks.size(); ++k)
                    if ((toks[k].lower == "was" || toks[k].lower == "were" ||
                         toks[k].lower == "has" || toks[k].lower == "had") &&
                        (toks[k + 1].lower == "cancelled" || toks[k + 1].lower == "canceled" ||
                         toks[k + 1].lower == "postponed" || toks[k + 1].lower == "scrapped" ||
                         (toks[k + 1].lower == "been" && k + 2 < toks.size() &&
                          (toks[k + 2].lower == "cancelled" || toks[k + 2].lower == "canceled" ||
                           toks[k + 2].lower == "postponed"))))
                        negative = true;
            // "Talks between Chile and Peru remain difficult": the
            // process in general, not an event (no date, no place, a stative predicate).
            if (noun && trig <= 1 && (w == "negotiations" || w == "talks")) {
                static const std::set<std::string> stative = {
                    "face",    "faces",  "remain",  "remains", "are",     "is",       "have",
                    "has",     "appear", "appears", "seem",    "seems",   "continue", "continues",
                    "stalled", "stall",  "hinge",   "hinges",  "require", "requires"};
                std::size_t k = trig + 1;
                while (k < toks.size() &&
                       (toks[k].cap || toks[k].lower == "between" || toks[k].lower == "and" ||
                        toks[k].lower == "the" || toks[k].lower == "with" || toks[k].lower == "on"))
                    ++k;
                if (k < toks.size() && stative.count(toks[k].lower) &&
                    !find_date(st, s, 0, toks.size()))
                    negative = true;
            }
            // "said she would bring both sides together again": an announced meeting.
            bool announced = false;
            if (negative && trig >= 2 && !contains_phrase(toks, a, b, {"not"}) &&
                !contains_phrase(toks, a, b, {"like"}) && !contains_phrase(toks, a, b, {"if"})) {
                for (std::size_t k = a; k < trig; ++k)
                    if (toks[k].lower == "would" && k >= 2 &&
                        (toks[k - 2].lower == "said" || toks[k - 2].lower == "announced" ||
                         toks[k - 2].lower == "confirmed") &&
                        (toks[k + 1].lower == "convene" || toks[k + 1].lower == "host" ||
                         toks[k + 1].lower == "meet" || toks[k + 1].lower == "hold"))
                        negative = false, announced = true;
            }
            // "agreed on a meeting between ... next month": scheduled, not hypothetical.
            if (negative &&
                contains_phrase(toks, a >= 4 ? a - 4 : 0, trig, {"that", "there", "would", "be"}) &&
                contains_phrase(toks, 0, trig, {"agreed"}))
                negative = false;
            // "A second meeting had been pencilled in for Monday. It was cancelled on Sunday."
            if (!negative && s + 1 < ns) {
                const auto& nt = st.tokens[s + 1];
                for (std::size_t k = 0; k + 1 < std::min<std::size_t>(nt.size(), 6); ++k)
                    if ((nt[k].lower == "cancelled" || nt[k].lower == "canceled" ||
                         nt[k].lower == "postponed" || nt[k].lower == "scrapped" ||
                         (nt[k].lower == "called" && nt[k + 1].lower == "off")) &&
                        (nt[0].lower == "it" || nt[0].lower == "the" || nt[0].lower == "that"))
                        negative = true;
            }
            if (negative) continue;
            // Participants: actor mentions in the clause that are not modifiers or sources.
            std::vector<int> parts;
            int location = -1, host = -1;
            int loc_dist = 1 << 30;
            for (const auto& m : st.mentions[s]) {
                if (m.first < a || m.last > b || m.in_quote) continue;
                const auto& ent = st.ex.entities[static_cast<std::size_t>(m.entity)];
                const std::string mp = m.first > 0 ? toks[m.first - 1].lower : "";
                const std::string mp2 = m.first > 1 ? toks[m.first - 2].lower : "";
                const bool locative =
                    mp == "in" || mp == "at" || (mp == "the" && (mp2 == "in" || mp2 == "at"));
                if (ent.type == EntityType::Place ||
                    (locative && ent.type == EntityType::Country && !m.demonym)) {
                    // "the Jeddah talks", "the Alaska summit": the place names the meeting.
                    if (noun && ent.type == EntityType::Place && m.last == trig && !m.demonym) {
                        loc_dist = -100;
                        location = m.entity;
                        continue;
                    }
                    if (locative || mp == "from") {
                        // The nearest city after "in" wins over a venue after "at".
                        int dist =
                            static_cast<int>(m.first > trig ? m.first - trig : trig - m.first);
                        if (mp == "in") dist -= 6;
                        if (mp == "from") dist += 10;
                        if (dist < loc_dist) {
                            loc_dist = dist;
                            location = m.entity;
                        }
                    }
                    continue;
                }
                if (mp == "to" && mp2 == "according") continue;
                if (mp == "(") continue;
                // "talks on Chile", "at United Nations headquarters": a topic and a venue.
                if ((mp == "on" && m.first >= 2 && meeting_noun(mp2)) ||
                    (mp == "at" && m.last < toks.size() && toks[m.last].lower == "headquarters"))
                    continue;
                // "during the G20 summit", "on the sidelines of the forum": an
                // occasion, not a party.
                if (mp == "during" || (mp == "the" && mp2 == "during") || mp2 == "sidelines" ||
                    (m.first > 2 && toks[m.first - 3].lower == "sidelines"))
                    continue;
                if (is_modifier(st, s, m)) continue;
                if (m.demonym) {
                    // "Chilean and Peruvian army officers met", "the Chilean delegation".
                    bool actorish = false;
                    for (std::size_t k = m.last; k < std::min(toks.size(), m.last + 4); ++k) {
                        const auto& x = toks[k].lower;
                        if (x == "delegation" || x == "officials" || x == "side" || x == "team" ||
                            x == "negotiators" || x == "delegations" || x == "mediators" ||
                            x == "envoys" || x == "diplomats" || x == "representatives")
                            actorish = true;
                    }
                    if (!actorish) continue;
                }
                int who = m.entity;
                if (ent.type == EntityType::Organization) {
                    const LexEntry* le = st.lex.by_id(ent.lexicon_id);
                    if (le && (le->kind == "outlet" || le->kind == "agency")) continue;
                    // "U.S. military officials meet": the country's side, not the body.
                    const std::string after = m.last < toks.size() ? toks[m.last].lower : "";
                    // (Only a state's own body: "Hamas negotiators" stay Hamas.)
                    if (le && !le->country.empty() && le->kind == "government_body" &&
                        (after == "officials" || after == "delegation" || after == "commanders" ||
                         after == "representatives" || after == "negotiators" ||
                         after == "experts" || after == "advisers" || after == "team"))
                        if (const LexEntry* ce = st.lex.by_id(le->country))
                            who = st.entity(ce->type, ce->name, ce->id, ce->qid, ce->id);
                }
                if (std::find(parts.begin(), parts.end(), who) == parts.end()) parts.push_back(who);
            }
            // Descriptions of persons named earlier: "between the Chilean minister and the
            // Ukrainian president", "met the envoy".
            for (std::size_t k = a; k < b; ++k) {
                if (toks[k].lower != "the" || st.in_quote(toks[k].begin)) continue;
                const int r = resolve_reference(st, s, k);
                if (r >= 0 && std::find(parts.begin(), parts.end(), r) == parts.end())
                    parts.push_back(r);
            }
            // A pronoun or description as subject: "he met X", "the envoy received Y".
            {
                int subj = subject_actor(st, s, trig);
                if (subj >= 0 && !is_actor_entity(st, subj)) subj = -1;
                if (subj >= 0) {
                    // A news outlet reports meetings; it never takes part in one.
                    const LexEntry* le =
                        st.lex.by_id(st.ex.entities[static_cast<std::size_t>(subj)].lexicon_id);
                    if (le && (le->kind == "outlet" || le->kind == "agency")) subj = -1;
                }
                if (subj >= 0 && std::find(parts.begin(), parts.end(), subj) == parts.end())
                    parts.push_back(subj);
            }
            // Host: "X hosted", "hosted by X", "X received Y", "chaired".
            if (w == "hosted" || w == "hosts" || w == "host" || w == "received" || w == "receive" ||
                w == "receives" || w == "welcomed" || w == "convened" || w == "chaired" ||
                w == "hosting" || w == "receiving") {
                if (next == "by") {
                    for (const auto& m : st.mentions[s])
                        if (m.first == trig + 2 ||
                            (m.first == trig + 3 && toks[trig + 2].lower == "the")) {
                            host = m.entity;
                            break;
                        }
                } else {
                    host = subject_actor(st, s, trig);
                }
                if (host >= 0 && !is_actor_entity(st, host)) host = -1;
            }
            for (std::size_t k = a; k < b; ++k)
                if (toks[k].lower == "hosted" && k + 1 < b && toks[k + 1].lower == "by")
                    for (const auto& m : st.mentions[s])
                        if ((m.first == k + 2 ||
                             (m.first == k + 3 && toks[k + 2].lower == "the")) &&
                            is_actor_entity(st, m.entity))
                            host = m.entity;
            // "..., with Turkey's Foreign Minister X chairing the meeting": X hosts.
            if (host < 0)
                for (const auto& m : st.mentions[s])
                    if (!m.in_quote && m.last < toks.size() &&
                        (toks[m.last].lower == "chairing" || toks[m.last].lower == "hosting" ||
                         toks[m.last].lower == "mediating") &&
                        is_actor_entity(st, m.entity))
                        host = m.entity;
            if (host >= 0 && std::find(parts.begin(), parts.end(), host) == parts.end())
                parts.push_back(host);
            // "after hosting the two countries' defence ministers": the two states named last.
            for (std::size_t k = trig + 1; k + 1 < b; ++k) {
                if (toks[k].lower != "two") continue;
                const auto& noun_after = toks[k + 1].lower;
                if (noun_after != "countries" && noun_after != "nations" &&
                    noun_after != "states" && noun_after != "countries'")
                    continue;
                // (Not the host's own state: "Malaysian Foreign Minister X ... hosting".)
                const int host_state =
                    host >= 0 ? st.ex.entities[static_cast<std::size_t>(host)].affiliation : -1;
                const auto two = last_two_named(st, s, k, [&](std::size_t, const Mention& m) {
                    return st.ex.entities[static_cast<std::size_t>(m.entity)].type ==
                               EntityType::Country &&
                           m.entity != host_state;
                });
                if (two.size() == 2)
                    for (int c : two)
                        if (std::find(parts.begin(), parts.end(), c) == parts.end())
                            parts.push_back(c);
                break;
            }
            for (std::size_t k = a; k < b; ++k)
                used[k] = true;
            // "Foreign Minister X hosted and led the round": the host of the meeting
            // reported just before.
            // No place in the clause: the nearest "in/at/to PLACE" of the sentence, or the place
            // a "where" clause hangs on ("the Peruvian capital Lima, where she held talks").
            if (location < 0) {
                int best = 1 << 30;
                for (const auto& m : st.mentions[s]) {
                    if (m.in_quote || m.demonym) continue;
                    const auto& ent = st.ex.entities[static_cast<std::size_t>(m.entity)];
                    if (ent.type != EntityType::Place) continue;
                    const std::string mp = m.first > 0 ? toks[m.first - 1].lower : "";
                    const bool where = m.last + 1 < toks.size() && toks[m.last].text == "," &&
                                       toks[m.last + 1].lower == "where" && m.last < trig;
                    if (!(mp == "in" || mp == "at" || mp == "to" || where)) continue;
                    const int dist =
                        static_cast<int>(m.first > trig ? m.first - trig : trig - m.first) -
                        (where ? 20 : 0);
                    if (dist < best) {
                        best = dist;
                        location = m.entity;
                    }
                }
            }
            // "during the talks", "the talks were led by X", "joined ... for the afternoon
            // session": a definite back-reference to the meeting reported last, not a new one;
            // the persons (and delegations) named join it.
            if (noun &&
                (prev == "the" || prev == "this" || prev == "that" ||
                 (trig >= 2 && toks[trig - 2].lower == "the" && !toks[trig - 1].cap)) &&
                last_meeting >= 0 && !find_date(st, s, a, b) &&
                (location < 0 ||
                 location == st.ex.meetings[static_cast<std::size_t>(last_meeting)].location ||
                 st.ex.entities[static_cast<std::size_t>(location)].lexicon_id.empty())) {
                auto& lm = st.ex.meetings[static_cast<std::size_t>(last_meeting)];
                // "Switzerland hosted the talks at Villa La Grange": the host joins; a venue
                // the lexicon does not know stays second to the city already named.
                if (host >= 0 && lm.host < 0) lm.host = host;
                if (lm.location < 0 && location >= 0) lm.location = location;
                if (host >= 0 && std::find(lm.participants.begin(), lm.participants.end(), host) ==
                                     lm.participants.end())
                    lm.participants.push_back(host);
                for (int p : parts) {
                    const auto& pe = st.ex.entities[static_cast<std::size_t>(p)];
                    bool side = pe.type == EntityType::Person;
                    for (const auto& m : st.mentions[s])
                        if (m.entity == p && m.demonym && m.first >= a && m.last <= b) side = true;
                    if (side && std::find(lm.participants.begin(), lm.participants.end(), p) ==
                                    lm.participants.end())
                        lm.participants.push_back(p);
                }
                for (std::size_t k = a; k < b; ++k)
                    used[k] = true;
                last_meeting_sentence = s;
                found_any = true;
                continue;
            }
            // "Switzerland hosted the talks": the host of the meeting reported before.
            const bool definite_object = trig + 2 < toks.size() && toks[trig + 1].lower == "the" &&
                                         meeting_noun(toks[trig + 2].lower);
            if (parts.size() == 1 && host >= 0 && last_meeting >= 0 &&
                (s <= last_meeting_sentence + 2 || definite_object)) {
                auto& lm = st.ex.meetings[static_cast<std::size_t>(last_meeting)];
                if (std::find(lm.participants.begin(), lm.participants.end(), host) ==
                    lm.participants.end())
                    lm.participants.push_back(host);
                if (lm.host < 0) lm.host = host;
                last_meeting_sentence = s;
                found_any = true;
                continue;
            }
            if (parts.size() == 1 && host >= 0) {
                // Kept open: persons who "led the Russian team" join it below.
                DocMeeting mt;
                mt.participants = parts;
                mt.host = host;
                mt.location = location >= 0 ? location : (s <= 3 ? dateline_place : -1);
                mt.date = find_date(st, s, 0, toks.size());
                if (!mt.date && s <= 3) mt.date = st.doc.published;
                mt.evidence = st.evidence(s, trig, trig + 1, "meeting.host:" + w, 0.6);
                st.ex.meetings.push_back(std::move(mt));
                last_meeting = static_cast<int>(st.ex.meetings.size()) - 1;
                meeting_subject[last_meeting] = host;
                last_meeting_sentence = s;
                found_any = true;
                continue;
            }
            // "The two leaders met for an hour": the two persons (for "sides", states or
            // bodies) named last in this or the sentence before.
            if (parts.empty() && verb && trig >= 2 && a + 1 < trig) {
                std::size_t k = a;
                while (k + 2 < trig && toks[k].lower != "two")
                    ++k;
                static const std::set<std::string> persons = {
                    "leaders", "men", "presidents", "ministers", "envoys", "women", "chiefs"};
                static const std::set<std::string> sides = {"sides", "delegations", "governments",
                                                            "countries"};
                if (toks[k].lower == "two" && k + 1 < trig &&
                    (persons.count(toks[k + 1].lower) || sides.count(toks[k + 1].lower))) {
                    const bool want_person = persons.count(toks[k + 1].lower) > 0;
                    const auto found =
                        last_two_named(st, s, k, [&](std::size_t ms, const Mention& m) {
                            const bool person =
                                st.ex.entities[static_cast<std::size_t>(m.entity)].type ==
                                EntityType::Person;
                            return !is_modifier(st, ms, m) && person == want_person &&
                                   is_actor_entity(st, m.entity);
                        });
                    if (found.size() == 2) parts = found;
                }
            }
            if (parts.size() < 2) continue;
            DocMeeting mt;
            mt.participants = parts;
            mt.host = host;
            mt.location = location;
            // "is due to receive X on Monday", "will meet on Thursday": the next such day.
            const bool future =
                contains_phrase(toks, a, b, {"will"}) || contains_phrase(toks, a, b, {"due"}) ||
                contains_phrase(toks, a, b, {"scheduled"}) ||
                contains_phrase(toks, a, b, {"plan"}) || contains_phrase(toks, a, b, {"plans"}) ||
                contains_phrase(toks, a, b, {"expected"});
            mt.date = find_date(st, s, a, b, future || announced);
            // An announced meeting has only the date its own clause gives.
            if (!mt.date && !announced) mt.date = find_date(st, s, 0, toks.size(), future);
            if (!mt.date && (contains_phrase(toks, 0, toks.size(), {"this", "day"}) ||
                             contains_phrase(toks, 0, toks.size(), {"same", "day"}) ||
                             contains_phrase(toks, 0, toks.size(), {"that", "day"})))
                mt.date = context_date;
            if (mt.location < 0 && s <= 3 && dateline_place >= 0) mt.location = dateline_place;
            mt.evidence =
                st.evidence(s, trig, trig + 1,
                            "meeting." + (verb ? std::string("verb:") : std::string("noun:")) + w,
                            verb ? 0.8 : 0.6);
            found_any = true;
            // Merge with an earlier meeting of this document describing the same event.
            int merged = -1;
            for (std::size_t k = 0; k < st.ex.meetings.size(); ++k) {
                auto& o = st.ex.meetings[k];
                if (o.date && mt.date && !(*o.date == *mt.date)) continue;
                if (o.location >= 0 && mt.location >= 0 && o.location != mt.location) continue;
                std::size_t shared = 0;
                for (int p : mt.participants)
                    shared += std::count(o.participants.begin(), o.participants.end(), p);
                std::vector<int> x = o.participants, y = mt.participants;
                std::sort(x.begin(), x.end());
                std::sort(y.begin(), y.end());
                const bool same_day = o.date && mt.date;
                if ((same_day && shared >= 2) || x == y) {
                    merged = static_cast<int>(k);
                    break;
                }
            }
            if (merged >= 0) {
                auto& o = st.ex.meetings[static_cast<std::size_t>(merged)];
                for (int p : mt.participants)
                    if (std::find(o.participants.begin(), o.participants.end(), p) ==
                        o.participants.end())
                        o.participants.push_back(p);
                if (o.host < 0) o.host = mt.host;
                if (o.location < 0) o.location = mt.location;
                if (!o.date) o.date = mt.date;
                last_meeting = merged;
            } else {
                const int first_named = mt.participants.front();
                st.ex.meetings.push_back(std::move(mt));
                last_meeting = static_cast<int>(st.ex.meetings.size()) - 1;
                meeting_subject[last_meeting] = first_named;
            }
            last_meeting_sentence = s;
        }
        // "Ana Ruiz, who once more led the Chilean side," / "Ortiz, who headed the
        // Ukrainian delegation": the leaders of the sides take part in the meeting of the text;
        // so does "X, who mediated the meeting".
        if (last_meeting >= 0) {
            for (std::size_t k = 0; k + 3 < toks.size(); ++k) {
                const auto& v = toks[k].lower;
                const bool mediated = (v == "mediated" || v == "moderated" || v == "facilitated" ||
                                       v == "brokered") &&
                                      (toks[k + 1].lower == "the" || toks[k + 1].lower == "these");
                if (v != "led" && v != "headed" && v != "leads" && v != "heads" && !mediated)
                    continue;
                bool team = false;
                for (std::size_t q = k + 1; q < std::min(toks.size(), k + 5); ++q)
                    team |= toks[q].lower == "team" || toks[q].lower == "delegation" ||
                            toks[q].lower == "side" || (mediated && meeting_noun(toks[q].lower));
                if (!team) continue;
                const int who = subject_actor(st, s, k);
                if (who < 0 ||
                    st.ex.entities[static_cast<std::size_t>(who)].type != EntityType::Person)
                    continue;
                auto& lm = st.ex.meetings[static_cast<std::size_t>(last_meeting)];
                if (std::find(lm.participants.begin(), lm.participants.end(), who) ==
                    lm.participants.end())
                    lm.participants.push_back(who);
            }
        }
        // "X, Y and Z took part in the final round, along with envoys A and B": those named
        // took part in the meeting reported last (or, when none was, in one of their own).
        for (std::size_t k = 1; k + 3 < toks.size() && !found_any; ++k) {
            if (toks[k].lower != "part" || st.in_quote(toks[k].begin)) continue;
            const auto& tv = toks[k - 1].lower;
            if ((tv != "took" && tv != "take" && tv != "takes" && tv != "taking") ||
                toks[k + 1].lower != "in")
                continue;
            std::size_t n = k + 2;
            while (n < toks.size() && n < k + 6 && !meeting_noun(toks[n].lower))
                ++n;
            if (n >= toks.size() || !meeting_noun(toks[n].lower)) continue;
            std::vector<int> who;
            for (const auto& m : st.mentions[s]) {
                if (m.in_quote || m.demonym || is_modifier(st, s, m)) continue;
                if (!is_actor_entity(st, m.entity)) continue;
                if (m.first > n && !contains_phrase(toks, k, m.first, {"with"})) continue;
                if (std::find(who.begin(), who.end(), m.entity) == who.end())
                    who.push_back(m.entity);
            }
            if (who.size() < 2 && last_meeting < 0) continue;
            if (last_meeting >= 0) {
                auto& lm = st.ex.meetings[static_cast<std::size_t>(last_meeting)];
                for (int p : who)
                    if (std::find(lm.participants.begin(), lm.participants.end(), p) ==
                        lm.participants.end())
                        lm.participants.push_back(p);
            } else {
                DocMeeting mt;
                mt.participants = who;
                mt.date = find_date(st, s, 0, toks.size());
                mt.location = s <= 4 ? dateline_place : -1;
                mt.evidence = st.evidence(s, k - 1, n + 1, "meeting.took-part", 0.6);
                st.ex.meetings.push_back(std::move(mt));
                last_meeting = static_cast<int>(st.ex.meetings.size()) - 1;
            }
            last_meeting_sentence = s;
            found_any = true;
        }
        // Passive and descriptive forms: "Azerbaijan's delegation was led by X", "Azerbaijan
        // was represented by envoy X", "Y, deputy secretary of ..., was part of the Armenian
        // team": X and Y take part (a side represented by X is X's affiliation).
        if (last_meeting >= 0) {
            auto& lm = st.ex.meetings[static_cast<std::size_t>(last_meeting)];
            auto join = [&](int who) {
                if (who < 0 ||
                    st.ex.entities[static_cast<std::size_t>(who)].type != EntityType::Person)
                    return;
                if (std::find(lm.participants.begin(), lm.participants.end(), who) ==
                    lm.participants.end())
                    lm.participants.push_back(who);
            };
            auto team_word = [&](std::size_t a, std::size_t b) {
                for (std::size_t q = a; q < std::min(b, toks.size()); ++q)
                    if (toks[q].lower == "team" || toks[q].lower == "delegation" ||
                        toks[q].lower == "side" || toks[q].lower == "delegations")
                        return true;
                return false;
            };
            for (std::size_t k = 1; k + 2 < toks.size(); ++k) {
                if (st.in_quote(toks[k].begin)) continue;
                const auto& v = toks[k].lower;
                if ((v == "led" || v == "headed" || v == "represented") &&
                    toks[k + 1].lower == "by") {
                    const bool by_team = team_word(k >= 5 ? k - 5 : 0, k);
                    int side = -1;
                    if (v == "represented") {
                        const int subj = subject_actor(st, s, k);
                        if (subj >= 0 && st.ex.entities[static_cast<std::size_t>(subj)].type !=
                                             EntityType::Person)
                            side = subj;
                    }
                    if (!by_team && side < 0) continue;
                    // "Russia sent a team headed by X", "Ukraine's delegation was led by X":
                    // the side named before the team is X's.
                    if (side < 0)
                        for (const auto& m : st.mentions[s])
                            if (m.last <= k && m.first + 8 >= k && !m.in_quote &&
                                st.ex.entities[static_cast<std::size_t>(m.entity)].type ==
                                    EntityType::Country)
                                side = m.entity;
                    for (const auto& m : st.mentions[s]) {
                        if (m.first < k + 2 || m.first > k + 6 || m.in_quote || m.demonym) continue;
                        auto& pe = st.ex.entities[static_cast<std::size_t>(m.entity)];
                        if (pe.type != EntityType::Person) continue;
                        if (side >= 0 && pe.affiliation < 0) pe.affiliation = side;
                        join(m.entity);
                        break;
                    }
                }
                // "The participation of envoy X underscores ...": X took part.
                if (v == "participation" && toks[k + 1].lower == "of" && toks[k - 1].lower == "the")
                    for (const auto& m : st.mentions[s])
                        if (m.first >= k + 2 && m.first <= k + 5 && !m.in_quote && !m.demonym &&
                            st.ex.entities[static_cast<std::size_t>(m.entity)].type ==
                                EntityType::Person) {
                            join(m.entity);
                            break;
                        }
                if (v == "part" && toks[k + 1].lower == "of" && team_word(k + 2, k + 6) &&
                    (toks[k - 1].lower == "was" || toks[k - 1].lower == "were" ||
                     toks[k - 1].lower == "is"))
                    join(subject_actor(st, s, k - 1));
            }
        }
        // "The next round is planned for late spring": the next meeting of the
        // sides of the article's first meeting.
        if (!found_any && !st.ex.meetings.empty() &&
            st.ex.meetings.front().participants.size() >= 2) {
            for (std::size_t k = 0; k + 2 < toks.size(); ++k) {
                if (toks[k].lower != "next" || st.in_quote(toks[k].begin)) continue;
                std::size_t n = k + 1;
                if (n + 1 < toks.size() && !meeting_noun(toks[n].lower)) ++n;
                if (!meeting_noun(toks[n].lower) || toks[n].lower == "call" ||
                    toks[n].lower == "visit")
                    continue;
                const bool set = contains_phrase(toks, n, toks.size(), {"scheduled"}) ||
                                 contains_phrase(toks, n, toks.size(), {"planned"}) ||
                                 contains_phrase(toks, n, toks.size(), {"set", "for"}) ||
                                 contains_phrase(toks, n, toks.size(), {"due"}) ||
                                 contains_phrase(toks, n, toks.size(), {"will", "be", "held"});
                bool neg = false;
                for (const auto& t : toks)
                    neg |= t.lower == "not" || t.lower == "no" || t.lower == "if" ||
                           t.lower == "before" || t.lower == "until";
                if (!set || neg) break;
                DocMeeting mt;
                mt.participants = st.ex.meetings.front().participants;
                mt.date = find_date(st, s, n, toks.size(), true);
                for (const auto& m : st.mentions[s])
                    if (!m.in_quote && m.first > 0 && toks[m.first - 1].lower == "in" &&
                        st.ex.entities[static_cast<std::size_t>(m.entity)].type ==
                            EntityType::Place)
                        mt.location = m.entity;
                mt.evidence = st.evidence(s, k, n + 1, "meeting.next:" + toks[n].lower, 0.6);
                st.ex.meetings.push_back(std::move(mt));
                found_any = true;
                break;
            }
        }
        if (found_any || last_meeting < 0 || s > last_meeting_sentence + 2) continue;
        // Continuation: "Around the table were X, Y and Z." / "The delegation included ...".
        const bool cue_more = contains_phrase(toks, 0, toks.size(), {"around", "the", "table"}) ||
                              contains_phrase(toks, 0, toks.size(), {"included"}) ||
                              contains_phrase(toks, 0, toks.size(), {"attended"}) ||
                              contains_phrase(toks, 0, toks.size(), {"flanked"}) ||
                              contains_phrase(toks, 0, toks.size(), {"accompanied"}) ||
                              contains_phrase(toks, 0, toks.size(), {"brought"});
        if (!cue_more) continue;
        auto& mt = st.ex.meetings[static_cast<std::size_t>(last_meeting)];
        for (const auto& m : st.mentions[s]) {
            if (m.in_quote || m.demonym || is_modifier(st, s, m)) continue;
            if (st.ex.entities[static_cast<std::size_t>(m.entity)].type != EntityType::Person)
                continue;
            if (std::find(mt.participants.begin(), mt.participants.end(), m.entity) ==
                mt.participants.end())
                mt.participants.push_back(m.entity);
        }
        last_meeting_sentence = s;
    }
    // "the city named for that meeting, else the venue": a venue no lexicon knows ("Villa La
    // Grange", "the Federal Chancellery") gives way to the city of the dateline.
    // A venue the lexicon knows in the dateline city's country ("the Federal Chancellery" under
    // a BERLIN dateline) gives way to the city as well.
    if (dateline_place >= 0 &&
        !st.ex.entities[static_cast<std::size_t>(dateline_place)].lexicon_id.empty()) {
        const LexEntry* city =
            st.lex.by_id(st.ex.entities[static_cast<std::size_t>(dateline_place)].lexicon_id);
        for (auto& mt : st.ex.meetings) {
            if (mt.location < 0 || mt.location == dateline_place) continue;
            const auto& le = st.ex.entities[static_cast<std::size_t>(mt.location)];
            if (le.type != EntityType::Place) continue;
            const LexEntry* venue = le.lexicon_id.empty() ? nullptr : st.lex.by_id(le.lexicon_id);
            if (!venue || (venue->kind == "venue" && city &&
                           (city->kind == "city" || city->kind == "capital") &&
                           !city->country.empty() && venue->country == city->country))
                mt.location = dateline_place;
        }
    }
    // A side whose named representative takes part is present through that person: "President
    // X of the Republic of Chile", "Peru's chief negotiator Y" add X and Y, not the states.
    for (auto& mt : st.ex.meetings) {
        std::vector<int> keep;
        for (int p : mt.participants) {
            const auto& pe = st.ex.entities[static_cast<std::size_t>(p)];
            bool represented = false;
            if (pe.type != EntityType::Person && p != mt.host)
                for (int q : mt.participants)
                    represented |=
                        st.ex.entities[static_cast<std::size_t>(q)].type == EntityType::Person &&
                        st.ex.entities[static_cast<std::size_t>(q)].affiliation == p;
            if (!represented) keep.push_back(p);
        }
        // "Cassis and Switzerland": a person with his own state is one side, no meeting.
        mt.participants = keep;
    }
    std::erase_if(st.ex.meetings, [](const DocMeeting& m) { return m.participants.size() < 2; });
    for (auto& mt : st.ex.meetings) {
        std::sort(mt.participants.begin(), mt.participants.end());
        std::vector<std::string> names;
        for (int p : mt.participants)
            names.push_back(st.ex.entities[static_cast<std::size_t>(p)].name);
        std::string label = "Meeting of ";
        for (std::size_t k = 0; k < names.size() && k < 4; ++k)
            label += (k == 0 ? "" : (k + 1 == names.size() || k == 3 ? " and " : ", ")) + names[k];
        if (names.size() > 4) label += " and others";
        if (mt.location >= 0)
            label += " in " + st.ex.entities[static_cast<std::size_t>(mt.location)].name;
        if (mt.date) label += " on " + mt.date->iso();
        mt.label = label;
    }
}

} // namespace parley::extract
