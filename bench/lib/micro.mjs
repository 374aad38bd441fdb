// The micro-benchmarks, each its own script printing JSON on stdout, run one after the other as
// child processes (never beside the browser runs: they would compete for the same cores).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

export const MICRO = [
  { id: 'scrubUrl', file: 'bench/scrubUrl.bench.mjs', args: [] },
  { id: 'guard', file: 'bench/guard.bench.mjs', args: [] },
  { id: 'relay', file: 'bench/relay.bench.mjs', args: ['--seconds', '10', '--sink', 'ndjson'] },
  {
    id: 'relaySqlite',
    file: 'bench/relay.bench.mjs',
    args: ['--seconds', '10', '--sink', 'sqlite'],
  },
];

/** Parses a script's stdout: one JSON document, or else its last line that is JSON. */
const parseJson = (stdout) => {
  try {
    return JSON.parse(stdout);
  } catch {
    for (const line of stdout.trim().split('\n').reverse()) {
      try {
        return JSON.parse(line);
      } catch {
        // Not this line.
      }
    }
    return null;
  }
};

/** Runs each micro-benchmark; a missing or failing one is recorded as `{ error }`, not thrown. */
export const runMicroBenchmarks = async (root, log) => {
  const results = {};
  for (const { id, file, args } of MICRO) {
    if (!existsSync(`${root}${file}`)) {
      results[id] = { error: `${file} does not exist` };
      continue;
    }
    log(`micro-benchmark ${file}`);
    results[id] = await new Promise((resolve) =>
      execFile(
        process.execPath,
        [file, ...args],
        { cwd: root, timeout: 180_000, maxBuffer: 2 ** 24 },
        (error, stdout, stderr) => {
          const parsed = parseJson(stdout);
          if (parsed) resolve({ command: `node ${[file, ...args].join(' ')}`, ...parsed });
          else
            resolve({
              error:
                `${file} printed no JSON${error ? `: ${error.message.split('\n')[0]}` : ''} ${stderr.slice(0, 300)}`.trim(),
            });
        },
      ),
    );
  }
  return results;
};
