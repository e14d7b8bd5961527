// FIT files (Garmin, Coros, Suunto, Wahoo) through Garmin's own SDK.
import { Decoder, Stream } from "@garmin/fitsdk";
import { Unreadable, activity } from "./activity.js";
import { trackKm } from "./geo.js";
import { fitIntact, summaryOnly } from "./fitscan.js";

const options = { expandComponents: false, mergeHeartRates: false, includeUnknownData: false };

/** The sessions' summaries, when every session has its start, sport and distance (the records are never decoded). */
function fromSummary(bytes) {
  const summary = summaryOnly(bytes);
  if (!summary) {
    return null;
  }
  const { messages, errors } = new Decoder(Stream.fromByteArray(summary)).read(options);
  const sessions = messages.sessionMesgs || [];
  if (errors.length > 0 || sessions.length === 0 || !sessions.every((s) => typeof s.totalDistance === "number" && s.startTime instanceof Date)) {
    return null;
  }
  return sessions.map((s) => fromSession(s));
}

function fromSession(s, records) {
  const sport = s.subSport && s.subSport !== "generic" && s.sport === "running" ? s.subSport : s.sport;
  const km = typeof s.totalDistance === "number" ? s.totalDistance / 1000 : trackFromRecords(records || []);
  const a = activity(s.startTime, km, sport);
  a.run = s.sport === "running";
  return a;
}

export function readFit(bytes) {
  const stream = Stream.fromByteArray(bytes);
  if (!Decoder.isFIT(stream)) {
    throw new Unreadable("it is not a FIT file.");
  }
  if (!fitIntact(bytes)) {
    throw new Unreadable("the FIT file is damaged (its check sum or length is wrong).");
  }
  const quick = fromSummary(bytes);
  if (quick) {
    return quick;
  }
  const { messages, errors } = new Decoder(stream).read(options);
  if (errors.length > 0 && !(messages.sessionMesgs?.length || messages.recordMesgs?.length)) {
    throw new Unreadable("the FIT file is damaged.");
  }
  const sessions = messages.sessionMesgs || [];
  if (sessions.length > 0) {
    return sessions.map((s) => fromSession(s, messages.recordMesgs));
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
