// The worker survey works without this file. Where scripts run, "Send" is
// disabled after the first tap, so that a slow link invites no second tap
// (the server stores one answer per form either way).
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.classList || !form.classList.contains("survey-form")) { return; }
  var button = form.querySelector("button.send");
  if (!button) { return; }
  if (button.dataset.sent) { event.preventDefault(); return; }
  button.dataset.sent = "1";
  // Disable after the browser has taken the submission, so the form still posts.
  window.setTimeout(function () { button.disabled = true; }, 0);
});
// Back from the thank-you page may show this page from the browser's memory,
// with the previous worker's ticks and a form token already used: load it
// afresh, so that the next worker gets an empty form that can be sent.
window.addEventListener("pageshow", function (event) {
  if (event.persisted) { window.location.reload(); }
});
