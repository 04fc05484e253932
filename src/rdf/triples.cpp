#include "rdf/triples.hpp"

#include "core/error.hpp"
#include "rdf/iri.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <functional>
#include <limits>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace parley::rdf {

Relation super_property(Relation r) {
    switch (r) {
    case Relation::Host:
        return Relation::Participant;
    case Relation::Demands:
        return Relation::Supports;
    case Relation::Rejects:
        return Relation::Opposes;
    default:
        return r;
    }
}

// ----- TermTable ------------------------------------------------------------------------------

/// Fills and orders a `TermTable` (the builder below is its only writer).
struct TermTableAccess {
    static constexpr std::size_t kBlock = std::size_t{1} << 20;

    /// Copies `s` and a NUL into the arena of `t`; the copy never moves.
    static const char* store(TermTable& t, std::string_view s) {
        const std::size_t need = s.size() + 1;
        if (need > t.block_free_) {
            const std::size_t size = std::max(kBlock, need);
            t.blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
            t.free_ = t.blocks_.back().get();
            t.block_free_ = size;
        }
        char* at = t.free_;
        if (!s.empty()) std::memcpy(at, s.data(), s.size());
        at[s.size()] = '\0';
        t.free_ += need;
        t.block_free_ -= need;
        return at;
    }

    /// Appends the tag `tag` to `t` and returns its index.
    static std::uint16_t add_tag(TermTable& t, std::string_view tag) {
        if (t.tags_.empty()) t.tags_.emplace_back(""); // a moved-from table
        PARLEY_CHECK(t.tags_.size() <= std::numeric_limits<std::uint16_t>::max(),
                     "too many distinct language tags and datatypes");
        t.tags_.emplace_back(store(t, tag), tag.size());
        return static_cast<std::uint16_t>(t.tags_.size() - 1);
    }

    /// Appends a term (not checked for duplicates) and returns its id.
    static TermTable::Id add(TermTable& t, Term::Kind kind, std::string_view value,
                             std::uint16_t tag) {
        if (t.tags_.empty()) t.tags_.emplace_back(""); // a moved-from table
        PARLEY_CHECK(t.entries_.size() < std::numeric_limits<TermTable::Id>::max(),
                     "too many distinct terms");
        PARLEY_CHECK(value.size() < std::numeric_limits<std::uint32_t>::max(), "term too long");
        t.entries_.push_back(
            {store(t, value), static_cast<std::uint32_t>(value.size()), tag, kind});
        return static_cast<TermTable::Id>(t.entries_.size() - 1);
    }

    /// Byte `depth` of the sort key of term `id`: the kind at depth 0, then each byte of the
    /// value plus 1, then 0 at the end of the value (a prefix sorts first).
    static int key(const TermTable& t, TermTable::Id id, std::size_t depth) {
        const TermTable::Entry& e = t.entries_[id];
        if (depth == 0) return static_cast<int>(e.kind);
        return depth - 1 < e.size ? static_cast<unsigned char>(e.data[depth - 1]) + 1 : 0;
    }

    static void sort(const TermTable& t, TermTable::Id* a, std::size_t n, std::size_t depth,
                     int level) {
        const auto less = [&](TermTable::Id x, TermTable::Id y) { return t[x] < t[y]; };
        while (n > 16) {
            if (level > 512) { // a pathological input: plain comparison sort
                std::sort(a, a + n, less);
                return;
            }
            const int k0 = key(t, a[0], depth), k1 = key(t, a[n / 2], depth),
                      k2 = key(t, a[n - 1], depth);
            const int pivot = std::max(std::min(k0, k1), std::min(std::max(k0, k1), k2));
            // Three-way partition: [0, lt) < pivot, [lt, gt) == pivot, [gt, n) > pivot.
            std::size_t lt = 0, i = 0, gt = n;
            while (i < gt) {
                const int k = key(t, a[i], depth);
                if (k < pivot) {
                    std::swap(a[lt++], a[i++]);
                } else if (k > pivot) {
                    std::swap(a[i], a[--gt]);
                } else {
                    ++i;
                }
            }
            sort(t, a, lt, depth, level + 1);
            sort(t, a + gt, n - gt, depth, level + 1);
            a += lt;
            n = gt - lt;
            if (pivot == 0 && depth > 0) { // equal kind and value: by tag
                std::sort(a, a + n, less);
                return;
            }
            ++depth;
        }
        for (std::size_t i = 1; i < n; ++i) // insertion sort of a small range
            for (std::size_t j = i; j > 0 && less(a[j], a[j - 1]); --j)
                std::swap(a[j], a[j - 1]);
    }

    /// Whether term `id` of `t` is (kind, value, tag).
    static bool equals(const TermTable& t, TermTable::Id id, Term::Kind kind,
                       std::string_view value, std::uint16_t tag) {
        const TermTable::Entry& e = t.entries_[id];
        return e.kind == kind && e.tag == tag && e.size == value.size() &&
               (value.empty() || std::memcmp(e.data, value.data(), value.size()) == 0);
    }

    /// Sorts `ids` (terms of `t`) in term order. A multikey quicksort (Bentley and Sedgewick)
    /// on the key (kind, the bytes of the value, end of the value): the long common prefixes of
    /// IRIs are read once per partitioning level instead of once per comparison, as comparing
    /// whole strings would. Terms of equal kind and value are then ordered by tag.
    static void sort(const TermTable& t, std::vector<TermTable::Id>& ids) {
        sort(t, ids.data(), ids.size(), 0, 0);
    }

    /// Keeps the terms `order` (old ids) and numbers them in that order.
    static void permute(TermTable& t, const std::vector<TermTable::Id>& order) {
        std::vector<TermTable::Entry> entries;
        entries.reserve(order.size());
        for (const TermTable::Id id : order)
            entries.push_back(t.entries_[id]);
        t.entries_ = std::move(entries);
    }
};

TermTable::TermTable() : tags_{std::string_view("")} {}

TermTable::TermTable(const TermTable& other) : TermTable() {
    entries_.reserve(other.entries_.size());
    tags_.reserve(other.tags_.size());
    for (std::size_t i = 1; i < other.tags_.size(); ++i)
        TermTableAccess::add_tag(*this, other.tags_[i]);
    for (const Entry& e : other.entries_)
        TermTableAccess::add(*this, e.kind, {e.data, e.size}, e.tag);
}

TermTable& TermTable::operator=(const TermTable& other) {
    if (this != &other) *this = TermTable(other);
    return *this;
}

TermTable::TermTable(TermTable&& other) noexcept
    : entries_(std::move(other.entries_)), tags_(std::move(other.tags_)),
      blocks_(std::move(other.blocks_)), free_(std::exchange(other.free_, nullptr)),
      block_free_(std::exchange(other.block_free_, 0)) {
    other.entries_.clear();
    other.tags_.clear();
    other.blocks_.clear();
}

TermTable& TermTable::operator=(TermTable&& other) noexcept {
    if (this != &other) {
        entries_ = std::move(other.entries_);
        tags_ = std::move(other.tags_);
        blocks_ = std::move(other.blocks_);
        free_ = std::exchange(other.free_, nullptr);
        block_free_ = std::exchange(other.block_free_, 0);
        other.entries_.clear();
        other.tags_.clear();
        other.blocks_.clear();
    }
    return *this;
}
TermTable::~TermTable() = default;

std::optional<TermTable::Id> TermTable::find(TermRef t) const {
    std::size_t lo = 0, hi = entries_.size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        const auto c = (*this)[static_cast<Id>(mid)] <=> t;
        if (c == 0) return static_cast<Id>(mid);
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return std::nullopt;
}

Triple TripleSet::triple(std::size_t i) const {
    const IdTriple& t = triples[i];
    return {terms.term(t.s), terms.term(t.p), terms.term(t.o)};
}

std::vector<Triple> TripleSet::to_triples() const {
    std::vector<Triple> out;
    out.reserve(triples.size());
    for (std::size_t i = 0; i < triples.size(); ++i)
        out.push_back(triple(i));
    return out;
}

namespace {

using Id = TermTable::Id;
using TagId = std::uint16_t;
using ListId = std::uint32_t;

/// Collects triples (as term ids) with their graphs and turns them into a `TripleSet`. Terms are
/// interned as they come (each distinct term is stored once, in the arena of the set's table);
/// `finish()` numbers them in term order and sorts the id triples. Graph ids handed out while
/// collecting are provisional too; `finish()` renumbers them in IRI order. A triple refers to a
/// list of graphs registered once (`list`) and shared by all triples of one node, edge or
/// evidence.
class Builder {
public:
    Builder() {
        graph_id("");
        slots_.assign(1024, 0);
    }

    /// Prepares for about `triples` calls of `add`. An over-estimate costs address space, not
    /// memory: the pages past the last triple are never touched.
    void reserve(std::size_t triples) {
        triples_.reserve(triples);
        lists_.reserve(triples);
    }

    // --- terms ---

    TagId tag(std::string_view t) {
        if (t.empty()) return 0;
        auto it = tags_.find(t);
        if (it == tags_.end())
            it = tags_.emplace(std::string(t), TermTableAccess::add_tag(table_, t)).first;
        return it->second;
    }

    /// The id of the term (interned on first use); ids are provisional until `finish`.
    Id intern(Term::Kind kind, std::string_view value, TagId tag) {
        const std::uint64_t h = hash(kind, value, tag);
        const auto h32 = static_cast<std::uint32_t>(h >> 32);
        std::size_t mask = slots_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const std::uint64_t slot = slots_[i];
            if (slot == 0) break;
            if (static_cast<std::uint32_t>(slot >> 32) != h32) continue;
            const auto id = static_cast<Id>((slot & 0xFFFFFFFFu) - 1);
            if (TermTableAccess::equals(table_, id, kind, value, tag)) return id;
        }
        const Id id = TermTableAccess::add(table_, kind, value, tag);
        hashes_.push_back(h);
        if (2 * (hashes_.size() + 1) > slots_.size()) {
            grow();
            mask = slots_.size() - 1;
        }
        insert(h, id);
        return id;
    }
    Id iri(std::string_view v) { return intern(Term::Kind::Iri, v, 0); }
    Id intern(TermRef t) { return intern(t.kind, t.value, tag(t.tag)); }
    /// The term `id` (views valid while the builder lives: the arena never moves).
    TermRef ref(Id id) const { return table_[id]; }

    // --- graphs ---

    /// The provisional id of graph `iri` ("" = default graph).
    std::uint32_t graph_id(const std::string& iri) {
        auto [it, added] = graph_ids_.try_emplace(iri, static_cast<std::uint32_t>(names_.size()));
        if (added) {
            names_.push_back(iri);
            single_.push_back(std::numeric_limits<ListId>::max());
        }
        return it->second;
    }

    /// Registers the graph list `graphs` (provisional graph ids, not empty).
    ListId list(std::span<const std::uint32_t> graphs) {
        PARLEY_CHECK(!graphs.empty(), "a triple needs at least one graph");
        list_offsets_.push_back(static_cast<std::uint32_t>(list_pool_.size()));
        list_pool_.insert(list_pool_.end(), graphs.begin(), graphs.end());
        PARLEY_CHECK(list_pool_.size() < std::numeric_limits<std::uint32_t>::max(),
                     "too many graph references");
        return static_cast<ListId>(list_offsets_.size() - 1);
    }

    /// The list holding only graph `g` (registered once per graph).
    ListId single(std::uint32_t g) {
        if (single_[g] == std::numeric_limits<ListId>::max()) single_[g] = list({&g, 1});
        return single_[g];
    }

    struct DocumentInfo {
        Id iri;              ///< the document IRI as a term
        std::uint32_t graph; ///< its graph
    };

    /// The IRI term and graph of the document `doc_id` (computed once per document).
    const DocumentInfo& document(const std::string& doc_id) {
        auto it = documents_.find(doc_id);
        if (it == documents_.end()) {
            const std::string iri = document_iri(doc_id);
            it = documents_.emplace(doc_id, DocumentInfo{this->iri(iri), graph_id(iri)}).first;
        }
        return it->second;
    }

    /// The graph list of the documents `doc_ids` (the default graph when there are none).
    ListId doc_graphs(const std::set<std::string>& doc_ids) {
        if (doc_ids.empty()) return single(0);
        if (doc_ids.size() == 1) return single(document(*doc_ids.begin()).graph);
        scratch_.clear();
        for (const auto& id : doc_ids)
            scratch_.push_back(document(id).graph);
        return list(scratch_);
    }

    // --- triples ---

    void add(Id s, Id p, Id o, ListId graphs) {
        triples_.push_back({s, p, o});
        lists_.push_back(graphs);
    }

    TripleSet finish();

private:
    /// A triple with its graph list, while sorting one subject's triples.
    struct Record {
        IdTriple t;
        ListId graphs;
    };

    static std::uint64_t hash(Term::Kind kind, std::string_view value, TagId tag) {
        std::uint64_t h = std::hash<std::string_view>{}(value);
        h ^= (static_cast<std::uint64_t>(kind) << 16 | tag) * 0x9E3779B97F4A7C15ULL;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 32;
        return h;
    }

    void insert(std::uint64_t h, Id id) {
        const std::size_t mask = slots_.size() - 1;
        std::size_t i = h & mask;
        while (slots_[i] != 0)
            i = (i + 1) & mask;
        slots_[i] = (h >> 32) << 32 | (static_cast<std::uint64_t>(id) + 1);
    }

    void grow() {
        slots_.assign(slots_.size() * 2, 0);
        for (std::size_t id = 0; id < hashes_.size(); ++id)
            insert(hashes_[id], static_cast<Id>(id));
    }

    TermTable table_;
    /// The interning hash table: (upper 32 bits of the hash) << 32 | (id + 1); 0 = empty.
    std::vector<std::uint64_t> slots_;
    std::vector<std::uint64_t> hashes_; ///< hash of each term, for growing `slots_`
    /// `std::string` keys looked up by `std::string_view`.
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unordered_map<std::string, TagId, StringHash, std::equal_to<>> tags_;

    std::unordered_map<std::string, std::uint32_t> graph_ids_;
    std::unordered_map<std::string, DocumentInfo> documents_;
    std::vector<std::string> names_;          ///< graph IRIs by provisional id
    std::vector<ListId> single_;              ///< the one-graph list of each graph, or max
    std::vector<std::uint32_t> list_offsets_; ///< start of each list in `list_pool_`
    std::vector<std::uint32_t> list_pool_;
    std::vector<std::uint32_t> scratch_;
    /// The triples in the order of `add`, and the graph list of each. Two arrays rather than one
    /// of records, so that `finish` sorts and de-duplicates the triples in place and hands the
    /// array over to the set.
    std::vector<IdTriple> triples_;
    std::vector<ListId> lists_;
};

TripleSet Builder::finish() {
    TripleSet out;
    std::vector<std::uint64_t>().swap(slots_);
    std::vector<std::uint64_t>().swap(hashes_);

    // Renumber graphs in IRI order; "" (the default graph) sorts first and stays 0. Each list
    // is sorted in the new numbering.
    {
        std::vector<std::uint32_t> order(names_.size());
        for (std::uint32_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return names_[a] < names_[b]; });
        std::vector<std::uint32_t> rank(names_.size());
        out.graph_names.clear();
        for (std::uint32_t r = 0; r < order.size(); ++r) {
            rank[order[r]] = r;
            out.graph_names.push_back(std::move(names_[order[r]]));
        }
        for (auto& g : list_pool_)
            g = rank[g];
        list_offsets_.push_back(static_cast<std::uint32_t>(list_pool_.size()));
        for (std::size_t l = 0; l + 1 < list_offsets_.size(); ++l) {
            const auto first = list_pool_.begin() + list_offsets_[l];
            const auto last = list_pool_.begin() + list_offsets_[l + 1];
            std::sort(first, last);
        }
    }

    // Number the terms in term order, keeping only those some triple uses.
    PARLEY_CHECK(triples_.size() < std::numeric_limits<std::uint32_t>::max(), "too many triples");
    const std::size_t n_terms = table_.size();
    const auto none = std::numeric_limits<Id>::max();
    std::vector<Id> rank(n_terms, none);
    {
        std::vector<bool> used(n_terms);
        for (const IdTriple& t : triples_) {
            used[t.s] = true;
            used[t.p] = true;
            used[t.o] = true;
        }
        std::vector<Id> order;
        for (Id id = 0; id < n_terms; ++id)
            if (used[id]) order.push_back(id);
        TermTableAccess::sort(table_, order);
        for (Id r = 0; r < order.size(); ++r)
            rank[order[r]] = r;
        TermTableAccess::permute(table_, order);
    }
    for (IdTriple& t : triples_) {
        t.s = rank[t.s];
        t.p = rank[t.p];
        t.o = rank[t.o];
    }
    std::vector<Id>().swap(rank);

    // Sort by subject in place (an American flag sort: each swap moves one triple, with its
    // list, into its subject's bucket), then each subject's triples by (predicate, object).
    const std::size_t n_used = table_.size();
    std::vector<std::uint32_t> start(n_used + 1, 0);
    for (const IdTriple& t : triples_)
        ++start[t.s + 1];
    for (std::size_t i = 1; i <= n_used; ++i)
        start[i] += start[i - 1];
    {
        std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
        for (std::size_t b = 0; b < n_used; ++b) {
            while (next[b] < start[b + 1]) {
                const std::uint32_t i = next[b];
                const Id to = triples_[i].s;
                if (to == b) {
                    ++next[b];
                    continue;
                }
                const std::uint32_t j = next[to]++;
                std::swap(triples_[i], triples_[j]);
                std::swap(lists_[i], lists_[j]);
            }
        }
    }
    std::vector<Record> bucket;
    for (std::size_t b = 0; b < n_used; ++b) {
        const std::uint32_t first = start[b], last = start[b + 1];
        if (last - first < 2) continue;
        bucket.clear();
        for (std::uint32_t i = first; i < last; ++i)
            bucket.push_back({triples_[i], lists_[i]});
        std::sort(bucket.begin(), bucket.end(), [](const Record& x, const Record& y) {
            return std::tie(x.t.p, x.t.o) < std::tie(y.t.p, y.t.o);
        });
        for (std::uint32_t i = first; i < last; ++i) {
            triples_[i] = bucket[i - first].t;
            lists_[i] = bucket[i - first].graphs;
        }
    }
    std::vector<std::uint32_t>().swap(start);
    std::vector<Record>().swap(bucket);

    // Merge equal triples (kept in place, at the front) and their graphs. Without merges each
    // triple has the graphs of its list: their total bounds the graph ids (an over-estimate
    // costs address space, not memory).
    const auto list_of = [&](ListId l) {
        return std::span<const std::uint32_t>(list_pool_)
            .subspan(list_offsets_[l], list_offsets_[l + 1] - list_offsets_[l]);
    };
    {
        std::size_t quads = 0;
        for (const ListId l : lists_)
            quads += list_offsets_[l + 1] - list_offsets_[l];
        out.graph_ids.reserve(quads);
        out.graph_offsets.reserve(triples_.size() + 1);
    }
    std::vector<std::uint32_t> graphs;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < triples_.size();) {
        const IdTriple t = triples_[i];
        std::size_t j = i + 1;
        while (j < triples_.size() && triples_[j] == t)
            ++j;
        triples_[kept++] = t;
        if (j == i + 1) {
            // One list: sorted, and either only the default graph or only documents.
            // Two document ids may share a document IRI, so equal neighbours are dropped.
            const auto gs = list_of(lists_[i]);
            for (std::size_t k = 0; k < gs.size(); ++k)
                if (k == 0 || gs[k] != gs[k - 1]) out.graph_ids.push_back(gs[k]);
        } else {
            graphs.clear();
            for (std::size_t k = i; k < j; ++k) {
                const auto gs = list_of(lists_[k]);
                graphs.insert(graphs.end(), gs.begin(), gs.end());
            }
            std::sort(graphs.begin(), graphs.end());
            graphs.erase(std::unique(graphs.begin(), graphs.end()), graphs.end());
            // A triple that some document states is not also put in the default graph.
            const bool has_doc = graphs.back() != 0;
            for (const std::uint32_t g : graphs)
                if (!has_doc || g != 0) out.graph_ids.push_back(g);
        }
        PARLEY_CHECK(out.graph_ids.size() < std::numeric_limits<std::uint32_t>::max(),
                     "too many quads");
        out.graph_offsets.push_back(static_cast<std::uint32_t>(out.graph_ids.size()));
        i = j;
    }
    triples_.resize(kept);
    out.triples = std::move(triples_);
    out.terms = std::move(table_);
    return out;
}

/// IRIs of the vocabulary terms used by the mapping, interned once per call.
struct Vocab {
    explicit Vocab(Builder& b)
        : type(b.iri(term(kRdf, "type"))), subject(b.iri(term(kRdf, "subject"))),
          predicate(b.iri(term(kRdf, "predicate"))), object(b.iri(term(kRdf, "object"))),
          label(b.iri(term(kRdfs, "label"))), alt_label(b.iri(term(kSkos, "altLabel"))),
          same_as(b.iri(term(kOwl, "sameAs"))), title(b.iri(term(kDcterms, "title"))),
          derived_from(b.iri(term(kProv, "wasDerivedFrom"))), actor(b.iri(term(kPl, "Actor"))),
          fact(b.iri(term(kPl, "Fact"))), evidence_class(b.iri(term(kPl, "Evidence"))),
          document_class(b.iri(term(kPl, "Document"))), role(b.iri(term(kPl, "role"))),
          date(b.iri(term(kPl, "date"))), published(b.iri(term(kPl, "published"))),
          text(b.iri(term(kPl, "text"))), mentioned_in(b.iri(term(kPl, "mentionedIn"))),
          num_sources(b.iri(term(kPl, "numSources"))), confidence(b.iri(term(kPl, "confidence"))),
          evidence(b.iri(term(kPl, "evidence"))), document(b.iri(term(kPl, "document"))),
          sentence(b.iri(term(kPl, "sentence"))), begin(b.iri(term(kPl, "beginOffset"))),
          end(b.iri(term(kPl, "endOffset"))), rule(b.iri(term(kPl, "rule"))),
          file_name(b.iri(term(kPl, "fileName"))), outlet(b.iri(term(kPl, "outlet"))),
          xsd_date(b.tag(term(kXsd, "date"))), xsd_integer(b.tag(term(kXsd, "integer"))),
          xsd_decimal(b.tag(term(kXsd, "decimal"))), en(b.tag("en")) {}

    Id type, subject, predicate, object, label, alt_label, same_as, title, derived_from, actor,
        fact, evidence_class, document_class, role, date, published, text, mentioned_in,
        num_sources, confidence, evidence, document, sentence, begin, end, rule, file_name, outlet;
    TagId xsd_date, xsd_integer, xsd_decimal, en;
};

class Mapper {
public:
    Mapper(const KnowledgeGraph& g, const std::vector<Document>& docs, const TripleOptions& o)
        : g_(g), docs_(docs), options_(o), vocab_(b_) {
        for (const auto& d : docs_)
            doc_iris_.insert(document_iri(d.id));
        kinds_.fill(kNone);
        relations_.fill(kNone);
    }

    TripleSet run() {
        b_.reserve(estimate());
        for (const auto& d : docs_)
            map_document(d);
        const BoostGraph& bg = g_.boost();
        node_iris_.resize(boost::num_vertices(bg));
        for (auto [it, end] = boost::vertices(bg); it != end; ++it)
            node_iris_[*it] = b_.iri(resource_iri(bg[*it].key));
        for (auto [it, end] = boost::vertices(bg); it != end; ++it) {
            const ListId graphs = map_node(*it);
            for (auto [e, e_end] = boost::out_edges(*it, bg); e != e_end; ++e)
                map_edge(*e, graphs);
        }
        return b_.finish();
    }

private:
    static constexpr Id kNone = std::numeric_limits<Id>::max();

    /// An upper bound of the number of triples `run` adds (see `map_document`, `map_node`,
    /// `map_edge` and `map_evidence`), so the builder allocates its array once.
    std::size_t estimate() const {
        std::size_t n = 5 * docs_.size();
        const BoostGraph& bg = g_.boost();
        for (auto [it, end] = boost::vertices(bg); it != end; ++it) {
            const NodeProps& p = bg[*it];
            n += 8 + p.aliases.size() + p.roles.size() + p.sources.size();
        }
        for (auto [it, end] = boost::edges(bg); it != end; ++it) {
            const std::size_t evidence = bg[*it].evidence.size();
            n += 2 + (evidence ? 6 + 9 * evidence : 0);
        }
        return n;
    }

    Id integer(std::size_t n) {
        char buf[24];
        const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
        return b_.intern(Term::Kind::Typed, std::string_view(buf, end), vocab_.xsd_integer);
    }
    Id decimal(std::string_view lexical) {
        return b_.intern(Term::Kind::Typed, lexical, vocab_.xsd_decimal);
    }
    Id date(const Date& d) { return b_.intern(Term::Kind::Typed, d.iso(), vocab_.xsd_date); }
    Id plain(std::string_view v) { return b_.intern(Term::Kind::Plain, v, 0); }
    Id english(std::string_view v) { return b_.intern(Term::Kind::Lang, v, vocab_.en); }

    Id kind_class(NodeKind k) {
        Id& id = kinds_[static_cast<std::size_t>(k)];
        if (id == kNone) id = b_.iri(term(kPl, to_string(k)));
        return id;
    }
    Id property(Relation r) {
        Id& id = relations_[static_cast<std::size_t>(r)];
        if (id == kNone) id = b_.iri(term(kPl, to_string(r)));
        return id;
    }

    void map_document(const Document& d) {
        const std::string iri = document_iri(d.id);
        const Id s = b_.iri(iri);
        const ListId gs = b_.single(b_.graph_id(iri));
        b_.add(s, vocab_.type, vocab_.document_class, gs);
        b_.add(s, vocab_.file_name, plain(d.id), gs);
        if (!d.title.empty()) b_.add(s, vocab_.title, english(d.title), gs);
        if (d.published) b_.add(s, vocab_.published, date(*d.published), gs);
        if (!d.outlet.empty()) b_.add(s, vocab_.outlet, plain(d.outlet), gs);
    }

    /// Maps node `v` and returns the list of its graphs.
    ListId map_node(Vertex v) {
        const NodeProps& n = g_[v];
        const Id s = node_iris_[v];
        const bool is_doc = n.kind == NodeKind::Document;
        const ListId gs = is_doc ? b_.single(own_graph(v)) : b_.doc_graphs(n.sources);
        b_.add(s, vocab_.type, kind_class(n.kind), gs);
        if (options_.entail && is_actor(n.kind)) b_.add(s, vocab_.type, vocab_.actor, gs);
        if (is_doc) {
            // The `Document` list is authoritative for documents it holds.
            if (!doc_iris_.contains(b_.ref(s).value)) {
                const std::string& title = n.text.empty() ? n.label : n.text;
                if (!title.empty()) b_.add(s, vocab_.title, english(title), gs);
                if (n.date) b_.add(s, vocab_.published, date(*n.date), gs);
            }
        } else if (!n.label.empty()) {
            b_.add(s, vocab_.label, plain(n.label), gs);
        }
        for (const auto& alias : n.aliases)
            if (alias != n.label) b_.add(s, vocab_.alt_label, plain(alias), gs);
        if (const std::string wd = wikidata_iri(n.qid); !wd.empty())
            b_.add(s, vocab_.same_as, b_.iri(wd), gs);
        for (const auto& role : n.roles)
            b_.add(s, vocab_.role, plain(role), gs);
        if (n.date && !is_doc) b_.add(s, vocab_.date, date(*n.date), gs);
        if (n.kind == NodeKind::Statement && !n.text.empty())
            b_.add(s, vocab_.text, english(n.text), gs);
        if (!is_doc) {
            for (const auto& doc : n.sources) {
                const auto& d = b_.document(doc);
                b_.add(s, vocab_.mentioned_in, d.iri, b_.single(d.graph));
            }
            if (!n.sources.empty()) b_.add(s, vocab_.num_sources, integer(n.sources.size()), gs);
        }
        return gs;
    }

    /// The graph named by the IRI of document node `v` (looked up once per node).
    std::uint32_t own_graph(Vertex v) {
        if (own_graphs_.empty()) own_graphs_.assign(node_iris_.size(), kNone);
        if (own_graphs_[v] == kNone)
            own_graphs_[v] = b_.graph_id(std::string(b_.ref(node_iris_[v]).value));
        return own_graphs_[v];
    }

    /// `b_.document(doc_id)`, remembering the last answer: evidence comes sorted by document.
    const Builder::DocumentInfo& document(const std::string& doc_id) {
        if (!last_doc_ || *last_doc_ != doc_id) {
            last_info_ = &b_.document(doc_id);
            last_doc_ = &doc_id;
        }
        return *last_info_;
    }

    /// Maps edge `e`; `node_graphs` are the graphs of its source node (used when the edge has
    /// no evidence; a document node's own graph is not used for its edges).
    void map_edge(Edge e, ListId node_graphs) {
        const EdgeProps& ep = g_[e];
        const BoostGraph& bg = g_.boost();
        const Vertex from = boost::source(e, bg);
        const Vertex to = boost::target(e, bg);
        const Id s = node_iris_[from];
        const Id p = property(ep.rel);
        const Id o = node_iris_[to];

        // The distinct documents of the evidence (`EdgeProps::sources()` without building a set):
        // the evidence is sorted by document, so equal ids are neighbours.
        docs_scratch_.clear();
        for (const Evidence& ev : ep.evidence)
            if (docs_scratch_.empty() || *docs_scratch_.back() != ev.doc)
                docs_scratch_.push_back(&ev.doc);
        const auto by_value = [](const std::string* a, const std::string* b) { return *a < *b; };
        if (!std::is_sorted(docs_scratch_.begin(), docs_scratch_.end(), by_value)) {
            std::sort(docs_scratch_.begin(), docs_scratch_.end(), by_value);
            docs_scratch_.erase(
                std::unique(docs_scratch_.begin(), docs_scratch_.end(),
                            [](const std::string* a, const std::string* b) { return *a == *b; }),
                docs_scratch_.end());
        }
        const std::size_t n_docs = docs_scratch_.size();
        ListId gs = node_graphs;
        if (n_docs == 1) {
            gs = b_.single(document(*docs_scratch_.front()).graph);
        } else if (n_docs > 1) {
            graphs_scratch_.clear();
            for (const std::string* d : docs_scratch_)
                graphs_scratch_.push_back(document(*d).graph);
            gs = b_.list(graphs_scratch_);
        } else if (ep.rel == Relation::MentionedIn && g_[to].kind == NodeKind::Document) {
            gs = b_.single(own_graph(to));
        } else if (g_[from].kind == NodeKind::Document) {
            gs = b_.doc_graphs(g_[from].sources);
        }
        b_.add(s, p, o, gs);
        if (const Relation sup = super_property(ep.rel); options_.entail && sup != ep.rel)
            b_.add(s, property(sup), o, gs);
        if (!options_.provenance || ep.evidence.empty()) return;

        key_.assign(b_.ref(s).value);
        key_ += '\n';
        key_ += b_.ref(p).value;
        key_ += '\n';
        key_ += b_.ref(o).value;
        fact_iri_.assign(kPr);
        fact_iri_ += "fact/";
        fact_iri_ += hash_hex(key_);
        const Id fact = b_.iri(fact_iri_);
        b_.add(fact, vocab_.type, vocab_.fact, gs);
        b_.add(fact, vocab_.subject, s, gs);
        b_.add(fact, vocab_.predicate, p, gs);
        b_.add(fact, vocab_.object, o, gs);
        b_.add(fact, vocab_.num_sources, integer(n_docs), gs);
        b_.add(fact, vocab_.confidence, decimal(decimal_lexical(ep.confidence())), gs);
        for (const Evidence& ev : ep.evidence)
            map_evidence(fact, fact_iri_, ev);
    }

    void map_evidence(Id fact, const std::string& fact_iri, const Evidence& ev) {
        const std::string conf = decimal_lexical(ev.confidence);
        key_ = fact_iri;
        for (const std::string* part : {&ev.doc, &ev.rule, &ev.text, &conf}) {
            key_ += '\n';
            key_ += *part;
        }
        key_ += '\n';
        key_ += std::to_string(ev.sentence);
        key_ += ':';
        key_ += std::to_string(ev.begin);
        key_ += ':';
        key_ += std::to_string(ev.end);
        iri_.assign(kPr);
        iri_ += "evidence/";
        iri_ += hash_hex(key_);
        const Id iri = b_.iri(iri_);
        const auto& d = document(ev.doc);
        const ListId gs = b_.single(d.graph);
        b_.add(fact, vocab_.evidence, iri, gs);
        b_.add(iri, vocab_.type, vocab_.evidence_class, gs);
        b_.add(iri, vocab_.document, d.iri, gs);
        b_.add(iri, vocab_.derived_from, d.iri, gs);
        if (!ev.text.empty()) b_.add(iri, vocab_.sentence, english(ev.text), gs);
        b_.add(iri, vocab_.begin, integer(ev.begin), gs);
        b_.add(iri, vocab_.end, integer(ev.end), gs);
        if (!ev.rule.empty()) b_.add(iri, vocab_.rule, plain(ev.rule), gs);
        b_.add(iri, vocab_.confidence, decimal(conf), gs);
    }

    const KnowledgeGraph& g_;
    const std::vector<Document>& docs_;
    TripleOptions options_;
    Builder b_;
    Vocab vocab_;
    std::set<std::string, std::less<>> doc_iris_;
    std::vector<Id> node_iris_; ///< the IRI term of each vertex
    std::array<Id, 16> kinds_{};
    std::array<Id, 16> relations_{};
    std::vector<std::uint32_t> own_graphs_;            ///< see `own_graph`, by vertex
    const std::string* last_doc_ = nullptr;            ///< see `document`
    const Builder::DocumentInfo* last_info_ = nullptr; ///< points into `b_` (stable: node-based)
    std::string key_, fact_iri_, iri_;                 ///< reused buffers
    std::vector<const std::string*> docs_scratch_;
    std::vector<std::uint32_t> graphs_scratch_;
};

} // namespace

TripleSet make_triple_set(const std::vector<Triple>& triples, const std::string& graph) {
    Builder b;
    const ListId gs = b.single(b.graph_id(graph));
    b.reserve(triples.size());
    for (const Triple& t : triples)
        b.add(b.intern(t.s), b.intern(t.p), b.intern(t.o), gs);
    return b.finish();
}

TripleSet build_triples(const KnowledgeGraph& g, const std::vector<Document>& docs,
                        const TripleOptions& options) {
    return Mapper(g, docs, options).run();
}

} // namespace parley::rdf
