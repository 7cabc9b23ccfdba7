/**
 * Where a step's time goes on the page's main thread, from a Chromium trace: script, style,
 * layout (split into layout forced by script reading it, and layout the frame did itself), paint
 * and the rest of the frame. CDP's ThreadTime leaves forced layout out, and wall times on a
 * shared machine are noisy: these sums are what shows a change to the first render.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, with thread-tick timing: what other processes on the machine stretch far less. */
  tts?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { frame?: string } };
}

/** A part's time in ms: the main thread's CPU time, and wall time (which adds waits, such as a font lookup's, and other processes' turns). */
export interface Part {
  cpu: number;
  wall: number;
}

export interface Breakdown {
  /** Script, less the style and layout it forced. */
  js: Part;
  style: Part;
  /** Layout run inside script (a read of a size or position made the browser lay out at once). */
  forcedLayout: Part;
  /** Layout the frame ran on its own schedule. */
  frameLayout: Part;
  /** Pre-paint, paint, layerize, commit. */
  paint: Part;
  /** The longest task on the main thread, by CPU and by wall time (the frame waits for it whole). */
  longestTask: Part;
}

/** Trace categories that carry the events read here. */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'blink.user_timing'];

const SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'EventDispatch', 'v8.run', 'V8.Execute']);
const STYLE = new Set(['UpdateLayoutTree', 'RecalcStyles', 'ScheduleStyleRecalculation']);
const PAINT = new Set(['PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer', 'CompositeLayers', 'PaintImage']);

interface Span {
  name: string;
  start: number;
  end: number;
  /** The main thread's CPU time over the span (µs); its wall time where the trace has none. */
  cpu: number;
}

/** The main thread of the page's renderer: the thread named CrRendererMain that ran script. */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } | undefined {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number; busy: number } | undefined;
  for (const m of mains) {
    const busy = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X' && SCRIPT.has(e.name)).reduce((sum, e) => sum + (e.dur ?? 0), 0);
    if (!best || busy > best.busy) best = { pid: m.pid, tid: m.tid, busy };
  }
  return best;
}

/** Complete events ('X') and begin/end pairs ('B'/'E') of one thread as spans, in µs. */
function spans(events: TraceEvent[], pid: number, tid: number): Span[] {
  const out: Span[] = [];
  const open: TraceEvent[] = [];
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X') out.push({ name: e.name, start: e.ts, end: e.ts + (e.dur ?? 0), cpu: e.tdur ?? e.dur ?? 0 });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const at = open.map((o) => o.name).lastIndexOf(e.name);
      if (at < 0) continue;
      const begin = open.splice(at, 1)[0];
      const cpu = begin.tts !== undefined && e.tts !== undefined ? e.tts - begin.tts : e.ts - begin.ts;
      out.push({ name: e.name, start: begin.ts, end: e.ts, cpu });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Sums the outermost spans of a kind (a span inside another of the same kind counts once). */
function outermost(list: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of list) if (!out.length || s.start >= out[out.length - 1].end) out.push(s);
  return out;
}

const total = (list: Span[]): Part => ({
  cpu: list.reduce((sum, s) => sum + s.cpu, 0) / 1000,
  wall: list.reduce((sum, s) => sum + (s.end - s.start), 0) / 1000,
});
const minus = (a: Part, ...others: Part[]): Part => ({
  cpu: others.reduce((left, o) => left - o.cpu, a.cpu),
  wall: others.reduce((left, o) => left - o.wall, a.wall),
});
const inside = (s: Span, outer: Span[]) => outer.some((o) => s.start >= o.start && s.end <= o.end);

/** The trace's time of the page's `performance.mark(name)`, if it has one. */
const markAt = (events: TraceEvent[], name: string) => events.find((e) => e.name === name && e.ph !== 'M')?.ts;

/**
 * The main thread's parts between the marks `from` and `to` (the whole trace without them): what
 * runs later, such as rows rendered in idle time after the first frame, is not the first render's.
 */
export function breakdown(events: TraceEvent[], from = 'zb-mount-start', to = 'zb-mount-ready'): Breakdown | undefined {
  const main = mainThread(events);
  if (!main) return undefined;
  const start = markAt(events, from) ?? Number.NEGATIVE_INFINITY;
  const end = markAt(events, to) ?? Number.POSITIVE_INFINITY;
  // Every span that overlaps the marks: the task that ran the mount began before its first mark.
  const all = spans(events, main.pid, main.tid).filter((s) => s.end > start && s.start < end);
  const script = outermost(all.filter((s) => SCRIPT.has(s.name)));
  const layout = outermost(all.filter((s) => s.name === 'Layout'));
  const style = outermost(all.filter((s) => STYLE.has(s.name)));
  const forced = total(layout.filter((s) => inside(s, script)));
  const styleInScript = total(style.filter((s) => inside(s, script)));
  const tasks = all.filter((s) => s.name === 'RunTask' || s.name === 'ThreadControllerImpl::RunTask');
  return {
    js: minus(total(script), forced, styleInScript),
    style: total(style),
    forcedLayout: forced,
    frameLayout: minus(total(layout), forced),
    paint: total(outermost(all.filter((s) => PAINT.has(s.name)))),
    longestTask: {
      cpu: tasks.reduce((m, s) => Math.max(m, s.cpu / 1000), 0),
      wall: tasks.reduce((m, s) => Math.max(m, (s.end - s.start) / 1000), 0),
    },
  };
}
