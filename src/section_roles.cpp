// Section roles from headings: a table of exact headings first, then a
// table of keywords (see section_roles.hpp).
//
//   before: "**Your Approach:**"  after: Workflow (exact heading "your approach")
//   before: "Security Guardrails" after: Boundaries (keyword "guardrail")
//
// Only a heading of the first table is a generic role heading: sections
// align by it. A keyword names the role of a topic ("Technology Stack
// Expertise"), which orders the section but keeps its title.
#include "agentmerge/section_roles.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "agentmerge/normalize.hpp"

namespace agentmerge {

namespace {

constexpr std::array<std::string_view, kSectionRoleCount> kNames{
    "identity", "when-to-use", "expertise", "principles", "workflow", "output",
    "communication", "boundaries", "tools", "examples", "other"};

struct Heading {
  std::string_view title;  // normalized
  SectionRole role;
};

// Headings as agent collections write them (normalized: lowercase, markup
// and trailing ':' removed).
constexpr Heading kHeadings[] = {
    {"role", SectionRole::Identity},
    {"identity", SectionRole::Identity},
    {"purpose", SectionRole::Identity},
    {"mission", SectionRole::Identity},
    {"overview", SectionRole::Identity},
    {"about", SectionRole::Identity},
    {"who you are", SectionRole::Identity},
    {"triggers", SectionRole::WhenToUse},
    {"when to use", SectionRole::WhenToUse},
    {"when to invoke", SectionRole::WhenToUse},
    {"use cases", SectionRole::WhenToUse},
    {"activation", SectionRole::WhenToUse},
    {"focus areas", SectionRole::Expertise},
    {"core competencies", SectionRole::Expertise},
    {"key capabilities", SectionRole::Expertise},
    {"capabilities", SectionRole::Expertise},
    {"expertise", SectionRole::Expertise},
    {"your primary responsibilities", SectionRole::Expertise},
    {"responsibilities", SectionRole::Expertise},
    {"behavioral mindset", SectionRole::Principles},
    {"mindset", SectionRole::Principles},
    {"philosophy", SectionRole::Principles},
    {"decision framework", SectionRole::Principles},
    {"approach", SectionRole::Workflow},
    {"your approach", SectionRole::Workflow},
    {"key actions", SectionRole::Workflow},
    {"when invoked", SectionRole::Workflow},
    {"deliverables", SectionRole::Output},
    {"outputs", SectionRole::Output},
    {"communication style", SectionRole::Communication},
    {"boundaries", SectionRole::Boundaries},
    {"examples", SectionRole::Examples},
    {"your role", SectionRole::Identity},
    {"your mission", SectionRole::Identity},
    {"expert purpose", SectionRole::Identity},
    {"core capabilities", SectionRole::Expertise},
    {"core responsibilities", SectionRole::Expertise},
    {"key responsibilities", SectionRole::Expertise},
    {"core expertise", SectionRole::Expertise},
    {"your expertise", SectionRole::Expertise},
    {"principles", SectionRole::Principles},
    {"core principles", SectionRole::Principles},
    {"key principles", SectionRole::Principles},
    {"guiding principles", SectionRole::Principles},
    {"core philosophy", SectionRole::Principles},
    {"behavioral traits", SectionRole::Principles},
    {"guidelines", SectionRole::Principles},
    {"best practices", SectionRole::Principles},
    {"workflow", SectionRole::Workflow},
    {"development workflow", SectionRole::Workflow},
    {"response approach", SectionRole::Workflow},
    {"process", SectionRole::Workflow},
    {"output", SectionRole::Output},
    {"output format", SectionRole::Output},
    {"response style", SectionRole::Communication},
    {"example interactions", SectionRole::Examples},
};

struct Keyword {
  std::string_view word;  // a prefix of a word of the heading
  SectionRole role;
};

// Checked in order after the exact headings: the first keyword that starts
// a word of the heading decides ("Output Quality Standards" is Output).
constexpr Keyword kKeywords[] = {
    {"example", SectionRole::Examples},
    {"boundar", SectionRole::Boundaries},
    {"limitation", SectionRole::Boundaries},
    {"constraint", SectionRole::Boundaries},
    {"guardrail", SectionRole::Boundaries},
    {"safety", SectionRole::Boundaries},
    {"restriction", SectionRole::Boundaries},
    {"output", SectionRole::Output},
    {"deliverable", SectionRole::Output},
    {"template", SectionRole::Output},
    {"report", SectionRole::Output},
    {"format", SectionRole::Output},
    {"workflow", SectionRole::Workflow},
    {"process", SectionRole::Workflow},
    {"methodology", SectionRole::Workflow},
    {"procedure", SectionRole::Workflow},
    {"steps", SectionRole::Workflow},
    {"communicat", SectionRole::Communication},
    {"tone", SectionRole::Communication},
    {"collaborat", SectionRole::Communication},
    {"principle", SectionRole::Principles},
    {"guideline", SectionRole::Principles},
    {"practices", SectionRole::Principles},
    {"philosoph", SectionRole::Principles},
    {"values", SectionRole::Principles},
    {"rules", SectionRole::Principles},
    {"tool", SectionRole::Tools},
    {"integration", SectionRole::Tools},
    {"mcp", SectionRole::Tools},
    {"commands", SectionRole::Tools},
    {"trigger", SectionRole::WhenToUse},
    {"competenc", SectionRole::Expertise},
    {"capabilit", SectionRole::Expertise},
    {"expertise", SectionRole::Expertise},
    {"responsibilit", SectionRole::Expertise},
    {"focus", SectionRole::Expertise},
    {"skills", SectionRole::Expertise},
    {"speciali", SectionRole::Expertise},
    {"identity", SectionRole::Identity},
    {"purpose", SectionRole::Identity},
};

bool starts_a_word(std::string_view text, std::string_view prefix) {
  for (std::size_t at = text.find(prefix); at != std::string_view::npos; at = text.find(prefix, at + 1))
    if (at == 0 || text[at - 1] == ' ') return true;
  return false;
}

}  // namespace

std::string_view to_string(SectionRole r) { return kNames[static_cast<std::size_t>(r)]; }

std::optional<SectionRole> parse_section_role(std::string_view word) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == word) return static_cast<SectionRole>(i);
  return std::nullopt;
}

SectionRole heading_role(std::string_view title) {
  const std::string t = normalize_title(title);
  for (const Heading& h : kHeadings)
    if (h.title == t) return h.role;
  return SectionRole::Other;
}

SectionRole role_of(std::string_view title) {
  if (const SectionRole r = heading_role(title); r != SectionRole::Other) return r;
  const std::string t = normalize_title(title);
  for (const Keyword& k : kKeywords)
    if (starts_a_word(t, k.word)) return k.role;
  return SectionRole::Other;
}

bool protected_role(SectionRole r) {
  return r == SectionRole::Output || r == SectionRole::Workflow || r == SectionRole::Boundaries;
}

const std::array<SectionRole, kSectionRoleCount>& default_section_order() {
  static constexpr std::array<SectionRole, kSectionRoleCount> order{
      SectionRole::Identity,   SectionRole::WhenToUse,     SectionRole::Expertise,
      SectionRole::Other,      SectionRole::Principles,    SectionRole::Workflow,
      SectionRole::Output,     SectionRole::Communication, SectionRole::Boundaries,
      SectionRole::Tools,      SectionRole::Examples};
  return order;
}

static_assert(kNames.size() == kSectionRoleCount, "one name per section role");

}  // namespace agentmerge
