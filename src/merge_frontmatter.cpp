// Stage 5 of the merge: frontmatter keys merged by per-key policies (a table).
//
//   before: a: {name: backend-architect, model: opus,   tools: "Read, Bash"}
//           b: {name: backend-api-architect, model: sonnet}      (tools unstated)
//           c: {name: backend-architect, tools: {bash: true, edit: false}}
//   after:  {name: backend-architect (most common), model: opus (primary a),
//            tools: all but edit (union of the sets a and c state; b is not
//            read as "all")} + a Decision per disagreement; a Danger decision
//            had the result granted edit, which c denies
//
// Policies: name = --name, else the most common canonical name (ties: the
// primary's); description = the primary's, plus <example> blocks of the
// others that are not near-duplicates of one kept; tools = union or
// intersection of the neutral sets the sources state (all-sources: a
// missing key is all tools), or the primary's; every other key =
// its configured ValuePolicy (primary: the primary's value, or the most
// common one when the primary has none; most-common: ties go to the primary).
#include <algorithm>
#include <map>
#include <optional>

#include "agentmerge/emit.hpp"
#include "agentmerge/normalize.hpp"
#include "agentmerge/tools.hpp"
#include "merge_internal.hpp"
#include "target_values.hpp"

namespace agentmerge::detail {

namespace {

enum class KeyKind { Name, Description, Tools, ToolsPart, Value };

struct KeyRule {
  const char* key;
  KeyKind kind;
  std::vector<Format> formats;  // formats that have this key; empty = every format
  Review on_conflict;           // whether differing values need a person's review
};

const std::vector<KeyRule>& key_rules() {
  static const std::vector<KeyRule> rules = {
      {"name", KeyKind::Name, {}, Review::NotNeeded},
      {"description", KeyKind::Description, {}, Review::NotNeeded},
      {"tools", KeyKind::Tools, {}, Review::Needed},
      {"permission", KeyKind::ToolsPart, {Format::Opencode}, Review::NotNeeded},
      {"model", KeyKind::Value, {}, Review::Needed},
      {"color", KeyKind::Value, {Format::Claude}, Review::NotNeeded},
      {"mode", KeyKind::Value, {Format::Opencode}, Review::NotNeeded},
      {"temperature", KeyKind::Value, {Format::Opencode, Format::Gemini}, Review::Needed},
      {"top_p", KeyKind::Value, {Format::Opencode}, Review::Needed},
  };
  return rules;
}

KeyRule rule_for(const std::string& key) {
  for (const auto& r : key_rules())
    if (key == r.key) return r;
  return {"", KeyKind::Value, {}, Review::NotNeeded};
}

std::string show(const Value& v) {
  if (v.kind == Value::Kind::String || v.kind == Value::Kind::Number || v.kind == Value::Kind::Bool)
    return v.scalar;
  std::string s = emit_yaml_value(v, 0);
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

std::string show(const ToolSet& t) {
  std::string s(to_string(t.mode));
  if (!t.tools.empty()) {
    s += ":";
    for (std::size_t i = 0; i < t.tools.size(); ++i) s += (i ? "," : " ") + t.tools[i];
  }
  return s;
}

// ------------------------------------------------------------- tool sets --

using Ids = std::vector<std::string>;

Ids set_union(const Ids& a, const Ids& b) {
  Ids r;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(r));
  return r;
}
Ids set_inter(const Ids& a, const Ids& b) {
  Ids r;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(r));
  return r;
}
Ids set_minus(const Ids& a, const Ids& b) {
  Ids r;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(r));
  return r;
}

ToolSet allow(Ids ids) {
  return ids.empty() ? ToolSet{ToolMode::None, {}} : ToolSet{ToolMode::Allow, std::move(ids)};
}
ToolSet all_but(Ids ids) {
  return ids.empty() ? ToolSet{ToolMode::All, {}} : ToolSet{ToolMode::AllBut, std::move(ids)};
}
bool grants_all_listed(const ToolSet& t) { return t.mode == ToolMode::All || t.mode == ToolMode::AllBut; }

ToolSet tools_union(const ToolSet& a, const ToolSet& b) {
  if (a.mode == ToolMode::All || b.mode == ToolMode::All) return {};
  if (a.mode == ToolMode::None) return b;
  if (b.mode == ToolMode::None) return a;
  if (a.mode == ToolMode::Allow && b.mode == ToolMode::Allow) return allow(set_union(a.tools, b.tools));
  if (a.mode == ToolMode::AllBut && b.mode == ToolMode::AllBut) return all_but(set_inter(a.tools, b.tools));
  const ToolSet& deny = a.mode == ToolMode::AllBut ? a : b;
  const ToolSet& grant = a.mode == ToolMode::AllBut ? b : a;
  return all_but(set_minus(deny.tools, grant.tools));
}

ToolSet tools_intersection(const ToolSet& a, const ToolSet& b) {
  if (a.mode == ToolMode::All) return b;
  if (b.mode == ToolMode::All) return a;
  if (a.mode == ToolMode::None || b.mode == ToolMode::None) return {ToolMode::None, {}};
  if (a.mode == ToolMode::Allow && b.mode == ToolMode::Allow) return allow(set_inter(a.tools, b.tools));
  if (a.mode == ToolMode::AllBut && b.mode == ToolMode::AllBut) return all_but(set_union(a.tools, b.tools));
  const ToolSet& deny = a.mode == ToolMode::AllBut ? a : b;
  const ToolSet& grant = a.mode == ToolMode::AllBut ? b : a;
  return allow(set_minus(grant.tools, deny.tools));
}

// Whether everything `y` grants is granted by `x`.
bool covers(const ToolSet& x, const ToolSet& y) {
  if (y.mode == ToolMode::None || x.mode == ToolMode::All) return true;
  if (x.mode == ToolMode::None) return y.mode == ToolMode::Allow && y.tools.empty();
  if (x.mode == ToolMode::Allow) return y.mode == ToolMode::Allow && set_minus(y.tools, x.tools).empty();
  // x is AllBut
  if (y.mode == ToolMode::Allow) return set_inter(y.tools, x.tools).empty();
  return grants_all_listed(y) && y.mode == ToolMode::AllBut && set_minus(x.tools, y.tools).empty();
}

// ------------------------------------------------------------- examples --

std::vector<std::string> examples_of(const std::string& description) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while ((pos = description.find("<example>", pos)) != std::string::npos) {
    const std::size_t end = description.find("</example>", pos);
    if (end == std::string::npos) break;
    out.push_back(description.substr(pos, end + 10 - pos));
    pos = end + 10;
  }
  return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
  return s;
}

// Literal "\n" escapes (a lenient plain scalar) read as line breaks.
std::string unescape(const std::string& s) { return replace_all(s, "\\n", "\n"); }

struct Ctx {
  const FrontmatterInput& in;
  AgentFile& out;
  MergeReport& report;
  std::string merged_name;  // set by merge_name

  const AgentFile& primary() const { return *in.sources[in.primary]; }
  void entry(std::string key, Value v) {
    FrontmatterEntry e;
    e.key = std::move(key);
    e.value = std::move(v);
    out.frontmatter.entries.push_back(std::move(e));
  }
  Decision& decide(std::string subject, std::string policy, std::string chosen, std::string message,
                   Review review) {
    Decision d;
    d.subject = std::move(subject);
    d.policy = std::move(policy);
    d.chosen = std::move(chosen);
    d.message = std::move(message);
    d.review = review;
    report.decisions.push_back(std::move(d));
    return report.decisions.back();
  }
};

void merge_name(Ctx& c) {
  const Config& cfg = c.in.options->config;
  std::vector<std::string> values;
  std::map<std::string, int> counts;
  for (const AgentFile* f : c.in.sources) {
    values.push_back(f->name());
    ++counts[canonical_name(cfg, f->name())];
  }
  std::string chosen;
  std::string policy = "most-common";
  if (c.in.options->name) {
    chosen = *c.in.options->name;
    policy = "option";
  } else {
    std::string best = canonical_name(cfg, c.primary().name());
    for (const auto& [n, k] : counts)
      if (k > counts[best]) best = n;
    chosen = best;
    if (canonical_name(cfg, c.primary().name()) == best) {
      chosen = c.primary().name();
    } else {
      for (const AgentFile* f : c.in.sources)
        if (canonical_name(cfg, f->name()) == best) {
          chosen = f->name();
          break;
        }
    }
  }
  // The target's spelling, when a variant already uses it: python_pro and
  // python-pro merged into Claude are python-pro.
  std::string note;
  const std::string spelled = target_spelling(c.in.target, chosen);
  if (policy != "option" && spelled != chosen &&
      std::any_of(c.in.sources.begin(), c.in.sources.end(),
                  [&](const AgentFile* f) { return f->name() == spelled; })) {
    note = " (the " + std::string(to_string(c.in.target)) + " spelling of '" + chosen + "')";
    chosen = spelled;
  }
  c.merged_name = chosen;
  // Agents named by their file alone (opencode) stay so unless told otherwise.
  const bool any_key = std::any_of(c.in.sources.begin(), c.in.sources.end(), [](const AgentFile* f) {
    return f->frontmatter.find("name") != nullptr;
  });
  if (any_key || policy == "option") c.entry("name", Value::string(chosen));
  if (counts.size() > 1 || policy == "option" || !note.empty()) {
    c.decide("frontmatter.name", policy, chosen,
             "name '" + chosen + "' chosen among the variants' names" + note, Review::NotNeeded)
        .source_values = values;
  }
}

// The variants' other names in the merged description (its examples:
// "I will use the python_pro agent") become the merged name: a decision.
void rename_in_description(Ctx& c, Value& v) {
  std::vector<std::string> names;
  for (const AgentFile* f : c.in.sources)
    if (f->name() != c.merged_name && !f->name().empty() &&
        std::find(names.begin(), names.end(), f->name()) == names.end())
      names.push_back(f->name());
  int count = 0;
  v.scalar = rename_mentions(v.scalar, names, c.merged_name, count);
  if (count == 0) return;
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "'" : ", '") + n + "'";
  c.decide("frontmatter.description", "rename-mentions", c.merged_name,
           std::to_string(count) + " mention(s) of " + list +
               " in the description (its examples) are written as '" + c.merged_name + "'",
           Review::NotNeeded);
}

void merge_description(Ctx& c) {
  const double threshold = c.in.options->config.thresholds.example;
  const FrontmatterEntry* pe = c.primary().frontmatter.find("description");
  Value v = pe ? pe->value : Value::string("");
  const bool literal_escapes = v.scalar.find("\\n") != std::string::npos && v.scalar.find('\n') == std::string::npos;
  std::vector<std::string> kept_norms;
  for (const auto& ex : examples_of(v.scalar)) kept_norms.push_back(normalize_text(unescape(ex)));
  for (std::size_t i = 0; i < c.in.sources.size(); ++i) {
    const AgentFile& f = *c.in.sources[i];
    const FrontmatterEntry* e = f.frontmatter.find("description");
    if (e == nullptr || !e->value.is_string()) continue;
    SourceBlock desc{i, e->line, e->end_line, "description", "frontmatter", e->value.scalar,
                     BlockFate::Kept, -1, 1.0, "", ""};
    if (i != c.in.primary) {
      const double sim = token_similarity(normalize_text(unescape(v.scalar)), normalize_text(unescape(e->value.scalar)));
      desc.similarity = sim;
      desc.fate = sim >= 1.0 ? BlockFate::Folded : BlockFate::Dropped;
      if (desc.fate == BlockFate::Dropped) desc.policy = "description-primary";
    }
    c.report.source_blocks.push_back(desc);
    if (i == c.in.primary) continue;
    for (const auto& ex : examples_of(e->value.scalar)) {
      const std::string norm = normalize_text(unescape(ex));
      double best = 0;
      for (const auto& k : kept_norms) best = std::max(best, token_similarity(k, norm));
      SourceBlock sb{i, e->line, e->end_line, "example", "frontmatter.description", ex,
                     BlockFate::Folded, -1, best, "", ""};
      if (best < threshold) {
        const std::string text = literal_escapes ? replace_all(unescape(ex), "\n", "\\n") : unescape(ex);
        const std::string sep = literal_escapes ? "\\n\\n" : "\n\n";
        v.scalar += v.scalar.empty() ? text : sep + text;
        kept_norms.push_back(norm);
        sb.fate = BlockFate::Kept;
        sb.similarity = 1.0;
      }
      c.report.source_blocks.push_back(sb);
    }
  }
  rename_in_description(c, v);
  if (pe != nullptr || !v.scalar.empty()) c.entry("description", v);
}

// The source a reviewer chose for `key` (merge --decisions), or null. A
// choice naming no source of this merge, or a source without the key, is
// a stale choice: recorded, and the policy applies.
const AgentFile* chosen_source(Ctx& c, const std::string& key) {
  std::vector<std::string> names;
  for (const AgentFile* f : c.in.sources) names.push_back(f->source_name);
  for (const ValueChoice& v : c.in.options->choices.values) {
    if (v.key != key) continue;
    if (const auto i = match_source(names, v.source)) {
      const AgentFile* f = c.in.sources[*i];
      if (f->frontmatter.find(key) != nullptr || key == "tools") return f;
    }
    c.decide("frontmatter." + key, "stale-choice", v.source,
             "the decisions file takes '" + key + "' from " + v.source +
                 ", which is not a source of this merge or has no '" + key + "'; not applied",
             Review::Needed);
  }
  return nullptr;
}

bool states_tools(const AgentFile& f) {
  return f.frontmatter.find("tools") != nullptr || f.frontmatter.find("permission") != nullptr ||
         f.frontmatter.find("disallowedTools") != nullptr ||
         readonly_flag(f.frontmatter.find("readonly"));
}

// What `f` states, for Union and Intersection: its grant, except that an
// opencode map of only `true` entries states the tools it names (opencode
// grants all of them at run time; stated_tool_set). Such sources are listed
// in `named_only`.
ToolSet stated_grant(const AgentFile& f, std::vector<std::string>& named_only) {
  if (f.format != Format::Opencode || f.tools.mode != ToolMode::All) return f.tools;
  ToolSet s =
      stated_tool_set(f.format, f.frontmatter.find("tools"), f.frontmatter.find("permission"));
  if (s.mode != ToolMode::All) named_only.push_back(f.source_name);
  return s;
}

// The merged set. Union and Intersection run over the sources that state
// tools (the others are listed in `unstated`), each as stated_grant reads
// it; with none, the result is unspecified (All, written as no key).
// AllSources reads a missing key as all tools, as the formats do at run time.
ToolSet merged_tools(const Ctx& c, ToolPolicy policy, std::vector<std::string>& unstated,
                     std::vector<std::string>& named_only) {
  if (policy == ToolPolicy::Primary) return c.primary().tools;
  std::optional<ToolSet> result;
  for (const AgentFile* f : c.in.sources) {
    if (policy != ToolPolicy::AllSources && !states_tools(*f)) {
      unstated.push_back(f->source_name);
      continue;
    }
    const ToolSet s = policy == ToolPolicy::AllSources ? f->tools : stated_grant(*f, named_only);
    if (!result) {
      result = s;
    } else {
      result = policy == ToolPolicy::Intersection ? tools_intersection(*result, s)
                                                  : tools_union(*result, s);
    }
  }
  return result.value_or(ToolSet{});
}

// What `result` grants that a restricted source withheld: the ids a deny
// list (AllBut) names, or for a read-only source (granting no modifying
// tool) the modifying tools. Empty for an unrestricted source.
Ids withheld_but_granted(const ToolSet& source, const ToolSet& result) {
  Ids out;
  if (source.mode == ToolMode::AllBut) {
    for (const std::string& id : source.tools)
      if (result.allows(id)) out.push_back(id);
    return out;
  }
  if (source.mode == ToolMode::All) return out;
  if (std::any_of(source.tools.begin(), source.tools.end(),
                  [](const std::string& id) { return modifies(id); }))
    return out;
  for (const std::string_view id : modifying_tools())
    if (result.allows(id)) out.emplace_back(id);
  return out;
}

// A danger decision when the result grants what a stated, restricted
// source withheld: never a silent widening.
void flag_widening(Ctx& c, const ToolSet& result, const std::vector<std::string>& values) {
  std::string msg;
  for (const AgentFile* f : c.in.sources) {
    if (!states_tools(*f)) continue;
    const Ids w = withheld_but_granted(f->tools, result);
    if (w.empty()) continue;
    std::string ids;
    for (const std::string& id : w) ids += (ids.empty() ? "" : ", ") + id;
    msg += (msg.empty() ? "grants " : "; grants ") + ids + " that " + f->source_name +
           (f->tools.mode == ToolMode::AllBut ? " denies" : " (read-only) does not");
  }
  if (msg.empty()) return;
  c.decide("frontmatter.tools", "widened-past-restriction", show(result),
           msg + "; narrow the tools or confirm", Review::Danger)
      .source_values = values;
}

// Writes the tools entry for the target; returns what the written entry
// grants when the target reads it. A target with no deny syntax gets an
// all-but set as the allowlist of the known tools (never the silent "all"
// that would re-grant what a source denies).
ToolSet write_tools(Ctx& c, ToolSet result) {
  std::vector<std::string> ignored;
  const bool same_as_primary =
      (result == c.primary().tools || result == stated_grant(c.primary(), ignored)) &&
      c.in.target == c.primary().format;
  if (same_as_primary) {
    for (const char* k : {"tools", "permission"})
      if (const auto* e = c.primary().frontmatter.find(k)) c.entry(k, e->value);
    return c.primary().tools;  // what the entries, kept as written, grant
  }
  ToolsRendering r = render_tools(c.in.target, result);
  if (r.widened && result.mode == ToolMode::AllBut) {
    const std::string denied = show(result);
    ToolSet narrowed = explicit_allowlist(c.in.target, c.in.target, result.tools);
    // MCP and unknown tools a source names by name stay granted: they are
    // inside the all-but set, and dropping them would make merging the
    // output with that source again add them back.
    for (const AgentFile* f : c.in.sources)
      if (f->tools.mode == ToolMode::Allow)
        for (const std::string& id : f->tools.tools)
          if (result.allows(id) && (id.starts_with("mcp:") || id.starts_with("other:")))
            narrowed.tools.push_back(id);
    std::sort(narrowed.tools.begin(), narrowed.tools.end());
    narrowed.tools.erase(std::unique(narrowed.tools.begin(), narrowed.tools.end()),
                         narrowed.tools.end());
    result = std::move(narrowed);
    r = render_tools(c.in.target, result);
    c.out.tools = result;
    c.decide("frontmatter.tools", "narrowed-by-format", show(result),
             "the target format cannot deny single tools; '" + denied +
                 "' is written as the list of the known tools and of the MCP and unknown tools "
                 "a source names; other MCP and unknown tools are no longer granted",
             Review::Needed);
  }
  if (r.value) c.entry("tools", *r.value);
  if (!r.inexpressible.empty()) {
    std::string ids;
    for (const auto& id : r.inexpressible) ids += (ids.empty() ? "" : ", ") + id;
    c.decide("frontmatter.tools", "inexpressible", ids,
             "the target format cannot express these tools: " + ids, Review::Needed);
  }
  if (r.widened)
    c.decide("frontmatter.tools", "widened-by-format", show(result),
             "the target format cannot write this tool set exactly; it grants more", Review::Needed);
  return granted_by(c.in.target, r, "");
}

void merge_tools(Ctx& c) {
  const ToolPolicy policy = c.in.options->config.tools;
  std::vector<std::string> unstated, named_only;
  const AgentFile* reviewer = chosen_source(c, "tools");
  const ToolSet result = reviewer != nullptr ? reviewer->tools : merged_tools(c, policy, unstated, named_only);
  c.out.tools = result;
  std::vector<std::string> values;
  std::vector<std::string> widened, narrowed;
  for (const AgentFile* f : c.in.sources) {
    values.push_back(states_tools(*f) ? show(f->tools) : "");
    if (!covers(f->tools, result)) widened.push_back(f->source_name);
    if (!covers(result, f->tools)) narrowed.push_back(f->source_name);
  }
  const ToolSet granted = write_tools(c, result);
  if (reviewer != nullptr) {
    c.decide("frontmatter.tools", "reviewer", show(result),
             "the decisions file takes the tools of " + reviewer->source_name, Review::NotNeeded)
        .source_values = values;
  } else if (!widened.empty() || !narrowed.empty()) {
    std::string msg = std::string(to_string(policy)) + " gives " + show(result);
    if (!widened.empty()) msg += "; wider than " + std::to_string(widened.size()) + " source(s)";
    if (!narrowed.empty()) msg += "; narrower than " + std::to_string(narrowed.size()) + " source(s)";
    if (!unstated.empty()) {
      msg += "; " + std::to_string(unstated.size()) +
             " source(s) state no tools and were not read as a grant of all tools "
             "(--tools all-sources reads them so)";
    }
    for (const std::string& n : named_only)
      msg += "; " + n + " only enables tools (opencode grants every tool): read as the tools it names";
    // Review when the primary's own explicit grant changed; narrowing an
    // unstated primary to what the other variants state is least privilege.
    const Review review = states_tools(c.primary()) && (!covers(c.primary().tools, result) ||
                                                        !covers(result, c.primary().tools))
                              ? Review::Needed
                              : Review::NotNeeded;
    c.decide("frontmatter.tools", std::string(to_string(policy)), show(result), msg, review)
        .source_values = values;
  }
  flag_widening(c, granted, values);
}

// `rejected` is a value the target does not accept. Returns what to write
// instead: the most common accepted value of another variant, else the
// rejected one when a variant in the target's format wrote it (a person's
// choice in that format, kept), else nothing. Always a review decision.
const Value* accepted_value(Ctx& c, const std::string& key, const Value& rejected,
                            const std::vector<std::string>& values) {
  const std::string target(to_string(c.in.target));
  const Value* best = nullptr;
  std::size_t best_n = 0;
  bool own_format = false;
  for (const AgentFile* f : c.in.sources) {
    const FrontmatterEntry* e = f->frontmatter.find(key);
    if (e == nullptr) continue;
    if (e->value == rejected && f->format == c.in.target) own_format = true;
    if (!target_accepts(c.in.target, key, e->value)) continue;
    std::size_t n = 0;
    for (const AgentFile* g : c.in.sources)
      if (const FrontmatterEntry* h = g->frontmatter.find(key); h && h->value == e->value) ++n;
    if (n > best_n) best = &e->value, best_n = n;
  }
  const std::string what = "'" + show(rejected) + "' is not a " + target + " " + key;
  if (best != nullptr) {
    c.decide("frontmatter." + key, "target-accepts", show(*best),
             what + "; another variant's '" + show(*best) + "' is written", Review::Needed)
        .source_values = values;
    return best;
  }
  c.decide("frontmatter." + key, own_format ? "kept-unknown" : "not-accepted",
           own_format ? show(rejected) : "",
           what + (own_format ? "; kept as the " + target + " variant wrote it"
                              : "; the key is not written"),
           Review::Needed)
      .source_values = values;
  return own_format ? &rejected : nullptr;
}

void merge_value(Ctx& c, const std::string& key) {
  const KeyRule rule = rule_for(key);
  const Config& cfg = c.in.options->config;
  const auto pol_it = cfg.key_policies.find(key);
  const ValuePolicy policy = pol_it != cfg.key_policies.end() ? pol_it->second : cfg.default_policy;
  std::vector<std::string> values;
  std::vector<const Value*> present;
  for (const AgentFile* f : c.in.sources) {
    const FrontmatterEntry* e = f->frontmatter.find(key);
    values.push_back(e ? show(e->value) : "");
    if (e) present.push_back(&e->value);
  }
  if (const AgentFile* f = chosen_source(c, key)) {
    const Value& v = f->frontmatter.find(key)->value;
    c.entry(key, v);
    c.decide("frontmatter." + key, "reviewer", show(v),
             "the decisions file takes '" + key + "' from " + f->source_name +
                 (target_accepts(c.in.target, key, v)
                      ? std::string()
                      : "; not a value " + std::string(to_string(c.in.target)) + " knows"),
             Review::NotNeeded)
        .source_values = values;
    return;
  }
  const FrontmatterEntry* pe = c.primary().frontmatter.find(key);
  const Value* chosen = (policy == ValuePolicy::Primary && pe) ? &pe->value : nullptr;
  if (!chosen) {
    std::size_t best = 0;
    for (const Value* v : present) {
      const auto n = static_cast<std::size_t>(std::count_if(present.begin(), present.end(),
                                                            [&](const Value* w) { return *w == *v; }));
      const bool primary_tie = pe && *v == pe->value;
      if (n > best || (n == best && primary_tie)) {
        best = n;
        chosen = v;
      }
    }
  }
  std::vector<std::string> distinct;
  for (const Value* v : present)
    if (std::find(distinct.begin(), distinct.end(), show(*v)) == distinct.end()) distinct.push_back(show(*v));
  // A key of another format is carried only when the primary has it and is
  // in the target format (as fmt keeps it), so one variant merged alone
  // stays as it is; an opencode primary's `mode` never lands in a Claude file.
  const bool in_target =
      rule.formats.empty() || (pe != nullptr && c.primary().format == c.in.target) ||
      std::find(rule.formats.begin(), rule.formats.end(), c.in.target) != rule.formats.end();
  if (!in_target) {
    c.decide("frontmatter." + key, "not-in-target", "",
             "'" + key + "' is not a " + std::string(to_string(c.in.target)) + " key; not carried over",
             Review::NotNeeded)
        .source_values = values;
    return;
  }
  if (!target_accepts(c.in.target, key, *chosen)) {
    chosen = accepted_value(c, key, *chosen, values);
    if (chosen == nullptr) return;
  }
  c.entry(key, *chosen);
  if (distinct.size() > 1 || present.size() != c.in.sources.size()) {
    c.decide("frontmatter." + key, std::string(to_string(policy)), show(*chosen),
             distinct.size() > 1 ? "the variants disagree on '" + key + "'"
                                 : "'" + key + "' is set by some variants only",
             distinct.size() > 1 ? rule.on_conflict : Review::NotNeeded)
        .source_values = values;
  }
}

}  // namespace

void merge_frontmatter(const FrontmatterInput& in, AgentFile& out, MergeReport& report) {
  Ctx c{in, out, report, {}};
  out.frontmatter.mode = FrontmatterMode::Strict;
  merge_name(c);
  merge_description(c);
  merge_tools(c);
  // Other keys: the primary's order first, then the others' in source order.
  std::vector<std::string> keys;
  std::vector<const AgentFile*> order{&c.primary()};
  for (const AgentFile* f : in.sources) order.push_back(f);
  for (const AgentFile* f : order)
    for (const auto& e : f->frontmatter.entries) {
      const KeyKind kind = rule_for(e.key).kind;
      if (kind == KeyKind::Value && std::find(keys.begin(), keys.end(), e.key) == keys.end())
        keys.push_back(e.key);
    }
  for (const auto& k : keys) merge_value(c, k);
  // A value choice for a key no source has (or one built from several
  // sources) is reported, never silently ignored.
  for (const ValueChoice& v : in.options->choices.values)
    if (v.key != "tools" && std::find(keys.begin(), keys.end(), v.key) == keys.end())
      c.decide("frontmatter." + v.key, "stale-choice", v.source,
               "the decisions file takes '" + v.key + "' from " + v.source +
                   ", but no source of this merge has a '" + v.key +
                   "' that can be taken from one source; not applied",
               Review::Needed);
}

}  // namespace agentmerge::detail
