// merge3 of the frontmatter: key by key, in the order both sides agree on.
//
//   base:  name: api        ours:  model: opus      theirs: name: api
//          tools: Read             name: api                tools: Read, Bash
//          model: sonnet           tools: [Read]            model: sonnet
//   ->     model: opus
//          name: api
//          tools: [Read, Bash]
//
// A key changed on one side takes that change (its source lines as
// written); changed alike on both, either; changed differently on both, a
// conflict around that key. Tool lists are sets whatever shape each side
// wrote ("Read, Grep" or a YAML list): additions and removals of both sides
// apply, in the shape of the side that reshaped it. Maps (opencode's
// `tools`, `permission`) merge key by key.
#include <algorithm>
#include <optional>

#include "agentmerge/emit.hpp"
#include "merge3_internal.hpp"

namespace agentmerge::merge3_detail {

namespace {

// Keys whose value is a set of names, written as "A, B" or as a list.
constexpr std::string_view kSetValuedKeys[] = {
    "tools",         "disallowedTools",  "allowedTools",     "allowed-tools",
    "allowed_tools", "disallowed-tools", "disallowed_tools", "excludeTools",
};

bool is_set_valued(std::string_view key) {
  return std::find(std::begin(kSetValuedKeys), std::end(kSetValuedKeys), key) !=
         std::end(kSetValuedKeys);
}

bool is_scalar(const Value& v) {
  return v.kind == Value::Kind::String || v.kind == Value::Kind::Number ||
         v.kind == Value::Kind::Bool;
}

// The names of a set-valued entry, in written order; nullopt for another shape.
std::optional<std::vector<std::string>> set_names(const Value* v) {
  if (v == nullptr) return std::vector<std::string>{};
  std::vector<std::string> out;
  if (v->is_string()) {
    std::size_t start = 0;
    while (start <= v->scalar.size()) {
      std::size_t comma = v->scalar.find(',', start);
      if (comma == std::string::npos) comma = v->scalar.size();
      std::string name = fold_space(std::string_view(v->scalar).substr(start, comma - start));
      if (!name.empty()) out.push_back(std::move(name));
      start = comma + 1;
    }
    return out;
  }
  if (!v->is_list()) return std::nullopt;
  for (const Value& item : v->items) {
    if (!is_scalar(item)) return std::nullopt;
    out.push_back(item.scalar);
  }
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Where a merged value comes from.
enum class From { Ours, Theirs, New, Deleted };

struct KeyMerge {
  From from = From::Ours;
  Value value;  // for From::New
};

bool same(const Value* a, const Value* b, bool as_set) {
  if (a == nullptr || b == nullptr) return a == b;
  if (as_set) {
    auto na = set_names(a);
    auto nb = set_names(b);
    if (na && nb) {
      std::sort(na->begin(), na->end());
      std::sort(nb->begin(), nb->end());
      return *na == *nb;
    }
  }
  return *a == *b;
}

// Additions and removals of both sides applied to base's set, shaped as the
// side that changed the shape (ours when both or neither did).
std::optional<KeyMerge> merge_sets(const Value* b, const Value& o, const Value& t) {
  auto nb = set_names(b);
  auto no = set_names(&o);
  auto nt = set_names(&t);
  if (!nb || !no || !nt) return std::nullopt;
  std::vector<std::string> names;
  for (const auto& n : *no)
    if (!(contains(*nb, n) && !contains(*nt, n))) names.push_back(n);
  for (const auto& n : *nt)
    if (!contains(*nb, n) && !contains(names, n)) insert_after_predecessor(names, n, *nt);
  const bool theirs_shape = b != nullptr && o.kind == b->kind && o.style == b->style &&
                            (t.kind != b->kind || t.style != b->style);
  const Value& shape = theirs_shape ? t : o;
  KeyMerge km{From::New, {}};
  if (shape.is_string()) {
    std::string text;
    for (const auto& n : names) text += (text.empty() ? "" : ", ") + n;
    km.value = Value::string(text, shape.style);
  } else {
    std::vector<Value> items;
    for (const auto& n : names) items.push_back(Value::string(n));
    km.value = Value::list(std::move(items));
    km.value.style = shape.style;
  }
  return km;
}

std::optional<KeyMerge> merge_value(const Value* b, const Value* o, const Value* t, bool as_set);

// Maps key by key: ours' keys, then theirs' new ones.
std::optional<KeyMerge> merge_maps(const Value* b, const Value& o, const Value& t) {
  std::vector<std::string> keys = o.map_keys;
  for (const auto& k : t.map_keys)
    if (!contains(keys, k)) keys.push_back(k);
  std::vector<std::string> out_keys;
  std::vector<Value> out_values;
  for (const auto& k : keys) {
    const Value* vo = o.find(k);
    const Value* vt = t.find(k);
    auto m = merge_value(b != nullptr ? b->find(k) : nullptr, vo, vt, false);
    if (!m) return std::nullopt;
    if (m->from == From::Deleted) continue;
    out_keys.push_back(k);
    out_values.push_back(m->from == From::Ours ? *vo : m->from == From::Theirs ? *vt : m->value);
  }
  KeyMerge km{From::New, Value::map(std::move(out_keys), std::move(out_values))};
  km.value.style = o.style;
  return km;
}

// nullopt: a conflict.
std::optional<KeyMerge> merge_value(const Value* b, const Value* o, const Value* t, bool as_set) {
  const auto take = [](const Value* v, From from) {
    return KeyMerge{v != nullptr ? from : From::Deleted, {}};
  };
  // Exact comparisons first: a side that only reshaped a tool list changed
  // its shape, which merge_sets keeps.
  if (same(o, t, false)) return take(o, From::Ours);
  if (same(o, b, false)) return take(t, From::Theirs);
  if (same(t, b, false)) return take(o, From::Ours);
  if (as_set && (o == nullptr || t == nullptr) && same(o != nullptr ? o : t, b, true))
    return take(nullptr, From::Deleted);  // deleted; the other side only reshaped it
  if (o == nullptr || t == nullptr) return std::nullopt;  // deleted vs changed
  if (as_set)
    if (auto m = merge_sets(b, *o, *t)) return m;
  const bool base_map = b == nullptr || b->is_map();
  if (o->is_map() && t->is_map() && base_map) return merge_maps(b, *o, *t);
  return std::nullopt;
}

std::vector<std::string> keys_of(const Merge3Side& side) {
  std::vector<std::string> out;
  for (const auto& e : side.file->frontmatter.entries) out.push_back(e.key);
  return out;
}

// An entry's source lines (with the comment lines right above it), no final
// newline; "" when the side has no such key.
std::string entry_text(const Merge3Side& side, const std::string& key) {
  const Frontmatter& fm = side.file->frontmatter;
  const FrontmatterEntry* e = fm.find(key);
  if (e == nullptr) return "";
  if (e->line <= 0 || static_cast<std::size_t>(e->end_line) > side.lines.size()) {
    std::string t = emit_yaml_entry(e->key, e->value);
    t.pop_back();
    return t;
  }
  int first = e->line;
  while (first - 1 > fm.open_line && side.lines[static_cast<std::size_t>(first - 2)].rfind('#', 0) == 0)
    --first;
  std::string out;
  for (int l = first; l <= std::max(e->line, e->end_line); ++l)
    out += (l > first ? "\n" : "") + side.lines[static_cast<std::size_t>(l - 1)];
  return out;
}

int line_of(const Merge3Side& side, const std::string& key) {
  const FrontmatterEntry* e = side.file->frontmatter.find(key);
  return e != nullptr ? e->line : 0;
}

}  // namespace

std::string merge_frontmatter(const Merge3Side& base, const Merge3Side& ours,
                              const Merge3Side& theirs, Merge3Ctx& ctx) {
  auto merge_key = [&](const std::string& key) -> std::optional<std::string> {
    auto value = [&](const Merge3Side& s) {
      const FrontmatterEntry* e = s.file->frontmatter.find(key);
      return e != nullptr ? &e->value : nullptr;
    };
    const auto m = merge_value(value(base), value(ours), value(theirs), is_set_valued(key));
    if (!m) {
      ctx.note(line_of(ours, key), "merge3-conflict", "both sides changed '" + key + "'");
      return conflict_text(ctx, entry_text(ours, key), entry_text(base, key), entry_text(theirs, key));
    }
    if (m->from == From::Deleted) return std::nullopt;
    if (m->from != From::New) return entry_text(m->from == From::Ours ? ours : theirs, key);
    std::string text = emit_yaml_entry(key, m->value);
    text.pop_back();
    return text;
  };
  const auto entries = merge_identified(keys_of(base), keys_of(ours), keys_of(theirs), merge_key);
  if (entries.empty()) return "";  // an empty frontmatter says nothing
  std::string out = "---\n";
  for (const auto& text : entries) out += text + "\n";
  return out + "---\n";
}

}  // namespace agentmerge::merge3_detail
