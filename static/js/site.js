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
