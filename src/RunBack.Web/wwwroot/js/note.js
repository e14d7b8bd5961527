// The runner's note (issue 26 item 16): the visible count follows every keystroke; the screen reader's copy (a polite
// live region) is updated only once typing pauses, so it is not read out at every key. Without scripts the count
// shown by the server stays, and the server checks the length when the form is posted.
const pause = 1200;

function length(text) {
  return [...text.replace(/\r\n?/g, "\n").trim()].length; // code points, as the server counts them
}

function words(used, max) {
  if (used === 0) return `Up to ${max} characters.`;
  if (used > max) return `${used} of ${max} characters: ${used - max} too many.`;
  return `${used} of ${max} characters used.`;
}

export function attach(root) {
  const field = root.matches("textarea[data-note-max]") ? root : root.querySelector("textarea[data-note-max]");
  if (!field || field.dataset.noteAttached) return;
  field.dataset.noteAttached = "1";
  const max = Number(field.dataset.noteMax);
  const count = document.getElementById(field.dataset.noteCount);
  const live = document.getElementById(field.dataset.noteLive);
  let timer = 0;
  field.addEventListener("input", () => {
    const text = words(length(field.value), max);
    if (count) {
      count.textContent = text;
      count.classList.toggle("note-field__count--over", length(field.value) > max);
    }
    clearTimeout(timer);
    timer = setTimeout(() => { if (live && live.textContent !== text) live.textContent = text; }, pause);
  });
}

for (const field of document.querySelectorAll("textarea[data-note-max]")) attach(field);
