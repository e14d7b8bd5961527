// Benchmark (a figure, not a pass mark): reads a year of watch files in Node with the same code the Web Worker runs.
//   cd src/RunBack.Web/TrainingImport && npm ci && node bench/year.mjs [files=300] [secondsPerRecord=1]
// Writes 300 one-hour FIT runs the way a watch records them (a record every second with position, distance, altitude,
// speed, heart rate and cadence; laps, a session) with Garmin's encoder, then times reading them, file by file.
import { Encoder, Profile } from "@garmin/fitsdk";
import { readBytes } from "../src/read.js";
import { loadavg } from "node:os";

const count = Number(process.argv[2] || 300), step = Number(process.argv[3] || 1);

export function watchFit(start, seconds, metres, step = 1) {
  const e = new Encoder();
  const end = new Date(start.getTime() + seconds * 1000);
  e.onMesg(Profile.MesgNum.FILE_ID, { manufacturer: "garmin", product: 4315, timeCreated: start, type: "activity", serialNumber: 3999999999 });
  e.onMesg(Profile.MesgNum.DEVICE_INFO, { timestamp: start, manufacturer: "garmin", productName: "Bench", deviceIndex: "creator" });
  e.onMesg(Profile.MesgNum.EVENT, { timestamp: start, event: "timer", eventType: "start" });
  const semi = (deg) => Math.round((deg * 2 ** 31) / 180);
  for (let s = 0; s <= seconds; s += step) {
    const d = (metres * s) / seconds;
    e.onMesg(Profile.MesgNum.RECORD, { timestamp: new Date(start.getTime() + s * 1000), positionLat: semi(51.47 + d / 111000), positionLong: semi(-0.12),
      distance: d, enhancedAltitude: 20 + (s % 50), enhancedSpeed: metres / seconds, heartRate: 140 + (s % 20), cadence: 85, temperature: 18 });
  }
  e.onMesg(Profile.MesgNum.EVENT, { timestamp: end, event: "timer", eventType: "stopAll" });
  e.onMesg(Profile.MesgNum.LAP, { timestamp: end, startTime: start, totalElapsedTime: seconds, totalTimerTime: seconds, totalDistance: metres });
  e.onMesg(Profile.MesgNum.SESSION, { timestamp: end, startTime: start, totalElapsedTime: seconds, totalTimerTime: seconds, totalDistance: metres,
    sport: "running", subSport: "generic", firstLapIndex: 0, numLaps: 1 });
  e.onMesg(Profile.MesgNum.ACTIVITY, { timestamp: end, numSessions: 1, type: "manual", event: "activity", eventType: "stop" });
  return e.close();
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  const files = [];
  for (let i = 0; i < count; i++) {
    files.push(watchFit(new Date(Date.UTC(2026, 0, 1) + i * 86400000 * 365 / count), 3600, 10000, step));
  }
  const bytes = files.reduce((s, f) => s + f.length, 0);
  const t0 = performance.now();
  let km = 0;
  for (const f of files) {
    for (const a of readBytes("run.fit", f, {}).activities) {
      km += a.km;
    }
  }
  const ms = performance.now() - t0;
  console.log(`${count} FIT files, ${(bytes / 1024 / 1024).toFixed(1)} MB: read in ${(ms / 1000).toFixed(2)} s (${(ms / count).toFixed(1)} ms a file), ${km.toFixed(0)} km; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
}
