// FIT files (Garmin, Coros, Suunto, Wahoo) through Garmin's own SDK.
import { Decoder, Stream } from "@garmin/fitsdk";
import { Unreadable, activity } from "./activity.js";
import { trackKm } from "./geo.js";

export function readFit(bytes) {
  const stream = Stream.fromByteArray(bytes);
  if (!Decoder.isFIT(stream)) {
    throw new Unreadable("it is not a FIT file.");
  }
  const decoder = new Decoder(stream);
  if (!decoder.checkIntegrity()) {
    throw new Unreadable("the FIT file is damaged (its check sum or length is wrong).");
  }
  const { messages, errors } = decoder.read({ expandComponents: false, mergeHeartRates: false, includeUnknownData: false });
  if (errors.length > 0 && !(messages.sessionMesgs?.length || messages.recordMesgs?.length)) {
    throw new Unreadable("the FIT file is damaged.");
  }
  const sessions = messages.sessionMesgs || [];
  if (sessions.length > 0) {
    return sessions.map((s) => {
      const sport = s.subSport && s.subSport !== "generic" && s.sport === "running" ? s.subSport : s.sport;
      const run = s.sport === "running";
      const km = typeof s.totalDistance === "number" ? s.totalDistance / 1000 : trackFromRecords(messages.recordMesgs || []);
      const a = activity(s.startTime, km, sport);
      a.run = run;
      return a;
    });
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
