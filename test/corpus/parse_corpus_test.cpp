// Property tests of the reader over ../shared/corpus and ../shared/seeds:
// every file parses (no Error), yields a name and a description, and its
// tools; the strict / lenient / refused counts are printed and recorded.
#include <gtest/gtest.h>

#include <iostream>
#include <map>

#include "agentmerge/emit.hpp"
#include "agentmerge/parse.hpp"
#include "test_support.hpp"

namespace agentmerge {
namespace {

struct Counts {
  int files = 0;
  int strict = 0;
  int lenient = 0;
  int absent = 0;
  int refused = 0;
  std::map<Format, int> formats;
};

std::vector<std::filesystem::path> agent_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  for (const auto& suffix : {".md", ".txt"})
    for (auto& p : test::files_below(dir, suffix))
      if (p.filename() != "LICENSE.md" && p.filename() != "README.md") out.push_back(p);
  return out;
}

Counts parse_all(const std::vector<std::filesystem::path>& files) {
  Counts c;
  for (const auto& p : files) {
    ++c.files;
    auto r = parse_agent(test::read_file(p), p.string());
    if (!r) {
      ++c.refused;
      ADD_FAILURE() << r.error().to_string();
      continue;
    }
    ++c.formats[r->format];
    switch (r->frontmatter.mode) {
      case FrontmatterMode::Strict: ++c.strict; break;
      case FrontmatterMode::Lenient: ++c.lenient; break;
      case FrontmatterMode::Absent: ++c.absent; break;
    }
    EXPECT_FALSE(r->name().empty()) << p;
    // Every key the file writes at column 0 is recovered as an entry.
    for (const char* key : {"name", "description", "tools", "model"}) {
      const std::string text = test::read_file(p);
      const bool written = text.find(std::string("\n") + key + ":") != std::string::npos &&
                           text.find(std::string("\n") + key + ":") < text.find("\n---", 3);
      if (written) {
        EXPECT_NE(r->frontmatter.find(key), nullptr) << p << ": lost " << key;
      }
    }
  }
  return c;
}

void report(const char* what, const Counts& c) {
  std::cout << what << ": " << c.files << " files, " << c.strict << " strict, " << c.lenient
            << " lenient, " << c.absent << " without frontmatter, " << c.refused << " refused\n";
  for (const auto& [format, n] : c.formats) std::cout << "  " << to_string(format) << ": " << n << "\n";
  ::testing::Test::RecordProperty("files", c.files);
  ::testing::Test::RecordProperty("strict", c.strict);
  ::testing::Test::RecordProperty("lenient", c.lenient);
  ::testing::Test::RecordProperty("refused", c.refused);
}

TEST(ParseCorpus, EveryCorpusFileParses) {
  const auto dir = test::corpus_dir();
  if (!dir) GTEST_SKIP() << "../shared/corpus is absent; corpus properties not checked";
  const Counts c = parse_all(agent_files(*dir));
  report("corpus", c);
  EXPECT_GT(c.files, 0);
  EXPECT_EQ(c.refused, 0);
}

TEST(ParseCorpus, EverySeedParsesWithItsTools) {
  const auto dir = test::seeds_dir();
  if (!dir) GTEST_SKIP() << "../shared/seeds is absent; seed properties not checked";
  const auto files = agent_files(*dir);
  const Counts c = parse_all(files);
  report("seeds", c);
  EXPECT_EQ(c.refused, 0);
  for (const auto& p : files) {
    auto r = parse_agent(test::read_file(p), p.string());
    ASSERT_TRUE(r.ok());
    // Seeds have no path hints: their content must decide the format.
    EXPECT_NE(r->format, Format::Unknown) << p;
    const auto* tools = r->frontmatter.find("tools");
    if (tools != nullptr && r->format != Format::Opencode) {
      EXPECT_EQ(r->tools.mode, ToolMode::Allow) << p;
      EXPECT_TRUE(r->tools.allows("read")) << p;
    }
  }
}

// parse(emit_frontmatter(x) + body) reads the same entries (by key; the
// emitter reorders keys) and the same tool set. `tools` itself is compared
// through the tool set: the emitter writes it in canonical form.
std::string round_trip_mismatch(const AgentFile& in) {
  std::vector<Diagnostic> notes;
  const std::string text = emit_frontmatter(in, Format::Unknown, notes) + in.body.text;
  auto out = parse_agent(text, in.source_name);
  if (!out) return "re-parse failed: " + out.error().to_string();
  if (out->frontmatter.mode == FrontmatterMode::Lenient) return "output is not strict YAML";
  if (out->format != in.format) return "format changed";
  if (out->tools != in.tools) return "tool set changed";
  if (out->frontmatter.entries.size() != in.frontmatter.entries.size()) return "entry count changed";
  for (const auto& e : in.frontmatter.entries) {
    const FrontmatterEntry* back = out->frontmatter.find(e.key);
    if (back == nullptr) return "lost key " + e.key;
    if (e.key != "tools" && back->value != e.value) return "value of " + e.key + " changed";
  }
  return {};
}

TEST(ParseCorpus, FrontmatterRoundTripsThroughTheEmitter) {
  const auto corpus = test::corpus_dir();
  const auto seeds = test::seeds_dir();
  if (!corpus && !seeds) GTEST_SKIP() << "../shared is absent; round trip not checked";
  int total = 0;
  int passed = 0;
  for (const auto& dir : {corpus, seeds}) {
    if (!dir) continue;
    for (const auto& p : agent_files(*dir)) {
      auto in = parse_agent(test::read_file(p), p.string());
      if (!in) continue;  // counted by EveryCorpusFileParses
      ++total;
      const std::string why = round_trip_mismatch(*in);
      if (why.empty()) {
        ++passed;
      } else {
        ADD_FAILURE() << p << ": " << why;
      }
    }
  }
  std::cout << "frontmatter round trip: " << passed << " / " << total << " files\n";
  RecordProperty("round_trip_passed", passed);
  RecordProperty("round_trip_total", total);
}

}  // namespace
}  // namespace agentmerge
