/* Draws the dashboard's charts from the JSON the page carries (no inline script: the page's CSP
   allows only this file and the bundled Chart.js). Without JavaScript the table still says it all. */
(function () {
  "use strict";
  var source = document.getElementById("chart-data");
  if (!source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.animation = false;
  var number = new Intl.NumberFormat(document.documentElement.lang === "en" ? "en" : "vi");

  function box(key) {
    return document.querySelector('figure[data-chart="' + key + '"] .canvas-box');
  }

  function bars(indicator) {
    var holder = box(indicator.key);
    if (!holder || !indicator.values.length) { return; }
    // One bar per commune, largest first, read down the page (names stay readable on a phone).
    holder.style.height = Math.max(160, 26 * indicator.values.length + 50) + "px";
    new Chart(holder.querySelector("canvas"), {
      type: "bar",
      data: {
        labels: indicator.labels,
        datasets: [{ label: indicator.title, data: indicator.values, backgroundColor: "#0b5cad" }]
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false },
          tooltip: { callbacks: { label: function (c) { return number.format(c.parsed.x); } } } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } }
      }
    });
  }

  function trend(t) {
    var holder = box("trend");
    if (!holder) { return; }
    var colours = ["#0b5cad", "#1b8a5a", "#b26a00"];
    new Chart(holder.querySelector("canvas"), {
      type: "line",
      data: {
        labels: t.labels,
        datasets: t.series.map(function (s, i) {
          return { label: s.label, data: s.values, borderColor: colours[i], backgroundColor: colours[i], tension: 0.2 };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }

  trend(data.trend);
  data.indicators.forEach(bars);
})();
