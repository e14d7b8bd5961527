// Wires the summary's Print button (no inline handlers, so the CSP can forbid inline script).
for (const button of document.querySelectorAll("[data-print]")) {
  button.addEventListener("click", () => window.print());
}
