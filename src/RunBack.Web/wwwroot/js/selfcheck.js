// Focus helpers for the self-check (loaded as a module: no inline script, so the CSP stays strict).
export function focusById(id) {
  const target = document.getElementById(id);
  if (!target) {
    return;
  }
  // A fieldset cannot take focus: focus its first input instead.
  const focusable = target.matches("input, select, textarea, button, [tabindex]")
    ? target
    : target.querySelector("input, select, textarea, button");
  (focusable || target).focus({ preventScroll: true });
  target.scrollIntoView({ block: "center" });
}

export function scrollToTop() {
  window.scrollTo({ top: 0 });
}
