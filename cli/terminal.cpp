#include "terminal.hpp"

#include <iostream>
#include <streambuf>
#include <string>

#include <unistd.h>

namespace agentmerge::cli {
namespace {

constexpr char kEsc = '\x1b';
constexpr char kC1Lead = '\xc2';  // UTF-8 of U+0080..U+009F starts with it
constexpr std::size_t kMaxSequence = 16;

bool is_control(unsigned char c) {
  return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f;
}

// Passes bytes to `out`, escaping control bytes as "\xNN" text except the
// allowed sequences (see terminal.hpp). A possible sequence is held in
// `pending_` until it is complete or cannot be one.
class EscapingBuf : public std::streambuf {
 public:
  explicit EscapingBuf(std::streambuf* out) : out_(out) {}

 protected:
  int_type overflow(int_type ch) override {
    if (!traits_type::eq_int_type(ch, traits_type::eof())) put(traits_type::to_char_type(ch));
    return traits_type::not_eof(ch);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    for (std::streamsize i = 0; i < n; ++i) put(s[i]);
    return n;
  }
  int sync() override {
    drop_pending();
    return out_->pubsync();
  }

 private:
  void emit_hex(char c) {
    static constexpr char kHex[] = "0123456789abcdef";
    const auto u = static_cast<unsigned char>(c);
    const char text[4] = {'\\', 'x', kHex[u >> 4], kHex[u & 15]};
    out_->sputn(text, 4);
  }
  void emit_escaped(char c) {
    if (is_control(static_cast<unsigned char>(c))) {
      emit_hex(c);
    } else {
      out_->sputc(c);
    }
  }
  // Writes what is held as plain text, control bytes escaped.
  void drop_pending() {
    for (const char c : pending_) emit_escaped(c);
    pending_.clear();
  }
  void put(char c) {
    if (pending_.empty()) {
      if (c == kEsc || c == '\r' || c == kC1Lead) {
        pending_ = c;
      } else {
        emit_escaped(c);
      }
      return;
    }
    pending_ += c;
    switch (state()) {
      case State::More:
        return;
      case State::Allowed:
        out_->sputn(pending_.data(), static_cast<std::streamsize>(pending_.size()));
        pending_.clear();
        return;
      case State::C1:
        for (const char b : pending_) emit_hex(b);
        pending_.clear();
        return;
      case State::Not:
        pending_.pop_back();
        if (pending_ == std::string(1, kC1Lead)) {
          out_->sputc(kC1Lead);  // an ordinary UTF-8 lead byte
          pending_.clear();
        } else {
          drop_pending();
        }
        put(c);
        return;
    }
  }
  enum class State { More, Allowed, C1, Not };
  // What `pending_` is: the start of an allowed sequence, one, a C1
  // control, or none of those (its last byte must be looked at afresh).
  State state() const {
    const std::string& p = pending_;
    const auto last = static_cast<unsigned char>(p.back());
    if (p[0] == kC1Lead) return last >= 0x80 && last <= 0x9f ? State::C1 : State::Not;
    if (p.size() > kMaxSequence) return State::Not;
    const std::size_t esc = p[0] == '\r' ? 1 : 0;
    if (p.size() == esc + 1) return p[esc] == kEsc ? State::More : State::Not;
    if (p.size() == esc + 2) return p[esc + 1] == '[' ? State::More : State::Not;
    if ((last >= '0' && last <= '9') || last == ';') return State::More;
    return last == 'm' || last == 'K' ? State::Allowed : State::Not;
  }

  std::streambuf* out_;
  std::string pending_;
};

}  // namespace

void guard_terminal_output() {
  // Never freed: the streams flush through them after every static is gone.
  if (::isatty(STDOUT_FILENO) == 1) std::cout.rdbuf(new EscapingBuf(std::cout.rdbuf()));
  if (::isatty(STDERR_FILENO) == 1) std::cerr.rdbuf(new EscapingBuf(std::cerr.rdbuf()));
}

}  // namespace agentmerge::cli
