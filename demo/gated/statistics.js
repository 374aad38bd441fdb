// Runs only once `statistics` is granted; counts its runs so QA (and the tests) can see "exactly once".
window.gatedRuns = window.gatedRuns || {};
window.gatedRuns.statistics = (window.gatedRuns.statistics || 0) + 1;
document.getElementById('gated-statistics').textContent = `ran ${window.gatedRuns.statistics}×`;
