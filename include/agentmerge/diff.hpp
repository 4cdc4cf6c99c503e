// Structural diff of two agent files: frontmatter key by key, the tool set in
// the neutral vocabulary, sections (added, removed, moved, renamed, changed)
// and, inside a changed section, its blocks with a word- or line-level diff.
//
//   a.md: "---\nname: api\ntools: Read\n---\n## Focus\n- REST\n## Style\nTerse.\n"
//   b.md: "---\nname: api\n---\n## Style\nTerse.\n## Focus Areas\n- REST\n- gRPC\n"
//     -> tools: widened (only read -> all tools)
//        sections: "Focus" renamed to "Focus Areas", moved, changed (+ "- gRPC")
//
// Comparison contract. Everything is compared through the AST, never through
// raw lines: frontmatter values by typed equality (Value ==, which ignores
// quoting style and source lines), `tools` through the ToolSet (so a Claude
// string and an opencode map granting the same tools are equal), blocks by
// their canonical text (emit_block), list items by their text without the
// marker. What remains is layout (key order, scalar styles, bullet markers,
// blank lines, line endings, BOM): reported as `formatting` facts unless
// Comparison::Semantic is asked for. Two files are semantically equal exactly
// when no structural change is found.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/ast.hpp"

namespace agentmerge {

enum class Comparison {
  Exact,     // structure plus formatting facts (the files' layout)
  Semantic,  // structure only: what `fmt` would change is ignored
};

struct DiffOptions {
  Comparison comparison = Comparison::Exact;
  // Two unmatched sections whose contents have at least this word similarity
  // (Dice over word multisets) are one section renamed.
  double rename_threshold = 0.5;
  // A removed and an added block of the same kind, next to each other, with
  // at least this word similarity are one block changed (shown word by word).
  double change_threshold = 0.5;
  // Rename detection compares every unmatched pair; above this many pairs it
  // is skipped and the diff says so (a cap, never silent).
  std::size_t max_rename_pairs = 250000;
  // Raw bytes of the two files, when known: lets the formatting facts notice
  // layout the AST does not keep (e.g. spacing inside the frontmatter).
  std::optional<std::string_view> a_bytes;
  std::optional<std::string_view> b_bytes;
};

// One token of a word- or line-level diff.
struct TextOp {
  enum class Kind { Same, Added, Removed };
  Kind kind = Kind::Same;
  std::string text;  // a word (no surrounding whitespace) or a line
};

enum class TextUnit { Words, Lines };

// Word (whitespace-separated) or line diff of two texts, via LCS (dtl).
std::vector<TextOp> diff_text(std::string_view a, std::string_view b, TextUnit unit);

// Similarity in [0, 1]: Dice coefficient over lowercase word multisets.
double word_similarity(std::string_view a, std::string_view b);

enum class EntryChangeKind { Added, Removed, Changed };
std::string_view to_string(EntryChangeKind k);

struct FrontmatterChange {
  std::string key;
  EntryChangeKind kind = EntryChangeKind::Changed;
  std::optional<Value> old_value;  // absent for Added
  std::optional<Value> new_value;  // absent for Removed
  int old_line = 0;
  int new_line = 0;
};

// How the grant moved from A to B. Widened: B grants everything A granted and
// more; Narrowed: the reverse; Changed: some of each.
enum class ToolScope { Same, Widened, Narrowed, Changed };
std::string_view to_string(ToolScope s);

struct ToolsDiff {
  ToolScope scope = ToolScope::Same;
  ToolSet old_set;
  ToolSet new_set;
  // Neutral ids newly granted / no longer granted, when they can be listed
  // (a change to or from "all tools" cannot list every other tool; the scope
  // says it instead).
  std::vector<std::string> granted;
  std::vector<std::string> revoked;
};

// The scope of a change from `a` to `b` (pure set logic over the four modes).
ToolScope compare_tool_sets(const ToolSet& a, const ToolSet& b);

// A position in one of the two files.
struct Where {
  int line = 0;
  std::string text;  // canonical text of the block / item, or the title
};

enum class BlockChangeKind { Added, Removed, Changed };
std::string_view to_string(BlockChangeKind k);

struct BlockChange {
  BlockChangeKind kind = BlockChangeKind::Changed;
  std::string unit;               // "paragraph", "list-item", "code", ...
  std::optional<Where> old_block; // absent for Added
  std::optional<Where> new_block; // absent for Removed
  TextUnit granularity = TextUnit::Words;
  std::vector<TextOp> ops;        // Changed only
};

enum class SectionStatus { Added, Removed, Matched };
std::string_view to_string(SectionStatus s);

// One section of A or B. The preamble (blocks before the first heading) is a
// section with an empty title and level 0; it always matches the other file's.
struct SectionRef {
  std::string title;   // as written
  std::string path;    // titles from the top, joined by " > "
  int level = 0;
  int line = 0;
  HeadingKind kind = HeadingKind::Root;  // Pseudo for "**Title**:" headings
};

struct SectionChange {
  SectionStatus status = SectionStatus::Matched;
  std::optional<SectionRef> old_section;
  std::optional<SectionRef> new_section;
  // Matched sections only: which changes apply (any combination).
  bool renamed = false;        // title differs (matched by content or case)
  bool moved = false;          // other parent, or out of order among siblings
  bool level_changed = false;  // same section, other heading level
  double similarity = 1.0;     // content similarity when matched by content
  std::vector<BlockChange> blocks;  // non-empty = content changed
  bool changed() const { return !blocks.empty(); }
};

// Layout differences that `fmt` would remove (Comparison::Exact only).
enum class FormattingFact {
  LineEndings,     // LF vs CRLF vs mixed
  Bom,             // one file has a UTF-8 BOM
  KeyOrder,        // same keys, another order
  ScalarStyle,     // same values, other quoting / sequence / map style
  FrontmatterText, // other spacing or comments inside the frontmatter
  BodyLayout,      // bullet markers, blank lines, heading style, spacing
};
std::string_view to_string(FormattingFact f);

struct StructuralDiff {
  std::string a_name;
  std::string b_name;
  Format a_format = Format::Unknown;
  Format b_format = Format::Unknown;
  Comparison comparison = Comparison::Exact;
  std::vector<FrontmatterChange> frontmatter;  // A's key order, then B's new keys
  ToolsDiff tools;
  std::vector<SectionChange> sections;         // only sections with a change
  std::vector<FormattingFact> formatting;      // empty under Semantic
  std::vector<std::string> notes;              // caps hit, e.g. rename skipped

  // No structural change (format, frontmatter, tools, sections).
  bool structurally_equal() const;
  // Nothing to report under the chosen comparison (exit 0 of `diff`).
  bool same() const;
};

StructuralDiff diff_agents(const AgentFile& a, const AgentFile& b, const DiffOptions& options = {});

// ---------------------------------------------------------------- output --

enum class Color { Never, Always };

// Human text; ANSI colours when asked. Stable (golden-tested).
std::string render_diff_text(const StructuralDiff& diff, Color color);

// JSON per docs/diff-schema.md.
std::string render_diff_json(const StructuralDiff& diff);

// A unified line diff (3 lines of context) that `patch` applies to `a`.
// Empty when the texts are equal.
std::string unified_diff(std::string_view a, std::string_view b, std::string_view a_label,
                         std::string_view b_label, int context = 3);

// A frontmatter value as one line of text: strings JSON-quoted, lists
// "[a, b]", maps "{k: v}".
std::string value_to_text(const Value& value);

}  // namespace agentmerge
