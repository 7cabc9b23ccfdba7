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
  pid: number;
  tid: number;
  args?: { name?: string; data?: { frame?: string } };
}

export interface Breakdown {
  /** Script, less the style and layout it forced. */
  jsMs: number;
  styleMs: number;
  /** Layout run inside script (a read of a size or position made the browser lay out at once). */
  forcedLayoutMs: number;
  /** Layout the frame ran on its own schedule. */
  frameLayoutMs: number;
  /** Pre-paint, paint, layerize, commit. */
  paintMs: number;
  /** The longest task on the main thread. */
  longestTaskMs: number;
}

/** Trace categories that carry the events read here. */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink'];

const SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'EventDispatch', 'v8.run', 'V8.Execute']);
const STYLE = new Set(['UpdateLayoutTree', 'RecalcStyles', 'ScheduleStyleRecalculation']);
const PAINT = new Set(['PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer', 'CompositeLayers', 'PaintImage']);

interface Span {
  name: string;
  start: number;
  end: number;
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
    if (e.ph === 'X') out.push({ name: e.name, start: e.ts, end: e.ts + (e.dur ?? 0) });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const at = open.map((o) => o.name).lastIndexOf(e.name);
      if (at >= 0) out.push({ name: e.name, start: open.splice(at, 1)[0].ts, end: e.ts });
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

const total = (list: Span[]) => list.reduce((sum, s) => sum + (s.end - s.start), 0) / 1000;
const inside = (s: Span, outer: Span[]) => outer.some((o) => s.start >= o.start && s.end <= o.end);

export function breakdown(events: TraceEvent[]): Breakdown {
  const main = mainThread(events);
  if (!main)
    return { jsMs: Number.NaN, styleMs: Number.NaN, forcedLayoutMs: Number.NaN, frameLayoutMs: Number.NaN, paintMs: Number.NaN, longestTaskMs: Number.NaN };
  const all = spans(events, main.pid, main.tid);
  const script = outermost(all.filter((s) => SCRIPT.has(s.name)));
  const layout = outermost(all.filter((s) => s.name === 'Layout'));
  const style = outermost(all.filter((s) => STYLE.has(s.name)));
  const forced = layout.filter((s) => inside(s, script));
  const styleInScript = style.filter((s) => inside(s, script));
  const tasks = all.filter((s) => s.name === 'RunTask' || s.name === 'ThreadControllerImpl::RunTask');
  return {
    jsMs: total(script) - total(forced) - total(styleInScript),
    styleMs: total(style),
    forcedLayoutMs: total(forced),
    frameLayoutMs: total(layout) - total(forced),
    paintMs: total(outermost(all.filter((s) => PAINT.has(s.name)))),
    longestTaskMs: tasks.reduce((m, s) => Math.max(m, (s.end - s.start) / 1000), 0),
  };
}
