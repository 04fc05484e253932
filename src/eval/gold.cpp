// Reading gold YAML the way tools/score.py does (`Gold` class): same merging, same indexes, same
// warnings. Where score.py would silently accept nonsense (a list where a name belongs), parley
// reports a content error naming file, line and column instead.
#include "eval/gold.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "eval/pyrepr.hpp"

#include <algorithm>
#include <fstream>
#include <numeric>
#include <sstream>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <yaml-cpp/yaml.h>

namespace parley {

namespace {

/// Python's `str.isspace()` for one code point.
bool py_isspace(UChar32 c) {
    switch (c) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x1C:
    case 0x1D:
    case 0x1E:
    case 0x1F:
    case 0x20:
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

/// Python's `' '.join(s.split())` on UTF-8 text.
std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool pending = false;
    int32_t i = 0;
    const auto n = static_cast<int32_t>(s.size());
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    while (i < n) {
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c >= 0 && py_isspace(c)) {
            pending = !out.empty();
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out.append(s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
    return out;
}

/// Python's `str.strip()` on UTF-8 text.
std::string py_strip(std::string_view s) {
    const auto n = static_cast<int32_t>(s.size());
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t first = 0;
    int32_t last = 0; // one past the last non-space code point
    bool seen = false;
    int32_t i = 0;
    while (i < n) {
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c >= 0 && py_isspace(c)) continue;
        if (!seen) first = start;
        seen = true;
        last = i;
    }
    if (!seen) return {};
    return std::string(
        s.substr(static_cast<std::size_t>(first), static_cast<std::size_t>(last - first)));
}

/// A gold file being read: its display path and its name without folders.
struct File {
    std::string path;
    std::string name;
};

std::string where(const File& f, const YAML::Node& n) {
    const YAML::Mark m = n.Mark();
    if (m.line < 0) return f.path;
    return f.path + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

/// YAML 1.1 booleans as PyYAML (used by score.py) resolves plain scalars.
bool is_yaml11_bool(const std::string& v, bool& value) {
    static const std::set<std::string> yes = {"yes",  "Yes", "YES", "true", "True",
                                              "TRUE", "on",  "On",  "ON"};
    static const std::set<std::string> no = {"no",    "No",  "NO",  "false", "False",
                                             "FALSE", "off", "Off", "OFF"};
    if (yes.count(v)) {
        value = true;
        return true;
    }
    if (no.count(v)) {
        value = false;
        return true;
    }
    return false;
}

/// Python's `str(x)` of a YAML scalar as PyYAML loads it; `dflt` when the key is missing.
/// Lists and mappings where a scalar belongs are content errors.
std::string py_str(const File& f, const YAML::Node& n, const std::string& dflt, const char* field) {
    if (!n.IsDefined()) return dflt;
    if (n.IsNull()) return "None";
    if (!n.IsScalar())
        throw content_error(where(f, n) + ": `" + field + "` must be a single value");
    const std::string& v = n.Scalar();
    bool b = false;
    if (n.Tag() == "?" && is_yaml11_bool(v, b)) return b ? "True" : "False";
    return v;
}

/// Python truthiness of a scalar value (`if m.get('host')`): missing, null, empty and false
/// values are false.
bool truthy(const File& f, const YAML::Node& n, const char* field) {
    if (!n.IsDefined() || n.IsNull()) return false;
    const std::string s = py_str(f, n, "", field);
    return !s.empty() && s != "False";
}

/// `d.get(key) or []`: the items of a list; missing or null gives none.
std::vector<YAML::Node> items(const File& f, const YAML::Node& map, const char* key) {
    const YAML::Node n = map[key];
    std::vector<YAML::Node> out;
    if (!n.IsDefined() || n.IsNull()) return out;
    if (!n.IsSequence()) throw content_error(where(f, n) + ": `" + key + "` must be a list");
    for (const auto& x : n)
        out.push_back(x);
    return out;
}

/// The items of a list that must hold mappings (`entities`, `meetings`, ...).
std::vector<YAML::Node> records(const File& f, const YAML::Node& doc, const char* key) {
    auto out = items(f, doc, key);
    for (const auto& x : out)
        if (!x.IsMap())
            throw content_error(where(f, x) + ": each entry of `" + key + "` must be a mapping");
    return out;
}

struct LoadedFile {
    File file;
    YAML::Node doc;
};

LoadedFile load(const std::filesystem::path& path) {
    File f{path.string(), path.filename().string()};
    std::ifstream in(path, std::ios::binary);
    if (!in) throw io_error(f.path + ": cannot read gold file");
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) throw io_error(f.path + ": cannot read gold file");
    YAML::Node doc;
    try {
        doc = YAML::Load(buf.str());
    } catch (const YAML::Exception& e) {
        std::string msg = e.msg;
        if (e.mark.line >= 0)
            throw content_error(f.path + ":" + std::to_string(e.mark.line + 1) + ":" +
                                std::to_string(e.mark.column + 1) +
                                ": malformed gold YAML: " + msg);
        throw content_error(f.path + ": malformed gold YAML: " + msg);
    }
    if (doc.IsNull() || !doc.IsDefined()) doc = YAML::Node(YAML::NodeType::Map);
    if (!doc.IsMap())
        throw content_error(where(f, doc) + ": a gold file must be a mapping (document, "
                                            "entities, meetings, ...)");
    return {f, doc};
}

const std::vector<std::string> kTopTypes = {"Person", "Organization", "Country", "Place"};

/// Python's `repr()` of a str (`{name!r}` in score.py's messages).
std::string quoted(const std::string& s) {
    return py_str_repr(s);
}

void add_entity(GoldSet& g, const File& f, const YAML::Node& e) {
    const std::string name = py_strip(py_str(f, e["name"], "", "name"));
    const std::string key = name_key(name);
    if (key.empty()) {
        g.warnings.push_back(f.name + ": entity without name (" + where(f, e) + ")");
        return;
    }
    const std::string type = py_strip(py_str(f, e["type"], "", "type"));
    if (std::find(kTopTypes.begin(), kTopTypes.end(), type) == kTopTypes.end())
        g.warnings.push_back(f.name + ": entity " + quoted(name) + " has type " + quoted(type) +
                             " (want ['Person', 'Organization', 'Country', 'Place'])");
    auto it = g.entities.find(key);
    if (it == g.entities.end()) {
        it = g.entities.emplace(key, GoldEntity{name, type, {}, {}, {}}).first;
    } else if (it->second.type != type) {
        g.warnings.push_back(f.name + ": entity " + quoted(name) + " typed " + type +
                             ", elsewhere " + it->second.type + " (kept " + it->second.type + ")");
    }
    for (const auto& a : items(f, e, "aliases")) {
        if (a.IsNull()) continue;
        it->second.aliases.insert(py_str(f, a, "", "aliases"));
    }
    if (truthy(f, e["wikidata"], "wikidata"))
        it->second.qids.insert(py_strip(py_str(f, e["wikidata"], "", "wikidata")));
    it->second.docs.insert(f.name);
}

/// Python's `repr()` of a stance mapping, for warnings.
std::string stance_repr(const File& f, const YAML::Node& s) {
    std::string out = "{";
    bool first = true;
    for (const auto& kv : s) {
        if (!first) out += ", ";
        first = false;
        out += py_str_repr(kv.first.Scalar()) + ": ";
        if (kv.second.IsNull())
            out += "None";
        else if (kv.second.IsScalar())
            out += py_str_repr(py_str(f, kv.second, "", "stance"));
        else
            out += "...";
    }
    return out + "}";
}

void add_relations(GoldSet& g, const File& f, const YAML::Node& d) {
    for (const auto& m : records(f, d, "meetings")) {
        GoldMeeting gm;
        gm.doc = f.name;
        gm.id = py_str(f, m["id"], "None", "id");
        for (const auto& p : items(f, m, "participants"))
            gm.participants.insert(
                g.ref(f.name, py_str(f, p, "", "participants"), "meeting " + gm.id));
        if (truthy(f, m["host"], "host"))
            gm.participants.insert(
                g.ref(f.name, py_str(f, m["host"], "", "host"), "meeting " + gm.id + " host"));
        if (truthy(f, m["location"], "location"))
            gm.location = g.ref(f.name, py_str(f, m["location"], "", "location"),
                                "meeting " + gm.id + " location");
        if (truthy(f, m["date"], "date")) gm.date = py_str(f, m["date"], "", "date");
        gm.description = py_str(f, m["description"], "", "description");
        g.meetings.push_back(std::move(gm));
    }
    for (const auto& p : records(f, d, "proposals")) {
        const std::string pid = py_str(f, p["id"], "None", "id");
        GoldProposal gp;
        gp.label = py_str(f, p["label"], "", "label");
        for (const auto& k : items(f, p, "match")) {
            const std::string kw = py_str(f, k, "", "match");
            if (!py_strip(kw).empty()) gp.keywords.push_back(kw_norm(kw));
        }
        if (gp.keywords.empty())
            g.warnings.push_back(f.name + ": proposal " + pid + " has no match keywords");
        for (const auto& a : items(f, p, "proposed_by"))
            gp.proposers.insert(
                g.ref(f.name, py_str(f, a, "", "proposed_by"), "proposal " + pid + " proposed_by"));
        g.proposals[{f.name, pid}] = std::move(gp);
    }
    for (const auto& s : records(f, d, "stances")) {
        const std::string pol = py_strip(py_str(f, s["stance"], "", "stance"));
        ProposalKey pk{f.name, py_str(f, s["proposal"], "None", "proposal")};
        if (pol != "supports" && pol != "opposes") {
            g.warnings.push_back(f.name + ": stance " + stance_repr(f, s) + ": " + quoted(pol) +
                                 " is not in the contract (supports|opposes), not scored");
            continue;
        }
        if (!g.proposals.count(pk)) {
            g.warnings.push_back(f.name + ": stance " + stance_repr(f, s) +
                                 " refers to unknown proposal");
            continue;
        }
        g.stances.push_back({g.ref(f.name, py_str(f, s["actor"], "", "actor"), "stance"), pol, pk});
    }
    for (const auto& q : records(f, d, "quotes")) {
        const std::string text = py_str(f, q["text"], "", "text");
        TokenBag toks = token_bag(text);
        if (toks.empty()) continue;
        const std::string speaker = g.ref(f.name, py_str(f, q["speaker"], "", "speaker"), "quote");
        g.quotes.push_back({speaker, text, std::move(toks), f.name});
    }
}

} // namespace

std::string kw_norm(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    PARLEY_CHECK(U_SUCCESS(status), "ICU NFKC normalizer is available");
    const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    icu::UnicodeString s = nfkc->normalize(in, status);
    PARLEY_CHECK(U_SUCCESS(status), "NFKC normalization of valid text succeeds");
    for (int32_t i = 0; i < s.length(); ++i) {
        switch (s.charAt(i)) {
        case 0x2018:
        case 0x2019:
            s.setCharAt(i, u'\'');
            break;
        case 0x201C:
        case 0x201D:
            s.setCharAt(i, u'"');
            break;
        case 0x2010:
        case 0x2011:
        case 0x2012:
        case 0x2013:
        case 0x2014:
            s.setCharAt(i, u'-');
            break;
        case 0x00A0:
            s.setCharAt(i, u' ');
            break;
        default:
            break;
        }
    }
    s.toLower(icu::Locale::getRoot());
    std::string out;
    s.toUTF8String(out);
    return collapse_spaces(out);
}

TokenBag token_bag(std::string_view text) {
    TokenBag bag;
    const std::string k = name_key(text);
    std::size_t i = 0;
    while (i < k.size()) {
        const std::size_t j = std::min(k.find(' ', i), k.size());
        if (j > i) ++bag[k.substr(i, j - i)];
        i = j + 1;
    }
    return bag;
}

std::string GoldSet::ref(const std::string& fname, const std::string& name,
                         const std::string& what) {
    const std::string k = name_key(name);
    if (entities.count(k)) return k;
    if (auto it = name_index.find(k); it != name_index.end() && it->second.size() == 1) {
        const std::string key = *it->second.begin();
        warnings.push_back(fname + ": " + what + " refers to " + quoted(name) + ", an alias of " +
                           quoted(key));
        return key;
    }
    warnings.push_back(fname + ": " + what + " refers to " + quoted(name) +
                       ", not among the entities");
    refs_only.insert(k);
    name_index[k].insert(k);
    return k;
}

std::vector<GoldEvent> GoldSet::events() const {
    const auto& ms = meetings;
    std::vector<std::size_t> parent(ms.size());
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    auto find = [&](std::size_t i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    };
    for (std::size_t i = 0; i < ms.size(); ++i) {
        for (std::size_t j = i + 1; j < ms.size(); ++j) {
            const auto& a = ms[i];
            const auto& b = ms[j];
            if (a.doc == b.doc) continue;
            if ((a.date && b.date && *a.date != *b.date) ||
                (a.location && b.location && *a.location != *b.location))
                continue;
            const bool same_date = a.date && a.date == b.date;
            const bool same_loc = a.location && a.location == b.location;
            std::size_t shared = 0;
            for (const auto& p : a.participants)
                shared += b.participants.count(p);
            if ((a.participants == b.participants && (same_date || same_loc)) ||
                (same_date && shared >= 2))
                parent[find(j)] = find(i);
        }
    }
    // Groups in the order of their first member, as Python's insertion-ordered dict gives them.
    std::vector<GoldEvent> evs;
    std::map<std::size_t, std::size_t> group_of_root;
    for (std::size_t i = 0; i < ms.size(); ++i) {
        const std::size_t root = find(i);
        auto [it, added] = group_of_root.emplace(root, evs.size());
        if (added) {
            evs.emplace_back();
            evs.back().description = ms[i].description;
        }
        GoldEvent& ev = evs[it->second];
        ev.members.push_back(ms[i].doc + "#" + ms[i].id);
        ev.participants.insert(ms[i].participants.begin(), ms[i].participants.end());
        if (!ev.location && ms[i].location) ev.location = ms[i].location;
        if (!ev.date && ms[i].date) ev.date = ms[i].date;
    }
    return evs;
}

GoldSet read_gold(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    GoldSet g;
    g.dir = dir.string();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw io_error(g.dir + ": no such gold directory");
    std::vector<std::string> paths;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const std::string suffix = ".gold.yaml";
        if (name.size() < suffix.size() || name.front() == '.' ||
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        std::error_code ec2;
        if (fs::is_regular_file(it->path(), ec2)) paths.push_back(it->path().string());
    }
    if (ec) throw io_error(g.dir + ": cannot list gold directory: " + ec.message());
    std::sort(paths.begin(), paths.end());
    if (paths.empty()) throw io_error(g.dir + ": no *.gold.yaml files");
    g.files = paths;

    std::vector<LoadedFile> docs;
    docs.reserve(paths.size());
    for (const auto& p : paths)
        docs.push_back(load(p));
    for (const auto& [f, d] : docs)
        for (const auto& e : records(f, d, "entities"))
            add_entity(g, f, e);
    for (const auto& [key, e] : g.entities) {
        std::vector<std::string> names{e.name};
        names.insert(names.end(), e.aliases.begin(), e.aliases.end());
        for (const auto& n : names) {
            const std::string k = name_key(n);
            if (!k.empty()) g.name_index[k].insert(key);
        }
        for (const auto& q : e.qids)
            g.qid_index[q].insert(key);
    }
    for (const auto& [q, keys] : g.qid_index) {
        if (keys.size() < 2) continue;
        std::string list;
        for (const auto& k : keys)
            list += (list.empty() ? "" : ", ") + quoted(k);
        g.warnings.push_back("gold: wikidata " + q + " on different canonical names: [" + list +
                             "]");
    }
    for (const auto& [f, d] : docs)
        add_relations(g, f, d);
    return g;
}

} // namespace parley
