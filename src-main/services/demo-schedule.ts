import type { DemoRandom } from './demo-random.js';

/**
 * When the demo sessions happen: on working days (a few on weekends), in working hours of the
 * local time zone, one after another on each technician machine (a machine never has two sessions
 * at once), more of them as the years go by (the MSP grows).
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface SessionTiming {
  start: number;
  end: number;
  /** Working time: wall time minus the pause and the idle gap. */
  activeMs: number;
  /** Active-time offset where the pause begins (Infinity: none) and how long it lasts. */
  pauseAt: number;
  pauseMs: number;
  idleAt: number;
  idleMs: number;
  idleConfirmed: boolean;
  machineIndex: number;
  /** Ended because the next session (same machine) started: end_reason mode_switch. */
  modeSwitch: boolean;
  weekend: boolean;
}

/** Wall-clock time of an offset into the active time: pauses and idle gaps before it are skipped. */
export function wallTime(timing: SessionTiming, offset: number): number {
  return timing.start + offset + (offset >= timing.pauseAt ? timing.pauseMs : 0) + (offset >= timing.idleAt ? timing.idleMs : 0);
}

/** Start of the pause or the idle gap in wall time. */
export function windowStart(timing: SessionTiming, which: 'pause' | 'idle'): number {
  return which === 'pause'
    ? timing.start + timing.pauseAt + (timing.idleAt < timing.pauseAt ? timing.idleMs : 0)
    : timing.start + timing.idleAt + (timing.pauseAt < timing.idleAt ? timing.pauseMs : 0);
}

/** Local midnights from the day of `start` up to (not including) the day of `now`. */
function days(start: number, now: number): number[] {
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  const result: number[] = [];
  for (const day = new Date(start); ; day.setDate(day.getDate() + 1)) {
    day.setHours(0, 0, 0, 0);
    if (day.getTime() >= today.getTime()) return result;
    result.push(day.getTime());
  }
}

/** Sessions per day, summing to exactly `total`. */
function sessionsPerDay(random: DemoRandom, dayStarts: number[], total: number): number[] {
  const weights = dayStarts.map((dayStart, index) => {
    const weekday = new Date(dayStart).getDay();
    const base = weekday === 0 ? 0.03 : weekday === 6 ? 0.1 : 1;
    return base * (0.8 + 0.4 * random.next()) * (0.85 + (0.3 * index) / Math.max(1, dayStarts.length));
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let assigned = 0;
  return weights.map((weight) => {
    cumulative += weight;
    const upTo = Math.floor((total * cumulative) / sum + 1e-9);
    const count = upTo - assigned;
    assigned = upTo;
    return count;
  });
}

function activeMinutes(random: DemoRandom): number {
  const r = random.next();
  if (r < 0.6) return random.int(10, 25);
  if (r < 0.88) return random.int(25, 60);
  if (r < 0.98) return random.int(60, 120);
  return random.int(120, 230);
}

/** Yields `total` session timings in day order. */
export function* sessionTimings(random: DemoRandom, start: number, now: number, total: number, machines: number): Generator<SessionTiming> {
  const dayStarts = days(start, now);
  const counts = sessionsPerDay(random, dayStarts, total);
  for (let dayIndex = 0; dayIndex < dayStarts.length; dayIndex++) {
    const dayStart = dayStarts[dayIndex] ?? 0;
    const count = counts[dayIndex] ?? 0;
    if (count === 0) continue;
    const weekday = new Date(dayStart).getDay();
    const weekend = weekday === 0 || weekday === 6;
    const lanes = Array.from({ length: machines }, (_unused, index) => ({
      free: dayStart + (weekend ? 9 : 7) * HOUR + random.int(0, 80) * MINUTE + index * 10 * MINUTE,
      chained: false,
    }));
    const latestEnd = dayStart + 23 * HOUR + 50 * MINUTE;
    for (let n = 0; n < count; n++) {
      let machineIndex = 0;
      for (let index = 1; index < lanes.length; index++) {
        if ((lanes[index]?.free ?? Infinity) < (lanes[machineIndex]?.free ?? Infinity)) machineIndex = index;
      }
      const lane = lanes[machineIndex];
      if (!lane) break;
      const sessionStart = lane.free + (lane.chained ? 0 : random.int(1, 10) * MINUTE + random.int(0, 59_999));
      let activeMs = activeMinutes(random) * MINUTE + random.int(0, 59_999);
      let pauseMs = random.chance(0.14) ? random.int(5, 45) * MINUTE : 0;
      let idleMs = activeMs >= 30 * MINUTE && random.chance(0.1) ? random.int(16, 70) * MINUTE : 0;
      if (activeMs + pauseMs + idleMs > 4 * HOUR) {
        pauseMs = 0;
        idleMs = 0;
      }
      const room = latestEnd - sessionStart - pauseMs - idleMs;
      if (activeMs > room) activeMs = Math.max(10 * MINUTE, room);
      const timing: SessionTiming = {
        start: sessionStart,
        end: sessionStart + activeMs + pauseMs + idleMs,
        activeMs,
        pauseAt: pauseMs > 0 ? random.int(5, Math.max(6, Math.floor(activeMs / MINUTE) - 5)) * MINUTE : Infinity,
        pauseMs,
        idleAt: idleMs > 0 ? random.int(5, Math.max(6, Math.floor(activeMs / MINUTE) - 5)) * MINUTE : Infinity,
        idleMs,
        idleConfirmed: random.chance(0.35),
        machineIndex,
        modeSwitch: random.chance(0.07),
        weekend,
      };
      if (timing.idleAt === timing.pauseAt && idleMs > 0) timing.idleAt += MINUTE;
      lane.free = timing.end;
      lane.chained = timing.modeSwitch;
      yield timing;
    }
  }
}
