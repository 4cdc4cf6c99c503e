// parse_agent: refusals, encodings, stems, file lines and the format.
#include <gtest/gtest.h>

#include "agentmerge/parse.hpp"

namespace agentmerge {
namespace {

TEST(ParseAgent, RefusesFilesAboveTheCap) {
  ParseOptions o;
  o.max_bytes = 10;
  auto r = parse_agent("---\nname: a\n---\n", "a.md", o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "too-large");
  EXPECT_TRUE(parse_agent("# ok\n", "a.md", o).ok());
}

TEST(ParseAgent, RefusesNulBytesWithTheirLine) {
  auto r = parse_agent(std::string("---\nname: a\n---\nx\0y\n", 18), "a.md");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "nul-byte");
  EXPECT_EQ(r.error().line, 4);
}

TEST(ParseAgent, RefusesInvalidUtf8WithItsLine) {
  for (std::string_view bad : {"\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF"}) {
    auto r = parse_agent("# t\n\nok " + std::string(bad) + "\n", "a.md");
    ASSERT_FALSE(r.ok()) << "accepted bytes of length " << bad.size();
    EXPECT_EQ(r.error().code, "invalid-utf8");
    EXPECT_EQ(r.error().line, 3);
  }
  EXPECT_TRUE(parse_agent("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\n", "a.md").ok());
}

TEST(ParseAgent, UnterminatedFrontmatterIsAnError) {
  auto r = parse_agent("---\nname: a\n# body\n", "a.md");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "unterminated-frontmatter");
  EXPECT_EQ(r.error().line, 1);
  EXPECT_EQ(r.error().file, "a.md");
}

TEST(ParseAgent, StripsTheBomAndNormalizesCrlf) {
  auto r = parse_agent("\xEF\xBB\xBF---\r\nname: a\r\n---\r\n# T\r\n", "a.md");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->encoding.had_bom);
  EXPECT_EQ(r->encoding.line_endings, LineEndings::Crlf);
  EXPECT_EQ(r->frontmatter.get_string("name"), "a");
  EXPECT_EQ(r->body.text, "# T\n");
  EXPECT_EQ(r->body.first_line, 4);
}

TEST(ParseAgent, MixedEndingsAreNoted) {
  auto r = parse_agent("---\r\nname: a\n---\n# T\r\n", "a.md");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->encoding.line_endings, LineEndings::Mixed);
  ASSERT_FALSE(r->diagnostics.empty());
  EXPECT_EQ(r->diagnostics[0].code, "mixed-line-endings");
  EXPECT_EQ(r->diagnostics[0].severity, Severity::Note);
}

TEST(ParseAgent, NoFrontmatterTakesTheNameFromTheStem) {
  auto r = parse_agent("# Reviewer\n\nReviews code.\n", "agents/code-reviewer.agent.md");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->frontmatter.mode, FrontmatterMode::Absent);
  EXPECT_EQ(r->name(), "code-reviewer");
  EXPECT_EQ(r->tools.mode, ToolMode::All);
  EXPECT_EQ(r->body.first_line, 1);
}

TEST(ParseAgent, KeepsNonAsciiTabsAndLongLines) {
  const std::string long_line(100000, 'x');
  auto r = parse_agent("---\nname: \xC3\xA9t\xC3\xA9\ndescription: a\tb\n---\n" + long_line + "\n",
                       "a.md");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->name(), "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(r->description(), "a\tb");
  EXPECT_EQ(r->body.text.size(), long_line.size() + 1);
}

TEST(ParseAgent, ExplicitFormatBeatsPathAndContent) {
  ParseOptions o;
  o.format = Format::Gemini;
  auto r = parse_agent("---\nname: a\ntools: Read\n---\n", "x.agent.md", o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->format, Format::Gemini);
  auto p = parse_agent("---\nname: a\ntools: Read\n---\n", "x.agent.md");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->format, Format::Copilot);
}

TEST(ParseAgent, ToolsFollowTheDetectedFormat) {
  auto r = parse_agent("---\nname: a\ndescription: d\ntools: Read, Bash\n---\nx\n", "a.md");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->format, Format::Claude);
  EXPECT_EQ(r->tools, (ToolSet{ToolMode::Allow, {"read", "shell"}}));
}

TEST(FileStem, DropsFoldersAndKnownSuffixes) {
  EXPECT_EQ(file_stem("a/b/api.md"), "api");
  EXPECT_EQ(file_stem("x\\api.agent.md"), "api");
  EXPECT_EQ(file_stem("api.chatmode.md"), "api");
  EXPECT_EQ(file_stem("001_seed.txt"), "001_seed");
  EXPECT_EQ(file_stem("notes.yaml"), "notes.yaml");
  EXPECT_EQ(file_stem(".md"), ".md");
}

}  // namespace
}  // namespace agentmerge
