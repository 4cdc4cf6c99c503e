// Section roles: what a section of an agent file is for, from its heading.
//
//   role_of("Core Competencies")      -> Expertise   (a heading of the table)
//   role_of("Your Approach")          -> Workflow
//   role_of("Mandated Output Structure") -> Output   (keyword "output")
//   role_of("Database Patterns")      -> Other       (a topic, not a role)
//
// The merged agent has one section per role, in a canonical order (the
// config's `section_order`), so "Focus Areas", "Key Capabilities" and "Core
// Competencies" of three variants become one section.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace agentmerge {

enum class SectionRole {
  Identity,
  WhenToUse,
  Expertise,
  Principles,
  Workflow,
  Output,
  Communication,
  Boundaries,
  Tools,
  Examples,
  Other,
};
inline constexpr std::size_t kSectionRoleCount = 11;

// "identity", "when-to-use", "expertise", ...; parse_section_role is its inverse.
std::string_view to_string(SectionRole r);
std::optional<SectionRole> parse_section_role(std::string_view word);

// The role of a heading (any case and markup; normalize_title is applied):
// a generic role heading, else the first role keyword among its words.
SectionRole role_of(std::string_view title);
// The role when `title` is a generic role heading ("Focus Areas", "Key
// Capabilities"), else Other: "Technology Stack Expertise" names a topic.
// Top-level sections of different documents align by this role.
SectionRole heading_role(std::string_view title);

// Roles whose lists are never broken up by topic moves: an output template,
// a workflow's steps and the boundaries keep their items where they are.
bool protected_role(SectionRole r);

// The default canonical order of roles in a merged agent.
const std::array<SectionRole, kSectionRoleCount>& default_section_order();

}  // namespace agentmerge
