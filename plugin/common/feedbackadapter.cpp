#include "feedbackadapter.h"

#include <qgsprocessingfeedback.h>

FeedbackAdapter::FeedbackAdapter(QgsFeedback* feedback, double from, double to)
    : feedback_(feedback), from_(from), to_(to), owner_(std::this_thread::get_id()) {}

bool FeedbackAdapter::canceled() const { return feedback_ && feedback_->isCanceled(); }

void FeedbackAdapter::progress(double percent) {
  if (feedback_ && std::this_thread::get_id() == owner_)
    feedback_->setProgress(from_ + (to_ - from_) * percent / 100.0);
}

void FeedbackAdapter::info(const std::string& message) {
  auto* processing = dynamic_cast<QgsProcessingFeedback*>(feedback_);
  if (processing && std::this_thread::get_id() == owner_)
    processing->pushInfo(QString::fromStdString(message));
}

bool ThreadProgress::canceled() const { return feedback_ && feedback_->isCanceled(); }
