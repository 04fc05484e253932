#include "extract/extract.hpp"

#include "extract/gazetteer.hpp"
#include "extract/internal.hpp"

#include <algorithm>

namespace parley {

struct Extractor::Impl {
    const Lexicon& lexicon;
    extract::Gazetteer gazetteer;
    explicit Impl(const Lexicon& lex) : lexicon(lex), gazetteer(lex) {}
};

Extractor::Extractor(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
Extractor::~Extractor() = default;

namespace {

/// Drops entities merged into others (empty name) and renumbers every reference.
void compact(DocExtraction& ex) {
    std::vector<int> map(ex.entities.size(), -1);
    std::vector<DocEntity> kept;
    for (std::size_t i = 0; i < ex.entities.size(); ++i) {
        if (ex.entities[i].name.empty()) continue;
        map[i] = static_cast<int>(kept.size());
        kept.push_back(std::move(ex.entities[i]));
    }
    auto remap = [&](int& e) {
        if (e >= 0) e = map[static_cast<std::size_t>(e)];
    };
    auto remap_list = [&](std::vector<int>& v) {
        for (auto& e : v)
            remap(e);
        v.erase(std::remove(v.begin(), v.end(), -1), v.end());
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    };
    for (auto& e : kept)
        remap(e.affiliation);
    for (auto& m : ex.meetings) {
        remap_list(m.participants);
        remap(m.host);
        remap(m.location);
    }
    for (auto& p : ex.proposals)
        remap_list(p.proposers);
    for (auto& s : ex.stances)
        remap(s.actor);
    ex.stances.erase(std::remove_if(ex.stances.begin(), ex.stances.end(),
                                    [](const DocStance& s) { return s.actor < 0; }),
                     ex.stances.end());
    for (auto& q : ex.quotes)
        remap(q.speaker);
    ex.quotes.erase(std::remove_if(ex.quotes.begin(), ex.quotes.end(),
                                   [](const DocQuote& q) { return q.speaker < 0; }),
                    ex.quotes.end());
    ex.meetings.erase(std::remove_if(ex.meetings.begin(), ex.meetings.end(),
                                     [](const DocMeeting& m) { return m.participants.size() < 2; }),
                      ex.meetings.end());
    ex.entities = std::move(kept);
}

} // namespace

DocExtraction Extractor::run(const Document& doc) const {
    extract::State st(doc, impl_->lexicon, impl_->gazetteer);
    st.ex.doc = doc.id;
    extract::scan_quotation_marks(st);
    extract::find_entities(st);
    extract::find_quotes(st);
    extract::find_meetings(st);
    extract::find_proposals_and_stances(st);
    compact(st.ex);
    return std::move(st.ex);
}

DocExtraction extract_document(const Document& doc, const Lexicon& lexicon) {
    Extractor ex(lexicon);
    return ex.run(doc);
}

} // namespace parley
