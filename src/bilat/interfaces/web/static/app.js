// The dyad page's evidence drawer: clicking an event shows its evidence beside the timeline.
// The evidence is already in the page (escaped by the server); this only moves a copy.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const drawer = document.getElementById("drawer");
  if (!drawer) return;
  const content = drawer.querySelector(".content");
  let current = null;
  const close = () => {
    drawer.hidden = true;
    if (current) current.setAttribute("aria-expanded", "false");
    current = null;
  };
  document.querySelectorAll("button.event[data-evidence]").forEach((button) => {
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", () => {
      if (current === button) { close(); return; }
      const source = document.getElementById(button.dataset.evidence);
      if (!source) return;
      const copy = source.cloneNode(true);
      copy.hidden = false;
      copy.removeAttribute("id");
      content.replaceChildren(copy);
      if (current) current.setAttribute("aria-expanded", "false");
      current = button;
      button.setAttribute("aria-expanded", "true");
      drawer.hidden = false;
    });
  });
  drawer.querySelector(".close").addEventListener("click", close);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") close(); });
});
