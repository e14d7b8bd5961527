// "Fill from my training files": the page side. Hands the picked files to a Web Worker (worker.js), shows the weeks it
// found and, when the runner presses the button, writes the weekly distances into the ordinary distance fields (as if
// typed). Nothing is sent from here: the distances reach RunBack only as those answers, when the form goes on.
const KmPerMile = 1.609344;

function parseDay(text) {
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

function format(value, lang) {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
}

function span(from, to, lang) {
  const f = parseDay(from), t = parseDay(to);
  const dm = new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", timeZone: "UTC" });
  const dmy = new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return `${f.getUTCFullYear() === t.getUTCFullYear() ? dm.format(f) : dmy.format(f)} – ${dmy.format(t)}`;
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) {
    e.className = className;
  }
  if (text !== undefined) {
    e.textContent = text;
  }
  return e;
}

export function attach(root) {
  if (!root || root.dataset.attached) {
    return;
  }
  root.dataset.attached = "true";
  root.hidden = false;
  const input = root.querySelector("input[type=file]");
  const drop = root.querySelector(".training-import__drop");
  const progress = root.querySelector("progress");
  const status = root.querySelector(".training-import__status");
  const results = root.querySelector(".training-import__results");
  const fields = (root.dataset.fields || "").split(" ").filter(Boolean);
  const lang = document.documentElement.lang || "en-GB";
  let worker = null;
  let found = null;

  const miles = () => {
    const picked = root.dataset.unitName ? document.querySelector(`input[name="${root.dataset.unitName}"]:checked`) : null;
    return (picked ? picked.value : root.dataset.unit) === "miles";
  };
  const endDay = () => {
    const select = root.dataset.dateField ? document.getElementById(root.dataset.dateField) : null;
    return select && parseDay(select.value) ? select.value : root.dataset.today;
  };

  const show = (activities, problems) => {
    const unitMiles = miles();
    const unit = unitMiles ? (fields.length === 1 ? "miles" : "miles") : "km";
    const end = endDay();
    found = weeks(activities, end, fields.length);
    results.replaceChildren();
    const list = el("ul", "training-import__weeks");
    for (const w of found) {
      const li = el("li", null);
      li.append(el("span", "training-import__dates", span(w.from, w.to, lang) + ": "),
        el("strong", null, `${format(halfUnits(w.km, unitMiles), lang)} ${unit}`),
        document.createTextNode(`, ${w.runs === 1 ? "1 run" : `${w.runs} runs`}`));
      list.append(li);
    }
    results.append(el("h3", "training-import__title", fields.length === 1 ? "The last 7 days in your files" : "The weeks in your files"), list);
    const notes = [];
    const others = activities.filter((a) => !a.run);
    if (others.length > 0) {
      const bySport = new Map();
      for (const a of others) {
        bySport.set(a.sport.toLowerCase(), (bySport.get(a.sport.toLowerCase()) || 0) + 1);
      }
      notes.push(`Skipped ${others.length === 1 ? "1 activity that is not a run" : `${others.length} activities that are not runs`}: ${[...bySport].map(([s, n]) => `${s} (${n})`).join(", ")}.`);
    }
    const later = activities.filter((a) => a.run && a.day > end).length;
    if (later > 0) {
      notes.push(`${later === 1 ? "1 run is" : `${later} runs are`} after the day of this check-in and not counted.`);
    }
    for (const note of notes) {
      results.append(el("p", "training-import__note", note));
    }
    if (problems.length > 0) {
      const ul = el("ul", "training-import__problems");
      for (const p of problems) {
        ul.append(el("li", null, `This file could not be read: ${p.name}: ${p.reason}`));
      }
      results.append(ul);
    }
    const button = el("button", "button", fields.length === 1 ? "Fill in this distance" : "Fill in these distances");
    button.type = "button";
    button.addEventListener("click", fill);
    results.append(button);
    const runs = found.reduce((s, w) => s + w.runs, 0);
    status.textContent = `Found ${runs === 1 ? "1 run" : `${runs} runs`} in the ${fields.length === 1 ? "last 7 days" : `${fields.length} weeks`}` +
      (problems.length > 0 ? `; ${problems.length === 1 ? "1 file" : `${problems.length} files`} could not be read.` : ".") +
      " Check the figures, then fill them in.";
  };

  const fill = () => {
    if (!found) {
      return;
    }
    const unitMiles = miles();
    fields.forEach((id, i) => {
      const field = document.getElementById(id);
      if (!field || !found[i]) {
        return;
      }
      field.value = String(halfUnits(found[i].km, unitMiles));
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.dispatchEvent(new Event("change", { bubbles: true }));
    });
    status.textContent = `Filled in ${fields.length === 1 ? "the distance" : `${fields.length} weeks`}. You can change any figure before you go on.`;
  };

  const read = (files) => {
    if (files.length === 0) {
      return;
    }
    if (worker) {
      worker.terminate();
    }
    found = null;
    results.replaceChildren();
    progress.max = files.length;
    progress.value = 0;
    progress.hidden = false;
    status.textContent = `Reading ${files.length === 1 ? "1 file" : `${files.length} files`} on this device…`;
    let announced = 0;
    worker = new Worker(root.dataset.worker);
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.type === "progress") {
        progress.value = m.done;
        // The live region hears a quarter at a time, not every file.
        if (m.done < m.total && m.done / m.total - announced >= 0.25) {
          announced = m.done / m.total;
          status.textContent = `Read ${m.done} of ${m.total} files…`;
        }
      } else if (m.type === "done") {
        progress.hidden = true;
        worker.terminate();
        worker = null;
        show(m.activities, m.problems);
        root.dispatchEvent(new CustomEvent("training-import-done", { bubbles: true }));
      }
    };
    worker.onerror = () => {
      progress.hidden = true;
      status.textContent = "Your files could not be read in this browser. Please type the distances instead.";
    };
    worker.postMessage({ files: [...files], miles: miles() });
  };

  input.addEventListener("change", () => {
    read(input.files ? [...input.files] : []);
    input.value = "";
  });
  if (drop) {
    drop.addEventListener("dragover", (e) => {
      e.preventDefault();
      drop.classList.add("is-over");
    });
    drop.addEventListener("dragleave", () => drop.classList.remove("is-over"));
    drop.addEventListener("drop", (e) => {
      e.preventDefault();
      drop.classList.remove("is-over");
      read(e.dataTransfer ? [...e.dataTransfer.files] : []);
    });
  }
}

for (const root of document.querySelectorAll("[data-training-import]")) {
  attach(root);
}
