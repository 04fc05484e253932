#include "eval/report.hpp"

#include "core/error.hpp"
#include "eval/pyrepr.hpp"

#include <charconv>
#include <cstdio>
#include <memory>

namespace parley {

namespace {

/// A JSON value, enough for the eval report; written in Python's `indent=1` layout.
struct Json {
    enum class Type { Null, Int, Float, String, Array, Object };
    Type type = Type::Null;
    long long i = 0;
    double d = 0.0;
    std::string s;
    std::vector<Json> items;       ///< array items or object values
    std::vector<std::string> keys; ///< object keys, parallel to `items`

    static Json null() { return {}; }
    static Json integer(std::size_t v) {
        Json j;
        j.type = Type::Int;
        j.i = static_cast<long long>(v);
        return j;
    }
    static Json number(std::optional<double> v) {
        Json j;
        if (!v) return j;
        j.type = Type::Float;
        j.d = *v;
        return j;
    }
    static Json string(std::string v) {
        Json j;
        j.type = Type::String;
        j.s = std::move(v);
        return j;
    }
    static Json array() {
        Json j;
        j.type = Type::Array;
        return j;
    }
    static Json array(const std::vector<std::string>& v) {
        Json j = array();
        for (const auto& x : v)
            j.items.push_back(string(x));
        return j;
    }
    static Json object() {
        Json j;
        j.type = Type::Object;
        return j;
    }
    Json& add(std::string key, Json value) {
        keys.push_back(std::move(key));
        items.push_back(std::move(value));
        return *this;
    }

    void write(std::string& out, int level) const {
        const std::string pad(static_cast<std::size_t>(level + 1), ' ');
        switch (type) {
        case Type::Null:
            out += "null";
            break;
        case Type::Int:
            out += std::to_string(i);
            break;
        case Type::Float:
            out += py_float_repr(d);
            break;
        case Type::String:
            out += json_string(s);
            break;
        case Type::Array:
        case Type::Object: {
            const bool obj = type == Type::Object;
            if (items.empty()) {
                out += obj ? "{}" : "[]";
                break;
            }
            out += obj ? "{\n" : "[\n";
            for (std::size_t k = 0; k < items.size(); ++k) {
                out += pad;
                if (obj) out += json_string(keys[k]) + ": ";
                items[k].write(out, level + 1);
                out += k + 1 < items.size() ? ",\n" : "\n";
            }
            out += std::string(static_cast<std::size_t>(level), ' ');
            out += obj ? "}" : "]";
            break;
        }
        }
    }
};

Json prf_json(const Prf& r) {
    Json j = Json::object();
    j.add("gold", Json::integer(r.gold));
    j.add("system", Json::integer(r.system));
    j.add("tp_gold", Json::integer(r.tp_gold));
    j.add("tp_system", Json::integer(r.tp_system));
    j.add("precision", Json::number(r.precision));
    j.add("recall", Json::number(r.recall));
    j.add("f1", Json::number(r.f1));
    return j;
}

Json accuracy_json(const Accuracy& a) {
    Json j = Json::object();
    j.add("correct", Json::integer(a.correct));
    j.add("total", Json::integer(a.total));
    j.add("accuracy", Json::number(a.accuracy));
    return j;
}

/// score.py's `f3`: three decimals, or a dash right-aligned in 5 columns.
std::string f3(const std::optional<double>& x) {
    if (!x) return "    -";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", *x);
    return buf;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(' ');
    return b == std::string::npos ? std::string() : s.substr(b);
}

} // namespace

std::string format_table(const EvalReport& rep, const EvalInfo& info) {
    std::string out;
    char line[256];
    out += "eval: " + std::to_string(info.documents) + " documents (" +
           std::to_string(info.graph_nodes) + " nodes, " + std::to_string(info.graph_edges) +
           " edges) vs " + std::to_string(info.gold_files) + " gold files in " + info.gold_dir +
           "; " + std::to_string(info.gold_entities) + " gold entities\n";
    std::snprintf(line, sizeof line, "%-22s %5s %5s %7s %6s %6s %6s %6s\n", "category", "gold",
                  "sys", "tp_gold", "tp_sys", "P", "R", "F1");
    out += line;
    for (const auto& [key, title] : kEvalRows) {
        const Prf& r = *rep.row(key);
        std::snprintf(line, sizeof line, "%-22s %5zu %5zu %7zu %6zu %6s %6s %6s\n", title, r.gold,
                      r.system, r.tp_gold, r.tp_system, f3(r.precision).c_str(),
                      f3(r.recall).c_str(), f3(r.f1).c_str());
        out += line;
    }
    out += "typed, by type (P per system type, R per gold type): ";
    for (std::size_t t = 0; t < kEntityTypes.size(); ++t) {
        const Prf& r = rep.entities_by_type[t];
        if (t) out += " | ";
        out += std::string(kEntityTypes[t]) + " P " + trim(f3(r.precision)) + " R " +
               trim(f3(r.recall));
    }
    out += "\n";
    const MeetingSummary& m = rep.meetings;
    out += "meetings: " + std::to_string(m.gold_meetings) +
           " gold meetings = " + std::to_string(m.gold_events) + " events, " +
           std::to_string(m.system_meetings) + " system, " + std::to_string(m.aligned) +
           " aligned; location " + std::to_string(m.location.correct) + "/" +
           std::to_string(m.location.total) + ", date " + std::to_string(m.date.correct) + "/" +
           std::to_string(m.date.total) + "\n";
    if (!info.warnings.empty()) {
        out += "gold warnings (" + std::to_string(info.warnings.size()) + "):\n";
        for (std::size_t i = 0; i < info.warnings.size() && i < 20; ++i)
            out += "  " + info.warnings[i] + "\n";
        if (info.warnings.size() > 20)
            out += "  ... " + std::to_string(info.warnings.size() - 20) + " more (--json)\n";
    }
    return out;
}

std::string format_errors(const EvalReport& rep) {
    std::string out = "\n#### errors\n";
    for (const auto& cat : rep.errors) {
        out += "\n## " + cat.name + "\n";
        if (cat.flat) {
            for (const auto& x : *cat.flat)
                out += "  " + x + "\n";
            continue;
        }
        for (const auto& f : cat.fields) {
            if (f.count) {
                out += "  " + f.name + ": " + std::to_string(*f.count) + "\n";
                continue;
            }
            out += "  " + f.name + " (" + std::to_string(f.lines.size()) + "):\n";
            for (const auto& x : f.lines)
                out += "    " + x + "\n";
        }
    }
    return out;
}

std::string format_json(const EvalReport& rep, const EvalInfo& info, bool with_errors) {
    Json j = Json::object();
    Json ji = Json::object();
    ji.add("inputs", Json::array(info.inputs));
    ji.add("documents", Json::integer(info.documents));
    ji.add("graph_nodes", Json::integer(info.graph_nodes));
    ji.add("graph_edges", Json::integer(info.graph_edges));
    ji.add("gold", Json::string(info.gold_dir));
    ji.add("gold_files", Json::integer(info.gold_files));
    ji.add("gold_entities", Json::integer(info.gold_entities));
    ji.add("warnings", Json::array(info.warnings));
    j.add("info", std::move(ji));
    j.add("entities", prf_json(rep.entities));
    j.add("entities_typed", prf_json(rep.entities_typed));
    Json bt = Json::object();
    for (std::size_t t = 0; t < kEntityTypes.size(); ++t)
        bt.add(kEntityTypes[t], prf_json(rep.entities_by_type[t]));
    j.add("entities_by_type", std::move(bt));
    j.add("meeting_participants", prf_json(rep.meeting_participants));
    Json jm = Json::object();
    jm.add("gold_meetings", Json::integer(rep.meetings.gold_meetings));
    jm.add("gold_events", Json::integer(rep.meetings.gold_events));
    jm.add("system_meetings", Json::integer(rep.meetings.system_meetings));
    jm.add("aligned", Json::integer(rep.meetings.aligned));
    jm.add("location", accuracy_json(rep.meetings.location));
    jm.add("date", accuracy_json(rep.meetings.date));
    j.add("meetings", std::move(jm));
    j.add("proposals", prf_json(rep.proposals));
    j.add("proposal_proposer", prf_json(rep.proposal_proposer));
    j.add("stances", prf_json(rep.stances));
    j.add("quotes", prf_json(rep.quotes));
    if (with_errors) {
        Json je = Json::object();
        for (const auto& cat : rep.errors) {
            if (cat.flat) {
                je.add(cat.name, Json::array(*cat.flat));
                continue;
            }
            Json jc = Json::object();
            for (const auto& f : cat.fields)
                jc.add(f.name, f.count ? Json::integer(*f.count) : Json::array(f.lines));
            je.add(cat.name, std::move(jc));
        }
        j.add("errors", std::move(je));
    }
    std::string out;
    j.write(out, 0);
    return out + "\n";
}

MinF1 parse_min_f1(std::string_view spec) {
    const auto eq = spec.find('=');
    if (eq == std::string_view::npos)
        throw io_error("--min " + std::string(spec) + ": expected KEY=F1, e.g. stances=0.70");
    MinF1 m;
    m.key = std::string(spec.substr(0, eq));
    EvalReport probe;
    if (!probe.row(m.key)) {
        std::string keys;
        for (const auto& r : kEvalRows)
            keys += (keys.empty() ? "" : ", ") + std::string(r.key);
        throw io_error("--min " + std::string(spec) + ": unknown row `" + m.key + "` (one of " +
                       keys + ")");
    }
    const std::string num(spec.substr(eq + 1));
    char* end = nullptr;
    m.f1 = std::strtod(num.c_str(), &end);
    if (num.empty() || end != num.c_str() + num.size() || !(m.f1 >= 0.0 && m.f1 <= 1.0))
        throw io_error("--min " + std::string(spec) + ": F1 must be a number from 0 to 1");
    return m;
}

std::vector<std::string> failed_thresholds(const EvalReport& rep, const std::vector<MinF1>& mins) {
    std::vector<std::string> out;
    for (const auto& m : mins) {
        const Prf* r = rep.row(m.key);
        if (r && r->f1 && *r->f1 >= m.f1) continue;
        char buf[64];
        std::snprintf(buf, sizeof buf, " < %.3f", m.f1);
        out.push_back(m.key + " F1 " + (r && r->f1 ? f3(r->f1) : std::string("undefined")) + buf);
    }
    return out;
}

} // namespace parley
