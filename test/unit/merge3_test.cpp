// merge3's contract beyond the golden cases (data/cases/merge3/): marker
// length, encodings, unreadable inputs, the diff3 walk.
#include <gtest/gtest.h>

#include "agentmerge/merge3.hpp"
#include "merge3_internal.hpp"

namespace agentmerge {
namespace {

const std::string kBase = "---\nname: a\ndescription: A\nmodel: sonnet\n---\n\n# A\n\n- one\n- two\n";

std::string with(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return s.replace(at, from.size(), to);
}

TEST(Merge3, MarkerSizeIsGits) {
  Merge3Options opt;
  opt.marker_size = 10;
  auto r = merge3({kBase, "b"}, {with(kBase, "sonnet", "opus"), "o"},
                  {with(kBase, "sonnet", "haiku"), "t"}, opt);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->conflicts, 1);
  EXPECT_NE(r->text.find("\n<<<<<<<<<< ours\nmodel: opus\n|||||||||| base\nmodel: sonnet\n"
                         "==========\nmodel: haiku\n>>>>>>>>>> theirs\n"),
            std::string::npos)
      << r->text;
}

TEST(Merge3, KeepsOursBomAndCrlf) {
  const std::string ours = "\xEF\xBB\xBF" + with(kBase, "- two\n", "- two\n- three\n");
  std::string crlf;
  for (char c : ours) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  auto r = merge3({kBase, "b"}, {crlf, "o"}, {with(kBase, "# A", "# Alpha"), "t"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->mode, Merge3Mode::Structured);
  EXPECT_EQ(r->text.rfind("\xEF\xBB\xBF---\r\nname: a\r\n", 0), 0U) << r->text;
  EXPECT_NE(r->text.find("# Alpha\r\n\r\n- one\r\n- two\r\n- three\r\n"), std::string::npos) << r->text;
}

TEST(Merge3, UnreadableBytesAreAnErrorNamingTheInput) {
  auto r = merge3({kBase, "b"}, {kBase, "o"}, {std::string("---\0x\n", 6), "theirs.md"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "nul-byte");
  EXPECT_EQ(r.error().file, "theirs.md");
}

TEST(Merge3, OneSideUnchangedGivesTheOtherVerbatim) {
  const std::string theirs = "---\nname:   a\ndescription: A\nmodel: opus\n---\n# A\n* one\n* two\n";
  auto r = merge3({kBase, "b"}, {kBase, "o"}, {theirs, "t"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->mode, Merge3Mode::Verbatim);
  EXPECT_EQ(r->text, theirs);
}

TEST(Merge3Chunks, NeighbouringChangesAreOneChunkForLines) {
  using merge3_detail::Chunk;
  const auto chunks = merge3_detail::diff3_chunks({"a", "b", "c"}, {"a", "B", "c"}, {"a", "b", "c", "d"});
  ASSERT_EQ(chunks.size(), 4U);
  EXPECT_EQ(chunks[0].kind, Chunk::Kind::Stable);
  EXPECT_EQ(chunks[1].kind, Chunk::Kind::Ours);
  EXPECT_EQ(chunks[2].kind, Chunk::Kind::Stable);
  EXPECT_EQ(chunks[3].kind, Chunk::Kind::Theirs);
  merge3_detail::Merge3Ctx ctx;
  EXPECT_EQ(merge3_detail::merge_lines("a\nb\n", "A\nb\n", "a\nB\n", ctx),
            "<<<<<<< ours\nA\nb\n||||||| base\na\nb\n=======\na\nB\n>>>>>>> theirs\n");
  EXPECT_EQ(ctx.conflicts, 1);
}

// Ours moved c to the front; theirs swapped a and b and added d: both
// reorderings apply.
TEST(Merge3Order, ReorderingsOfBothSidesApply) {
  EXPECT_EQ(merge3_detail::merged_order({"a", "b", "c"}, {"c", "a", "b"}, {"b", "a", "c", "d"}),
            (std::vector<std::string>{"c", "b", "a", "d"}));
}

// Both sides moved the same key to different places: ours' place wins, and
// the key is written once.
TEST(Merge3Order, OneKeyMovedTwoWaysKeepsOursPlace) {
  EXPECT_EQ(merge3_detail::merged_order({"a", "b", "c"}, {"c", "a", "b"}, {"a", "c", "b"}),
            (std::vector<std::string>{"c", "a", "b"}));
}

}  // namespace
}  // namespace agentmerge
