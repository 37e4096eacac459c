// Where scripts run, a "Copy" button beside each field marked data-copy puts its
// text on the clipboard. Without scripts the fields are still there to select.
document.addEventListener("DOMContentLoaded", function () {
  if (!navigator.clipboard) { return; }
  document.querySelectorAll("[data-copy]").forEach(function (field) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button small secondary";
    button.textContent = field.dataset.copy;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        button.textContent = field.dataset.copied;
      });
    });
    field.insertAdjacentElement("afterend", button);
  });
});
