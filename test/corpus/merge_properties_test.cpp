// Algebra of the merge, as properties over data/, ../shared/seeds and groups
// of same-named agents in ../shared/corpus (skipped when absent):
//   merge(x) == fmt(x) and merge(x, x) == fmt(x) for a single document x;
//   merge(x) == merge(x, x) for a variant holding two documents;
//   permutation invariance; absorption merge(merge(a, b), b) == merge(a, b);
//   losslessness: every source block kept, folded, or dropped by a named policy.
// Pass counts are printed.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "agentmerge/emit.hpp"
#include "agentmerge/merge.hpp"
#include "agentmerge/normalize.hpp"
#include "agentmerge/parse.hpp"
#include "agentmerge/plan.hpp"
#include "test_support.hpp"

namespace agentmerge {
namespace {

namespace fs = std::filesystem;

std::optional<AgentFile> load(const fs::path& p) {
  auto f = parse_agent(test::read_file(p), p.string());
  if (!f) return std::nullopt;
  return std::move(*f);
}

std::string merged_text(const std::vector<AgentFile>& v) {
  auto r = merge(v, MergeOptions{});
  return r ? r->text : "<error: " + r.error().to_string() + ">";
}

// Every source block is kept or folded into an output block, or dropped by a
// named policy; every output block names its sources.
std::string lossless(const MergeReport& r) {
  for (const auto& b : r.source_blocks) {
    if (b.fate == BlockFate::Dropped && b.policy.empty()) return "dropped without a policy: " + b.text;
    if (b.fate != BlockFate::Dropped && (b.output < 0 || static_cast<std::size_t>(b.output) >= r.output_blocks.size()))
      return "not accounted: " + b.text;
  }
  for (const auto& o : r.output_blocks)
    if (o.sources.empty()) return "output block without a source: " + o.text;
  return "";
}

bool repaired_headings(const MergeReport& r) {
  return std::any_of(r.decisions.begin(), r.decisions.end(), [](const Decision& d) { return d.subject == "headings"; });
}

struct Tally {
  int pass = 0, fail = 0, excluded = 0;
  std::vector<std::string> failures;
  void add(bool ok, const std::string& what) {
    ok ? ++pass : ++fail;
    if (!ok && failures.size() < 100) failures.push_back(what);
  }
};

void check_single(const AgentFile& x, Tally& identity, Tally& doubled) {
  const auto docs = split_documents(x);
  auto once = merge({x}, MergeOptions{});
  ASSERT_TRUE(once.ok()) << x.source_name;
  const std::string twice = merged_text({x, x});
  if (docs.size() > 1) {
    doubled.add(once->text == twice, x.source_name);
    return;
  }
  if (repaired_headings(once->report)) {
    ++identity.excluded;  // fmt keeps a heading jump or several H1s; merge repairs them
    return;
  }
  const std::string fmt = emit(x).text;
  identity.add(once->text == fmt && twice == fmt, x.source_name);
}

// "line N: 'expected' became 'actual'": the first line where two texts differ.
std::string first_difference(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string la, lb;
  for (int n = 1;; ++n) {
    const bool ha = static_cast<bool>(std::getline(a, la));
    const bool hb = static_cast<bool>(std::getline(b, lb));
    if (!ha && !hb) return "identical";
    if (!ha || !hb || la != lb)
      return "line " + std::to_string(n) + ": '" + (ha ? la.substr(0, 80) : "<end>") + "' became '" +
             (hb ? lb.substr(0, 80) : "<end>") + "'";
  }
}

// merge(out, v) == out for every source v of out = merge(group).
void check_sources_absorbed(const std::vector<AgentFile>& group, const MergeResult& base,
                            Tally& every) {
  auto out = parse_agent(base.text, output_file_name(base.report.target, "merged"));
  ASSERT_TRUE(out.ok());
  for (const AgentFile& v : group) {
    const std::string again = merged_text({*out, v});
    every.add(again == base.text, v.source_name + " (" + first_difference(base.text, again) + ")");
  }
}

void check_group(const std::vector<AgentFile>& group, Tally& perm, Tally& absorb, Tally& loss,
                 Tally& every) {
  auto base = merge(group, MergeOptions{});
  ASSERT_TRUE(base.ok());
  const std::string name = group.front().source_name;
  check_sources_absorbed(group, *base, every);
  loss.add(lossless(base->report).empty(), name + ": " + lossless(base->report));
  std::vector<AgentFile> rev(group.rbegin(), group.rend());
  std::vector<AgentFile> rot(group.begin() + 1, group.end());
  rot.push_back(group.front());
  perm.add(merged_text(rev) == base->text && merged_text(rot) == base->text, name);
  auto ab = merge({group[0], group[1]}, MergeOptions{});
  ASSERT_TRUE(ab.ok());
  // Read back under the target's file name, as migrate writes it (a
  // Copilot merge read as "merged.md" would be a Claude file).
  auto m = parse_agent(ab->text, output_file_name(ab->report.target, "merged"));
  ASSERT_TRUE(m.ok());
  absorb.add(merged_text({*m, group[1]}) == ab->text, name);
}

void print(const char* label, const Tally& t) {
  std::cout << "[merge properties] " << label << ": " << t.pass << " pass, " << t.fail << " fail";
  if (t.excluded) std::cout << ", " << t.excluded << " excluded (heading repair)";
  std::cout << "\n";
  for (const auto& f : t.failures) std::cout << "    fail: " << f << "\n";
}

// Known failures: data/cases/merge/known-failures.tsv, one "property<TAB>path
// suffix" per line (# comments). Each is an open bug written down as data: a
// listed failure must still fail (so a fix forces removing the line) and any
// failure not listed fails the test.
std::vector<std::pair<std::string, std::string>> known_failures() {
  std::vector<std::pair<std::string, std::string>> out;
  std::istringstream in(test::read_file(test::source_dir() / "data/cases/merge/known-failures.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    const auto tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string::npos) continue;
    out.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return out;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The path a failure line starts with (before " (why)" or ": why").
std::string failure_path(const std::string& f) {
  std::string p = f.substr(0, f.find(" ("));
  return p.substr(0, p.find(": "));
}

void expect_only_known(const std::string& property, const Tally& t,
                       const std::vector<fs::path>& files) {
  const auto known = known_failures();
  auto listed = [&](const std::string& file) {
    return std::any_of(known.begin(), known.end(), [&](const auto& k) {
      return k.first == property && ends_with(failure_path(file), k.second);
    });
  };
  EXPECT_LE(t.fail, static_cast<int>(t.failures.size()))
      << property << ": more failures than the ones listed above";
  for (const auto& f : t.failures)
    if (!listed(f)) ADD_FAILURE() << property << " fails for " << f << " (not a known failure)";
  for (const auto& [prop, suffix] : known) {
    if (prop != property) continue;
    const bool in_run = std::any_of(files.begin(), files.end(),
                                    [&](const fs::path& p) { return ends_with(p.string(), suffix); });
    const bool fails = std::any_of(t.failures.begin(), t.failures.end(),
                                   [&](const std::string& f) { return ends_with(failure_path(f), suffix); });
    if (in_run && !fails)
      ADD_FAILURE() << property << " now passes for " << suffix
                    << ": remove it from data/cases/merge/known-failures.tsv";
  }
}

void run_properties(const std::vector<fs::path>& files, const char* label) {
  std::map<std::string, std::vector<AgentFile>> groups;
  Tally identity, doubled, perm, absorb, loss, every;
  for (const auto& p : files) {
    auto f = load(p);
    if (!f) continue;
    check_single(*f, identity, doubled);
    groups[normalize_name(f->name())].push_back(std::move(*f));
  }
  for (auto& [name, g] : groups)
    if (g.size() >= 2) check_group(g, perm, absorb, loss, every);
  std::cout << "[merge properties] " << label << ": " << files.size() << " files, " << groups.size()
            << " names\n";
  print("merge(x) == fmt(x) == merge(x, x)", identity);
  print("doubled: merge(x) == merge(x, x)", doubled);
  print("permutation invariance", perm);
  print("absorption", absorb);
  print("losslessness", loss);
  print("every source absorbed: merge(out, v) == out", every);
  expect_only_known("identity", identity, files);
  expect_only_known("doubled", doubled, files);
  expect_only_known("permutation", perm, files);
  expect_only_known("absorption", absorb, files);
  expect_only_known("losslessness", loss, files);
  expect_only_known("sources-absorbed", every, files);
}

TEST(MergeProperties, DataVariants) {
  run_properties(test::files_below(test::source_dir() / "data" / "backend-architect", ".md"), "data");
}

TEST(MergeProperties, Seeds) {
  auto seeds = test::seeds_dir();
  if (!seeds) GTEST_SKIP() << "../shared/seeds is absent; seed properties not checked";
  std::vector<fs::path> files = test::files_below(*seeds, ".txt");
  run_properties(files, "seeds");
  // The seeds are five variants of one agent under two names: they merge as one.
  std::vector<AgentFile> all;
  for (const auto& p : files)
    if (auto f = load(p)) all.push_back(std::move(*f));
  auto r = merge(all, MergeOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->merged.name(), "backend-architect");
  EXPECT_EQ(lossless(r->report), "");
  auto back = parse_agent(r->text, "merged.md");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->frontmatter.mode, FrontmatterMode::Strict) << "the merged frontmatter must be strict YAML";
  int h1 = 0;
  for (const auto& s : back->body.root.children) h1 += s.level == 1 && s.heading_kind == HeadingKind::Atx;
  EXPECT_LE(h1, 1);
  std::size_t input_bytes = 0;
  for (const auto& p : files) input_bytes += fs::file_size(p);
  const auto& rep = r->report;
  std::cout << "[merge seeds] source blocks " << rep.source_blocks.size() << ", output blocks "
            << rep.output_blocks.size() << ", kept " << rep.count(BlockFate::Kept) << ", folded "
            << rep.count(BlockFate::Folded) << ", dropped " << rep.count(BlockFate::Dropped)
            << ", output " << r->text.size() << " bytes vs inputs " << input_bytes << " bytes\n";
}

TEST(MergeProperties, CorpusGroups) {
  auto corpus = test::corpus_dir();
  if (!corpus) GTEST_SKIP() << "../shared/corpus is absent; corpus properties not checked";
  run_properties(test::files_below(*corpus, ".md"), "corpus");
}

}  // namespace
}  // namespace agentmerge
