// Distances on the earth's surface, and a track's distance without its pauses.
const PauseSeconds = 30; // a gap between track points longer than this is a pause: its distance is not counted
const EarthRadiusKm = 6371.0088;

function toRad(x) {
  return (x * Math.PI) / 180;
}

/** Great-circle distance in km (haversine on the mean earth radius). */
export function distanceKm(lat1, lon1, lat2, lon2) {
  const dLat = toRad(lat2 - lat1), dLon = toRad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EarthRadiusKm * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Track distance: points in order, [lat, lon, ms|NaN, segment]; pauses and segment breaks add nothing. */
export function trackKm(points) {
  let km = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1], b = points[i];
    if (a[3] !== b[3]) {
      continue;
    }
    if (!Number.isNaN(a[2]) && !Number.isNaN(b[2]) && (b[2] - a[2]) / 1000 > PauseSeconds) {
      continue;
    }
    km += distanceKm(a[0], a[1], b[0], b[1]);
  }
  return km;
}
