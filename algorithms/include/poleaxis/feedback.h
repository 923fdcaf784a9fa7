// How long-running algorithms report progress and learn they were cancelled,
// without knowing about QGIS (the plugin adapts QgsFeedback to this).
#pragma once

#include <stdexcept>
#include <string>

namespace poleaxis {

class Feedback {
 public:
  virtual ~Feedback() = default;
  virtual bool canceled() const { return false; }
  // percent in [0, 100] of the whole run
  virtual void progress(double /*percent*/) {}
  virtual void info(const std::string& /*message*/) {}
};

// Thrown by an algorithm that saw Feedback::canceled(); nothing is returned.
class Canceled : public std::runtime_error {
 public:
  Canceled() : std::runtime_error("canceled") {}
};

// Maps a stage's own 0..100 % onto a slice [from, to] of the parent's range.
class ProgressSlice : public Feedback {
 public:
  ProgressSlice(Feedback* parent, double from, double to)
      : parent_(parent), from_(from), to_(to) {}
  bool canceled() const override { return parent_ && parent_->canceled(); }
  void progress(double percent) override {
    if (parent_) parent_->progress(from_ + (to_ - from_) * percent / 100.0);
  }
  void info(const std::string& message) override {
    if (parent_) parent_->info(message);
  }

 private:
  Feedback* parent_;
  double from_;
  double to_;
};

inline void throw_if_canceled(const Feedback* feedback) {
  if (feedback && feedback->canceled()) throw Canceled();
}

// Bad input the caller must fix. `item` is the index of the offending input
// element (a centre, a demand point...) or -1 when the whole input is at fault.
class InputError : public std::invalid_argument {
 public:
  explicit InputError(const std::string& what, long item = -1)
      : std::invalid_argument(what), item_(item) {}
  long item() const { return item_; }

 private:
  long item_;
};

}  // namespace poleaxis
