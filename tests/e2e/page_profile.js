// What the browser benchmarks share (bench_many_files.mjs, bench_large_inputs.mjs): the page
// thread's long tasks beside large_inputs.js's heartbeat, and a CPU profile of the page taken
// apart by function and by long task.
/** Starts recording the page's long tasks (beside large_inputs.js's heartbeat), and how long
 * the app's own handling of a file input's change event takes: a pick's longest task can be
 * the browser's own work of building the list of files, before the event is dispatched. */
export function longTasks() {
  window.__long = [];
  window.__longAt = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__long.push(e.duration);
      if (e.duration > (window.__taskFloor ?? 100)) window.__longAt.push([Math.round(e.startTime), Math.round(e.duration)]);
    }
  }).observe({ type: 'longtask', buffered: false });
  let changed = 0;
  document.addEventListener('change', () => { changed = performance.now(); }, true);
  window.addEventListener('change', () => {
    window.__change = [Math.round(changed), Math.round(performance.now() - changed)];
  });
}

/** The longest heartbeat gap and long task since the last call, and how many long tasks. */
export async function worst(page) {
  return page.evaluate(() => {
    const gap = Math.max(0, ...window.__gaps);
    const task = Math.max(0, ...window.__long);
    const over100 = window.__long.filter((d) => d > 100).length;
    const busy = window.__gaps.reduce((sum, g) => sum + Math.max(0, g - 20), 0);
    const since = window.__stepStart ?? 0;
    const tasks = window.__longAt.filter(([, ms]) => ms > 100).map(([at, ms]) => `${ms} ms at +${Math.round(at - since)} ms`);
    const spans = window.__longAt.map(([at, ms]) => [at, ms, Math.round(at - since)]);
    const change = window.__change && `the change event at +${Math.round(window.__change[0] - since)} ms, handled in ${window.__change[1]} ms`;
    window.__gaps = [];
    window.__long = [];
    window.__longAt = [];
    window.__change = undefined;
    window.__stepStart = performance.now();
    return { gap: Math.round(gap), task: Math.round(task), over100, busy: Math.round(busy), tasks, spans, change };
  });
}

/** Spins for 20 ms in a function of its own name, so that a CPU profile's clock can be set
 * against `performance.now()`: returns when it started. */
export function markClock() {
  const started = performance.now();
  (function trialcardsClockMark() {
    while (performance.now() - started < 20);
  })();
  return started;
}

/** The functions with the most self time in a CPU profile, with their share of the samples;
 * then, for each long task in `spans` ([start, ms, offset] in `performance.now()` time, set
 * against the profile's clock by `mark`, a `markClock` start), what ran in it. */
export function printProfile(profile, mark, spans) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  let total = 0;
  for (const [id, c] of counts) {
    const f = byId.get(id).callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    const name = f.functionName || `(anonymous ${f.url.split('/').pop()}:${f.lineNumber})`;
    self.set(name, (self.get(name) ?? 0) + c);
    total += c;
  }
  console.log(`busy samples: ${total}`);
  for (const [name, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${String(Math.round((1000 * c) / total) / 10).padStart(5)} %  ${name.slice(0, 140)}`);
  }
  // Inclusive time: the share of the busy samples with the function anywhere on the stack.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map();
  for (const [id, c] of counts) {
    const leaf = byId.get(id).callFrame.functionName;
    if (leaf === '(idle)' || leaf === '(program)') continue;
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at).callFrame.functionName.replace(/::h[0-9a-f]{16}$/, '');
      if (name) seen.add(name);
    }
    for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + c);
  }
  // Each long task's own costliest functions (inclusive), found by the sample times.
  let clock = profile.startTime;
  const times = profile.timeDeltas.map((d) => (clock += d) / 1000);
  const first = profile.samples.findIndex((id, i) => {
    for (let at = id; at !== undefined; at = parent.get(at)) {
      if (byId.get(at).callFrame.functionName === 'trialcardsClockMark') return true;
    }
    return false;
  });
  if (first >= 0 && mark !== null) {
    const offset = times[first] - mark;
    for (const [start, ms, since] of spans) {
      const inTask = new Map();
      let n = 0;
      profile.samples.forEach((id, i) => {
        const t = times[i] - offset;
        if (t < start || t > start + ms) return;
        const seen = new Set();
        for (let at = id; at !== undefined; at = parent.get(at)) {
          const name = byId.get(at).callFrame.functionName.replace(/::h[0-9a-f]{16}$/, '');
          if (name && !/^(js-to-wasm|wasm-to-js|real|\(root\))/.test(name) && !name.startsWith('wasm_bindgen')) seen.add(name);
        }
        for (const name of seen) inTask.set(name, (inTask.get(name) ?? 0) + 1);
        n += 1;
      });
      console.log(`task of ${ms} ms at +${since} ms (${n} samples):`);
      for (const [name, c] of [...inTask].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TASK_TOP ?? 8))) {
        console.log(`  ${String(Math.round((1000 * c) / Math.max(1, n)) / 10).padStart(5)} %  ${name.slice(0, 130)}`);
      }
    }
  }
  console.log('inclusive (the function or what it calls):');
  for (const [name, c] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 40))) {
    console.log(`${String(Math.round((1000 * c) / total) / 10).padStart(5)} %  ${name.slice(0, 140)}`);
  }
}
