// What one activity is, and whether it counts as a run: shared by every reader (read.js, csv.js).
// Runs in a Web Worker and in Node; it never sends anything anywhere.

/** A file the reader refuses, with the reason the runner reads. */
export class Unreadable extends Error {}

const runSports = new Set(["run", "running", "trail run", "trail running", "trail_running", "treadmill", "treadmill running",
  "track running", "indoor running", "virtual run", "virtual running", "street running", "ultra run", "9"]);

/** Whether a sport name from any of the formats is a run (run, trail run, treadmill, track). */
export function isRun(sport) {
  if (sport === undefined || sport === null || sport === "") {
    return true; // a track without a sport (GPX from many apps): counted as a run, the runner sees it in the weeks
  }
  const s = String(sport).trim().toLowerCase().replace(/\s+/g, " ");
  return runSports.has(s) || /^(trail|track|treadmill|indoor|virtual|street)?[ _]?run(ning)?$/.test(s);
}

export function localDay(date) {
  const y = date.getFullYear(), m = date.getMonth() + 1, d = date.getDate();
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

export function activity(start, km, sport) {
  if (!(start instanceof Date) || Number.isNaN(start.getTime())) {
    throw new Unreadable("it has no start time, so its week is unknown.");
  }
  if (!Number.isFinite(km) || km < 0) {
    throw new Unreadable("it has no distance.");
  }
  // start (ms) stays on the device: it only tells a run found in two files from two runs (dedupe.js).
  return { day: localDay(start), start: start.getTime(), km, run: isRun(sport), sport: sport ? String(sport) : "run" };
}
