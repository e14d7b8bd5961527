// "Fill from my training files": the page side. Hands the picked files to two Web Workers (pool.js, worker.js), counts
// a run found in several files once (dedupe.js), shows the weeks it found and, when the runner presses the button, writes the weekly distances into the ordinary distance fields (as if
// typed). Nothing is sent from here: the distances reach RunBack only as those answers, when the form goes on.
import { weeks, halfUnits, format, span, parseDay } from "./weeks.js";
import { readFiles } from "./pool.js";
import { dedupe } from "./dedupe.js";

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

const ShownDuplicates = 10;

/** "Counted once": each file that held an activity already counted, and the file it was counted from. */
function duplicateList(duplicates) {
  const box = el("div", "training-import__duplicates");
  const n = duplicates.length;
  box.append(el("p", "training-import__note", `Counted once: ${n === 1 ? "1 activity was" : `${n} activities were`} in more than one file.`));
  const ul = el("ul", null);
  for (const d of duplicates.slice(0, ShownDuplicates)) {
    ul.append(el("li", null, `${d.file}: the same ${d.same.run ? "run" : "activity"} as ${d.same.file}`));
  }
  if (n > ShownDuplicates) {
    ul.append(el("li", null, `and ${n - ShownDuplicates} more`));
  }
  box.append(ul);
  return box;
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
  let found = null;

  const miles = () => {
    const picked = root.dataset.unitName ? document.querySelector(`input[name="${root.dataset.unitName}"]:checked`) : null;
    return (picked ? picked.value : root.dataset.unit) === "miles";
  };
  const endDay = () => {
    const select = root.dataset.dateField ? document.getElementById(root.dataset.dateField) : null;
    return select && parseDay(select.value) ? select.value : root.dataset.today;
  };

  const show = (all, problems) => {
    const { kept: activities, duplicates } = dedupe(all);
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
    if (duplicates.length > 0) {
      results.append(duplicateList(duplicates));
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

  let reading = null;
  const read = (files) => {
    if (files.length === 0) {
      return;
    }
    reading?.cancel();
    found = null;
    results.replaceChildren();
    progress.max = files.length;
    progress.value = 0;
    progress.hidden = false;
    status.textContent = `Reading ${files.length === 1 ? "1 file" : `${files.length} files`} on this device…`;
    // The bar moves at most once a frame and the live region hears a quarter at a time, however fast the files come.
    let done = 0, frame = 0, announced = 0;
    const draw = () => {
      frame = 0;
      progress.value = done;
      if (done < files.length && done / files.length - announced >= 0.25) {
        announced = done / files.length;
        status.textContent = `Read ${Math.floor(done)} of ${files.length} files…`;
      }
    };
    const current = readFiles(files, root.dataset.worker, miles(), (n) => {
      done = n;
      frame ||= requestAnimationFrame(draw);
    });
    reading = current;
    current.promise.then((m) => {
      if (reading !== current) {
        return;
      }
      reading = null;
      cancelAnimationFrame(frame);
      progress.hidden = true;
      show(m.activities, m.problems);
      root.dispatchEvent(new CustomEvent("training-import-done", { bubbles: true }));
    }, () => {
      if (reading !== current) {
        return;
      }
      reading = null;
      progress.hidden = true;
      status.textContent = "Your files could not be read in this browser. Please type the distances instead.";
    });
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
