// The weeks the questions mean and how their figures are written: pure functions of the activities (import.js shows them).
const KmPerMile = 1.609344;

export function parseDay(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
}

function dayText(date) {
  return date.toISOString().slice(0, 10);
}

function addDays(date, days) {
  return new Date(date.getTime() + days * 86400000);
}

/** The weeks the questions mean: the 7 days up to and including the check-in day, then 7 days per step back. */
export function weeks(activities, endDay, count) {
  const end = parseDay(endDay);
  const result = [];
  for (let n = 0; n < count; n++) {
    const last = addDays(end, -7 * n), first = addDays(last, -6);
    const from = dayText(first), to = dayText(last);
    const runs = activities.filter((a) => a.run && a.day >= from && a.day <= to);
    result.push({ from, to, km: runs.reduce((s, a) => s + a.km, 0), runs: runs.length });
  }
  return result;
}

/** Distances are answered in half units. */
export function halfUnits(km, miles) {
  const value = miles ? km / KmPerMile : km;
  return Math.round(value * 2) / 2;
}

export function format(value, lang) {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
}

export function span(from, to, lang) {
  const f = parseDay(from), t = parseDay(to);
  const dm = new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", timeZone: "UTC" });
  const dmy = new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return `${f.getUTCFullYear() === t.getUTCFullYear() ? dm.format(f) : dmy.format(f)} – ${dmy.format(t)}`;
}
