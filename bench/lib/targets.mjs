// The targets, each with where this run puts it: met or missed, the figure, and for a
// miss what closing the gap would take (worked out from the same figures, not written by hand).
const KB = 1024;
const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const ms = (value) => (value === null || value === undefined ? '—' : `${value.toFixed(1)} ms`);
const mark = (ok) => (ok ? '**met**' : '**missed**');

export const targetLines = ({
  summaries,
  sizes,
  entrySizes,
  micro,
  parts,
  rates,
  netOf,
  ratios,
}) => {
  const lines = [];
  const core = entrySizes?.['dist/zorgvuldig.min.js'];
  if (core)
    lines.push(
      `- Script-tag core ≤ 6 KB min+gzip (what blocks the page): ${mark(core.gzip <= 6 * KB)} — ${kb(core.gzip)}.`,
    );
  const zv = sizes['zv-script'];
  const vcc = sizes['vanilla-cookieconsent'];
  const over = zv.gzip - 13 * KB;
  // The script-tag parts as scripts/size.mjs measures them, one file each.
  const partSizes = Object.entries(parts).filter(([name]) => name.startsWith('part:'));
  lines.push(
    `- Everything a first visit with statistics on loads (script tag: core, banner UI, statistics, scrubber, web-vitals) ≤ 13 KB min+gzip JS + CSS: ${mark(over <= 0)} — ${kb(zv.gzip)} (brotli ${kb(zv.brotli)})` +
      (vcc
        ? `, against vanilla-cookieconsent 3's ${kb(vcc.gzip)} for consent alone in this run (ratio ${(zv.gzip / vcc.gzip).toFixed(2)}).`
        : '.') +
      (over > 0 ? ` ${kb(over)} too many.` : '') +
      (partSizes.length
        ? ` The files: core ${core ? kb(core.gzip) : '—'}; ${partSizes.map(([name, size]) => `${name.replace(/^part: /, '')} ${kb(size.gzip)}`).join('; ')}.`
        : ''),
  );

  const initRatios = rates.map((rate) => ({
    rate,
    ratio: ratios['vanilla-cookieconsent']?.[`script${rate}`],
  }));
  const initOk = initRatios.every(
    (r) => r.ratio !== null && r.ratio !== undefined && r.ratio <= 0.5,
  );
  if (!summaries['vanilla-cookieconsent'])
    lines.push(
      "- Init main-thread time ≤ 0.5× vanilla-cookieconsent's: not measured in this run (`--only` left it out).",
    );
  else
    lines.push(
      `- Init main-thread time ≤ 0.5× vanilla-cookieconsent's (script eval + init, net of the blank page): ${mark(initOk)} — ` +
        initRatios
          .map(
            ({ rate, ratio }) =>
              `${rate}×: ${ms(netOf(summaries, 'zv-script', rate, 'scriptMs'))} against ${ms(netOf(summaries, 'vanilla-cookieconsent', rate, 'scriptMs'))} (${ratio ?? '—'}×)`,
          )
          .join('; ') +
        (initOk
          ? '.'
          : `. It would take cutting zorgvuldig's init to ${initRatios.map(({ rate }) => ms(0.5 * netOf(summaries, 'vanilla-cookieconsent', rate, 'scriptMs'))).join(' / ')}: less code to compile (size) and less work before the banner (statistics, web-vitals and the guard could start in an idle callback after the banner paints).`),
    );

  // The same goal for a returning visit (decided), against vanilla-cookieconsent's returning visit.
  if (summaries['zv-returning'] && summaries['vanilla-returning']) {
    const returning = rates.map((rate) => ({
      rate,
      zv: netOf(summaries, 'zv-returning', rate, 'scriptMs'),
      peer: netOf(summaries, 'vanilla-returning', rate, 'scriptMs'),
    }));
    const ok = returning.every(({ zv, peer }) => zv > 0 && peer > 0 && zv / peer <= 0.5);
    lines.push(
      `- Returning visit (decided): the SDK's script time ≤ 0.5× vanilla-cookieconsent's (both returning, net of the blank page): ${mark(ok)} — ` +
        returning
          .map(
            ({ rate, zv, peer }) =>
              `${rate}×: ${ms(zv)} against ${ms(peer)} (${zv > 0 && peer > 0 ? (zv / peer).toFixed(2) : '—'}×)`,
          )
          .join('; ') +
        '.',
    );
  }

  const clsMax = Math.max(
    ...rates.flatMap((rate) =>
      ['zv-script', 'zv-returning', 'zv-full', 'zv-esm'].map(
        (id) => summaries[id]?.[rate]?.cls?.max ?? 0,
      ),
    ),
  );
  lines.push(
    `- CLS 0.000 from the banner: ${mark(clsMax < 0.0005)} — the largest CLS in any zorgvuldig run was ${clsMax.toFixed(3)} (the banner is \`position: fixed\` and slides in with a transform).`,
  );

  const top = rates[rates.length - 1];
  const zvRows = ['zv-script', 'zv-returning', 'zv-full'].filter((id) => summaries[id]);
  const ownLong = zvRows.map((id) => [
    id,
    summaries[id][top].ownLongTasks,
    summaries[id][top].ownLongestMs,
  ]);
  const longOk = ownLong.length > 0 && ownLong.every(([, count]) => count && count.max === 0);
  lines.push(
    `- No long task caused by the SDK at ${top}× throttling (no script entry of \`/dist/zorgvuldig.*\` ≥ 50 ms in a long animation frame): ${mark(longOk)} — ` +
      ownLong
        .map(
          ([id, count, longest]) =>
            `${id}: ${count ? `${count.median} median, ${count.max} at most` : '—'} (longest ${longest ? `${longest.max.toFixed(0)} ms` : '—'})`,
        )
        .join('; ') +
      '.',
  );
  const returning = sizes['zv-returning'];
  if (returning) {
    const uiLoaded = Object.keys(returning.files).filter((path) =>
      /\/dist\/zorgvuldig\.ui\b/.test(path),
    );
    lines.push(
      `- A returning visit (decided) loads no UI part: ${mark(uiLoaded.length === 0)} — it loaded ${Object.keys(returning.files).join(', ') || 'nothing'} (${kb(returning.gzip)} gzip).`,
    );
  }

  const s = micro.scrubUrl;
  lines.push(
    s?.scrubUrlPerSecond
      ? `- \`scrubUrl\` ≥ 200,000 URLs/s: ${mark(s.scrubUrlPerSecond >= 200_000)} — ${s.scrubUrlPerSecond.toLocaleString('en')} URLs/s (median of ${s.rounds} rounds over ${s.corpus.toLocaleString('en')} URLs).`
      : `- \`scrubUrl\` ≥ 200,000 URLs/s: not measured (${s?.error ?? 'skipped'}).`,
  );
  const g = micro.guard;
  lines.push(
    typeof g?.msAddedPerCall === 'number'
      ? `- Guard < 0.05 ms per \`fetch\`: ${mark(g.msAddedPerCall < 0.05 && g.guardActive?.with)} — ${g.msAddedPerCall} ms added per same-origin call the guard passes on (${g.msPerCallWithGuard} ms with the guard, ${g.msPerCallWithout} ms without; median of ${g.rounds} rounds of ${g.calls.toLocaleString('en')} calls); a call it stops (Google before consent) costs ${g.msPerBlockedGoogleCall} ms.`
      : `- Guard < 0.05 ms per \`fetch\`: not measured (${g?.error ?? 'skipped'}).`,
  );
  // The target is for the relay's own store (SQLite); the ndjson log is measured beside it.
  const r = micro.relaySqlite ?? micro.relay;
  const store = micro.relaySqlite ? 'the SQLite store' : 'the ndjson sink';
  lines.push(
    r?.beaconsPerSecond
      ? `- Relay ≥ 5,000 beacons/s per core into ${store}, p99 < 20 ms: ${mark(r.beaconsPerSecond >= 5000 && r.latencyMs.p99 < 20)} — ${r.beaconsPerSecond.toLocaleString('en')} beacons/s from one relay process (the load generator shares the machine's ${r.cpus} cores), p99 ${r.latencyMs.p99} ms, ${r.lostAcknowledged} acknowledged but lost.${r.beaconsPerSecond >= 5000 && r.latencyMs.p99 < 20 ? '' : ` The machine's load average was ${r.loadAverage?.join(' / ')} on ${r.cpus} cores during this run, with the load generator on the same cores: a dedicated core for the relay (or a quiet machine) is what the target assumes.`}`
      : `- Relay ≥ 5,000 beacons/s, p99 < 20 ms: not measured (${r?.error ?? 'skipped'}).`,
  );
  return lines;
};
