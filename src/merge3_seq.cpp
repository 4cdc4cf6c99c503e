// The diff3 walk shared by every level of merge3 (frontmatter keys, sections,
// blocks, list items, and lines for files that are not agent files).
//
//   base [A, B, C]   ours [A, B2, C]   theirs [A, B, C, D]
//     -> chunks: Stable A, Ours [B2] (theirs kept B), Stable C, Theirs [D]
//     -> merge_units: [A, B2, C, D]
//
// Alignment is dtl's LCS of each side against the base; a chunk runs from
// one element all three share to the next. Where the sides replaced the
// same number of units, the units are merged position by position, so two
// edits to neighbouring items are not one conflict (git merge-file would
// conflict on neighbouring lines; the line fallback keeps its behaviour).
#include <algorithm>
#include <cctype>
#include <map>

#include <dtl/dtl.hpp>

#include "agentmerge/normalize.hpp"
#include "diff_internal.hpp"
#include "merge3_internal.hpp"

namespace agentmerge::merge3_detail {

namespace {

constexpr long kNone = -1;

// For each element of `a`, the index of its LCS partner in `b` (or kNone).
std::vector<long> lcs_partners(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<long> m(a.size(), kNone);
  if (a.empty() || b.empty()) return m;
  dtl::Diff<std::string> d(a, b);
  d.compose();
  for (const auto& [elem, info] : d.getSes().getSequence()) {
    if (info.type == dtl::SES_COMMON)
      m[static_cast<std::size_t>(info.beforeIdx - 1)] = static_cast<long>(info.afterIdx - 1);
  }
  return m;
}

bool range_equal(const std::vector<std::string>& a, std::size_t a0, std::size_t a1,
                 const std::vector<std::string>& b, std::size_t b0, std::size_t b1) {
  return a1 - a0 == b1 - b0 && std::equal(a.begin() + static_cast<long>(a0),
                                          a.begin() + static_cast<long>(a1),
                                          b.begin() + static_cast<long>(b0));
}

Chunk::Kind classify(const Chunk& c, const std::vector<std::string>& base,
                     const std::vector<std::string>& ours, const std::vector<std::string>& theirs) {
  if (range_equal(ours, c.o0, c.o1, base, c.b0, c.b1)) return Chunk::Kind::Theirs;
  if (range_equal(theirs, c.t0, c.t1, base, c.b0, c.b1)) return Chunk::Kind::Ours;
  if (range_equal(ours, c.o0, c.o1, theirs, c.t0, c.t1)) return Chunk::Kind::Same;
  return Chunk::Kind::Conflict;
}

std::vector<std::string> keys_of(const std::vector<Unit>& units) {
  std::vector<std::string> out;
  out.reserve(units.size());
  for (const auto& u : units) out.push_back(u.key);
  return out;
}

std::string joined(const std::vector<Unit>& units, std::size_t from, std::size_t to,
                   const std::string& sep) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) out += (i > from ? sep : "") + units[i].text;
  return out;
}

std::string excerpt(std::string_view text) {
  std::string s = fold_space(text);
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

// Both sides added units at one place: ours', then theirs' that are neither
// the same unit nor a near-duplicate of one of ours'.
void keep_both(const std::vector<Unit>& ours, const std::vector<Unit>& theirs, const Chunk& c,
               const UnitMerge& how, Merge3Ctx& ctx, std::vector<std::string>& out) {
  constexpr double kNearDuplicate = 0.8;
  for (std::size_t i = c.o0; i < c.o1; ++i) out.push_back(ours[i].text);
  for (std::size_t j = c.t0; j < c.t1; ++j) {
    const std::string nt = normalize_text(theirs[j].text);
    const Unit* twin = nullptr;
    double score = 0;
    for (std::size_t i = c.o0; i < c.o1 && twin == nullptr; ++i) {
      score = ours[i].key == theirs[j].key ? 1.0
                                           : token_similarity(normalize_text(ours[i].text), nt);
      if (score >= kNearDuplicate) twin = &ours[i];
    }
    if (twin == nullptr) {
      out.push_back(theirs[j].text);
      continue;
    }
    if (twin->key == theirs[j].key) continue;  // the same addition on both sides
    ctx.note(twin->line, "merge3-near-duplicate",
             "both sides added a " + how.what + " here; theirs' \"" + excerpt(theirs[j].text) +
                 "\" is a near-duplicate of ours' \"" + excerpt(twin->text) +
                 "\" (similarity " + std::to_string(static_cast<int>(score * 100)) +
                 "%), kept ours' only");
  }
}

// A conflict chunk: a both-sides addition, a refined single unit, units
// merged by position, or markers around the chunk.
void resolve_conflict(const std::vector<Unit>& base, const std::vector<Unit>& ours,
                      const std::vector<Unit>& theirs, const Chunk& c, const UnitMerge& how,
                      Merge3Ctx& ctx, std::vector<std::string>& out) {
  const std::size_t nb = c.b1 - c.b0;
  if (nb == 0 && how.both_added == BothAdded::KeepBoth) {
    keep_both(ours, theirs, c, how, ctx, out);
    return;
  }
  if (how.pair_positions && nb > 0 && c.o1 - c.o0 == nb && c.t1 - c.t0 == nb) {
    for (std::size_t k = 0; k < nb; ++k) {
      const Unit& b = base[c.b0 + k];
      const Unit& o = ours[c.o0 + k];
      const Unit& t = theirs[c.t0 + k];
      if (o.key == b.key || o.key == t.key) {
        out.push_back(o.key == b.key ? t.text : o.text);
      } else if (t.key == b.key) {
        out.push_back(o.text);
      } else if (auto r = how.refine ? how.refine(c.b0 + k, c.o0 + k, c.t0 + k) : std::nullopt) {
        out.push_back(*r);
      } else {
        ctx.note(o.line, "merge3-conflict", "both sides changed this " + how.what);
        out.push_back(conflict_text(ctx, o.text, b.text, t.text));
      }
    }
    return;
  }
  ctx.note(c.o0 < ours.size() ? ours[c.o0].line : 0, "merge3-conflict",
           "both sides changed these " + how.what + "s");
  out.push_back(conflict_text(ctx, joined(ours, c.o0, c.o1, how.separator),
                              joined(base, c.b0, c.b1, how.separator),
                              joined(theirs, c.t0, c.t1, how.separator)));
}

}  // namespace

void Merge3Ctx::note(int line, std::string code, std::string message) {
  notes.push_back({Severity::Note, file, line, std::move(code), std::move(message)});
}

std::vector<Chunk> diff3_chunks(const std::vector<std::string>& base,
                                const std::vector<std::string>& ours,
                                const std::vector<std::string>& theirs) {
  const std::vector<long> mo = lcs_partners(base, ours);
  const std::vector<long> mt = lcs_partners(base, theirs);
  std::vector<Chunk> out;
  std::size_t ib = 0, io = 0, it = 0;
  const std::size_t nb = base.size();
  for (;;) {
    std::size_t j = ib;
    while (j < nb && (mo[j] == kNone || mt[j] == kNone)) ++j;
    const std::size_t oe = j < nb ? static_cast<std::size_t>(mo[j]) : ours.size();
    const std::size_t te = j < nb ? static_cast<std::size_t>(mt[j]) : theirs.size();
    if (j == ib && oe == io && te == it) {
      if (j == nb) break;
      out.push_back({Chunk::Kind::Stable, ib, ib + 1, io, io + 1, it, it + 1});
      ++ib, ++io, ++it;
      continue;
    }
    Chunk c{Chunk::Kind::Conflict, ib, j, io, oe, it, te};
    c.kind = classify(c, base, ours, theirs);
    out.push_back(c);
    ib = j, io = oe, it = te;
  }
  return out;
}

std::string conflict_text(Merge3Ctx& ctx, std::string_view ours, std::string_view base,
                          std::string_view theirs) {
  ++ctx.conflicts;
  const auto marker = [&](char c) { return std::string(static_cast<std::size_t>(ctx.marker_size), c); };
  std::string out = marker('<') + " ours\n";
  if (!ours.empty()) out += std::string(ours) + "\n";
  out += marker('|') + " base\n";
  if (!base.empty()) out += std::string(base) + "\n";
  out += marker('=') + "\n";
  if (!theirs.empty()) out += std::string(theirs) + "\n";
  return out + marker('>') + " theirs";
}

std::string fold_space(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char ch : text) {
    if (std::isspace(static_cast<unsigned char>(ch)) != 0) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out;
}

std::vector<std::string> merge_units(const std::vector<Unit>& base, const std::vector<Unit>& ours,
                                     const std::vector<Unit>& theirs, const UnitMerge& how,
                                     Merge3Ctx& ctx) {
  std::vector<std::string> out;
  for (const Chunk& c : diff3_chunks(keys_of(base), keys_of(ours), keys_of(theirs))) {
    switch (c.kind) {
      case Chunk::Kind::Stable: {
        // The same unit; a side that only reformatted it is kept (ours first).
        const Unit& b = base[c.b0];
        out.push_back(ours[c.o0].text != b.text ? ours[c.o0].text : theirs[c.t0].text);
        break;
      }
      case Chunk::Kind::Ours:
      case Chunk::Kind::Same:
        for (std::size_t i = c.o0; i < c.o1; ++i) out.push_back(ours[i].text);
        break;
      case Chunk::Kind::Theirs:
        for (std::size_t i = c.t0; i < c.t1; ++i) out.push_back(theirs[i].text);
        break;
      case Chunk::Kind::Conflict: resolve_conflict(base, ours, theirs, c, how, ctx, out); break;
    }
  }
  return out;
}

std::vector<std::string> merged_order(const std::vector<std::string>& base,
                                      const std::vector<std::string>& ours,
                                      const std::vector<std::string>& theirs) {
  std::vector<std::string> order;
  auto add = [&](const std::string& key) {
    if (std::find(order.begin(), order.end(), key) == order.end()) order.push_back(key);
  };
  for (const Chunk& c : diff3_chunks(base, ours, theirs)) {
    const bool take_theirs = c.kind == Chunk::Kind::Theirs;
    if (!take_theirs)
      for (std::size_t i = c.o0; i < c.o1; ++i) add(ours[i]);
    if (take_theirs || c.kind == Chunk::Kind::Conflict)
      for (std::size_t i = c.t0; i < c.t1; ++i) add(theirs[i]);
  }
  return order;
}

std::vector<std::string> merge_identified(
    const std::vector<std::string>& base, const std::vector<std::string>& ours,
    const std::vector<std::string>& theirs,
    const std::function<std::optional<std::string>(const std::string& key)>& merge_one) {
  std::vector<std::string> order = merged_order(base, ours, theirs);
  std::vector<std::string> all = order;
  for (const auto* side : {&base, &ours, &theirs})
    for (const auto& key : *side)
      if (std::find(all.begin(), all.end(), key) == all.end()) all.push_back(key);
  std::map<std::string, std::string> texts;
  for (const auto& key : all) {
    auto text = merge_one(key);
    if (!text) {
      order.erase(std::remove(order.begin(), order.end(), key), order.end());
      continue;
    }
    const bool in_ours = std::find(ours.begin(), ours.end(), key) != ours.end();
    insert_after_predecessor(order, key, in_ours ? ours : theirs);
    texts[key] = std::move(*text);
  }
  std::vector<std::string> out;
  out.reserve(order.size());
  for (const auto& key : order) out.push_back(std::move(texts[key]));
  return out;
}

void insert_after_predecessor(std::vector<std::string>& order, const std::string& key,
                              const std::vector<std::string>& side) {
  if (std::find(order.begin(), order.end(), key) != order.end()) return;
  auto at = std::find(side.begin(), side.end(), key);
  while (at != side.begin()) {
    --at;
    auto pos = std::find(order.begin(), order.end(), *at);
    if (pos != order.end()) {
      order.insert(pos + 1, key);
      return;
    }
  }
  order.insert(order.begin(), key);
}

std::string merge_lines(std::string_view base, std::string_view ours, std::string_view theirs,
                        Merge3Ctx& ctx) {
  auto units = [](std::string_view text) {
    std::vector<Unit> out;
    int line = 0;
    for (auto& l : detail::split_lines(text)) out.push_back({l, l, ++line});
    return out;
  };
  UnitMerge how;
  how.pair_positions = false;  // git merge-file's behaviour for plain text
  std::string out;
  for (const auto& piece : merge_units(units(base), units(ours), units(theirs), how, ctx))
    out += piece + "\n";
  return out;
}

}  // namespace agentmerge::merge3_detail
