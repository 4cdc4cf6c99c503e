// Conversion properties over ../shared/corpus (skipped when absent):
//   - never widened: for every file and every target, the converted file read
//     back as the target grants no tool the source did not grant;
//   - round trip: every Claude file converted to opencode and back keeps its
//     name, description, body and tool set, or a warning of the conversion
//     says what could not be kept (never a silent difference);
//   - the same two properties for Codex and Kiro: a Kiro file read back
//     grants nothing the source did not, a Codex grant wider than the
//     source carries a warning, and claude -> kiro -> claude and
//     claude -> codex -> claude keep name, description, body and tool set or
//     say why.
// Pass counts are printed.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <set>
#include <string>

#include "agentmerge/convert.hpp"
#include "agentmerge/emit.hpp"
#include "agentmerge/parse.hpp"
#include "agentmerge/tools.hpp"
#include "test_support.hpp"

namespace agentmerge {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> out;
  if (const auto dir = test::corpus_dir()) out = test::files_below(*dir, ".md");
  return out;
}

std::optional<AgentFile> read_as(const std::string& text, const std::string& name, Format f) {
  ParseOptions o;
  o.format = f;
  auto r = parse_agent(text, name, o);
  if (!r) return std::nullopt;
  return std::move(*r);
}

// A tool `back` grants that `src` does not, judged on a universe of ids (the
// vocabulary, both sets, and names no table knows), independently of the
// conversion's own check. "" when none.
std::string widened_tool(const ToolSet& back, const ToolSet& src) {
  std::set<std::string> ids{"mcp:unlisted/tool", "other:unlisted"};
  for (const auto& row : tool_vocabulary()) ids.insert(row.id);
  ids.insert(back.tools.begin(), back.tools.end());
  ids.insert(src.tools.begin(), src.tools.end());
  for (const auto& id : ids)
    if (back.allows(id) && !src.allows(id)) return id;
  return "";
}

bool has_warning(const ConvertResult& r) { return r.lossy(); }

TEST(ConvertCorpus, NeverWidensAToolGrant) {
  const auto files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "../shared/corpus not found; corpus property skipped";
  std::size_t checked = 0, failures = 0;
  for (const fs::path& p : files) {
    auto src = parse_agent(test::read_file(p), p.string());
    if (!src) continue;
    for (Format to : {Format::Claude, Format::Opencode, Format::Copilot, Format::Qwen,
                      Format::Gemini}) {
      auto r = convert(*src, to);
      if (!r) continue;
      auto back = read_as(r->text, r->file_name, to);
      ASSERT_TRUE(back) << p << " -> " << to_string(to) << " does not parse";
      ++checked;
      const std::string id = widened_tool(back->tools, src->tools);
      if (!id.empty()) {
        ++failures;
        ADD_FAILURE() << p.string() << " -> " << to_string(to) << " grants '" << id
                      << "' the source does not";
      }
    }
  }
  std::cout << "[ corpus ] never-widen: " << checked - failures << "/" << checked
            << " conversions grant no more than their source\n";
}

TEST(ConvertCorpus, ClaudeOpencodeClaudeRoundTrip) {
  const auto files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "../shared/corpus not found; corpus property skipped";
  std::size_t claude = 0, exact = 0, explained = 0;
  for (const fs::path& p : files) {
    auto a = parse_agent(test::read_file(p), p.string());
    if (!a || a->format != Format::Claude) continue;
    ++claude;
    auto oc = convert(*a, Format::Opencode);
    ASSERT_TRUE(oc) << oc.error().to_string();
    auto mid = read_as(oc->text, oc->file_name, Format::Opencode);
    ASSERT_TRUE(mid) << p;
    auto back = convert(*mid, Format::Claude);
    ASSERT_TRUE(back) << back.error().to_string();
    auto b = read_as(back->text, back->file_name, Format::Claude);
    ASSERT_TRUE(b) << p;
    std::string diff;
    if (b->name() != a->name()) diff += " name";
    if (b->description() != a->description()) diff += " description";
    if (emit_body(b->body) != emit_body(a->body)) diff += " body";
    if (b->tools != a->tools) diff += " tools";
    if (diff.empty()) {
      ++exact;
    } else if (has_warning(*oc) || has_warning(*back)) {
      ++explained;  // a warning said what could not be kept
    } else {
      ADD_FAILURE() << p.string() << ": round trip changed" << diff << " without a warning";
    }
  }
  std::cout << "[ corpus ] claude -> opencode -> claude: " << exact << "/" << claude
            << " identical (name, description, body, tools), " << explained
            << " differ with a warning, " << claude - exact - explained << " silent\n";
}

TEST(ConvertCorpus, CodexAndKiroNeverWidenSilently) {
  const auto files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "../shared/corpus not found; corpus property skipped";
  std::size_t checked = 0, failures = 0;
  for (const fs::path& p : files) {
    auto src = parse_agent(test::read_file(p), p.string());
    if (!src) continue;
    for (ExternalFormat to : {ExternalFormat::Codex, ExternalFormat::Kiro}) {
      auto r = convert(*src, to);
      if (!r) continue;
      auto back = read_external(r->text, r->file_name, to);
      ASSERT_TRUE(back) << p << " -> " << to_string(to) << ": " << back.error().to_string();
      ++checked;
      // Kiro: the document read back. Codex: what the sandbox grants (the
      // read-back drops the read-only shell, so it proves nothing).
      const ToolSet& granted = to == ExternalFormat::Kiro ? back->tools : r->converted.tools;
      const std::string id = widened_tool(granted, src->tools);
      const bool warned = std::any_of(r->notes.begin(), r->notes.end(), [](const Diagnostic& d) {
        return d.code == "tools-widened";
      });
      if (!id.empty() && (to == ExternalFormat::Kiro || !warned)) {
        ++failures;
        ADD_FAILURE() << p.string() << " -> " << to_string(to) << " grants '" << id
                      << "' the source does not" << (warned ? "" : ", without a warning");
      }
    }
  }
  std::cout << "[ corpus ] codex/kiro never-widen: " << checked - failures << "/" << checked
            << " conversions grant no more than their source, or say so (codex)\n";
}

TEST(ConvertCorpus, ClaudeCodexKiroClaudeRoundTrip) {
  const auto files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "../shared/corpus not found; corpus property skipped";
  for (ExternalFormat via : {ExternalFormat::Kiro, ExternalFormat::Codex}) {
    std::size_t claude = 0, exact = 0, explained = 0;
    for (const fs::path& p : files) {
      auto a = parse_agent(test::read_file(p), p.string());
      if (!a || a->format != Format::Claude) continue;
      ++claude;
      auto mid = convert(*a, via);
      ASSERT_TRUE(mid) << mid.error().to_string();
      auto b = read_external(mid->text, mid->file_name, via);
      ASSERT_TRUE(b) << p << ": " << b.error().to_string();
      std::string diff;
      if (b->name() != a->name()) diff += " name";
      if (b->description() != a->description()) diff += " description";
      if (emit_body(b->body) != emit_body(a->body)) diff += " body";
      if (b->tools != a->tools) diff += " tools";
      const bool warned =
          has_warning(*mid) || std::any_of(b->diagnostics.begin(), b->diagnostics.end(),
                                           [](const Diagnostic& d) { return d.severity != Severity::Note; });
      if (diff.empty()) {
        ++exact;
      } else if (warned) {
        ++explained;
      } else {
        ADD_FAILURE() << p.string() << ": claude -> " << to_string(via)
                      << " -> claude changed" << diff << " without a warning";
      }
    }
    std::cout << "[ corpus ] claude -> " << to_string(via) << " -> claude: " << exact << "/"
              << claude << " identical (name, description, body, tools), " << explained
              << " differ with a warning, " << claude - exact - explained << " silent\n";
  }
}

}  // namespace
}  // namespace agentmerge
