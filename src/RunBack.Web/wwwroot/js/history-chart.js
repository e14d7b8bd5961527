// Draws the history chart from the JSON data block on the page. The table beside it holds the same numbers.
const dataElement = document.getElementById("pain-data");
const canvas = document.getElementById("pain-chart");
if (dataElement && canvas && window.Chart) {
  const data = JSON.parse(dataElement.textContent);
  const dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
  const text = dark ? "#e6edf0" : "#1d2b33";
  const grid = dark ? "rgba(230,237,240,0.15)" : "rgba(29,43,51,0.12)";
  Chart.defaults.color = text;
  Chart.defaults.font.size = 14;
  new Chart(canvas, {
    type: "line",
    data: {
      labels: data.labels,
      datasets: [
        { label: "Back pain", data: data.back, borderColor: "#0b6e82", backgroundColor: "#0b6e82", borderWidth: 3, pointRadius: 4, tension: 0.2 },
        { label: "Hip pain", data: data.hip, borderColor: "#b4540a", backgroundColor: "#b4540a", borderWidth: 3, pointRadius: 4, pointStyle: "rectRot", borderDash: [6, 4], tension: 0.2 },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        y: { min: 0, max: 10, ticks: { stepSize: 2 }, title: { display: true, text: "Pain (0–10)" }, grid: { color: grid } },
        x: { grid: { color: grid } },
      },
      plugins: { legend: { position: "bottom" } },
    },
  });
}
