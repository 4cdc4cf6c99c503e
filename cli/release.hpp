// Large results that live until the process ends are handed to the OS
// instead of to their destructors.
//
//   Inputs& in = kept_until_exit(Inputs{});  // never destroyed
//   in = load_inputs(...);   // 1,100 syntax trees, ~10^6 allocations
//   release_at_exit(std::move(results));     // the same for a value built
//                                            // before the command returns
//
// Freeing a forest of small allocations one by one takes about a tenth of a
// second per thousand agent files, after all output is written; the kernel
// reclaims the whole heap at once. The values stay reachable from a static,
// so leak checkers (LeakSanitizer, valgrind) do not report them. Only for
// values built once per run, right before the command returns.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

namespace agentmerge::cli {

// `value`, moved to storage that is never destroyed; the reference stays
// valid until the process exits, whatever path the command returns by.
template <class T>
std::decay_t<T>& kept_until_exit(T&& value) {
  static std::mutex mutex;
  // Never destroyed (deliberately): see above.
  static auto* kept = new std::vector<std::shared_ptr<void>>();
  auto held = std::make_shared<std::decay_t<T>>(std::forward<T>(value));
  std::decay_t<T>& ref = *held;
  const std::lock_guard<std::mutex> lock(mutex);
  kept->push_back(std::move(held));
  return ref;
}

template <class T>
void release_at_exit(T&& value) {
  kept_until_exit(std::forward<T>(value));
}

}  // namespace agentmerge::cli
