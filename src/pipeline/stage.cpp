#include "pipeline/stage.hpp"

#include "core/error.hpp"

#include <cstdio>

namespace parley {

namespace {
std::string need_names(unsigned n) {
    std::string out;
    auto add = [&](unsigned bit, const char* name) {
        if (n & bit) out += (out.empty() ? "" : ", ") + std::string(name);
    };
    add(kLexicon, "lexicon");
    add(kDocuments, "documents");
    add(kExtractions, "extractions");
    add(kGraph, "graph");
    return out;
}
} // namespace

void Stage::run(RunContext& ctx) {
    const auto t0 = std::chrono::steady_clock::now();
    do_run(ctx);
    elapsed_ = std::chrono::steady_clock::now() - t0;
}

Pipeline& Pipeline::add(std::unique_ptr<Stage> stage) {
    PARLEY_CHECK(stage != nullptr, "null stage");
    const unsigned missing = stage->needs() & ~available_;
    if (missing != 0)
        throw InternalError("stage " + std::string(stage->name()) + " requires " +
                            need_names(missing) + ", which no earlier stage provides");
    available_ |= stage->provides();
    stages_.push_back(std::move(stage));
    return *this;
}

void Pipeline::run(RunContext& ctx) {
    for (auto& s : stages_)
        s->run(ctx);
}

std::string Pipeline::timing() const {
    std::string out;
    for (const auto& s : stages_) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.3fs", s->elapsed().count());
        out += (out.empty() ? "" : ", ") + std::string(s->name()) + " " + buf;
    }
    return out;
}

} // namespace parley
