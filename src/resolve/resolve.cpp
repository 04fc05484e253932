// Cross-document resolution. Entities merge by lexicon id, persons by transliteration-tolerant
// name variants (Zelensky/Zelenskyy/Zelenskiy/Zelenski, Grinkevich/Grynkewich) while "Jr."
// keeps a son apart from his father; meetings merge by date, place and shared participants;
// proposals by their normalized wording. Keys are deterministic slugs of canonical labels.
#include "resolve/resolve.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <thread>

namespace parley {

namespace {

std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::string hex8(std::uint64_t h) {
    char buf[20];
    std::snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>(h & 0xffffffffull));
    return buf;
}

/// Spelling-tolerant key of one name word: y->i, w->v, j->i, kh->h, doubled letters once,
/// trailing "ii" -> "i".
std::string fold_word(const std::string& w) {
    std::string out;
    for (std::size_t i = 0; i < w.size(); ++i) {
        char c = w[i];
        if (c == 'y' || c == 'j') c = 'i';
        if (c == 'w') c = 'v';
        if (c == 'h' && !out.empty() && out.back() == 'k') {
            out.back() = 'h';
            continue;
        }
        if (!out.empty() && out.back() == c) continue;
        out += c;
    }
    return out;
}

struct NameParts {
    std::vector<std::string> words; ///< folded words without suffix
    std::string suffix;             ///< "jr", "sr", "ii", "iii"
};

NameParts name_parts(const std::string& name) {
    NameParts np;
    std::string key = name_key(name);
    std::size_t i = 0;
    while (i < key.size()) {
        std::size_t j = key.find(' ', i);
        if (j == std::string::npos) j = key.size();
        std::string w = key.substr(i, j - i);
        if (w == "jr" || w == "sr" || w == "iii" || w == "ii") {
            np.suffix = w;
        } else if (!w.empty()) {
            np.words.push_back(fold_word(w));
        }
        i = j + 1;
    }
    return np;
}

/// Do two person names denote the same person?
bool same_person(const NameParts& a, const NameParts& b) {
    if (a.words.empty() || b.words.empty() || a.suffix != b.suffix) return false;
    const std::string& sa = a.words.back();
    const std::string& sb = b.words.back();
    const std::size_t longest = std::max(sa.size(), sb.size());
    const bool surname_ok = sa == sb || (longest >= 6 && edit_distance(sa, sb) <= 1);
    if (!surname_ok) return false;
    if (a.words.size() == 1 || b.words.size() == 1) return true;
    const std::string& fa = a.words.front();
    const std::string& fb = b.words.front();
    if (fa == fb) return true;
    if (fa.size() == 1 || fb.size() == 1) return fa[0] == fb[0];
    // "Greg" / "Gregory": a short form that starts the long one.
    if (std::min(fa.size(), fb.size()) >= 3 && (fa.rfind(fb, 0) == 0 || fb.rfind(fa, 0) == 0))
        return true;
    return fa[0] == fb[0] && edit_distance(fa, fb) <= 2;
}

struct UnionFind {
    std::vector<std::size_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    std::size_t find(std::size_t i) {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    }
    void unite(std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
};

NodeKind node_kind(EntityType t) {
    switch (t) {
    case EntityType::Person:
        return NodeKind::Person;
    case EntityType::Organization:
        return NodeKind::Organization;
    case EntityType::Country:
        return NodeKind::Country;
    case EntityType::Place:
        return NodeKind::Place;
    }
    return NodeKind::Place;
}

std::string kind_prefix(NodeKind k) {
    std::string s = to_string(k);
    for (auto& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

Relation stance_relation(Stance s) {
    switch (s) {
    case Stance::Supports:
        return Relation::Supports;
    case Stance::Demands:
        return Relation::Demands;
    case Stance::Opposes:
        return Relation::Opposes;
    case Stance::Rejects:
        return Relation::Rejects;
    case Stance::Conditional:
        return Relation::ConditionallySupports;
    }
    return Relation::Supports;
}

/// The words of a label's name_key, each with a plural 's' dropped ("guarantees" ->
/// "guarantee"); `keep(word)` filters the unchanged word first.
template <class Keep> std::vector<std::string> label_words(const std::string& label, Keep keep) {
    std::vector<std::string> out;
    const std::string key = name_key(label);
    std::size_t i = 0;
    while (i < key.size()) {
        std::size_t j = key.find(' ', i);
        if (j == std::string::npos) j = key.size();
        std::string w = key.substr(i, j - i);
        i = j + 1;
        if (w.empty() || !keep(w)) continue;
        if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
        out.push_back(std::move(w));
    }
    return out;
}

/// Content-word key of a proposal label: lower-case, no articles, plural 's' dropped.
std::string proposal_key(const std::string& label) {
    std::string out;
    auto content = [](const std::string& x) { return x != "a" && x != "an" && x != "the"; };
    for (const auto& w : label_words(label, content))
        out += (out.empty() ? "" : " ") + w;
    return out;
}

/// What a proposal label is about: its content words, reduced to a common form (plural 's'
/// dropped, British/American spelling and near-synonyms mapped: truce -> ceasefire, pullback
/// -> withdrawal), and whether it gives something up ("forgo", "no", "without"): "Ukraine's
/// NATO membership" and "Ukraine forgoes NATO membership" are two proposals.
struct ProposalSignature {
    std::vector<std::string> words; ///< sorted, unique
    bool gives_up = false;
};

ProposalSignature proposal_signature(const std::string& label) {
    static const std::set<std::string> stop = {
        "a",       "an",    "the",    "of",     "for",      "to",       "in",   "on",   "at",
        "by",      "with",  "and",    "or",     "from",     "that",     "this", "its",  "their",
        "his",     "her",   "our",    "be",     "is",       "are",      "was",  "were", "will",
        "would",   "could", "should", "must",   "can",      "it",       "as",   "into", "over",
        "any",     "all",   "some",   "such",   "other",    "which",    "who",  "has",  "have",
        "had",     "s",     "new",    "latest", "proposed", "possible", "so",   "than", "more",
        "between", "both",  "each"};
    static const std::map<std::string, std::string> same = {{"truce", "ceasefire"},
                                                            {"cease-fire", "ceasefire"},
                                                            {"armistice", "ceasefire"},
                                                            {"pullback", "withdrawal"},
                                                            {"pullout", "withdrawal"},
                                                            {"withdraw", "withdrawal"},
                                                            {"withdrawing", "withdrawal"},
                                                            {"withdrew", "withdrawal"},
                                                            {"withdrawn", "withdrawal"},
                                                            {"defence", "defense"},
                                                            {"guarantee", "guarantee"},
                                                            {"assurance", "guarantee"},
                                                            {"troop", "force"},
                                                            {"soldier", "force"},
                                                            {"swap", "exchange"},
                                                            {"prisoner", "prisoner"},
                                                            {"pow", "prisoner"},
                                                            {"captive", "prisoner"},
                                                            {"membership", "membership"},
                                                            {"accession", "membership"},
                                                            {"join", "membership"},
                                                            {"joining", "membership"},
                                                            {"demilitarised", "demilitarized"},
                                                            {"programme", "program"}};
    static const std::set<std::string> giving_up = {
        "forgo",    "forgoe",     "forgoing", "forgone",  "abandon", "abandoning", "abandoned",
        "renounce", "renouncing", "drop",     "dropping", "no",      "without",    "never",
        "not",      "give",       "giving",   "gave",     "end",     "ending",     "halt"};
    ProposalSignature sig;
    auto content = [&](const std::string& x) {
        if (giving_up.count(x)) sig.gives_up = true;
        return !stop.count(x) && !giving_up.count(x);
    };
    for (auto w : label_words(label, content)) {
        if (auto it = same.find(w); it != same.end()) w = it->second;
        sig.words.push_back(w);
    }
    std::sort(sig.words.begin(), sig.words.end());
    sig.words.erase(std::unique(sig.words.begin(), sig.words.end()), sig.words.end());
    return sig;
}

/// Proposals of earlier documents by content word, to find the one a new label rewords.
/// Two labels are the same proposal when both give something up or neither does, they share
/// at least two content words, and the shared words are at least three quarters of the
/// shorter label's and half of the longer's. A proposal takes at most one label per
/// document (the extractor already keeps one document's proposals apart on purpose). Words
/// shared by very many proposals are not looked up (their postings are capped), so the search
/// stays linear in the number of proposals.
class ProposalIndex {
public:
    std::optional<Vertex> find(const ProposalSignature& sig, std::size_t doc) const {
        if (sig.words.size() < 2) return std::nullopt;
        std::map<std::size_t, std::size_t> shared; // entry -> words shared
        for (const auto& w : sig.words) {
            auto it = postings_.find(w);
            if (it == postings_.end() || it->second.size() > kMaxPostings) continue;
            for (std::size_t e : it->second)
                ++shared[e];
        }
        std::optional<Vertex> best;
        double best_score = 0;
        for (const auto& [e, n_hint] : shared) {
            const Entry& en = entries_[e];
            if (n_hint < 1 || en.sig.gives_up != sig.gives_up) continue;
            if (auto dv = docs_.find(en.vertex); dv != docs_.end() && dv->second.count(doc))
                continue;
            std::vector<std::string> both;
            std::set_intersection(sig.words.begin(), sig.words.end(), en.sig.words.begin(),
                                  en.sig.words.end(), std::back_inserter(both));
            const double n = static_cast<double>(both.size());
            const double lo = static_cast<double>(std::min(sig.words.size(), en.sig.words.size()));
            const double hi = static_cast<double>(std::max(sig.words.size(), en.sig.words.size()));
            if (both.size() < 2 || n / lo < 0.75 || n / hi < 0.5) continue;
            const double score = n / hi;
            if (score > best_score) { // first best wins: entries are in creation order
                best_score = score;
                best = en.vertex;
            }
        }
        return best;
    }

    void add(const ProposalSignature& sig, Vertex v, std::size_t doc) {
        docs_[v].insert(doc);
        // A later label of the same proposal is found through its own words too.
        if (!seen_.insert({v, sig.words}).second) return;
        const std::size_t e = entries_.size();
        entries_.push_back({sig, v});
        for (const auto& w : sig.words) {
            auto& list = postings_[w];
            if (list.size() <= kMaxPostings) list.push_back(e);
        }
    }

private:
    static constexpr std::size_t kMaxPostings = 400;
    struct Entry {
        ProposalSignature sig;
        Vertex vertex;
    };
    std::vector<Entry> entries_;
    std::map<Vertex, std::set<std::size_t>> docs_; ///< documents each proposal has labels from
    std::set<std::pair<Vertex, std::vector<std::string>>> seen_;
    std::map<std::string, std::vector<std::size_t>> postings_;
};

std::string truncate_slug(std::string s, std::size_t max) {
    if (s.size() <= max) return s;
    s.resize(max);
    while (!s.empty() && s.back() == '-')
        s.pop_back();
    return s;
}

/// Calls `f(i, worker)` for every `i` in [0, n), on up to `jobs` threads (this one included;
/// `worker` < `jobs` numbers the thread, for per-thread state). `f` may write only what belongs
/// to its `i`, so the result does not depend on the number of threads. An exception stops the
/// loop and is rethrown once every thread has finished.
template <class F> void parallel_for(std::size_t n, unsigned jobs, F f) {
    constexpr std::size_t kChunk = 64;
    const unsigned threads =
        static_cast<unsigned>(std::min<std::size_t>(std::max(jobs, 1u), (n + kChunk - 1) / kChunk));
    if (threads <= 1) {
        for (std::size_t i = 0; i < n; ++i)
            f(i, 0u);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::vector<std::exception_ptr> errors(threads);
    auto work = [&](unsigned worker) {
        try {
            for (std::size_t b; (b = next.fetch_add(kChunk)) < n;)
                for (std::size_t i = b; i < std::min(n, b + kChunk); ++i)
                    f(i, worker);
        } catch (...) {
            errors[worker] = std::current_exception();
            next = n; // the others stop at their next chunk
        }
    };
    {
        std::vector<std::jthread> pool;
        for (unsigned t = 1; t < threads; ++t)
            pool.emplace_back(work, t);
        work(0);
    }
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
}

/// A global entity cluster.
struct Cluster {
    EntityType type = EntityType::Person;
    std::vector<std::pair<std::size_t, std::size_t>> members; ///< (doc, entity)
    std::string lexicon_id, qid, label;
    std::set<std::string> forms;
};

} // namespace

KnowledgeGraph build_graph(const std::vector<Document>& docs,
                           const std::vector<DocExtraction>& extractions, const Lexicon& lexicon,
                           ResolveSummary* summary, unsigned jobs) {
    PARLEY_CHECK(docs.size() == extractions.size(), "one extraction per document");
    jobs = std::max(jobs, 1u);
    KnowledgeGraph g;
    // One transliterator for every key: `slugify` creates one per call on non-ASCII text. The
    // parallel steps use one per thread (a transliterator is not thread-safe).
    std::vector<Slugifier> slugs(jobs);
    const Slugifier& slug = slugs[0];

    // ---- documents
    std::vector<Vertex> doc_v(docs.size());
    for (std::size_t d = 0; d < docs.size(); ++d) {
        const auto& doc = docs[d];
        Vertex v = g.node(NodeKind::Document, "document/" + slug(doc.id),
                          doc.title.empty() ? doc.id : doc.title);
        g[v].date = doc.published;
        g[v].text = doc.id;
        g[v].sources.insert(doc.id);
        doc_v[d] = v;
    }

    // ---- entity clusters
    std::vector<std::pair<std::size_t, std::size_t>> all;
    for (std::size_t d = 0; d < extractions.size(); ++d)
        for (std::size_t e = 0; e < extractions[d].entities.size(); ++e)
            all.emplace_back(d, e);
    auto ent = [&](std::size_t i) -> const DocEntity& {
        return extractions[all[i].first].entities[all[i].second];
    };
    UnionFind uf(all.size());
    {
        // The key of every entity and the name parts of every person, computed in parallel;
        // then merged in order.
        std::vector<std::string> keys(all.size());
        std::vector<NameParts> parts(all.size());
        parallel_for(all.size(), jobs, [&](std::size_t i, unsigned) {
            const auto& e = ent(i);
            if (e.type == EntityType::Person) parts[i] = name_parts(e.name);
            if (!e.lexicon_id.empty()) {
                keys[i] = e.lexicon_id;
            } else if (!e.qid.empty()) {
                keys[i] = "qid:" + e.qid;
            } else if (e.type != EntityType::Person) {
                std::string folded;
                for (const auto& w : name_parts(e.name).words)
                    folded += w + " ";
                keys[i] = std::string(to_string(e.type)) + ":" + folded;
            }
        });
        // Persons without a lexicon id or qid merge by name below; persons with one merge with
        // persons of the same name variants too.
        std::map<std::string, std::size_t> by_key;
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (keys[i].empty()) continue;
            auto [it, fresh] = by_key.emplace(std::move(keys[i]), i);
            if (!fresh) uf.unite(it->second, i);
        }
        // Full names first, then surname-only names when they fit exactly one cluster. The
        // same spelling merges through a map; different spellings are compared only within a
        // bucket of surnames starting alike, so the work grows with the distinct names, not
        // with the square of the mentions.
        auto folded = [&](std::size_t i) {
            std::string k = parts[i].suffix + "|";
            for (const auto& w : parts[i].words)
                k += w + " ";
            return k;
        };
        // Transliteration swaps first letters (Gritsenko/Hrytsenko, Selenskyj/Zelensky): the
        // bucket folds them into one class.
        auto bucket = [&](std::size_t i) {
            std::string b = parts[i].words.back().substr(0, 2);
            if (!b.empty()) {
                char& c = b[0];
                if (c == 'g' || c == 'h')
                    c = 'h';
                else if (c == 'z')
                    c = 's';
                else if (c == 'c' || c == 'q')
                    c = 'k';
                else if (c == 'w')
                    c = 'v';
            }
            return b;
        };
        std::map<std::string, std::size_t> rep_of;
        std::map<std::string, std::vector<std::size_t>> full_reps, single_reps;
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (ent(i).type != EntityType::Person || parts[i].words.empty()) continue;
            auto [it, fresh] = rep_of.emplace(folded(i), i);
            if (!fresh) {
                uf.unite(it->second, i);
                continue;
            }
            (parts[i].words.size() >= 2 ? full_reps : single_reps)[bucket(i)].push_back(i);
        }
        for (const auto& [b, reps] : full_reps)
            for (std::size_t x = 0; x < reps.size(); ++x)
                for (std::size_t y = x + 1; y < reps.size(); ++y)
                    if (same_person(parts[reps[x]], parts[reps[y]])) uf.unite(reps[x], reps[y]);
        for (const auto& [b, singles] : single_reps) {
            auto fr = full_reps.find(b);
            if (fr == full_reps.end()) continue;
            for (std::size_t i : singles) {
                std::set<std::size_t> roots;
                for (std::size_t j : fr->second)
                    if (same_person(parts[i], parts[j])) roots.insert(uf.find(j));
                if (roots.size() == 1) uf.unite(i, *roots.begin());
            }
        }
    }
    std::map<std::size_t, Cluster> clusters;
    for (std::size_t i = 0; i < all.size(); ++i) {
        auto& c = clusters[uf.find(i)];
        const auto& e = ent(i);
        c.members.push_back(all[i]);
        c.type = e.type;
        if (c.lexicon_id.empty()) c.lexicon_id = e.lexicon_id;
        if (c.qid.empty()) c.qid = e.qid;
        c.forms.insert(e.surface_forms.begin(), e.surface_forms.end());
    }
    // Preferred label: the lexicon name; else the full name seen in most documents (each
    // cluster on its own, in parallel).
    std::map<std::pair<std::size_t, std::size_t>, Vertex> ent_v;
    std::vector<Cluster*> cluster_list;
    cluster_list.reserve(clusters.size());
    for (auto& [root, c] : clusters)
        cluster_list.push_back(&c);
    parallel_for(cluster_list.size(), jobs, [&](std::size_t k, unsigned) {
        Cluster& c = *cluster_list[k];
        if (!c.lexicon_id.empty()) {
            if (const LexEntry* le = lexicon.by_id(c.lexicon_id)) c.label = le->name;
        }
        if (c.label.empty()) {
            std::map<std::string, std::set<std::size_t>> seen;
            for (auto [d, e] : c.members)
                seen[extractions[d].entities[e].name].insert(d);
            // Office holders the lexicon knows keep the lexicon's spelling.
            for (const auto& r : lexicon.roles)
                for (const auto& h : r.holders)
                    if (!h.qid.empty() && h.qid == c.qid) c.label = h.person;
            if (c.label.empty()) {
                std::size_t best = 0;
                for (const auto& [name, ds] : seen) {
                    const std::size_t words = std::count(name.begin(), name.end(), ' ') + 1;
                    const std::size_t score = ds.size() * 100 + words * 10;
                    if (score > best || (score == best && name < c.label)) {
                        best = score;
                        c.label = name;
                    }
                }
            }
        }
    });
    std::vector<std::pair<std::string, std::size_t>> order;
    order.reserve(clusters.size());
    for (const auto& [root, c] : clusters)
        order.emplace_back(c.label, root);
    std::sort(order.begin(), order.end());
    // Entities referenced by a fact; the others need a surface form to exist in the graph.
    std::set<std::pair<std::size_t, std::size_t>> used;
    for (std::size_t d = 0; d < extractions.size(); ++d) {
        const auto& ex = extractions[d];
        auto use = [&](int e) {
            if (e >= 0) used.insert({d, static_cast<std::size_t>(e)});
        };
        for (const auto& m : ex.meetings) {
            for (int p : m.participants)
                use(p);
            use(m.host);
            use(m.location);
        }
        for (const auto& p : ex.proposals)
            for (int a : p.proposers)
                use(a);
        for (const auto& st : ex.stances)
            use(st.actor);
        for (const auto& q : ex.quotes)
            use(q.speaker);
    }
    // What each kept cluster's vertex gets, prepared in parallel: the slug of its label and
    // its evidence (every mention of its members, sorted and unique, as `add_evidence` keeps it).
    struct Prepared {
        bool keep = false;
        std::string slug;
        std::vector<Evidence> evidence;
    };
    std::vector<Prepared> prepared(order.size());
    parallel_for(order.size(), jobs, [&](std::size_t k, unsigned worker) {
        const Cluster& c = clusters.at(order[k].second);
        Prepared& p = prepared[k];
        p.keep = std::any_of(c.members.begin(), c.members.end(), [&](const auto& m) {
            return used.count(m) || !extractions[m.first].entities[m.second].surface_forms.empty();
        });
        if (!p.keep) return;
        p.slug = truncate_slug(slugs[worker](c.label), 80);
        for (auto [d, e] : c.members) {
            const auto& mentions = extractions[d].entities[e].mentions;
            p.evidence.insert(p.evidence.end(), mentions.begin(), mentions.end());
        }
        std::sort(p.evidence.begin(), p.evidence.end());
        p.evidence.erase(std::unique(p.evidence.begin(), p.evidence.end()), p.evidence.end());
    });
    std::set<std::string> used_keys;
    for (std::size_t k = 0; k < order.size(); ++k) {
        auto& c = clusters[order[k].second];
        Prepared& p = prepared[k];
        if (!p.keep) continue;
        const NodeKind kind = node_kind(c.type);
        std::string key = kind_prefix(kind) + "/" + p.slug;
        for (int n = 2; used_keys.count(key); ++n)
            key = kind_prefix(kind) + "/" + p.slug + "-" + std::to_string(n);
        used_keys.insert(key);
        Vertex v = g.node(kind, key, c.label);
        g[v].qid = c.qid;
        for (const auto& f : c.forms)
            if (f != c.label) g[v].aliases.insert(f);
        if (g[v].evidence.empty()) {
            g[v].evidence = std::move(p.evidence);
        } else {
            for (const auto& ev : p.evidence)
                add_evidence(g[v].evidence, ev);
        }
        for (auto [d, e] : c.members) {
            ent_v[{d, e}] = v;
            const auto& de = extractions[d].entities[e];
            if (!de.role.empty()) g[v].roles.insert(de.role);
            if (!de.surface_forms.empty()) {
                g[v].sources.insert(docs[d].id);
                g.relate(v, Relation::MentionedIn, doc_v[d]);
            }
        }
    }
    // Named entities are those with a surface form; others exist only through facts.
    auto named = [&](Vertex v) { return !g[v].sources.empty(); };

    // ---- affiliations
    for (std::size_t d = 0; d < extractions.size(); ++d)
        for (std::size_t e = 0; e < extractions[d].entities.size(); ++e) {
            const auto& de = extractions[d].entities[e];
            if (de.affiliation < 0) continue;
            auto pi = ent_v.find({d, e});
            auto ai = ent_v.find({d, static_cast<std::size_t>(de.affiliation)});
            if (pi == ent_v.end() || ai == ent_v.end()) continue;
            Vertex p = pi->second;
            Vertex a = ai->second;
            if (p == a || !named(a) || !named(p)) continue;
            Evidence ev = de.mentions.empty() ? Evidence{} : de.mentions.front();
            ev.rule = "entity.affiliation";
            if (de.mentions.empty()) {
                ev.doc = docs[d].id;
            }
            g.relate(p, Relation::Affiliation, a, ev);
        }

    auto actor_v = [&](std::size_t d, int e) { return ent_v.at({d, static_cast<std::size_t>(e)}); };
    auto mention_doc = [&](Vertex v, std::size_t d) {
        g[v].sources.insert(docs[d].id);
        g.relate(v, Relation::MentionedIn, doc_v[d]);
    };

    // ---- meetings: cluster across documents
    struct MeetingRef {
        std::size_t d, m;
        std::set<Vertex> parts;
        std::optional<Vertex> loc;
        std::optional<Date> date;
    };
    std::vector<MeetingRef> mrefs;
    for (std::size_t d = 0; d < extractions.size(); ++d)
        for (std::size_t m = 0; m < extractions[d].meetings.size(); ++m) {
            const auto& dm = extractions[d].meetings[m];
            MeetingRef r{d, m, {}, std::nullopt, dm.date};
            for (int p : dm.participants)
                r.parts.insert(actor_v(d, p));
            if (dm.host >= 0) r.parts.insert(actor_v(d, dm.host));
            if (dm.location >= 0) r.loc = actor_v(d, dm.location);
            mrefs.push_back(std::move(r));
        }
    UnionFind muf(mrefs.size());
    // Every merge rule needs a shared participant and both dates given and equal or both places
    // given and equal: compare only meetings that share a participant and a date, or a
    // participant and a place. (A participant such as a country may take part in a large share
    // of all meetings; a participant on a given day or in a given place, in few.)
    std::map<std::pair<Vertex, Date>, std::vector<std::size_t>> by_date;
    std::map<std::pair<Vertex, Vertex>, std::vector<std::size_t>> by_place;
    for (std::size_t i = 0; i < mrefs.size(); ++i)
        for (Vertex v : mrefs[i].parts) {
            if (mrefs[i].date) by_date[{v, *mrefs[i].date}].push_back(i);
            if (mrefs[i].loc) by_place[{v, *mrefs[i].loc}].push_back(i);
        }
    // The pairs to merge are found in parallel (each meeting with the later ones), then united
    // in order; the groups (union-find components) do not depend on the order anyway.
    std::vector<std::vector<std::size_t>> merge_with(mrefs.size());
    parallel_for(mrefs.size(), jobs, [&](std::size_t i, unsigned) {
        std::vector<std::size_t> candidates;
        auto later = [&](const std::vector<std::size_t>& list) { // lists are sorted
            candidates.insert(candidates.end(), std::upper_bound(list.begin(), list.end(), i),
                              list.end());
        };
        for (Vertex v : mrefs[i].parts) {
            if (mrefs[i].date) later(by_date.at({v, *mrefs[i].date}));
            if (mrefs[i].loc) later(by_place.at({v, *mrefs[i].loc}));
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        for (std::size_t j : candidates) {
            const auto& a = mrefs[i];
            const auto& b = mrefs[j];
            if (a.d == b.d) continue;
            if (a.date && b.date && !(*a.date == *b.date)) continue;
            if (a.loc && b.loc && *a.loc != *b.loc) continue;
            std::size_t shared = 0;
            for (Vertex v : a.parts)
                shared += b.parts.count(v);
            const bool same_date = a.date && b.date;
            const bool same_loc = a.loc && b.loc;
            if ((a.parts == b.parts && (same_date || same_loc)) || (same_date && shared >= 2) ||
                (same_loc && shared >= 2 && (!a.date || !b.date)))
                merge_with[i].push_back(j);
        }
    });
    for (std::size_t i = 0; i < mrefs.size(); ++i)
        for (std::size_t j : merge_with[i])
            muf.unite(i, j);
    std::map<std::size_t, std::vector<std::size_t>> mgroups;
    for (std::size_t i = 0; i < mrefs.size(); ++i)
        mgroups[muf.find(i)].push_back(i);
    for (const auto& [root, members] : mgroups) {
        std::set<Vertex> parts;
        std::optional<Vertex> loc;
        std::optional<Date> date;
        std::string sig;
        for (std::size_t i : members) {
            parts.insert(mrefs[i].parts.begin(), mrefs[i].parts.end());
            if (!loc) loc = mrefs[i].loc;
            if (!date) date = mrefs[i].date;
            sig += docs[mrefs[i].d].id + "#" + std::to_string(mrefs[i].m) + ";";
        }
        // A side represented by its named person is no participant of its own: one outlet's
        // "Ukraine and the United States met" and another's "Hrytsenko met Haldane" merge
        // into a meeting of the persons (persons where named, the side only when it is not).
        std::set<Vertex> represented;
        if (members.size() > 1)
            for (Vertex v : parts) {
                if (g[v].kind != NodeKind::Person) continue;
                for (auto [e, end] = boost::out_edges(v, g.boost()); e != end; ++e)
                    if (g[*e].rel == Relation::Affiliation &&
                        parts.count(boost::target(*e, g.boost())))
                        represented.insert(boost::target(*e, g.boost()));
            }
        for (Vertex v : represented)
            parts.erase(v);
        std::vector<std::string> names;
        for (Vertex v : parts)
            names.push_back(g[v].label);
        std::sort(names.begin(), names.end());
        std::string label = "Meeting of ";
        for (std::size_t k = 0; k < names.size() && k < 4; ++k)
            label += (k == 0 ? "" : (k + 1 == names.size() || k == 3 ? " and " : ", ")) + names[k];
        if (names.size() > 4) label += " and others";
        if (loc) label += " in " + g[*loc].label;
        if (date) label += " on " + date->iso();
        std::string who;
        for (const auto& n : names)
            who += n + ";";
        std::string key = "meeting/" + (date ? date->iso() : std::string("undated")) +
                          (loc ? "-" + truncate_slug(slug(g[*loc].label), 30) : "") + "-" +
                          hex8(fnv1a(who + (loc ? g[*loc].key : "")));
        Vertex mv = g.node(NodeKind::Meeting, key, label);
        if (date) g[mv].date = date;
        for (std::size_t i : members) {
            const auto& r = mrefs[i];
            const auto& dm = extractions[r.d].meetings[r.m];
            mention_doc(mv, r.d);
            add_evidence(g[mv].evidence, dm.evidence);
            for (int p : dm.participants)
                if (!represented.count(actor_v(r.d, p)))
                    g.relate(mv, Relation::Participant, actor_v(r.d, p), dm.evidence);
            if (dm.host >= 0) g.relate(mv, Relation::Host, actor_v(r.d, dm.host), dm.evidence);
            if (dm.location >= 0 && loc && actor_v(r.d, dm.location) == *loc)
                g.relate(mv, Relation::Location, *loc, dm.evidence);
        }
    }

    // ---- proposals: merge by normalized wording across documents, then by shared content
    //      words (one outlet's "partial truce in the air and at sea" is another's "partial
    //      ceasefire in the air and at sea"); see ProposalIndex.
    // The key and the signature of every label are computed in parallel first.
    std::vector<std::pair<std::size_t, std::size_t>> all_props; // (doc, proposal)
    for (std::size_t d = 0; d < extractions.size(); ++d)
        for (std::size_t k = 0; k < extractions[d].proposals.size(); ++k)
            all_props.emplace_back(d, k);
    std::vector<std::pair<std::string, ProposalSignature>> prop_keys(all_props.size());
    parallel_for(all_props.size(), jobs, [&](std::size_t i, unsigned) {
        const std::string& label =
            extractions[all_props[i].first].proposals[all_props[i].second].label;
        prop_keys[i] = {proposal_key(label), proposal_signature(label)};
    });
    std::map<std::string, Vertex> prop_by_key;
    std::vector<std::vector<Vertex>> prop_v(extractions.size());
    ProposalIndex similar;
    for (std::size_t i = 0; i < all_props.size(); ++i) {
        const std::size_t d = all_props[i].first;
        const auto& dp = extractions[d].proposals[all_props[i].second];
        const std::string& pk = prop_keys[i].first;
        const ProposalSignature& sig = prop_keys[i].second;
        Vertex pv;
        if (auto it = prop_by_key.find(pk); it != prop_by_key.end()) {
            pv = it->second;
        } else if (auto near = similar.find(sig, d)) {
            pv = *near;
            prop_by_key.emplace(pk, pv);
        } else {
            std::string key = "proposal/" + truncate_slug(slug(dp.label), 60);
            if (g.find(key)) key += "-" + hex8(fnv1a(pk));
            pv = g.node(NodeKind::Proposal, key, dp.label);
            prop_by_key.emplace(pk, pv);
        }
        similar.add(sig, pv, d);
        for (const auto& a : dp.aliases)
            if (a != g[pv].label) g[pv].aliases.insert(a);
        if (dp.label != g[pv].label) g[pv].aliases.insert(dp.label);
        add_evidence(g[pv].evidence, dp.evidence);
        mention_doc(pv, d);
        for (int a : dp.proposers)
            g.relate(pv, Relation::ProposedBy, actor_v(d, a), dp.evidence);
        prop_v[d].push_back(pv);
    }

    // ---- stances
    std::map<std::pair<Vertex, Vertex>, int> polarity; // bit 1 support, bit 2 oppose
    for (std::size_t d = 0; d < extractions.size(); ++d)
        for (const auto& ds : extractions[d].stances) {
            Vertex a = actor_v(d, ds.actor);
            Vertex p = prop_v[d][static_cast<std::size_t>(ds.proposal)];
            g.relate(a, stance_relation(ds.stance), p, ds.evidence);
            if (ds.stance == Stance::Conditional && ds.condition >= 0)
                g.relate(p, Relation::ConditionalOn,
                         prop_v[d][static_cast<std::size_t>(ds.condition)], ds.evidence);
            if (ds.stance == Stance::Supports || ds.stance == Stance::Demands)
                polarity[{a, p}] |= 1;
            if (ds.stance == Stance::Opposes || ds.stance == Stance::Rejects) polarity[{a, p}] |= 2;
        }
    if (summary) {
        summary->conflicts = 0;
        for (const auto& [k, bits] : polarity)
            if (bits == 3) ++summary->conflicts;
    }

    // ---- quotes: one statement per (speaker, normalized text); the hashes of the normalized
    //      texts are computed in parallel first.
    std::vector<std::pair<std::size_t, std::size_t>> all_quotes; // (doc, quote)
    for (std::size_t d = 0; d < extractions.size(); ++d)
        for (std::size_t k = 0; k < extractions[d].quotes.size(); ++k)
            all_quotes.emplace_back(d, k);
    std::vector<std::string> quote_hash(all_quotes.size());
    parallel_for(all_quotes.size(), jobs, [&](std::size_t i, unsigned) {
        const auto& dq = extractions[all_quotes[i].first].quotes[all_quotes[i].second];
        quote_hash[i] = hex8(fnv1a(name_key(dq.text)));
    });
    for (std::size_t i = 0; i < all_quotes.size(); ++i) {
        const std::size_t d = all_quotes[i].first;
        const auto& dq = extractions[d].quotes[all_quotes[i].second];
        Vertex sp = actor_v(d, dq.speaker);
        std::string key = "statement/" + truncate_slug(slug(g[sp].label), 40) + "-" + quote_hash[i];
        std::string label = g[sp].label + ": \u201C";
        label += dq.text.size() > 60 ? dq.text.substr(0, 57) + "..." : dq.text;
        // Never cut a UTF-8 sequence in two.
        while (!label.empty() && (static_cast<unsigned char>(label.back()) & 0xC0) == 0x80 &&
               dq.text.size() > 60)
            label.pop_back();
        label += "\u201D";
        Vertex sv = g.node(NodeKind::Statement, key, label);
        if (g[sv].text.empty()) g[sv].text = dq.text;
        add_evidence(g[sv].evidence, dq.evidence);
        mention_doc(sv, d);
        g.relate(sv, Relation::Speaker, sp, dq.evidence);
    }

    // Facts make their actors part of the graph even when only a demonym named them.
    for (Vertex v : g.sorted_nodes()) {
        if (!is_actor(g[v].kind) && g[v].kind != NodeKind::Place) continue;
        if (!g[v].sources.empty()) continue;
        for (const auto& ev : g[v].evidence)
            g[v].sources.insert(ev.doc);
        for (auto [it, end] = boost::in_edges(v, g.boost()); it != end; ++it)
            for (const auto& ev : g[*it].evidence)
                g[v].sources.insert(ev.doc);
        for (const auto& s : g[v].sources)
            for (std::size_t d = 0; d < docs.size(); ++d)
                if (docs[d].id == s) g.relate(v, Relation::MentionedIn, doc_v[d]);
    }
    return g;
}

} // namespace parley
