// The scorer of tools/score.py on the in-memory graph. Resource order is the order of keys, which
// is the order of IRIs (all share the `pr:` prefix), so ties break as in score.py.
#include "eval/score.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "eval/pyrepr.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace parley {

namespace {

constexpr double kQuoteThreshold = 0.6;

/// Python's `round(x, 4)`: correctly rounded to 4 decimals (printf rounds the exact binary
/// value, ties to even, as Python's dtoa-based rounding does).
double round4(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", x);
    return std::strtod(buf, nullptr);
}

/// A term used in a relation: a gold entity key (`first == 0`) or, for a resource that maps to
/// no gold entity, the resource's own key (`first == 1`), score.py's `('unmatched', t)`.
using ActorId = std::pair<int, std::string>;

std::string strength_order_first(const std::map<std::string, int>& cand) {
    std::string best;
    int s = -1;
    for (const auto& [k, v] : cand)
        if (v > s) {
            best = k;
            s = v;
        }
    return best;
}

bool is_qid(const std::string& q) {
    if (q.size() < 2 || q[0] != 'Q') return false;
    return std::all_of(q.begin() + 1, q.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class Scorer {
public:
    Scorer(const KnowledgeGraph& g, const GoldSet& gold) : S_(g), G_(gold) {
        for (Vertex v : S_.sorted_nodes())
            by_kind_[S_[v].kind].push_back(v);
    }

    EvalReport run() {
        score_entities();
        score_meetings();
        score_proposals();
        score_stances();
        score_quotes();
        return std::move(rep_);
    }

private:
    const KnowledgeGraph& S_;
    const GoldSet& G_;
    EvalReport rep_;
    std::map<NodeKind, std::vector<Vertex>> by_kind_;
    std::map<Vertex, std::string> entity_match_;
    std::map<Vertex, std::optional<std::string>> rmap_cache_;

    const std::vector<Vertex>& nodes(NodeKind k) {
        static const std::vector<Vertex> none;
        auto it = by_kind_.find(k);
        return it == by_kind_.end() ? none : it->second;
    }

    std::vector<std::string> labels(Vertex r) const {
        if (S_[r].label.empty()) return {};
        return {S_[r].label};
    }

    [[nodiscard]] std::string show(Vertex r) const {
        const std::string iri = "pr:" + S_[r].key;
        return S_[r].label.empty() ? iri : iri + " \"" + S_[r].label + "\"";
    }

    /// Gold keys `r` may denote with strength 3 (label = name, or QID), 2 (label = alias) or 1
    /// (altLabel = name or alias).
    [[nodiscard]] std::map<std::string, int> candidates(Vertex r) const {
        std::map<std::string, int> best;
        auto put = [&](const std::string& k, int v) {
            auto [it, added] = best.emplace(k, v);
            if (!added && it->second < v) it->second = v;
        };
        const NodeProps& p = S_[r];
        if (is_qid(p.qid))
            if (auto it = G_.qid_index.find(p.qid); it != G_.qid_index.end())
                for (const auto& k : it->second)
                    put(k, 3);
        for (const auto& lab : labels(r)) {
            const std::string n = name_key(lab);
            if (auto it = G_.name_index.find(n); it != G_.name_index.end())
                for (const auto& k : it->second)
                    put(k, n == k ? 3 : 2);
        }
        for (const auto& lab : p.aliases)
            if (auto it = G_.name_index.find(name_key(lab)); it != G_.name_index.end())
                for (const auto& k : it->second)
                    put(k, 1);
        return best;
    }

    static std::optional<std::string> sys_type(NodeKind k) {
        switch (k) {
        case NodeKind::Person:
            return "Person";
        case NodeKind::Organization:
            return "Organization";
        case NodeKind::Country:
            return "Country";
        case NodeKind::Place:
            return "Place";
        default:
            return std::nullopt;
        }
    }

    /// Kuhn's maximum bipartite matching: nodes tried in `order`, edges in `adj` order.
    static std::map<Vertex, std::string>
    matching(const std::vector<Vertex>& order,
             const std::map<Vertex, std::vector<std::string>>& adj) {
        std::map<std::string, Vertex> match_g;
        std::function<bool(Vertex, std::set<std::string>&)> attempt =
            [&](Vertex s, std::set<std::string>& seen) {
                for (const auto& k : adj.at(s)) {
                    if (!seen.insert(k).second) continue;
                    auto it = match_g.find(k);
                    if (it == match_g.end() || attempt(Vertex{it->second}, seen)) {
                        match_g[k] = s;
                        return true;
                    }
                }
                return false;
            };
        for (Vertex s : order) {
            std::set<std::string> seen;
            attempt(s, seen);
        }
        std::map<Vertex, std::string> out;
        for (const auto& [k, s] : match_g)
            out[s] = k;
        return out;
    }

    std::string gold_name(const std::string& k) const {
        auto it = G_.entities.find(k);
        return it == G_.entities.end() ? k : it->second.name;
    }

    void score_entities() {
        std::vector<Vertex> ents;
        for (Vertex v : S_.sorted_nodes())
            if (sys_type(S_[v].kind)) ents.push_back(v);
        std::map<Vertex, std::map<std::string, int>> cand;
        for (Vertex r : ents)
            cand[r] = candidates(r);
        auto stype = [&](Vertex r) { return *sys_type(S_[r].kind); };

        auto run_matching = [&](bool typed) {
            std::map<Vertex, std::vector<std::string>> adj;
            std::map<Vertex, int> strongest;
            for (Vertex r : ents) {
                std::vector<std::string> ks;
                for (const auto& [k, s] : cand[r]) {
                    auto it = G_.entities.find(k);
                    if (it == G_.entities.end()) continue;
                    if (typed && stype(r) != it->second.type) continue;
                    ks.push_back(k);
                }
                const auto& c = cand[r];
                std::stable_sort(ks.begin(), ks.end(), [&](const auto& a, const auto& b) {
                    return std::make_pair(-c.at(a), a) < std::make_pair(-c.at(b), b);
                });
                int mx = 0;
                for (const auto& k : ks)
                    mx = std::max(mx, c.at(k));
                strongest[r] = mx;
                adj[r] = std::move(ks);
            }
            std::vector<Vertex> order = ents; // already sorted by key (= IRI)
            std::stable_sort(order.begin(), order.end(),
                             [&](Vertex a, Vertex b) { return strongest[a] > strongest[b]; });
            return matching(order, adj);
        };
        const auto m_untyped = run_matching(false);
        const auto m_typed = run_matching(true);
        entity_match_ = m_untyped;
        const std::size_t n_gold = G_.entities.size();
        const std::size_t n_sys = ents.size();
        rep_.entities = make_prf(m_untyped.size(), n_sys, m_untyped.size(), n_gold);
        rep_.entities_typed = make_prf(m_typed.size(), n_sys, m_typed.size(), n_gold);
        for (std::size_t ti = 0; ti < kEntityTypes.size(); ++ti) {
            const std::string t = kEntityTypes[ti];
            std::size_t n_gk = 0, n_sk = 0, tp_s = 0, tp_g = 0;
            for (const auto& [k, e] : G_.entities)
                n_gk += e.type == t;
            for (Vertex r : ents)
                if (stype(r) == t) {
                    ++n_sk;
                    tp_s += m_typed.count(r);
                }
            for (const auto& [r, k] : m_typed)
                tp_g += G_.entities.at(k).type == t;
            rep_.entities_by_type[ti] = make_prf(tp_s, n_sk, tp_g, n_gk);
        }

        // Errors.
        std::set<std::string> matched_gold;
        for (const auto& [r, k] : m_untyped)
            matched_gold.insert(k);
        std::vector<std::string> fp, fn, mism;
        for (Vertex r : ents) {
            if (m_untyped.count(r)) continue;
            std::string why;
            if (!cand[r].empty()) {
                const std::string other = strength_order_first(cand[r]);
                if (matched_gold.count(other))
                    why = "  (duplicate: " + gold_name(other) + " already matched)";
            }
            fp.push_back(show(r) + " [" + stype(r) + "]" + why);
        }
        for (const auto& [k, e] : G_.entities) {
            if (matched_gold.count(k)) continue;
            std::string docs;
            for (const auto& d : e.docs)
                docs += (docs.empty() ? "" : ",") + d;
            fn.push_back(e.name + " [" + e.type + "] aliases=" +
                         py_list_repr({e.aliases.begin(), e.aliases.end()}) + " in " + docs);
        }
        std::vector<std::pair<std::string, Vertex>> by_key;
        for (const auto& [r, k] : m_untyped)
            by_key.emplace_back(S_[r].key, r);
        std::sort(by_key.begin(), by_key.end());
        for (const auto& [key, r] : by_key) {
            const GoldEntity& e = G_.entities.at(m_untyped.at(r));
            if (stype(r) != e.type)
                mism.push_back(show(r) + ": system " + stype(r) + ", gold " + e.type + " (" +
                               e.name + ")");
        }
        rep_.errors.push_back(
            {"entities",
             std::nullopt,
             {{"false_positives", fp, std::nullopt}, {"false_negatives", fn, std::nullopt}}});
        rep_.errors.push_back({"entities_typed",
                               std::nullopt,
                               {{"type_mismatches", mism, std::nullopt},
                                {"false_positives_typed", {}, n_sys - m_typed.size()},
                                {"false_negatives_typed", {}, n_gold - m_typed.size()}}});
    }

    /// Any resource used in a relation -> gold key (or none).
    std::optional<std::string> rmap(Vertex t) {
        if (auto it = rmap_cache_.find(t); it != rmap_cache_.end()) return it->second;
        std::optional<std::string> k;
        if (auto it = entity_match_.find(t); it != entity_match_.end()) {
            k = it->second;
        } else {
            const auto c = candidates(t);
            if (!c.empty()) k = strength_order_first(c);
        }
        rmap_cache_[t] = k;
        return k;
    }

    ActorId key_or_token(Vertex t) {
        const auto k = rmap(t);
        return k ? ActorId{0, *k} : ActorId{1, S_[t].key};
    }

    std::string name_of(const ActorId& a) const {
        if (a.first == 1) {
            const auto v = S_.find(a.second);
            PARLEY_CHECK(v.has_value(), "an unmatched actor is a node of the graph");
            return show(*v) + " (no gold entity)";
        }
        return gold_name(a.second);
    }
    std::string name_of(const std::string& key) const { return gold_name(key); }

    template <class Keys> std::string sorted_names(const Keys& keys) const {
        std::vector<std::string> names;
        for (const auto& k : keys)
            names.push_back(name_of(k));
        std::sort(names.begin(), names.end());
        return py_list_repr(names);
    }

    std::vector<Vertex> objects(Vertex s, std::initializer_list<Relation> rels) const {
        std::vector<Vertex> out;
        for (Relation rel : rels)
            for (Vertex t : S_.targets(s, rel))
                out.push_back(t);
        return out;
    }

    void score_meetings() {
        const auto evs = G_.events();
        const auto& sms = nodes(NodeKind::Meeting);
        std::map<Vertex, std::set<ActorId>> sp;
        std::map<Vertex, std::set<std::string>> sloc, sdate;
        for (Vertex m : sms) {
            for (Vertex a : objects(m, {Relation::Participant, Relation::Host}))
                sp[m].insert(key_or_token(a));
            sloc[m];
            for (Vertex x : objects(m, {Relation::Location}))
                if (auto k = rmap(x)) sloc[m].insert(*k);
            sdate[m];
            if (S_[m].date) sdate[m].insert(S_[m].date->iso());
        }
        auto shared_with = [&](const GoldEvent& ev, Vertex m) {
            std::size_t n = 0;
            for (const auto& p : ev.participants)
                n += sp[m].count(ActorId{0, p});
            return n;
        };
        struct Cand {
            long shared;
            int lm, dm;
            std::size_t i;
            std::string key;
            Vertex m;
        };
        std::vector<Cand> cands;
        for (std::size_t i = 0; i < evs.size(); ++i) {
            for (Vertex m : sms) {
                const std::size_t shared = shared_with(evs[i], m);
                if (!shared) continue;
                const int lm = evs[i].location && sloc[m].count(*evs[i].location) ? 1 : 0;
                const int dm = evs[i].date && sdate[m].count(*evs[i].date) ? 1 : 0;
                cands.push_back({-static_cast<long>(shared), -lm, -dm, i, S_[m].key, m});
            }
        }
        std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
            return std::tie(a.shared, a.lm, a.dm, a.i, a.key) <
                   std::tie(b.shared, b.lm, b.dm, b.i, b.key);
        });
        std::map<std::size_t, Vertex> align;
        std::set<Vertex> used;
        for (const auto& c : cands) {
            if (!align.count(c.i) && !used.count(c.m)) {
                align[c.i] = c.m;
                used.insert(c.m);
            }
        }
        std::size_t n_gold = 0, n_sys = 0, tp = 0;
        for (const auto& ev : evs)
            n_gold += ev.participants.size();
        for (Vertex m : sms)
            n_sys += sp[m].size();
        for (const auto& [i, m] : align)
            tp += shared_with(evs[i], m);
        rep_.meeting_participants = make_prf(tp, n_sys, tp, n_gold);

        std::set<std::size_t> loc_ok, date_ok;
        MeetingSummary& ms = rep_.meetings;
        for (const auto& [i, m] : align) {
            if (evs[i].location) {
                ++ms.location.total;
                if (sloc[m].count(*evs[i].location)) loc_ok.insert(i);
            }
            if (evs[i].date) {
                ++ms.date.total;
                if (sdate[m].count(*evs[i].date)) date_ok.insert(i);
            }
        }
        ms.location.correct = loc_ok.size();
        ms.date.correct = date_ok.size();
        for (Accuracy* a : {&ms.location, &ms.date})
            if (a->total)
                a->accuracy = static_cast<double>(a->correct) / static_cast<double>(a->total);
        ms.gold_meetings = G_.meetings.size();
        ms.gold_events = evs.size();
        ms.system_meetings = sms.size();
        ms.aligned = align.size();

        std::vector<std::string> errs;
        for (std::size_t i = 0; i < evs.size(); ++i) {
            const GoldEvent& ev = evs[i];
            std::string members;
            for (const auto& x : ev.members)
                members += (members.empty() ? "" : "+") + x;
            const std::string head = members + " (" + ev.description + ")";
            if (!align.count(i)) {
                errs.push_back("FN event " + head + ": " + sorted_names(ev.participants) +
                               " not aligned");
                continue;
            }
            const Vertex m = align.at(i);
            std::vector<std::string> miss_keys;
            for (const auto& p : ev.participants)
                if (!sp[m].count(ActorId{0, p})) miss_keys.push_back(p);
            std::vector<ActorId> extra_keys;
            for (const auto& a : sp[m])
                if (a.first == 1 || !ev.participants.count(a.second)) extra_keys.push_back(a);
            std::string line = "aligned " + head + " -> " + show(m);
            if (!miss_keys.empty()) line += "; missing " + sorted_names(miss_keys);
            if (!extra_keys.empty()) line += "; extra " + sorted_names(extra_keys);
            if (ev.location && !loc_ok.count(i))
                line += "; location " + sorted_names(sloc[m]) + " != " + name_of(*ev.location);
            if (ev.date && !date_ok.count(i))
                line += "; date " + py_list_repr({sdate[m].begin(), sdate[m].end()}) +
                        " != " + *ev.date;
            if (!miss_keys.empty() || !extra_keys.empty() ||
                std::count(line.begin(), line.end(), ';') > 0)
                errs.push_back(line);
        }
        for (Vertex m : sms)
            if (!used.count(m))
                errs.push_back("FP meeting " + show(m) + ": " + sorted_names(sp[m]));
        rep_.errors.push_back({"meetings", errs, {}});
    }

    /// score.py's `texts(r)`: kw_norm'ed label and altLabels.
    std::vector<std::string> texts(Vertex r) const {
        std::vector<std::string> out;
        for (const auto& l : labels(r))
            out.push_back(kw_norm(l));
        for (const auto& l : S_[r].aliases)
            out.push_back(kw_norm(l));
        return out;
    }

    /// Gold proposals whose keywords occur in a label or altLabel of `r`.
    std::set<ProposalKey> prop_matches(Vertex r) const {
        const auto ts = texts(r);
        std::set<ProposalKey> out;
        for (const auto& [gk, gp] : G_.proposals) {
            bool hit = false;
            for (const auto& kw : gp.keywords) {
                for (const auto& t : ts)
                    if (t.find(kw) != std::string::npos) hit = true;
            }
            if (hit) out.insert(gk);
        }
        return out;
    }

    std::string gold_proposal(const ProposalKey& gk) const {
        return gk.first + "#" + gk.second + " \"" + G_.proposals.at(gk).label + "\"";
    }

    void score_proposals() {
        const auto& sps = nodes(NodeKind::Proposal);
        std::map<Vertex, std::set<ProposalKey>> pm;
        std::set<ProposalKey> matched_gold;
        std::size_t tp_sys = 0;
        for (Vertex r : sps) {
            pm[r] = prop_matches(r);
            matched_gold.insert(pm[r].begin(), pm[r].end());
            tp_sys += !pm[r].empty();
        }
        rep_.proposals = make_prf(tp_sys, sps.size(), matched_gold.size(), G_.proposals.size());

        std::set<std::pair<ProposalKey, std::string>> gold_pairs;
        for (const auto& [gk, gp] : G_.proposals)
            for (const auto& a : gp.proposers)
                gold_pairs.insert({gk, a});
        std::set<std::pair<Vertex, ActorId>> sys_pairs;
        for (Vertex p : S_.sorted_nodes())
            for (Vertex a : S_.targets(p, Relation::ProposedBy))
                sys_pairs.insert({p, key_or_token(a)});
        std::set<std::pair<Vertex, ActorId>> ok_sys;
        std::set<std::pair<ProposalKey, std::string>> found;
        for (const auto& [p, a] : sys_pairs) {
            const auto ms = pm.count(p) ? pm.at(p) : prop_matches(p);
            if (a.first != 0) continue;
            for (const auto& gk : ms) {
                if (gold_pairs.count({gk, a.second})) {
                    ok_sys.insert({p, a});
                    found.insert({gk, a.second});
                }
            }
        }
        rep_.proposal_proposer =
            make_prf(ok_sys.size(), sys_pairs.size(), found.size(), gold_pairs.size());

        std::vector<std::string> fp, fn, pfp, pfn;
        for (Vertex r : sps)
            if (pm[r].empty()) fp.push_back(show(r));
        for (const auto& [gk, gp] : G_.proposals)
            if (!matched_gold.count(gk))
                fn.push_back(gold_proposal(gk) + " match=" + py_list_repr(gp.keywords));
        for (const auto& pa : sys_pairs)
            if (!ok_sys.count(pa))
                pfp.push_back(show(pa.first) + " proposedBy " + name_of(pa.second));
        for (const auto& ga : gold_pairs)
            if (!found.count(ga))
                pfn.push_back(gold_proposal(ga.first) + " proposedBy " + name_of(ga.second));
        std::sort(pfp.begin(), pfp.end());
        std::sort(pfn.begin(), pfn.end());
        rep_.errors.push_back(
            {"proposals",
             std::nullopt,
             {{"false_positives", fp, std::nullopt}, {"false_negatives", fn, std::nullopt}}});
        rep_.errors.push_back(
            {"proposal_proposer",
             std::nullopt,
             {{"false_positives", pfp, std::nullopt}, {"false_negatives", pfn, std::nullopt}}});
    }

    void score_stances() {
        using SysStance = std::tuple<ActorId, std::string, Vertex>;
        std::set<SysStance> sys_st;
        // pl:demands is a sub-property of pl:supports, pl:rejects of pl:opposes.
        struct Polarity {
            const char* name;
            Relation direct, sub;
        };
        const Polarity pols[] = {{"supports", Relation::Supports, Relation::Demands},
                                 {"opposes", Relation::Opposes, Relation::Rejects}};
        for (const auto& pol : pols)
            for (Vertex a : S_.sorted_nodes())
                for (Vertex p : objects(a, {pol.direct, pol.sub}))
                    sys_st.insert({key_or_token(a), pol.name, p});
        const std::set<GoldStance> gold_st(G_.stances.begin(), G_.stances.end());
        std::map<Vertex, std::set<ProposalKey>> pm;
        std::set<SysStance> ok_sys;
        std::set<GoldStance> found;
        for (const auto& st : sys_st) {
            const auto& [a, pol, p] = st;
            if (!pm.count(p)) pm[p] = prop_matches(p);
            if (a.first != 0) continue;
            for (const auto& gk : pm[p]) {
                GoldStance g{a.second, pol, gk};
                if (gold_st.count(g)) {
                    ok_sys.insert(st);
                    found.insert(g);
                }
            }
        }
        rep_.stances = make_prf(ok_sys.size(), sys_st.size(), found.size(), gold_st.size());
        std::vector<std::string> fp, fn;
        for (const auto& st : sys_st)
            if (!ok_sys.count(st))
                fp.push_back(name_of(std::get<0>(st)) + " " + std::get<1>(st) + " " +
                             show(std::get<2>(st)));
        for (const auto& g : gold_st)
            if (!found.count(g))
                fn.push_back(name_of(g.actor) + " " + g.polarity + " " + gold_proposal(g.proposal));
        std::sort(fp.begin(), fp.end());
        std::sort(fn.begin(), fn.end());
        rep_.errors.push_back(
            {"stances",
             std::nullopt,
             {{"false_positives", fp, std::nullopt}, {"false_negatives", fn, std::nullopt}}});
    }

    void score_quotes() {
        const auto& sts = nodes(NodeKind::Statement);
        std::map<Vertex, std::set<ActorId>> speakers;
        std::map<Vertex, std::vector<TokenBag>> bags;
        for (Vertex st : sts) {
            for (Vertex a : S_.targets(st, Relation::Speaker))
                speakers[st].insert(key_or_token(a));
            if (!S_[st].text.empty()) bags[st].push_back(token_bag(S_[st].text));
        }
        std::set<Vertex> ok_sys;
        std::set<std::size_t> found;
        for (std::size_t i = 0; i < G_.quotes.size(); ++i) {
            const GoldQuote& q = G_.quotes[i];
            int need = 0;
            for (const auto& [w, n] : q.tokens)
                need += n;
            for (Vertex st : sts) {
                if (!speakers[st].count(ActorId{0, q.speaker})) continue;
                for (const auto& bag : bags[st]) {
                    int shared = 0;
                    for (const auto& [w, n] : q.tokens)
                        if (auto it = bag.find(w); it != bag.end())
                            shared += std::min(n, it->second);
                    if (shared >= kQuoteThreshold * need) {
                        ok_sys.insert(st);
                        found.insert(i);
                    }
                }
            }
        }
        rep_.quotes = make_prf(ok_sys.size(), sts.size(), found.size(), G_.quotes.size());
        std::vector<std::string> fp, fn;
        for (Vertex st : sts) {
            if (ok_sys.count(st)) continue;
            if (S_[st].text.empty()) {
                fp.push_back(show(st) + " (no pl:text)");
                continue;
            }
            fp.push_back(show(st) + " speaker=" + sorted_names(speakers[st]) +
                         " text=" + py_str_repr(utf8_prefix(S_[st].text, 80)));
        }
        for (std::size_t i = 0; i < G_.quotes.size(); ++i)
            if (!found.count(i))
                fn.push_back(G_.quotes[i].doc + ": " + name_of(G_.quotes[i].speaker) + ": \"" +
                             G_.quotes[i].text + "\"");
        rep_.errors.push_back(
            {"quotes",
             std::nullopt,
             {{"false_positives", fp, std::nullopt}, {"false_negatives", fn, std::nullopt}}});
    }
};

} // namespace

Prf make_prf(std::size_t tp_system, std::size_t system, std::size_t tp_gold, std::size_t gold) {
    Prf r;
    r.gold = gold;
    r.system = system;
    r.tp_gold = tp_gold;
    r.tp_system = tp_system;
    std::optional<double> p, rc;
    if (system) p = static_cast<double>(tp_system) / static_cast<double>(system);
    if (gold) rc = static_cast<double>(tp_gold) / static_cast<double>(gold);
    if (p && rc) r.f1 = (*p + *rc == 0.0) ? 0.0 : round4(2 * *p * *rc / (*p + *rc));
    if (p) r.precision = round4(*p);
    if (rc) r.recall = round4(*rc);
    return r;
}

const Prf* EvalReport::row(std::string_view key) const {
    const Prf* rows[] = {&entities,  &entities_typed,    &meeting_participants,
                         &proposals, &proposal_proposer, &stances,
                         &quotes};
    for (std::size_t i = 0; i < kEvalRows.size(); ++i)
        if (key == kEvalRows[i].key) return rows[i];
    return nullptr;
}

EvalReport evaluate(const KnowledgeGraph& g, const GoldSet& gold) {
    return Scorer(g, gold).run();
}

} // namespace parley
