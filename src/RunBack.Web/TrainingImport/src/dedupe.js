// One activity in several files (a run dropped as a FIT file and again inside a Strava zip, the same GPX twice, a FIT
// file and its GPX export) counts once. Two activities are the same when they start within a minute of each other and
// their distances differ by no more than a few per cent (a GPX export's track distance is never quite the watch's).
export const StartMs = 60 * 1000;
export const DistanceShare = 0.05;
const DistanceFloorKm = 0.1; // short runs: a 5 % band of a few hundred metres is narrower than GPS noise

// Which copy counts: the watch's own summary (FIT, then TCX laps) over an export's list, over a track worked out again.
const rank = { fit: 0, tcx: 1, csv: 2, gpx: 3 };

export function sameActivity(a, b) {
  return Math.abs(a.start - b.start) <= StartMs && Math.abs(a.km - b.km) <= Math.max(DistanceShare * Math.max(a.km, b.km), DistanceFloorKm);
}

function rankOf(a) {
  return rank[a.kind] ?? 4;
}

/** Returns { kept, duplicates: [{ activity, file, same (the activity that counts) }] }, both in the order given. */
export function dedupe(activities) {
  const order = new Map(activities.map((a, i) => [a, i]));
  const sorted = [...activities].sort((x, y) => x.start - y.start || order.get(x) - order.get(y));
  const kept = [];
  const duplicates = [];
  for (const a of sorted) {
    let match = -1;
    for (let i = kept.length - 1; i >= 0 && a.start - kept[i].start <= StartMs; i--) {
      if (sameActivity(kept[i], a)) {
        match = i;
        break;
      }
    }
    if (match < 0) {
      kept.push(a);
    } else if (rankOf(a) < rankOf(kept[match])) {
      const replaced = kept[match];
      kept[match] = a;
      for (const d of duplicates) {
        d.same = d.same === replaced ? a : d.same;
      }
      duplicates.push({ activity: replaced, file: replaced.file, same: a });
    } else {
      duplicates.push({ activity: a, file: a.file, same: kept[match] });
    }
  }
  kept.sort((x, y) => order.get(x) - order.get(y));
  duplicates.sort((x, y) => order.get(x.activity) - order.get(y.activity));
  return { kept, duplicates };
}
