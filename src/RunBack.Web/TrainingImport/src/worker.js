// The Web Worker: reads one file at a time as the page hands them over (two of these run side by side, see pool.js),
// and posts back only dates, start instants, distances and sports, each with the name of the file it came from (for the
// page alone: the duplicates and the files it could not read are listed by name). Nothing here talks to the network.
import { readBytes, Unreadable, MaxFileBytes, MaxZipBytes, kindOf } from "./read.js";

const ProgressMs = 100; // a zip's progress is posted at most this often

function check(file) {
  const kind = kindOf(file.name);
  if (!kind) {
    throw new Unreadable("RunBack reads GPX, TCX, FIT, CSV and zip files only.");
  }
  const limit = kind.kind === "zip" ? MaxZipBytes : MaxFileBytes;
  if (file.size > limit) {
    throw new Unreadable(`it is larger than ${Math.round(limit / 1024 / 1024)} MB, more than any training file RunBack reads.`);
  }
  if (file.size === 0) {
    throw new Unreadable("it is empty.");
  }
}

self.onmessage = async (event) => {
  const { id, file, miles } = event.data;
  const activities = [];
  const problems = [];
  let posted = 0;
  const onEntry = (done, total) => {
    const now = performance.now();
    if (now - posted >= ProgressMs) {
      posted = now;
      self.postMessage({ type: "part", id, fraction: done / total });
    }
  };
  try {
    check(file);
    const read = readBytes(file.name, new Uint8Array(await file.arrayBuffer()), { miles, onEntry });
    for (const a of read.activities) {
      a.file = a.file === file.name ? a.file : `${file.name}: ${a.file}`;
      activities.push(a);
    }
    for (const p of read.problems) {
      problems.push({ name: `${file.name}: ${p.name}`, reason: p.reason });
    }
  } catch (e) {
    problems.push({ name: file.name, reason: e instanceof Unreadable ? e.message : "it could not be read." });
  }
  self.postMessage({ type: "result", id, activities, problems });
};
