// A year of watch files is mostly per-second record messages, and RunBack needs only each activity's summary (the
// session: start, sport, total distance). This walks a FIT file's framing (record headers and the message sizes its
// definitions give) without decoding any field, and builds a smaller FIT file of the definitions and the summary
// messages alone, which Garmin's SDK then decodes. Every field value still comes from the SDK; this never reads one.

const Keep = new Set([0, 12, 18, 34, 206, 207]); // file_id, sport, session, activity, field_description, developer_data_id

const table = (() => {
  const t = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1;
    }
    t[n] = c;
  }
  return t;
})();

/** The FIT check sum (CRC-16, polynomial 0xA001 reflected, as Garmin's CrcCalculator) a byte at a time. */
export function fitCrc(bytes, start, end) {
  let crc = 0;
  for (let i = start; i < end; i++) {
    crc = (crc >>> 8) ^ table[(crc ^ bytes[i]) & 0xff];
  }
  return crc;
}

/** Whether the file's header and its check sum are right (what the SDK's checkIntegrity checks, a byte at a time). */
export function fitIntact(bytes) {
  const headerSize = bytes[0];
  if ((headerSize !== 12 && headerSize !== 14) || bytes.length < headerSize + 2) {
    return false;
  }
  const dataSize = (bytes[4] | (bytes[5] << 8) | (bytes[6] << 16) | (bytes[7] << 24)) >>> 0;
  const end = headerSize + dataSize;
  if (bytes.length < end + 2 || String.fromCharCode(bytes[8], bytes[9], bytes[10], bytes[11]) !== ".FIT") {
    return false;
  }
  if (headerSize === 14 && (bytes[12] | bytes[13]) !== 0 && fitCrc(bytes, 0, 12) !== (bytes[12] | (bytes[13] << 8))) {
    return false;
  }
  return fitCrc(bytes, 0, end) === (bytes[end] | (bytes[end + 1] << 8));
}

/**
 * The file with its per-second messages left out: the header, every definition and the summary messages, with its
 * data size and check sum rewritten. Returns null when the file is anything but one plain FIT file (compressed
 * timestamps, more than one file chained, framing that does not add up): the caller decodes the whole file then.
 */
export function summaryOnly(bytes) {
  const headerSize = bytes[0];
  const dataSize = (bytes[4] | (bytes[5] << 8) | (bytes[6] << 16) | (bytes[7] << 24)) >>> 0;
  const end = headerSize + dataSize;
  if (bytes.length !== end + 2) {
    return null;
  }
  const sizes = new Int32Array(16).fill(-1), globals = new Int32Array(16);
  const ranges = [];
  let kept = 0, pos = headerSize;
  while (pos < end) {
    const h = bytes[pos];
    let len;
    if (h & 0x80) {
      return null; // a compressed-timestamp header: the SDK does not read these either
    }
    if (h & 0x40) {
      if (pos + 6 > end) {
        return null;
      }
      const fields = bytes[pos + 5];
      len = 6 + 3 * fields;
      let size = 0;
      for (let i = 0; i < fields; i++) {
        size += bytes[pos + 6 + 3 * i + 1];
      }
      if (h & 0x20) {
        const devFields = bytes[pos + len];
        for (let i = 0; i < devFields; i++) {
          size += bytes[pos + len + 1 + 3 * i + 1];
        }
        len += 1 + 3 * devFields;
      }
      sizes[h & 0x0f] = size;
      globals[h & 0x0f] = bytes[pos + 2] === 0 ? bytes[pos + 3] | (bytes[pos + 4] << 8) : (bytes[pos + 3] << 8) | bytes[pos + 4];
      ranges.push(pos, pos + len);
      kept += len;
    } else {
      const local = h & 0x0f;
      if (sizes[local] < 0) {
        return null;
      }
      len = 1 + sizes[local];
      if (Keep.has(globals[local])) {
        ranges.push(pos, pos + len);
        kept += len;
      }
    }
    pos += len;
  }
  if (pos !== end) {
    return null;
  }
  const out = new Uint8Array(headerSize + kept + 2);
  out.set(bytes.subarray(0, headerSize), 0);
  out[4] = kept & 0xff;
  out[5] = (kept >>> 8) & 0xff;
  out[6] = (kept >>> 16) & 0xff;
  out[7] = (kept >>> 24) & 0xff;
  if (headerSize === 14) {
    out[12] = 0; // no header check sum (allowed by the FIT protocol); the file's own check sum below covers it
    out[13] = 0;
  }
  let at = headerSize;
  for (let i = 0; i < ranges.length; i += 2) {
    out.set(bytes.subarray(ranges[i], ranges[i + 1]), at);
    at += ranges[i + 1] - ranges[i];
  }
  const crc = fitCrc(out, 0, at);
  out[at] = crc & 0xff;
  out[at + 1] = crc >>> 8;
  return out;
}
