// Unit tests for clustering: similarity measures, fingerprints, the linking
// rules, order independence, and the seeds (skipped without ../shared).
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "agentmerge/cluster.hpp"
#include "agentmerge/config.hpp"
#include "agentmerge/parse.hpp"
#include "test_support.hpp"

namespace {

using namespace agentmerge;

AgentFile agent(const std::string& path, const std::string& name, const std::string& body) {
  std::string text;
  if (!name.empty()) text = "---\nname: " + name + "\ndescription: test agent\n---\n\n";
  text += body;
  auto r = parse_agent(text, path);
  EXPECT_TRUE(r.ok()) << r.error().to_string();
  return r.ok() ? std::move(*r) : AgentFile{};
}

// A body made of the given words, one bullet each.
std::string bullets(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += "- " + w + "\n";
  return out;
}

// n made-up words "<stem>0 ... <stem>n-1" (never stop words).
std::vector<std::string> words(const std::string& stem, int n) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.push_back(stem + std::to_string(i));
  return out;
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// The partition as sets of source names, for comparisons.
std::set<std::set<std::string>> partition(const ClusterResult& r,
                                          const std::vector<AgentFile>& files) {
  std::set<std::set<std::string>> out;
  for (const Cluster& c : r.clusters) {
    std::set<std::string> s;
    for (const ClusterMember& m : c.members) s.insert(files[m.file].source_name);
    out.insert(s);
  }
  return out;
}

const Cluster* cluster_of(const ClusterResult& r, const std::vector<AgentFile>& files,
                          const std::string& source) {
  for (const Cluster& c : r.clusters) {
    for (const ClusterMember& m : c.members) {
      if (files[m.file].source_name == source) return &c;
    }
  }
  return nullptr;
}

TEST(NameSimilarity, DocumentedExamples) {
  EXPECT_DOUBLE_EQ(name_similarity("python-pro", "python-expert"), 1.0);
  EXPECT_NEAR(name_similarity("backend-api-architect", "backend-architect"), 2.0 / 3.0, 1e-9);
  EXPECT_DOUBLE_EQ(name_similarity("go-build-resolver", "kotlin-build-resolver"), 0.0);
  // A shared category prefix says nothing about the role.
  EXPECT_DOUBLE_EQ(name_similarity("04-quality-qa-expert", "04-quality-test-automator"), 0.0);
  EXPECT_DOUBLE_EQ(name_similarity("frontend-developer", "developer-frontend"), 1.0);
  EXPECT_DOUBLE_EQ(name_similarity("a-b", "a-b"), 1.0);
  // A whole name as the prefix of the other is the role itself.
  EXPECT_NEAR(name_similarity("backend-architect-v2", "backend-architect"), 0.8, 1e-9);
}

TEST(Jaccard, ExactValues) {
  EXPECT_DOUBLE_EQ(shingle_jaccard({1, 2, 3}, {2, 3, 4}), 0.5);
  EXPECT_DOUBLE_EQ(shingle_jaccard({1, 2}, {3, 4}), 0.0);
  EXPECT_DOUBLE_EQ(shingle_jaccard({}, {}), 1.0);
  EXPECT_DOUBLE_EQ(shingle_jaccard({7}, {}), 0.0);
}

TEST(Jaccard, MinHashEstimatesTheExactValue) {
  // 300 shared words and 100 own words each: exact Jaccard 300/500 = 0.6.
  const auto common = words("shared", 300);
  const AgentFile a = agent("a.md", "a", bullets(concat(common, words("left", 100))));
  const AgentFile b = agent("b.md", "b", bullets(concat(common, words("right", 100))));
  const auto fa = fingerprint(a, {});
  const auto fb = fingerprint(b, {});
  ASSERT_EQ(fa.signature.size(), kMinHashSize);
  const double exact = shingle_jaccard(fa.shingles, fb.shingles);
  EXPECT_NEAR(exact, 301.0 / 501.0, 1e-9);  // + the description word "test"
  // 128 hash functions: standard error about 0.043; allow three of them.
  EXPECT_NEAR(estimated_jaccard(fa.signature, fb.signature), exact, 0.13);
}

TEST(Fingerprint, NamesFormatsAndAliases) {
  const AgentFile f = agent("x/Backend_Architect.agent.md", "Backend_Architect.agent", "body\n");
  EXPECT_EQ(fingerprint(f, {}).normalized_name, "backend-architect");
  const std::map<std::string, std::string> aliases{{"backend-architect", "server-architect"}};
  EXPECT_EQ(fingerprint(f, aliases).normalized_name, "server-architect");
  EXPECT_TRUE(fingerprint(f, {}).has_frontmatter);
}

TEST(Fingerprint, StopWordsAndMarkupDoNotCount) {
  const AgentFile a = agent("a.md", "a", "The **kubernetes** operator, and the helm charts.\n");
  const AgentFile b = agent("b.md", "b", "- kubernetes operator\n- helm charts\n");
  EXPECT_DOUBLE_EQ(shingle_jaccard(fingerprint(a, {}).shingles, fingerprint(b, {}).shingles), 1.0);
}

TEST(Fingerprint, EmptyAgentHasNoSignature) {
  const AgentFile a = agent("empty.md", "", "");
  EXPECT_TRUE(fingerprint(a, {}).signature.empty());
}

// The rules of kLinkRules, one by one, with controlled content overlap.
class LinkRules : public ::testing::Test {
 protected:
  // Two bodies whose content-word Jaccard is about `j` (50 words each side).
  static std::pair<std::string, std::string> overlap(double j) {
    const int n = 100;
    const int shared = static_cast<int>(j * 2 * n / (1 + j));
    return {bullets(concat(words("w", shared), words("l", n - shared))),
            bullets(concat(words("w", shared), words("r", n - shared)))};
  }
  static ClusterResult run(const std::vector<AgentFile>& files) {
    return cluster_agents(files, default_config().thresholds, {});
  }
};

TEST_F(LinkRules, SameNameNeedsOnlyLittleContent) {
  const auto [x, y] = overlap(0.2);
  const std::vector<AgentFile> files{agent("a/rev.md", "reviewer", x), agent("b/rev.md", "reviewer", y)};
  const auto r = run(files);
  ASSERT_EQ(r.clusters.size(), 1U);
  EXPECT_EQ(r.clusters[0].reason, ClusterReason::SameName);
  EXPECT_EQ(r.clusters[0].members[1].link, LinkKind::SameName);
}

TEST_F(LinkRules, SameNameWithUnrelatedContentIsKeptApartAndFlagged) {
  const std::vector<AgentFile> files{agent("a/rev.md", "reviewer", bullets(words("code", 40))),
                                     agent("b/rev.md", "reviewer", bullets(words("law", 40)))};
  const auto r = run(files);
  ASSERT_EQ(r.clusters.size(), 2U);
  for (const Cluster& c : r.clusters) {
    EXPECT_TRUE(c.is_singleton());
    ASSERT_EQ(c.name_conflicts.size(), 1U);
    EXPECT_NE(c.name_conflicts[0], c.primary);
  }
  EXPECT_TRUE(std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                          [](const Diagnostic& d) { return d.code == "scan-name-conflict"; }));
}

TEST_F(LinkRules, SimilarNamesNeedModerateContent) {
  const auto [x, y] = overlap(0.35);
  const std::vector<AgentFile> files{agent("a.md", "backend-architect", x),
                                     agent("b.md", "backend-api-architect", y)};
  const auto r = run(files);
  ASSERT_EQ(r.clusters.size(), 1U);
  EXPECT_EQ(r.clusters[0].reason, ClusterReason::SimilarContent);
  EXPECT_EQ(r.clusters[0].canonical_name, "backend-architect");  // tie: the primary's (a.md)
  const auto [p, q] = overlap(0.1);
  EXPECT_EQ(run({agent("a.md", "backend-architect", p), agent("b.md", "backend-api-architect", q)})
                .clusters.size(),
            2U);
}

TEST_F(LinkRules, UnrelatedNamesNeedNearCopies) {
  // Two agents from one template, under substituted names: not linked.
  const auto [x, y] = overlap(0.6);
  const std::vector<AgentFile> files{agent("a.md", "go-build-resolver", x),
                                     agent("b.md", "kotlin-build-resolver", y)};
  EXPECT_EQ(run(files).clusters.size(), 2U);
  // A renamed copy: linked whatever the name.
  const auto [p, q] = overlap(0.9);
  EXPECT_EQ(run({agent("a.md", "helper-one", p), agent("b.md", "totally-else", q)}).clusters.size(),
            1U);
}

TEST_F(LinkRules, ExactDuplicatesLinkWithoutContent) {
  const std::vector<AgentFile> files{agent("a/x.md", "x", "Same.\n"), agent("b/y.md", "x", "Same.\n"),
                                     agent("c/z.md", "zzz", "Other text entirely.\n")};
  const auto r = run(files);
  ASSERT_EQ(r.clusters.size(), 2U);
  EXPECT_EQ(r.clusters[0].reason, ClusterReason::Exact);
  EXPECT_EQ(r.clusters[0].members.size(), 2U);
  EXPECT_DOUBLE_EQ(r.clusters[0].members[1].similarity_to_primary, 1.0);
  EXPECT_EQ(r.clusters[1].reason, ClusterReason::Singleton);
  EXPECT_EQ(r.clusters[1].members[0].link, LinkKind::Primary);
}

TEST_F(LinkRules, DifferentJobTitlesAreDifferentRoles) {
  // Shared wording and a shared field ("data") do not make an analyst an
  // engineer: titles of different jobs link only as near copies. Titles of
  // one job are interchangeable, and a trailing title qualifies the one
  // before it (an architect-specialist is an architect, not a developer).
  struct Row {
    const char* a;
    const char* b;
    std::size_t clusters;
  };
  const Row rows[] = {
      {"data-engineer", "data-analyst", 2},
      {"backend-architect", "backend-developer", 2},
      {"python-pro", "python-expert", 1},
      {"backend-architect-specialist", "backend-developer", 2},
      {"backend-architect-pro", "backend-architect", 1},
  };
  const auto [x, y] = overlap(0.5);
  for (const Row& r : rows)
    EXPECT_EQ(run({agent("a.md", r.a, x), agent("b.md", r.b, y)}).clusters.size(), r.clusters)
        << r.a << " / " << r.b;
}

TEST_F(LinkRules, NearCopiesUnderNamesOfDifferentJobsAreWarnedAbout) {
  // One template saved as a troubleshooter and an automator: near copies
  // link, and the cluster says that it mixes two jobs.
  const auto [x, y] = overlap(0.9);
  const auto r = run({agent("a.md", "devops-troubleshooter", x), agent("b.md", "devops-automator", y)});
  ASSERT_EQ(r.clusters.size(), 1U);
  const auto it = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                               [](const Diagnostic& d) { return d.code == "scan-mixed-roles"; });
  ASSERT_NE(it, r.diagnostics.end());
  EXPECT_NE(it->message.find("'devops-troubleshooter' and 'devops-automator'"), std::string::npos)
      << it->message;
  // Titles of one job, or names without a title, are not a mix.
  const auto same = run({agent("a.md", "python-pro", x), agent("b.md", "python-expert", y)});
  const auto untitled = run({agent("a.md", "helper-one", x), agent("b.md", "totally-else", y)});
  for (const auto* res : {&same, &untitled}) {
    ASSERT_EQ(res->clusters.size(), 1U);
    EXPECT_TRUE(std::none_of(res->diagnostics.begin(), res->diagnostics.end(),
                             [](const Diagnostic& d) { return d.code == "scan-mixed-roles"; }));
  }
}

TEST_F(LinkRules, AChainOfSingleLinksIsSplitAndReported) {
  // Twelve files, each sharing a third of its words with the next one only:
  // single links would make one cluster of twelve. No file agrees with a
  // group of them as a whole, so the chain is cut (scan-split).
  std::vector<AgentFile> files;
  for (int i = 0; i < 12; ++i) {
    std::vector<std::string> w = words("c" + std::to_string(i), 10);
    const std::vector<std::string> next = words("c" + std::to_string(i + 1), 10);
    w.insert(w.end(), next.begin(), next.end());
    files.push_back(agent("f" + std::to_string(i) + ".md", "helper", bullets(w)));
  }
  // A dense family next to it: five files that all agree, one cluster.
  for (int i = 0; i < 5; ++i) {
    std::vector<std::string> w = words("fam", 30);
    const std::vector<std::string> own = words("own" + std::to_string(i), 3);
    w.insert(w.end(), own.begin(), own.end());
    files.push_back(agent("g" + std::to_string(i) + ".md", "reviewer", bullets(w)));
  }
  const auto r = run(files);
  std::size_t largest_chain_part = 0;
  std::size_t family = 0;
  for (const Cluster& c : r.clusters) {
    if (c.canonical_name == "reviewer") family = std::max(family, c.members.size());
    if (c.canonical_name == "helper") largest_chain_part = std::max(largest_chain_part, c.members.size());
  }
  EXPECT_EQ(family, 5U);
  EXPECT_GT(largest_chain_part, 1U) << "neighbours still join";
  EXPECT_LT(largest_chain_part, 12U) << "the chain is cut";
  EXPECT_GE(r.stats.split_components, 1U);
  EXPECT_TRUE(std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                          [](const Diagnostic& d) { return d.code == "scan-split"; }));
}

TEST(Cluster, EveryFileInExactlyOneClusterAndOrderDoesNotMatter) {
  std::vector<AgentFile> files;
  for (int g = 0; g < 6; ++g) {
    const auto topic = words("topic" + std::to_string(g) + "x", 60);
    for (int v = 0; v < 3; ++v) {
      const auto own = words("g" + std::to_string(g) + "v" + std::to_string(v) + "x", 15);
      files.push_back(agent("g" + std::to_string(g) + "/v" + std::to_string(v) + ".md",
                            "agent-" + std::to_string(g), bullets(concat(topic, own))));
    }
  }
  files.push_back(agent("lonely.md", "lonely", bullets(words("solo", 30))));
  const auto r = cluster_agents(files, default_config().thresholds, {});
  std::vector<int> seen(files.size(), 0);
  for (const Cluster& c : r.clusters) {
    for (const ClusterMember& m : c.members) ++seen[m.file];
  }
  EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
  EXPECT_EQ(r.clusters.size(), 7U);
  for (std::size_t i = 0; i < r.clusters.size(); ++i) EXPECT_EQ(r.clusters[i].id, i + 1);

  std::vector<AgentFile> reversed(files.rbegin(), files.rend());
  const auto r2 = cluster_agents(reversed, default_config().thresholds, {});
  EXPECT_EQ(partition(r, files), partition(r2, reversed));
  for (const AgentFile& f : files) {
    const Cluster* a = cluster_of(r, files, f.source_name);
    const Cluster* b = cluster_of(r2, reversed, f.source_name);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->canonical_name, b->canonical_name);
    EXPECT_EQ(files[a->primary].source_name, reversed[b->primary].source_name);
    EXPECT_EQ(a->id, b->id);
  }
}

TEST(Cluster, JsonReportsThresholdsAndEveryMember) {
  const std::vector<AgentFile> files{agent("a.md", "x", "Same.\n"), agent("b.md", "x", "Same.\n")};
  std::vector<AgentFingerprint> fps;
  for (const AgentFile& f : files) fps.push_back(fingerprint(f, {}));
  const auto json = clusters_to_json(cluster_fingerprints(fps, default_config().thresholds), fps);
  EXPECT_NE(json.find("\"schema\": \"agentmerge-scan/1\""), std::string::npos);
  EXPECT_NE(json.find("\"cluster_name\": 0.6"), std::string::npos);
  EXPECT_NE(json.find("\"path\": \"b.md\""), std::string::npos);
}

TEST(Cluster, SeedsFormOneClusterOfFive) {
  const auto seeds = test::seeds_dir();
  if (!seeds) GTEST_SKIP() << "../shared/seeds is absent; the seed clustering is not checked";
  std::vector<AgentFile> files;
  for (const auto& p : test::files_below(*seeds, ".txt")) {
    auto r = parse_agent(test::read_file(p), p.string());
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    files.push_back(std::move(*r));
  }
  ASSERT_EQ(files.size(), 5U);
  const auto r = cluster_agents(files, default_config().thresholds, {});
  ASSERT_EQ(r.clusters.size(), 1U);
  EXPECT_EQ(r.clusters[0].members.size(), 5U);
  EXPECT_EQ(r.clusters[0].canonical_name, "backend-architect");
}

}  // namespace
