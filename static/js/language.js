// The language links keep what is typed on a wizard step, not only the answers already in the
// address: before a link is followed, its query becomes the step form's values, as the form
// would send them (empty ones left out). Without JavaScript the form's own language buttons
// do it (views._in_language). Pages without a step form keep their plain links.
"use strict";

(() => {
  const form = document.getElementById("step-form");
  const links = document.querySelectorAll("#languages a[hreflang]");
  if (!form || links.length === 0) {
    return;
  }

  const keepTyped = () => {
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (value !== "") {
        query.append(key, value);
      }
    }
    for (const link of links) {
      const url = new URL(link.href);
      url.search = query.toString();
      link.href = url.href;
    }
  };

  form.addEventListener("input", keepTyped);
  form.addEventListener("change", keepTyped);
  for (const link of links) {
    link.addEventListener("click", keepTyped);
  }
})();
