// Golden cases for `agentmerge merge3`: every folder in data/cases/merge3/
// holds base.*, ours.* and theirs.* (one extension), an optional `path`
// (the file's path in the repository, git's %P) and two golden files:
//   expected.<ext>  the merged text, exact bytes
//   expected.notes  the mode, the conflict count and the notes
// Besides the goldens, every case is checked for lost changes: what either
// side added is in the result; what one side deleted and the other kept is
// gone outside conflict markers; each frontmatter key a side changed has
// that side's value (tool sets: its additions and removals).
#include <set>

#include <gtest/gtest.h>

#include "agentmerge/merge3.hpp"
#include "agentmerge/normalize.hpp"
#include "case_inputs.hpp"
#include "test_support.hpp"

namespace agentmerge {
namespace {

namespace fs = std::filesystem;

fs::path input(const fs::path& dir, const std::string& stem) {
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().stem() == stem) return e.path();
  return {};
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::string line;
  for (const char c : text) {
    if (c == '\n') {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      out.push_back(line);
      line.clear();
    } else {
      line += c;
    }
  }
  if (!line.empty()) out.push_back(line);
  return out;
}

bool is_marker(const std::string& l) {
  return l.rfind("<<<<<<< ", 0) == 0 || l.rfind("||||||| ", 0) == 0 || l == "=======" ||
         l.rfind(">>>>>>> ", 0) == 0;
}

// Lines of the result outside conflict groups.
std::set<std::string> outside_conflicts(const std::vector<std::string>& result) {
  std::set<std::string> out;
  bool inside = false;
  for (const auto& l : result) {
    if (l.rfind("<<<<<<< ", 0) == 0) inside = true;
    if (!inside) out.insert(l);
    if (l.rfind(">>>>>>> ", 0) == 0) inside = false;
  }
  return out;
}

bool has_near_duplicate(const std::vector<std::string>& result, const std::string& line) {
  const std::string n = normalize_text(line);
  for (const auto& r : result)
    if (!is_marker(r) && token_similarity(normalize_text(r), n) >= 0.8) return true;
  return false;
}

// Lines `side` added that the result lacks, and lines it deleted (that the
// other side kept) that the result still has outside conflicts.
std::vector<std::string> lost_lines(const std::string& base, const std::string& side,
                                    const std::string& other, const std::string& result,
                                    const std::string& who) {
  const auto b = lines_of(base), s = lines_of(side), o = lines_of(other), r = lines_of(result);
  const std::set<std::string> bs(b.begin(), b.end()), ss(s.begin(), s.end()),
      os(o.begin(), o.end()), rs(r.begin(), r.end());
  const std::set<std::string> clean = outside_conflicts(r);
  std::vector<std::string> lost;
  for (const auto& l : s)
    if (!l.empty() && bs.count(l) == 0 && rs.count(l) == 0 && !has_near_duplicate(r, l))
      lost.push_back(who + " added, result lacks: " + l);
  for (const auto& l : b) {
    if (l.empty() || l == "---" || std::count(b.begin(), b.end(), l) != 1) continue;
    if (ss.count(l) == 0 && os.count(l) != 0 && clean.count(l) != 0)
      lost.push_back(who + " deleted, result still has: " + l);
  }
  return lost;
}

std::string body_of(const std::string& text) {
  auto f = parse_agent(text, "x.md");
  return f.ok() ? f->body.text : text;
}

// Tool names of a "A, B" string or a list, as a set.
std::set<std::string> names(const Value* v) {
  std::set<std::string> out;
  if (v == nullptr) return out;
  if (v->is_list()) {
    for (const auto& i : v->items) out.insert(i.scalar);
    return out;
  }
  std::string cur;
  for (const char c : v->scalar + ",") {
    if (c != ',') {
      cur += c;
      continue;
    }
    while (!cur.empty() && cur.front() == ' ') cur.erase(0, 1);
    while (!cur.empty() && cur.back() == ' ') cur.pop_back();
    if (!cur.empty()) out.insert(cur);
    cur.clear();
  }
  return out;
}

// Each key (and map member) `side` changed has its value in `result`.
void expect_value_kept(const std::string& key, const Value* vb, const Value* vs, const Value* vr,
                       const std::string& who) {
  const bool as_set = key == "tools" && (vs == nullptr || !vs->is_map());
  if (as_set ? (vb != nullptr) == (vs != nullptr) && names(vb) == names(vs)
             : (vb == nullptr ? vs == nullptr : vs != nullptr && *vb == *vs))
    return;
  if (vs == nullptr) {
    EXPECT_EQ(vr, nullptr) << who << " deleted '" << key << "', the result keeps it";
  } else if (vr == nullptr) {
    ADD_FAILURE() << who << " changed '" << key << "', the result has no such key";
  } else if (as_set) {
    const auto nb = names(vb), ns = names(vs), nr = names(vr);
    for (const auto& n : ns)
      if (nb.count(n) == 0) {
        EXPECT_EQ(nr.count(n), 1U) << who << " added " << n << " to " << key;
      }
    for (const auto& n : nb)
      if (ns.count(n) == 0) {
        EXPECT_EQ(nr.count(n), 0U) << who << " removed " << n << " from " << key;
      }
  } else if (vs->is_map() && vr->is_map()) {
    std::set<std::string> keys(vs->map_keys.begin(), vs->map_keys.end());
    if (vb != nullptr && vb->is_map()) keys.insert(vb->map_keys.begin(), vb->map_keys.end());
    for (const auto& k : keys)
      expect_value_kept(key + "." + k, vb != nullptr ? vb->find(k) : nullptr, vs->find(k),
                        vr->find(k), who);
  } else {
    EXPECT_TRUE(*vr == *vs) << who << "'s change of '" << key << "' is lost";
  }
}

void expect_frontmatter_changes_kept(const std::string& base, const std::string& ours,
                                     const std::string& theirs, const std::string& result) {
  auto b = parse_agent(base, "x.md"), o = parse_agent(ours, "x.md"), t = parse_agent(theirs, "x.md"),
       r = parse_agent(result, "x.md");
  ASSERT_TRUE(b.ok() && o.ok() && t.ok());
  ASSERT_TRUE(r.ok()) << "the result does not parse: " << r.error().to_string();
  for (const Result<AgentFile>* side : {&o, &t}) {
    const std::string who = side == &o ? "ours" : "theirs";
    std::set<std::string> keys;
    for (const Result<AgentFile>* f : {static_cast<const Result<AgentFile>*>(&b), side})
      for (const auto& e : (*f)->frontmatter.entries) keys.insert(e.key);
    for (const auto& k : keys) {
      auto value = [&](const AgentFile& f) {
        const FrontmatterEntry* e = f.frontmatter.find(k);
        return e != nullptr ? &e->value : nullptr;
      };
      expect_value_kept(k, value(*b), value(**side), value(*r), who);
    }
  }
}

class Merge3Case : public ::testing::TestWithParam<std::string> {};

TEST_P(Merge3Case, MatchesGoldenAndLosesNoChange) {
  const fs::path dir = test::source_dir() / "data" / "cases" / "merge3" / GetParam();
  const fs::path pb = input(dir, "base"), po = input(dir, "ours"), pt = input(dir, "theirs");
  ASSERT_FALSE(pb.empty() || po.empty() || pt.empty()) << dir << " needs base.*, ours.*, theirs.*";
  const std::string b = test::read_file(pb), o = test::read_file(po), t = test::read_file(pt);
  Merge3Options opt;
  if (fs::exists(dir / "path")) opt.path = test::trimmed(test::read_file(dir / "path"));
  auto r = merge3({b, "base"}, {o, "ours"}, {t, "theirs"}, opt);
  ASSERT_TRUE(r.ok()) << r.error().to_string();

  EXPECT_EQ(test::check_golden(dir / ("expected" + po.extension().string()), r->text), "");
  std::string notes = "mode: " + std::string(to_string(r->mode)) +
                      "\nconflicts: " + std::to_string(r->conflicts) + "\n";
  for (const auto& d : r->notes) notes += d.to_string() + "\n";
  EXPECT_EQ(test::check_golden(dir / "expected.notes", notes), "");

  const auto result_lines = lines_of(r->text);
  EXPECT_EQ(std::count_if(result_lines.begin(), result_lines.end(),
                          [](const std::string& l) { return l.rfind("<<<<<<< ours", 0) == 0; }),
            r->conflicts);
  // Frontmatter lines are compared as values below when the result parses.
  const bool structured = r->mode == Merge3Mode::Structured && r->conflicts == 0;
  const auto text = [&](const std::string& s) { return structured ? body_of(s) : s; };
  for (const auto& l : lost_lines(text(b), text(o), text(t), text(r->text), "ours")) ADD_FAILURE() << l;
  for (const auto& l : lost_lines(text(b), text(t), text(o), text(r->text), "theirs")) ADD_FAILURE() << l;
  if (structured) expect_frontmatter_changes_kept(b, o, t, r->text);
}

INSTANTIATE_TEST_SUITE_P(Golden, Merge3Case, ::testing::ValuesIn(test::case_names("merge3")),
                         [](const auto& param_info) {
                           std::string n = param_info.param;
                           for (char& c : n)
                             if (std::isalnum(static_cast<unsigned char>(c)) == 0) c = '_';
                           return n;
                         });

TEST(Merge3Cases, AtLeastTwenty) { EXPECT_GE(test::case_names("merge3").size(), 20U); }

}  // namespace
}  // namespace agentmerge
