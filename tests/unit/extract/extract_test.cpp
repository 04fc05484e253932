// Extractor tests on small texts written for these tests, with the project's real lexicons.
#include "extract/extract.hpp"
#include "ingest/ingest.hpp"
#include "lexicon/lexicon.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace parley;

namespace {

const Lexicon& lexicon() {
    static const Lexicon lex = Lexicon::load(std::string(PARLEY_SOURCE_DIR) + "/mappings");
    return lex;
}

DocExtraction run(const std::string& text, const std::string& date = "2025-03-10") {
    IngestOptions o;
    o.date = Date::parse(date);
    Document d = make_document("t.txt", text, o);
    return extract_document(d, lexicon());
}

const DocEntity* find(const DocExtraction& ex, const std::string& name) {
    for (const auto& e : ex.entities)
        if (e.name == name) return &e;
    return nullptr;
}

int index_of(const DocExtraction& ex, const std::string& name) {
    for (std::size_t i = 0; i < ex.entities.size(); ++i)
        if (ex.entities[i].name == name) return static_cast<int>(i);
    return -1;
}

} // namespace

TEST_CASE("lexicon countries, metonyms and demonyms", "[extract]") {
    auto ex = run("Moscow said on Monday that Ukrainian forces must leave. The talks in Geneva "
                  "were hosted by Switzerland.\n");
    const DocEntity* ru = find(ex, "Russia");
    REQUIRE(ru != nullptr);
    CHECK(ru->type == EntityType::Country);
    CHECK(ru->surface_forms.count("Moscow") == 1);
    const DocEntity* geneva = find(ex, "Geneva");
    REQUIRE(geneva != nullptr);
    CHECK(geneva->type == EntityType::Place);
    // A demonym alone names no entity surface.
    const DocEntity* ua = find(ex, "Ukraine");
    CHECK((ua == nullptr || ua->surface_forms.empty()));
}

TEST_CASE("unknown persons from titles, with role and affiliation", "[extract]") {
    auto ex = run("Foreign Minister Tomas Varga of Hungary met Oleksandr Hrytsenko, secretary of "
                  "the National Security Council, in Vienna on Sunday. Varga said the talks were "
                  "useful.\n");
    const DocEntity* varga = find(ex, "Tomas Varga");
    REQUIRE(varga != nullptr);
    CHECK(varga->type == EntityType::Person);
    CHECK(varga->role == "Foreign Minister");
    CHECK(varga->surface_forms.count("Varga") == 1);
    const DocEntity* h = find(ex, "Oleksandr Hrytsenko");
    REQUIRE(h != nullptr);
    CHECK(h->type == EntityType::Person);
    const DocEntity* council = find(ex, "National Security Council");
    REQUIRE(council != nullptr);
    CHECK(council->type == EntityType::Organization);
    CHECK(h->affiliation == index_of(ex, "National Security Council"));
}

TEST_CASE("sentence-initial words and weekdays are not names", "[extract]") {
    auto ex = run("However, nothing changed on Sunday.\nMeanwhile the talks went on.\n");
    for (const auto& e : ex.entities) {
        CHECK(e.name != "However");
        CHECK(e.name != "Sunday");
        CHECK(e.name != "Meanwhile");
    }
}

TEST_CASE("meetings with participants, place and date", "[extract]") {
    auto ex = run("Published 2025-03-10\n\nForeign Minister Tomas Varga met Prime Minister Ana "
                  "Lovric in Vienna on Sunday.\n");
    REQUIRE(ex.meetings.size() == 1);
    const auto& m = ex.meetings[0];
    CHECK(m.participants.size() == 2);
    REQUIRE(m.location >= 0);
    CHECK(ex.entities[static_cast<std::size_t>(m.location)].name == "Vienna");
    REQUIRE(m.date);
    CHECK(m.date->iso() == "2025-03-09");
}

TEST_CASE("a sentence with no meeting yields none", "[extract]") {
    auto ex = run("Foreign Minister Tomas Varga criticized Prime Minister Ana Lovric on Sunday.\n");
    CHECK(ex.meetings.empty());
    auto cancelled = run("A meeting between Tomas Varga and Ana Lovric planned for June fell "
                         "through.\n");
    CHECK(cancelled.meetings.empty());
}

TEST_CASE("quotes with speakers, split by 'he said'", "[extract]") {
    auto ex = run("Foreign Minister Tomas Varga spoke to reporters. \"We are close to a deal,\" "
                  "he said. \u201CBut not yet.\u201D\n");
    REQUIRE(ex.quotes.size() >= 1);
    const int varga = index_of(ex, "Tomas Varga");
    CHECK(ex.quotes[0].speaker == varga);
    CHECK(ex.quotes[0].text == "We are close to a deal,");
}

TEST_CASE("stances: rejection, and 'did not reject' is no stance", "[extract]") {
    auto ex = run("Prime Minister Ana Lovric rejected the ceasefire proposal on Monday.\n");
    REQUIRE(!ex.stances.empty());
    CHECK(ex.stances[0].stance == Stance::Rejects);
    CHECK(ex.stances[0].actor == index_of(ex, "Ana Lovric"));
    auto hedged = run("Prime Minister Ana Lovric did not reject the ceasefire proposal.\n");
    for (const auto& s : hedged.stances)
        CHECK(s.stance != Stance::Rejects);
}

TEST_CASE("conditional offers link the offer and the condition", "[extract]") {
    auto ex = run("President Volodymyr Zelensky said Ukraine could forgo NATO membership if it "
                  "receives security guarantees.\n");
    auto it = std::find_if(ex.stances.begin(), ex.stances.end(),
                           [](const DocStance& s) { return s.stance == Stance::Conditional; });
    REQUIRE(it != ex.stances.end());
    REQUIRE(it->condition >= 0);
    CHECK(ex.proposals[static_cast<std::size_t>(it->proposal)].label.find("forgo") !=
          std::string::npos);
    CHECK(ex.proposals[static_cast<std::size_t>(it->condition)].label.find("security guarantees") !=
          std::string::npos);
}

namespace {

/// The stance of `actor` on the proposal whose label contains `words`, or nullptr.
const DocStance* stance_on(const DocExtraction& ex, const std::string& actor,
                           const std::string& words) {
    const int a = index_of(ex, actor);
    for (const auto& s : ex.stances)
        if (s.actor == a && ex.proposals[static_cast<std::size_t>(s.proposal)].label.find(words) !=
                                std::string::npos)
            return &s;
    return nullptr;
}

} // namespace

TEST_CASE("'the proposal' refers back to the plan named before", "[extract]") {
    auto ex = run("Chile's army chief has turned down the newest truce plan drafted by Peru.\n\n"
                  "Speaking in Santiago, General Marta Quispe said the proposal, which a Peruvian "
                  "envoy had delivered, was unacceptable.\n");
    const DocStance* s = stance_on(ex, "Marta Quispe", "truce plan");
    REQUIRE(s != nullptr);
    CHECK((s->stance == Stance::Opposes || s->stance == Stance::Rejects));
    // No proposal is labelled with the bare head.
    for (const auto& p : ex.proposals)
        CHECK(p.label != "proposal");
}

TEST_CASE("a statement as subject stands for the side that issued it", "[extract]") {
    auto ex =
        run("The African Union published its plan in a common statement dated 4 May, calling for "
            "a six-week humanitarian truce. The statement rejected any role for foreign "
            "mercenaries and warned that the fighting must stop.\n");
    REQUIRE(index_of(ex, "African Union") >= 0);
    const DocStance* s = stance_on(ex, "African Union", "mercenaries");
    REQUIRE(s != nullptr);
    CHECK(s->stance == Stance::Rejects);
    // The object stops before the next predicate ("and warned that ...").
    const auto& label = ex.proposals[static_cast<std::size_t>(s->proposal)].label;
    CHECK(label.find("warned") == std::string::npos);
}

TEST_CASE("'did not agree to' said of a named side opposes, and coordinated objects split",
          "[extract]") {
    auto ex = run("Trade Minister Ana Ruiz said: \"Peru did not agree to any summit of "
                  "presidents.\"\n\nThe draft seeks recognition of the river border, and a "
                  "demilitarised valley, Peru said.\n");
    const DocStance* s = stance_on(ex, "Peru", "summit of presidents");
    REQUIRE(s != nullptr);
    CHECK(s->stance == Stance::Opposes);
    bool border = false;
    for (const auto& p : ex.proposals)
        border |= p.label == "demilitarised valley";
    CHECK(border);
}

TEST_CASE("hedged or supposed stances inside quotes are no stances", "[extract]") {
    auto ex = run("\"If Lima refuses even a pause on the river, nobody will blame Santiago,\" "
                  "said Professor Helene Varenne.\n");
    CHECK(stance_on(ex, "Peru", "pause") == nullptr);
}

TEST_CASE("places from a dateline, 'X, Country' and lists after a locative", "[extract]") {
    auto ex = run("PORT ALDER, 24 November 2025 — The summit failed at Lake-Ostrel, Austria, in "
                  "2019. Checkpoints at Verna, Koliba and Drest stay closed.\n");
    for (const char* name : {"Port Alder", "Lake-Ostrel", "Verna", "Koliba", "Drest"}) {
        INFO(name);
        const DocEntity* e = find(ex, name);
        REQUIRE(e != nullptr);
        CHECK(e->type == EntityType::Place);
    }
}

TEST_CASE("an acronym between commas after a body is an organization, and titles split off",
          "[extract]") {
    auto ex = run("A regional monitoring mission, RIMON, still watches the valley. State "
                  "Secretary Lukas Brenner of the Federal Department of Transport opened the "
                  "session.\n");
    const DocEntity* u = find(ex, "RIMON");
    REQUIRE(u != nullptr);
    CHECK(u->type == EntityType::Organization);
    const DocEntity* p = find(ex, "Lukas Brenner");
    REQUIRE(p != nullptr);
    CHECK(p->type == EntityType::Person);
    const DocEntity* d = find(ex, "Federal Department of Transport");
    REQUIRE(d != nullptr);
    CHECK(d->type == EntityType::Organization);
}

TEST_CASE("coordinated titled subjects share a later predicate", "[extract]") {
    auto ex = run("Chilean President Ana Ruiz and Peruvian President Tomas Quispe met in Arica on "
                  "Thursday and agreed to a one-year pause in their tariff dispute.\n",
                  "2025-10-30");
    CHECK(stance_on(ex, "Ana Ruiz", "pause") != nullptr);
    CHECK(stance_on(ex, "Tomas Quispe", "pause") != nullptr);
}

TEST_CASE("a second predicate takes the subject of the verb before it", "[extract]") {
    auto ex = run("Foreign Minister Tomas Varga said Peru had also tabled a river plan and "
                  "insisted that fishing rights be settled first.\n");
    bool peru_or_varga = false;
    for (const auto& s : ex.stances)
        if (ex.proposals[static_cast<std::size_t>(s.proposal)].label.find("fishing rights") !=
            std::string::npos)
            peru_or_varga =
                s.actor == index_of(ex, "Peru") || s.actor == index_of(ex, "Tomas Varga");
    CHECK(peru_or_varga);
}

TEST_CASE("urging an addressee to act supports and proposes the act", "[extract]") {
    auto ex = run("Egypt urged Ethiopia to reopen the northern grain ports. Kenya also called on "
                  "both sides to resume the talks in Nairobi.\n");
    const DocStance* egypt = stance_on(ex, "Egypt", "reopen the northern grain ports");
    REQUIRE(egypt != nullptr);
    CHECK(egypt->stance == Stance::Supports);
    CHECK(stance_on(ex, "Ethiopia", "grain ports") == nullptr);
    const DocStance* kenya = stance_on(ex, "Kenya", "resume the talks");
    REQUIRE(kenya != nullptr);
    CHECK(kenya->stance == Stance::Demands);
}

TEST_CASE("agreeing with another side that something must happen supports it", "[extract]") {
    auto ex = run("Chilean President Ana Ruiz said she agreed with Peru that the fishing quotas "
                  "must be halved. Peru says since Friday that a summit is premature and that "
                  "one must first settle the river border.\n");
    CHECK(stance_on(ex, "Ana Ruiz", "fishing quotas must be halved") != nullptr);
    CHECK(stance_on(ex, "Peru", "settle the river border") != nullptr);
}

TEST_CASE("wanting something done and a possessor's demand that", "[extract]") {
    auto ex = run("Chile also wants the joint commission, created in 1998, to be formally "
                  "wound up. Ruiz used the visit to repeat Lima's demand that Chile withdraw "
                  "its patrol boats.\n");
    CHECK(stance_on(ex, "Chile", "wound up") != nullptr);
    const DocStance* peru = stance_on(ex, "Peru", "withdraw its patrol boats");
    REQUIRE(peru != nullptr);
    CHECK(peru->stance == Stance::Demands);
}

TEST_CASE("titles with Foreign Affairs, places joined by 'and', a place before an outlet head",
          "[extract]") {
    auto ex = run("Baltic Ledger\n\nThe team led by Minister of Foreign Affairs Ilona Varkonyi "
                  "visited the islands Velika Ada and Mala Ada on Friday.\n");
    for (const auto& e : ex.entities)
        CHECK(e.name.find("Foreign Affairs") == std::string::npos);
    const DocEntity* p = find(ex, "Ilona Varkonyi");
    REQUIRE(p != nullptr);
    CHECK(p->type == EntityType::Person);
    const DocEntity* a = find(ex, "Velika Ada");
    const DocEntity* b = find(ex, "Mala Ada");
    REQUIRE(a != nullptr);
    REQUIRE(b != nullptr);
    CHECK(a->type == EntityType::Place);
    CHECK(b->type == EntityType::Place);
    const DocEntity* o = find(ex, "Baltic Ledger");
    REQUIRE(o != nullptr);
    CHECK(o->type == EntityType::Organization);
}

TEST_CASE("delegation members named in passive and descriptive forms join the meeting",
          "[extract]") {
    auto ex = run("BERLIN, March 9 (Reuters) - Chile and Peru held talks at the Federal "
                  "Chancellery on Sunday. Peru's delegation was led by Tomas Quispe, while Chile "
                  "was represented by special envoy Ana Ruiz. Marco Ortiz, deputy head of "
                  "Chile's coast guard, was part of the Chilean team.\n");
    REQUIRE(ex.meetings.size() == 1);
    const auto& m = ex.meetings[0];
    for (const char* who : {"Tomas Quispe", "Ana Ruiz", "Marco Ortiz"}) {
        INFO(who);
        const int i = index_of(ex, who);
        REQUIRE(i >= 0);
        CHECK(std::count(m.participants.begin(), m.participants.end(), i) == 1);
    }
    // Chile is present through its envoy; the venue gives way to the dateline city.
    CHECK(std::count(m.participants.begin(), m.participants.end(), index_of(ex, "Chile")) == 0);
    const DocEntity* ruiz = find(ex, "Ana Ruiz");
    REQUIRE(ruiz != nullptr);
    CHECK(ruiz->affiliation == index_of(ex, "Chile"));
    REQUIRE(m.location >= 0);
    CHECK(ex.entities[static_cast<std::size_t>(m.location)].name == "Berlin");
}

TEST_CASE("a place naming the talks, an aide who led a team, the participation of an envoy",
          "[extract]") {
    auto ex = run("Chile and Peru resumed the Geneva talks on Monday. Tomas Quispe, the "
                  "presidential aide who again led the Peruvian team, spoke first. The "
                  "participation of envoy Ana Ruiz underlined the weight of the round.\n");
    REQUIRE(ex.meetings.size() == 1);
    const auto& m = ex.meetings[0];
    REQUIRE(m.location >= 0);
    CHECK(ex.entities[static_cast<std::size_t>(m.location)].name == "Geneva");
    for (const char* who : {"Tomas Quispe", "Ana Ruiz"}) {
        INFO(who);
        CHECK(std::count(m.participants.begin(), m.participants.end(), index_of(ex, who)) == 1);
    }
}

TEST_CASE("mediators by demonym meet an armed group, the dateline outlet stays out", "[extract]") {
    auto ex = run("DOHA, May 3 (Reuters) - Egyptian and Qatari mediators met Hamas negotiators in "
                  "Doha on Saturday. Hamas sent its chief negotiator Khalil Haddad.\n",
                  "2025-05-03");
    REQUIRE(ex.meetings.size() == 1);
    const auto& m = ex.meetings[0];
    for (const char* who : {"Egypt", "Qatar", "Hamas"}) {
        INFO(who);
        CHECK(std::count(m.participants.begin(), m.participants.end(), index_of(ex, who)) == 1);
    }
    CHECK(std::count(m.participants.begin(), m.participants.end(), index_of(ex, "Reuters")) == 0);
    for (const auto& p : ex.proposals)
        CHECK(p.label.find("negotiator") == std::string::npos);
}

TEST_CASE("a meeting cancelled after a relative clause is no meeting", "[extract]") {
    auto ex = run("The meeting of the Chilean envoy with Peruvian representatives, which was "
                  "planned for the 12th, was cancelled.\n");
    CHECK(ex.meetings.empty());
}

TEST_CASE("the dateline day is not the meeting day, and a dated follow-up is a meeting",
          "[extract]") {
    auto ex = run("LIMA, April 13 (AP) - Foreign Minister Tomas Quispe and envoy Ana Ruiz held "
                  "talks in Lima on Saturday. Quispe said both sides had agreed to meet again "
                  "next Saturday.\n",
                  "2025-04-13");
    REQUIRE(ex.meetings.size() == 2);
    std::vector<std::string> days;
    for (const auto& m : ex.meetings) {
        REQUIRE(m.date);
        days.push_back(m.date->iso());
        CHECK(m.participants.size() == 2);
    }
    std::sort(days.begin(), days.end());
    CHECK(days == std::vector<std::string>{"2025-04-12", "2025-04-19"});
}

TEST_CASE("hypothetical stances, 'would never accept' and a titled leader's attribution",
          "[extract]") {
    auto ex = run("Peru threatened new tariffs if Chile refuses to lift the fishing ban. "
                  "Foreign Minister Tomas Quispe said Lima was ready for talks but would never "
                  "accept the closure of its northern port. Chile opposes any deal that limits "
                  "its fleet, Foreign Minister Ana Ruiz said on Monday.\n");
    CHECK(stance_on(ex, "Chile", "fishing ban") == nullptr);
    const DocStance* q = stance_on(ex, "Tomas Quispe", "closure of its northern port");
    REQUIRE(q != nullptr);
    CHECK((q->stance == Stance::Rejects || q->stance == Stance::Opposes));
    CHECK(stance_on(ex, "Ana Ruiz", "limits its fleet") != nullptr);
}

TEST_CASE("possessors, sentence-initial particles, welcomes and 'the two leaders'", "[extract]") {
    auto ex = run("President Ana von der Berg of Chile and Peruvian President Tomas Quispe agreed "
                  "on Sunday a fishing accord. The two leaders met for an hour at a hotel in "
                  "Arica. Peru's Prime Minister Marco Ortiz criticised the deal, calling it "
                  "\"a sad compromise\". Von der Berg welcomed the agreement but said Chile "
                  "wanted more.\n",
                  "2025-07-28");
    // "Von der Berg" opening a sentence is the person named before.
    CHECK(find(ex, "Von der Berg") == nullptr);
    CHECK(stance_on(ex, "Ana von der Berg", "fishing accord") != nullptr);
    CHECK(stance_on(ex, "Tomas Quispe", "fishing accord") != nullptr);
    // One meeting, of the two leaders; the welcome of an agreement is none.
    REQUIRE(ex.meetings.size() == 1);
    const auto& m = ex.meetings[0];
    CHECK(std::count(m.participants.begin(), m.participants.end(),
                     index_of(ex, "Ana von der Berg")) == 1);
    CHECK(std::count(m.participants.begin(), m.participants.end(), index_of(ex, "Tomas Quispe")) ==
          1);
    REQUIRE(ex.quotes.size() == 1);
    CHECK(ex.quotes[0].speaker == index_of(ex, "Marco Ortiz"));
}

TEST_CASE("an organization name runs through a demonym and is no proposal", "[extract]") {
    auto ex = run("The Federation of Chilean Fishermen (FECH) said the accord was a mistake.\n");
    const DocEntity* f = find(ex, "Federation of Chilean Fishermen");
    REQUIRE(f != nullptr);
    CHECK(f->type == EntityType::Organization);
    for (const auto& p : ex.proposals)
        CHECK(p.label.find("Federation") == std::string::npos);
}

TEST_CASE("signing, a participle after a comma, denials of deeds, a spokesman's quote",
          "[extract]") {
    auto ex = run("Chile and Peru signed a fishing declaration in Lima on Saturday, committing to "
                  "a permanent truce. Bolivia denies backing the smugglers. \"There is no way "
                  "back,\" Peru spokesman Marco Ortiz told reporters.\n");
    for (const char* who : {"Chile", "Peru"}) {
        INFO(who);
        CHECK(stance_on(ex, who, "fishing declaration") != nullptr);
        CHECK(stance_on(ex, who, "permanent truce") != nullptr);
    }
    CHECK(stance_on(ex, "Bolivia", "smugglers") == nullptr);
    REQUIRE(ex.quotes.size() == 1);
    CHECK(ex.quotes[0].speaker == index_of(ex, "Marco Ortiz"));
}

TEST_CASE("resolutions, votes, 'the text', a purpose clause and a body's dateline", "[extract]") {
    auto ex =
        run("UNITED NATIONS, May 5 (Reuters) - The Security Council adopted a Chilean "
            "resolution on fishing rights. Peru voted against the resolution. Lima's envoy "
            "Marco Ortiz said Bolivia backed the text as a start. Chilean President Ana Ruiz met "
            "Peruvian President Tomas Quispe on Monday to press for guarantees for "
            "Bolivia.\n",
            "2025-05-06");
    for (const auto& e : ex.entities)
        CHECK(!(e.name == "United Nations" && e.type == EntityType::Place));
    CHECK(stance_on(ex, "United Nations Security Council", "resolution") != nullptr);
    const DocStance* peru = stance_on(ex, "Peru", "resolution");
    REQUIRE(peru != nullptr);
    CHECK((peru->stance == Stance::Opposes || peru->stance == Stance::Rejects));
    CHECK(stance_on(ex, "Bolivia", "resolution") != nullptr);
    REQUIRE(ex.meetings.size() == 1);
    const auto& m = ex.meetings[0];
    CHECK(m.participants.size() == 2);
    CHECK(std::count(m.participants.begin(), m.participants.end(), index_of(ex, "Bolivia")) == 0);
}

TEST_CASE("'the two leaders are due to meet again' leaves the host out", "[extract]") {
    auto ex = run("Chilean President Ana Ruiz hosted Peruvian President Tomas Quispe and "
                  "Bolivian President Luis Arce in Santiago on Sunday. The two leaders are due "
                  "to meet again in Lima on November 20.\n",
                  "2025-11-10");
    REQUIRE(ex.meetings.size() == 2);
    const DocMeeting* next = nullptr;
    for (const auto& m : ex.meetings)
        if (m.date && m.date->iso() == "2025-11-20") next = &m;
    REQUIRE(next != nullptr);
    CHECK(next->participants.size() == 2);
    CHECK(std::count(next->participants.begin(), next->participants.end(),
                     index_of(ex, "Ana Ruiz")) == 0);
}

TEST_CASE("a mediator joins, failing to agree is no stance, 'one-sided' opposes", "[extract]") {
    auto ex = run("Talks between Chile and Peru in Lima broke up without agreement on Tuesday "
                  "after Peru rejected a Bolivian proposal for a joint river patrol. Envoy Ana "
                  "Ruiz, who mediated the talks, said she regretted it. Chilean negotiator Marco "
                  "Ortiz called the proposal \"one-sided\". Chile and Peru failed to agree on a "
                  "fishing accord.\n");
    REQUIRE(ex.meetings.size() == 1);
    const auto& m = ex.meetings[0];
    CHECK(std::count(m.participants.begin(), m.participants.end(), index_of(ex, "Ana Ruiz")) == 1);
    const DocStance* o = stance_on(ex, "Marco Ortiz", "river patrol");
    REQUIRE(o != nullptr);
    CHECK(o->stance == Stance::Opposes);
    CHECK(stance_on(ex, "Chile", "fishing accord") == nullptr);
    for (const auto& p : ex.proposals)
        CHECK(p.label != "agreement");
}

TEST_CASE("a team headed by X is X's side, a meeting asked for is none, the host is no side",
          "[extract]") {
    auto ex = run("Chilean and Peruvian delegations held talks in Quito, with Ecuador's Foreign "
                  "Minister Luis Vera chairing the meeting. Peru sent a team headed by "
                  "presidential aide Tomas Quispe. The two sides agreed to a prisoner exchange. "
                  "Quispe said Peru wanted a meeting between Ana Ruiz and Marco Ortiz.\n");
    REQUIRE(ex.meetings.size() == 1);
    const auto& m = ex.meetings[0];
    CHECK(std::count(m.participants.begin(), m.participants.end(), index_of(ex, "Tomas Quispe")) ==
          1);
    CHECK(std::count(m.participants.begin(), m.participants.end(), index_of(ex, "Peru")) == 0);
    const DocEntity* q = find(ex, "Tomas Quispe");
    REQUIRE(q != nullptr);
    CHECK(q->affiliation == index_of(ex, "Peru"));
    // The chair is no side: "the two sides" are Chile and Peru.
    CHECK(stance_on(ex, "Chile", "prisoner exchange") != nullptr);
    CHECK(stance_on(ex, "Peru", "prisoner exchange") != nullptr);
    CHECK(stance_on(ex, "Ecuador", "prisoner exchange") == nullptr);
}

TEST_CASE("a plural title before two names, and agreeing in a participle clause", "[extract]") {
    auto ex = run("Chilean envoy Ana Ruiz and Peruvian envoy Tomas Quispe ended their talks in "
                  "Lima on Tuesday, agreeing on a framework to cut fishing quotas. Ruiz hoped "
                  "Presidents Marco Ortiz and Luis Vera would meet soon.\n");
    CHECK(find(ex, "Marco Ortiz") != nullptr);
    for (const auto& e : ex.entities)
        CHECK(e.name.find("Presidents") == std::string::npos);
    CHECK(stance_on(ex, "Ana Ruiz", "framework to cut fishing quotas") != nullptr);
    CHECK(stance_on(ex, "Tomas Quispe", "framework to cut fishing quotas") != nullptr);
}

TEST_CASE("those who took part in the round meet, honorifics and separated particles",
          "[extract]") {
    auto ex = run("Under the deal, Chile will pull its boats back to an agreed line. Prime "
                  "Minister Sheikh Ana Ruiz, Bolivian envoy Tomas Quispe and Ecuadorian envoy "
                  "Luis Vera took part in the final round, along with envoy Marco Ortiz.\n");
    CHECK(find(ex, "Ana Ruiz") != nullptr);
    CHECK(stance_on(ex, "Chile", "agreed line") == nullptr);
    // Only honorifics go: a surname "He" after a title stays.
    auto he = run("Chinese Vice Premier He Jianguo met Chilean envoy Ana Ruiz in Lima.\n");
    CHECK(find(he, "He Jianguo") != nullptr);
    REQUIRE(ex.meetings.size() == 1);
    const auto& m = ex.meetings[0];
    for (const char* who : {"Ana Ruiz", "Tomas Quispe", "Luis Vera", "Marco Ortiz"}) {
        INFO(who);
        CHECK(std::count(m.participants.begin(), m.participants.end(), index_of(ex, who)) == 1);
    }
}

TEST_CASE("'the declaration' reaches back further than a near-synonym", "[extract]") {
    auto ex = run("Chile and Peru signed a declaration of principles in Lima. The text calls for "
                  "talks. Both sides agreed to begin talks on a final deal. Officials were "
                  "pleased. Fishermen were not. Markets rose. Analysts were cautious. Bolivia "
                  "welcomed the declaration.\n");
    CHECK(stance_on(ex, "Bolivia", "declaration of principles") != nullptr);
    CHECK(stance_on(ex, "Bolivia", "final deal") == nullptr);
}

TEST_CASE("a quoted demand on another side and being ready for a truce", "[extract]") {
    auto ex = run("\"The rebels must leave the port first,\" said Marco Ortiz, a Chilean "
                  "negotiator. Peru was ready for a humanitarian truce. Bolivia is open to a "
                  "truce.\n");
    CHECK(stance_on(ex, "Marco Ortiz", "rebels must leave the port first") != nullptr);
    CHECK(stance_on(ex, "Peru", "humanitarian truce") != nullptr);
    CHECK(stance_on(ex, "Bolivia", "truce") == nullptr);
}

TEST_CASE("a host of 'the two countries' ministers' meets the two states named last", "[extract]") {
    auto ex = run("Chile and Peru agreed on Monday to extend the fishing truce, Ecuadorian Foreign "
                  "Minister Luis Vera said after hosting the two countries' defence ministers in "
                  "Quito.\n");
    REQUIRE(ex.meetings.size() == 1);
    const auto& m = ex.meetings[0];
    for (const char* who : {"Chile", "Peru", "Luis Vera"}) {
        INFO(who);
        CHECK(std::count(m.participants.begin(), m.participants.end(), index_of(ex, who)) == 1);
    }
    CHECK(std::count(m.participants.begin(), m.participants.end(), index_of(ex, "Ecuador")) == 0);
}
