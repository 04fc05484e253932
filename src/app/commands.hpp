// Subcommands of the `parley` executable. Each `register_*` adds one subcommand to the CLI11 app
// and binds its options into a struct; the callback throws `ParleyError` on failure, which
// `main` turns into a message and an exit code.
#pragma once

#include <CLI/CLI.hpp>

namespace parley {
namespace rdf {
class World;
}

/// What every subcommand may use; owned by `main`.
struct AppContext {
    rdf::World& world;
};

void register_build(CLI::App& app, AppContext& ctx);
void register_eval(CLI::App& app, AppContext& ctx);
void register_validate(CLI::App& app, AppContext& ctx);
void register_query(CLI::App& app, AppContext& ctx);
void register_export(CLI::App& app, AppContext& ctx);
void register_explain(CLI::App& app, AppContext& ctx);
void register_merge(CLI::App& app, AppContext& ctx);

} // namespace parley
