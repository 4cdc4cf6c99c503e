// A progress line on stderr for long bulk runs (migrate, convert).
//
//   [##########..........] 512/1100 files  37 clusters  214 files/s  ETA 0:03
//
// Drawn only when stderr is a terminal and not --quiet (a warning printed
// meanwhile clears it first: console.hpp), so pipes and logs
// never see it; redrawn at most ten times a second; the line is cleared when
// the work is done, leaving the terminal as it was. advance() may be called
// from several threads.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

#include "console.hpp"

namespace agentmerge::cli {

class Progress {
 public:
  // `unit` names what is counted ("files"); `total` may be 0 when unknown.
  Progress(std::string unit, std::size_t total, Verbosity verbosity);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Starts a new stage with its own count (e.g. files, then clusters).
  void stage(std::string unit, std::size_t total);
  void advance(std::size_t n = 1);
  // Clusters found so far (shown when non-zero).
  void set_clusters(std::size_t n);
  // Clears the line (also done by the destructor).
  void finish();

  bool enabled() const { return enabled_; }

 private:
  void draw(bool force);

  using Clock = std::chrono::steady_clock;
  bool enabled_ = false;
  std::mutex mutex_;
  std::string unit_;
  std::size_t total_ = 0;
  std::atomic<std::size_t> done_{0};
  std::atomic<std::size_t> clusters_{0};
  Clock::time_point start_;
  Clock::time_point last_draw_;
  bool drawn_ = false;
};

// The text of one progress line (exposed for tests and for --quiet-free
// logs): counts, rate per second and the remaining time when it is known.
std::string progress_line(const std::string& unit, std::size_t done, std::size_t total,
                          std::size_t clusters, double elapsed_seconds);

}  // namespace agentmerge::cli
