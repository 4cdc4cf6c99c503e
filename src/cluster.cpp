// Clustering: fingerprints of many files in, clusters of variants out.
//
//   [backend-architect.md (claude), backend_architect.agent.md (copilot),
//    backend-api-architect.md, python-pro.md]
//     -> #1 backend-architect: backend-architect.md (primary),
//           backend_architect.agent.md (same-name 0.41),
//           backend-api-architect.md (similar-content 0.27)
//        #2 python-pro: python-pro.md (singleton)
//
// Pairs are never enumerated over all files. Candidate pairs come from four
// indexes, each about linear in the number of files:
//   1. exact hash of the canonical text (linked without a check);
//   2. same normalized name;
//   3. a shared role word of the name ("backend", "python"), for renamed
//      variants whose names still agree;
//   4. MinHash LSH bands (kLshBands x kLshRows), for copies under any name.
// Each candidate pair is confirmed by the exact content Jaccard against a
// threshold that depends on how their names relate (kLinkRules), and linked
// pairs are joined with union-find. Buckets above a size cap are skipped and
// reported, never silently truncated.
//
// Single links chain: A looks like B, B is named like C, so A and C land in
// one cluster although they are different roles. Each linked component is
// therefore re-grouped by average linkage (split_component): groups join
// only while the average of their members' pair scores (content agreement
// over the threshold their names ask for) reaches 1, so a member must agree
// with a group as a whole, not with one of its members. A component that
// splits is reported (scan-split) with the groups it became.
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <unordered_map>
#include <utility>

#include "agentmerge/cluster.hpp"
#include "minhash.hpp"

namespace agentmerge {
namespace {

// How two names relate, and the content agreement (a fraction of
// Thresholds::cluster, on the content-word Jaccard) a pair needs to link.
enum class NameRelation { Same, SameRole, Similar, Other };

struct LinkRule {
  NameRelation relation;
  double content_factor;
  LinkKind kind;
};

constexpr LinkRule kLinkRules[] = {
    {NameRelation::Same, 0.25, LinkKind::SameName},
    {NameRelation::SameRole, 0.25, LinkKind::SimilarContent},
    {NameRelation::Similar, 0.4, LinkKind::SimilarContent},
    // Unrelated names: only near copies. Measured on the corpus, pairs of
    // different agents built from one template reach 0.75; copies are >= 0.8.
    {NameRelation::Other, 1.6, LinkKind::SimilarContent},
};

const LinkRule& rule_for(NameRelation r) {
  for (const LinkRule& rule : kLinkRules) {
    if (rule.relation == r) return rule;
  }
  return kLinkRules[std::size(kLinkRules) - 1];
}

// Caps that keep the cost linear when many files share a key.
constexpr std::size_t kSameNameCap = 512;      // all pairs inside a name group
constexpr std::size_t kRoleWordCap = 2000;     // name comparisons per role word
constexpr std::size_t kLshBucketCap = 100;     // all pairs inside an LSH bucket
// Components above this are kept as linked (k^2 pair scores) and reported.
constexpr std::size_t kSplitCap = 600;
// A pair's score is capped so that one group of near copies cannot carry a
// join the other pairs do not support.
constexpr double kMaxPairScore = 2.0;

// The job a name's last word names. Names ending in titles of different
// classes are different roles whatever else they share (data-engineer /
// data-analyst, backend-architect / backend-developer): they link only as
// near copies. Titles of one class are interchangeable (python-pro /
// python-expert). A last word not in the table says nothing.
struct TitleClass {
  std::string_view title;
  std::string_view job;
};
constexpr TitleClass kTitles[] = {
    {"pro", "practitioner"},         {"expert", "practitioner"},
    {"specialist", "practitioner"},  {"developer", "practitioner"},
    {"engineer", "practitioner"},    {"guru", "practitioner"},
    {"master", "practitioner"},      {"coder", "practitioner"},
    {"architect", "architect"},      {"analyst", "analyst"},
    {"scientist", "scientist"},      {"researcher", "researcher"},
    {"auditor", "auditor"},          {"reviewer", "reviewer"},
    {"manager", "manager"},          {"designer", "designer"},
    {"tester", "tester"},            {"responder", "responder"},
    {"troubleshooter", "troubleshooter"}, {"writer", "writer"},
    {"admin", "administrator"},      {"administrator", "administrator"},
    {"optimizer", "optimizer"},      {"orchestrator", "orchestrator"},
    {"coordinator", "orchestrator"}, {"documenter", "writer"},
    {"automator", "automator"},      {"debugger", "debugger"},
    {"detective", "debugger"},       {"strategist", "strategist"},
};

std::string_view job_of_word(std::string_view word) {
  for (const TitleClass& t : kTitles)
    if (t.title == word) return t.job;
  return {};
}

// The job a name's title says: the first word of the run of title words
// that ends the name, since later ones qualify it ("backend-architect-pro"
// and "architect-specialist" are architects, "python-pro" a practitioner);
// "" when the name does not end in a title.
std::string_view title_job(std::string_view normalized_name) {
  std::string_view job;
  std::string_view rest = normalized_name;
  while (!rest.empty()) {
    const auto dash = rest.find_last_of("-./");
    const std::string_view word = dash == std::string_view::npos ? rest : rest.substr(dash + 1);
    const std::string_view j = job_of_word(word);
    if (j.empty()) break;
    job = j;
    if (dash == std::string_view::npos) break;
    rest = rest.substr(0, dash);
  }
  return job;
}

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  std::size_t find(std::size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void unite(std::size_t a, std::size_t b) {
    a = find(a), b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<std::size_t> parent_;
};

// Role words interned as ids, so that name comparisons are integer merges.
struct NameIndex {
  std::vector<std::vector<std::uint32_t>> role;  // per file, in name order
  std::vector<std::string_view> job;             // per file: title_job, "" if none
  std::uint32_t words = 0;

  explicit NameIndex(const std::vector<AgentFingerprint>& files) {
    std::unordered_map<std::string, std::uint32_t> ids;
    role.reserve(files.size());
    job.reserve(files.size());
    for (const AgentFingerprint& f : files) {
      job.push_back(title_job(f.normalized_name));
      std::vector<std::uint32_t> r;
      for (const std::string& w : detail::role_words(f.normalized_name)) {
        r.push_back(ids.try_emplace(w, static_cast<std::uint32_t>(ids.size())).first->second);
      }
      role.push_back(std::move(r));
    }
    words = static_cast<std::uint32_t>(ids.size());
  }
};

class Clusterer {
 public:
  Clusterer(const std::vector<AgentFingerprint>& files, const Thresholds& t)
      : files_(files), t_(t), names_(files), uf_(files.size()) {}

  ClusterResult run();

 private:
  NameRelation relation(std::size_t a, std::size_t b) const {
    if (files_[a].normalized_name == files_[b].normalized_name) return NameRelation::Same;
    const std::string_view ja = names_.job[a];
    const std::string_view jb = names_.job[b];
    if (!ja.empty() && !jb.empty() && ja != jb) return NameRelation::Other;
    const double s = detail::role_similarity(names_.role[a], names_.role[b]);
    if (s >= 1.0) return NameRelation::SameRole;
    return s >= t_.cluster_name ? NameRelation::Similar : NameRelation::Other;
  }
  // Checks one candidate pair and links it when the content agrees enough.
  void check(std::size_t a, std::size_t b) {
    if (uf_.find(a) == uf_.find(b)) return;
    ++stats_.candidate_pairs;
    const LinkRule& rule = rule_for(relation(a, b));
    if (shingle_jaccard(files_[a].shingles, files_[b].shingles) >=
        rule.content_factor * t_.cluster) {
      ++stats_.linked_pairs;
      uf_.unite(a, b);
    }
  }
  // Content agreement of a and b over what their names ask for (1 = just
  // enough to link), capped at kMaxPairScore.
  double pair_score(std::size_t a, std::size_t b) const {
    if (files_[a].exact_hash == files_[b].exact_hash) return kMaxPairScore;
    const double need = rule_for(relation(a, b)).content_factor * t_.cluster;
    const double j = shingle_jaccard(files_[a].shingles, files_[b].shingles);
    return need <= 0 ? kMaxPairScore : std::min(kMaxPairScore, j / need);
  }
  std::vector<std::vector<std::size_t>> split_component(const std::vector<std::size_t>& comp);
  void report_split(const std::vector<std::vector<std::size_t>>& groups);
  void warn_mixed_roles(const std::vector<std::size_t>& comp);
  void link_exact();
  void link_same_name();
  void link_role_words();
  void link_lsh();

  const std::vector<AgentFingerprint>& files_;
  const Thresholds& t_;
  NameIndex names_;
  UnionFind uf_;
  ClusterStats stats_;
  std::vector<Diagnostic> diagnostics_;
};

void Clusterer::link_exact() {
  std::unordered_map<std::uint64_t, std::size_t> first;
  for (std::size_t i = 0; i < files_.size(); ++i) {
    const auto [it, inserted] = first.try_emplace(files_[i].exact_hash, i);
    if (!inserted) uf_.unite(it->second, i);
  }
}

void Clusterer::link_same_name() {
  std::unordered_map<std::string_view, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < files_.size(); ++i) groups[files_[i].normalized_name].push_back(i);
  for (const auto& [name, group] : groups) {
    if (group.size() > kSameNameCap) {
      diagnostics_.push_back({Severity::Warning, files_[group.front()].source_name, 0,
                              "scan-cap-same-name",
                              std::to_string(group.size()) + " files are named '" +
                                  std::string(name) + "'; only content similarity (LSH) "
                                  "links them (cap " + std::to_string(kSameNameCap) + ")"});
      continue;
    }
    for (std::size_t x = 0; x < group.size(); ++x) {
      for (std::size_t y = x + 1; y < group.size(); ++y) check(group[x], group[y]);
    }
  }
}

void Clusterer::link_role_words() {
  std::vector<std::vector<std::size_t>> buckets(names_.words);
  for (std::size_t i = 0; i < files_.size(); ++i) {
    for (const std::uint32_t w : names_.role[i]) buckets[w].push_back(i);
  }
  for (const std::vector<std::size_t>& bucket : buckets) {
    if (bucket.size() > kRoleWordCap) {
      ++stats_.skipped_buckets;
      continue;
    }
    for (std::size_t x = 0; x < bucket.size(); ++x) {
      for (std::size_t y = x + 1; y < bucket.size(); ++y) {
        const std::size_t a = bucket[x], b = bucket[y];
        // Same-name pairs were handled above; other pairs need a name signal.
        if (files_[a].normalized_name == files_[b].normalized_name) continue;
        if (detail::role_similarity(names_.role[a], names_.role[b]) >= t_.cluster_name) {
          check(a, b);
        }
      }
    }
  }
}

void Clusterer::link_lsh() {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
  keys.reserve(files_.size());
  for (std::size_t band = 0; band < kLshBands; ++band) {
    keys.clear();
    for (std::size_t i = 0; i < files_.size(); ++i) {
      const std::vector<std::uint32_t>& sig = files_[i].signature;
      if (sig.size() != kMinHashSize) continue;
      std::uint64_t key = 0xCBF29CE484222325ULL ^ band;
      for (std::size_t r = 0; r < kLshRows; ++r) {
        key = (key ^ sig[band * kLshRows + r]) * 0x100000001B3ULL;
      }
      keys.emplace_back(key, static_cast<std::uint32_t>(i));
    }
    std::sort(keys.begin(), keys.end());
    for (std::size_t s = 0; s < keys.size();) {
      std::size_t e = s + 1;
      while (e < keys.size() && keys[e].first == keys[s].first) ++e;
      if (e - s > kLshBucketCap) {
        // Nothing is lost when the bucket is already one cluster (many exact
        // copies); otherwise the skip is counted and reported.
        const std::size_t root = uf_.find(keys[s].second);
        for (std::size_t x = s + 1; x < e; ++x) {
          if (uf_.find(keys[x].second) != root) {
            ++stats_.skipped_buckets;
            break;
          }
        }
      } else {
        for (std::size_t x = s; x < e; ++x) {
          for (std::size_t y = x + 1; y < e; ++y) check(keys[x].second, keys[y].second);
        }
      }
      s = e;
    }
  }
}

}  // namespace

ClusterResult cluster_fingerprints(const std::vector<AgentFingerprint>& files,
                                   const Thresholds& thresholds) {
  Clusterer c(files, thresholds);
  return c.run();
}

namespace {

// Average linkage (UPGMA) over the component's pair scores: start from one
// group per file, join the two groups with the highest average score while
// it is >= Thresholds::cluster_group. O(k^3) in the component size k, k^2 scores.
std::vector<std::vector<std::size_t>> Clusterer::split_component(
    const std::vector<std::size_t>& comp) {
  const std::size_t k = comp.size();
  if (k < 3) return {comp};
  if (k > kSplitCap) {
    diagnostics_.push_back({Severity::Warning, files_[comp.front()].source_name, 0,
                            "scan-cap-split",
                            std::to_string(k) + " linked files were not checked for mixed roles "
                            "(cap " + std::to_string(kSplitCap) + "); review this cluster"});
    return {comp};
  }
  // sum[i][j]: total pair score between groups i and j; size[i] members.
  std::vector<std::vector<double>> sum(k, std::vector<double>(k, 0.0));
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = i + 1; j < k; ++j) sum[i][j] = sum[j][i] = pair_score(comp[i], comp[j]);
  std::vector<std::vector<std::size_t>> groups;
  for (const std::size_t f : comp) groups.push_back({f});
  std::vector<bool> alive(k, true);
  while (true) {
    double best = 0;
    std::size_t bi = k, bj = k;
    for (std::size_t i = 0; i < k; ++i) {
      if (!alive[i]) continue;
      for (std::size_t j = i + 1; j < k; ++j) {
        if (!alive[j]) continue;
        const double avg = sum[i][j] / static_cast<double>(groups[i].size() * groups[j].size());
        if (avg > best) best = avg, bi = i, bj = j;
      }
    }
    if (bi == k || best < t_.cluster_group) break;
    groups[bi].insert(groups[bi].end(), groups[bj].begin(), groups[bj].end());
    groups[bj].clear();
    alive[bj] = false;
    for (std::size_t x = 0; x < k; ++x) {
      sum[bi][x] += sum[bj][x];
      sum[x][bi] = sum[bi][x];
    }
  }
  std::vector<std::vector<std::size_t>> out;
  for (std::size_t i = 0; i < k; ++i)
    if (alive[i]) out.push_back(std::move(groups[i]));
  if (out.size() > 1) report_split(out);
  return out;
}

void Clusterer::report_split(const std::vector<std::vector<std::size_t>>& groups) {
  std::string parts;
  std::size_t total = 0;
  for (const auto& g : groups) {
    total += g.size();
    parts += (parts.empty() ? "'" : ", '") + files_[g.front()].normalized_name + "' (" +
             std::to_string(g.size()) + ")";
  }
  ++stats_.split_components;
  diagnostics_.push_back({Severity::Note, files_[groups.front().front()].source_name, 0,
                          "scan-split",
                          std::to_string(total) + " files linked one by one do not agree as a "
                          "whole; split into " + std::to_string(groups.size()) + " clusters: " +
                          parts});
}

// A cluster that kept files whose names say different jobs ("-troubleshooter"
// and "-automator") linked them on content alone: a warning names them, since
// one merged agent would do both jobs.
void Clusterer::warn_mixed_roles(const std::vector<std::size_t>& comp) {
  std::vector<std::size_t> names;  // one file per distinct name, in member order
  for (const std::size_t f : comp) {
    const bool seen = std::any_of(names.begin(), names.end(), [&](std::size_t g) {
      return files_[g].normalized_name == files_[f].normalized_name;
    });
    if (!seen) names.push_back(f);
  }
  std::string pairs;
  for (std::size_t x = 0; x < names.size(); ++x)
    for (std::size_t y = x + 1; y < names.size(); ++y) {
      const std::size_t a = names[x], b = names[y];
      if (names_.job[a].empty() || names_.job[b].empty() || names_.job[a] == names_.job[b]) continue;
      pairs += (pairs.empty() ? "'" : ", '") + files_[a].normalized_name + "' and '" +
               files_[b].normalized_name + "'";
    }
  if (pairs.empty()) return;
  diagnostics_.push_back({Severity::Warning, files_[comp.front()].source_name, 0, "scan-mixed-roles",
                          "one cluster holds agents named for different jobs (" + pairs +
                              "), linked by their content; check that one agent should do both "
                              "(split it in the plan otherwise)"});
}

ClusterResult Clusterer::run() {
  stats_.files = files_.size();
  link_exact();
  link_same_name();
  link_role_words();
  link_lsh();
  std::unordered_map<std::size_t, std::size_t> root_to_component;
  std::vector<std::vector<std::size_t>> components;
  for (std::size_t i = 0; i < files_.size(); ++i) {
    const auto [it, inserted] = root_to_component.try_emplace(uf_.find(i), components.size());
    if (inserted) components.emplace_back();
    components[it->second].push_back(i);
  }
  std::vector<std::vector<std::size_t>> split;
  for (const auto& comp : components)
    for (auto& g : split_component(comp)) split.push_back(std::move(g));
  components = std::move(split);
  for (const auto& comp : components) warn_mixed_roles(comp);
  ClusterResult result = detail::build_cluster_result(files_, std::move(components), t_);
  result.stats = stats_;
  if (stats_.skipped_buckets > 0) {
    diagnostics_.push_back({Severity::Note, "", 0, "scan-cap-bucket",
                            std::to_string(stats_.skipped_buckets) +
                                " oversized candidate buckets were skipped (LSH cap " +
                                std::to_string(kLshBucketCap) + ", name-word cap " +
                                std::to_string(kRoleWordCap) + ")"});
  }
  diagnostics_.insert(diagnostics_.end(), result.diagnostics.begin(), result.diagnostics.end());
  result.diagnostics = std::move(diagnostics_);
  return result;
}

}  // namespace

double detail::link_content_threshold(std::string_view relation, const Thresholds& t) {
  static const std::pair<std::string_view, NameRelation> kNames[] = {
      {"same-name", NameRelation::Same},
      {"same-role", NameRelation::SameRole},
      {"similar-name", NameRelation::Similar},
      {"other", NameRelation::Other}};
  for (const auto& [word, rel] : kNames) {
    if (word == relation) return rule_for(rel).content_factor * t.cluster;
  }
  return t.cluster;
}

}  // namespace agentmerge
