// Reads training files into activities: { day: "YYYY-MM-DD" (the runner's local date the activity started), km, run, sport }.
// Runs in a Web Worker (worker.js) and in Node for the tests of this folder; it never sends anything anywhere.
import { unzipSync, gunzipSync, strFromU8 } from "fflate";
import { Unreadable, activity } from "./activity.js";
import { readCsv } from "./csv.js";
import { trackKm } from "./geo.js";
import { readFit } from "./fit.js";
export { Unreadable, isRun, localDay } from "./activity.js";
export { parseCsv, readCsv } from "./csv.js";
export { distanceKm } from "./geo.js";
export { readFit } from "./fit.js";

export const MaxFileBytes = 64 * 1024 * 1024; // one activity file (or CSV); a year of watch files is far smaller
export const MaxZipBytes = 1024 * 1024 * 1024; // an export zip
export const MaxUnpackedBytes = 1536 * 1024 * 1024; // everything one zip may unpack to

function tagText(xml, tag) {
  const m = new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*>([^<]*)</(?:\\w+:)?${tag}>`).exec(xml);
  return m ? m[1].trim() : undefined;
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
  const data = kind.gz ? gunzipCapped(bytes) : bytes;
  const read = kind.kind === "zip" ? readZip(data, options) : { activities: readOne(kind.kind, data, options), problems: [] };
  for (const a of read.activities) {
    a.file ??= name; // which file it came from, and its kind (for the page: duplicates are listed by name)
    a.kind ??= kind.kind;
  }
  return read;
}

function readOne(kind, data, options) {
  switch (kind) {
    case "gpx":
      return readGpx(strFromU8(data));
    case "tcx":
      return readTcx(strFromU8(data));
    case "fit":
      return readFit(data);
    default:
      return readCsv(strFromU8(data), options.miles).activities;
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
      for (const a of csv.activities) {
        a.file = csvName;
        a.kind = "csv";
      }
      activities.push(...csv.activities);
      counted = csv.files;
    } catch (e) {
      problems.push({ name: csvName, reason: e instanceof Unreadable ? e.message : "it could not be read." });
    }
  }
  for (let i = 0; i < names.length; i++) {
    const n = names[i];
    options.onEntry?.(i, names.length);
    if (n === csvName || counted.has(n) || kindOf(n).kind === "csv") {
      continue;
    }
    try {
      activities.push(...readBytes(n, entries[n], options).activities);
    } catch (e) {
      problems.push({ name: n, reason: e instanceof Unreadable ? e.message : "it could not be read." });
    }
  }
  return { activities, problems };
}
