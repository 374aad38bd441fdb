// Throughput of scrubUrl over a realistic corpus, on one core: `npm run build`, then
// `node bench/scrubUrl.bench.mjs`. Prints one JSON line: {"scrubUrlPerSecond": median, ...}.
// The budget (issue 4) is at least 200,000 URLs/s. Also times one 1 MB URL (`hugeUrlMs`, median).
import { scrubUrl } from '../dist/scrub.mjs';

const CORPUS_SIZE = 20_000;
const ROUNDS = 9;
const WARM_UP_ROUNDS = 3;

// A small seeded PRNG (mulberry32), so every run measures the same corpus.
let seed = 20_241_231;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const digits = (n) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
const alnum = (n) =>
  Array.from({ length: n }, () =>
    pick('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
  ).join('');

const ORIGIN = 'https://www.zorg-instelling.nl';
const WORDS = [
  'over-ons',
  'locaties',
  'tilburg',
  'breda',
  'wonen',
  'thuiszorg',
  'werken-bij',
  'nieuws',
  'contact',
  'vacatures',
  'wijkverpleging',
  'dagbesteding',
  'clienten',
  'mantelzorg',
  'agenda',
  'faq',
];
const path = () =>
  `/${Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(WORDS)).join('/')}`;
const campaign = () =>
  `utm_source=${pick(['nieuwsbrief', 'facebook', 'google'])}&utm_medium=${pick(['email', 'cpc', 'social'])}` +
  `&utm_campaign=${pick(['lente_2024', 'werving', 'open-dag'])}`;

const bsn = () => {
  for (;;) {
    const head = digits(8);
    const sum = [...head].reduce((total, d, i) => total + (9 - i) * +d, 0);
    if (sum % 11 < 10) return head + (sum % 11);
  }
};
const iban = () => {
  const bban = `ABNA${digits(10)}`;
  const rest = [...`${bban}NL00`].reduce((r, c) => {
    const v = parseInt(c, 36);
    return (r * (v > 9 ? 100 : 10) + v) % 97;
  }, 0);
  return `NL${String(98 - rest).padStart(2, '0')}${bban}`;
};
const email = () =>
  `${pick(['jan', 'marie.de.vries', 'p.jansen+zorg'])}${digits(2)}@${pick(['gmail.com', 'ziggo.nl', 'kpnmail.nl'])}`;

const MAKERS = [
  // Clean pages: the bulk of real traffic.
  [40, () => `${ORIGIN}${path()}`],
  [10, () => `${ORIGIN}${path()}/${digits(4)}/${pick(WORDS)}-${digits(2)}`],
  [15, () => `${ORIGIN}${path()}?${campaign()}`],
  [5, () => `${ORIGIN}${path()}?page=${digits(1)}&sort=datum#resultaten`],
  // Carrying personal data.
  [5, () => `${ORIGIN}/profiel/${encodeURIComponent(email())}?${campaign()}`],
  [
    5,
    () =>
      `${ORIGIN}/aanmelden?email=${encodeURIComponent(email())}&utm_source=${encodeURIComponent(email())}`,
  ],
  [4, () => `${ORIGIN}/clienten/${bsn()}/dossier`],
  [4, () => `${ORIGIN}/betalen?utm_content=${iban()}&iban=${iban()}`],
  [4, () => `${ORIGIN}/terugbellen/06-${digits(8)}?naam=Jan+de+Vries`],
  [4, () => `${ORIGIN}/wachtwoord/reset/${alnum(32)}`],
  [2, () => `${ORIGIN}/afspraak/${crypto.randomUUID()}#bevestigd`],
  [2, () => `${ORIGIN}/adres/${1000 + Math.floor(random() * 8999)}AB-${digits(2)}`],
];
const weights = MAKERS.reduce((total, [weight]) => total + weight, 0);
const makeUrl = () => {
  let roll = random() * weights;
  for (const [weight, make] of MAKERS) if ((roll -= weight) < 0) return make();
  return MAKERS[0][1]();
};
const corpus = Array.from({ length: CORPUS_SIZE }, makeUrl);

let sink = 0;
const round = () => {
  const start = process.hrtime.bigint();
  for (const url of corpus) sink += scrubUrl(url).length;
  return Number(process.hrtime.bigint() - start) / 1e9;
};
for (let i = 0; i < WARM_UP_ROUNDS; i++) round();
const perSecond = Array.from({ length: ROUNDS }, () => CORPUS_SIZE / round()).sort((a, b) => a - b);
const changed = corpus.filter((url) => scrubUrl(url) !== url).length;

// One 1 MB URL (a path of 1,000,000 characters with personal data at its start): the input cap
// (2,000 characters) must keep this as cheap as an ordinary URL, and the output within 2,000.
const HUGE_ROUNDS = 21;
const huge = `${ORIGIN}/profiel/${encodeURIComponent(email())}/${'a/'.repeat(500_000)}`;
const hugeMs = Array.from({ length: HUGE_ROUNDS }, () => {
  const start = process.hrtime.bigint();
  sink += scrubUrl(huge).length;
  return Number(process.hrtime.bigint() - start) / 1e6;
}).sort((a, b) => a - b);

console.log(
  JSON.stringify({
    scrubUrlPerSecond: Math.round(perSecond[ROUNDS >> 1]),
    min: Math.round(perSecond[0]),
    max: Math.round(perSecond[ROUNDS - 1]),
    corpus: CORPUS_SIZE,
    changedShare: +(changed / CORPUS_SIZE).toFixed(3),
    rounds: ROUNDS,
    hugeUrlChars: huge.length,
    hugeUrlMs: +hugeMs[HUGE_ROUNDS >> 1].toFixed(3),
    hugeUrlOutputChars: scrubUrl(huge).length,
    node: process.version,
    checksum: sink,
  }),
);
