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

// Brings a warning banner into view without touching focus: the runner keeps their place in the question (a screen
// reader hears the banner through role=alert), and the next Tab or Space returns the page to the control.
export function reveal(id) {
  const heading = document.getElementById(id);
  if (!heading) {
    return;
  }
  const banner = heading.closest(".triage") || heading;
  const box = banner.getBoundingClientRect();
  const action = banner.querySelector(".triage__action") || heading;
  if (box.top >= 0 && action.getBoundingClientRect().bottom <= window.innerHeight) {
    return;
  }
  banner.scrollIntoView({ block: "start", behavior: "instant" });
}

// Keeps the country chosen on the self-check's first step (the same-origin switch sets its cookie, and keeps it with a
// profile); the page itself already shows the new country's number. A failure leaves the choice in this page only.
export async function keepCountry(url) {
  try {
    await fetch(url, { credentials: "same-origin", redirect: "manual", cache: "no-store" });
  } catch {
    // Offline or going away: the next page asks again.
  }
}
