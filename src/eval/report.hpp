// Output of `parley eval`: the table in the layout of score.py's `print_table`, the `--errors`
// listing, the `--json` document (shaped like `score.py --json`: `info` + rows) and the `--min`
// thresholds that CI uses to assert the targets.
#pragma once

#include "eval/score.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

/// What was scored (the `info` object of the JSON output and the table head).
struct EvalInfo {
    std::vector<std::string> inputs;
    std::size_t documents = 0;
    std::size_t graph_nodes = 0;
    std::size_t graph_edges = 0;
    std::string gold_dir;
    std::size_t gold_files = 0;
    std::size_t gold_entities = 0;
    std::vector<std::string> warnings; ///< gold warnings
};

/// Head line, the table, the by-type and meeting lines, then up to 20 gold warnings.
[[nodiscard]] std::string format_table(const EvalReport& report, const EvalInfo& info);

/// The misses and false positives of every category (score.py `--errors`).
[[nodiscard]] std::string format_errors(const EvalReport& report);

/// One JSON object laid out like Python's `json.dumps(indent=1, ensure_ascii=False)`:
/// `info`, the rows, `entities_by_type`, `meetings` and, with `with_errors`, `errors`.
[[nodiscard]] std::string format_json(const EvalReport& report, const EvalInfo& info,
                                      bool with_errors);

/// A `--min KEY=F1` threshold.
struct MinF1 {
    std::string key; ///< a row key of `kEvalRows`
    double f1 = 0.0;
};

/// Parses `KEY=F1` (F1 in [0, 1]); throws `ParleyError` (exit 2) for an unknown key or a bad
/// number.
[[nodiscard]] MinF1 parse_min_f1(std::string_view spec);

/// The thresholds `report` misses, one line each ("stances F1 0.650 < 0.700"). An undefined F1
/// counts as a miss.
[[nodiscard]] std::vector<std::string> failed_thresholds(const EvalReport& report,
                                                         const std::vector<MinF1>& mins);

} // namespace parley
