// Strava's activities.csv and Garmin Connect's Activities.csv: one activity per row.
import { Unreadable, activity } from "./activity.js";

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
