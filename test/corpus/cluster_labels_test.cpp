// Cluster quality against a labelled set: every file of ../shared/corpus
// with a same-role judgement (data/clusters/roles.txt says how they were
// made). Pairwise precision and recall are printed for the whole corpus and
// for two halves split by the role's first word (pairs of look-alike roles
// such as data-analyst / data-engineer stay in one half); the thresholds
// were chosen on the "tune" half. Same-name recall is printed strictly (the
// pair is in one cluster) and counting pairs reported as name conflicts.
//
// The assertions are floors at the measured values (a regression guard, not
// the goal): see docs/scan.md for the numbers and what is still missed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "agentmerge/cluster.hpp"
#include "agentmerge/config.hpp"
#include "agentmerge/parse.hpp"
#include "test_support.hpp"

namespace agentmerge {
namespace {

namespace fs = std::filesystem;

// File stem after the last "__", lowercased, '_' and ' ' as '-'.
std::string base_name(const fs::path& p) {
  std::string stem = p.filename().string();
  for (const char* ext : {".agent.md", ".md"}) {
    const std::string e(ext);
    if (stem.size() > e.size() && stem.compare(stem.size() - e.size(), e.size(), e) == 0) {
      stem.resize(stem.size() - e.size());
      break;
    }
  }
  const auto sep = stem.rfind("__");
  if (sep != std::string::npos) stem = stem.substr(sep + 2);
  for (char& c : stem) {
    if (c == '_' || c == ' ') c = '-';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return stem;
}

std::map<std::string, std::string> role_table() {
  std::map<std::string, std::string> roles;
  std::istringstream in(test::read_file(test::source_dir() / "data/clusters/roles.txt"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string first, w;
    words >> first;
    roles[first] = first;
    while (words >> w) roles[w] = first;
  }
  return roles;
}

// FNV-1a: a hash that is the same on every platform.
std::uint32_t fnv(const std::string& s) {
  std::uint32_t h = 2166136261U;
  for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619U;
  return h;
}

struct Scores {
  std::size_t tp = 0, fp = 0, fn = 0, same_name = 0, same_name_together = 0,
              same_name_seen = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / double(tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / double(tp + fn); }
};

struct Labelled {
  std::vector<std::string> base, role;
  std::vector<std::size_t> cluster;
  std::vector<std::set<std::size_t>> conflicts;  // files reported as name conflicts
};

Scores score(const Labelled& l, int half) {
  Scores s;
  for (std::size_t a = 0; a < l.role.size(); ++a) {
    const auto first = [&](std::size_t i) { return l.role[i].substr(0, l.role[i].find('-')); };
    if (half >= 0 && static_cast<int>(fnv(first(a)) % 2) != half) continue;
    for (std::size_t b = a + 1; b < l.role.size(); ++b) {
      if (half >= 0 && static_cast<int>(fnv(first(b)) % 2) != half) continue;
      const bool same = l.role[a] == l.role[b];
      const bool together = l.cluster[a] == l.cluster[b];
      if (together && same) ++s.tp;
      if (together && !same) ++s.fp;
      if (!together && same) ++s.fn;
      if (l.base[a] == l.base[b]) {
        ++s.same_name;
        s.same_name_together += together ? 1 : 0;
        s.same_name_seen += together || l.conflicts[a].count(b) || l.conflicts[b].count(a) ? 1 : 0;
      }
    }
  }
  return s;
}

void print(const char* label, const Scores& s) {
  std::cout << "[cluster labels] " << label << ": precision " << s.precision() << ", recall "
            << s.recall() << " (TP " << s.tp << ", FP " << s.fp << ", FN " << s.fn
            << "); same-name recall "
            << (s.same_name ? double(s.same_name_together) / double(s.same_name) : 1.0)
            << ", counting reported conflicts "
            << (s.same_name ? double(s.same_name_seen) / double(s.same_name) : 1.0) << "\n";
}

TEST(ClusterLabels, PrecisionAndRecallOnTheLabelledCorpus) {
  const auto dir = test::corpus_dir();
  if (!dir) GTEST_SKIP() << "../shared/corpus is absent; cluster precision/recall not measured";
  const auto roles = role_table();
  ASSERT_GT(roles.size(), 40U) << "data/clusters/roles.txt lost its judgements";
  std::vector<AgentFile> files;
  Labelled l;
  for (const auto& p : test::files_below(*dir, ".md")) {
    if (p.filename() == "LICENSE.md" || p.filename() == "README.md") continue;
    auto f = parse_agent(test::read_file(p), p.string());
    ASSERT_TRUE(f.ok()) << f.error().to_string();
    files.push_back(std::move(*f));
    const std::string b = base_name(p);
    const auto it = roles.find(b);
    l.base.push_back(b);
    l.role.push_back(it == roles.end() ? b : it->second);
  }
  ASSERT_GT(files.size(), 1000U);
  const ClusterResult r = cluster_agents(files, Config{}.thresholds, {});
  l.cluster.assign(files.size(), 0);
  l.conflicts.assign(files.size(), {});
  std::size_t largest = 0;
  for (std::size_t c = 0; c < r.clusters.size(); ++c) {
    largest = std::max(largest, r.clusters[c].members.size());
    for (const ClusterMember& m : r.clusters[c].members) {
      l.cluster[m.file] = c;
      l.conflicts[m.file].insert(r.clusters[c].name_conflicts.begin(),
                                 r.clusters[c].name_conflicts.end());
    }
  }
  std::map<std::string, std::size_t> family;
  for (const std::string& role : l.role) ++family[role];
  std::size_t largest_family = 0;
  for (const auto& [role, n] : family) largest_family = std::max(largest_family, n);

  const Scores all = score(l, -1), tune = score(l, 0), holdout = score(l, 1);
  print("tune half", tune);
  print("held-out half", holdout);
  print("all", all);
  std::cout << "[cluster labels] largest cluster " << largest << ", largest labelled family "
            << largest_family << ", split components " << r.stats.split_components << "\n";
  EXPECT_GE(all.precision(), 0.92);
  EXPECT_GE(all.recall(), 0.70);
  EXPECT_GE(holdout.precision(), 0.95);
  EXPECT_LE(largest, largest_family) << "a cluster larger than any true family mixes roles";
}

}  // namespace
}  // namespace agentmerge
