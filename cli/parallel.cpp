#include "parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "io.hpp"

namespace agentmerge::cli {

unsigned default_jobs() { return std::max(1U, std::thread::hardware_concurrency()); }

void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& fn) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  const auto worker = [&] {
    for (;;) {
      const std::size_t i = next.fetch_add(1);
      if (i >= n || failed.load()) return;
      try {
        fn(i);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
        failed.store(true);
        return;
      }
    }
  };
  const std::size_t threads = std::min<std::size_t>(std::max(1U, jobs), std::max<std::size_t>(n, 1));
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

std::vector<Result<AgentFile>> load_agents(const std::vector<std::filesystem::path>& paths,
                                           const ParseOptions& options, unsigned jobs) {
  return parallel_map<Result<AgentFile>>(
      paths.size(), jobs, [&](std::size_t i) { return load_agent(paths[i], options); });
}

}  // namespace agentmerge::cli
