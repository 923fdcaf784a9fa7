#pragma once

#include <atomic>
#include <thread>

#include "poleaxis/feedback.h"

class QgsFeedback;

// Lets algorithms/ report to a QgsFeedback. The core calls progress() from
// worker threads too; only the thread that made the adapter forwards it, so
// Qt signals are emitted from the algorithm's own thread. Cancel is read
// from any thread (a plain flag in QgsFeedback).
class FeedbackAdapter : public poleaxis::Feedback {
 public:
  // Maps the core's 0..100 % onto [from, to] of the QGIS progress bar.
  explicit FeedbackAdapter(QgsFeedback* feedback, double from = 0.0, double to = 100.0);
  bool canceled() const override;
  void progress(double percent) override;
  void info(const std::string& message) override;

 private:
  QgsFeedback* feedback_;
  double from_;
  double to_;
  std::thread::id owner_;
};

// For core work on a thread of its own: cancel from the QgsFeedback, and its
// progress kept for the algorithm's thread to report while it waits.
class ThreadProgress : public poleaxis::Feedback {
 public:
  explicit ThreadProgress(QgsFeedback* feedback) : feedback_(feedback) {}
  bool canceled() const override;
  void progress(double percent) override { percent_.store(percent); }
  double percent() const { return percent_.load(); }

 private:
  QgsFeedback* feedback_;
  std::atomic<double> percent_{0.0};
};
