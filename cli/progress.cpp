#include "progress.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <utility>

#include <unistd.h>

namespace agentmerge::cli {

namespace {

constexpr std::size_t kBarWidth = 20;
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);

std::string clock_text(double seconds) {
  const auto s = static_cast<long long>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
  return buf;
}

}  // namespace

std::string progress_line(const std::string& unit, std::size_t done, std::size_t total,
                          std::size_t clusters, double elapsed_seconds) {
  std::string out;
  if (total > 0) {
    const std::size_t filled = std::min(kBarWidth, done * kBarWidth / total);
    out += "[" + std::string(filled, '#') + std::string(kBarWidth - filled, '.') + "] ";
    out += std::to_string(done) + "/" + std::to_string(total) + " " + unit;
  } else {
    out += std::to_string(done) + " " + unit;
  }
  // One counter per stage: the clusters stage counts clusters itself.
  if (clusters > 0 && unit != "clusters") out += "  " + std::to_string(clusters) + " clusters";
  if (elapsed_seconds > 0.0 && done > 0) {
    const double rate = static_cast<double>(done) / elapsed_seconds;
    char buf[32];
    std::snprintf(buf, sizeof buf, "  %.0f %s/s", rate, unit.c_str());
    out += buf;
    if (total > done) out += "  ETA " + clock_text(static_cast<double>(total - done) / rate);
  }
  return out;
}

Progress::Progress(std::string unit, std::size_t total, Verbosity verbosity)
    : enabled_(verbosity != Verbosity::Quiet && ::isatty(STDERR_FILENO) == 1),
      unit_(std::move(unit)),
      total_(total),
      start_(Clock::now()),
      last_draw_(start_) {}

Progress::~Progress() { finish(); }

void Progress::stage(std::string unit, std::size_t total) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    unit_ = std::move(unit);
    total_ = total;
    done_ = 0;
    start_ = Clock::now();
  }
  draw(true);
}

void Progress::advance(std::size_t n) {
  done_ += n;
  draw(false);
}

void Progress::set_clusters(std::size_t n) { clusters_ = n; }

void Progress::draw(bool force) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  const auto now = Clock::now();
  if (!force && drawn_ && now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  drawn_ = true;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  draw_progress_line(progress_line(unit_, done_, total_, clusters_, elapsed));
}

void Progress::finish() {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (drawn_) clear_progress_line();
  drawn_ = false;
}

}  // namespace agentmerge::cli
