// merge3: which merge a file gets, and the bytes around it.
//
//   ours == base                      -> theirs' bytes        (Verbatim)
//   README.md (no agent frontmatter)  -> lines, as git would  (Lines, a note)
//   .claude/agents/api.md             -> keys, sections, items (Structured)
//
// The result keeps ours' byte-order mark and line endings: a side that only
// converted the file to CRLF changes nothing else.
#include "agentmerge/merge3.hpp"

#include "diff_internal.hpp"
#include "merge3_internal.hpp"

namespace agentmerge {

namespace {

using merge3_detail::Merge3Ctx;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The bytes as text: BOM removed, CRLF -> LF.
std::string as_lf(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size(); ++i)
    if (!(bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n')) out += bytes[i];
  return out;
}

// Ours' BOM and CRLF line endings put back on an LF result.
std::string in_ours_encoding(const std::string& text, std::string_view ours) {
  const bool bom = ours.substr(0, 3) == "\xEF\xBB\xBF";
  const std::size_t nl = ours.find('\n');
  const bool crlf = nl != std::string_view::npos && nl > 0 && ours[nl - 1] == '\r';
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  for (const char c : text) {
    if (c == '\n' && crlf) out += '\r';
    out += c;
  }
  return out;
}

bool is_unreadable(const Error& e) {
  return e.code == "too-large" || e.code == "nul-byte" || e.code == "utf16" ||
         e.code == "invalid-utf8";
}

Merge3Result line_merge(const Merge3Input& base, const Merge3Input& ours,
                        const Merge3Input& theirs, Merge3Ctx& ctx, const std::string& why) {
  ctx.note(0, "merge3-lines", why + "; merged line by line");
  Merge3Result r;
  r.mode = Merge3Mode::Lines;
  r.text = in_ours_encoding(
      merge3_detail::merge_lines(as_lf(base.bytes), as_lf(ours.bytes), as_lf(theirs.bytes), ctx),
      ours.bytes);
  return r;
}

merge3_detail::Merge3Side side_of(const AgentFile& file, std::string_view bytes) {
  return {&file, detail::split_lines(as_lf(bytes))};
}

}  // namespace

std::string_view to_string(Merge3Mode mode) {
  switch (mode) {
    case Merge3Mode::Structured: return "structured";
    case Merge3Mode::Lines: return "lines";
    case Merge3Mode::Verbatim: return "verbatim";
  }
  return "structured";
}

Result<Merge3Result> merge3(const Merge3Input& base, const Merge3Input& ours,
                            const Merge3Input& theirs, const Merge3Options& options) {
  const std::string path = options.path.empty() ? ours.name : options.path;
  Merge3Ctx ctx;
  ctx.marker_size = options.marker_size;
  ctx.file = path;
  const Merge3Input* inputs[] = {&base, &ours, &theirs};
  std::vector<AgentFile> files;
  std::string refused;
  for (const Merge3Input* in : inputs) {
    auto parsed = parse_agent(in->bytes, path, options.parse);
    if (!parsed.ok()) {
      if (is_unreadable(parsed.error())) {
        Error e = parsed.error();
        e.file = in->name;
        return e;
      }
      if (refused.empty()) refused = in->name + ": " + parsed.error().message;
      continue;
    }
    files.push_back(std::move(parsed).value());
  }
  Merge3Result result;
  result.mode = Merge3Mode::Verbatim;
  if (ours.bytes == theirs.bytes || theirs.bytes == base.bytes) {
    result.text = std::string(ours.bytes);
  } else if (ours.bytes == base.bytes) {
    result.text = std::string(theirs.bytes);
  } else if (ends_with(path, ".toml") || ends_with(path, ".json")) {
    result = line_merge(base, ours, theirs, ctx, "a TOML or JSON agent file");
  } else if (!refused.empty()) {
    result = line_merge(base, ours, theirs, ctx, "the agent reader refused " + refused);
  } else if (!looks_like_agent(path, base.bytes) && !looks_like_agent(path, ours.bytes) &&
             !looks_like_agent(path, theirs.bytes)) {
    result = line_merge(base, ours, theirs, ctx,
                        "not an agent file (no frontmatter with a name or description, not in "
                        "an agent folder)");
  } else {
    const auto sb = side_of(files[0], base.bytes), so = side_of(files[1], ours.bytes),
               st = side_of(files[2], theirs.bytes);
    const std::string fm = merge3_detail::merge_frontmatter(sb, so, st, ctx);
    const std::string body =
        merge3_detail::merge_body(files[0].body, files[1].body, files[2].body, ctx);
    result.mode = Merge3Mode::Structured;
    result.text = in_ours_encoding(fm + (!fm.empty() && !body.empty() ? "\n" : "") + body, ours.bytes);
  }
  result.conflicts = ctx.conflicts;
  result.notes = std::move(ctx.notes);
  return result;
}

}  // namespace agentmerge
