// "Copy" buttons: <button data-copy="CSS selector of the text" hidden>. A module file, not inline script, so the CSP can forbid inline
// script. The button stays hidden without JavaScript (the code can still be selected and copied by hand).
for (const button of document.querySelectorAll("button[data-copy]")) {
  const label = button.textContent;
  button.hidden = false;
  button.addEventListener("click", async () => {
    const source = document.querySelector(button.dataset.copy);
    const text = source ? source.textContent.trim() : "";
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = "Copied";
    } catch {
      // No clipboard access (an old browser or a denied permission): select the text so a long-press or Ctrl+C copies it.
      window.getSelection().selectAllChildren(source);
      button.textContent = "Selected: copy it now";
    }
    setTimeout(() => { button.textContent = label; }, 4000);
  });
}
