// Stands in for a Google tag a site would gate: runs only once `googleAnalytics` is granted.
window.gatedRuns = window.gatedRuns || {};
window.gatedRuns.googleAnalytics = (window.gatedRuns.googleAnalytics || 0) + 1;
document.getElementById('gated-google').textContent = `ran ${window.gatedRuns.googleAnalytics}×`;
