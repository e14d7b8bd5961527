// The page's side of the reading: hands the picked files to two Web Workers (this machine class has two cores; a
// worker idles once the files run out), a file at a time, so a slow file never holds up the rest, and gathers their
// results in the order the files were picked. File objects are handles: the bytes are read in the workers, never here.
const MaxWorkers = 2;

/**
 * Reads the files; onProgress(filesDone) is called as files (and parts of a zip) are read. Returns { promise, cancel }:
 * the promise gives { activities, problems } or fails when the browser cannot run the workers.
 */
export function readFiles(files, workerUrl, miles, onProgress) {
  const count = Math.max(1, Math.min(MaxWorkers, files.length, navigator.hardwareConcurrency || MaxWorkers));
  const results = new Array(files.length);
  const parts = new Float64Array(files.length);
  const workers = [];
  let next = 0, finished = 0, partsDone = 0;
  const cancel = () => {
    for (const w of workers) {
      w.terminate();
    }
    workers.length = 0;
  };
  const promise = new Promise((resolve, reject) => {
    const give = (worker) => {
      if (next < files.length) {
        const id = next++;
        worker.postMessage({ id, file: files[id], miles });
      }
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(workerUrl);
      worker.onmessage = (e) => {
        const m = e.data;
        if (m.type === "part") {
          partsDone += m.fraction - parts[m.id];
          parts[m.id] = m.fraction;
        } else if (m.type === "result") {
          partsDone -= parts[m.id];
          results[m.id] = m;
          finished++;
          give(worker);
        }
        onProgress(finished + partsDone);
        if (finished === files.length) {
          cancel();
          resolve({ activities: results.flatMap((r) => r.activities), problems: results.flatMap((r) => r.problems) });
        }
      };
      worker.onerror = (e) => {
        e.preventDefault();
        cancel();
        reject(new Error("The training-file reader could not run."));
      };
      workers.push(worker);
      give(worker); // two files queued per worker, so it never waits on the page between files
      give(worker);
    }
  });
  return { promise, cancel };
}
