#include "poleaxis/corridor_buffers.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <memory>
#include <string>

#include "geos_util.h"
#include "poleaxis/parallel.h"

namespace poleaxis {

namespace {

geos::Geom buffer_line(const geos::Context& ctx, const Line& line, double distance, const CorridorRequest& r) {
  std::vector<GEOSGeometry*> parts;
  for (const Polyline& part : line) {
    if (part.size() < 2) continue;
    GEOSCoordSequence* seq =
        ctx.check(GEOSCoordSeq_copyFromBuffer_r(ctx, &part.front().x, unsigned(part.size()), 0, 0), "coordinates");
    parts.push_back(ctx.check(GEOSGeom_createLineString_r(ctx, seq), "line"));
  }
  geos::Geom lines = geos::own(ctx, geos::make_collection(ctx, GEOS_MULTILINESTRING, parts));
  geos::Geom simple = r.simplify_share > 0
                          ? geos::own(ctx, ctx.check(GEOSSimplify_r(ctx, lines.get(), distance * r.simplify_share), "simplify"))
                          : std::move(lines);
  return geos::own(ctx, ctx.check(GEOSBufferWithStyle_r(ctx, simple.get(), distance, r.quad_segments,
                                                        r.flat_cap ? GEOSBUF_CAP_FLAT : GEOSBUF_CAP_ROUND,
                                                        GEOSBUF_JOIN_ROUND, 5.0),
                                  "buffer"));
}

}  // namespace

std::vector<CorridorPiece> corridor_buffers(const CorridorRequest& r, Feedback* feedback) {
  const size_t n = r.lines.size();
  if (n == 0) throw InputError("there are no lines to buffer");
  const bool banded = !r.bands_m.empty();
  for (size_t b = 0; b < r.bands_m.size(); ++b) {
    if (!(r.bands_m[b] > 0) || !std::isfinite(r.bands_m[b])) throw InputError("band distances must be > 0");
    if (b && !(r.bands_m[b] > r.bands_m[b - 1])) throw InputError("band distances must increase");
  }
  if (!banded)
    for (size_t i = 0; i < n; ++i)
      if (!(r.width_m[i] > 0) || !std::isfinite(r.width_m[i]))
        throw InputError("width " + std::to_string(r.width_m[i] / 1000.0) + " km is not > 0", long(i));
  const std::vector<double> distances = banded ? r.bands_m : std::vector<double>{0.0};

  // Which lines make each output group.
  std::map<std::string, std::vector<size_t>> groups;
  for (size_t i = 0; i < n; ++i) {
    const std::string key = r.dissolve == CorridorDissolve::ByGroup ? r.group[i]
                            : r.dissolve == CorridorDissolve::All   ? std::string()
                                                                    : std::to_string(i);
    groups[key].push_back(i);
  }

  // Buffers: one per line and band, in parallel.
  geos::Context ctx;
  std::vector<std::vector<geos::Geom>> buffers(distances.size());
  for (auto& per_band : buffers) per_band.resize(n);
  std::atomic<size_t> done{0};
  const unsigned workers = worker_count();
  std::vector<std::unique_ptr<geos::Context>> contexts(workers);
  ProgressSlice buffering(feedback, 0, 30);
  parallel_for(n * distances.size(), workers, [&](size_t k, unsigned w) {
    if (k % 64 == 0) {
      throw_if_canceled(feedback);
      buffering.progress(100.0 * double(done) / double(n * distances.size()));
    }
    ++done;
    if (!contexts[w]) contexts[w] = std::make_unique<geos::Context>();
    const size_t band = k / n, i = k % n;
    const double d = banded ? distances[band] : r.width_m[i];
    geos::Geom g = buffer_line(*contexts[w], r.lines[i], d, r);
    buffers[band][i] = geos::own(ctx, g.release());
  });

  // Union per group and band: a stage of its own, cancellable between chunks.
  std::vector<CorridorPiece> out;
  size_t stage = 0;
  const size_t stages = groups.size() * distances.size();
  for (const auto& [key, members] : groups) {
    std::vector<geos::Geom> discs;
    for (size_t band = 0; band < distances.size(); ++band) {
      ProgressSlice merging(feedback, 30 + 65.0 * stage / stages, 30 + 65.0 * (stage + 1) / stages);
      ++stage;
      std::vector<geos::Geom> parts;
      for (size_t i : members) parts.push_back(std::move(buffers[band][i]));
      discs.push_back(members.size() == 1 ? std::move(parts[0])
                                          : geos::cascaded_union(ctx, std::move(parts), &merging, workers));
    }
    for (size_t band = 0; band < distances.size(); ++band) {
      throw_if_canceled(feedback);
      CorridorPiece piece;
      piece.group = key;
      piece.line = r.dissolve == CorridorDissolve::None ? long(members.front()) : -1;
      piece.band = banded ? int(band) : -1;
      if (banded && r.rings && band > 0) {
        geos::Geom ring = geos::own(ctx, ctx.check(GEOSDifference_r(ctx, discs[band].get(), discs[band - 1].get()), "difference"));
        piece.shape = geos::to_multipolygon(ctx, ring.get());
      } else {
        piece.shape = geos::to_multipolygon(ctx, discs[band].get());
      }
      out.push_back(std::move(piece));
    }
  }
  if (feedback) feedback->progress(100);
  return out;
}

}  // namespace poleaxis
