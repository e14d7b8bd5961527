// The Web Worker: reads the files the runner picked, one at a time, and posts back only dates, distances and sports
// (and, for the page only, the names of files it could not read). Nothing here talks to the network.
import { readBytes, Unreadable, MaxFileBytes, MaxZipBytes, kindOf } from "./read.js";

self.onmessage = async (event) => {
  const { files, miles } = event.data;
  const activities = [];
  const problems = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    try {
      const kind = kindOf(file.name);
      const limit = kind && kind.kind === "zip" ? MaxZipBytes : MaxFileBytes;
      if (!kind) {
        throw new Unreadable("RunBack reads GPX, TCX, FIT, CSV and zip files only.");
      }
      if (file.size > limit) {
        throw new Unreadable(`it is larger than ${Math.round(limit / 1024 / 1024)} MB, more than any training file RunBack reads.`);
      }
      if (file.size === 0) {
        throw new Unreadable("it is empty.");
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const read = readBytes(file.name, bytes, { miles });
      activities.push(...read.activities);
      for (const p of read.problems) {
        problems.push({ name: `${file.name}: ${p.name}`, reason: p.reason });
      }
    } catch (e) {
      problems.push({ name: file.name, reason: e instanceof Unreadable ? e.message : "it could not be read." });
    }
    self.postMessage({ type: "progress", done: i + 1, total: files.length });
  }
  self.postMessage({ type: "done", activities, problems });
};
