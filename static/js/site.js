// Loaded in <head>, before the page is drawn (the Content-Security-Policy allows no inline
// script): the `js` class shows what needs JavaScript (site.css's .js-only) without a flash, and
// a button marked data-print (the result's Print button) prints the page.
"use strict";

document.documentElement.classList.add("js");
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-print]")) {
    window.print();
  }
});

// After htmx has compared the planner's plans in place (advice/planner.html), the focus goes to
// the error summary when a field is wrong, else to the planner's heading, so that a screen
// reader reads the new comparison from its start.
document.addEventListener("htmx:afterSettle", () => {
  const target =
    document.getElementById("planner-errors") || document.getElementById("planner-title");
  if (target) {
    target.setAttribute("tabindex", "-1");
    target.focus();
  }
});
