// The agent-file AST: our own value types, independent of yaml-cpp and cmark.
//
// An agent file is a YAML frontmatter (ordered entries with typed values) and
// a Markdown body (a tree of sections holding blocks). Every node keeps its
// 1-based source line in the original file (frontmatter lines included), so
// a diagnostic or a report can always say file:line.
//
//   ---                              AgentFile{ format = Claude,
//   name: api                          frontmatter = [name: "api", tools: "Read"],
//   tools: Read                        tools = Allow{read},
//   ---                                body.root = Section{ preamble blocks: [],
//   # API                                children = [ Section "API" (level 1)
//   - **Design**: REST                     blocks = [List{ item lead="Design" }]]}}
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/result.hpp"

namespace agentmerge {

// ---------------------------------------------------------------- formats --

enum class Format { Claude, Opencode, Copilot, Qwen, Gemini, Unknown };

// "claude", "opencode", "copilot", "qwen", "gemini", "unknown".
std::string_view to_string(Format f);
// Inverse of to_string; nullopt for an unknown word.
std::optional<Format> parse_format(std::string_view word);

enum class LineEndings { Lf, Crlf, Mixed };

struct Encoding {
  bool had_bom = false;
  LineEndings line_endings = LineEndings::Lf;
};

// ------------------------------------------------------------ frontmatter --

// How a value was written in the source; emitters may use it as a hint.
enum class ValueStyle {
  Plain,         // plain scalar
  SingleQuoted,
  DoubleQuoted,
  Literal,       // |
  Folded,        // >
  FlowSequence,  // [a, b]
  BlockSequence, // - a
  FlowMap,       // {a: 1}
  BlockMap,      // nested "a: 1" lines
  Lenient,       // recovered by the lenient reader as "key: rest of line"
};

// A typed YAML value. Maps keep their order: map_keys[i] names items[i].
struct Value {
  enum class Kind { Null, String, Number, Bool, List, Map };

  Kind kind = Kind::Null;
  std::string scalar;                  // String/Number/Bool text as read
  std::vector<Value> items;            // List items, or Map values
  std::vector<std::string> map_keys;   // Map keys, parallel to items
  ValueStyle style = ValueStyle::Plain;
  int line = 0;                        // 1-based source line, 0 if synthetic

  static Value null();
  static Value string(std::string s, ValueStyle style = ValueStyle::Plain);
  static Value number(std::string text);
  static Value boolean(bool b);
  static Value list(std::vector<Value> items);
  static Value map(std::vector<std::string> keys, std::vector<Value> values);

  bool is_null() const { return kind == Kind::Null; }
  bool is_string() const { return kind == Kind::String; }
  bool is_list() const { return kind == Kind::List; }
  bool is_map() const { return kind == Kind::Map; }
  // Map lookup; nullptr when absent or not a map.
  const Value* find(std::string_view key) const;

  // Structural equality that ignores style and line.
  friend bool operator==(const Value& a, const Value& b);
  friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }
};

// How an entry was obtained.
enum class EntryOrigin { Strict, Lenient };

struct FrontmatterEntry {
  std::string key;
  Value value;
  int line = 0;             // line of the key
  int end_line = 0;         // last source line of the entry
  EntryOrigin origin = EntryOrigin::Strict;
};

enum class FrontmatterMode {
  Absent,   // no frontmatter at all: a plain Markdown agent
  Strict,   // yaml-cpp accepted it
  Lenient,  // yaml-cpp rejected it; entries recovered line by line
};

struct Frontmatter {
  FrontmatterMode mode = FrontmatterMode::Absent;
  std::vector<FrontmatterEntry> entries;  // source order; duplicates removed
                                          // (later wins, with a diagnostic)
  int open_line = 0;   // line of the opening ---
  int close_line = 0;  // line of the closing ---

  const FrontmatterEntry* find(std::string_view key) const;
  FrontmatterEntry* find(std::string_view key);
  // A string-valued entry's text, or nullopt.
  std::optional<std::string> get_string(std::string_view key) const;
};

// --------------------------------------------------------------- tool set --

// The four distinct states of a tool grant. A missing `tools` key in Claude or
// Copilot means All; `tools: []` means None.
enum class ToolMode {
  All,     // every tool (key absent, or an opencode map that denies nothing)
  Allow,   // exactly `tools`
  None,    // no tools at all
  AllBut,  // every tool except `tools`
};

std::string_view to_string(ToolMode m);

// A tool grant in the neutral vocabulary (see tools.hpp): ids like "shell",
// "read", "edit", "mcp:context7/resolve-library-id", or "other:<as written>"
// for a name no vocabulary table knows. `tools` is sorted and unique; its
// meaning depends on mode (allowed for Allow, denied for AllBut, empty else).
struct ToolSet {
  ToolMode mode = ToolMode::All;
  std::vector<std::string> tools;

  bool allows(std::string_view id) const;
  friend bool operator==(const ToolSet& a, const ToolSet& b) {
    return a.mode == b.mode && a.tools == b.tools;
  }
  friend bool operator!=(const ToolSet& a, const ToolSet& b) { return !(a == b); }
};

// ------------------------------------------------------------------- body --

enum class BlockKind { Paragraph, List, Code, Quote, Html, Table, ThematicBreak };

std::string_view to_string(BlockKind k);

struct Block;

struct ListItem {
  int line = 0;
  int end_line = 0;
  std::string source;      // exact source lines of the item, marker included
  std::string normalized;  // text for matching (see normalize.hpp)
  // Bold lead-in, e.g. "API Design" for "- **API Design**: REST, GraphQL";
  // empty when the item does not start with bold text.
  std::string lead;
  std::vector<Block> children;  // nested blocks (sub-lists, paragraphs, code)
};

struct Block {
  BlockKind kind = BlockKind::Paragraph;
  int line = 0;            // first source line
  int end_line = 0;        // last source line
  // Exact source lines (after BOM removal and CRLF -> LF), no final newline.
  // Nested blocks keep the indentation they had in the file.
  std::string source;
  std::string normalized;  // text for matching: lowercase, markup stripped,
                           // whitespace folded
  // Lists only.
  std::vector<ListItem> items;
  bool ordered = false;
  int list_start = 1;
  // Code only: the info string ("json", "" for none or an indented block).
  std::string info;
};

enum class HeadingKind {
  Root,    // the implicit root: its blocks are the preamble
  Atx,     // # Title
  Setext,  // Title\n=====
  Pseudo,  // a paragraph that is only bold text: "**API Design**:" followed
           // by a list or paragraphs
};

struct Section {
  HeadingKind heading_kind = HeadingKind::Root;
  // 0 for the root, 1-6 for headings. A pseudo-heading is one level below the
  // section that contains it (7 at most).
  int level = 0;
  std::string title;             // heading text as written, markers removed
  std::string normalized_title;  // lowercase, markup and trailing ':' removed
  int line = 0;                  // heading line (0 for the root)
  // The heading's exact source line(s) ("Title\n=====" for setext, the bold
  // paragraph for a pseudo-heading); "" for the root and synthetic sections.
  std::string heading_source;
  std::vector<Block> blocks;     // blocks before the first child section
  std::vector<Section> children;
};

struct Body {
  Section root;  // root.blocks is the preamble
  int first_line = 0;  // first line of the body in the file
  std::string text;    // the body as read (LF line endings)
};

// ------------------------------------------------------------- agent file --

struct AgentFile {
  std::string source_name;  // path or label as given to the parser
  std::string stem;         // file name without directories and extensions
                            // (".md", ".agent.md", ".chatmode.md", ".txt")
  Format format = Format::Unknown;
  Encoding encoding;
  Frontmatter frontmatter;
  ToolSet tools;            // derived from frontmatter per the format's rules
  Body body;
  std::vector<Diagnostic> diagnostics;  // repairs and findings while reading

  // `name` from the frontmatter, else the stem.
  std::string name() const;
  // `description` from the frontmatter, else "".
  std::string description() const;
};

}  // namespace agentmerge
