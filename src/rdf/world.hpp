// The one librdf world of a process, owned by `main` and passed by reference to every stage
// that talks to librdf. The librdf types stay hidden behind a PIMPL.
#pragma once

#include <memory>

struct librdf_world_s;

namespace parley::rdf {

class World {
public:
    World();
    ~World();
    World(const World&) = delete;
    World& operator=(const World&) = delete;
    /// The underlying `librdf_world*` (owned by this object).
    [[nodiscard]] librdf_world_s* get() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace parley::rdf
