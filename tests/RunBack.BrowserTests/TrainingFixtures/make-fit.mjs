// Writes FIT activity files with the FIT SDK's own encoder, for the training-import browser tests.
// Usage: node make-fit.mjs spec.json   (spec: [{ path, sport, subSport, start, seconds, totalDistance, productName, points }])
// points: [[lat, lon, secondsFromStart]]; totalDistance in metres, or null for a file without a session summary.
// watchLike: true writes a record every second the way a watch does (position, distance, altitude, speed, heart rate,
// cadence, temperature) instead of the points: the benchmark's files.
import { readFileSync, writeFileSync } from "node:fs";
import { Encoder, Profile } from "@garmin/fitsdk";

const semicircles = (deg) => Math.round((deg * 2 ** 31) / 180);
for (const a of JSON.parse(readFileSync(process.argv[2], "utf8"))) {
  const start = new Date(a.start);
  const end = new Date(start.getTime() + a.seconds * 1000);
  const encoder = new Encoder();
  encoder.onMesg(Profile.MesgNum.FILE_ID, { manufacturer: "garmin", product: 4315, timeCreated: start, type: "activity", serialNumber: 3999999999 });
  encoder.onMesg(Profile.MesgNum.DEVICE_INFO, { timestamp: start, manufacturer: "garmin", productName: a.productName, serialNumber: 3999999999, deviceIndex: "creator" });
  encoder.onMesg(Profile.MesgNum.EVENT, { timestamp: start, event: "timer", eventType: "start" });
  if (a.watchLike) {
    const [lat, lon] = a.points[0];
    for (let s = 0; s <= a.seconds; s++) {
      const d = ((a.totalDistance ?? 0) * s) / a.seconds;
      encoder.onMesg(Profile.MesgNum.RECORD, { timestamp: new Date(start.getTime() + s * 1000), positionLat: semicircles(lat + d / 111195),
        positionLong: semicircles(lon), distance: d, enhancedAltitude: 20 + (s % 50), enhancedSpeed: (a.totalDistance ?? 0) / a.seconds,
        heartRate: 140 + (s % 20), cadence: 85, temperature: 18 });
    }
  }
  for (const [lat, lon, s] of a.watchLike ? [] : a.points) {
    encoder.onMesg(Profile.MesgNum.RECORD, { timestamp: new Date(start.getTime() + s * 1000), positionLat: semicircles(lat), positionLong: semicircles(lon) });
  }
  encoder.onMesg(Profile.MesgNum.EVENT, { timestamp: end, event: "timer", eventType: "stopAll" });
  if (a.totalDistance !== null) {
    encoder.onMesg(Profile.MesgNum.LAP, { timestamp: end, startTime: start, totalElapsedTime: a.seconds, totalTimerTime: a.seconds, totalDistance: a.totalDistance });
    encoder.onMesg(Profile.MesgNum.SESSION, { timestamp: end, startTime: start, totalElapsedTime: a.seconds, totalTimerTime: a.seconds,
      totalDistance: a.totalDistance, sport: a.sport, subSport: a.subSport || "generic", firstLapIndex: 0, numLaps: 1 });
    encoder.onMesg(Profile.MesgNum.ACTIVITY, { timestamp: end, numSessions: 1, type: "manual", event: "activity", eventType: "stop" });
  } else {
    encoder.onMesg(Profile.MesgNum.SPORT, { sport: a.sport, subSport: a.subSport || "generic" });
  }
  writeFileSync(a.path, encoder.close());
}
