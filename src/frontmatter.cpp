// Stage 1: frontmatter fences and entries (see frontmatter.hpp).
//
//   ---                                   entries:
//   name: api                               name        "api"          strict, line 2
//   description: Use it: for APIs\n\nEx     description "Use it: for APIs
//   tools:                                               \n\nEx"       lenient, line 3
//     - read                                tools       ["read"]      strict (entry
//   ---                                                                alone), line 4
#include "frontmatter.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>
#include <set>
#include <utility>

namespace agentmerge::detail {

namespace {

std::string_view rstrip(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_fence(std::string_view line, std::string_view fence) { return rstrip(line) == fence; }

// Lines of `text` without their "\n"; a final newline does not add a line.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      out.push_back(text.substr(pos));
      break;
    }
    out.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

}  // namespace

Result<FrontmatterSplit> split_frontmatter(std::string_view text, const std::string& file) {
  FrontmatterSplit s;
  const std::size_t first_nl = text.find('\n');
  const std::string_view first =
      first_nl == std::string_view::npos ? text : text.substr(0, first_nl);
  if (!is_fence(first, "---") || first_nl == std::string_view::npos) {
    if (is_fence(first, "---") && first_nl == std::string_view::npos) {
      return Error{file, 1, "unterminated-frontmatter",
                   "frontmatter opened on line 1 is never closed by '---'"};
    }
    s.body = text;
    return s;
  }
  s.present = true;
  s.open_line = 1;
  s.yaml_first_line = 2;
  std::size_t pos = first_nl + 1;
  int line = 2;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    const bool last = nl == std::string_view::npos;
    if (last) nl = text.size();
    const std::string_view l = text.substr(pos, nl - pos);
    if (is_fence(l, "---") || is_fence(l, "...")) {
      s.close_line = line;
      s.yaml = text.substr(first_nl + 1, pos - (first_nl + 1));
      s.body = last ? std::string_view{} : text.substr(nl + 1);
      s.body_first_line = line + 1;
      return s;
    }
    if (last) break;
    pos = nl + 1;
    ++line;
  }
  return Error{file, 1, "unterminated-frontmatter",
               "frontmatter opened on line 1 is never closed by '---'"};
}

// ------------------------------------------------------------- scalars --

namespace {

bool all_of_chars(std::string_view s, std::string_view set) {
  return !s.empty() && s.find_first_not_of(set) == std::string_view::npos;
}

constexpr std::string_view kDigits = "0123456789";

// A YAML 1.2 core-schema number, scanned in one pass (no std::regex: its
// recursion overflows the stack on a value of some 30,000 digits):
// [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+ | [-+]?\.(inf|Inf|INF) | \.nan
// | [-+]?(\.[0-9]+ | [0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool is_yaml_number(std::string_view s) {
  if (s.starts_with("0o")) return all_of_chars(s.substr(2), "01234567");
  if (s.starts_with("0x")) return all_of_chars(s.substr(2), "0123456789abcdefABCDEF");
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return true;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s == ".inf" || s == ".Inf" || s == ".INF") return true;
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i - from;
  };
  const std::size_t whole = digits();
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (digits() == 0 && whole == 0) return false;
  } else if (whole == 0) {
    return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

}  // namespace

PlainKind resolve_plain(std::string_view t) {
  if (t.empty() || t == "~" || t == "null" || t == "Null" || t == "NULL") return PlainKind::Null;
  if (t == "true" || t == "True" || t == "TRUE" || t == "false" || t == "False" || t == "FALSE")
    return PlainKind::Bool;
  return is_yaml_number(t) ? PlainKind::Number : PlainKind::String;
}

bool repair_escapes(std::string& text) {
  if (text.find("\\n") == std::string::npos) return false;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      const char n = text[i + 1];
      const char* repl = n == 'n' ? "\n" : n == 't' ? "\t" : n == '"' ? "\"" : n == '\\' ? "\\"
                                                                                     : nullptr;
      if (repl != nullptr) {
        out += repl;
        ++i;
        continue;
      }
    }
    out += c;
  }
  text = std::move(out);
  return true;
}

namespace {

// ------------------------------------------------------ yaml-cpp -> Value --

struct YamlSource {
  std::vector<std::string_view> lines;  // lines of the YAML text
  int first_line = 1;                   // file line of lines[0]
};

ValueStyle scalar_style(const YAML::Node& n, const YamlSource& src) {
  const auto m = n.Mark();
  if (m.line < 0 || static_cast<std::size_t>(m.line) >= src.lines.size()) return ValueStyle::Plain;
  const std::string_view l = src.lines[static_cast<std::size_t>(m.line)];
  if (m.column < 0 || static_cast<std::size_t>(m.column) >= l.size()) return ValueStyle::Plain;
  switch (l[static_cast<std::size_t>(m.column)]) {
    case '\'': return ValueStyle::SingleQuoted;
    case '"': return ValueStyle::DoubleQuoted;
    case '|': return ValueStyle::Literal;
    case '>': return ValueStyle::Folded;
    default: return ValueStyle::Plain;
  }
}

// What one frontmatter may cost once aliases are expanded: values built
// and containers deep. A refusal records its line and reason; from then
// on to_value builds nothing more.
struct YamlBudget {
  std::size_t limit = 0;
  std::size_t used = 0;
  int max_depth = 0;
  int depth = 0;
  std::optional<Error> refused;
};

bool spend(YamlBudget& b, int line) {
  if (b.refused) return false;
  if (b.used == b.limit) {
    b.refused = Error{"", line, "yaml-too-large",
                      "the frontmatter holds more than " + std::to_string(b.limit) +
                          " values (--max-yaml-values); each use of a YAML alias (*name) "
                          "counts its anchor's values again"};
    return false;
  }
  ++b.used;
  if (b.depth > b.max_depth) {
    b.refused = Error{"", line, "too-deep",
                      "frontmatter values nested more than " + std::to_string(b.max_depth) +
                          " deep (--max-nesting)"};
    return false;
  }
  return true;
}

// Whether a node's tag is one agentmerge keeps the meaning of: none, the
// non-specific "!" of a quoted scalar, or !!str (a string either way). Any
// other tag (!!python/object/apply:..., !custom, !!int "12") would be lost
// when the file is written back, so the file is refused instead.
bool kept_tag(const YAML::Node& n) {
  const std::string& tag = n.Tag();
  return tag.empty() || tag == "?" || tag == "!" || tag == "tag:yaml.org,2002:str";
}

bool refuse_tag(const YAML::Node& n, int line, YamlBudget& b) {
  if (kept_tag(n)) return false;
  b.refused = Error{"", line, "yaml-tag",
                    "YAML tag '" + n.Tag() +
                        "' on a frontmatter value: agentmerge cannot keep it and will not drop "
                        "it; remove the tag"};
  return true;
}

std::string key_text(const YAML::Node& k) {
  return k.IsScalar() ? k.Scalar() : YAML::Dump(k);
}

bool is_merge_key(const YAML::Node& k) { return k.IsScalar() && k.Tag() == "?" && k.Scalar() == "<<"; }

// A map's entries with YAML 1.1 merge keys resolved as PyYAML and yaml.v3
// do: "<<: MAP" (or a list of maps) adds the keys the map does not set
// itself, earlier maps in the list winning. Without this the "<<" entry
// would be dropped, and a grant such as "<<: {tools: Read}" would widen to
// all tools. A "<<" whose value is not a map is refused.
std::vector<std::pair<YAML::Node, YAML::Node>> map_items(const YAML::Node& map, int line,
                                                         YamlBudget& b) {
  std::vector<std::pair<YAML::Node, YAML::Node>> items;
  std::vector<YAML::Node> merged;
  for (auto it = map.begin(); it != map.end(); ++it) {
    // Copies: `it->second` belongs to a temporary that a range-for over it
    // would outlive.
    const YAML::Node key = it->first;
    const YAML::Node value = it->second;
    if (!is_merge_key(key)) {
      items.emplace_back(key, value);
      continue;
    }
    if (value.IsMap()) {
      merged.push_back(value);
    } else if (value.IsSequence()) {
      for (const YAML::Node& m : value) merged.push_back(m);
    }
    if (merged.empty() || !std::all_of(merged.begin(), merged.end(),
                                       [](const YAML::Node& m) { return m.IsMap(); })) {
      b.refused = Error{"", line + std::max(0, key.Mark().line), "yaml-merge-key",
                        "'<<' must merge a map or a list of maps"};
      return {};
    }
  }
  std::set<std::string> own;
  for (const auto& [k, v] : items)
    if (k.IsScalar()) own.insert(k.Scalar());
  for (const YAML::Node& m : merged) {
    for (auto it = m.begin(); it != m.end(); ++it) {
      if (!it->first.IsScalar() || !own.insert(it->first.Scalar()).second) continue;
      items.emplace_back(it->first, it->second);
    }
  }
  return items;
}

Value to_value(const YAML::Node& n, const YamlSource& src, int fallback_line, YamlBudget& budget) {
  Value v;
  const int line = n.Mark().line >= 0 ? src.first_line + n.Mark().line : fallback_line;
  if (!spend(budget, line)) return Value::null();
  struct Nest {
    YamlBudget& b;
    explicit Nest(YamlBudget& budget) : b(budget) { ++b.depth; }
    ~Nest() { --b.depth; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;
  } nest(budget);
  if (refuse_tag(n, line, budget)) return Value::null();
  switch (n.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      v = Value::null();
      v.line = fallback_line;
      return v;
    case YAML::NodeType::Scalar: {
      const std::string& text = n.Scalar();
      const bool plain = n.Tag() == "?";
      const PlainKind kind = plain ? resolve_plain(text) : PlainKind::String;
      if (kind == PlainKind::Bool) {
        v = Value::boolean(text[0] == 't' || text[0] == 'T');
      } else if (kind == PlainKind::Number) {
        v = Value::number(text);
      } else if (kind == PlainKind::Null) {
        v = Value::null();
      } else {
        v = Value::string(text, scalar_style(n, src));
      }
      break;
    }
    case YAML::NodeType::Sequence: {
      std::vector<Value> items;
      for (const auto& item : n) {
        if (budget.refused) break;
        items.push_back(to_value(item, src, line, budget));
      }
      v = Value::list(std::move(items));
      if (n.Style() == YAML::EmitterStyle::Flow) v.style = ValueStyle::FlowSequence;
      break;
    }
    case YAML::NodeType::Map: {
      std::vector<std::string> keys;
      std::vector<Value> values;
      for (const auto& [key, value] : map_items(n, src.first_line, budget)) {
        if (budget.refused) break;
        const int kline = src.first_line + std::max(0, key.Mark().line);
        if (!key.IsScalar() && !spend(budget, kline)) break;
        keys.push_back(key_text(key));
        values.push_back(to_value(value, src, kline, budget));
      }
      v = Value::map(std::move(keys), std::move(values));
      if (n.Style() == YAML::EmitterStyle::Flow) v.style = ValueStyle::FlowMap;
      break;
    }
  }
  v.line = line;
  return v;
}

// Last non-blank, non-comment line in [from, to] (file lines), or `from`.
int last_content_line(const YamlSource& src, int from, int to) {
  for (int l = to; l > from; --l) {
    const auto idx = static_cast<std::size_t>(l - src.first_line);
    if (idx >= src.lines.size()) continue;
    std::string_view s = rstrip(src.lines[idx]);
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    if (!s.empty() && s.front() != '#') return l;
  }
  return from;
}

// Sets end_line of each entry: up to the line before the next entry.
void set_end_lines(std::vector<FrontmatterEntry>& entries, const YamlSource& src) {
  const int last_line = src.first_line + static_cast<int>(src.lines.size()) - 1;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const int next = i + 1 < entries.size() ? entries[i + 1].line - 1 : last_line;
    entries[i].end_line = last_content_line(src, entries[i].line, std::max(next, entries[i].line));
  }
}

// The index of the first line that is a YAML document marker ("---" or
// "..." at column 0, then a blank or the end of the line), or npos.
std::size_t document_marker(const YamlSource& src) {
  for (std::size_t i = 0; i < src.lines.size(); ++i) {
    const std::string_view l = src.lines[i];
    if (!l.starts_with("---") && !l.starts_with("...")) continue;
    if (l.size() == 3 || l[3] == ' ' || l[3] == '\t') return i;
  }
  return std::string_view::npos;
}

// The whole text as one strict map; nullopt when yaml-cpp refuses it, it
// holds a document marker line (yaml-cpp would drop everything after it) or
// it is not a map. `error` receives yaml-cpp's message and line.
std::optional<std::vector<FrontmatterEntry>> read_strict(std::string_view yaml,
                                                        const YamlSource& src,
                                                        std::string* error, int* error_line,
                                                        YamlBudget& budget) {
  if (const std::size_t marker = document_marker(src); marker != std::string_view::npos) {
    if (error != nullptr) *error = "a document marker line inside the frontmatter";
    if (error_line != nullptr) *error_line = src.first_line + static_cast<int>(marker);
    return std::nullopt;
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    if (error != nullptr) *error = e.msg;
    if (error_line != nullptr) *error_line = src.first_line + std::max(0, e.mark.line);
    return std::nullopt;
  }
  std::vector<FrontmatterEntry> entries;
  if (root.IsNull()) return entries;
  if (!root.IsMap()) {
    if (error != nullptr) *error = "the frontmatter is not a map of keys";
    if (error_line != nullptr) *error_line = src.first_line;
    return std::nullopt;
  }
  for (const auto& [key, value] : map_items(root, src.first_line, budget)) {
    if (budget.refused) break;
    FrontmatterEntry e;
    e.key = key_text(key);
    e.line = src.first_line + std::max(0, key.Mark().line);
    e.value = to_value(value, src, e.line, budget);
    if (budget.refused) {
      // An alias expands where it is used: point at the entry that used it.
      if (budget.refused->code == "yaml-too-large") budget.refused->line = e.line;
      return std::nullopt;
    }
    e.origin = EntryOrigin::Strict;
    entries.push_back(std::move(e));
  }
  if (budget.refused) return std::nullopt;
  return entries;
}

// ------------------------------------------------------------- lenient --

// A top-level entry: "key:" at column 0 and the lines that belong to it.
struct Chunk {
  std::string key;
  std::size_t first = 0;  // index into src.lines
  std::size_t last = 0;   // inclusive
};

// "key" when `line` starts a top-level entry ("key:" then space or end).
std::optional<std::string> entry_key(std::string_view line) {
  if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-')
    return std::nullopt;
  std::string_view key;
  if (line[0] == '"' || line[0] == '\'') {
    const std::size_t close = line.find(line[0], 1);
    if (close == std::string_view::npos || close + 1 >= line.size() || line[close + 1] != ':')
      return std::nullopt;
    key = line.substr(1, close - 1);
    const std::size_t after = close + 2;
    if (after < line.size() && line[after] != ' ' && line[after] != '\t') return std::nullopt;
    return std::string(key);
  }
  std::size_t colon = 0;
  while (true) {
    colon = line.find(':', colon);
    if (colon == std::string_view::npos) return std::nullopt;
    if (colon + 1 == line.size() || line[colon + 1] == ' ' || line[colon + 1] == '\t') break;
    ++colon;
  }
  key = rstrip(line.substr(0, colon));
  if (key.empty()) return std::nullopt;
  return std::string(key);
}

std::vector<Chunk> chunk_entries(const YamlSource& src) {
  std::vector<Chunk> chunks;
  for (std::size_t i = 0; i < src.lines.size(); ++i) {
    if (auto key = entry_key(src.lines[i])) {
      chunks.push_back(Chunk{*key, i, i});
    } else if (!chunks.empty()) {
      chunks.back().last = i;
    }
  }
  return chunks;
}

// Why yaml-cpp refused a "key: value" line, in words.
std::string lenient_reason(const std::string& key, std::string_view rest) {
  if (rest.find(": ") != std::string_view::npos)
    return key + " has an unquoted ': '; read leniently";
  if (rest.find(" #") != std::string_view::npos)
    return key + " has an unquoted ' #'; read leniently";
  if (!rest.empty() && (rest[0] == '"' || rest[0] == '\''))
    return key + " has an unbalanced quote; read leniently";
  return key + " is not valid YAML; read leniently";
}

FrontmatterEntry lenient_entry(const Chunk& c, const YamlSource& src, const std::string& file,
                               std::vector<Diagnostic>& diagnostics) {
  const std::string_view first = src.lines[c.first];
  std::string_view rest = first.substr(first.find(':') + 1);
  if (first[0] == '"' || first[0] == '\'') rest = first.substr(first.find(':', c.key.size() + 2) + 1);
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  rest = rstrip(rest);
  FrontmatterEntry e;
  e.key = c.key;
  e.line = src.first_line + static_cast<int>(c.first);
  e.origin = EntryOrigin::Lenient;
  diagnostics.push_back({Severity::Warning, file, e.line, "lenient-yaml",
                         lenient_reason(c.key, rest)});
  // Continuation lines fold like a plain scalar: one space, blank line = LF.
  std::string text(rest);
  bool pending_break = false;
  for (std::size_t i = c.first + 1; i <= c.last; ++i) {
    std::string_view l = rstrip(src.lines[i]);
    while (!l.empty() && (l.front() == ' ' || l.front() == '\t')) l.remove_prefix(1);
    if (l.empty()) {
      text += '\n';
      pending_break = true;
      continue;
    }
    if (!text.empty() && !pending_break) text += ' ';
    text += l;
    pending_break = false;
  }
  while (!text.empty() && text.back() == '\n') text.pop_back();
  if (repair_escapes(text)) {
    diagnostics.push_back({Severity::Note, file, e.line, "escapes-repaired",
                           c.key + ": the escapes \\n, \\t, \\\" and \\\\ written in a plain "
                                   "value were read as the characters they name"});
  }
  e.value = Value::string(std::move(text), ValueStyle::Lenient);
  e.value.line = e.line;
  return e;
}

std::vector<FrontmatterEntry> read_lenient(const YamlSource& src, const std::string& file,
                                           std::vector<Diagnostic>& diagnostics,
                                           YamlBudget& budget) {
  std::vector<FrontmatterEntry> entries;
  for (const Chunk& c : chunk_entries(src)) {
    if (c.key == "<<") {
      // Entry by entry, its aliases cannot be resolved; read as a plain
      // key it would be dropped and a grant it holds would widen.
      budget.refused = Error{"", src.first_line + static_cast<int>(c.first), "yaml-merge-key",
                             "a YAML merge key ('<<') in a frontmatter that is not valid YAML "
                             "cannot be resolved; fix the YAML"};
      break;
    }
    std::string text;
    for (std::size_t i = c.first; i <= c.last; ++i) {
      text += src.lines[i];
      text += '\n';
    }
    YamlSource sub{{src.lines.begin() + static_cast<std::ptrdiff_t>(c.first),
                    src.lines.begin() + static_cast<std::ptrdiff_t>(c.last) + 1},
                   src.first_line + static_cast<int>(c.first)};
    auto strict = read_strict(text, sub, nullptr, nullptr, budget);
    if (budget.refused) break;
    if (strict && strict->size() == 1 && (*strict)[0].key == c.key) {
      entries.push_back(std::move((*strict)[0]));
    } else {
      entries.push_back(lenient_entry(c, src, file, diagnostics));
    }
  }
  return entries;
}

// Later duplicates win: the earlier entry is removed, with a warning.
void drop_duplicates(std::vector<FrontmatterEntry>& entries, const std::string& file,
                     std::vector<Diagnostic>& diagnostics) {
  std::vector<FrontmatterEntry> kept;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto later = std::find_if(entries.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                    entries.end(),
                                    [&](const FrontmatterEntry& e) { return e.key == entries[i].key; });
    if (later != entries.end()) {
      diagnostics.push_back({Severity::Warning, file, later->line, "duplicate-key",
                             "duplicate key '" + entries[i].key + "' (first on line " +
                                 std::to_string(entries[i].line) + "); the later value wins"});
      continue;
    }
    kept.push_back(std::move(entries[i]));
  }
  entries = std::move(kept);
}

}  // namespace

Result<Frontmatter> read_frontmatter(std::string_view yaml, int first_line, int open_line,
                                     int close_line, const std::string& file,
                                     std::vector<Diagnostic>& diagnostics,
                                     const YamlLimits& limits) {
  YamlBudget budget{limits.max_values, 0, limits.max_depth, 0, std::nullopt};
  Frontmatter fm;
  fm.open_line = open_line;
  fm.close_line = close_line;
  const YamlSource src{split_lines(yaml), first_line};
  std::string error;
  int error_line = 0;
  if (auto strict = read_strict(yaml, src, &error, &error_line, budget)) {
    fm.mode = FrontmatterMode::Strict;
    fm.entries = std::move(*strict);
  } else if (!budget.refused) {
    fm.mode = FrontmatterMode::Lenient;
    diagnostics.push_back({Severity::Note, file, error_line, "strict-yaml-failed",
                           "strict YAML parser refused the frontmatter (" + error +
                               "); reading it entry by entry"});
    fm.entries = read_lenient(src, file, diagnostics, budget);
  }
  if (budget.refused) {
    budget.refused->file = file;
    return *budget.refused;
  }
  set_end_lines(fm.entries, src);
  drop_duplicates(fm.entries, file, diagnostics);
  return fm;
}

}  // namespace agentmerge::detail
