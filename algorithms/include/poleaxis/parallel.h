// A minimal fork-join loop: the planning algorithms are batch jobs on a
// machine whose cores are otherwise idle while a QGIS algorithm runs.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace poleaxis {

inline unsigned worker_count() {
  return std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
}

// Calls body(i, worker) for every i in [0, n), spread over up to `workers`
// threads (worker is 0..workers-1, for per-thread state). Items are handed out
// one at a time, so uneven items balance. The first exception thrown by any
// body stops the hand-out and is rethrown here.
template <class Body>
void parallel_for(size_t n, unsigned workers, Body&& body) {
  workers = static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(workers, n)));
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) body(i, 0u);
    return;
  }
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto run = [&](unsigned worker) {
    try {
      for (size_t i; !failed && (i = next++) < n;) body(i, worker);
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (!error) error = std::current_exception();
      failed = true;
    }
  };
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < workers; ++w) threads.emplace_back(run, w);
  run(0);
  for (std::thread& t : threads) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace poleaxis
