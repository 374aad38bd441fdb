/**
 * The banner's and the dialog's stylesheet, added after the shell's (`SHELL_CSS`, which the core
 * applies for the reopen control and which holds the theme). The banner is `position: fixed`, so
 * it never shifts the page's layout.
 */
export const CSS = `
.b{position:fixed;z-index:2147483646;left:0;right:0;bottom:0;padding:1rem;border-top:2px solid var(--ac);box-shadow:0 -4px 16px #0003;animation:zv-in .2s ease-out}
.b:focus,.d:focus{outline:none}
.w{max-width:60rem;margin:0 auto}
h2{font-size:1.15rem;margin:0 0 .5rem}
h3{font-size:1rem;margin:1rem 0 .5rem}
p{margin:0 0 .75rem}
a{color:var(--ac)}
.a{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.e{display:grid;grid-auto-flow:column;grid-auto-columns:1fr;gap:.5rem}
.p{background:var(--ac);color:var(--af);border:2px solid var(--ac);font-weight:600}
.s{background:transparent;color:var(--ac);border:2px solid currentColor}
.d{border:0;border-radius:var(--zv-radius,6px);padding:1.5rem;max-width:min(40rem,calc(100vw - 2rem));max-height:calc(100vh - 2rem);overflow:auto;box-shadow:0 8px 32px #0006}
.d::backdrop{background:#0008}
.c{border-top:1px solid #8884;padding:.75rem 0}
.h{display:flex;justify-content:space-between;align-items:center;gap:1rem;font-weight:600}
.c p{color:var(--mu);margin:.25rem 0 0}
input{width:2.75rem;height:1.5rem;accent-color:var(--ac);margin:0}
.n{border-left:4px solid var(--ac);padding-left:.5rem}
@keyframes zv-in{from{transform:translateY(100%)}}
@media (prefers-reduced-motion:reduce){.b{animation:none}}
`;
