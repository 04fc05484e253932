// Meetings: talks, meetings, calls and summits between named actors, held or scheduled, from
// trigger words, with participants, host, location and date. Proposed, cancelled or negated
// meetings and press contacts are not meetings.
#include "core/text.hpp"
#include "extract/internal.hpp"

#include <algorithm>

namespace parley::extract {

namespace {

bool any_of_words(const std::vector<Token>& toks, std::initializer_list<const char*> words) {
    for (const auto& t : toks)
        for (const char* w : words)
            if (t.lower == w) return true;
    return false;
}

bool contains_phrase(const std::vector<Token>& toks, const std::vector<std::string>& phrase) {
    if (phrase.empty() || toks.size() < phrase.size()) return false;
    for (std::size_t i = 0; i + phrase.size() <= toks.size(); ++i) {
        bool ok = true;
        for (std::size_t k = 0; k < phrase.size() && ok; ++k) ok = toks[i + k].lower == phrase[k];
        if (ok) return true;
    }
    return false;
}

/// Is the mention a modifier of something else ("German Chancellor X", "Russia's claims")?
bool is_modifier(const State& st, std::size_t s, const Mention& m) {
    const auto& toks = st.tokens[s];
    if (st.ex.entities[static_cast<std::size_t>(m.entity)].type == EntityType::Person) {
        return m.last < toks.size() && toks[m.last].lower == "'s";
    }
    if (m.last < toks.size() && toks[m.last].lower == "'s") return true;
    // Followed closely by a person mention: a title's affiliation ("U.S. Envoy Steve Witkoff").
    for (const auto& o : st.mentions[s]) {
        if (o.first >= m.last && o.first <= m.last + 4 && o.entity != m.entity &&
            st.ex.entities[static_cast<std::size_t>(o.entity)].type == EntityType::Person) {
            bool gap_is_title = true;
            for (std::size_t k = m.last; k < o.first; ++k)
                if (!toks[k].word || toks[k].lower == "and" || toks[k].lower == "with")
                    gap_is_title = false;
            if (gap_is_title) return true;
        }
    }
    // "... of NATO" after a role: "Secretary General of NATO Mark Rutte" is handled above.
    return false;
}

} // namespace

void find_meetings(State& st) {
    const std::size_t ns = st.tokens.size();
    static const std::vector<std::string> verbs = {"met",  "meet",   "meets",    "meeting",
                                                   "talks", "summit", "hosted",  "received",
                                                   "receive", "telephoned", "call", "spoke",
                                                   "negotiations", "session", "trilateral",
                                                   "bilateral", "gathering", "sat"};
    std::optional<Date> context_date;
    int last_meeting = -1;
    std::size_t last_meeting_sentence = 0;
    for (std::size_t s = 0; s < ns; ++s) {
        const auto& toks = st.tokens[s];
        if (st.headline[s]) continue;
        if (auto d = find_date(st, s, 0, toks.size())) context_date = d;
        // A trigger outside quotations.
        std::size_t trig = toks.size();
        for (std::size_t i = 0; i < toks.size(); ++i) {
            if (st.in_quote(toks[i].begin)) continue;
            const auto& w = toks[i].lower;
            bool hit = st.trig("meeting_verbs", w) || st.trig("meeting_nouns", w) ||
                       std::find(verbs.begin(), verbs.end(), w) != verbs.end();
            if (w == "call" || w == "spoke") {
                // "a phone call", "spoke ... on the phone", not "called for".
                hit = contains_phrase(toks, {"phone"}) || contains_phrase(toks, {"video", "call"}) ||
                      contains_phrase(toks, {"a", "call"}) || contains_phrase(toks, {"by", "phone"});
            }
            if (w == "received" || w == "receive")
                hit = i + 1 < toks.size() && toks[i + 1].cap; // "received Zelensky"
            if (w == "session" || w == "round")
                hit = contains_phrase(toks, {"talks"}) || contains_phrase(toks, {"session"});
            if (hit) {
                trig = i;
                break;
            }
        }
        // Participants: actor mentions outside quotations that are not modifiers or sources.
        std::vector<int> parts;
        int location = -1, host = -1;
        for (const auto& m : st.mentions[s]) {
            if (m.in_quote) continue;
            const auto& ent = st.ex.entities[static_cast<std::size_t>(m.entity)];
            const std::string prev = m.first > 0 ? toks[m.first - 1].lower : "";
            const std::string prev2 = m.first > 1 ? toks[m.first - 2].lower : "";
            if (ent.type == EntityType::Place ||
                (ent.type == EntityType::Country && !m.demonym &&
                 (prev == "in" || prev == "to" || prev == "at"))) {
                if ((prev == "in" || prev == "at") && (location < 0 || prev == "in"))
                    location = m.entity;
                continue;
            }
            if (prev == "to" && prev2 == "according") continue;
            if (m.first >= 1 && (toks[m.first - 1].text == "(")) continue;
            if (is_modifier(st, s, m)) continue;
            if (m.demonym) {
                // "Ukrainian and U.S. military officials meet", "the U.S. delegation".
                bool actorish = false;
                for (std::size_t k = m.last; k < std::min(toks.size(), m.last + 4); ++k) {
                    const auto& w = toks[k].lower;
                    if (w == "delegation" || w == "officials" || w == "side" || w == "team" ||
                        w == "negotiators" || w == "delegations" || w == "leaders")
                        actorish = true;
                }
                if (!actorish) continue;
            }
            if (ent.type == EntityType::Organization &&
                st.lex.trigger("outlets").count(fold_case(ent.name)))
                continue;
            if (std::find(parts.begin(), parts.end(), m.entity) == parts.end())
                parts.push_back(m.entity);
        }
        // Pronoun subjects: "he met X", "She hosted".
        if (trig < toks.size()) {
            int subj = subject_actor(st, s, trig);
            if (subj >= 0 && std::find(parts.begin(), parts.end(), subj) == parts.end())
                parts.push_back(subj);
        }
        const bool cue_more = contains_phrase(toks, {"around", "the", "table"}) ||
                              any_of_words(toks, {"attended", "joined", "included", "flanked",
                                                  "accompanied", "present"});
        if (trig >= toks.size()) {
            // Continuation: "Around the table were X, Y and Z."
            if (cue_more && last_meeting >= 0 && s <= last_meeting_sentence + 2 &&
                !parts.empty()) {
                auto& mt = st.ex.meetings[static_cast<std::size_t>(last_meeting)];
                for (int p : parts)
                    if (std::find(mt.participants.begin(), mt.participants.end(), p) ==
                        mt.participants.end())
                        mt.participants.push_back(p);
                last_meeting_sentence = s;
            }
            continue;
        }
        // Not a meeting: negated, proposed, wished, cancelled.
        bool negative = false;
        for (std::size_t k = (trig >= 5 ? trig - 5 : 0); k < trig; ++k) {
            const auto& w = toks[k].lower;
            if (w == "not" || w == "no" || w == "never" || w == "n't" || w == "proposed" ||
                w == "suggested" || w == "wants" || w == "want" || w == "invite" ||
                w == "would" || w == "could" || w == "should" || w == "if" || w == "without" ||
                w == "denied" || w == "offered" || w == "proposes" || w == "seeks")
                negative = true;
        }
        if (contains_phrase(toks, {"fell", "through"}) || contains_phrase(toks, {"called", "off"}) ||
            any_of_words(toks, {"cancelled", "canceled", "postponed", "scrapped"}) ||
            contains_phrase(toks, {"have", "not", "sat"}) ||
            contains_phrase(toks, {"has", "not", "met"}))
            negative = true;
        if (negative) continue;
        // Host: "X hosted", "hosted by X", "X received Y", "playing host".
        for (std::size_t i = 0; i < toks.size(); ++i) {
            const auto& w = toks[i].lower;
            if (w == "hosted" || w == "host" || w == "received" || w == "receive" ||
                w == "hosts" || w == "welcomed") {
                if (i + 1 < toks.size() && toks[i + 1].lower == "by") {
                    for (const auto& m : st.mentions[s])
                        if (m.first == i + 2 || (m.first == i + 3 && toks[i + 2].lower == "the")) {
                            host = m.entity;
                            break;
                        }
                } else {
                    host = subject_actor(st, s, i);
                }
                if (host >= 0 && !is_actor_entity(st, host)) host = -1;
                if (host >= 0) break;
            }
        }
        if (host >= 0 && std::find(parts.begin(), parts.end(), host) == parts.end())
            parts.push_back(host);
        if (parts.size() < 2) continue;
        DocMeeting mt;
        mt.participants = parts;
        mt.host = host;
        mt.location = location;
        mt.date = find_date(st, s, 0, toks.size());
        if (!mt.date && (contains_phrase(toks, {"on", "this", "day"}) ||
                         contains_phrase(toks, {"the", "same", "day"}) ||
                         contains_phrase(toks, {"that", "day"})))
            mt.date = context_date;
        mt.evidence = st.evidence(s, trig, trig + 1, "meeting.trigger:" + toks[trig].lower, 0.7);
        // Merge with an earlier meeting of this document describing the same event.
        int merged = -1;
        for (std::size_t k = 0; k < st.ex.meetings.size(); ++k) {
            auto& o = st.ex.meetings[k];
            if (o.date && mt.date && !(*o.date == *mt.date)) continue;
            if (o.location >= 0 && mt.location >= 0 && o.location != mt.location) continue;
            std::size_t shared = 0;
            for (int p : mt.participants)
                shared += std::count(o.participants.begin(), o.participants.end(), p);
            const bool same_when = (o.date && mt.date) || (o.location >= 0 && mt.location >= 0);
            if ((same_when && shared >= 1) || shared >= 2) {
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
            st.ex.meetings.push_back(std::move(mt));
            last_meeting = static_cast<int>(st.ex.meetings.size()) - 1;
        }
        last_meeting_sentence = s;
    }
    for (auto& mt : st.ex.meetings) {
        std::sort(mt.participants.begin(), mt.participants.end());
        // A label: "Meeting of A, B and C".
        std::vector<std::string> names;
        for (int p : mt.participants) names.push_back(st.ex.entities[static_cast<std::size_t>(p)].name);
        std::string label = "Meeting of ";
        for (std::size_t k = 0; k < names.size() && k < 4; ++k)
            label += (k == 0 ? "" : (k + 1 == names.size() || k == 3 ? " and " : ", ")) + names[k];
        if (names.size() > 4) label += " and others";
        if (mt.location >= 0) label += " in " + st.ex.entities[static_cast<std::size_t>(mt.location)].name;
        if (mt.date) label += " on " + mt.date->iso();
        mt.label = label;
    }
}

} // namespace parley::extract
