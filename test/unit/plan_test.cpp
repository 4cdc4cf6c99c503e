// The migrate plan (read, write, validate), name sanitizing, globs and the
// output folder's manifest.
#include <gtest/gtest.h>

#include <cctype>

#include <string>

#include "agentmerge/cluster.hpp"
#include "agentmerge/config.hpp"
#include "agentmerge/manifest.hpp"
#include "agentmerge/plan.hpp"

namespace agentmerge {
namespace {

// ------------------------------------------------------------ sanitizing --

TEST(SafeFileStem, KeepsOrdinaryNames) {
  ASSERT_TRUE(safe_file_stem("backend-architect"));
  EXPECT_EQ(*safe_file_stem("backend-architect"), "backend-architect");
  EXPECT_EQ(*safe_file_stem("python_pro.v2"), "python_pro.v2");
  EXPECT_EQ(*safe_file_stem("Développeur"), "Développeur");
}

TEST(SafeFileStem, RemovesSeparatorsAndTraversal) {
  EXPECT_EQ(*safe_file_stem("a/b"), "a-b");
  EXPECT_EQ(*safe_file_stem("a\\b"), "a-b");
  EXPECT_EQ(*safe_file_stem("../evil"), "evil");
  EXPECT_EQ(*safe_file_stem("../../etc/passwd"), "etc-passwd");
  EXPECT_EQ(*safe_file_stem(".hidden"), "hidden");
  EXPECT_EQ(*safe_file_stem("Agent Governance Reviewer"), "Agent-Governance-Reviewer");
}

TEST(SafeFileStem, RemovesControlCharacters) {
  EXPECT_EQ(*safe_file_stem(std::string("bad\nname\x01x")), "bad-name-x");
  EXPECT_EQ(*safe_file_stem(std::string("tab\there\x7f")), "tab-here");
}

TEST(SafeFileStem, RefusesNamesWithNothingUsable) {
  for (const char* bad : {"", "..", ".", "/", "../..", "\n\t", "-.-"}) {
    const auto r = safe_file_stem(bad);
    ASSERT_FALSE(r) << "'" << bad << "'";
    EXPECT_EQ(r.error().code, "unsafe-name");
  }
  EXPECT_FALSE(safe_file_stem(std::string(300, 'a')));
}

TEST(SafeFileName, PlainNamesOnly) {
  EXPECT_TRUE(is_safe_file_name("api.md"));
  EXPECT_FALSE(is_safe_file_name("../api.md"));
  EXPECT_FALSE(is_safe_file_name("sub/api.md"));
  EXPECT_FALSE(is_safe_file_name(".api.md"));
  EXPECT_FALSE(is_safe_file_name(""));
  EXPECT_FALSE(is_safe_file_name(std::string("a\rb.md")));
}

TEST(OutputFileName, FollowsTargetConvention) {
  EXPECT_EQ(output_file_name(Format::Claude, "api"), "api.md");
  EXPECT_EQ(output_file_name(Format::Opencode, "api"), "api.md");
  EXPECT_EQ(output_file_name(Format::Copilot, "api"), "api.agent.md");
  EXPECT_EQ(output_file_name(Format::Gemini, "api"), "api.md");
}

TEST(Glob, StarsAndFolders) {
  EXPECT_TRUE(glob_match("vendor/**", "vendor/a/b.md"));
  EXPECT_TRUE(glob_match("vendor/**", "../x/vendor/a.md"));
  EXPECT_FALSE(glob_match("vendor/**", "other/a.md"));
  EXPECT_TRUE(glob_match("*.agent.md", "deep/dir/x.agent.md"));
  EXPECT_FALSE(glob_match("*.agent.md", "deep/dir/x.md"));
  EXPECT_TRUE(glob_match("a/*/c.md", "a/b/c.md"));
  EXPECT_FALSE(glob_match("a/*/c.md", "a/b/x/c.md"));
  EXPECT_TRUE(glob_match("a/**/c.md", "a/c.md"));
  EXPECT_TRUE(glob_match("a/**/c.md", "a/b/x/c.md"));
  EXPECT_TRUE(glob_match("?.md", "x.md"));
  EXPECT_FALSE(glob_match("?.md", "xy.md"));
}

// ------------------------------------------------------------------ plans --

Plan sample_plan() {
  Plan p;
  p.target = Format::Opencode;
  p.tools = ToolPolicy::Intersection;
  p.policies["model"] = ValuePolicy::MostCommon;
  PlanCluster a;
  a.name = "backend-architect";
  a.primary = "seeds/a.md";
  a.members = {{"seeds/a.md", "primary, claude", 0}, {"seeds/b.md", "same-name, 0.71, claude", 0}};
  PlanCluster b;
  b.name = "python-pro";
  b.output = "python.md";
  b.tools = ToolPolicy::Primary;
  b.policies["color"] = ValuePolicy::Primary;
  b.members = {{"x/python pro.md", "", 0}};
  p.clusters = {a, b};
  p.excluded = {{"junk.md", "", 0}};
  return p;
}

TEST(Plan, WriteThenReadGivesTheSamePlan) {
  const Plan p = sample_plan();
  const std::string text = write_plan(p);
  auto back = read_plan(text, "PLAN.yaml");
  ASSERT_TRUE(back) << back.error().to_string() << "\n" << text;
  EXPECT_EQ(back->target, Format::Opencode);
  EXPECT_EQ(back->tools, ToolPolicy::Intersection);
  EXPECT_EQ(back->policies, p.policies);
  ASSERT_EQ(back->clusters.size(), 2u);
  EXPECT_EQ(back->clusters[0].name, "backend-architect");
  EXPECT_EQ(back->clusters[0].primary, std::optional<std::string>("seeds/a.md"));
  ASSERT_EQ(back->clusters[0].members.size(), 2u);
  EXPECT_EQ(back->clusters[0].members[1].path, "seeds/b.md");
  EXPECT_FALSE(back->clusters[0].tools.has_value());
  EXPECT_EQ(back->clusters[1].output, "python.md");
  EXPECT_EQ(back->clusters[1].tools, std::optional<ToolPolicy>(ToolPolicy::Primary));
  EXPECT_EQ(back->clusters[1].members[0].path, "x/python pro.md");
  ASSERT_EQ(back->excluded.size(), 1u);
  EXPECT_EQ(back->excluded[0].path, "junk.md");
  // The member comments are for people: they are in the text.
  EXPECT_NE(text.find("# same-name, 0.71, claude"), std::string::npos) << text;
  // Comments are not read back; apart from them, writing what was read gives
  // the same bytes (a stable format).
  Plan bare = p;
  for (PlanCluster& c : bare.clusters)
    for (PlanMember& m : c.members) m.comment.clear();
  EXPECT_EQ(write_plan(*back), write_plan(bare));
}

TEST(Plan, DecisionsFileOfAClusterReadsBack) {
  Plan p = sample_plan();
  p.clusters[0].decisions = "review/backend-architect.decisions.json";
  const std::string text = write_plan(p);
  auto back = read_plan(text, "PLAN.yaml");
  ASSERT_TRUE(back) << back.error().to_string() << "\n" << text;
  EXPECT_EQ(back->clusters[0].decisions, p.clusters[0].decisions);
  EXPECT_FALSE(back->clusters[1].decisions.has_value());
}

TEST(Plan, LinesAreRecordedForMembers) {
  const std::string text =
      "version: 1\ntarget: claude\nclusters:\n"
      "  - name: a\n    members:\n      - a.md\n      - b.md\n";
  auto p = read_plan(text, "P.yaml");
  ASSERT_TRUE(p) << p.error().to_string();
  EXPECT_EQ(p->clusters[0].line, 4);
  EXPECT_EQ(p->clusters[0].members[1].line, 7);
}

struct BadPlan {
  const char* yaml;
  int line;
  const char* fragment;
};

class BadPlans : public ::testing::TestWithParam<BadPlan> {};

TEST_P(BadPlans, AreRefusedWithFileAndLine) {
  const BadPlan& c = GetParam();
  auto p = read_plan(c.yaml, "PLAN.yaml");
  ASSERT_FALSE(p) << c.yaml;
  EXPECT_EQ(p.error().file, "PLAN.yaml");
  EXPECT_EQ(p.error().line, c.line) << p.error().to_string();
  EXPECT_NE(p.error().message.find(c.fragment), std::string::npos) << p.error().to_string();
}

INSTANTIATE_TEST_SUITE_P(
    Plan, BadPlans,
    ::testing::Values(
        BadPlan{"version: 1\nclusters:\n  - name: a\n    membres:\n      - a.md\n", 4,
                "unknown cluster key 'membres'"},
        BadPlan{"version: 1\ntarget: vim\n", 2, "unknown target format 'vim'"},
        BadPlan{"version: 2\n", 1, "unsupported plan version"},
        BadPlan{"target: claude\n", 1, "missing version"},
        BadPlan{"version: 1\ntools: everything\n", 2, "unknown tools policy"},
        BadPlan{"version: 1\npolicies: {model: newest}\n", 2, "unknown policy 'newest'"},
        BadPlan{"version: 1\nclusters:\n  - name: a\n    members: [a.md]\n"
                "  - name: b\n    members:\n      - a.md\n",
                7, "listed twice (first at line 4)"},
        BadPlan{"version: 1\nclusters:\n  - name: a\n    primary: z.md\n    members: [a.md]\n", 3,
                "primary 'z.md' is not a member"},
        BadPlan{"version: 1\nclusters:\n  - name: a\n    members: []\n", 3, "has no members"},
        BadPlan{"version: 1\nclusters:\n  - name: a\n    members: [a.md]\n"
                "  - name: a\n    members: [b.md]\n",
                5, "writes a.md, as does the cluster at line 3"},
        BadPlan{"version: 1\nclusters:\n  - name: a\n    members: [a.md]\nexcluded: [a.md]\n", 4,
                "listed twice"},
        BadPlan{"version: 1\nclusters: [\n", 3, "not valid YAML"},
        BadPlan{"- just\n- a list\n", 1, "a plan is a YAML map"}),
    // The test's name says which message it checks: "unknown_cluster_key_membres".
    [](const ::testing::TestParamInfo<BadPlan>& param) {
      std::string name;
      for (const char* c = param.param.fragment; *c != '\0' && name.size() < 48; ++c)
        name += std::isalnum(static_cast<unsigned char>(*c)) ? *c : '_';
      return name + "_" + std::to_string(param.index);
    });

TEST(Plan, UnsafeNameFailsOnlyThatCluster) {
  const std::string text =
      "version: 1\nclusters:\n  - name: ok\n    members: [a.md]\n"
      "  - name: '..'\n    members: [b.md]\n"
      "  - name: x\n    output: ../x.md\n    members: [c.md]\n";
  auto p = read_plan(text, "PLAN.yaml");
  ASSERT_TRUE(p) << p.error().to_string();
  EXPECT_TRUE(resolve_output(p->clusters[0], p->target, "PLAN.yaml"));
  auto bad = resolve_output(p->clusters[1], p->target, "PLAN.yaml");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, "unsafe-name");
  EXPECT_EQ(bad.error().line, 5);
  auto bad_out = resolve_output(p->clusters[2], p->target, "PLAN.yaml");
  ASSERT_FALSE(bad_out);
  EXPECT_EQ(bad_out.error().line, 7);
}

TEST(Plan, ResolveOutputSanitizesTheName) {
  PlanCluster c;
  c.name = "../evil";
  EXPECT_EQ(*resolve_output(c, Format::Copilot, ""), "evil.agent.md");
  c.name = "a/b";
  EXPECT_EQ(*resolve_output(c, Format::Claude, ""), "a-b.md");
}

// --------------------------------------------------------------- manifest --

TEST(Manifest, RoundTripsAndIsSorted) {
  Manifest m;
  m.files["b.md"] = content_hash("b");
  m.files["a.md"] = content_hash("a");
  m.files[".agentmerge/report.json"] = 0x1;
  const std::string text = write_manifest(m);
  EXPECT_LT(text.find("  .agentmerge/report.json"), text.find("  a.md"));
  EXPECT_LT(text.find("  a.md"), text.find("  b.md"));
  EXPECT_NE(text.find("0000000000000001  .agentmerge/report.json\n"), std::string::npos);
  auto back = read_manifest(text, "m");
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_EQ(back->files, m.files);
}

TEST(Manifest, RefusesBadLinesWithLineNumber) {
  for (const char* bad : {"zz  a.md", "0123456789abcdef a.md", "0123456789abcdef  ../a.md",
                          "0123456789abcdef  /etc/passwd", "0123456789abcdef  "}) {
    auto r = read_manifest(std::string("# header\n\n") + bad + "\n", "DIR/m");
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().line, 3) << bad;
    EXPECT_EQ(r.error().code, "bad-manifest");
  }
}

TEST(Manifest, ClassifiesFiles) {
  Manifest m;
  const std::string old_text = "old\n";
  m.files["ours.md"] = content_hash(old_text);
  const std::string edited = "old, edited by hand\n";
  const std::string wanted = "new\n";
  EXPECT_EQ(classify(m, "new.md", nullptr, wanted), FileState::Absent);
  EXPECT_EQ(classify(m, "ours.md", &wanted, wanted), FileState::Same);
  EXPECT_EQ(classify(m, "ours.md", &old_text, wanted), FileState::Owned);
  EXPECT_EQ(classify(m, "ours.md", &edited, wanted), FileState::Edited);
  EXPECT_EQ(classify(m, "theirs.md", &old_text, wanted), FileState::Foreign);
  // A foreign file that already holds exactly what would be written is left
  // alone and adopted: an interrupted run before the manifest was saved.
  EXPECT_EQ(classify(m, "theirs.md", &wanted, wanted), FileState::Same);
}


TEST(Manifest, RefusesPathsMigrateNeverWrites) {
  // A cloned output folder can ship any manifest: only the shapes migrate
  // writes may be claimed, so a stale-output cleanup cannot reach the rest.
  for (const char* bad : {"src/main.c", "ext/keep.txt", "notes.txt", ".agentmerge/manifest",
                          ".agentmerge/lock", ".hidden.md", "sub/a.md", ".agentmerge/../a.md"}) {
    auto r = read_manifest(std::string("0123456789abcdef  ") + bad + "\n", "DIR/m");
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, "bad-manifest") << bad;
    EXPECT_NE(r.error().message.find("not a file migrate writes"), std::string::npos) << bad;
  }
  for (const char* good : {"a.md", "api.agent.md", ".agentmerge/report.json"}) {
    EXPECT_TRUE(is_output_path(good)) << good;
    EXPECT_TRUE(read_manifest(std::string("0123456789abcdef  ") + good + "\n", "m")) << good;
  }
}

// ------------------------------------------------------------ build_plan --

TEST(BuildPlan, SuffixNeverLandsOnARealAgentsName) {
  // Two clusters named "reviewer" and a real agent "reviewer-2" listed after
  // them: the second "reviewer" must become reviewer-3, not reviewer-2.
  std::vector<AgentFingerprint> files(3);
  ClusterResult clusters;
  const char* names[] = {"reviewer", "reviewer", "reviewer-2"};
  for (std::size_t i = 0; i < 3; ++i) {
    files[i].source_name = "team" + std::to_string(i) + "/" + names[i] + ".md";
    files[i].format = Format::Claude;
    Cluster c;
    c.canonical_name = names[i];
    c.primary = i;
    c.members.push_back(ClusterMember{i, 1.0, LinkKind::Primary});
    clusters.clusters.push_back(c);
  }
  const Plan plan = build_plan(clusters, files, Config{}, Format::Claude);
  ASSERT_EQ(plan.clusters.size(), 3U);
  EXPECT_EQ(plan.clusters[0].name, "reviewer");
  EXPECT_EQ(plan.clusters[1].name, "reviewer-3");
  EXPECT_EQ(plan.clusters[2].name, "reviewer-2");
  ASSERT_EQ(plan.notes.size(), 1U);
  EXPECT_EQ(plan.notes[0].code, "name-conflict");
  EXPECT_TRUE(validate_plan(plan, "PLAN.yaml").empty()) << "the generated plan must apply";
}

TEST(ResolveOutput, ExplicitOutputMustBeAPlainMarkdownName) {
  PlanCluster c;
  c.name = "x";
  for (const char* bad : {"x.txt", "sub/x.md", ".x.md", "x"}) {
    c.output = bad;
    const auto r = resolve_output(c, Format::Claude, "PLAN.yaml");
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, "unsafe-name") << bad;
  }
  c.output = "custom.md";
  EXPECT_EQ(*resolve_output(c, Format::Claude, "PLAN.yaml"), "custom.md");
}

}  // namespace
}  // namespace agentmerge
