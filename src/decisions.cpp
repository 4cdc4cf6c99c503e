// Decisions file: reviewer choices <-> JSON (read as YAML, so a YAML file of
// the same shape is accepted too).
//
//   {"agentmerge-decisions": 1, "values": [{"key": "model", "source": "b.md"}],
//    "blocks": [{"source": "a.md", "line": 12, "hash": "9f0c...", "action": "keep"}]}
//     -> ReviewChoices{values [model <- b.md], blocks [a.md:12 keep]}
//
// Unknown keys and actions are errors with the line they are on: a file
// written for a newer version must not be half applied.
#include "agentmerge/decisions.hpp"

#include <xxhash.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <tuple>

#include <nlohmann/json.hpp>

namespace agentmerge {

std::string_view to_string(BlockAction a) {
  switch (a) {
    case BlockAction::Keep: return "keep";
    case BlockAction::Wording: return "wording";
  }
  return "keep";
}

std::string block_hash(std::string_view text) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx",
                static_cast<unsigned long long>(XXH64(text.data(), text.size(), 0)));
  return buf;
}

namespace {

std::string normal(std::string_view path) {
  return std::filesystem::path(path).lexically_normal().generic_string();
}

// Whether `longer` ends with `shorter` at a path-component boundary.
bool path_suffix(const std::string& longer, const std::string& shorter) {
  return longer.size() > shorter.size() && longer.ends_with(shorter) &&
         longer[longer.size() - shorter.size() - 1] == '/';
}

}  // namespace

std::optional<std::size_t> match_source(const std::vector<std::string>& names,
                                        std::string_view wanted) {
  const std::string w = normal(wanted);
  std::optional<std::size_t> found;
  std::size_t suffixes = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string n = normal(names[i]);
    if (n == w) return i;
    if (path_suffix(n, w) || path_suffix(w, n)) {
      found = i;
      ++suffixes;
    }
  }
  return suffixes == 1 ? found : std::nullopt;
}

namespace {

Error bad(const std::string& file, const YAML::Node& node, const std::string& message) {
  const int line = node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
  return Error{file, line, "bad-decisions", message};
}

// The scalar at `key` of map `entry`, or an error naming `what`.
Result<std::string> field(const std::string& file, const YAML::Node& entry, const char* key,
                          const char* what) {
  const YAML::Node v = entry[key];
  if (!v || !v.IsScalar() || v.Scalar().empty())
    return bad(file, entry, std::string(what) + " needs a '" + key + "'");
  return v.Scalar();
}

std::optional<Error> only_keys(const std::string& file, const YAML::Node& entry,
                               std::initializer_list<std::string_view> keys, const char* what) {
  for (const auto& kv : entry) {
    const std::string k = kv.first.Scalar();
    if (std::find(keys.begin(), keys.end(), k) == keys.end())
      return bad(file, kv.first, "unknown key '" + k + "' in " + what);
  }
  return std::nullopt;
}

std::optional<Error> read_value(const std::string& file, const YAML::Node& e, ReviewChoices& out) {
  if (!e.IsMap()) return bad(file, e, "a value choice must be a map");
  if (auto err = only_keys(file, e, {"key", "source"}, "a value choice")) return err;
  auto key = field(file, e, "key", "a value choice");
  if (!key) return key.error();
  auto source = field(file, e, "source", "a value choice");
  if (!source) return source.error();
  out.values.push_back({*key, *source});
  return std::nullopt;
}

std::optional<Error> read_block(const std::string& file, const YAML::Node& e, ReviewChoices& out) {
  if (!e.IsMap()) return bad(file, e, "a block choice must be a map");
  if (auto err = only_keys(file, e, {"source", "line", "hash", "action"}, "a block choice"))
    return err;
  auto source = field(file, e, "source", "a block choice");
  if (!source) return source.error();
  auto line = field(file, e, "line", "a block choice");
  if (!line) return line.error();
  auto hash = field(file, e, "hash", "a block choice");
  if (!hash) return hash.error();
  auto action = field(file, e, "action", "a block choice");
  if (!action) return action.error();
  BlockChoice c{*source, 0, *hash, BlockAction::Keep};
  if (!YAML::convert<int>::decode(e["line"], c.line) || c.line < 1)
    return bad(file, e["line"], "line must be a positive number");
  if (*action == "wording") {
    c.action = BlockAction::Wording;
  } else if (*action != "keep") {
    return bad(file, e["action"], "unknown action '" + *action + "' (known: keep, wording)");
  }
  out.blocks.push_back(std::move(c));
  return std::nullopt;
}

std::optional<Error> read_list(const std::string& file, const YAML::Node& list, const char* what,
                               ReviewChoices& out,
                               std::optional<Error> (*reader)(const std::string&,
                                                              const YAML::Node&, ReviewChoices&)) {
  if (!list) return std::nullopt;
  if (!list.IsSequence()) return bad(file, list, std::string(what) + " must be a list");
  for (const YAML::Node& e : list)
    if (auto err = reader(file, e, out)) return err;
  return std::nullopt;
}

}  // namespace

Result<ReviewChoices> parse_review_choices(std::string_view text, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::ParserException& e) {
    return Error{file, e.mark.line + 1, "bad-decisions", "not valid JSON or YAML: " + e.msg};
  }
  ReviewChoices out;
  try {
    if (!root.IsMap()) return bad(file, root, "a decisions file is a map with 'values' and 'blocks'");
    if (auto err = only_keys(file, root, {"agentmerge-decisions", "values", "blocks"}, "the file"))
      return *err;
    const YAML::Node version = root["agentmerge-decisions"];
    if (!version || version.Scalar() != "1")
      return bad(file, version ? version : root, "'agentmerge-decisions: 1' is required");
    if (auto err = read_list(file, root["values"], "values", out, read_value)) return *err;
    if (auto err = read_list(file, root["blocks"], "blocks", out, read_block)) return *err;
  } catch (const YAML::Exception& e) {
    return Error{file, e.mark.line + 1, "bad-decisions", e.msg};
  }
  return out;
}

std::string review_choices_to_json(const ReviewChoices& choices) {
  using Json = nlohmann::ordered_json;
  std::vector<ValueChoice> values = choices.values;
  std::sort(values.begin(), values.end(),
            [](const auto& a, const auto& b) { return std::tie(a.key, a.source) < std::tie(b.key, b.source); });
  std::vector<BlockChoice> blocks = choices.blocks;
  std::sort(blocks.begin(), blocks.end(), [](const auto& a, const auto& b) {
    return std::tie(a.source, a.line, a.hash) < std::tie(b.source, b.line, b.hash);
  });
  Json v = Json::array();
  for (const auto& c : values) v.push_back(Json{{"key", c.key}, {"source", c.source}});
  Json b = Json::array();
  for (const auto& c : blocks)
    b.push_back(Json{{"source", c.source},
                     {"line", c.line},
                     {"hash", c.hash},
                     {"action", std::string(to_string(c.action))}});
  return Json{{"agentmerge-decisions", 1}, {"values", v}, {"blocks", b}}.dump(
             2, ' ', false, Json::error_handler_t::replace) +
         "\n";
}

}  // namespace agentmerge
