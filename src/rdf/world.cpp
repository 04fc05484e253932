#include "rdf/world.hpp"

#include "rdf/handles.hpp"

namespace parley::rdf {

struct World::Impl {
    WorldPtr world;
};

World::World() : impl_(std::make_unique<Impl>()) {
    impl_->world.reset(check_new(librdf_new_world(), "world"));
    librdf_world_open(impl_->world.get());
}

World::~World() = default;

librdf_world_s* World::get() const {
    return impl_->world.get();
}

} // namespace parley::rdf
