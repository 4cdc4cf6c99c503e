// Stage "explain": a MergeResult and its parsed sources in, per-source text
// out (`agentmerge merge --explain`).
//
//   a.md (claude, primary): 6 blocks: 4 kept (2 only from here), 1 folded, 1 dropped
//     frontmatter: ~ model: "opus" -> "sonnet"
//     tools: widened: only read -> all tools
//     contributed: a.md:12 list-item "Event sourcing" -> #7
//     folded: a.md:14 list-item "REST APIs" -> #4 "RESTful API design" (0.81)
//     dropped: a.md:30 paragraph "..." (policy: duplicate-document)
//
// The block accounting comes from the report (it is authoritative: every
// source block is kept, folded or dropped); the frontmatter and tools lines
// are a structural diff (diff.hpp) from the source to the merged agent.
#include <sstream>

#include "agentmerge/diff.hpp"
#include "agentmerge/review.hpp"

namespace agentmerge {
namespace {

// One line, at most `max` bytes (cut at a UTF-8 boundary).
std::string cut(const std::string& text, std::size_t max) {
  std::string one;
  for (const char c : text) one += (c == '\n' || c == '\t') ? ' ' : c;
  if (one.size() > max) {
    std::size_t at = max;
    while (at > 0 && (static_cast<unsigned char>(one[at]) & 0xC0) == 0x80) --at;
    one = one.substr(0, at) + "...";
  }
  return one;
}

std::string excerpt(const std::string& text) { return "\"" + cut(text, 70) + "\""; }

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\n");
  const auto e = s.find_last_not_of(" \t\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

const AgentFile* find_source(const std::vector<AgentFile>& files, const std::string& name) {
  for (const AgentFile& f : files)
    if (f.source_name == name) return &f;
  return nullptr;
}

// Output ids are their positions in the merge engine's report (fast path);
// any other numbering falls back to a scan.
const OutputBlock* find_output(const MergeReport& r, int id) {
  if (id < 0) return nullptr;
  const auto at = static_cast<std::size_t>(id);
  if (at < r.output_blocks.size() && r.output_blocks[at].id == id) return &r.output_blocks[at];
  for (const OutputBlock& b : r.output_blocks)
    if (b.id == id) return &b;
  return nullptr;
}

// A fold into the very same text (a duplicate): counted, not listed.
bool same_wording(const MergeReport& r, const SourceBlock& b) {
  const OutputBlock* out = find_output(r, b.output);
  return b.fate == BlockFate::Folded && out != nullptr && trimmed(out->text) == trimmed(b.text);
}

void frontmatter_lines(std::ostringstream& o, const AgentFile& source, const AgentFile& merged) {
  DiffOptions opt;
  opt.comparison = Comparison::Semantic;
  const StructuralDiff d = diff_agents(source, merged, opt);
  for (const FrontmatterChange& c : d.frontmatter) {
    // Values are cut to one short line: the report has them in full.
    auto value = [](const Value& v) { return cut(value_to_text(v), 60); };
    o << "  frontmatter: ";
    if (c.kind == EntryChangeKind::Added) o << "+ " << c.key << ": " << value(*c.new_value);
    if (c.kind == EntryChangeKind::Removed) o << "- " << c.key << ": " << value(*c.old_value);
    if (c.kind == EntryChangeKind::Changed)
      o << "~ " << c.key << ": " << value(*c.old_value) << " -> " << value(*c.new_value);
    o << "\n";
  }
  if (d.tools.scope != ToolScope::Same) {
    o << "  tools: " << to_string(d.tools.scope);
    for (const auto& t : d.tools.granted) o << " +" << t;
    for (const auto& t : d.tools.revoked) o << " -" << t;
    if (d.tools.granted.empty() && d.tools.revoked.empty())
      o << " (" << to_string(d.tools.old_set.mode) << " -> " << to_string(d.tools.new_set.mode) << ")";
    o << "\n";
  }
}

void blocks_lines(std::ostringstream& o, const MergeReport& r, std::size_t source) {
  const std::string& name = r.sources[source].name;
  for (const SourceBlock& b : r.source_blocks) {
    if (b.source != source) continue;
    const OutputBlock* out = find_output(r, b.output);
    if (b.fate == BlockFate::Kept && out != nullptr && out->sources.size() == 1) {
      o << "  contributed: " << name << ":" << b.line << " " << b.kind << " " << excerpt(b.text)
        << " -> #" << b.output << "\n";
    } else if (b.fate == BlockFate::Folded && !same_wording(r, b)) {
      char sim[16];
      std::snprintf(sim, sizeof sim, "%.2f", b.similarity);
      o << "  folded: " << name << ":" << b.line << " " << b.kind << " " << excerpt(b.text)
        << " -> #" << b.output << " "
        << (out != nullptr ? excerpt(out->text) : std::string("(output block not found)")) << " ("
        << sim << ")\n";
    } else if (b.fate == BlockFate::Dropped) {
      o << "  dropped: " << name << ":" << b.line << " " << b.kind << " " << excerpt(b.text)
        << " (policy: " << (b.policy.empty() ? "unnamed" : b.policy) << ")\n";
    }
  }
}

}  // namespace

std::string explain_merge(const MergeResult& result, const std::vector<AgentFile>& sources) {
  const MergeReport& r = result.report;
  std::ostringstream o;
  for (std::size_t i = 0; i < r.sources.size(); ++i) {
    const SourceInfo& s = r.sources[i];
    std::size_t n[3] = {0, 0, 0};
    std::size_t only = 0;
    std::size_t same = 0;
    for (const SourceBlock& b : r.source_blocks) {
      if (b.source != i) continue;
      ++n[static_cast<int>(b.fate)];
      same += same_wording(r, b) ? 1 : 0;
      const OutputBlock* out = find_output(r, b.output);
      if (b.fate == BlockFate::Kept && out != nullptr && out->sources.size() == 1) ++only;
    }
    o << s.name << " (" << to_string(s.format) << (i == r.primary ? ", primary" : "")
      << (s.documents > 1 ? ", " + std::to_string(s.documents) + " documents" : "") << "): "
      << (n[0] + n[1] + n[2]) << " blocks: " << n[0] << " kept (" << only << " only from here), "
      << n[1] << " folded (" << same << " same wording), " << n[2] << " dropped\n";
    if (const AgentFile* f = find_source(sources, s.name)) frontmatter_lines(o, *f, result.merged);
    blocks_lines(o, r, i);
  }
  return o.str();
}

}  // namespace agentmerge
