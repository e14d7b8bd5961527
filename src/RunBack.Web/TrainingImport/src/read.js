// Reads training files into activities: { day: "YYYY-MM-DD" (the runner's local date the activity started), km, run, sport }.
// Runs in a Web Worker (worker.js) and in Node for the tests of this folder; it never sends anything anywhere.
import { Decoder, Stream } from "@garmin/fitsdk";
import { unzipSync, gunzipSync, strFromU8 } from "fflate";

export const MaxFileBytes = 64 * 1024 * 1024; // one activity file (or CSV); a year of watch files is far smaller
export const MaxZipBytes = 1024 * 1024 * 1024; // an export zip
export const MaxUnpackedBytes = 1536 * 1024 * 1024; // everything one zip may unpack to
const PauseSeconds = 30; // a gap between track points longer than this is a pause: its distance is not counted
const EarthRadiusKm = 6371.0088;

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
function trackKm(points) {
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

function tagText(xml, tag) {
  const m = new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*>([^<]*)</(?:\\w+:)?${tag}>`).exec(xml);
  return m ? m[1].trim() : undefined;
}

function activity(start, km, sport) {
  if (!(start instanceof Date) || Number.isNaN(start.getTime())) {
    throw new Unreadable("it has no start time, so its week is unknown.");
  }
  if (!Number.isFinite(km) || km < 0) {
    throw new Unreadable("it has no distance.");
  }
  return { day: localDay(start), km, run: isRun(sport), sport: sport ? String(sport) : "run" };
}

export function readGpx(text) {
  if (!/<gpx\b/.test(text)) {
    throw new Unreadable("it is not a GPX file.");
  }
  const activities = [];
  const tracks = text.split(/<(?:\w+:)?trk\b/).slice(1);
  if (tracks.length === 0) {
    throw new Unreadable("it has no track.");
  }
  const metaTime = tagText(text.split(/<(?:\w+:)?trk\b/)[0], "time");
  for (const trk of tracks) {
    const points = [];
    const segments = trk.split(/<(?:\w+:)?trkseg\b/).slice(1);
    segments.forEach((seg, s) => {
      const re = /<(?:\w+:)?trkpt\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?trkpt>/g;
      let m;
      while ((m = re.exec(seg)) !== null) {
        const lat = /lat="([-\d.eE+]+)"/.exec(m[1]), lon = /lon="([-\d.eE+]+)"/.exec(m[1]);
        const time = /<(?:\w+:)?time>([^<]+)</.exec(m[2]);
        if (lat && lon) {
          points.push([parseFloat(lat[1]), parseFloat(lon[1]), time ? Date.parse(time[1].trim()) : NaN, s]);
        }
      }
    });
    const first = points.find((p) => !Number.isNaN(p[2]));
    const start = first ? new Date(first[2]) : metaTime ? new Date(Date.parse(metaTime)) : null;
    if (!start) {
      throw new Unreadable("it has no times, so its week is unknown.");
    }
    activities.push(activity(start, trackKm(points), tagText(trk.split(/<(?:\w+:)?trkseg\b/)[0], "type")));
  }
  return activities;
}

export function readTcx(text) {
  if (!/<TrainingCenterDatabase\b/.test(text)) {
    throw new Unreadable("it is not a TCX file.");
  }
  const activities = [];
  const re = /<Activity\b([^>]*)>([\s\S]*?)<\/Activity>/g;
  let m;
  while ((m = re.exec(text)) !== null) {
    const sport = (/Sport="([^"]*)"/.exec(m[1]) || [])[1];
    const body = m[2];
    const laps = body.split(/<Lap\b/).slice(1);
    let summaryKm = 0, hasSummary = false;
    const points = [];
    let firstTime = /<Lap\b[^>]*StartTime="([^"]+)"/.exec(body);
    laps.forEach((lap, l) => {
      const outside = lap.replace(/<Track\b[\s\S]*?<\/Track>/g, "");
      const d = tagText(outside, "DistanceMeters");
      if (d !== undefined && !Number.isNaN(parseFloat(d))) {
        summaryKm += parseFloat(d) / 1000;
        hasSummary = true;
      }
      const tp = /<Trackpoint>([\s\S]*?)<\/Trackpoint>/g;
      let p;
      while ((p = tp.exec(lap)) !== null) {
        const lat = tagText(p[1], "LatitudeDegrees"), lon = tagText(p[1], "LongitudeDegrees"), time = tagText(p[1], "Time");
        if (lat !== undefined && lon !== undefined) {
          points.push([parseFloat(lat), parseFloat(lon), time ? Date.parse(time) : NaN, l]);
        }
      }
    });
    const start = firstTime ? new Date(Date.parse(firstTime[1])) : (() => {
      const t = tagText(body, "Id") || tagText(body, "Time");
      return t ? new Date(Date.parse(t)) : null;
    })();
    activities.push(activity(start, hasSummary ? summaryKm : trackKm(points), sport));
  }
  if (activities.length === 0) {
    throw new Unreadable("it has no activity.");
  }
  return activities;
}

export function readFit(bytes) {
  const stream = Stream.fromByteArray(bytes);
  if (!Decoder.isFIT(stream)) {
    throw new Unreadable("it is not a FIT file.");
  }
  const decoder = new Decoder(stream);
  if (!decoder.checkIntegrity()) {
    throw new Unreadable("the FIT file is damaged (its check sum or length is wrong).");
  }
  const { messages, errors } = decoder.read({ expandComponents: false, mergeHeartRates: false, includeUnknownData: false });
  if (errors.length > 0 && !(messages.sessionMesgs?.length || messages.recordMesgs?.length)) {
    throw new Unreadable("the FIT file is damaged.");
  }
  const sessions = messages.sessionMesgs || [];
  if (sessions.length > 0) {
    return sessions.map((s) => {
      const sport = s.subSport && s.subSport !== "generic" && s.sport === "running" ? s.subSport : s.sport;
      const run = s.sport === "running";
      const km = typeof s.totalDistance === "number" ? s.totalDistance / 1000 : trackFromRecords(messages.recordMesgs || []);
      const a = activity(s.startTime, km, sport);
      a.run = run;
      return a;
    });
  }
  const records = messages.recordMesgs || [];
  if (records.length === 0) {
    throw new Unreadable("it holds no activity.");
  }
  const sport = (messages.sportMesgs || [])[0]?.sport;
  const a = activity(records[0].timestamp, trackFromRecords(records), sport);
  if (sport !== undefined) {
    a.run = sport === "running";
  }
  return [a];
}

function trackFromRecords(records) {
  const withDistance = records.filter((r) => typeof r.distance === "number");
  if (withDistance.length > 1) {
    return (withDistance[withDistance.length - 1].distance - withDistance[0].distance) / 1000;
  }
  const points = records.filter((r) => typeof r.positionLat === "number" && typeof r.positionLong === "number").map((r) => [
    (r.positionLat * 180) / 2 ** 31, (r.positionLong * 180) / 2 ** 31, r.timestamp instanceof Date ? r.timestamp.getTime() : NaN, 0]);
  return trackKm(points);
}

/** Splits CSV text into rows of fields (quotes, doubled quotes and newlines inside quotes). */
export function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") {
        i++;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += c;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

function number(text) {
  const n = parseFloat(String(text).replace(/,/g, "").trim());
  return Number.isFinite(n) ? n : NaN;
}

/**
 * Strava's activities.csv ("Activity Date" in UTC, "Activity Type", "Distance": the first in km, a later one, where the
 * export has it, in metres) or Garmin Connect's Activities.csv ("Activity Type", "Date" in local time, "Distance" in the
 * account's unit, which the file does not say: the unit the runner chose on the page, <paramref name="garminMiles"/>).
 * Returns { activities, files } (files: the export's activity files the CSV already counts).
 */
export function readCsv(text, garminMiles) {
  const rows = parseCsv(text.replace(/^\uFEFF/, ""));
  if (rows.length < 2) {
    throw new Unreadable(rows.length === 0 ? "it is empty." : "it has no activities.");
  }
  const head = rows[0].map((h) => h.trim());
  const type = head.indexOf("Activity Type");
  const distances = head.map((h, i) => (h === "Distance" ? i : -1)).filter((i) => i >= 0);
  const files = new Set();
  if (head.includes("Activity Date") && type >= 0 && distances.length > 0) {
    const date = head.indexOf("Activity Date"), file = head.indexOf("Filename");
    const metres = distances.length > 1 ? distances[distances.length - 1] : -1;
    const activities = [];
    for (const r of rows.slice(1)) {
      const start = new Date(Date.parse(r[date] + " UTC"));
      let km = metres >= 0 ? number(r[metres]) / 1000 : NaN;
      if (Number.isNaN(km)) {
        km = number(r[distances[0]]);
      }
      activities.push(activity(start, Number.isNaN(km) ? 0 : km, r[type]));
      if (file >= 0 && r[file]) {
        files.add(r[file].trim());
      }
    }
    return { activities, files };
  }
  const date = head.indexOf("Date");
  if (date >= 0 && type >= 0 && distances.length > 0) {
    const activities = [];
    for (const r of rows.slice(1)) {
      const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/.exec(r[date].trim());
      const start = m ? new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]) : new Date(NaN);
      const d = number(r[distances[0]]);
      activities.push(activity(start, Number.isNaN(d) ? 0 : garminMiles ? d * 1.609344 : d, r[type]));
    }
    return { activities, files };
  }
  throw new Unreadable("it is not a Strava or Garmin Connect activities list.");
}

function gunzipCapped(bytes) {
  const n = bytes.length;
  if (n < 18 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    throw new Unreadable("it is not a gzip file.");
  }
  const size = (bytes[n - 4] | (bytes[n - 3] << 8) | (bytes[n - 2] << 16) | (bytes[n - 1] << 24)) >>> 0;
  if (size > MaxFileBytes) {
    throw new Unreadable(`it unpacks to more than ${MaxFileBytes / 1024 / 1024} MB.`);
  }
  // A fixed output buffer: a file whose header understates its size is cut there, never grows past it.
  return gunzipSync(bytes, { out: new Uint8Array(size) });
}

/** What one file's name says it is: gpx, tcx, fit, csv or zip (a .gz ending is unpacked first). */
export function kindOf(name) {
  const m = /\.(gpx|tcx|fit|csv|zip)(\.gz)?$/i.exec(name);
  return m ? { kind: m[1].toLowerCase(), gz: Boolean(m[2]) } : null;
}

/**
 * Reads one file's bytes. Returns { activities, problems: [{ name, reason }] } (a zip reports each bad entry and goes
 * on). Throws Unreadable for a file that cannot be read at all.
 */
export function readBytes(name, bytes, options) {
  const kind = kindOf(name);
  if (!kind) {
    throw new Unreadable("RunBack reads GPX, TCX, FIT, CSV and zip files only.");
  }
  let data = bytes;
  if (kind.gz) {
    data = gunzipCapped(bytes);
  }
  switch (kind.kind) {
    case "gpx":
      return { activities: readGpx(strFromU8(data)), problems: [] };
    case "tcx":
      return { activities: readTcx(strFromU8(data)), problems: [] };
    case "fit":
      return { activities: readFit(data), problems: [] };
    case "csv":
      return { activities: readCsv(strFromU8(data), options.miles).activities, problems: [] };
    default:
      return readZip(data, options);
  }
}

function readZip(bytes, options) {
  let total = 0;
  const tooBig = [];
  let entries;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (f.name.endsWith("/") || !kindOf(f.name) || kindOf(f.name).kind === "zip") {
          return false;
        }
        if (f.originalSize > MaxFileBytes || total + f.originalSize > MaxUnpackedBytes) {
          tooBig.push(f.name);
          return false;
        }
        total += f.originalSize;
        return true;
      },
    });
  } catch (e) {
    if (e instanceof Unreadable) {
      throw e;
    }
    throw new Unreadable("the zip file is damaged.");
  }
  const problems = tooBig.map((n) => ({ name: n, reason: `it unpacks to more than ${MaxFileBytes / 1024 / 1024} MB (a zip bomb?).` }));
  const activities = [];
  const names = Object.keys(entries);
  let counted = new Set();
  const csvName = names.find((n) => /(^|\/)activities\.csv$/i.test(n));
  if (csvName) {
    try {
      const csv = readCsv(strFromU8(entries[csvName]), options.miles);
      activities.push(...csv.activities);
      counted = csv.files;
    } catch (e) {
      problems.push({ name: csvName, reason: e instanceof Unreadable ? e.message : "it could not be read." });
    }
  }
  for (const n of names) {
    if (n === csvName || counted.has(n) || kindOf(n).kind === "csv") {
      continue;
    }
    try {
      activities.push(...readBytes(n, entries[n], options).activities);
    } catch (e) {
      problems.push({ name: n, reason: e instanceof Unreadable ? e.message : "it could not be read." });
    }
    options.onEntry?.();
  }
  return { activities, problems };
}
