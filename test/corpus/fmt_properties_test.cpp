// fmt properties over every agent file in data/ and in ../shared/corpus
// (skipped with a message when absent):
//   idempotence   fmt(fmt(x)) == fmt(x), byte for byte;
//   meaning       the CommonMark HTML of the body is the same before and
//                 after, modulo whitespace between tags;
//   frontmatter   the entries read back from fmt(x) equal those of x (Value
//                 ==, key order included) and the tool set is identical;
//   shortcut      every block of x and of fmt(x), after no list, a '-' list
//                 or a '*' list, has the same canonical form whether emit
//                 takes its as-is shortcut or re-parses the block with cmark.
// Each property prints its pass count; failures list the first few files.
#include <gtest/gtest.h>

#include <cmark.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <regex>

#include "agentmerge/emit.hpp"
#include "agentmerge/parse.hpp"
#include "emit_internal.hpp"
#include "test_support.hpp"

namespace agentmerge {
namespace {

namespace fs = std::filesystem;

// Body HTML with raw HTML kept (CMARK_OPT_UNSAFE), whitespace between tags
// and at the ends removed. A body is never a whole file: a U+FEFF at its
// start is text, as the parser reads it, so cmark gets it after a line
// break (where it does not drop it as a byte order mark).
std::string body_html(const std::string& body) {
  const std::string markdown = body.rfind("\xEF\xBB\xBF", 0) == 0 ? "\n" + body : body;
  std::unique_ptr<char, decltype(&std::free)> html(
      cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_UNSAFE), &std::free);
  static const std::regex between_tags(R"(>\s+<)");
  std::string s = std::regex_replace(std::string(html.get()), between_tags, "><");
  const std::size_t a = s.find_first_not_of(" \t\n");
  const std::size_t b = s.find_last_not_of(" \t\n");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

// Where two strings first differ, with some context, for failure messages.
std::string first_difference(const std::string& a, const std::string& b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  const std::size_t from = i > 40 ? i - 40 : 0;
  return "before: ..." + a.substr(from, 100) + "\n  after:  ..." + b.substr(from, 100);
}

struct Property {
  std::string name;
  int checked = 0;
  int passed = 0;
  std::vector<std::string> failures;

  void record(const fs::path& file, bool ok, const std::string& detail) {
    ++checked;
    if (ok) {
      ++passed;
    } else {
      failures.push_back(file.string() + (detail.empty() ? "" : "\n  " + detail));
    }
  }
  void report(const std::string& corpus) const {
    std::cout << "[fmt-properties] " << corpus << ": " << name << " " << passed << "/" << checked
              << " pass\n";
    if (failures.empty()) return;
    std::string msg = name + " fails on " + std::to_string(failures.size()) + " of " +
                      std::to_string(checked) + " files; first ones:\n";
    for (std::size_t i = 0; i < failures.size() && i < 5; ++i) msg += "  " + failures[i] + "\n";
    ADD_FAILURE() << msg;
  }
};

// The canonical frontmatter reorders keys (a fixed order per format) and
// rewrites `tools` in its native shape and order, so entries are compared by
// key, and `tools` through the tool set instead of its written value.
bool same_entries(const Frontmatter& a, const Frontmatter& b, std::string& detail) {
  if (a.entries.size() != b.entries.size()) {
    detail = std::to_string(a.entries.size()) + " entries before, " +
             std::to_string(b.entries.size()) + " after";
    return false;
  }
  for (const FrontmatterEntry& e : a.entries) {
    const FrontmatterEntry* other = b.find(e.key);
    if (other == nullptr) {
      detail = "entry '" + e.key + "' lost";
      return false;
    }
    if (e.key != "tools" && other->value != e.value) {
      detail = "entry '" + e.key + "' differs";
      return false;
    }
  }
  return true;
}

// Whether the emitter's shortcut agrees with the full re-parse for every
// block below `s`; the first disagreement goes to `detail`.
bool shortcut_agrees(const Section& s, std::string& detail) {
  for (const Block& b : s.blocks)
    for (const char prev : {'\0', '-', '*'}) {
      const auto fast = detail::canonical_block(b, prev, detail::FragmentPath::Auto);
      const auto slow = detail::canonical_block(b, prev, detail::FragmentPath::Reparse);
      if (fast.text != slow.text || fast.last_bullet != slow.last_bullet) {
        detail = "line " + std::to_string(b.line) + " after " +
                 (prev == 0 ? std::string("no list") : "a '" + std::string(1, prev) + "' list") +
                 ": " + first_difference(slow.text, fast.text);
        return false;
      }
    }
  for (const Section& c : s.children)
    if (!shortcut_agrees(c, detail)) return false;
  return true;
}

void check_all(const std::vector<fs::path>& files, const std::string& corpus) {
  Property idem{"idempotence", 0, 0, {}};
  Property meaning{"body meaning", 0, 0, {}};
  Property fm{"frontmatter and tools", 0, 0, {}};
  Property shortcut{"emit shortcut", 0, 0, {}};
  int refused = 0;
  for (const fs::path& p : files) {
    const std::string bytes = test::read_file(p);
    auto f = parse_agent(bytes, p.string());
    if (!f) {
      ++refused;
      continue;
    }
    const std::string once = emit(*f).text;
    auto g = parse_agent(once, p.string());
    if (!g) {
      idem.record(p, false, "fmt output does not parse: " + g.error().to_string());
      continue;
    }
    const std::string twice = emit(*g).text;
    idem.record(p, once == twice, once == twice ? "" : first_difference(once, twice));
    const std::string before = body_html(f->body.text);
    const std::string after = body_html(emit_body(f->body));
    meaning.record(p, before == after, before == after ? "" : first_difference(before, after));
    std::string detail;
    bool ok = same_entries(f->frontmatter, g->frontmatter, detail);
    if (ok && f->tools != g->tools) {
      ok = false;
      detail = "tool set differs";
    }
    fm.record(p, ok, detail);
    detail.clear();
    ok = shortcut_agrees(f->body.root, detail) && shortcut_agrees(g->body.root, detail);
    shortcut.record(p, ok, detail);
  }
  std::cout << "[fmt-properties] " << corpus << ": " << files.size() << " files, " << refused
            << " refused by the parser\n";
  idem.report(corpus);
  meaning.report(corpus);
  fm.report(corpus);
  shortcut.report(corpus);
}

TEST(FmtProperties, DataFiles) {
  const auto files = test::files_below(test::source_dir() / "data", ".md");
  ASSERT_FALSE(files.empty());
  check_all(files, "data");
}

TEST(FmtProperties, SharedCorpus) {
  const auto dir = test::corpus_dir();
  if (!dir) GTEST_SKIP() << "../shared/corpus is absent: corpus properties not checked";
  check_all(test::files_below(*dir, ".md"), "corpus");
}

TEST(FmtProperties, SharedSeeds) {
  const auto dir = test::seeds_dir();
  if (!dir) GTEST_SKIP() << "../shared/seeds is absent: seed properties not checked";
  check_all(test::files_below(*dir, ".txt"), "seeds");
}

}  // namespace
}  // namespace agentmerge
