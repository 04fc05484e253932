// Loading and lookups of the YAML lexicons (see lexicon.hpp for the file format). The loader is
// strict: every value is checked against the schema and every problem is reported as
// "FILE:LINE:COLUMN: message" (1-based), because a silently ignored key in a hand-written
// mapping file is a bug that shows up much later as a missing fact.
#include "lexicon/lexicon.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <utility>
#include <yaml-cpp/yaml.h>

namespace parley {

namespace {

bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool has_lower(std::string_view s) {
    return std::any_of(s.begin(), s.end(), is_lower);
}
bool has_upper(std::string_view s) {
    return std::any_of(s.begin(), s.end(), is_upper);
}

/// Mixed case ("Kyiv") must match exactly; an all-lower-case or all-upper-case query ("kyiv",
/// "KYIV") may use the case-insensitive index.
bool may_fold_query(std::string_view s) {
    return !(has_lower(s) && has_upper(s));
}

/// Drops a leading "the " or "The " (returns `s` unchanged when there is none).
std::string_view strip_the(std::string_view s) {
    if (s.size() > 4 && (s.substr(0, 4) == "the " || s.substr(0, 4) == "The ")) return s.substr(4);
    return s;
}

/// Trims ASCII white space and collapses inner runs to one space.
std::string squeeze(std::string_view s) {
    std::string out;
    bool space = false;
    for (const char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

unsigned bit(SurfaceKind k) {
    return 1u << static_cast<unsigned>(k);
}
constexpr unsigned kNameKinds = (1u << 0) | (1u << 1); // Name, Alias

/// True when the code point starting at byte `i` of `text` is a letter or digit.
bool alnum_at(std::string_view text, std::size_t i) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto len = static_cast<int32_t>(text.size());
    auto pos = static_cast<int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(s, pos, len, c);
    return c >= 0 && u_isalnum(c);
}

/// True when the code point ending just before byte `i` of `text` is a letter or digit.
bool alnum_before(std::string_view text, std::size_t i) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    auto pos = static_cast<int32_t>(i);
    UChar32 c = 0;
    U8_PREV(s, 0, pos, c);
    return c >= 0 && u_isalnum(c);
}

} // namespace

const char* to_string(SurfaceKind k) {
    switch (k) {
    case SurfaceKind::Name:
        return "name";
    case SurfaceKind::Alias:
        return "alias";
    case SurfaceKind::Demonym:
        return "demonym";
    case SurfaceKind::Metonym:
        return "metonym";
    }
    return "?";
}

// ---------------------------------------------------------------------------------------------
// Loader

/// Reads the YAML files into a `Lexicon`. Keeps where each entry and role came from, for error
/// messages about duplicates and dangling references found after all files are read.
class LexiconLoader {
public:
    explicit LexiconLoader(Lexicon& lex) : lex_(lex) {}

    void load_file(const std::filesystem::path& path);
    void finish();

private:
    /// What a section of a file holds and which keys its items may have.
    struct Section {
        EntityType type;
        const char* prefix;
        std::vector<std::string> allowed;
        std::vector<std::string> required;
    };

    /// A reference to check once every file is read.
    struct PendingRef {
        std::string target;
        std::string where;
        std::string what;
        bool country_only = false;
    };

    Lexicon& lex_;
    std::string file_; ///< path of the file being read, as shown in messages
    std::vector<std::string> entry_origin_;
    std::vector<std::string> role_where_;                ///< per role: where
    std::vector<std::vector<std::string>> holder_where_; ///< per role, per holder
    std::vector<PendingRef> refs_;

    [[nodiscard]] std::string where(const YAML::Mark& m) const {
        if (m.line < 0) return file_;
        return file_ + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
    }
    [[nodiscard]] std::string where(const YAML::Node& n) const { return where(n.Mark()); }
    [[noreturn]] void fail(const YAML::Node& at, const std::string& message) const {
        throw io_error(where(at) + ": " + message);
    }

    /// Checks that `node` is a map whose keys are unique, allowed and include `required`;
    /// returns the values by key, in file order.
    std::vector<std::pair<std::string, YAML::Node>> fields(const YAML::Node& node,
                                                           const std::vector<std::string>& allowed,
                                                           const std::vector<std::string>& required,
                                                           const std::string& what) const;
    std::string text(const YAML::Node& n, const std::string& key) const;
    std::vector<std::string> text_list(const YAML::Node& n, const std::string& key) const;
    bool boolean(const YAML::Node& n, const std::string& key) const;
    std::string qid(const YAML::Node& n) const;
    std::string id_of(const YAML::Node& n, const char* prefix) const;
    std::optional<Date> date(const YAML::Node& n, const std::string& key) const;
    std::string kind_of(const YAML::Node& n, EntityType type) const;

    void entities(const YAML::Node& list, const std::string& section);
    void entity(const YAML::Node& item, const Section& sec, bool generic);
    LexEntry capital(const YAML::Node& n, const std::string& country_id) const;
    void add_entry(LexEntry e, const YAML::Node& at);
    void roles(const YAML::Node& list);
    void triggers(const YAML::Node& map);
};

std::vector<std::pair<std::string, YAML::Node>>
LexiconLoader::fields(const YAML::Node& node, const std::vector<std::string>& allowed,
                      const std::vector<std::string>& required, const std::string& what) const {
    if (!node.IsMap()) fail(node, what + " must be a map");
    std::vector<std::pair<std::string, YAML::Node>> out;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node key = it->first;
        if (!key.IsScalar()) fail(key, "keys of " + what + " must be plain strings");
        const std::string k = key.Scalar();
        if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
            std::string list;
            for (const auto& a : allowed)
                list += (list.empty() ? "" : ", ") + a;
            fail(key, "unknown key '" + k + "' in " + what + " (allowed: " + list + ")");
        }
        for (const auto& [seen, value] : out)
            if (seen == k) fail(key, "duplicate key '" + k + "' in " + what);
        out.emplace_back(k, it->second);
    }
    for (const auto& r : required) {
        const bool found =
            std::any_of(out.begin(), out.end(), [&](const auto& kv) { return kv.first == r; });
        if (!found) fail(node, "missing required key '" + r + "' in " + what);
    }
    return out;
}

std::string LexiconLoader::text(const YAML::Node& n, const std::string& key) const {
    if (!n.IsScalar()) fail(n, "'" + key + "' must be a string");
    std::string s = squeeze(n.Scalar());
    if (s.empty()) fail(n, "'" + key + "' must not be empty");
    return s;
}

std::vector<std::string> LexiconLoader::text_list(const YAML::Node& n,
                                                  const std::string& key) const {
    if (!n.IsSequence()) fail(n, "'" + key + "' must be a list of strings");
    std::vector<std::string> out;
    for (const auto& item : n) {
        std::string s = text(item, key);
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
    }
    return out;
}

bool LexiconLoader::boolean(const YAML::Node& n, const std::string& key) const {
    if (n.IsScalar()) {
        if (n.Scalar() == "true") return true;
        if (n.Scalar() == "false") return false;
    }
    fail(n, "'" + key + "' must be true or false");
}

std::string LexiconLoader::qid(const YAML::Node& n) const {
    const std::string s = text(n, "qid");
    const bool ok = s.size() >= 2 && s[0] == 'Q' && s[1] != '0' &&
                    std::all_of(s.begin() + 1, s.end(), is_digit);
    if (!ok) fail(n, "'qid' must be a Wikidata id such as Q212, not '" + s + "'");
    return s;
}

std::string LexiconLoader::id_of(const YAML::Node& n, const char* prefix) const {
    const std::string s = text(n, "id");
    const std::string p = std::string(prefix) + ":";
    bool ok = s.size() > p.size() && s.compare(0, p.size(), p) == 0;
    const std::string rest = ok ? s.substr(p.size()) : std::string();
    if (ok && p == "country:") {
        ok = rest.size() == 2 && is_upper(rest[0]) && is_upper(rest[1]);
    } else if (ok) {
        ok = std::all_of(rest.begin(), rest.end(),
                         [](char c) { return is_lower(c) || is_digit(c) || c == '-'; }) &&
             rest.front() != '-' && rest.back() != '-';
    }
    if (!ok) {
        const std::string form = p == "country:" ? "country:XX (ISO 3166-1 alpha-2, upper case)"
                                                 : p + "slug (a-z, 0-9, '-')";
        fail(n, "id '" + s + "' must have the form " + form);
    }
    return s;
}

std::optional<Date> LexiconLoader::date(const YAML::Node& n, const std::string& key) const {
    const std::string s = text(n, key);
    auto d = Date::parse(s);
    if (!d) fail(n, "'" + key + "' must be a date YYYY-MM-DD, not '" + s + "'");
    return d;
}

std::string LexiconLoader::kind_of(const YAML::Node& n, EntityType type) const {
    std::string s = text(n, "kind");
    if (type == EntityType::Organization) {
        static const std::vector<std::string> kinds = {
            "international", "legislature",     "armed_group", "outlet",
            "agency",        "government_body", "other"};
        if (std::find(kinds.begin(), kinds.end(), s) == kinds.end())
            fail(n, "organization kind '" + s +
                        "' is not one of international, legislature, armed_group, outlet, "
                        "agency, government_body, other");
    } else {
        const bool ok =
            std::all_of(s.begin(), s.end(), [](char c) { return is_lower(c) || c == '_'; });
        if (!ok) fail(n, "kind '" + s + "' must be a lower-case word (a-z, '_')");
    }
    return s;
}

void LexiconLoader::load_file(const std::filesystem::path& path) {
    file_ = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw io_error(file_ + ": cannot open mapping file");
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) throw io_error(file_ + ": cannot read mapping file");
    const std::string content = buf.str();

    if (const auto bad = utf8_error_offset(content); bad != std::string_view::npos) {
        const auto line =
            std::count(content.begin(), content.begin() + static_cast<long>(bad), '\n');
        const auto line_start = content.rfind('\n', bad == 0 ? 0 : bad - 1);
        const auto col = line_start == std::string::npos || bad == 0 ? bad : bad - line_start - 1;
        throw io_error(file_ + ":" + std::to_string(line + 1) + ":" + std::to_string(col + 1) +
                       ": invalid UTF-8 (byte offset " + std::to_string(bad) + ")");
    }

    YAML::Node root;
    try {
        root = YAML::Load(content);
    } catch (const YAML::Exception& e) {
        throw io_error(where(e.mark) + ": malformed YAML: " + e.msg);
    }
    if (root.IsNull()) return; // An empty file (or only comments) adds nothing.

    try {
        for (const auto& [key, value] : fields(root,
                                               {"countries", "organizations", "places", "persons",
                                                "entities", "roles", "triggers"},
                                               {}, "the top level of a mapping file")) {
            if (key == "roles") {
                roles(value);
            } else if (key == "triggers") {
                triggers(value);
            } else {
                entities(value, key);
            }
        }
    } catch (const YAML::Exception& e) {
        // A conversion the checks above did not foresee; still name the place.
        throw io_error(where(e.mark) + ": " + e.msg);
    }
}

void LexiconLoader::entities(const YAML::Node& list, const std::string& section) {
    static const std::vector<std::string> common = {"id", "name", "qid", "aliases", "exact_case"};
    auto with = [&](std::initializer_list<const char*> extra) {
        std::vector<std::string> v = common;
        v.insert(v.end(), extra.begin(), extra.end());
        return v;
    };
    const Section country{
        EntityType::Country, "country", with({"demonyms", "metonyms", "capital"}), {"id", "name"}};
    const Section org{EntityType::Organization,
                      "org",
                      with({"kind", "demonyms", "metonyms", "country"}),
                      {"id", "name", "kind"}};
    const Section place{
        EntityType::Place, "place", with({"kind", "demonyms", "country"}), {"id", "name"}};
    const Section person{EntityType::Person, "person", with({"country"}), {"id", "name"}};

    if (!list.IsSequence()) fail(list, "'" + section + "' must be a list of entries");
    for (const auto& item : list) {
        if (section == "countries") {
            entity(item, country, false);
        } else if (section == "organizations") {
            entity(item, org, false);
        } else if (section == "places") {
            entity(item, place, false);
        } else if (section == "persons") {
            entity(item, person, false);
        } else {
            // `entities`: the type is given per item and selects the rules of its section.
            if (!item.IsMap()) fail(item, "an entry of 'entities' must be a map");
            const YAML::Node type = item["type"];
            if (!type) fail(item, "missing required key 'type' in an entry of 'entities'");
            const std::string t = text(type, "type");
            const Section* sec = t == "Country"        ? &country
                                 : t == "Organization" ? &org
                                 : t == "Place"        ? &place
                                 : t == "Person"       ? &person
                                                       : nullptr;
            if (sec == nullptr)
                fail(type, "type '" + t + "' is not one of Person, Organization, Country, Place");
            Section generic = *sec;
            generic.allowed.emplace_back("type");
            generic.required.emplace_back("type");
            entity(item, generic, true);
        }
    }
}

void LexiconLoader::entity(const YAML::Node& item, const Section& sec, bool generic) {
    const char* section = generic                                ? "entities"
                          : sec.type == EntityType::Country      ? "countries"
                          : sec.type == EntityType::Organization ? "organizations"
                          : sec.type == EntityType::Place        ? "places"
                                                                 : "persons";
    const auto kv =
        fields(item, sec.allowed, sec.required, std::string("an entry of '") + section + "'");
    LexEntry e;
    e.type = sec.type;
    // Organization names are often common words ("Guardian", "Economist", "Congress"): they
    // match only with their exact case unless the entry says otherwise.
    e.exact_case = sec.type == EntityType::Organization;
    std::optional<YAML::Node> capital_node;
    for (const auto& [key, value] : kv) {
        if (key == "id") {
            e.id = id_of(value, sec.prefix);
        } else if (key == "name") {
            e.name = text(value, key);
        } else if (key == "qid") {
            e.qid = qid(value);
        } else if (key == "aliases") {
            e.aliases = text_list(value, key);
        } else if (key == "demonyms") {
            e.demonyms = text_list(value, key);
        } else if (key == "metonyms") {
            e.metonyms = text_list(value, key);
        } else if (key == "country") {
            e.country = text(value, key);
            // Places and organizations lie in a country; a person may belong to any entry.
            refs_.push_back({e.country, where(value), "'country'", sec.type != EntityType::Person});
        } else if (key == "kind") {
            e.kind = kind_of(value, sec.type);
        } else if (key == "exact_case") {
            e.exact_case = boolean(value, key);
        } else if (key == "capital") {
            capital_node = value;
        }
        // `type` was checked by the caller.
    }
    std::optional<LexEntry> cap;
    if (capital_node) {
        cap = capital(*capital_node, e.id);
        e.capital = cap->id;
    }
    add_entry(std::move(e), item);
    // The capital follows its country, so the country's names take precedence in load order.
    if (cap) add_entry(std::move(*cap), *capital_node);
}

LexEntry LexiconLoader::capital(const YAML::Node& n, const std::string& country_id) const {
    LexEntry place;
    place.type = EntityType::Place;
    place.kind = "capital";
    place.country = country_id;
    if (n.IsScalar()) {
        place.name = text(n, "capital");
    } else {
        const auto kv = fields(n, {"id", "name", "qid", "aliases", "exact_case"}, {"name"},
                               "'capital' of " + country_id);
        for (const auto& [key, value] : kv) {
            if (key == "id") place.id = id_of(value, "place");
            if (key == "name") place.name = text(value, key);
            if (key == "qid") place.qid = qid(value);
            if (key == "aliases") place.aliases = text_list(value, key);
            if (key == "exact_case") place.exact_case = boolean(value, key);
        }
    }
    if (place.id.empty()) place.id = "place:" + slugify(place.name);
    return place;
}

void LexiconLoader::add_entry(LexEntry e, const YAML::Node& at) {
    if (const auto it = lex_.id_index_.find(e.id); it != lex_.id_index_.end())
        fail(at,
             "duplicate id '" + e.id + "' (first defined at " + entry_origin_[it->second] + ")");
    lex_.id_index_.emplace(e.id, lex_.entries.size());
    entry_origin_.push_back(where(at));
    lex_.entries.push_back(std::move(e));
}

void LexiconLoader::roles(const YAML::Node& list) {
    if (!list.IsSequence()) fail(list, "'roles' must be a list of roles");
    for (const auto& item : list) {
        const auto kv = fields(item, {"title", "variants", "head_of_state", "holders"}, {"title"},
                               "an entry of 'roles'");
        RoleEntry r;
        std::vector<std::string> holder_where;
        std::vector<std::pair<std::string, YAML::Node>> names; // title and variants, for checks
        for (const auto& [key, value] : kv) {
            if (key == "title") {
                r.title = text(value, key);
                names.emplace_back(r.title, value);
            } else if (key == "variants") {
                r.variants = text_list(value, key);
                for (const auto& v : value)
                    names.emplace_back(squeeze(v.Scalar()), v);
            } else if (key == "head_of_state") {
                r.head_of_state = boolean(value, key);
            } else if (key == "holders") {
                if (!value.IsSequence()) fail(value, "'holders' must be a list of holders");
                for (const auto& h : value) {
                    const auto hkv = fields(h, {"person", "qid", "country", "from", "to"},
                                            {"person", "country"}, "a holder");
                    RoleHolder holder;
                    for (const auto& [hk, hv] : hkv) {
                        if (hk == "person") holder.person = text(hv, hk);
                        if (hk == "qid") holder.qid = qid(hv);
                        if (hk == "country") {
                            holder.country = text(hv, hk);
                            refs_.push_back({holder.country, where(hv), "holder 'country'", false});
                        }
                        if (hk == "from") holder.from = date(hv, hk);
                        if (hk == "to") holder.to = date(hv, hk);
                    }
                    if (holder.from && holder.to && !(*holder.from < *holder.to))
                        fail(h, "holder period of " + holder.person +
                                    " is empty: 'from' must be before 'to' (exclusive)");
                    r.holders.push_back(std::move(holder));
                    holder_where.push_back(where(h));
                }
            }
        }
        // Titles and variants name one role each, whatever their case.
        for (const auto& [name, node] : names) {
            const std::string key = ascii_lower(name);
            if (const auto it = lex_.role_index_.find(key); it != lex_.role_index_.end()) {
                if (it->second == lex_.roles.size()) continue; // a variant repeating the title
                fail(node, "role title or variant '" + name + "' is already used by role '" +
                               lex_.roles[it->second].title + "' (" + role_where_[it->second] +
                               ")");
            }
            lex_.role_index_.emplace(key, lex_.roles.size());
        }
        role_where_.push_back(where(item));
        holder_where_.push_back(std::move(holder_where));
        lex_.roles.push_back(std::move(r));
    }
}

void LexiconLoader::triggers(const YAML::Node& map) {
    if (!map.IsMap()) fail(map, "'triggers' must be a map of category -> list of words");
    std::vector<std::string> seen; // categories of this map; other files may extend them
    for (auto it = map.begin(); it != map.end(); ++it) {
        const YAML::Node key = it->first;
        if (!key.IsScalar()) fail(key, "a trigger category must be a plain string");
        const std::string category = key.Scalar();
        const bool ok = !category.empty() &&
                        std::all_of(category.begin(), category.end(),
                                    [](char c) { return is_lower(c) || is_digit(c) || c == '_'; });
        if (!ok) fail(key, "trigger category '" + category + "' must be a-z, 0-9 and '_'");
        if (std::find(seen.begin(), seen.end(), category) != seen.end())
            fail(key, "duplicate trigger category '" + category + "'");
        seen.push_back(category);
        auto& set = lex_.triggers[category];
        for (const auto& word : text_list(it->second, category))
            set.insert(ascii_lower(word));
    }
}

void LexiconLoader::finish() {
    for (const auto& ref : refs_) {
        const auto it = lex_.id_index_.find(ref.target);
        if (it == lex_.id_index_.end())
            throw io_error(ref.where + ": " + ref.what + " refers to unknown id '" + ref.target +
                           "'");
        if (ref.country_only && lex_.entries[it->second].type != EntityType::Country)
            throw io_error(ref.where + ": " + ref.what + " must be a country id, not '" +
                           ref.target + "'");
    }
    lex_.build_indexes();

    for (std::size_t r = 0; r < lex_.roles.size(); ++r) {
        auto& role = lex_.roles[r];
        for (std::size_t h = 0; h < role.holders.size(); ++h) {
            RoleHolder& holder = role.holders[h];
            // A holder who is also a person entry shares its Wikidata id.
            for (const LexEntry* p : lex_.find_names(holder.person)) {
                if (p->type != EntityType::Person || p->qid.empty()) continue;
                if (holder.qid.empty()) {
                    holder.qid = p->qid;
                } else if (holder.qid != p->qid) {
                    throw io_error(holder_where_[r][h] + ": holder " + holder.person + " has qid " +
                                   holder.qid + " but person entry " + p->id + " has " + p->qid);
                }
                break;
            }
            // Periods of one role in one country or organization must not overlap.
            for (std::size_t k = 0; k < h; ++k) {
                const RoleHolder& other = role.holders[k];
                if (other.country != holder.country) continue;
                const bool before = holder.to && other.from && !(*other.from < *holder.to);
                const bool after = other.to && holder.from && !(*holder.from < *other.to);
                if (!before && !after)
                    throw io_error(holder_where_[r][h] + ": holder period of " + holder.person +
                                   " overlaps that of " + other.person + " (" +
                                   holder_where_[r][k] + ") for " + role.title + " of " +
                                   holder.country);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Lexicon

Lexicon Lexicon::load(const std::filesystem::path& dir) {
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec))
        throw io_error(dir.string() + ": mapping directory does not exist");
    if (!std::filesystem::is_directory(dir, ec))
        throw io_error(dir.string() + ": mapping path is not a directory");
    std::vector<std::filesystem::path> files;
    std::filesystem::directory_iterator it(dir, ec);
    if (ec) throw io_error(dir.string() + ": cannot list mapping directory: " + ec.message());
    for (const auto& de : it) {
        if (de.path().extension() == ".yaml" && !de.is_directory(ec)) files.push_back(de.path());
    }
    if (files.empty()) throw io_error(dir.string() + ": mapping directory has no *.yaml file");
    std::sort(files.begin(), files.end(),
              [](const auto& a, const auto& b) { return a.filename() < b.filename(); });

    Lexicon lex;
    LexiconLoader loader(lex);
    for (const auto& f : files)
        loader.load_file(f);
    loader.finish();
    return lex;
}

void Lexicon::build_indexes() {
    exact_.clear();
    folded_.clear();
    capital_index_.clear();
    max_surface_ = 0;
    auto add = [&](const std::string& form, std::size_t entry, SurfaceKind kind, bool fold) {
        auto& refs = exact_[form];
        const Ref ref{entry, kind};
        const auto same = [&](const Ref& r) { return r.entry == entry && r.kind == kind; };
        if (std::none_of(refs.begin(), refs.end(), same)) refs.push_back(ref);
        max_surface_ = std::max(max_surface_, form.size());
        // Forms without lower-case letters are acronyms ("US", "WHO"): exact case only.
        if (fold && has_lower(form)) {
            auto& frefs = folded_[ascii_lower(form)];
            if (std::none_of(frefs.begin(), frefs.end(), same)) frefs.push_back(ref);
        }
    };
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const LexEntry& e = entries[i];
        const bool fold = !e.exact_case;
        add(e.name, i, SurfaceKind::Name, fold);
        for (const auto& a : e.aliases)
            add(a, i, SurfaceKind::Alias, fold);
        for (const auto& d : e.demonyms)
            add(d, i, SurfaceKind::Demonym, fold);
        for (const auto& m : e.metonyms) {
            add(m, i, SurfaceKind::Metonym, fold);
            // "the Kremlin" is also found as "Kremlin".
            if (const auto bare = strip_the(m); bare.size() != m.size())
                add(std::string(bare), i, SurfaceKind::Metonym, fold);
        }
        if (e.type == EntityType::Country && !e.capital.empty()) capital_index_[e.id] = i;
    }
    // Preferred first: names before aliases before demonyms before metonyms, then load order.
    const auto order = [](const Ref& a, const Ref& b) {
        return std::tie(a.kind, a.entry) < std::tie(b.kind, b.entry);
    };
    for (auto& [form, refs] : exact_)
        std::sort(refs.begin(), refs.end(), order);
    for (auto& [form, refs] : folded_)
        std::sort(refs.begin(), refs.end(), order);
}

const std::set<std::string>& Lexicon::trigger(const std::string& category) const {
    static const std::set<std::string> empty;
    const auto it = triggers.find(category);
    return it == triggers.end() ? empty : it->second;
}

bool Lexicon::has_trigger(const std::string& category, std::string_view word) const {
    return trigger(category).count(ascii_lower(squeeze(word))) > 0;
}

const LexEntry* Lexicon::by_id(const std::string& id) const {
    const auto it = id_index_.find(id);
    return it == id_index_.end() ? nullptr : &entries[it->second];
}

const RoleEntry* Lexicon::find_role(std::string_view surface) const {
    const auto it = role_index_.find(ascii_lower(squeeze(surface)));
    return it == role_index_.end() ? nullptr : &roles[it->second];
}

const RoleHolder* Lexicon::holder(const std::string& title, const std::string& country,
                                  const Date& date) const {
    const RoleEntry* role = find_role(title);
    if (role == nullptr) return nullptr;
    for (const auto& h : role->holders) {
        if (h.country != country) continue;
        if (h.from && date < *h.from) continue;
        if (h.to && !(date < *h.to)) continue;
        return &h;
    }
    return nullptr;
}

const LexEntry* Lexicon::capital_of(const std::string& country_id) const {
    const auto it = capital_index_.find(country_id);
    return it == capital_index_.end() ? nullptr : by_id(entries[it->second].capital);
}

std::vector<Lexicon::Ref> Lexicon::lookup(std::string_view surface, unsigned kinds) const {
    std::vector<Ref> out;
    const auto take = [&](const std::unordered_map<std::string, std::vector<Ref>>& index,
                          const std::string& key) {
        const auto it = index.find(key);
        if (it == index.end()) return;
        for (const Ref& r : it->second)
            if ((kinds & bit(r.kind)) != 0) out.push_back(r);
    };
    const std::string s = squeeze(surface);
    if (s.empty()) return out;
    take(exact_, s);
    if (out.empty() && may_fold_query(s)) take(folded_, ascii_lower(s));
    if (out.empty()) {
        const auto bare = strip_the(s);
        if (bare.size() != s.size()) return lookup(bare, kinds);
    }
    return out;
}

std::vector<const LexEntry*> Lexicon::find_names(std::string_view surface) const {
    std::vector<const LexEntry*> out;
    for (const Ref& r : lookup(surface, kNameKinds)) {
        const LexEntry* e = &entries[r.entry];
        if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    }
    return out;
}

const LexEntry* Lexicon::find_name(std::string_view surface) const {
    const auto refs = lookup(surface, kNameKinds);
    return refs.empty() ? nullptr : &entries[refs.front().entry];
}

const LexEntry* Lexicon::find_demonym(std::string_view surface) const {
    const auto refs = lookup(surface, bit(SurfaceKind::Demonym));
    return refs.empty() ? nullptr : &entries[refs.front().entry];
}

const LexEntry* Lexicon::find_metonym(std::string_view surface) const {
    const auto refs = lookup(surface, bit(SurfaceKind::Metonym));
    return refs.empty() ? nullptr : &entries[refs.front().entry];
}

std::vector<HeldRole> Lexicon::roles_of(std::string_view person,
                                        const std::optional<Date>& date) const {
    std::vector<std::string> names{squeeze(person)};
    for (const LexEntry* e : find_names(person))
        if (e->type == EntityType::Person && e->name != names.front()) names.push_back(e->name);
    std::vector<HeldRole> out;
    for (const auto& role : roles) {
        for (const auto& h : role.holders) {
            if (std::find(names.begin(), names.end(), h.person) == names.end()) continue;
            if (date && h.from && *date < *h.from) continue;
            if (date && h.to && !(*date < *h.to)) continue;
            out.push_back({&role, &h});
        }
    }
    return out;
}

std::vector<LexSurface> Lexicon::surfaces() const {
    std::vector<LexSurface> out;
    for (const auto& [form, refs] : exact_)
        for (const Ref& r : refs)
            out.push_back({form, &entries[r.entry], r.kind});
    std::sort(out.begin(), out.end(), [](const LexSurface& a, const LexSurface& b) {
        return std::tie(a.text, a.kind, a.entry->id) < std::tie(b.text, b.kind, b.entry->id);
    });
    return out;
}

LexMatch Lexicon::match_at(std::string_view text, std::size_t pos) const {
    LexMatch m;
    if (pos >= text.size() || !alnum_at(text, pos)) return m;
    if (pos > 0 && alnum_before(text, pos)) return m;
    const std::size_t limit = std::min(text.size(), pos + max_surface_);
    // Candidate ends: every position up to `limit` where a word ends.
    std::vector<std::size_t> ends;
    for (std::size_t i = pos + 1; i <= limit; ++i) {
        if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
            continue; // inside a multi-byte character
        if (i == text.size() || !alnum_at(text, i)) ends.push_back(i);
    }
    for (auto e = ends.rbegin(); e != ends.rend(); ++e) {
        const std::string_view span = text.substr(pos, *e - pos);
        std::vector<Ref> refs;
        if (const auto it = exact_.find(std::string(span)); it != exact_.end()) refs = it->second;
        if (refs.empty() && may_fold_query(span)) {
            if (const auto it = folded_.find(ascii_lower(span)); it != folded_.end())
                refs = it->second;
        }
        if (refs.empty()) continue;
        m.length = span.size();
        for (const Ref& r : refs)
            m.hits.push_back({std::string(span), &entries[r.entry], r.kind});
        return m;
    }
    return m;
}

} // namespace parley
